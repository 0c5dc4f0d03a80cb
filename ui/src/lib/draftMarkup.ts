// The draft markup as the editor shows it (docs/draft-markup.md): the kind of each line for
// highlighting. The outline, the counts and the clause numbers come from the Rust side
// (normdesk-text); this rule is checked against the same table as the Rust one
// (crates/normdesk-text/tests/fixtures/markup.json), so they cannot drift apart.

export type LineKind = "heading" | "note" | "table" | "caption" | "figure" | "paragraph";

const SPACES = [" ", "\t", "\u3000"];

/** `4`, `4.2.1`, `A.1` + title; a bare `7` is not a heading, a bare `3.1` is (normdesk-core markup.rs). */
export function clauseNumber(line: string): { parts: string[]; title: string } | null {
  let end = line.length;
  for (const s of SPACES) {
    const i = line.indexOf(s);
    if (i >= 0 && i < end) end = i;
  }
  const parts = line.slice(0, end).split(".");
  const first = parts[0];
  const numeric = (p: string, max: number) => p.length > 0 && p.length <= max && /^[0-9]+$/.test(p);
  const lettered = first.length === 1 && /^[A-Z]$/.test(first);
  const ok = (lettered ? parts.length >= 2 : numeric(first, 2) && first !== "0") && parts.slice(1).every((p) => numeric(p, 3));
  if (!ok || line.length > 200) return null;
  const title = line.slice(end).replace(/^[ \t\u3000]+/, "");
  if (title === "" && parts.length === 1) return null;
  return { parts, title };
}

function isAnnex(line: string): boolean {
  const rest = line.startsWith("Annex ") ? line.slice(6) : line.startsWith("附录") ? line.slice(2) : null;
  if (rest === null) return false;
  const trimmed = rest.trimStart();
  return /^[A-Z]/.test(trimmed) && !/^[\p{L}\p{N}]/u.test(trimmed.slice(1));
}

function isNote(line: string): boolean {
  for (const prefix of ["NOTE", "EXAMPLE", "注", "示例"]) {
    if (!line.startsWith(prefix)) continue;
    const rest = line.slice(prefix.length);
    const digits = /^[0-9]*/.exec(rest.trimStart())?.[0] ?? "";
    let after = rest.trimStart().slice(digits.length).trimStart();
    const colon = after.startsWith(":") || after.startsWith("：");
    if (colon) after = after.slice(1).trimStart();
    const ok = /^[A-Z]/.test(prefix) ? rest === "" || rest.startsWith(" ") || rest.startsWith(":") : colon || digits !== "";
    if (ok && after !== "") return true;
  }
  return false;
}

function isCaption(line: string): boolean {
  const follows = (rest: string) => /^[0-9A-Z]/.test(rest.trimStart());
  return [["Table "], ["Figure "], ["表"], ["图"]].some(([p]) => line.startsWith(p) && follows(line.slice(p.length)));
}

/** The kind of one line, as the draft packet and the outline read it. */
export function lineKind(raw: string): LineKind {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  const trimmed = line.trim();
  if (trimmed.startsWith("|")) return "table";
  if (isAnnex(line) || clauseNumber(line)) return "heading";
  if (/^\[\[\s*figure:.*\]\]$/.test(trimmed)) return "figure";
  if (isCaption(trimmed)) return "caption";
  if (isNote(trimmed)) return "note";
  return "paragraph";
}

/** A sub-clause number alone on its line (`3.1`): the next line is a term (Terms and definitions). */
export function isTermNumber(raw: string): boolean {
  const n = clauseNumber(raw.trimEnd());
  return n !== null && n.title === "";
}
