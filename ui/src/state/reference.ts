// Data loaded once at start and read by several screens: app info, stage catalog, lookups.

import { createContext, useContext } from "react";
import type { AppInfo, Lookups, StageCatalog } from "../platform/api";

export interface ReferenceData {
  info: AppInfo | null;
  catalog: StageCatalog;
  lookups: Lookups;
  setInfo: (info: AppInfo) => void;
  reloadLookups: () => void;
}

export const ReferenceContext = createContext<ReferenceData | null>(null);

export function useReference(): ReferenceData {
  const value = useContext(ReferenceContext);
  if (!value) throw new Error("useReference outside its provider");
  return value;
}
