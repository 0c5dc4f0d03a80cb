// Editing one project: the form, Save / Cancel / Delete, the stage dialog and the stage history.
// While the form is dirty it is registered with the unsaved-changes guard.

import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../../components/Badge";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { fieldId } from "../../components/fieldProps";
import { describeFailure } from "../../lib/errors";
import { blankInput, FIELDS, forSave, toInput, type FieldName } from "../../lib/projectForm";
import { displayTitle } from "../../lib/titles";
import { hasErrors } from "../../lib/validate";
import { api, ApiFailure, type ProjectDetail, type RefLabel, type StageChange } from "../../platform/api";
import { reviewApi } from "../../platform/review";
import { useUnsavedGuard } from "../../state/guard";
import { useNotices } from "../../state/notices";
import { useRecordNavigation } from "../../state/navigation";
import { useReference } from "../../state/reference";
import { useOpenReview } from "../../state/review";
import { ProjectForm } from "./ProjectForm";
import { StageDialog, type RevisionToName } from "./StageDialog";
import { StageTimeline } from "./StageTimeline";
import { useProjectDraft } from "./useProjectDraft";
import "./editor.css";

/** What the screen's shortcuts (Ctrl+S, Esc) can ask of the editor. */
export interface EditorHandle {
  save: () => Promise<boolean>;
  cancel: () => void;
}

interface Props {
  detail: ProjectDetail | null;
  handle: RefObject<EditorHandle | null>;
  onSaved: (detail: ProjectDetail, created: boolean) => void;
  onDeleted: (id: string) => void;
  onClose: () => void;
  onStageChanged: (detail: ProjectDetail) => void;
}

function isField(name: string | null): name is FieldName {
  return name !== null && (FIELDS as readonly string[]).includes(name);
}

function focusField(name: string) {
  window.setTimeout(() => document.getElementById(fieldId(name))?.focus(), 0);
}

