import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SearchBox } from "../../components/SearchBox";
import { registersApi, type ImportPreview } from "../../platform/registers";
import { NavigationContext } from "../../state/navigation";
import { renderWithApp } from "../../test/render";
import { DashboardScreen } from "../dashboard/DashboardScreen";
import { RoleDialog } from "../people/RoleDialog";
import { ImportDialog } from "./ImportDialog";

const preview = (extra: Partial<ImportPreview> = {}): ImportPreview => ({
  kind: "person",
  file: "people.csv",
  rows: 2,
  create: 1,
  update: 1,
  unchanged: 0,
  errors: [],
  changes: [
    { row: 2, action: "create", id: "p1", fields: ["name_zh", "email"] },
    { row: 3, action: "update", id: "p2", fields: ["phone"] },
  ],
  ...extra,
});

describe("the import preview", () => {
  it("lists every problem with its row and column and never applies a bad file", async () => {
    const apply = vi.spyOn(registersApi, "importRegister");
    renderWithApp(
      <ImportDialog kind="person" path="/tmp/people.csv" onClose={() => {}} onImported={() => {}}
        preview={preview({ errors: [{ row: 7, column: "role", message: "unknown value 'chairman'" }] })} />,
    );
    const problem = screen.getByTestId("import-error");
    expect(problem).toHaveAttribute("data-row", "7");
    expect(problem).toHaveTextContent("role");
    expect(screen.getByTestId("import-apply")).toBeDisabled();
    expect(apply).not.toHaveBeenCalled();
  });

  it("applies a valid file and says how many rows", async () => {
    const apply = vi.spyOn(registersApi, "importRegister").mockResolvedValue(preview());
    const imported = vi.fn();
    renderWithApp(<ImportDialog kind="person" path="/tmp/people.csv" onClose={() => {}} onImported={imported} preview={preview()} />);
    expect(screen.getAllByTestId("import-row")).toHaveLength(2);
    await userEvent.click(screen.getByTestId("import-apply"));
    await waitFor(() => expect(imported).toHaveBeenCalled());
    expect(apply).toHaveBeenCalledWith("person", "/tmp/people.csv");
    expect(await screen.findByTestId("notice")).toHaveTextContent("Imported 2 rows");
  });
});

describe("the search box", () => {
  it("groups hits by kind and opens the chosen record", async () => {
    const search = vi.spyOn(registersApi, "searchEverywhere").mockResolvedValue({
      query: "王芳",
      groups: [
        { kind: "person", total: 1, hits: [{ id: "u2", kind: "person", label: "王芳 Wang Fang", secondary: "wang.fang@example.org" }] },
        { kind: "liaison", total: 1, hits: [{ id: "l1", kind: "liaison", label: "IEEE SA ↔ ISO/TC 20", secondary: "rep 王芳" }] },
      ],
    });
    const openRecord = vi.fn();
    renderWithApp(
      <NavigationContext.Provider value={{ target: null, openRecord, draft: null, openDraft: () => {}, openPackets: () => {} }}>
        <SearchBox />
      </NavigationContext.Provider>,
    );
    await userEvent.type(screen.getByTestId("global-search"), "王芳");
    const groups = await screen.findAllByTestId("search-group");
    expect(groups.map((g) => g.dataset.kind)).toEqual(["person", "liaison"]);
    expect(search).toHaveBeenLastCalledWith("王芳");
    await userEvent.keyboard("{ArrowDown}{Enter}");
    expect(openRecord).toHaveBeenCalledWith("liaison", "l1");
  });
});

describe("adding a role", () => {
  it("refuses an end before the start without asking the core", async () => {
    const create = vi.spyOn(registersApi, "createMembership");
    renderWithApp(<RoleDialog personId="u1" onDone={() => {}} onCancel={() => {}} />);
    await userEvent.selectOptions(screen.getByTestId("field-committee_id"), "c1");
    await userEvent.type(screen.getByTestId("field-start_date"), "2024-05-01");
    await userEvent.type(screen.getByTestId("field-end_date"), "2024-04-30");
    await userEvent.click(screen.getByTestId("role-save"));
    expect(await screen.findByTestId("error-end_date")).toHaveTextContent("may not be before");
    expect(create).not.toHaveBeenCalled();
  });
});

describe("the dashboard", () => {
  it("shows what needs attention and opens a statement from its item", async () => {
    vi.spyOn(registersApi, "dashboard").mockResolvedValue({
      today: "2026-03-01",
      statements: { total: 1, items: [{ id: "s1", title: "Request for comments", direction: "incoming", purpose: "comment", state: "pending", deadline: "2026-03-08", days_left: 7, overdue: false }] },
      liaisons: { total: 0, items: [] },
      projects: { total: 0, items: [] },
      memberships: { total: 0, items: [] },
      targets: [{ target: { id: "t1", name_en: "Experts trained", name_zh: "培训专家", measure: "experts_trained", goal: 500, deadline: "2027-12-31" }, value: 125, percent: 25, reached: false }],
    });
    const openRecord = vi.fn();
    renderWithApp(
      <NavigationContext.Provider value={{ target: null, openRecord, draft: null, openDraft: () => {}, openPackets: () => {} }}>
        <DashboardScreen />
      </NavigationContext.Provider>,
    );
    const item = await screen.findByTestId("dash-statement");
    expect(item).toHaveTextContent("in 7 days");
    expect(screen.getByTestId("dash-liaisons")).toHaveTextContent("Nothing due");
    expect(screen.getByTestId("target-bar")).toHaveAttribute("data-percent", "25");
    await userEvent.click(item);
    expect(openRecord).toHaveBeenCalledWith("statement", "s1");
  });
});
