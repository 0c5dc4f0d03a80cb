import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Assembled, PreflightItem } from "../../bindings";
import { ApiFailure } from "../../platform/api";
import * as platform from "../../platform/packets";
import { NavigationContext } from "../../state/navigation";
import { renderWithApp } from "../../test/render";
import { PacketsScreen } from "./PacketsScreen";

const subject = { kind: "project" as const, id: "p1", label: "ISO/CD 21384-5" };

function item(severity: "error" | "warning", key: string, record = { kind: "project", id: "p1" }, field = "scope"): PreflightItem {
  return { severity, record, field, key: `packet.preflight.${key}`, args: [], message: `${key} (core)` };
}

function assembled(preflight: PreflightItem[]): Assembled {
  return {
    data: { source: { kind: "project", id: "p1" }, date: "2026-03-02", title: "ISO/CD 21384-5 — New work item proposal", content: {} as Assembled["data"]["content"] },
    preflight,
  };
}

function renderScreen(openRecord = vi.fn()) {
  renderWithApp(
    <NavigationContext.Provider value={{ target: null, openRecord, draft: null, openDraft: vi.fn(), openPackets: vi.fn() }}>
      <PacketsScreen subject={subject} onSubject={vi.fn()} />
    </NavigationContext.Provider>,
  );
  return openRecord;
}

beforeEach(() => {
  vi.spyOn(platform.packetsApi, "kinds").mockResolvedValue(["nwip", "draft", "comments"]);
});

