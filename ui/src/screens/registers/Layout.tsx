// The frame every register screen shares: a toolbar, filters and a list on the left, the
// selected record's page on the right, and the page's header, sections and empty state.

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./registers.css";

export function RegisterLayout({ title, toolbar, filters, list, detail, testId }: { title: string; toolbar: ReactNode; filters?: ReactNode; list: ReactNode; detail: ReactNode; testId: string }) {
  return (
    <div className="rg" data-testid={testId}>
      <section className="rg-list-pane" aria-label={title}>
        <div className="rg-toolbar">
          <h1 className="screen-title">{title}</h1>
          {toolbar}
        </div>
        {filters}
        {list}
      </section>
      <section className="rg-detail">{detail}</section>
    </div>
  );
}

export function NothingSelected() {
  const { t } = useTranslation();
  return (
    <div className="editor-empty">
      <p>{t("reg.nothingSelected")}</p>
      <p className="muted">{t("reg.nothingSelectedHint")}</p>
    </div>
  );
}

export function DetailHeader({ title, sub, crumbs, badges, actions, dirty }: { title: string; sub?: ReactNode; crumbs?: ReactNode; badges?: ReactNode; actions?: ReactNode; dirty?: boolean }) {
  return (
    <header className="rg-detail-header">
      {crumbs && <div className="rg-crumbs">{crumbs}</div>}
      <h2 className="rg-detail-title" data-testid="detail-title">
        {title}
        {dirty && <span className="dirty-mark">●</span>}
      </h2>
      {sub && <div className="rg-detail-sub">{sub}</div>}
      {badges && <div className="rg-actions">{badges}</div>}
      {actions && <div className="rg-actions">{actions}</div>}
    </header>
  );
}

export function Section({ title, testId, action, children }: { title: string; testId?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="rg-section" data-testid={testId}>
      <h3 className="rg-section-title">
        {title}
        {action}
      </h3>
      {children}
    </section>
  );
}

/** The Save / Cancel pair under a form. */
export function FormActions({ busy, dirty, onSave, onCancel, testPrefix }: { busy: boolean; dirty: boolean; onSave: () => void; onCancel: () => void; testPrefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="rg-form-actions">
      <button type="submit" className="btn btn-primary" data-testid={`${testPrefix}-save`} disabled={busy || !dirty} onClick={onSave}>
        {t("reg.save")}
      </button>
      <button type="button" className="btn" data-testid={`${testPrefix}-cancel`} disabled={busy} onClick={onCancel}>
        {t("reg.cancel")}
      </button>
    </div>
  );
}
