// The host window: lets the UI veto closing while there is unsaved work. Outside Tauri (unit
// tests, a plain browser during development) it does nothing.

import { getCurrentWindow } from "@tauri-apps/api/window";

function inTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/**
 * Calls `mayClose` when the user asks to close the window; if it resolves `false` the window stays
 * open. Returns a function that stops listening.
 */
export function guardWindowClose(mayClose: () => Promise<boolean>): () => void {
  if (!inTauri()) return () => {};
  let unlisten: (() => void) | null = null;
  let stopped = false;
  let listening: Promise<() => void>;
  try {
    listening = getCurrentWindow().onCloseRequested(async (event) => {
      if (!(await mayClose())) event.preventDefault();
    });
  } catch {
    // No window metadata (a test double of the host): nothing to guard.
    return () => {};
  }
  listening
    .then((fn) => {
      if (stopped) fn();
      else unlisten = fn;
    })
    .catch(() => {
      // Without the window API there is nothing to guard.
    });
  return () => {
    stopped = true;
    unlisten?.();
  };
}
