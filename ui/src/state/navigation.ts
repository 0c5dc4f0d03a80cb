// Going to a record from anywhere (the search box, a dashboard item, a link on a page): the
// shell switches to the record's screen and that screen selects it. Going to a draft text (a
// project's draft in one language, optionally at a clause — "jump from a ballot comment to its
// clause") works the same way with `openDraft`.

import { createContext, useContext } from "react";
import type { SearchKind } from "../platform/registers";

export interface RecordTarget {
  kind: SearchKind;
  id: string;
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
  openRecord: (kind: SearchKind, id: string) => void;
  /** The draft the draft editor should show, if the latest request was for one. */
  draft: DraftTarget | null;
  openDraft: (projectId: string, lang: DraftLang, clause?: string) => void;
}

export const NavigationContext = createContext<RecordNavigation>({
  target: null,
  openRecord: () => {},
  draft: null,
  openDraft: () => {},
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
