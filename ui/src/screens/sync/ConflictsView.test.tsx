import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { syncApi } from "../../platform/sync";
import { renderWithApp } from "../../test/render";
import { conflict } from "../../test/syncFixtures";
import { ConflictsView } from "./ConflictsView";

describe("conflicts", () => {
  it("shows both sides with who and when, and which one is shown now", async () => {
    vi.spyOn(syncApi, "conflicts").mockResolvedValue([conflict]);
    renderWithApp(<ConflictsView onResolved={() => {}} />);
    const card = await screen.findByTestId("conflict");
    expect(card).toHaveAttribute("data-field", "title_en");
    expect(card).toHaveTextContent("ISO/CD 21384-5");
    expect(card).toHaveTextContent("Title (English)");
    const current = within(card).getByTestId("conflict-side-current");
    const other = within(card).getByTestId("conflict-side-other");
    expect(current).toHaveTextContent("Shown now");
    expect(within(current).getByTestId("conflict-value")).toHaveTextContent("Part 5 (Li)");
    expect(within(current).getByTestId("conflict-by")).toHaveTextContent("Li Ming");
    expect(within(other).getByTestId("conflict-value")).toHaveTextContent("Part 5 (Chen)");
    expect(within(other).getByTestId("conflict-by")).toHaveTextContent("Chen Jing (this workstation)");
    expect(within(other).getByTestId("conflict-at")).toHaveTextContent(/^2026-11-27 \d\d:\d\d$/);
  });

  it("keeps the chosen side and refreshes the list", async () => {
    const list = vi.spyOn(syncApi, "conflicts").mockResolvedValueOnce([conflict]).mockResolvedValueOnce([]);
    const resolve = vi.spyOn(syncApi, "resolve").mockResolvedValue(null);
    const resolved = vi.fn();
    renderWithApp(<ConflictsView onResolved={resolved} />);
    await userEvent.click(await screen.findByTestId("conflict-keep-other"));
    expect(resolve).toHaveBeenCalledWith("c1", "other");
    expect(await screen.findByTestId("conflicts-empty")).toHaveTextContent("No conflicts");
    expect(list).toHaveBeenCalledTimes(2);
    expect(resolved).toHaveBeenCalled();
    expect(screen.getByTestId("notice")).toHaveTextContent("Conflict resolved: ISO/CD 21384-5");
  });

  it("words a delete that met an edit", async () => {
    vi.spyOn(syncApi, "conflicts").mockResolvedValue([
      {
        ...conflict,
        kind: "delete",
        field: "deleted",
        current: { ...conflict.current, field: "deleted", value: true },
        other: { ...conflict.other, field: "stage", value: "40.20" },
      },
    ]);
    renderWithApp(<ConflictsView onResolved={() => {}} />);
    const card = await screen.findByTestId("conflict");
    expect(card).toHaveTextContent("Deleted here or there, edited elsewhere");
    expect(within(card).getByTestId("conflict-side-current")).toHaveTextContent("Deleted");
    expect(within(card).getByTestId("conflict-side-other")).toHaveTextContent("Edited Stage: 40.20");
  });
});
