// How many sync conflicts wait for a person: the badge on the Sync navigation entry. One small
// store for the window; the Sync screen reports new counts after an import or a resolution.

import { useEffect, useSyncExternalStore } from "react";
import { syncApi } from "../platform/sync";

let count = 0;
const listeners = new Set<() => void>();

/** Sets the count (the Sync screen knows it after every import and resolution). */
export function setOpenConflicts(next: number) {
  if (next === count) return;
  count = next;
  for (const listener of listeners) listener();
}

/** Asks the store for the count; a failure leaves the badge as it was. */
export async function refreshOpenConflicts(): Promise<void> {
  try {
    setOpenConflicts((await syncApi.overview()).open_conflicts);
  } catch {
    // The badge is a hint; the Sync screen reports its own errors.
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current count, loaded once when the first reader mounts. */
export function useOpenConflicts(): number {
  useEffect(() => {
    void refreshOpenConflicts();
  }, []);
  return useSyncExternalStore(subscribe, () => count);
}
