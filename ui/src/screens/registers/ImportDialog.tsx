// The import preview: counts, every problem with its row and column, the planned rows, and
// Apply — enabled only when every row is valid (the core refuses otherwise too).

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { describeFailure } from "../../lib/errors";
import { canApply } from "../../lib/registers";
import { registersApi, type ImportPreview, type RegisterKind } from "../../platform/registers";
import { useNotices } from "../../state/notices";

const SHOWN_ROWS = 200;

interface Props {
  kind: RegisterKind;
  path: string;
  preview: ImportPreview;
  onClose: () => void;
  onImported: () => void;
}

export function ImportDialog({ kind, path, preview, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [busy, setBusy] = useState(false);
  const ok = canApply(preview);

  async function apply() {
    setBusy(true);
    try {
      const done = await registersApi.importRegister(kind, path);
      notify("success", t("exchange.imported", { count: done.rows }));
      onImported();
    } catch (e) {
      notify("error", describeFailure(t, t("reg.actions.import"), e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={t("exchange.previewTitle", { file: preview.file })}
      onCancel={onClose}
      testId="import-preview"
      wide
      footer={
        <>
          <button type="button" className="btn btn-primary" data-testid="import-apply" disabled={!ok || busy} onClick={() => void apply()}>
            {t("exchange.apply")}
          </button>
          <button type="button" className="btn" data-testid="import-cancel" onClick={onClose}>
            {t("reg.cancel")}
          </button>
        </>
      }
    >
      <p data-testid="import-summary" data-rows={preview.rows} data-errors={preview.errors.length}>
        {t("exchange.summary", { rows: preview.rows, create: preview.create, update: preview.update, unchanged: preview.unchanged })}
      </p>
      {preview.errors.length > 0 ? (
        <>
          <p className="import-bad" role="alert">
            {t("exchange.invalid", { count: preview.errors.length })}
          </p>
          <div className="import-table">
            <table className="rg-table">
              <thead>
                <tr>
                  <th>{t("exchange.columns.row")}</th>
                  <th>{t("exchange.columns.column")}</th>
                  <th>{t("exchange.columns.message")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.slice(0, SHOWN_ROWS).map((e, i) => (
                  <tr key={i} data-testid="import-error" data-row={e.row} data-column={e.column ?? ""}>
                    <td>{e.row || ""}</td>
                    <td>{e.column ?? ""}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className={preview.rows > 0 ? "import-ok" : "import-bad"}>{preview.rows > 0 ? t("exchange.valid") : t("exchange.empty")}</p>
      )}
      {preview.changes.length > 0 && (
        <div className="import-table">
          <table className="rg-table">
            <thead>
              <tr>
                <th>{t("exchange.columns.row")}</th>
                <th>{t("exchange.columns.action")}</th>
                <th>{t("exchange.columns.fields")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.slice(0, SHOWN_ROWS).map((c) => (
                <tr key={c.row} data-testid="import-row" data-action={c.action}>
                  <td>{c.row}</td>
                  <td>{t(`exchange.action.${c.action}`)}</td>
                  <td className="muted">{c.fields.join(", ") || c.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.changes.length > SHOWN_ROWS && <p className="muted">{t("exchange.moreRows", { count: preview.changes.length - SHOWN_ROWS })}</p>}
        </div>
      )}
    </Modal>
  );
}
