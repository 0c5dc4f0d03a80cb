// The Packets screen's rules, as pure functions: what a pre-flight item says in the UI's
// language, where "Fix" goes, the proposed file name, how far the work is.

import type { PacketKind, PacketProgress, PreflightItem, RecordRef, SearchKind } from "../bindings";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The record a packet is made from (what the screen is about). */
export interface PacketSubject {
  kind: "project" | "statement";
  id: string;
  /** Reference or title, for the heading. */
  label: string;
}

/** Where a pre-flight item's "Fix" goes: a record on its screen and the field to focus. */
export interface FixTarget {
  kind: SearchKind;
  id: string;
  field: string;
}

const SCREEN_KINDS: readonly string[] = ["project", "committee", "person", "organisation", "liaison", "statement"];

/** The item in the UI's language, with its arguments; the core's English message if untranslated. */
export function preflightText(t: Translate, item: PreflightItem): string {
  const code = item.key.replace(/^packet\.preflight\./, "");
  const args = Object.fromEntries(item.args.map((a) => [a.name, a.value]));
  return t(`packets.preflight.${code}`, { ...args, defaultValue: item.message });
}

/**
 * Where to fix an item: its record when the app has a screen for it; a draft's text is fixed
 * from its project (the packet's own record), a record the app cannot show likewise.
 */
export function fixTarget(item: PreflightItem, source: RecordRef): FixTarget {
  const record = SCREEN_KINDS.includes(item.record.kind) ? item.record : source;
  return { kind: record.kind as SearchKind, id: record.id, field: record === item.record ? item.field : "" };
}

export function counts(items: PreflightItem[]): { errors: number; warnings: number } {
  const errors = items.filter((i) => i.severity === "error").length;
  return { errors, warnings: items.length - errors };
}

/** A packet can be made (saved or printed) when no item is an error. */
export function canMake(items: PreflightItem[]): boolean {
  return counts(items).errors === 0;
}

/** "ISO-CD 21384-5 — Draft for circulation.pdf": the packet's title, safe as a file name. */
export function packetFileName(title: string): string {
  const safe = title
    .replace(/[/\\:*?"<>|]/g, "-")
    .split("")
    .filter((c) => c.charCodeAt(0) >= 32)
    .join("")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return `${safe || "packet"}.pdf`;
}

/** Where the work is, 0–100: gathering 0–10, layout 10–60, export (pages) 60–95, saving 95–100. */
export function progressPercent(p: PacketProgress): number {
  const within = p.steps > 0 ? Math.min(1, p.step / p.steps) : 0;
  switch (p.phase) {
    case "assemble":
      return 0;
    case "layout":
      return 10;
    case "export":
      return Math.round(60 + 35 * within);
    case "save":
      return 95;
  }
}

/** Kinds in the order the screen offers them, with the default choice: the first. */
export function defaultKind(kinds: PacketKind[], previous: PacketKind | null): PacketKind | null {
  if (previous && kinds.includes(previous)) return previous;
  return kinds[0] ?? null;
}

/** Whether a set of pages prints landscape (the compiled comments table). */
export function isLandscape(pages: { width_pt: number; height_pt: number }[]): boolean {
  return pages.length > 0 && pages[0].width_pt > pages[0].height_pt;
}
