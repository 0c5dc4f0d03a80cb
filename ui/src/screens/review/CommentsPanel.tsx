// The ballot comments of a project (of one revision, or all) in the 8-column template plus the
// disposition: add, edit, delete, jump to a comment's clause in the draft, and exchange the table
// as CSV or XLSX through the native dialogs (import through a preview that writes nothing
// unless every row is good).

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { localToday } from "../../lib/dates";
import { describeFailure } from "../../lib/errors";
import { blankComment, commentLang, commentsFileName, revisionLabel, toCommentInput, type DraftLang } from "../../lib/review";
import { chooseSpreadsheetDestination, chooseSpreadsheetToOpen } from "../../platform/files";
import { reviewApi, type Comment, type CommentInput, type CommentsPreview, type DraftRevisions } from "../../platform/review";
import { useNotices } from "../../state/notices";
import { CommentForm } from "./CommentForm";
import { CommentsImportDialog } from "./CommentsImportDialog";

interface Props {
  projectId: string;
  reference: string;
  drafts: readonly DraftRevisions[];
  onOpenClause: (lang: DraftLang, clause: string) => void;
}

const COLUMNS = ["mb", "line", "clause", "paragraph", "type", "comment", "proposed_change", "observation", "disposition"] as const;

export function CommentsPanel({ projectId, reference, drafts, onOpenClause }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [revisionId, setRevisionId] = useState<string | null>(null);
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; input: CommentInput } | null>(null);
  const [removing, setRemoving] = useState<Comment | null>(null);
  const [preview, setPreview] = useState<{ path: string; result: CommentsPreview } | null>(null);
  const revisionName = drafts.flatMap((d) => d.revisions).find((r) => r.id === revisionId)?.name ?? null;

  const load = useCallback(async () => {
    try {
      setComments(await reviewApi.listComments(projectId, revisionId));
    } catch (e) {
      notify("error", describeFailure(t, t("review.comments.heading"), e));
    }
  }, [projectId, revisionId, notify, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function exportAs(format: "csv" | "xlsx") {
    try {
      const path = await chooseSpreadsheetDestination(commentsFileName(reference, revisionName, format, localToday()), t("review.comments.saveTitle"));
      if (!path) return;
      const count = await reviewApi.exportComments(projectId, revisionId, path);
      notify("success", t("review.comments.exported", { count, file: path.split(/[\\/]/).pop() }));
    } catch (e) {
      notify("error", describeFailure(t, t(format === "csv" ? "review.comments.exportCsv" : "review.comments.exportXlsx"), e));
    }
  }

  async function startImport() {
    try {
      const path = await chooseSpreadsheetToOpen(t("review.comments.openTitle"));
      if (!path) return;
      setPreview({ path, result: await reviewApi.previewImport(projectId, revisionId, path) });
    } catch (e) {
      notify("error", describeFailure(t, t("review.comments.import"), e));
    }
  }

  async function remove(c: Comment) {
    try {
      await reviewApi.deleteComment(c.id);
      setRemoving(null);
      notify("success", t("review.comments.deleted"));
      await load();
    } catch (e) {
      setRemoving(null);
      notify("error", describeFailure(t, t("review.comments.delete"), e));
    }
  }

  return (
    <section className="rv-comments" data-testid="comments">
      <header className="rv-comments-head">
        <h3 className="rv-heading">{t("review.comments.heading")}</h3>
        <label className="field-label" htmlFor="comments-revision">
          {t("review.comments.revision")}
        </label>
        <select id="comments-revision" data-testid="comments-revision" value={revisionId ?? ""} onChange={(e) => setRevisionId(e.target.value || null)}>
          <option value="">{t("review.comments.allRevisions")}</option>
          {drafts.flatMap((d) =>
            d.revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {revisionLabel(r.name, d.draft.lang, r.date)}
              </option>
            )),
          )}
        </select>
        <span className="rv-spacer" />
        <button type="button" className="btn btn-primary btn-small" data-testid="comment-add" onClick={() => setEditing({ id: null, input: blankComment(projectId, revisionId) })}>
          {t("review.comments.add")}
        </button>
        <button type="button" className="btn btn-small" data-testid="comments-export-csv" onClick={() => void exportAs("csv")}>
          {t("review.comments.exportCsv")}
        </button>
        <button type="button" className="btn btn-small" data-testid="comments-export-xlsx" onClick={() => void exportAs("xlsx")}>
          {t("review.comments.exportXlsx")}
        </button>
        <button type="button" className="btn btn-small" data-testid="comments-import" onClick={() => void startImport()}>
          {t("review.comments.import")}
        </button>
      </header>

      {comments !== null && comments.length === 0 && (
        <p className="muted" data-testid="comments-empty">
          {t("review.comments.none")}
        </p>
      )}
      {comments !== null && comments.length > 0 && (
        <div className="rv-table-scroll">
          <table className="rg-table rv-comments-table" data-testid="comments-table" data-count={comments.length}>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c}>{t(`review.col.${c}`)}</th>
                ))}
                <th>{t("review.comments.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {comments.map((c) => {
                const lang = commentLang(c, drafts);
                return (
                  <tr key={c.id} data-testid="comment-row" data-clause={c.clause} data-mb={c.mb}>
                    <td>{c.mb}</td>
                    <td>{c.line}</td>
                    <td>
                      {lang ? (
                        <button
                          type="button"
                          className="btn btn-link"
                          data-testid="comment-jump"
                          title={t("review.comments.jump", { clause: c.clause })}
                          onClick={() => onOpenClause(lang, c.clause)}
                        >
                          {c.clause}
                        </button>
                      ) : (
                        c.clause
                      )}
                    </td>
                    <td>{c.paragraph}</td>
                    <td>{c.type}</td>
                    <td className="rv-text">{c.comment}</td>
                    <td className="rv-text">{c.proposed_change}</td>
                    <td className="rv-text">{c.observation}</td>
                    <td data-testid="comment-disposition">{t(`review.disposition.${c.disposition || "open"}`)}</td>
                    <td className="rv-row-actions">
                      <button type="button" className="btn btn-small" data-testid="comment-edit" onClick={() => setEditing({ id: c.id, input: toCommentInput(c) })}>
                        {t("review.comments.edit")}
                      </button>
                      <button type="button" className="btn btn-small btn-danger-quiet" data-testid="comment-delete" onClick={() => setRemoving(c)}>
                        {t("review.comments.delete")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {editing && (
        <CommentForm
          id={editing.id}
          initial={editing.input}
          drafts={drafts}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t("review.comments.deleteTitle")}
          message={t("review.comments.deleteMessage", { mb: removing.mb, clause: removing.clause })}
          onCancel={() => setRemoving(null)}
          actions={[
            { id: "delete", label: t("review.comments.delete"), testId: "confirm-delete", danger: true, onClick: () => void remove(removing) },
            { id: "cancel", label: t("common.cancel"), testId: "confirm-cancel", focus: true, onClick: () => setRemoving(null) },
          ]}
        />
      )}
      {preview && (
        <CommentsImportDialog
          projectId={projectId}
          revisionId={revisionId}
          path={preview.path}
          preview={preview.result}
          onClose={() => setPreview(null)}
          onImported={() => {
            setPreview(null);
            void load();
          }}
        />
      )}
    </section>
  );
}
