// The banner of notices above the current screen.

import { useTranslation } from "react-i18next";
import { useNotices } from "../state/notices";

export function NoticeArea() {
  const { t } = useTranslation();
  const { notices, dismiss } = useNotices();
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === "error" ? "alert" : "status"} data-testid="notice" data-kind={n.kind}>
          <span className="notice-text">{n.message}</span>
          <button type="button" className="notice-close" onClick={() => dismiss(n.id)} aria-label={t("common.dismiss")} title={t("common.dismiss")}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
