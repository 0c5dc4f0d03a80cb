// The Packets screen: a project or statement (chosen here through search, or arriving from a
// "Packet…" action), the kinds of packet that apply to it, the pre-flight list with a "Fix"
// per item that opens the record at the field, then Save as PDF (native save dialog) or Print
// (the pages shown in the print view, then the system print dialog). Making a packet runs off
// the main thread with progress; the screen stays usable.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../hooks/useDebounced";
import { describeFailure } from "../../lib/errors";
import { canMake, counts, defaultKind, fixTarget, isLandscape, packetFileName, preflightText, progressPercent, type PacketSubject } from "../../lib/packets";
import * as platform from "../../platform/packets";
import type { Assembled, PacketKind, PacketProgress, PrintPage, SavedPacket } from "../../platform/packets";
import { registersApi, type SearchHit } from "../../platform/registers";
import { useRecordNavigation } from "../../state/navigation";
import { PrintView } from "./PrintView";
import "./packets.css";

interface Props {
  subject: PacketSubject | null;
  onSubject: (subject: PacketSubject | null) => void;
}

type Work = { what: "save" | "print"; progress: PacketProgress | null } | null;

export function PacketsScreen({ subject, onSubject }: Props) {
  const { t } = useTranslation();
  const { openRecord } = useRecordNavigation();
  const [kinds, setKinds] = useState<PacketKind[] | null>(null);
  const [kind, setKind] = useState<PacketKind | null>(null);
  const [assembled, setAssembled] = useState<Assembled | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [work, setWork] = useState<Work>(null);
  const [saved, setSaved] = useState<SavedPacket | null>(null);
  const [pages, setPages] = useState<PrintPage[] | null>(null);
  const api = platform.packetsApi;

  // The kinds that apply to the record.
  useEffect(() => {
    setKinds(null);
    setAssembled(null);
    setSaved(null);
    if (!subject) return;
    let live = true;
    api
      .kinds(subject.id)
      .then((k) => {
        if (!live) return;
        setKinds(k);
        setKind((previous) => defaultKind(k, previous));
      })
      .catch((e: unknown) => live && setFailure(describeFailure(t, t("packets.actions.load"), e)));
    return () => {
      live = false;
    };
  }, [subject, api, t]);

  const check = useCallback(async () => {
    if (!subject || !kind) return;
    setFailure(null);
    try {
      setAssembled(await api.preflight({ kind, id: subject.id, date: null, lang: null }));
    } catch (e) {
      setAssembled(null);
      setFailure(describeFailure(t, t("packets.actions.check"), e));
    }
  }, [subject, kind, api, t]);

  useEffect(() => {
    if (kinds && kind && kinds.includes(kind)) void check();
  }, [kinds, kind, check]);

  const request = () => ({ kind: kind!, id: subject!.id, date: null, lang: null });

  async function saveAsPdf() {
    if (!assembled) return;
    const path = await platform.choosePacketDestination(packetFileName(assembled.data.title), t("packets.saveTitle"));
    if (!path) return;
    setFailure(null);
    setSaved(null);
    setWork({ what: "save", progress: null });
    try {
      setSaved(await api.save(request(), path, (progress) => setWork({ what: "save", progress })));
    } catch (e) {
      setFailure(describeFailure(t, t("packets.actions.save"), e));
    } finally {
      setWork(null);
    }
  }

  async function preparePrint() {
    setFailure(null);
    setWork({ what: "print", progress: null });
    try {
      setPages(await api.pages(request(), (progress) => setWork({ what: "print", progress })));
    } catch (e) {
      setFailure(describeFailure(t, t("packets.actions.print"), e));
    } finally {
      setWork(null);
    }
  }

  async function printNow(shown: PrintPage[]) {
    try {
      await platform.printPages(isLandscape(shown));
    } catch (e) {
      setPages(null);
      setFailure(describeFailure(t, t("packets.actions.print"), e));
    }
  }

  const items = assembled?.preflight ?? [];
  const { errors, warnings } = counts(items);
  const ready = assembled !== null && canMake(items) && work === null;

  return (
    <div className="packets" data-testid="packets-screen">
      <header className="packets-header">
        <h1 className="screen-title">{t("packets.title")}</h1>
        <p className="muted">{t("packets.intro")}</p>
      </header>
      <div className="packets-body">
        <section className="packets-card">
          <h2 className="packets-caption">{t("packets.record")}</h2>
          {subject ? (
            <div className="packets-subject" data-testid="packet-subject" data-kind={subject.kind} data-id={subject.id}>
              <span className="badge badge-neutral">{t(`packets.subjectKind.${subject.kind}`)}</span>
              <strong>{subject.label}</strong>
              <button type="button" className="btn btn-small" data-testid="packet-subject-change" onClick={() => onSubject(null)}>
                {t("packets.change")}
              </button>
            </div>
          ) : (
            <SubjectPicker onPick={onSubject} />
          )}
        </section>

        {subject && kinds && (
          <section className="packets-card">
            <h2 className="packets-caption">{t("packets.kind")}</h2>
            {kinds.length === 0 ? (
              <p className="rg-empty">{t("packets.noKinds")}</p>
            ) : (
              <div className="packets-kinds" role="radiogroup" aria-label={t("packets.kind")}>
                {kinds.map((k) => (
                  <label key={k} className={k === kind ? "packets-kind packets-kind-current" : "packets-kind"}>
                    <input type="radio" name="packet-kind" value={k} checked={k === kind} data-testid={`packet-kind-${k}`} onChange={() => setKind(k)} />
                    <span>
                      <strong>{t(`packets.kinds.${k}.name`)}</strong>
                      <span className="muted packets-kind-note">{t(`packets.kinds.${k}.note`)}</span>
                    </span>
                  </label>
                ))}
              </div>
            )}
          </section>
        )}

        {subject && assembled && (
          <section className="packets-card" data-testid="packet-preflight" data-errors={errors} data-warnings={warnings}>
            <div className="packets-card-head">
              <h2 className="packets-caption">{t("packets.preflightTitle")}</h2>
              <button type="button" className="btn btn-small" data-testid="packet-recheck" disabled={work !== null} onClick={() => void check()}>
                {t("packets.recheck")}
              </button>
            </div>
            {items.length === 0 ? (
              <p className="packets-ok" data-testid="packet-preflight-ok">{t("packets.allClear")}</p>
            ) : (
              <ul className="packets-items">
                {items.map((item, n) => (
                  <li key={`${item.key}-${n}`} className={`packets-item packets-item-${item.severity}`} data-testid="packet-preflight-item" data-severity={item.severity} data-key={item.key}>
                    <span className={item.severity === "error" ? "badge badge-overdue" : "badge badge-neutral"}>{t(`packets.severity.${item.severity}`)}</span>
                    <span className="packets-item-text">{preflightText(t, item)}</span>
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="packet-fix"
                      onClick={() => {
                        const to = fixTarget(item, assembled.data.source);
                        openRecord(to.kind, to.id, to.field || undefined);
                      }}
                    >
                      {t("packets.fix")}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {errors > 0 && <p className="packets-blocked" data-testid="packet-blocked">{t("packets.blocked", { count: errors })}</p>}
            <div className="packets-actions">
              <button type="button" className="btn btn-primary" data-testid="packet-save" disabled={!ready} onClick={() => void saveAsPdf()}>
                {t("packets.save")}
              </button>
              <button type="button" className="btn" data-testid="packet-print" disabled={!ready} onClick={() => void preparePrint()}>
                {t("packets.print")}
              </button>
            </div>
            {work && (
              <div className="packets-progress" data-testid="packet-progress" data-phase={work.progress?.phase ?? "assemble"}>
                <span>{t(`packets.phase.${work.progress?.phase ?? "assemble"}`)}</span>
                <progress max={100} value={work.progress ? progressPercent(work.progress) : undefined} aria-label={t("packets.working")} />
              </div>
            )}
            {saved && (
              <p className="packets-saved" data-testid="packet-saved" data-path={saved.path} data-pages={saved.pages}>
                {t("packets.saved", { path: saved.path, count: saved.pages })}
              </p>
            )}
          </section>
        )}

        {failure && (
          <p className="packets-failure" role="alert" data-testid="packet-error">
            {failure}
          </p>
        )}
      </div>
      {pages && <PrintView pages={pages} title={assembled?.data.title ?? ""} onPrint={() => void printNow(pages)} onClose={() => setPages(null)} />}
    </div>
  );
}

/** Search for the project or statement a packet is made from. */
function SubjectPicker({ onPick }: { onPick: (subject: PacketSubject) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const query = useDebounced(text.trim(), 200);
  useEffect(() => {
    if (!query) return;
    let live = true;
    registersApi
      .searchEverywhere(query)
      .then((r) => live && setHits(r.groups.flatMap((g) => g.hits).filter((h) => h.kind === "project" || h.kind === "statement")))
      .catch(() => live && setHits([]));
    return () => {
      live = false;
    };
  }, [query]);
  const shown = query ? hits : [];
  return (
    <div className="packets-picker">
      <input type="search" className="input" data-testid="packet-subject-search" placeholder={t("packets.searchPlaceholder")} aria-label={t("packets.searchPlaceholder")} value={text} onChange={(e) => setText(e.target.value)} />
      {shown.length > 0 && (
        <ul className="packets-hits">
          {shown.map((h) => (
            <li key={h.id}>
              <button type="button" className="rg-link" data-testid="packet-subject-hit" data-id={h.id} data-kind={h.kind} onClick={() => onPick({ kind: h.kind as PacketSubject["kind"], id: h.id, label: h.label })}>
                <span className="badge badge-neutral">{t(`packets.subjectKind.${h.kind}`)}</span> <strong>{h.label}</strong> <span className="muted">{h.secondary}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
