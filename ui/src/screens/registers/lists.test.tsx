// The register lists (virtualised, filterable), delete with its confirmation and the core's
// refusal, and the programme targets' dialog.

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ApiFailure } from "../../platform/api";
import { registersApi, type CommitteePage, type MemberRow, type OrganisationRow, type StatementRow } from "../../platform/registers";
import { fakeViewport, renderWithApp } from "../../test/render";
import { CommitteeView } from "../committees/CommitteeView";
import { CommitteesScreen } from "../committees/CommitteesScreen";
import { DashboardScreen } from "../dashboard/DashboardScreen";
import { OrganisationsScreen } from "../organisations/OrganisationsScreen";
import { PeopleScreen } from "../people/PeopleScreen";
import { PersonView } from "../people/PersonView";
import { StatementsScreen } from "../statements/StatementsScreen";

let restoreViewport: () => void;
beforeEach(() => {
  restoreViewport = fakeViewport();
});
afterEach(() => restoreViewport());

const organisation = (i: number): OrganisationRow => ({
  id: `o${i}`, acronym: `ORG${i}`, name_en: `Organisation ${i}`, name_zh: "", kind: i % 2 ? "consortium" : "national_body",
  country: "", in_city: false, sample: false, committees: 0, people: 0, liaisons: 0,
});

const statement = (i: number): StatementRow => ({
  id: `s${i}`, direction: "incoming", title: `Statement ${i}`, from_party: "ISO/TC 20", to_party: "SAC/TC 435", purpose: "information",
  deadline: null, state: "pending", committee_reference: null, in_response_to: null, overdue: false, sample: false,
});

describe("register lists", () => {
  it("render only the visible rows of 5,000 organisations and filter them by kind", async () => {
    vi.spyOn(registersApi, "listOrganisations").mockResolvedValue(Array.from({ length: 5000 }, (_, i) => organisation(i)));
    renderWithApp(<OrganisationsScreen />);
    await waitFor(() => expect(screen.getByTestId("organisation-list")).toHaveAttribute("data-total", "5000"));
    const rendered = screen.getAllByTestId("organisation-row").length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);

    await userEvent.selectOptions(screen.getByTestId("filter-org_kind"), "consortium");
    expect(screen.getByTestId("organisation-list")).toHaveAttribute("data-total", "2500");
    expect(screen.getAllByTestId("organisation-row")[0]).toHaveAttribute("data-acronym", "ORG1");
    await userEvent.click(screen.getByTestId("filter-clear"));
    expect(screen.getByTestId("organisation-list")).toHaveAttribute("data-total", "5000");
  });

  it("fetch 50,000 statements a page at a time and ask the core for the chosen state", async () => {
    const list = vi.spyOn(registersApi, "listStatements").mockImplementation(async (q) => ({
      total: 50_000,
      offset: q.offset ?? 0,
      rows: Array.from({ length: q.limit ?? 100 }, (_, i) => statement((q.offset ?? 0) + i)),
    }));
    renderWithApp(<StatementsScreen />);
    await waitFor(() => expect(screen.getByTestId("statement-total")).toHaveAttribute("data-total", "50000"));
    expect(screen.getAllByTestId("statement-row").length).toBeLessThan(60);
    expect(list).toHaveBeenCalledTimes(1);

    await userEvent.selectOptions(screen.getByTestId("filter-state"), "dead");
    await waitFor(() => expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ state: "dead", offset: 0, limit: 100 })));
  });

  it("move the selection through a committee tree with the keyboard, over the headings", async () => {
    const node = (id: string, depth: number, organisation: string, parent_id: string | null = null) => ({
      id, reference: id, title_en: "", title_zh: "", kind: depth ? ("SC" as const) : ("TC" as const), membership: "P" as const,
      organisation_id: null, organisation, parent_id, depth, children: 0,
    });
    vi.spyOn(registersApi, "committeeTree").mockResolvedValue([node("ISO/TC 20", 0, "ISO"), node("ISO/TC 20/SC 16", 1, "ISO", "ISO/TC 20"), node("SAC/TC 435", 0, "SAC")]);
    vi.spyOn(registersApi, "committeePage").mockReturnValue(new Promise(() => {}));
    renderWithApp(<CommitteesScreen />);
    const tree = await screen.findByTestId("committee-tree");
    await waitFor(() => expect(within(tree).getAllByTestId("committee-node")).toHaveLength(3));
    tree.focus();
    await userEvent.keyboard("{Home}");
    const selected = () => within(tree).getAllByTestId("committee-node").find((n) => n.getAttribute("aria-selected") === "true")?.dataset.reference;
    await waitFor(() => expect(selected()).toBe("ISO/TC 20"));
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    await waitFor(() => expect(selected()).toBe("SAC/TC 435"));

    await userEvent.selectOptions(screen.getByTestId("filter-kind"), "SC");
    expect(within(tree).getAllByTestId("committee-node").map((n) => n.dataset.reference)).toEqual(["ISO/TC 20", "ISO/TC 20/SC 16"]);
  });
});

