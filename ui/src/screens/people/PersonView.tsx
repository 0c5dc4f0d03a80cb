// A person's page: details (editable), every role held or ended with its term and the projects
// they lead (virtualised, filterable PageLists; ended roles stay as history), and their training
// records. Roles are added in a dialog and ended with a date.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { PageList } from "../../components/PageList";
import { localToday } from "../../lib/dates";
import { describeFailure } from "../../lib/errors";
import { personName } from "../../lib/registers";
import { displayTitle } from "../../lib/titles";
import { registersApi, type PersonDetail, type RoleRow } from "../../platform/registers";
import { useRecordNavigation } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { DeleteRecord } from "../registers/DeleteRecord";
import { DetailHeader, Section } from "../registers/Layout";
import { PersonForm } from "./PersonForm";
import { RoleDialog } from "./RoleDialog";

export function PersonView({ id, onChanged, onDeleted }: { id: string; onChanged: () => void; onDeleted: () => void }) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const { openRecord } = useRecordNavigation();
  const [page, setPage] = useState<PersonDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [addingRole, setAddingRole] = useState(false);
  const [ending, setEnding] = useState<RoleRow | null>(null);
  const [endDate, setEndDate] = useState(localToday());
  const [course, setCourse] = useState("");
  const [courseDate, setCourseDate] = useState("");

  const load = useCallback(() => {
    registersApi.personPage(id).then(setPage).catch((e: unknown) => notify("error", describeFailure(t, t("reg.actions.load"), e)));
  }, [id, notify, t]);
  useEffect(load, [load]);

  const act = async (action: string, run: () => Promise<unknown>) => {
    try {
      await run();
      load();
      onChanged();
      return true;
    } catch (e) {
      notify("error", describeFailure(t, t(`reg.actions.${action}`), e));
      return false;
    }
  };

  if (!page) return <div className="editor-empty" aria-busy="true" />;
  const term = (r: RoleRow) => t("people.term", { start: r.start_date ?? "…", end: r.end_date ?? t("people.open") });
  const committee = (r: RoleRow) => {
    const label = `${r.committee_reference} ${displayTitle({ title_en: r.committee_title_en, title_zh: r.committee_title_zh }, i18n.language).text}`;
    return <button type="button" className="rg-link" title={label} onClick={() => openRecord("committee", r.committee_id)}>{label}</button>;
  };

  const removeRole = (r: RoleRow) => (
    <DeleteRecord testId="role-delete" name={`${t(`enums.role.${r.role}`)} · ${r.committee_reference}`} remove={() => registersApi.deleteMembership(r.membership_id)} onDeleted={() => { load(); onChanged(); }} />
  );

  return (
    <div className="editor" data-testid="person-page" data-id={id}>
      <DetailHeader
        title={personName(page.person) || page.person.email}
        sub={[page.organisation?.label, page.person.email, page.person.phone].filter(Boolean).join(" · ")}
        actions={<>
          <button type="button" className="btn btn-small" data-testid="person-edit" onClick={() => setEditing((v) => !v)}>{t("reg.edit")}</button>
          <DeleteRecord testId="person-delete" name={personName(page.person) || page.person.email} remove={() => registersApi.deletePerson(id)} onDeleted={onDeleted} />
        </>}
      />
      <div className="rg-scroll">
        {editing && (
          <PersonForm id={id} initial={page.person} onCancel={() => setEditing(false)} onSaved={() => { setEditing(false); load(); onChanged(); notify("success", t("reg.saved")); }} />
        )}
        {page.person.expertise && <p className="muted">{page.person.expertise}</p>}
        <Section title={t("people.roles")} testId="person-roles" action={<button type="button" className="btn btn-small" data-testid="role-add" onClick={() => setAddingRole(true)}>{t("people.addRole")}</button>}>
          <PageList rows={page.roles} label={t("people.roles")} testId="role-list" empty={t("people.noRoles")}
            textsOf={(r) => [t(`enums.role.${r.role}`), r.committee_reference, r.committee_title_en, r.committee_title_zh, term(r)]}
            history={{ heading: t("people.ended"), isCurrent: (r) => r.current }}
            renderRow={(r) => (
              <div role="listitem" className={r.current ? "rg-page-row" : "rg-page-row rg-history"} data-testid="role-row" data-current={r.current} data-role={r.role} data-id={r.membership_id}>
                <span className="rg-cell-role">{t(`enums.role.${r.role}`)}</span>
                <span className="rg-cell-main">{committee(r)}</span>
                <span className="muted">{term(r)}</span>
                <span className="rg-cell-actions">
                  {r.current && <button type="button" className="btn btn-small" data-testid="role-end" onClick={() => { setEnding(r); setEndDate(localToday()); }}>{t("people.endRole")}</button>}{" "}
                  {removeRole(r)}
                </span>
              </div>
            )} />
        </Section>
        <Section title={t("people.led")} testId="person-projects">
          <PageList rows={page.projects} label={t("people.led")} testId="led-project-list" empty={t("people.noLed")}
            textsOf={(p) => [p.reference, p.title_en, p.title_zh, p.stage]}
            renderRow={(p) => (
              <div role="listitem" className="rg-page-row" data-testid="led-project" data-id={p.id}>
                <span className="rg-cell-main"><button type="button" className="rg-link" onClick={() => openRecord("project", p.id)}><strong>{p.reference}</strong> {displayTitle(p, i18n.language).text}</button></span>
                <span className="muted">{p.stage}</span>
              </div>
            )} />
        </Section>
        <Section title={t("people.training")} testId="person-training">
          {page.training.length === 0 && <p className="rg-empty">{t("people.noTraining")}</p>}
          <table className="rg-table">
            <tbody>
              {page.training.map((tr) => (
                <tr key={tr.id} data-testid="training-row">
                  <td>{tr.course}</td>
                  <td className="muted">{tr.date ?? ""}</td>
                  <td><button type="button" className="btn btn-small btn-danger-quiet" onClick={() => void act("delete", () => registersApi.removeTraining(tr.id))}>{t("people.remove")}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <form className="rg-actions" onSubmit={(e) => { e.preventDefault(); if (course.trim()) void act("save", () => registersApi.addTraining(id, course.trim(), courseDate || null)).then((ok) => ok && (setCourse(""), setCourseDate(""))); }}>
            <input className="input" aria-label={t("people.course")} placeholder={t("people.course")} data-testid="training-course" value={course} onChange={(e) => setCourse(e.target.value)} />
            <input className="input" type="date" aria-label={t("people.date")} data-testid="training-date" value={courseDate} onChange={(e) => setCourseDate(e.target.value)} />
            <button type="submit" className="btn btn-small" data-testid="training-add" disabled={!course.trim()}>{t("people.addTraining")}</button>
          </form>
        </Section>
      </div>
      {addingRole && <RoleDialog personId={id} onCancel={() => setAddingRole(false)} onDone={() => { setAddingRole(false); load(); onChanged(); }} />}
      {ending && (
        <Modal title={t("people.endRoleTitle")} onCancel={() => setEnding(null)} testId="end-role-dialog"
          footer={<>
            <button type="button" className="btn btn-primary" data-testid="end-role-save" onClick={() => void act("end", () => registersApi.endMembership(ending.membership_id, endDate)).then((ok) => ok && setEnding(null))}>{t("people.endRole")}</button>
            <button type="button" className="btn" onClick={() => setEnding(null)}>{t("reg.cancel")}</button>
          </>}>
          <p>{t(`enums.role.${ending.role}`)} · {ending.committee_reference}</p>
          <label className="field">
            <span className="field-label">{t("people.endDate")}</span>
            <input type="date" className="input" data-testid="field-end-role-date" data-autofocus="" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
          </label>
        </Modal>
      )}
    </div>
  );
}
