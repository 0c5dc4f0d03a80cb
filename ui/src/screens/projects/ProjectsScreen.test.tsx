import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { api, type ProjectQuery } from "../../platform/api";
import { detail, pageOf, row } from "../../test/fixtures";
import { fakeViewport, renderWithApp } from "../../test/render";
import { ProjectsScreen } from "./ProjectsScreen";

let restoreViewport: () => void;

beforeEach(() => {
  restoreViewport = fakeViewport();
});
afterEach(() => restoreViewport());

function listCalls(spy: { mock: { calls: unknown[][] } }): ProjectQuery[] {
  return spy.mock.calls.map((c) => c[0] as ProjectQuery);
}

describe("projects register", () => {
  it("shows the total and the rows of the first page, then reports ready", async () => {
    vi.spyOn(api, "listProjects").mockImplementation(pageOf(100_000));
    renderWithApp(<ProjectsScreen />);

    expect(await screen.findByTestId("project-total")).toHaveTextContent("100000 projects");
    const rows = screen.getAllByTestId("project-row");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute("data-id", "p0");
    expect(rows[0]).toHaveAttribute("data-reference", "ISO 10000");
    expect(rows[0]).toHaveTextContent("Project 0");
    expect(rows[0]).toHaveTextContent("30.20");
    expect(rows[0]).toHaveTextContent("Committee");
    await waitFor(() => expect(document.body.dataset.ready).toBe("true"));
  });

  it("fetches the page under the viewport when scrolled far down, and only that page", async () => {
    const list = vi.spyOn(api, "listProjects").mockImplementation(pageOf(100_000));
    renderWithApp(<ProjectsScreen />);
    await screen.findAllByTestId("project-row");
    expect(listCalls(list).map((q) => q.offset)).toEqual([0]);

    const scroller = screen.getByTestId("project-list");
    act(() => {
      // Row 50,050 at the top: it and the rows around it all live in the page at offset 50,000.
      scroller.scrollTop = 32 + 50_050 * 34;
      fireEvent.scroll(scroller);
    });

    await waitFor(() => expect(screen.getAllByTestId("project-row").some((r) => r.dataset.id === "p50050")).toBe(true));
    expect(listCalls(list).map((q) => q.offset)).toEqual([0, 50_000]);
    expect(listCalls(list).every((q) => q.limit === 100)).toBe(true);
  });

  it("searches as you type, once the typing pauses", async () => {
    const list = vi.spyOn(api, "listProjects").mockImplementation(pageOf(3));
    renderWithApp(<ProjectsScreen />);
    await screen.findAllByTestId("project-row");

    await userEvent.type(screen.getByTestId("project-search"), "智慧灯杆");
    await waitFor(() => expect(listCalls(list).at(-1)?.search).toBe("智慧灯杆"));
    // One request for the settled text, not one per keystroke.
    expect(listCalls(list).filter((q) => q.search !== "").length).toBe(1);
  });

  it("sorts by a header and reverses on the second click", async () => {
    const list = vi.spyOn(api, "listProjects").mockImplementation(pageOf(3));
    renderWithApp(<ProjectsScreen />);
    await screen.findAllByTestId("project-row");

    await userEvent.click(screen.getByTestId("sort-limit_date"));
    await waitFor(() => expect(listCalls(list).at(-1)).toMatchObject({ sort: "limit_date", descending: false }));
    await userEvent.click(screen.getByTestId("sort-limit_date"));
    await waitFor(() => expect(listCalls(list).at(-1)).toMatchObject({ sort: "limit_date", descending: true }));
    expect(screen.getByRole("columnheader", { name: /Limit/ })).toHaveAttribute("aria-sort", "descending");
  });

  it("marks overdue and sample projects, and shows the Chinese title when the English one is missing", async () => {
    vi.spyOn(api, "listProjects").mockResolvedValue({
      total: 2,
      offset: 0,
      rows: [row(0, { overdue: true }), row(1, { sample: true, title_en: "", title_zh: "智慧灯杆" })],
    });
    renderWithApp(<ProjectsScreen />);
    const [late, sample] = await screen.findAllByTestId("project-row");
    expect(within(late).getByTestId("badge-overdue")).toHaveTextContent("Overdue");
    expect(within(late).queryByTestId("badge-sample")).toBeNull();
    expect(within(sample).getByTestId("badge-sample")).toHaveTextContent("Sample");
    expect(sample).toHaveTextContent("智慧灯杆");
  });

  it("Ctrl+F puts the cursor in the search box", async () => {
    vi.spyOn(api, "listProjects").mockImplementation(pageOf(3));
    renderWithApp(<ProjectsScreen />);
    await screen.findAllByTestId("project-row");
    await userEvent.keyboard("{Control>}f{/Control}");
    expect(screen.getByTestId("project-search")).toHaveFocus();
  });

  it("filters by tier and overdue", async () => {
    const list = vi.spyOn(api, "listProjects").mockImplementation(pageOf(3));
    renderWithApp(<ProjectsScreen />);
    await screen.findAllByTestId("project-row");

    await userEvent.selectOptions(screen.getByTestId("filter-tier"), "local");
    await userEvent.click(screen.getByTestId("filter-overdue"));
    await waitFor(() => expect(listCalls(list).at(-1)).toMatchObject({ tier: "local", overdue: true }));
  });

  it("opens the selected project in the detail pane with its history newest first", async () => {
    vi.spyOn(api, "listProjects").mockImplementation(pageOf(3));
    vi.spyOn(api, "getProject").mockResolvedValue(detail(1));
    renderWithApp(<ProjectsScreen />);

    await userEvent.click((await screen.findAllByTestId("project-row"))[1]);
    expect(await screen.findByTestId("field-reference")).toHaveValue("ISO 10001");
    const events = screen.getAllByTestId("stage-event");
    expect(events.map((e) => e.dataset.code)).toEqual(["30.20", "20.00"]);
    expect(events[0]).toHaveTextContent("CD consultation");
    expect(screen.queryByTestId("field-stage")).toBeNull();
  });
});

