// A committee's page: where it sits (organisation and ancestors), its members by role with ended
// roles as history, its projects, liaisons and sub-committees; Edit, "New under this" and Delete
// (refused by the core, with the list, while anything refers to it).

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { splitByCurrent } from "../../lib/registers";
import { displayTitle } from "../../lib/titles";
import { registersApi, type CommitteePage, type MemberRow } from "../../platform/registers";
import { useRecordNavigation } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { DeleteRecord } from "../registers/DeleteRecord";
import { DetailHeader, Section } from "../registers/Layout";
import { CommitteeForm } from "./CommitteeForm";

export function CommitteeView({ id, version, onChanged, onDeleted, onNewUnder }: { id: string; version: number; onChanged: () => void; onDeleted: () => void; onNewUnder: (page: CommitteePage) => void }) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const { openRecord } = useRecordNavigation();
  const [page, setPage] = useState<CommitteePage | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(() => {
    registersApi.committeePage(id).then(setPage).catch((e: unknown) => notify("error", describeFailure(t, t("reg.actions.load"), e)));
  }, [id, notify, t]);
  useEffect(load, [load, version]);

  if (!page) return <div className="editor-empty" aria-busy="true" />;
  const c = page.committee;
  const members = splitByCurrent(page.members);
  const memberRow = (m: MemberRow) => (
    <tr key={m.membership_id} className={m.current ? undefined : "rg-history"} data-testid="member-row" data-current={m.current} data-role={m.role}>
      <td>{t(`enums.role.${m.role}`)}</td>
      <td><button type="button" className="rg-link" onClick={() => openRecord("person", m.person_id)}>{m.person}</button></td>
      <td className="muted">{t("people.term", { start: m.start_date ?? "…", end: m.end_date ?? t("people.open") })}</td>
    </tr>
  );

  return (
    <div className="editor" data-testid="committee-page" data-id={id}>
      <DetailHeader
        crumbs={[page.organisation?.label, ...page.ancestors.map((a) => a.label)].filter(Boolean).join(" › ")}
        title={c.reference}
        sub={displayTitle(c, i18n.language).text}
        badges={<>
          <span className="rg-kind">{c.kind}</span>
          <span className="badge badge-neutral">{t(`enums.membership.${c.membership}`)}</span>
          {c.secretariat && <span className="muted">{t("committees.fields.secretariat")}: {c.secretariat}</span>}
        </>}
        actions={<>
          <button type="button" className="btn btn-small" data-testid="committee-edit" onClick={() => setEditing((v) => !v)}>{t("reg.edit")}</button>
          <button type="button" className="btn btn-small" data-testid="committee-new-under" onClick={() => onNewUnder(page)}>{t("committees.newUnder")}</button>
          <DeleteRecord testId="committee-delete" name={c.reference} remove={() => registersApi.deleteCommittee(id)} onDeleted={onDeleted} />
        </>}
      />
      <div className="rg-scroll">
        {editing && <CommitteeForm id={id} initial={c} onCancel={() => setEditing(false)} onSaved={() => { setEditing(false); load(); onChanged(); notify("success", t("reg.saved")); }} />}
        {c.scope && <p className="muted">{c.scope}</p>}
        <Section title={t("committees.members")} testId="committee-members">
          {page.members.length === 0 ? <p className="rg-empty">{t("committees.noMembers")}</p> : (
            <table className="rg-table">
              <tbody>
                {members.current.map(memberRow)}
                {members.ended.length > 0 && <tr><th colSpan={3}>{t("committees.history")}</th></tr>}
                {members.ended.map(memberRow)}
              </tbody>
            </table>
          )}
        </Section>
        <Section title={t("committees.subcommittees")} testId="committee-subs">
          {page.subcommittees.length === 0 ? <p className="rg-empty">{t("committees.noSubs")}</p> : (
            <ul className="dash-list">
              {page.subcommittees.map((s) => (
                <li key={s.id}><button type="button" className="rg-link" data-testid="sub-link" onClick={() => openRecord("committee", s.id)}><span className="rg-kind">{s.kind}</span> <strong>{s.reference}</strong> {displayTitle(s, i18n.language).text}</button></li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t("committees.projects")} testId="committee-projects">
          {page.projects.length === 0 ? <p className="rg-empty">{t("committees.noProjects")}</p> : (
            <ul className="dash-list">
              {page.projects.map((p) => (
                <li key={p.id}><button type="button" className="rg-link" onClick={() => openRecord("project", p.id)}><strong>{p.reference}</strong> {displayTitle(p, i18n.language).text}</button> <span className="muted">{p.stage}{p.leader ? ` · ${p.leader}` : ""}</span></li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t("committees.liaisons")} testId="committee-liaisons">
          {page.liaisons.length === 0 ? <p className="rg-empty">{t("committees.noLiaisons")}</p> : (
            <ul className="dash-list">
              {page.liaisons.map((l) => (
                <li key={l.id}><button type="button" className="rg-link" onClick={() => openRecord("liaison", l.id)}>{l.organisation?.label ?? "—"}</button> <span className="muted">{t(`enums.category.${l.category}`)}</span>{l.review_due && <span className="badge rg-badge-due"> {t("liaisons.reviewDue")}</span>}</li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  );
}