export function EditorBody({ detail: loadedDetail, handle, onSaved, onDeleted, onClose, onStageChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const { openPackets, openDraft } = useRecordNavigation();
  const { catalog, lookups } = useReference();
  const { setPending, confirmLeave } = useUnsavedGuard();
  const openReview = useOpenReview();
  const [detail, setDetail] = useState(loadedDetail);
  const isNew = detail === null;
  const stageCodes = useMemo(() => catalog.stages.map((s) => s.code), [catalog]);
  const draft = useProjectDraft(detail ? toInput(detail.project) : blankInput(), stageCodes);
  const [saving, setSaving] = useState(false);
  const [stageOpen, setStageOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);

  const save = useCallback(async (): Promise<boolean> => {
    if (saving) return false;
    if (!isNew && !draft.dirty) return true;
    draft.markSubmitted();
    const first = FIELDS.find((name) => name in draft.checks);
    if (hasErrors(draft.checks) && first) {
      focusField(first);
      return false;
    }
    setSaving(true);
    try {
      const input = forSave(draft.form);
      const saved = detail ? await api.updateProject(detail.project.id, input) : await api.createProject(input);
      setDetail(saved);
      draft.reset(toInput(saved.project));
      notify("success", t(isNew ? "editor.created" : "editor.saved", { reference: saved.project.reference }));
      onSaved(saved, isNew);
      return true;
    } catch (e) {
      const failure = ApiFailure.from(e);
      if (failure.kind === "validation" && isField(failure.field) && (isNew || failure.field !== "stage")) {
        draft.setServerError(failure.field, failure.message);
        focusField(failure.field);
      } else {
        notify("error", describeFailure(t, t("errors.actions.save"), failure));
      }
      return false;
    } finally {
      setSaving(false);
    }
  }, [saving, isNew, draft, detail, notify, t, onSaved]);

  // An existing project goes back to its stored values; a new one is closed, after asking if
  // anything was typed (nothing typed is dropped without a word).
  const cancel = useCallback(() => {
    if (!isNew) draft.revert();
    else void confirmLeave().then((ok) => ok && onClose());
  }, [isNew, onClose, draft, confirmLeave]);

  const latest = useRef({ save, revert: draft.revert });
  useEffect(() => {
    latest.current = { save, revert: draft.revert };
    handle.current = { save, cancel };
  });
  useEffect(
    () => () => {
      handle.current = null;
    },
    [handle],
  );

  useEffect(() => {
    setPending(draft.dirty ? { save: () => latest.current.save(), discard: () => latest.current.revert() } : null);
  }, [draft.dirty, setPending]);
  useEffect(() => () => setPending(null), [setPending]);

  async function applyStage(change: StageChange, revisions: RevisionToName[]): Promise<void> {
    if (!detail) return;
    const changed = await api.changeStage(detail.project.id, change);
    setDetail(changed);
    draft.rebase(toInput(changed.project));
    setStageOpen(false);
    notify("success", t("stage.changed", { code: changed.project.stage, reference: changed.project.reference }));
    for (const r of revisions) {
      try {
        await reviewApi.nameRevision(r.draftId, r.name);
        notify("success", t("review.nameForm.named", { name: r.name, lang: t(`review.lang.${r.lang}`, { defaultValue: r.lang }) }));
      } catch (e) {
        notify("error", describeFailure(t, t("review.nameForm.submit"), e));
      }
    }
    onStageChanged(changed);
  }

  async function remove() {
    if (!detail) return;
    try {
      await api.deleteProject(detail.project.id);
      setDeleteOpen(false);
      setPending(null);
      notify("success", t("editor.deleted", { reference: detail.project.reference }));
      onDeleted(detail.project.id);
    } catch (e) {
      setDeleteOpen(false);
      notify("error", describeFailure(t, t("errors.actions.delete"), e));
    }
  }

  const known = useMemo(() => [detail?.committee, detail?.leader].filter((r): r is RefLabel => Boolean(r)), [detail]);
  const heading = detail ? detail.project.reference : t("editor.newProject");
  const title = detail ? displayTitle(detail.project, i18n.language) : null;

  return (
    <div className="editor" data-testid="project-editor" data-dirty={draft.dirty ? "true" : "false"}>
      <header className="editor-header">
        <div className="editor-heading">
          <h2 className="editor-reference">
            {heading}
            {draft.dirty && (
              <span className="dirty-mark" title={t("editor.unsaved")} aria-label={t("editor.unsaved")}>
                ●
              </span>
            )}
          </h2>
          {title?.text && (
            <p className="editor-title" lang={title.lang}>
              {title.text}
            </p>
          )}
          <div className="editor-badges">
            {detail?.overdue && <Badge kind="overdue">{t("badges.overdue")}</Badge>}
            {detail?.project.sample && <Badge kind="sample">{t("badges.sample")}</Badge>}
          </div>
        </div>
        <div className="editor-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="project-save"
            disabled={saving || (!isNew && !draft.dirty)}
            onClick={() => void save()}
            title={t("shortcuts.save")}
          >
            {saving ? t("editor.saving") : t("editor.save")}
          </button>
          <button type="button" className="btn" data-testid="project-cancel" disabled={saving || (!isNew && !draft.dirty)} onClick={cancel} title={t("shortcuts.cancel")}>
            {t("common.cancel")}
          </button>
          {!isNew && detail && (
            <button type="button" className="btn" data-testid="project-review" disabled={saving} onClick={() => openReview(detail.project.id)}>
              {t("review.open")}
            </button>
          )}
          {detail && (
            <button
              type="button"
              className="btn"
              data-testid="project-packet"
              onClick={() => openPackets({ kind: "project", id: detail.project.id, label: detail.project.reference || (title?.text ?? "") })}
            >
              {t("packets.action")}
            </button>
          )}
          {detail && (
            <button
              type="button"
              className="btn"
              data-testid="project-draft-text"
              onClick={() => openDraft(detail.project.id, i18n.language.startsWith("zh") ? "zh" : "en")}
            >
              {t("drafts.open")}
            </button>
          )}
          {!isNew && (
            <button type="button" className="btn btn-danger-quiet" data-testid="project-delete" disabled={saving} onClick={() => setDeleteOpen(true)}>
              {t("editor.delete")}
            </button>
          )}
        </div>
      </header>

      <div className="editor-scroll">
        <ProjectForm
          form={draft.form}
          errors={draft.shown}
          onField={draft.setField}
          isNew={isNew}
          catalog={catalog}
          lookups={lookups}
          known={known}
          onChangeStage={() => setStageOpen(true)}
          disabled={saving}
        />
        {detail && <StageTimeline history={detail.history} tier={draft.form.tier} catalog={catalog} />}
      </div>

      {stageOpen && detail && (
        <StageDialog
          catalog={catalog}
          tier={draft.form.tier}
          current={detail.project.stage}
          projectId={detail.project.id}
          onApply={applyStage}
          onClose={() => setStageOpen(false)}
        />
      )}
      {deleteOpen && detail && (
        <ConfirmDialog
          title={t("editor.deleteTitle")}
          message={t("editor.deleteMessage", { reference: detail.project.reference })}
          onCancel={() => setDeleteOpen(false)}
          actions={[
            { id: "delete", label: t("editor.delete"), testId: "confirm-delete", danger: true, onClick: () => void remove() },
            { id: "cancel", label: t("common.cancel"), testId: "confirm-cancel", focus: true, onClick: () => setDeleteOpen(false) },
          ]}
        />
      )}
    </div>
  );
}
