// A statement's page: state with buttons for the allowed next states only, its fields (edited in
// place), the thread (what it answers, its responses), its files (attach through the open
// dialog, save a copy through the save dialog, remove) and the event log (responses and log are
// virtualised, filterable PageLists).

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageList } from "../../components/PageList";
import { describeFailure } from "../../lib/errors";
import { chooseAttachmentDestination, chooseFileToAttach } from "../../platform/files";
import { registersApi, type StatementDetail } from "../../platform/registers";
import { useRecordNavigation } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { DeleteRecord } from "../registers/DeleteRecord";
import { DetailHeader, Section } from "../registers/Layout";
import { StatementForm } from "./StatementForm";

export function StatementView({ id, onChanged, onDeleted }: { id: string; onChanged: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const { openRecord, openPackets } = useRecordNavigation();
  const [detail, setDetail] = useState<StatementDetail | null>(null);

  const load = useCallback(() => {
    registersApi.getStatement(id).then(setDetail).catch((e: unknown) => notify("error", describeFailure(t, t("reg.actions.load"), e)));
  }, [id, notify, t]);
  useEffect(load, [load]);

  const act = async (action: string, run: () => Promise<unknown>, success?: string) => {
    try {
      await run();
      load();
      onChanged();
      if (success) notify("success", success);
    } catch (e) {
      notify("error", describeFailure(t, t(`reg.actions.${action}`), e));
    }
  };

  if (!detail) return <div className="editor-empty" aria-busy="true" />;
  const s = detail.statement;

  return (
    <div className="editor" data-testid="statement-page" data-id={id} data-state={s.state}>
      <DetailHeader
        title={s.title}
        sub={<>{t(`enums.direction.${s.direction}`)} · {s.from_party || "—"} → {s.to_party || "—"}</>}
        badges={<>
          <span className={`rg-state rg-state-${s.state}`} data-testid="statement-state">{t(`enums.state.${s.state}`)}</span>
          <span className="badge badge-neutral">{t(`enums.purpose.${s.purpose}`)}</span>
          {s.deadline && <span className={detail.overdue ? "rg-overdue" : "muted"}>{t("statements.fields.deadline")}: {s.deadline}</span>}
          {detail.overdue && <span className="badge badge-overdue" data-testid="badge-overdue">{t("badges.overdue")}</span>}
        </>}
        actions={<>
          <button type="button" className="btn btn-small" data-testid="statement-packet" onClick={() => openPackets({ kind: "statement", id, label: s.title })}>
            {t("packets.action")}
          </button>
          {detail.next_states.length > 0 && <span className="muted">{t("statements.moveTo")}</span>}
          {detail.next_states.map((next) => (
            <button key={next} type="button" className={next === "dead" ? "btn btn-small btn-danger-quiet" : "btn btn-small"} data-testid={`state-${next}`} onClick={() => void act("save", () => registersApi.setStatementState(id, next))}>
              {t(`enums.state.${next}`)}
            </button>
          ))}
          <DeleteRecord testId="statement-delete" name={s.title} remove={() => registersApi.deleteStatement(id)} onDeleted={onDeleted} />
        </>}
      />
      <div className="rg-scroll">
        <StatementForm key={`${s.state}`} id={id} initial={stripId(s)} onCancel={() => {}} onSaved={() => { load(); onChanged(); notify("success", t("reg.saved")); }} />
        <Section title={t("statements.thread")} testId="statement-thread">
          {detail.in_response_to && (
            <p>{t("statements.inResponseTo")}: <button type="button" className="rg-link" onClick={() => openRecord("statement", detail.in_response_to!.id)}>{detail.in_response_to.label}</button></p>
          )}
          <PageList rows={detail.responses} label={t("statements.responses")} testId="response-list" empty={t("statements.noResponses")} textsOf={(r) => [r.label]}
            renderRow={(r) => (
              <div role="listitem" className="rg-page-row">
                <span className="rg-cell-main"><button type="button" className="rg-link" data-testid="statement-response" data-id={r.id} onClick={() => openRecord("statement", r.id)}>↳ {r.label}</button></span>
              </div>
            )} />
        </Section>
        <Section title={t("statements.attachments")} testId="statement-attachments"
          action={<button type="button" className="btn btn-small" data-testid="attachment-add" onClick={() => void (async () => {
            const path = await chooseFileToAttach(t("statements.attach"));
            if (path) await act("attach", () => registersApi.attachFile(id, path));
          })()}>{t("statements.attach")}</button>}>
          {detail.attachments.length === 0 ? <p className="rg-empty">{t("statements.noAttachments")}</p> : (
            <table className="rg-table">
              <tbody>
                {detail.attachments.map((a) => (
                  <tr key={a.id} data-testid="attachment-row" data-name={a.name}>
                    <td>{a.name}</td>
                    <td className="muted">{a.media_type} · {Math.max(1, Math.round(a.size / 1024))} KB</td>
                    <td>
                      <button type="button" className="btn btn-small" data-testid="attachment-save" onClick={() => void (async () => {
                        const path = await chooseAttachmentDestination(a.name, t("statements.saveAs"));
                        if (path) await act("save", () => registersApi.saveAttachment(a.id, path), t("statements.fileSaved", { name: a.name }));
                      })()}>{t("statements.saveAs")}</button>{" "}
                      <button type="button" className="btn btn-small btn-danger-quiet" data-testid="attachment-remove" onClick={() => void act("delete", () => registersApi.removeAttachment(a.id))}>{t("people.remove")}</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section title={t("statements.events")} testId="statement-events">
          <PageList rows={detail.events} label={t("statements.events")} testId="event-list" empty={t("reg.empty")} textsOf={(e) => [e.at, e.actor, e.what]}
            renderRow={(e) => (
              <div role="listitem" className="rg-page-row rg-events" data-testid="statement-event" title={e.what}>
                <time className="muted" dateTime={e.at}>{e.at.replace("T", " ").slice(0, 16)}</time>
                <span className="rg-cell-main">{e.actor && <strong>{e.actor}: </strong>}{e.what}</span>
              </div>
            )} />
        </Section>
      </div>
    </div>
  );
}

function stripId({ id: _id, ...input }: StatementDetail["statement"]) {
  return input;
}
