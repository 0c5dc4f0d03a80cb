import type { CommentsPreview, DraftRevisions, RevisionRow } from "../bindings";
import {
  blankComment,
  canImportComments,
  commentLang,
  commentProblems,
  commentsFileName,
  parseVersionKey,
  nextFreeName,
  revisionNameProblem,
  toCommentInput,
  versionKey,
} from "./review";

const revision = (id: string, draft_id: string, name: string): RevisionRow => ({
  id,
  draft_id,
  name,
  date: "2026-11-27",
  chars: 10,
  stage: "30.20",
  author: "Li",
});

const drafts: DraftRevisions[] = [
  { draft: { id: "dz", project_id: "p", lang: "zh", chars: 5, has_text: true, open_reviews: 0 }, revisions: [revision("rz", "dz", "征求意见稿")] },
  { draft: { id: "de", project_id: "p", lang: "en", chars: 5, has_text: true, open_reviews: 0 }, revisions: [revision("re", "de", "CD1")] },
];

describe("comments", () => {
  it.each([
    [{}, []],
    [{ mb: " " }, ["mb"]],
    [{ clause: "", comment: "" }, ["clause", "comment"]],
  ])("%j leaves %j blank", (change, blank) => {
    const c = { ...blankComment("p", null), mb: "DE", clause: "4.2", comment: "Say why.", ...change };
    expect(Object.keys(commentProblems(c)).sort()).toEqual([...blank].sort());
  });

  it("edits a comment's fields without its id", () => {
    const input = { ...blankComment("p", "re"), mb: "DE" };
    expect(toCommentInput({ id: "c1", ...input })).toEqual(input);
  });

  it.each([
    [{ revision_id: "rz" }, "zh"],
    [{ revision_id: "re" }, "en"],
    [{ revision_id: null }, "en"],
  ] as const)("opens the clause of %j in the %s draft", (comment, lang) => {
    expect(commentLang(comment, drafts)).toBe(lang);
  });

  it("opens no draft when the project has none with text", () => {
    expect(commentLang({ revision_id: null }, [])).toBeNull();
    expect(commentLang({ revision_id: null }, [{ ...drafts[0], draft: { ...drafts[0].draft, has_text: false } }])).toBeNull();
  });

  it("names export files after the project and revision", () => {
    expect(commentsFileName("ISO/CD 21384-5", "CD1", "xlsx", "2026-11-27")).toBe("ISO-CD-21384-5-CD1-comments-2026-11-27.xlsx");
    expect(commentsFileName("T/CAS 290", null, "csv", "2026-11-27")).toBe("T-CAS-290-comments-2026-11-27.csv");
  });

  it("imports only a sheet with the right columns, rows, and no bad row", () => {
    const good = { row: 2, cells: ["DE"], comment: blankComment("p", null), problems: [] };
    const bad = { row: 3, cells: ["FR"], comment: null, problems: [{ column: "Type of comment", message: "unknown comment type 'x'" }] };
    const preview = (rows: CommentsPreview["rows"], sheet_problem: string | null = null): CommentsPreview => ({ file: "c.csv", sheet_problem, rows });
    expect(canImportComments(preview([good]))).toBe(true);
    expect(canImportComments(preview([good, bad]))).toBe(false);
    expect(canImportComments(preview([]))).toBe(false);
    expect(canImportComments(preview([], "has 2 columns"))).toBe(false);
    expect(canImportComments(null)).toBe(false);
  });
});

describe("revisions", () => {
  it.each([
    ["WD1", [], null],
    ["  ", [], "empty"],
    [" CD1 ", ["CD1"], "used"],
    ["征求意见稿", ["CD1"], null],
  ] as const)("name %j with %j used: %s", (name, used, problem) => {
    expect(revisionNameProblem(name, used)).toBe(problem);
  });

  it.each([
    ["WD1", ["WD1"], "WD2"],
    [" WD1 ", ["WD1", "WD2"], "WD3"],
    ["DIS", ["DIS"], "DIS2"],
    ["征求意见稿", ["征求意见稿"], "征求意见稿2"],
  ] as const)("suggests for %j with %j used: %s", (name, used, next) => {
    expect(nextFreeName(name, used)).toBe(next);
  });

  it("keys versions for the selectors both ways", () => {
    expect(versionKey({ kind: "current" })).toBe("current");
    expect(versionKey({ kind: "revision", id: "r1" })).toBe("rev:r1");
    expect(parseVersionKey("rev:r1")).toEqual({ kind: "revision", id: "r1" });
    expect(parseVersionKey("current")).toEqual({ kind: "current" });
  });
});
