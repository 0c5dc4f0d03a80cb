// The preview of a comments sheet: a wrong header is named; otherwise every row with its
// problems by column. Import is enabled only when every row is good (the core refuses otherwise
// too, and writes nothing).

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { describeFailure } from "../../lib/errors";
import { badRows, canImportComments } from "../../lib/review";
import { reviewApi, type CommentsPreview } from "../../platform/review";
import { useNotices } from "../../state/notices";

const SHOWN_ROWS = 200;

interface Props {
  projectId: string;
  revisionId: string | null;
  path: string;
  preview: CommentsPreview;
  onImported: () => void;
  onClose: () => void;
}

export function CommentsImportDialog({ projectId, revisionId, path, preview, onImported, onClose }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [busy, setBusy] = useState(false);
  const ok = canImportComments(preview);
  const bad = badRows(preview);

  async function apply() {
    setBusy(true);
    try {
      const count = await reviewApi.importComments(projectId, revisionId, path);
      notify("success", t("review.comments.imported", { count }));
      onImported();
    } catch (e) {
      notify("error", describeFailure(t, t("review.comments.import"), e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={t("review.importDialog.title", { file: preview.file })}
      onCancel={onClose}
      testId="comments-import-preview"
      wide
      footer={
        <>
          <button type="button" className="btn btn-primary" data-testid="comments-import-apply" disabled={!ok || busy} onClick={() => void apply()}>
            {t("review.importDialog.apply", { count: preview.rows.length })}
          </button>
          <button type="button" className="btn" data-testid="comments-import-cancel" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </>
      }
    >
      {preview.sheet_problem !== null ? (
        <p className="import-bad" role="alert" data-testid="comments-import-sheet-problem">
          {t("review.importDialog.sheetProblem", { problem: preview.sheet_problem })}
        </p>
      ) : (
        <>
          <p data-testid="comments-import-summary" data-rows={preview.rows.length} data-bad={bad}>
            {t("review.importDialog.rows", { count: preview.rows.length })}{" "}
            {preview.rows.length === 0 ? t("review.importDialog.empty") : bad > 0 ? t("review.importDialog.bad", { count: bad }) : t("review.importDialog.good")}
          </p>
          <div className="import-table">
            <table className="rg-table">
              <thead>
                <tr>
                  <th>{t("review.importDialog.row")}</th>
                  <th>{t("review.col.mb")}</th>
                  <th>{t("review.col.clause")}</th>
                  <th>{t("review.col.type")}</th>
                  <th>{t("review.col.comment")}</th>
                  <th>{t("review.importDialog.problems")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, SHOWN_ROWS).map((r) => (
                  <tr key={r.row} data-testid="comments-import-row" data-row={r.row} data-ok={r.problems.length === 0 ? "true" : "false"}>
                    <td>{r.row}</td>
                    <td>{r.cells[0] ?? ""}</td>
                    <td>{r.cells[2] ?? ""}</td>
                    <td>{r.cells[4] ?? ""}</td>
                    <td className="rv-clip">{r.cells[5] ?? ""}</td>
                    <td className={r.problems.length > 0 ? "import-bad" : "import-ok"}>
                      {r.problems.length === 0
                        ? t("review.importDialog.ok")
                        : r.problems.map((p, i) => (
                            <div key={i} data-testid="comments-import-problem" data-column={p.column}>
                              {p.column ? `${p.column}: ${p.message}` : p.message}
                            </div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Modal>
  );
}
