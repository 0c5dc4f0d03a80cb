// Pure logic of the register screens: empty forms, client checks that mirror the core's rules
// (a deadline for action and comment statements, a role's end not before its start, a
// target's name and goal), the committee tree filter and its rows, the lists' text filter, the
// rows of a list on a record's page (filtered, ended roles after the current ones),
// dashboard wording, target bars and spreadsheet exchange helpers.

import { isIsoDate } from "./dates";

export type Problems<K extends string = string> = Partial<Record<K, string>>;

/** Whether a form differs from the values it started from. */
export function isDirty<T>(form: T, baseline: T): boolean {
  return JSON.stringify(form) !== JSON.stringify(baseline);
}

/** An empty date field is `null`; anything else is kept as typed. */
export function dateOrNull(text: string): string | null {
  const t = text.trim();
  return t === "" ? null : t;
}

/** Checks one optional date field; returns the i18n code of the problem. */
function dateProblem(value: string | null): string | undefined {
  return value !== null && value !== "" && !isIsoDate(value) ? "date" : undefined;
}

export interface StatementLike {
  title: string;
  purpose: string;
  deadline: string | null;
}

/** The core's statement rules: a title, and a deadline for action and comment statements. */
export function statementProblems(s: StatementLike): Problems<"title" | "deadline"> {
  const out: Problems<"title" | "deadline"> = {};
  if (s.title.trim() === "") out.title = "required";
  if ((s.purpose === "action" || s.purpose === "comment") && !s.deadline) out.deadline = "deadlineRequired";
  else if (dateProblem(s.deadline)) out.deadline = "date";
  return out;
}

export interface TermLike {
  person_id: string;
  committee_id: string;
  start_date: string | null;
  end_date: string | null;
}

/** A role needs a person and a committee; its end may not be before its start. */
export function membershipProblems(m: TermLike): Problems<"person_id" | "committee_id" | "start_date" | "end_date"> {
  const out: Problems<"person_id" | "committee_id" | "start_date" | "end_date"> = {};
  if (!m.person_id) out.person_id = "required";
  if (!m.committee_id) out.committee_id = "required";
  const start = dateProblem(m.start_date);
  const end = dateProblem(m.end_date);
  if (start) out.start_date = start;
  if (end) out.end_date = end;
  if (!start && !end && m.start_date && m.end_date && m.end_date < m.start_date) out.end_date = "endBeforeStart";
  return out;
}

export interface TreeNodeLike {
  id: string;
  parent_id: string | null;
  reference: string;
  title_en: string;
  title_zh: string;
}

/**
 * The nodes to show for a filter text and kind: those whose reference or titles contain the
 * text (ignoring case) and whose kind is the one chosen, and every ancestor of them, in the
 * tree's display order.
 */
export function filterTree<T extends TreeNodeLike & { kind?: string }>(nodes: readonly T[], text: string, kind: string | null = null): T[] {
  const needle = text.trim().toLowerCase();
  if (!needle && !kind) return [...nodes];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const keep = new Set<string>();
  for (const n of nodes) {
    if (`${n.reference} ${n.title_en} ${n.title_zh}`.toLowerCase().includes(needle) && (!kind || n.kind === kind)) {
      let at: T | undefined = n;
      while (at && !keep.has(at.id)) {
        keep.add(at.id);
        at = at.parent_id ? byId.get(at.parent_id) : undefined;
      }
    }
  }
  return nodes.filter((n) => keep.has(n.id));
}

/** Days left (negative: overdue) as an i18n key and count: "due today", "in 3 days", "2 days overdue". */
export function daysWording(days: number): { key: "dueToday" | "inDays" | "overdueDays"; count: number } {
  if (days === 0) return { key: "dueToday", count: 0 };
  return days > 0 ? { key: "inDays", count: days } : { key: "overdueDays", count: -days };
}

/** The width, in percent of the track, of a progress bar (0–100; no goal → 0). */
export function barPercent(value: number, goal: number | null): number {
  if (!goal || goal <= 0) return 0;
  return Math.max(0, Math.min(100, (value / goal) * 100));
}

/** The file name an export proposes: `normdesk-person-2026-03-01.csv`. */
export function exportFileName(kind: string, format: "csv" | "xlsx", today: string): string {
  return `normdesk-${kind}-${today}.${format}`;
}

export interface PreviewLike {
  rows: number;
  errors: readonly unknown[];
}

/** An import may be applied only when the file has rows and every one of them is valid. */
export function canApply(preview: PreviewLike | null): boolean {
  return preview !== null && preview.errors.length === 0 && preview.rows > 0;
}

/** A person's display name from the two scripts: "李明 Li Ming". */
export function personName(p: { name_zh: string; name_en: string }): string {
  return [p.name_zh.trim(), p.name_en.trim()].filter(Boolean).join(" ");
}

/** A row of a list with headings: a heading (an organisation in the committee tree, "ended
 *  roles" on a record's page), or a record. */
export type HeadedRow<T> = { heading: string } | { node: T };

/** The tree's rows with a heading before each organisation's first top-level committee. */
export function treeRows<T extends { depth: number; organisation: string }>(nodes: readonly T[]): HeadedRow<T>[] {
  const out: HeadedRow<T>[] = [];
  let lastOrg: string | undefined;
  for (const node of nodes) {
    if (node.depth === 0 && node.organisation !== lastOrg) {
      out.push({ heading: node.organisation || "—" });
      lastOrg = node.organisation;
    }
    out.push({ node });
  }
  return out;
}

/** Whether every word of `query` appears (ignoring case) in one of `texts`. */
export function matchesText(texts: readonly (string | null | undefined)[], query: string): boolean {
  const hay = texts.filter(Boolean).join(" ").toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/** Where a list on a record's page puts ended roles: after the current ones, under a heading. */
export interface History<T> {
  heading: string;
  isCurrent: (row: T) => boolean;
}

/**
 * The rows a list on a record's page shows for a filter text: those whose texts contain every
 * word of it (see `matchesText`), in their order; with `history`, the current ones first, then
 * the heading and the ended ones, so ended roles stay visible (and filterable) as history.
 */
export function pageRows<T>(rows: readonly T[], query: string, textsOf: (row: T) => readonly (string | null | undefined)[], history?: History<T>): HeadedRow<T>[] {
  const shown = query.trim() ? rows.filter((r) => matchesText(textsOf(r), query)) : rows;
  if (!history) return shown.map((node) => ({ node }));
  const current = shown.filter(history.isCurrent);
  const ended = shown.filter((r) => !history.isCurrent(r));
  return [...current.map((node) => ({ node })), ...(ended.length ? [{ heading: history.heading }] : []), ...ended.map((node) => ({ node }))];
}

export interface TargetLike {
  name_en: string;
  name_zh: string;
  goal: number | null;
  deadline: string | null;
}

/** A target needs a name (in either language); its goal is a whole number from 0. */
export function targetProblems(t: TargetLike): Problems<"name_en" | "goal" | "deadline"> {
  const out: Problems<"name_en" | "goal" | "deadline"> = {};
  if (t.name_en.trim() === "" && t.name_zh.trim() === "") out.name_en = "nameRequired";
  if (t.goal !== null && (!Number.isInteger(t.goal) || t.goal < 0)) out.goal = "wholeNumber";
  if (dateProblem(t.deadline)) out.deadline = "date";
  return out;
}

/** How many of a list's filter values are set. */
export function countActive(values: readonly (string | boolean | null)[]): number {
  return values.filter((v) => v !== null && v !== false).length;
}
