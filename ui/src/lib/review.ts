// Revisions and ballot comments, the pure part: the template's choices, a comment's required
// fields (mirroring the core's `comments::check`), a revision name's check, the version
// selector's keys, export file names, whether an import preview may be applied, and which
// draft language a comment's clause opens in.

import type { Comment, CommentInput, CommentsPreview, CommentType, DraftRevisions, Version } from "../bindings";

export const COMMENT_TYPES: readonly CommentType[] = ["ge", "te", "ed"];

/** The secretariat's decisions; "" is "not decided yet" (core `Disposition::Open`). */
export const DISPOSITIONS = ["", "accepted", "accepted_with_modification", "accepted_in_principle", "not_accepted", "noted"] as const;
export type DispositionValue = (typeof DISPOSITIONS)[number];

/** The fields a comment cannot be without, as the core refuses them (DOMAIN.md §4.1). */
export const REQUIRED_COMMENT_FIELDS = ["mb", "clause", "comment"] as const;
export type RequiredCommentField = (typeof REQUIRED_COMMENT_FIELDS)[number];

export function blankComment(projectId: string, revisionId: string | null): CommentInput {
  return {
    project_id: projectId,
    revision_id: revisionId,
    mb: "",
    line: "",
    clause: "",
    paragraph: "",
    type: "te",
    comment: "",
    proposed_change: "",
    observation: "",
    disposition: "",
  };
}

/** The comment's fields without the id, for the edit form. */
export function toCommentInput(c: Comment): CommentInput {
  const { id: _id, ...input } = c;
  return input;
}

/** The required fields left blank, each mapped to itself (the form shows `review.required.<field>`). */
export function commentProblems(c: CommentInput): Partial<Record<RequiredCommentField, RequiredCommentField>> {
  const out: Partial<Record<RequiredCommentField, RequiredCommentField>> = {};
  for (const f of REQUIRED_COMMENT_FIELDS) if (c[f].trim() === "") out[f] = f;
  return out;
}

/** Why a revision name cannot be used, if it cannot (the core refuses the same). */
export function revisionNameProblem(name: string, used: readonly string[]): "empty" | "used" | null {
  const n = name.trim();
  if (n === "") return "empty";
  return used.includes(n) ? "used" : null;
}

/** The name after `name` that is not used, to suggest instead: WD1 → WD2 (or WD3 …), DIS → DIS2
 *  (the core's message suggests the same). */
export function nextFreeName(name: string, used: readonly string[]): string {
  const n = name.trim();
  const [, base, digits] = /^(.*?)(\d*)$/u.exec(n)!;
  for (let i = digits ? Number(digits) + 1 : 2; ; i++) if (!used.includes(`${base}${i}`)) return `${base}${i}`;
}

/** A version as a `<select>` value and back: "current" or "rev:<id>". */
export function versionKey(v: Version): string {
  return v.kind === "current" ? "current" : `rev:${v.id}`;
}

export function parseVersionKey(key: string): Version {
  return key.startsWith("rev:") ? { kind: "revision", id: key.slice(4) } : { kind: "current" };
}

/** `ISO-CD-21384-5-CD1-comments-2026-11-27.xlsx`: the project and revision, safe as a file name. */
export function commentsFileName(reference: string, revision: string | null, format: "csv" | "xlsx", today: string): string {
  const safe = (s: string) =>
    s
      .trim()
      .replace(/[\\/:*?"<>|\s]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "");
  const parts = [safe(reference) || "project", revision ? safe(revision) : "", "comments", today].filter(Boolean);
  return `${parts.join("-")}.${format}`;
}

/** How many rows of a preview have problems. */
export function badRows(preview: CommentsPreview): number {
  return preview.rows.filter((r) => r.problems.length > 0).length;
}

/** A comments sheet may be imported only when its columns are right, it has rows, and every row is good. */
export function canImportComments(preview: CommentsPreview | null): boolean {
  return preview !== null && preview.sheet_problem === null && preview.rows.length > 0 && badRows(preview) === 0;
}

export type DraftLang = "zh" | "en";

function isDraftLang(lang: string): lang is DraftLang {
  return lang === "zh" || lang === "en";
}

/** The draft language a comment's clause opens in: its revision's draft, else the first draft
 *  with text (English before Chinese when both), else none. */
export function commentLang(comment: Pick<CommentInput, "revision_id">, drafts: readonly DraftRevisions[]): DraftLang | null {
  const owner = drafts.find((d) => d.revisions.some((r) => r.id === comment.revision_id));
  if (owner && isDraftLang(owner.draft.lang)) return owner.draft.lang;
  const withText = drafts.filter((d) => d.draft.has_text && isDraftLang(d.draft.lang)).map((d) => d.draft.lang as DraftLang);
  return withText.includes("en") ? "en" : (withText[0] ?? null);
}

/** A revision's label for pickers: "CD1 (en, 2026-11-27)". */
export function revisionLabel(name: string, lang: string, date: string | null): string {
  return date ? `${name} (${lang}, ${date})` : `${name} (${lang})`;
}
