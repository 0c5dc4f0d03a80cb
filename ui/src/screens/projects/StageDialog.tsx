// "Change stage…": pick one of the 46 codes (grouped, named in the UI language, with the Chinese
// process name for national/local/group projects), the date (today by default) and a note.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { StageSelect } from "../../components/StageSelect";
import { isIsoDate, localToday } from "../../lib/dates";
import { nextStageCode, shortStageName, stageName, usesCnProcess } from "../../lib/stages";
import { ApiFailure, type StageCatalog, type StageChange, type Tier } from "../../platform/api";

interface Props {
  catalog: StageCatalog;
  tier: Tier;
  current: string;
  /** Applies the change; rejects with the core's error, which the dialog shows. */
  onApply: (change: StageChange) => Promise<void>;
  onClose: () => void;
}

export function StageDialog({ catalog, tier, current, onApply, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState(() => nextStageCode(catalog, current));
  const [date, setDate] = useState(localToday);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const cn = usesCnProcess(tier);

  async function apply() {
    if (!isIsoDate(date)) {
      setError({ field: "date", message: t("validation.date") });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onApply({ code, date, note: note.trim() });
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
      {otherError && (
        <p className="dialog-error" role="alert" data-testid="stage-error">
          {otherError}
        </p>
      )}
    </Modal>
  );
}
