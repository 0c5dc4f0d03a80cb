// Pure helpers of the Sync screen: progress arithmetic, totals of an import plan, conflict values
// as text, when-stamps, and the counts of a history entry.

/** One progress report of long work (export, verify, apply). */
export interface ProgressLike {
  phase: "verify" | "apply" | "export";
  done: number;
  total: number;
}

/** The percentage done, 0–100, or `null` when the total is not known (an indeterminate bar). */
export function percent(progress: Pick<ProgressLike, "done" | "total"> | null): number | null {
  if (!progress || progress.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((progress.done / progress.total) * 100)));
}

/** What an import does to one kind of record (mirrors the core's `KindPlan`). */
export interface KindPlanLike {
  kind: string;
  new: number;
  changed: number;
  deleted: number;
  conflicting: number;
  unchanged: number;
}

export const PLAN_COLUMNS = ["new", "changed", "conflicting", "deleted", "unchanged"] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** The column sums of a plan, for the table's total row. */
export function planTotals(kinds: KindPlanLike[]): Record<PlanColumn, number> {
  const totals = { new: 0, changed: 0, conflicting: 0, deleted: 0, unchanged: 0 };
  for (const k of kinds) for (const c of PLAN_COLUMNS) totals[c] += k[c];
  return totals;
}

/** Whether applying the plan would change any record (else the bundle brings nothing new). */
export function planChangesSomething(kinds: KindPlanLike[]): boolean {
  const t = planTotals(kinds);
  return t.new + t.changed + t.conflicting + t.deleted > 0;
}

/** Kinds that something happens to first (most records first), then the untouched ones by name. */
export function sortPlan<T extends KindPlanLike>(kinds: T[]): T[] {
  const touched = (k: KindPlanLike) => k.new + k.changed + k.conflicting + k.deleted;
  return [...kinds].sort((a, b) => touched(b) - touched(a) || a.kind.localeCompare(b.kind));
}

/**
 * A field value as a person reads it: text as it is, `null` and "" as `empty`, booleans as
 * `yes`/`no`, numbers as digits, anything else as compact JSON.
 */
export function valueText(value: unknown, words: { empty: string; yes: string; no: string }): string {
  if (value === null || value === undefined || value === "") return words.empty;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** An RFC 3339 stamp in local time, `YYYY-MM-DD HH:MM` (the stamp itself when it does not parse). */
export function whenText(stamp: string): string {
  const d = new Date(stamp);
  if (stamp === "" || Number.isNaN(d.getTime())) return stamp;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The counts a history row shows. */
export interface ExchangeCounts {
  /** Changes carried (export) or in the bundle (import). */
  changes: number;
  /** Changes applied, waiting ones released included (import only). */
  applied: number | null;
  /** Conflicts the import opened (import only). */
  conflicts: number | null;
  /** The bundle had been imported before. */
  alreadyImported: boolean;
}

/** The parts of a history row (the shell's `ExchangeRow`) the counts come from. */
export interface ExchangeLike {
  direction: string;
  imported: {
    already_imported: boolean;
    new_conflicts: number;
    changes: { total: number; applied: number; released: number };
  } | null;
  exported: { changes: number } | null;
}

export function exchangeCounts(row: ExchangeLike): ExchangeCounts {
  if (row.direction === "export") {
    return { changes: row.exported?.changes ?? 0, applied: null, conflicts: null, alreadyImported: false };
  }
  const r = row.imported;
  return {
    changes: r?.changes.total ?? 0,
    applied: r ? r.changes.applied + r.changes.released : 0,
    conflicts: r?.new_conflicts ?? 0,
    alreadyImported: r?.already_imported ?? false,
  };
}

/** The last path segment: what a person recognises of a chosen file. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts.length ? parts[parts.length - 1] : path;
}
