// Adding or editing one ballot comment: the template's eight columns, the revision it is
// against and the disposition. A blank required field, or a field the core refuses, gets its
// message beside it and nothing is written.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { describeFailure } from "../../lib/errors";
import { COMMENT_TYPES, commentProblems, DISPOSITIONS, revisionLabel } from "../../lib/review";
import { ApiFailure } from "../../platform/api";
import { reviewApi, type CommentInput, type CommentType, type DraftRevisions } from "../../platform/review";
import { useNotices } from "../../state/notices";

type TextField = "mb" | "line" | "clause" | "paragraph" | "comment" | "proposed_change" | "observation";
const SHORT: TextField[] = ["mb", "line", "clause", "paragraph"];
const LONG: TextField[] = ["comment", "proposed_change", "observation"];

interface Props {
  /** The comment being edited, or `null` for a new one. */
  id: string | null;
  initial: CommentInput;
  drafts: readonly DraftRevisions[];
  onSaved: () => void;
  onClose: () => void;
}

export function CommentForm({ id, initial, drafts, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function set<K extends keyof CommentInput>(key: K, value: CommentInput[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  }

  async function save() {
    const blank = commentProblems(form);
    if (Object.keys(blank).length > 0) {
      setErrors(Object.fromEntries(Object.keys(blank).map((f) => [f, t(`review.required.${f}`)])));
      document.getElementById(`comment-${Object.keys(blank)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      if (id) await reviewApi.updateComment(id, form);
      else await reviewApi.createComment(form);
      notify("success", t("review.comments.saved"));
      onSaved();
    } catch (e) {
      const failure = ApiFailure.from(e);
      if (failure.kind === "validation" && failure.field && failure.field in form) setErrors({ [failure.field]: failure.message });
      else notify("error", describeFailure(t, t("review.form.save"), failure));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: TextField, long: boolean) => {
    const error = errors[name];
    const hint = name === "mb" || name === "clause" ? t(`review.hint.${name}`) : null;
    const common = {
      id: `comment-${name}`,
      "data-testid": `comment-field-${name}`,
      value: form[name],
      "aria-invalid": error ? true : undefined,
    };
    return (
      <div key={name} className={`field${long ? " field-wide" : ""}${error ? " field-invalid" : ""}`}>
        <label className="field-label" htmlFor={`comment-${name}`}>
          {t(`review.col.${name}`)}
        </label>
        {long ? (
          <textarea {...common} rows={name === "comment" ? 4 : 2} onChange={(e) => set(name, e.target.value)} />
        ) : (
          <input type="text" {...common} onChange={(e) => set(name, e.target.value)} />
        )}
        {hint && !error && <p className="field-hint">{hint}</p>}
        {error && (
          <p className="field-error" role="alert" data-testid={`error-comment-${name}`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <Modal
      title={t(id ? "review.form.editTitle" : "review.form.newTitle")}
      onCancel={onClose}
      testId="comment-form"
      wide
      footer={
        <>
          <button type="button" className="btn btn-primary" data-testid="comment-save" disabled={busy} onClick={() => void save()}>
            {t("review.form.save")}
          </button>
          <button type="button" className="btn" data-testid="comment-cancel" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </>
      }
    >
      <div className="form-grid">
        {SHORT.map((name) => field(name, false))}
        <div className="field">
          <label className="field-label" htmlFor="comment-type">
            {t("review.col.type")}
          </label>
          <select id="comment-type" data-testid="comment-field-type" value={form.type} onChange={(e) => set("type", e.target.value as CommentType)}>
            {COMMENT_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`review.type.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="comment-revision">
            {t("review.col.revision_id")}
          </label>
          <select
            id="comment-revision"
            data-testid="comment-field-revision_id"
            value={form.revision_id ?? ""}
            onChange={(e) => set("revision_id", e.target.value || null)}
          >
            <option value="">{t("review.form.noRevision")}</option>
            {drafts.flatMap((d) =>
              d.revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {revisionLabel(r.name, d.draft.lang, r.date)}
                </option>
              )),
            )}
          </select>
        </div>
        {LONG.map((name) => field(name, true))}
        <div className="field">
          <label className="field-label" htmlFor="comment-disposition">
            {t("review.col.disposition")}
          </label>
          <select id="comment-disposition" data-testid="comment-field-disposition" value={form.disposition} onChange={(e) => set("disposition", e.target.value)}>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {t(`review.disposition.${d || "open"}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </Modal>
  );
}