const committeePage: CommitteePage = {
  committee: { id: "c1", reference: "ISO/TC 20/SC 16", title_en: "Unmanned aircraft systems", title_zh: "", organisation_id: null, parent_id: null, kind: "SC", secretariat: "", membership: "P", scope: "", sample: false },
  organisation: null,
  ancestors: [],
  members: [],
  projects: [{ id: "p1", reference: "ISO/CD 21384-5", title_en: "UAS", title_zh: "", stage: "30.20", our_role: "lead", leader: null }],
  liaisons: [],
  subcommittees: [],
};

describe("a record's page", () => {
  const member = (i: number, current: boolean): MemberRow => ({
    membership_id: `m${i}`, person_id: `u${i}`, person: `Expert ${String(i).padStart(4, "0")}`, role: i === 0 ? "chair" : "expert",
    start_date: "2020-01-01", end_date: current ? null : "2024-06-30", current,
  });

  it("shows a window of a committee's 3,000 members, ended ones as history, and filters them", async () => {
    const members = Array.from({ length: 3000 }, (_, i) => member(i, i < 2500));
    vi.spyOn(registersApi, "committeePage").mockResolvedValue({ ...committeePage, members });
    renderWithApp(<CommitteeView id="c1" version={0} onChanged={() => {}} onDeleted={() => {}} onNewUnder={() => {}} />);
    const list = await screen.findByTestId("member-list");
    expect(list).toHaveAttribute("data-total", "3001");
    const rendered = within(list).getAllByTestId("member-row");
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]).toHaveAttribute("data-role", "chair");
    expect(screen.getByTestId("member-list-count")).toHaveTextContent("3000 of 3000");

    await userEvent.click(screen.getByTestId("member-list-filter"));
    await userEvent.paste("expert 299");
    expect(screen.getByTestId("member-list-count")).toHaveTextContent("13 of 3000");
    expect(within(list).getByText("Ended roles (history)")).toBeInTheDocument();
    expect(within(list).getAllByTestId("member-row").map((r) => `${r.dataset.id} ${r.dataset.current}`)).toEqual([
      "u299 true", "u1299 true", "u2299 true", ...Array.from({ length: 10 }, (_, i) => `u${2990 + i} false`),
    ]);

    await userEvent.clear(screen.getByTestId("member-list-filter"));
    await userEvent.paste("nobody");
    expect(within(list).queryAllByTestId("member-row")).toHaveLength(0);
    expect(list).toHaveTextContent("Nothing matches the filter.");
  }, 15_000);

  it("lists a few sub-committees without a filter box, and says when there are none", async () => {
    vi.spyOn(registersApi, "committeePage").mockResolvedValue(committeePage);
    renderWithApp(<CommitteeView id="c1" version={0} onChanged={() => {}} onDeleted={() => {}} onNewUnder={() => {}} />);
    expect(await screen.findByTestId("committee-project")).toHaveTextContent("ISO/CD 21384-5");
    expect(screen.queryByTestId("committee-project-list-filter")).toBeNull();
    expect(screen.getByTestId("committee-members")).toHaveTextContent("No members recorded.");
    expect(screen.queryByTestId("member-list")).toBeNull();
  });
});

