import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { api } from "../../platform/api";
import * as files from "../../platform/files";
import { reviewApi, type Comment, type DraftRevisions, type TextDiff } from "../../platform/review";
import { NavigationContext } from "../../state/navigation";
import { detail } from "../../test/fixtures";
import { renderWithApp } from "../../test/render";
import { ReviewScreen } from "./ReviewScreen";

vi.mock("../../platform/files", () => ({ chooseSpreadsheetDestination: vi.fn(), chooseSpreadsheetToOpen: vi.fn() }));

const project = detail(1, { reference: "ISO/CD 21384-5" });
const P = project.project.id;

const drafts: DraftRevisions[] = [
  {
    draft: { id: "de", project_id: P, lang: "en", chars: 120, has_text: true, open_reviews: 0 },
    revisions: [{ id: "r1", draft_id: "de", name: "CD1", date: "2026-11-20", chars: 100, stage: "30.20", author: "Li's laptop" }],
  },
  { draft: { id: "dz", project_id: P, lang: "zh", chars: 0, has_text: true, open_reviews: 0 }, revisions: [] },
];

const diff: TextDiff = {
  clauses: [
    {
      clause: "4.2",
      title: "Pads",
      pos: 40,
      hunks: [
        [
          { kind: "same", text: "The pad shall be " },
          { kind: "removed", text: "flat" },
          { kind: "added", text: "level" },
          { kind: "same", text: ".\n" },
        ],
      ],
    },
  ],
  words_added: 1,
  words_removed: 1,
};

const comment: Comment = {
  id: "c1",
  project_id: P,
  revision_id: "r1",
  mb: "DE",
  line: "12",
  clause: "4.2",
  paragraph: "Table 1",
  type: "te",
  comment: "Flat is not measurable.",
  proposed_change: "Say level within 1 %.",
  observation: "",
  disposition: "accepted_in_principle",
};

function show(comments: Comment[] = [comment]) {
  vi.spyOn(api, "getProject").mockResolvedValue(project);
  vi.spyOn(reviewApi, "projectRevisions").mockResolvedValue(drafts);
  const list = vi.spyOn(reviewApi, "listComments").mockResolvedValue(comments);
  const openDraft = vi.fn();
  renderWithApp(
    <NavigationContext.Provider value={{ target: null, openRecord: () => {}, draft: null, openDraft, openPackets: () => {} }}>
      <ReviewScreen projectId={P} />
    </NavigationContext.Provider>,
  );
  return { openDraft, list };
}

const en = () => screen.findAllByTestId("revisions").then((all) => all.find((s) => s.dataset.lang === "en")!);

