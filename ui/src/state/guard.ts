// The unsaved-changes guard: the form registers its pending edits, and anything that would drop
// them (switching project, new project, leaving the screen, closing the window) asks first.

import { createContext, useContext } from "react";

export interface PendingEdits {
  /** Saves; resolves false when saving failed (the form then shows why). */
  save: () => Promise<boolean>;
  discard: () => void;
}

export interface UnsavedGuard {
  /** The form calls this with its edits while dirty, and with null when clean. */
  setPending: (pending: PendingEdits | null) => void;
  /** Resolves true when it is fine to go on (clean, saved or discarded), false to stay. */
  confirmLeave: () => Promise<boolean>;
}

export const GuardContext = createContext<UnsavedGuard | null>(null);

export function useUnsavedGuard(): UnsavedGuard {
  const value = useContext(GuardContext);
  if (!value) throw new Error("useUnsavedGuard outside UnsavedGuardProvider");
  return value;
}
