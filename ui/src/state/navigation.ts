// Going to a record from anywhere (the search box, a dashboard item, a link on a page): the
// shell switches to the record's screen and that screen selects it. Going to a draft text (a
// project's draft in one language, optionally at a clause — "jump from a ballot comment to its
// clause") works the same way with `openDraft`.

import { createContext, useContext } from "react";
import type { PacketSubject } from "../lib/packets";
import type { SearchKind } from "../platform/registers";

export interface RecordTarget {
  kind: SearchKind;
  id: string;
  /** A form field to focus once the record is shown (a pre-flight item's "Fix"). */
  field?: string;
  /** Grows with every request, so asking for the same record again still selects it. */
  seq: number;
}

/** The languages a project's draft text is written in. */
export type DraftLang = "zh" | "en";

export interface DraftTarget {
  projectId: string;
  lang: DraftLang;
  /** A clause as written in a comment ("4.2", "Clause 4.2", "A.1", "General"); the editor puts
   *  the cursor at its heading (or its nearest parent's). */
  clause?: string;
  /** Grows with every request, like `RecordTarget.seq`. */
  seq: number;
}

export interface RecordNavigation {
  target: RecordTarget | null;
  openRecord: (kind: SearchKind, id: string, field?: string) => void;
  /** The draft the draft editor should show, if the latest request was for one. */
  draft: DraftTarget | null;
  openDraft: (projectId: string, lang: DraftLang, clause?: string) => void;
  /** Opens the Packets screen on a project or statement (the "Packet…" actions). */
  openPackets: (subject: PacketSubject) => void;
}

export const NavigationContext = createContext<RecordNavigation>({
  target: null,
  openRecord: () => {},
  draft: null,
  openDraft: () => {},
  openPackets: () => {},
});

export function useRecordNavigation(): RecordNavigation {
  return useContext(NavigationContext);
}

/** The id the screen for `kind` should select, if the latest request was for it. */
export function useTargetFor(kind: SearchKind): RecordTarget | null {
  const { target } = useRecordNavigation();
  return target && target.kind === kind ? target : null;
}

/** The draft (and clause) the draft editor should show. */
export function useDraftTarget(): DraftTarget | null {
  return useRecordNavigation().draft;
}

/** How long a field to focus may take to appear (the record loads first). */
const FOCUS_WAIT_MS = 3000;

/**
 * Focuses the field a target names once its screen shows it: the control `field-<name>`, else
 * the section `<kind>-<name>` (a committee's members, a statement's attachments). Returns a
 * function that stops waiting.
 */
export function focusWhenShown(target: RecordTarget, doc: Document = document): () => void {
  const field = target.field;
  if (!field) return () => {};
  const started = Date.now();
  let timer = 0;
  const attempt = () => {
    const el = doc.getElementById(`field-${field}`) ?? doc.querySelector<HTMLElement>(`[data-testid="${target.kind}-${field}"]`);
    if (el) {
      el.scrollIntoView?.({ block: "center" });
      if (!el.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName)) el.setAttribute("tabindex", "-1");
      el.focus();
      return;
    }
    if (Date.now() - started < FOCUS_WAIT_MS) timer = window.setTimeout(attempt, 50);
  };
  attempt();
  return () => window.clearTimeout(timer);
}
