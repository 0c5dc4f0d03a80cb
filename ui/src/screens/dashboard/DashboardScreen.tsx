// The dashboard: what needs attention today (statement deadlines in the next 14 days and overdue,
// liaisons due for review, projects past their limit date, roles ending within 60 days), each item
// opening its record, and the programme targets with their progress counted live (new, edit
// and delete in place).

import { useCallback, useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { daysWording } from "../../lib/registers";
import { displayTitle } from "../../lib/titles";
import { registersApi, type Dashboard, type TargetInput } from "../../platform/registers";
import { useRecordNavigation } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import "../registers/registers.css";
import { TargetChart } from "./TargetChart";
import { EMPTY_TARGET } from "../registers/defaults";
import { TargetDialog } from "./TargetDialog";

function Card({ title, total, testId, children }: { title: string; total: number; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="dash-card" data-testid={testId} data-total={total}>
      <h2>
        {title}
        <span className={total > 0 ? "dash-count dash-count-hot" : "dash-count"}>{total}</span>
      </h2>
      {total === 0 ? <p className="rg-empty">{t("dashboard.nothing")}</p> : <ul className="dash-list">{children}</ul>}
    </section>
  );
}

function Item({ testId, id, onOpen, main, when, hot }: { testId: string; id: string; onOpen: () => void; main: ReactNode; when: string; hot?: boolean }) {
  return (
    <li>
      <button type="button" className="dash-item" data-testid={testId} data-id={id} onClick={onOpen}>
        <span className="dash-item-main">{main}</span>
        <span className={hot ? "dash-item-when rg-overdue" : "dash-item-when"}>{when}</span>
      </button>
    </li>
  );
}

export function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const { openRecord } = useRecordNavigation();
  const [data, setData] = useState<Dashboard | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; input: TargetInput } | null>(null);

  const load = useCallback(() => {
    registersApi
      .dashboard()
      .then(setData)
      .catch((e: unknown) => notify("error", describeFailure(t, t("reg.actions.load"), e)));
  }, [notify, t]);
  useEffect(load, [load]);

  const days = (n: number) => {
    const w = daysWording(n);
    return t(`dashboard.${w.key}`, { count: w.count });
  };

  if (!data) return <div className="dash" aria-busy="true" />;
  const more = (total: number, shown: number) => (total > shown ? <li className="rg-empty">{t("dashboard.more", { count: total - shown })}</li> : null);

  return (
    <div className="dash" data-testid="dashboard">
      <div className="dash-head">
        <h1 className="screen-title">{t("dashboard.title")}</h1>
        <span className="muted">{t("dashboard.today", { date: data.today })}</span>
        <button type="button" className="btn btn-small" data-testid="dashboard-refresh" onClick={load}>
          {t("dashboard.refresh")}
        </button>
      </div>
      <div className="dash-grid">
        <Card title={t("dashboard.statements")} total={data.statements.total} testId="dash-statements">
          {data.statements.items.map((s) => (
            <Item key={s.id} testId="dash-statement" id={s.id} onOpen={() => openRecord("statement", s.id)} hot={s.overdue}
              main={<>{s.title} <span className="muted">· {t(`enums.purpose.${s.purpose}`)}</span></>} when={`${s.deadline} · ${days(s.days_left)}`} />
          ))}
          {more(data.statements.total, data.statements.items.length)}
        </Card>
        <Card title={t("dashboard.liaisons")} total={data.liaisons.total} testId="dash-liaisons">
          {data.liaisons.items.map((l) => (
            <Item key={l.id} testId="dash-liaison" id={l.id} onOpen={() => openRecord("liaison", l.id)}
              main={`${l.organisation?.label ?? "—"} ↔ ${l.committee?.label ?? "—"}`}
              when={l.last_review_date ? t("dashboard.lastReview", { date: l.last_review_date }) : t("dashboard.neverReviewed")} />
          ))}
          {more(data.liaisons.total, data.liaisons.items.length)}
        </Card>
        <Card title={t("dashboard.projects")} total={data.projects.total} testId="dash-projects">
          {data.projects.items.map((p) => (
            <Item key={p.id} testId="dash-project" id={p.id} onOpen={() => openRecord("project", p.id)} hot
              main={<><strong>{p.reference}</strong> {displayTitle(p, i18n.language).text}</>} when={t("dashboard.daysOver", { count: p.days_over })} />
          ))}
          {more(data.projects.total, data.projects.items.length)}
        </Card>
        <Card title={t("dashboard.memberships")} total={data.memberships.total} testId="dash-memberships">
          {data.memberships.items.map((m) => (
            <Item key={m.id} testId="dash-membership" id={m.person_id} onOpen={() => openRecord("person", m.person_id)}
              main={<>{m.person} <span className="muted">· {t(`enums.role.${m.role}`)} · {m.committee}</span></>} when={t("dashboard.ends", { date: m.end_date })} />
          ))}
          {more(data.memberships.total, data.memberships.items.length)}
        </Card>
        <section className="dash-card dash-card-wide" data-testid="dash-targets">
          <h2>
            {t("dashboard.targets")}
            <button type="button" className="btn btn-small" data-testid="target-new" onClick={() => setEditing({ id: null, input: EMPTY_TARGET })}>{t("dashboard.newTarget")}</button>
          </h2>
          <TargetChart targets={data.targets} onDeleted={load} onEdit={({ target: { id, ...input } }) => setEditing({ id, input })} />
        </section>
      </div>
      {editing && <TargetDialog id={editing.id} initial={editing.input} onCancel={() => setEditing(null)} onDone={() => { setEditing(null); load(); }} />}
    </div>
  );
}