describe("unsaved changes guard", () => {
  async function editFirstProject() {
    vi.spyOn(api, "listProjects").mockImplementation(pageOf(3));
    const get = vi.spyOn(api, "getProject").mockImplementation((id) => Promise.resolve(detail(Number(id.slice(1)))));
    renderWithApp(<ProjectsScreen />);
    const rows = await screen.findAllByTestId("project-row");
    await userEvent.click(rows[0]);
    const title = await screen.findByTestId("field-title_en");
    await userEvent.clear(title);
    await userEvent.type(title, "Edited title");
    return { get, rows };
  }

  it("asks before switching project, and Cancel keeps the edits", async () => {
    const { get, rows } = await editFirstProject();
    await userEvent.click(rows[2]);

    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByTestId("confirm-save")).toBeInTheDocument();
    await userEvent.click(within(dialog).getByTestId("confirm-cancel"));

    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByTestId("field-title_en")).toHaveValue("Edited title");
    expect(get).toHaveBeenCalledTimes(1);
  });

  it("Discard drops the edits and opens the other project", async () => {
    const { rows } = await editFirstProject();
    const update = vi.spyOn(api, "updateProject");
    await userEvent.click(rows[2]);
    await userEvent.click(await screen.findByTestId("confirm-discard"));

    await waitFor(() => expect(screen.getByTestId("field-reference")).toHaveValue("ISO 10002"));
    expect(update).not.toHaveBeenCalled();
  });

  it("Save stores the edits, then opens the other project", async () => {
    const { rows } = await editFirstProject();
    const update = vi.spyOn(api, "updateProject").mockImplementation((id, input) =>
      Promise.resolve({ ...detail(0), project: { id, ...input } }),
    );
    await userEvent.click(rows[2]);
    await userEvent.click(await screen.findByTestId("confirm-save"));

    await waitFor(() => expect(screen.getByTestId("field-reference")).toHaveValue("ISO 10002"));
    expect(update).toHaveBeenCalledWith("p0", expect.objectContaining({ title_en: "Edited title" }));
  });

  it("asks before starting a new project with Ctrl+N", async () => {
    await editFirstProject();
    await userEvent.keyboard("{Control>}n{/Control}");
    expect(await screen.findByTestId("confirm-discard")).toBeInTheDocument();
  });

  it("Esc reverts the form", async () => {
    await editFirstProject();
    await userEvent.keyboard("{Escape}");
    expect(screen.getByTestId("field-title_en")).toHaveValue("Project 0");
  });
});