describe("packets screen", () => {
  it("offers only the kinds that apply and checks the first", async () => {
    const preflight = vi.spyOn(platform.packetsApi, "preflight").mockResolvedValue(assembled([]));
    renderScreen();
    expect(await screen.findByTestId("packet-kind-nwip")).toBeChecked();
    expect(screen.getByTestId("packet-kind-draft")).not.toBeChecked();
    expect(screen.queryByTestId("packet-kind-liaison")).toBeNull();
    expect(await screen.findByTestId("packet-preflight-ok")).toHaveTextContent("Nothing is missing or doubtful.");
    expect(preflight).toHaveBeenLastCalledWith({ kind: "nwip", id: "p1", date: null, lang: null });

    await userEvent.click(screen.getByTestId("packet-kind-draft"));
    await waitFor(() => expect(preflight).toHaveBeenLastCalledWith({ kind: "draft", id: "p1", date: null, lang: null }));
  });

  it("lists the pre-flight items, blocks on an error and jumps to the field to fix", async () => {
    vi.spyOn(platform.packetsApi, "preflight").mockResolvedValue(
      assembled([item("error", "no_scope"), item("warning", "few_experts", { kind: "committee", id: "c1" }, "members")]),
    );
    const openRecord = renderScreen();
    const items = await screen.findAllByTestId("packet-preflight-item");
    expect(items.map((i) => [i.dataset.severity, i.dataset.key])).toEqual([
      ["error", "packet.preflight.no_scope"],
      ["warning", "packet.preflight.few_experts"],
    ]);
    expect(items[0]).toHaveTextContent("The project has no scope.");
    expect(screen.getByTestId("packet-blocked")).toHaveTextContent("Fix the missing item");
    expect(screen.getByTestId("packet-save")).toBeDisabled();
    expect(screen.getByTestId("packet-print")).toBeDisabled();

    await userEvent.click(within(items[0]).getByTestId("packet-fix"));
    expect(openRecord).toHaveBeenLastCalledWith("project", "p1", "scope");
    await userEvent.click(within(items[1]).getByTestId("packet-fix"));
    expect(openRecord).toHaveBeenLastCalledWith("committee", "c1", "members");
  });

  it("saves through the save dialog with progress and says where", async () => {
    vi.spyOn(platform.packetsApi, "preflight").mockResolvedValue(assembled([item("warning", "no_track")]));
    const choose = vi.spyOn(platform, "choosePacketDestination").mockResolvedValue("/home/li/packet.pdf");
    let finish: (v: { path: string; pages: number; bytes: number }) => void = () => {};
    const save = vi.spyOn(platform.packetsApi, "save").mockImplementation((_req, _path, onProgress) => {
      onProgress({ phase: "layout", step: 0, steps: 2 });
      return new Promise((resolve) => (finish = resolve));
    });
    renderScreen();
    await userEvent.click(await screen.findByTestId("packet-save"));
    expect(choose).toHaveBeenCalledWith("ISO-CD 21384-5 — New work item proposal.pdf", "Save the packet as PDF");
    expect(save).toHaveBeenCalledWith({ kind: "nwip", id: "p1", date: null, lang: null }, "/home/li/packet.pdf", expect.any(Function));
    expect(await screen.findByTestId("packet-progress")).toHaveAttribute("data-phase", "layout");
    expect(screen.getByTestId("packet-save")).toBeDisabled();
    finish({ path: "/home/li/packet.pdf", pages: 6, bytes: 90_000 });
    expect(await screen.findByTestId("packet-saved")).toHaveTextContent("Saved /home/li/packet.pdf (6 pages).");
    expect(screen.queryByTestId("packet-progress")).toBeNull();
  });

  it("makes nothing when the dialog is cancelled and shows a refusal clearly", async () => {
    vi.spyOn(platform.packetsApi, "preflight").mockResolvedValue(assembled([]));
    const choose = vi.spyOn(platform, "choosePacketDestination").mockResolvedValueOnce(null).mockResolvedValueOnce("/read-only/p.pdf");
    const save = vi
      .spyOn(platform.packetsApi, "save")
      .mockRejectedValue(new ApiFailure("validation", "cannot write /read-only/p.pdf: Permission denied (os error 13)", "path"));
    renderScreen();
    await userEvent.click(await screen.findByTestId("packet-save"));
    expect(choose).toHaveBeenCalledTimes(1);
    expect(save).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId("packet-save"));
    expect(await screen.findByTestId("packet-error")).toHaveTextContent("Could not save the packet: cannot write /read-only/p.pdf: Permission denied");
    expect(screen.queryByTestId("packet-saved")).toBeNull();
  });

  it("shows a font that does not load as an error", async () => {
    vi.spyOn(platform.packetsApi, "preflight").mockResolvedValue(assembled([]));
    vi.spyOn(platform.packetsApi, "pages").mockRejectedValue(
      new ApiFailure("fonts", "font /opt/normdesk/fonts/NotoSerifCJKsc-Regular.otf: No such file or directory (os error 2); reinstall Normdesk"),
    );
    renderScreen();
    await userEvent.click(await screen.findByTestId("packet-print"));
    expect(await screen.findByTestId("packet-error")).toHaveTextContent("Could not prepare the packet for printing: font /opt/normdesk/fonts/NotoSerifCJKsc-Regular.otf");
    expect(screen.queryByTestId("packet-print-view")).toBeNull();
  });

  it("shows the pages and prints them in the page's orientation", async () => {
    vi.spyOn(platform.packetsApi, "preflight").mockResolvedValue(assembled([]));
    const page = { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="842pt" height="595pt"></svg>', width_pt: 842, height_pt: 595 };
    vi.spyOn(platform.packetsApi, "pages").mockResolvedValue([page, page]);
    const print = vi.spyOn(platform, "printPages").mockResolvedValue(undefined);
    renderScreen();
    await userEvent.click(await screen.findByTestId("packet-print"));
    const view = await screen.findByTestId("packet-print-view");
    expect(view).toHaveAttribute("data-pages", "2");
    expect(within(view).getAllByTestId("packet-print-page")[0].getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    await userEvent.click(screen.getByTestId("packet-print-go"));
    expect(print).toHaveBeenCalledWith(true);
    await userEvent.click(screen.getByTestId("packet-print-close"));
    expect(screen.queryByTestId("packet-print-view")).toBeNull();
  });
});
