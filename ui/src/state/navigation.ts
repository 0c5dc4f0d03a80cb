// Going to a record from anywhere (the search box, a dashboard item, a link on a page): the
// shell switches to the record's screen and that screen selects it.

import { createContext, useContext } from "react";
import type { SearchKind } from "../platform/registers";

export interface RecordTarget {
  kind: SearchKind;
  id: string;
  /** Grows with every request, so asking for the same record again still selects it. */
  seq: number;
}

export interface RecordNavigation {
  target: RecordTarget | null;
  openRecord: (kind: SearchKind, id: string) => void;
}

export const NavigationContext = createContext<RecordNavigation>({ target: null, openRecord: () => {} });

export function useRecordNavigation(): RecordNavigation {
  return useContext(NavigationContext);
}

/** The id the screen for `kind` should select, if the latest request was for it. */
export function useTargetFor(kind: SearchKind): RecordTarget | null {
  const { target } = useRecordNavigation();
  return target && target.kind === kind ? target : null;
}
