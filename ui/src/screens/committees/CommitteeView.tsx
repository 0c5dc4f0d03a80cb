// A committee's page: where it sits (organisation and ancestors), its members by role with ended
// roles as history, its projects, liaisons and sub-committees — each a virtualised, filterable
// PageList, so thousands of members cost only the visible rows; Edit, "New under this" and
// Delete (refused by the core, with the list, while anything refers to it).

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageList } from "../../components/PageList";
import { describeFailure } from "../../lib/errors";
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
  const term = (m: MemberRow) => t("people.term", { start: m.start_date ?? "…", end: m.end_date ?? t("people.open") });
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
          <PageList rows={page.members} label={t("committees.members")} testId="member-list" empty={t("committees.noMembers")}
            textsOf={(m) => [m.person, t(`enums.role.${m.role}`), term(m)]} history={{ heading: t("committees.history"), isCurrent: (m) => m.current }}
            renderRow={(m) => (
              <div role="listitem" className={m.current ? "rg-page-row" : "rg-page-row rg-history"} data-testid="member-row" data-current={m.current} data-role={m.role} data-id={m.person_id}>
                <span className="rg-cell-role">{t(`enums.role.${m.role}`)}</span>
                <span className="rg-cell-main"><button type="button" className="rg-link" onClick={() => openRecord("person", m.person_id)}>{m.person}</button></span>
                <span className="muted">{term(m)}</span>
              </div>
            )} />
        </Section>
        <Section title={t("committees.subcommittees")} testId="committee-subs">
          <PageList rows={page.subcommittees} label={t("committees.subcommittees")} testId="sub-list" empty={t("committees.noSubs")}
            textsOf={(s) => [s.kind, s.reference, s.title_en, s.title_zh]}
            renderRow={(s) => (
              <div role="listitem" className="rg-page-row">
                <span className="rg-cell-main"><button type="button" className="rg-link" data-testid="sub-link" data-id={s.id} onClick={() => openRecord("committee", s.id)}><span className="rg-kind">{s.kind}</span> <strong>{s.reference}</strong> {displayTitle(s, i18n.language).text}</button></span>
              </div>
            )} />
        </Section>
        <Section title={t("committees.projects")} testId="committee-projects">
          <PageList rows={page.projects} label={t("committees.projects")} testId="committee-project-list" empty={t("committees.noProjects")}
            textsOf={(p) => [p.reference, p.title_en, p.title_zh, p.stage, p.leader]}
            renderRow={(p) => (
              <div role="listitem" className="rg-page-row" data-testid="committee-project" data-id={p.id}>
                <span className="rg-cell-main"><button type="button" className="rg-link" onClick={() => openRecord("project", p.id)}><strong>{p.reference}</strong> {displayTitle(p, i18n.language).text}</button></span>
                <span className="muted">{p.stage}{p.leader ? ` · ${p.leader}` : ""}</span>
              </div>
            )} />
        </Section>
        <Section title={t("committees.liaisons")} testId="committee-liaisons">
          <PageList rows={page.liaisons} label={t("committees.liaisons")} testId="committee-liaison-list" empty={t("committees.noLiaisons")}
            textsOf={(l) => [l.organisation?.label, t(`enums.category.${l.category}`)]}
            renderRow={(l) => (
              <div role="listitem" className="rg-page-row" data-testid="committee-liaison" data-id={l.id}>
                <span className="rg-cell-main"><button type="button" className="rg-link" onClick={() => openRecord("liaison", l.id)}>{l.organisation?.label ?? "—"}</button></span>
                <span className="muted">{t(`enums.category.${l.category}`)}</span>
                {l.review_due && <span className="badge rg-badge-due">{t("liaisons.reviewDue")}</span>}
              </div>
            )} />
        </Section>
      </div>
    </div>
  );
}
