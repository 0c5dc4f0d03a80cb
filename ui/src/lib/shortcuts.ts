// Keyboard shortcuts of the projects screen: Ctrl+N new, Ctrl+S save, Ctrl+F search, Esc cancel.
// (Cmd on macOS.)

export type Shortcut = "new" | "save" | "search" | "cancel";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True while an input method (pinyin, …) is composing: its keys are not shortcuts. */
  isComposing?: boolean;
}

export function shortcutOf(e: KeyLike): Shortcut | null {
  if (e.isComposing) return null;
  if (e.key === "Escape" && !e.ctrlKey && !e.metaKey && !e.altKey) return "cancel";
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  switch (e.key.toLowerCase()) {
    case "n":
      return "new";
    case "s":
      return "save";
    case "f":
      return "search";
    default:
      return null;
  }
}
