// Holds the notices; success notices fade after a while, errors stay until dismissed.

import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { NoticeContext, type Notice, type NoticeKind } from "./notices";

const SUCCESS_MS = 6000;
const MAX_NOTICES = 3;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);

  const notify = useCallback(
    (kind: NoticeKind, message: string) => {
      const id = nextId.current++;
      setNotices((list) => [...list.filter((n) => n.message !== message), { id, kind, message }].slice(-MAX_NOTICES));
      if (kind !== "error") window.setTimeout(() => dismiss(id), SUCCESS_MS);
    },
    [dismiss],
  );

  const value = useMemo(() => ({ notices, notify, dismiss }), [notices, notify, dismiss]);
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}
