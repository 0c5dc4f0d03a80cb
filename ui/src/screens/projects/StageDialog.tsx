// "Change stage…": pick one of the 46 codes (grouped, named in the UI language, with the Chinese
// process name for national/local/group projects), the date (today by default) and a note; and,
// for a project with draft text, naming a revision of each draft with a name suggested from the
// new stage (checked when the stage group changes; a used or empty name is refused beside it).

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { StageSelect } from "../../components/StageSelect";
import { isIsoDate, localToday } from "../../lib/dates";
import { nextFreeName, revisionNameProblem } from "../../lib/review";
import { groupOf, nextStageCode, shortStageName, stageName, usesCnProcess } from "../../lib/stages";
import { ApiFailure, type StageCatalog, type StageChange, type Tier } from "../../platform/api";
import { reviewApi } from "../../platform/review";

/** A revision to name once the stage has changed. */
export interface RevisionToName {
  draftId: string;
  lang: string;
  name: string;
}

interface Offer extends RevisionToName {
  used: string[];
  checked: boolean;
  error: string | null;
}

interface Props {
  catalog: StageCatalog;
  tier: Tier;
  current: string;
  /** The project, when it may have drafts whose revision the dialog offers to name. */
  projectId?: string;
  /** Applies the change and names the chosen revisions; rejects with the core's error, which the dialog shows. */
  onApply: (change: StageChange, revisions: RevisionToName[]) => Promise<void>;
  onClose: () => void;
}

export function StageDialog({ catalog, tier, current, projectId, onApply, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState(() => nextStageCode(catalog, current));
  const [date, setDate] = useState(localToday);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [offers, setOffers] = useState<Offer[]>([]);
  const cn = usesCnProcess(tier);

  // What each draft is offered for the chosen stage.
  useEffect(() => {
    if (!projectId) return;
    let live = true;
    reviewApi
      .revisionOffers(projectId, code)
      .then((list) => {
        if (!live) return;
        const newGroup = groupOf(code) !== groupOf(current);
        setOffers(list.map((o) => ({ draftId: o.draft_id, lang: o.lang, used: o.used, name: o.name ?? "", checked: newGroup && o.name !== null, error: null })));
      })
      .catch(() => live && setOffers([]));
    return () => {
      live = false;
    };
  }, [projectId, code, current]);

  function setOffer(draftId: string, change: Partial<Offer>) {
    setOffers((list) => list.map((o) => (o.draftId === draftId ? { ...o, error: null, ...change } : o)));
  }

  async function apply() {
    if (!isIsoDate(date)) {
      setError({ field: "date", message: t("validation.date") });
      return;
    }
    const checked = offers.filter((o) => o.checked);
    const refused = checked.map((o) => ({ o, problem: revisionNameProblem(o.name, o.used) })).filter((x) => x.problem);
    if (refused.length > 0) {
      setOffers((list) =>
        list.map((o) => {
          const bad = refused.find((x) => x.o.draftId === o.draftId);
          return bad ? { ...o, error: t(`review.nameForm.${bad.problem}`, { name: o.name.trim(), next: nextFreeName(o.name, o.used) }) } : o;
        }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onApply(
        { code, date, note: note.trim() },
        checked.map((o) => ({ draftId: o.draftId, lang: o.lang, name: o.name.trim() })),
      );
    } catch (e) {
      const failure = ApiFailure.from(e);
      setError({ field: failure.field, message: failure.message });
      setBusy(false);
    }
  }

  const dateError = error?.field === "date" ? error.message : null;
  const otherError = error && error.field !== "date" ? error.message : null;

  return (
    <Modal
      title={t("stage.dialogTitle")}
      onCancel={onClose}
      testId="stage-dialog"
      wide
      footer={
        <>
          <button type="button" className="btn btn-primary" data-testid="stage-apply" disabled={busy} onClick={() => void apply()}>
            {t("stage.apply")}
          </button>
          <button type="button" className="btn" data-testid="stage-cancel" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </>
      }
    >
      <p className="stage-from">
        {t("stage.current")}: <span className="stage-code">{current}</span> {stageName(catalog, current, i18n.language)}
      </p>
      <div className="form-grid">
        <div className="field field-wide">
          <label className="field-label" htmlFor="stage-code">
            {t("stage.code")}
          </label>
          <StageSelect id="stage-code" testId="stage-code" value={code} onChange={setCode} catalog={catalog} tier={tier} />
          <p className="field-hint" data-testid="stage-selected">
            {stageName(catalog, code, i18n.language)}
            {cn && (
              <span className="cn-process" lang="zh-CN" data-testid="stage-cn-process">
                {shortStageName(catalog, code, tier, "zh-CN")}
              </span>
            )}
          </p>
        </div>
        <div className={dateError ? "field field-invalid" : "field"}>
          <label className="field-label" htmlFor="stage-date">
            {t("stage.date")}
          </label>
          <input
            id="stage-date"
            type="date"
            data-testid="stage-date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={dateError ? true : undefined}
          />
          {dateError && (
            <p className="field-error" role="alert" data-testid="error-stage-date">
              {dateError}
            </p>
          )}
        </div>
        <div className="field field-wide">
          <label className="field-label" htmlFor="stage-note">
            {t("stage.note")}
          </label>
          <textarea id="stage-note" data-testid="stage-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </div>
      {offers.length > 0 && (
        <fieldset className="stage-offers" data-testid="stage-offers">
          <legend>{t("review.offer.heading")}</legend>
          <p className="field-hint">{t("review.offer.hint")}</p>
          {offers.map((o) => (
            <div key={o.draftId} className={o.error ? "field field-invalid" : "field"} data-testid="stage-offer" data-lang={o.lang}>
              <label>
                <input type="checkbox" data-testid="stage-offer-check" checked={o.checked} onChange={(e) => setOffer(o.draftId, { checked: e.target.checked })} />{" "}
                {t("review.offer.name", { lang: t(`review.lang.${o.lang}`, { defaultValue: o.lang }) })}
              </label>
              <input
                type="text"
                data-testid="stage-offer-name"
                aria-label={t("review.offer.name", { lang: o.lang })}
                value={o.name}
                placeholder={t("review.nameForm.placeholder")}
                aria-invalid={o.error ? true : undefined}
                onChange={(e) => setOffer(o.draftId, { name: e.target.value, checked: true })}
              />
              {o.error && (
                <p className="field-error" role="alert" data-testid="error-stage-offer">
                  {o.error}
                </p>
              )}
            </div>
          ))}
        </fieldset>
      )}
      {otherError && (
        <p className="dialog-error" role="alert" data-testid="stage-error">
          {otherError}
        </p>
      )}
    </Modal>
  );
}
