// Provides the unsaved-changes guard and its Save / Discard / Cancel dialog, and keeps the window
// from closing while edits are pending.

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { guardWindowClose } from "../platform/window";
import { GuardContext, type PendingEdits } from "./guard";

type Choice = "save" | "discard" | "cancel";

export function UnsavedGuardProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const pending = useRef<PendingEdits | null>(null);
  const asking = useRef<Promise<boolean> | null>(null);
  const [resolveChoice, setResolveChoice] = useState<((choice: Choice) => void) | null>(null);
  const [busy, setBusy] = useState(false);

  const setPending = useCallback((p: PendingEdits | null) => {
    pending.current = p;
  }, []);

  const confirmLeave = useCallback((): Promise<boolean> => {
    if (!pending.current) return Promise.resolve(true);
    if (asking.current) return asking.current;
    const question = new Promise<Choice>((resolve) => setResolveChoice(() => resolve)).then(async (choice) => {
      const edits = pending.current;
      try {
        if (choice === "cancel" || !edits) return choice !== "cancel";
        if (choice === "discard") {
          edits.discard();
          pending.current = null;
          return true;
        }
        setBusy(true);
        const saved = await edits.save();
        if (saved) pending.current = null;
        return saved;
      } finally {
        setBusy(false);
        setResolveChoice(null);
        asking.current = null;
      }
    });
    asking.current = question;
    return question;
  }, []);

  useEffect(() => guardWindowClose(confirmLeave), [confirmLeave]);

  const value = useMemo(() => ({ setPending, confirmLeave }), [setPending, confirmLeave]);

  return (
    <GuardContext.Provider value={value}>
      {children}
      {resolveChoice && (
        <ConfirmDialog
          title={t("unsaved.title")}
          message={t("unsaved.message")}
          busy={busy}
          onCancel={() => resolveChoice("cancel")}
          actions={[
            { id: "save", label: t("unsaved.save"), testId: "confirm-save", primary: true, onClick: () => resolveChoice("save") },
            { id: "discard", label: t("unsaved.discard"), testId: "confirm-discard", danger: true, onClick: () => resolveChoice("discard") },
            { id: "cancel", label: t("common.cancel"), testId: "confirm-cancel", onClick: () => resolveChoice("cancel") },
          ]}
        />
      )}
    </GuardContext.Provider>
  );
}