describe("deleting a record", () => {
  it("shows the core's refusal in the dialog and changes nothing", async () => {
    vi.spyOn(registersApi, "committeePage").mockResolvedValue(committeePage);
    const refusal = "committee c1 is still referred to by project ISO/CD 21384-5; change or remove those first";
    const remove = vi.spyOn(registersApi, "deleteCommittee").mockRejectedValue(new ApiFailure("validation", refusal, "id"));
    const deleted = vi.fn();
    renderWithApp(<CommitteeView id="c1" version={0} onChanged={() => {}} onDeleted={deleted} onNewUnder={() => {}} />);
    await userEvent.click(await screen.findByTestId("committee-delete"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("ISO/TC 20/SC 16");
    await userEvent.click(screen.getByTestId("confirm-delete"));
    expect(await screen.findByTestId("delete-refused")).toHaveTextContent("nothing was changed: committee c1 is still referred to by project ISO/CD 21384-5");
    expect(remove).toHaveBeenCalledWith("c1");
    expect(deleted).not.toHaveBeenCalled();
    expect(screen.queryByTestId("confirm-delete")).toBeNull();
    await userEvent.click(screen.getByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  });

  it("deletes after the confirmation, and not before", async () => {
    vi.spyOn(registersApi, "committeePage").mockResolvedValue({ ...committeePage, projects: [] });
    const remove = vi.spyOn(registersApi, "deleteCommittee").mockResolvedValue(null);
    const deleted = vi.fn();
    renderWithApp(<CommitteeView id="c1" version={0} onChanged={() => {}} onDeleted={deleted} onNewUnder={() => {}} />);
    await userEvent.click(await screen.findByTestId("committee-delete"));
    await userEvent.click(screen.getByTestId("confirm-cancel"));
    expect(remove).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId("committee-delete"));
    await userEvent.click(screen.getByTestId("confirm-delete"));
    await waitFor(() => expect(deleted).toHaveBeenCalled());
    expect(remove).toHaveBeenCalledWith("c1");
  });
});

describe("people", () => {
  it("are listed page by page and filtered by organisation in the core", async () => {
    vi.spyOn(registersApi, "listOrganisations").mockResolvedValue([organisation(7)]);
    const list = vi.spyOn(registersApi, "listPeople").mockImplementation(async ({ offset = 0, limit = 100 }) => ({
      total: 20_000,
      offset,
      rows: Array.from({ length: limit }, (_, i) => ({ id: `u${offset + i}`, name_zh: "", name_en: `Person ${offset + i}`, email: "", phone: "", organisation: null, expertise: "", current_roles: 0, trained: false, sample: false })),
    }));
    renderWithApp(<PeopleScreen />);
    await waitFor(() => expect(screen.getByTestId("person-total")).toHaveAttribute("data-total", "20000"));
    expect(screen.getAllByTestId("person-row").length).toBeLessThan(60);
    await waitFor(() => expect(screen.getByTestId("filter-organisation_id").querySelectorAll("option")).toHaveLength(2));
    await userEvent.selectOptions(screen.getByTestId("filter-organisation_id"), "o7");
    await waitFor(() => expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ organisation_id: "o7", offset: 0 })));
  });

  it("lose an ended role through Delete, after the confirmation", async () => {
    vi.spyOn(registersApi, "personPage").mockResolvedValue({
      person: { id: "u1", name_zh: "王芳", name_en: "Wang Fang", email: "", phone: "", organisation_id: null, expertise: "", sample: false },
      organisation: null,
      roles: [{ membership_id: "m1", committee_id: "c1", committee_reference: "ISO/TC 20/SC 16", committee_title_en: "", committee_title_zh: "", role: "expert", start_date: "2020-01-01", end_date: "2021-01-01", current: false }],
      projects: [],
      training: [],
    });
    const remove = vi.spyOn(registersApi, "deleteMembership").mockResolvedValue(null);
    renderWithApp(<PersonView id="u1" onChanged={() => {}} onDeleted={() => {}} />);
    await userEvent.click(await screen.findByTestId("role-delete"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("Expert · ISO/TC 20/SC 16");
    await userEvent.click(screen.getByTestId("confirm-delete"));
    await waitFor(() => expect(remove).toHaveBeenCalledWith("m1"));
  });
});

describe("programme targets", () => {
  const dashboard = {
    today: "2026-03-01",
    statements: { total: 0, items: [] },
    liaisons: { total: 0, items: [] },
    projects: { total: 0, items: [] },
    memberships: { total: 0, items: [] },
    targets: [{ target: { id: "t1", name_en: "Experts trained", name_zh: "培训专家", measure: "experts_trained" as const, goal: 500, deadline: "2027-12-31" }, value: 125, percent: 25, reached: false }],
  };

  it("are added with their checks next to the fields, and the core's refusal too", async () => {
    vi.spyOn(registersApi, "dashboard").mockResolvedValue(dashboard);
    const create = vi.spyOn(registersApi, "createTarget")
      .mockRejectedValueOnce(new ApiFailure("validation", "is 2000000000; the most is 1000000000", "goal"))
      .mockResolvedValueOnce("t2");
    renderWithApp(<DashboardScreen />);
    await userEvent.click(await screen.findByTestId("target-new"));
    await userEvent.type(screen.getByTestId("field-goal"), "-3");
    await userEvent.click(screen.getByTestId("target-save"));
    expect(screen.getByTestId("error-name_en")).toHaveTextContent("Give a name");
    expect(screen.getByTestId("error-goal")).toHaveTextContent("whole number");
    expect(create).not.toHaveBeenCalled();

    await userEvent.type(screen.getByTestId("field-name_zh"), "落户国际组织");
    await userEvent.selectOptions(screen.getByTestId("field-measure"), "organisations_in_city");
    await userEvent.clear(screen.getByTestId("field-goal"));
    await userEvent.type(screen.getByTestId("field-goal"), "2000000000");
    await userEvent.click(screen.getByTestId("target-save"));
    expect(await screen.findByTestId("error-goal")).toHaveTextContent("the most is 1000000000");

    await userEvent.clear(screen.getByTestId("field-goal"));
    await userEvent.type(screen.getByTestId("field-goal"), "5");
    await userEvent.click(screen.getByTestId("target-save"));
    await waitFor(() => expect(screen.queryByTestId("target-dialog")).toBeNull());
    expect(create).toHaveBeenLastCalledWith({ name_en: "", name_zh: "落户国际组织", measure: "organisations_in_city", goal: 5, deadline: null });
  });

  it("are edited in full and deleted after a confirmation", async () => {
    const load = vi.spyOn(registersApi, "dashboard").mockResolvedValue(dashboard);
    const update = vi.spyOn(registersApi, "updateTarget").mockResolvedValue(null);
    const remove = vi.spyOn(registersApi, "deleteTarget").mockResolvedValue(null);
    renderWithApp(<DashboardScreen />);
    await userEvent.click(await screen.findByTestId("target-edit"));
    expect(screen.getByTestId("field-name_en")).toHaveValue("Experts trained");
    await userEvent.clear(screen.getByTestId("field-goal"));
    await userEvent.type(screen.getByTestId("field-goal"), "600");
    await userEvent.click(screen.getByTestId("target-save"));
    await waitFor(() => expect(update).toHaveBeenCalledWith("t1", { name_en: "Experts trained", name_zh: "培训专家", measure: "experts_trained", goal: 600, deadline: "2027-12-31" }));

    await userEvent.click(screen.getByTestId("target-delete"));
    await userEvent.click(screen.getByTestId("confirm-delete"));
    await waitFor(() => expect(remove).toHaveBeenCalledWith("t1"));
    expect(load).toHaveBeenCalledTimes(3);
  });
});
