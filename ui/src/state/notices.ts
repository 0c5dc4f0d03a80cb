// Notices: short success or error messages shown in the banner above the current screen.

import { createContext, useContext } from "react";

export type NoticeKind = "success" | "error" | "info";

export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
}

export interface Notices {
  notices: readonly Notice[];
  notify: (kind: NoticeKind, message: string) => void;
  dismiss: (id: number) => void;
}

export const NoticeContext = createContext<Notices | null>(null);

export function useNotices(): Notices {
  const value = useContext(NoticeContext);
  if (!value) throw new Error("useNotices outside NoticeProvider");
  return value;
}