describe("revisions", () => {
  it("lists each language's revisions with stage, date and who named them", async () => {
    show();
    const row = within(await en()).getByTestId("revision-row");
    expect(row).toHaveAttribute("data-name", "CD1");
    expect(row).toHaveTextContent("30.20");
    expect(row).toHaveTextContent("2026-11-20");
    expect(row).toHaveTextContent("Li's laptop");
    const zh = screen.getAllByTestId("revisions").find((s) => s.dataset.lang === "zh")!;
    expect(within(zh).getByTestId("revisions-empty")).toBeInTheDocument();
    expect(zh).toHaveTextContent("Chinese draft");
  });

  it("refuses a used or empty name beside the field without writing, then names a new one", async () => {
    show();
    const name = vi.spyOn(reviewApi, "nameRevision").mockResolvedValue({ ...drafts[0].revisions[0], id: "r2", name: "CD2" });
    const section = await en();
    await userEvent.click(within(section).getByTestId("revision-name-submit"));
    expect(within(section).getByTestId("error-revision-name")).toHaveTextContent("Give the revision a name");
    await userEvent.type(within(section).getByTestId("revision-name"), "CD1");
    await userEvent.click(within(section).getByTestId("revision-name-submit"));
    expect(within(section).getByTestId("error-revision-name")).toHaveTextContent("already has a revision named 'CD1'");
    expect(name).not.toHaveBeenCalled();
    await userEvent.clear(within(section).getByTestId("revision-name"));
    await userEvent.type(within(section).getByTestId("revision-name"), "CD2");
    await userEvent.click(within(section).getByTestId("revision-name-submit"));
    expect(name).toHaveBeenCalledWith("de", "CD2");
    expect(await screen.findByText("Revision CD2 named (English draft)")).toBeInTheDocument();
    await waitFor(() => expect(reviewApi.projectRevisions).toHaveBeenCalledTimes(2));
  });

  it("compares a revision with the current text and marks what changed under its clause", async () => {
    const { openDraft } = show();
    const compare = vi.spyOn(reviewApi, "compare").mockResolvedValue(diff);
    await userEvent.click(within(await en()).getByTestId("revision-compare"));
    expect(compare).toHaveBeenCalledWith("de", { kind: "revision", id: "r1" }, { kind: "current" });
    const clause = await screen.findByTestId("diff-clause");
    expect(clause).toHaveAttribute("data-clause", "4.2");
    expect(clause).toHaveTextContent("4.2 Pads");
    expect(within(clause).getByTestId("diff-removed")).toHaveTextContent("flat");
    expect(within(clause).getByTestId("diff-removed").tagName).toBe("DEL");
    expect(within(clause).getByTestId("diff-added")).toHaveTextContent("level");
    expect(within(clause).getByTestId("diff-added").tagName).toBe("INS");
    expect(screen.getByTestId("diff-summary")).toHaveTextContent("1 words added, 1 removed");
    await userEvent.click(within(clause).getByTestId("diff-open-clause"));
    expect(openDraft).toHaveBeenCalledWith(P, "en", "4.2");
  });

  it("opens each language's text in the draft editor", async () => {
    const { openDraft } = show();
    await userEvent.click(within(await en()).getByTestId("revisions-edit"));
    expect(openDraft).toHaveBeenLastCalledWith(P, "en");
    const zh = screen.getAllByTestId("revisions").find((s) => s.dataset.lang === "zh")!;
    await userEvent.click(within(zh).getByTestId("revisions-edit"));
    expect(openDraft).toHaveBeenLastCalledWith(P, "zh");
  });

  it("compares the two versions chosen", async () => {
    show();
    const compare = vi.spyOn(reviewApi, "compare").mockResolvedValue({ clauses: [], words_added: 0, words_removed: 0 });
    const section = await en();
    expect(within(section).getByTestId("compare-from")).toHaveValue("rev:r1");
    await userEvent.selectOptions(within(section).getByTestId("compare-from"), "current");
    await userEvent.selectOptions(within(section).getByTestId("compare-to"), "rev:r1");
    await userEvent.click(within(section).getByTestId("compare-run"));
    expect(compare).toHaveBeenCalledWith("de", { kind: "current" }, { kind: "revision", id: "r1" });
    expect(await screen.findByTestId("diff-same")).toHaveTextContent("The two versions are the same.");
  });
});

describe("ballot comments", () => {
  it("shows the template's columns and the disposition, and jumps to the clause in the revision's draft", async () => {
    const { openDraft } = show();
    const row = await screen.findByTestId("comment-row");
    const headers = within(screen.getByTestId("comments-table"))
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers.slice(0, 9)).toEqual([
      "MB/NC",
      "Line number",
      "Clause/Subclause",
      "Paragraph/Figure/Table",
      "Type of comment",
      "Comments",
      "Proposed change",
      "Observations of the secretariat",
      "Disposition",
    ]);
    expect(within(row).getByTestId("comment-disposition")).toHaveTextContent("Accepted in principle");
    await userEvent.click(within(row).getByTestId("comment-jump"));
    expect(openDraft).toHaveBeenCalledWith(P, "en", "4.2");
  });

  it("puts a message beside each blank required field and writes nothing, then adds the comment", async () => {
    show([]);
    const create = vi.spyOn(reviewApi, "createComment").mockResolvedValue("c2");
    await userEvent.click(await screen.findByTestId("comment-add"));
    await userEvent.click(screen.getByTestId("comment-save"));
    expect(screen.getByTestId("error-comment-mb")).toHaveTextContent("member body");
    expect(screen.getByTestId("error-comment-clause")).toHaveTextContent("General");
    expect(screen.getByTestId("error-comment-comment")).toHaveTextContent("Write the comment");
    expect(create).not.toHaveBeenCalled();
    await userEvent.type(screen.getByTestId("comment-field-mb"), "CN");
    await userEvent.type(screen.getByTestId("comment-field-clause"), "General");
    await userEvent.type(screen.getByTestId("comment-field-comment"), "术语应统一。");
    await userEvent.selectOptions(screen.getByTestId("comment-field-type"), "ed");
    await userEvent.selectOptions(screen.getByTestId("comment-field-revision_id"), "r1");
    await userEvent.selectOptions(screen.getByTestId("comment-field-disposition"), "noted");
    await userEvent.click(screen.getByTestId("comment-save"));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ project_id: P, revision_id: "r1", mb: "CN", clause: "General", comment: "术语应统一。", type: "ed", disposition: "noted" }));
    await waitFor(() => expect(screen.queryByTestId("comment-form")).not.toBeInTheDocument());
  });

  it("shows the core's refusal beside its field", async () => {
    show();
    vi.spyOn(reviewApi, "updateComment").mockRejectedValue({ kind: "validation", message: "line: too long", field: "line" });
    await userEvent.click(await screen.findByTestId("comment-edit"));
    expect(screen.getByTestId("comment-field-mb")).toHaveValue("DE");
    await userEvent.click(screen.getByTestId("comment-save"));
    expect(await screen.findByTestId("error-comment-line")).toHaveTextContent("line: too long");
  });

  it("exports through the save dialog with a name after the project", async () => {
    show();
    vi.mocked(files.chooseSpreadsheetDestination).mockResolvedValue("/tmp/out/c.xlsx");
    const exported = vi.spyOn(reviewApi, "exportComments").mockResolvedValue(1);
    await userEvent.click(await screen.findByTestId("comments-export-xlsx"));
    expect(vi.mocked(files.chooseSpreadsheetDestination).mock.calls[0][0]).toMatch(/^ISO-CD-21384-5-comments-\d{4}-\d\d-\d\d\.xlsx$/);
    expect(exported).toHaveBeenCalledWith(P, null, "/tmp/out/c.xlsx");
    expect(await screen.findByText("1 comment exported to c.xlsx")).toBeInTheDocument();
  });

  it("previews an import with every bad row, and imports only a sheet whose rows are all good", async () => {
    show();
    vi.mocked(files.chooseSpreadsheetToOpen).mockResolvedValue("/tmp/in/nc.csv");
    const preview = vi.spyOn(reviewApi, "previewImport").mockResolvedValueOnce({
      file: "nc.csv",
      sheet_problem: null,
      rows: [
        { row: 2, cells: ["DE", "1", "4.2", "", "te", "ok"], comment: comment, problems: [] },
        { row: 3, cells: ["FR", "3", "5", "", "tech", "x"], comment: null, problems: [{ column: "Type of comment", message: "unknown comment type 'tech'; use ge, te or ed" }] },
      ],
    });
    const imported = vi.spyOn(reviewApi, "importComments").mockResolvedValue(1);
    await userEvent.click(await screen.findByTestId("comments-import"));
    expect(preview).toHaveBeenCalledWith(P, null, "/tmp/in/nc.csv");
    const bad = (await screen.findAllByTestId("comments-import-row")).find((r) => r.dataset.row === "3")!;
    expect(bad).toHaveAttribute("data-ok", "false");
    expect(within(bad).getByTestId("comments-import-problem")).toHaveTextContent("Type of comment: unknown comment type 'tech'");
    expect(screen.getByTestId("comments-import-apply")).toBeDisabled();
    await userEvent.click(screen.getByTestId("comments-import-cancel"));

    preview.mockResolvedValueOnce({ file: "nc.csv", sheet_problem: null, rows: [{ row: 2, cells: ["DE"], comment: comment, problems: [] }] });
    await userEvent.click(screen.getByTestId("comments-import"));
    await userEvent.click(await screen.findByTestId("comments-import-apply"));
    expect(imported).toHaveBeenCalledWith(P, null, "/tmp/in/nc.csv");
    expect(await screen.findByText("1 comment imported")).toBeInTheDocument();
  });

  it("names a sheet with wrong columns and offers no import", async () => {
    show();
    vi.mocked(files.chooseSpreadsheetToOpen).mockResolvedValue("/tmp/in/bad.xlsx");
    vi.spyOn(reviewApi, "previewImport").mockResolvedValue({ file: "bad.xlsx", sheet_problem: "has 2 columns; a comments sheet has the template's 8 columns", rows: [] });
    await userEvent.click(await screen.findByTestId("comments-import"));
    expect(await screen.findByTestId("comments-import-sheet-problem")).toHaveTextContent("has 2 columns");
    expect(screen.getByTestId("comments-import-apply")).toBeDisabled();
  });
});
