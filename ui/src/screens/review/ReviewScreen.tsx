// Revisions & comments of one project (issue 5): for each draft language its revisions (name
// one, compare two in a clause-aware diff), then the ballot comments in the template.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import type { DraftLang } from "../../lib/review";
import { displayTitle } from "../../lib/titles";
import { api, type ProjectDetail } from "../../platform/api";
import { reviewApi, type DraftRevisions } from "../../platform/review";
import { useRecordNavigation } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { CommentsPanel } from "./CommentsPanel";
import { RevisionsPanel } from "./RevisionsPanel";
import "../registers/registers.css";
import "../registers/extras.css";
import "./review.css";

export function ReviewScreen({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const { openRecord, openDraft } = useRecordNavigation();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [drafts, setDrafts] = useState<DraftRevisions[] | null>(null);

  const load = useCallback(async () => {
    try {
      const [p, d] = await Promise.all([api.getProject(projectId), reviewApi.projectRevisions(projectId)]);
      setProject(p);
      setDrafts(d);
    } catch (e) {
      notify("error", describeFailure(t, t("review.title"), e));
    }
  }, [projectId, notify, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const openClause = (lang: DraftLang, clause: string) => openDraft(projectId, lang, clause);
  const title = project ? displayTitle(project.project, i18n.language) : null;

  return (
    <div className="rv" data-testid="review-screen" data-project={projectId}>
      <header className="rv-head">
        <div>
          <h2 className="rv-title">
            {t("review.title")}
            {project && <span className="rv-reference"> — {project.project.reference}</span>}
          </h2>
          {title?.text && (
            <p className="muted" lang={title.lang}>
              {title.text}
            </p>
          )}
        </div>
        <button type="button" className="btn" data-testid="review-back" onClick={() => openRecord("project", projectId)}>
          {t("review.back")}
        </button>
      </header>
      {drafts === null ? (
        <p className="muted" aria-busy="true">
          {t("review.loading")}
        </p>
      ) : (
        <div className="rv-body">
          {drafts.length === 0 ? (
            <p className="rv-empty" data-testid="review-no-drafts">
              {t("review.noDrafts")}{" "}
              <button type="button" className="btn btn-small" data-testid="review-write-draft" onClick={() => openDraft(projectId, "en")}>
                {t("review.writeDraft")}
              </button>
            </p>
          ) : (
            <div className="rv-drafts">
              {drafts.map((d) => (
                <RevisionsPanel
                  key={d.draft.id}
                  entry={d}
                  onNamed={() => void load()}
                  onEdit={() => openDraft(projectId, d.draft.lang === "zh" ? "zh" : "en")}
                  onOpenClause={(clause) => openClause(d.draft.lang === "zh" ? "zh" : "en", clause)}
                />
              ))}
            </div>
          )}
          <CommentsPanel projectId={projectId} reference={project?.project.reference ?? ""} drafts={drafts} onOpenClause={openClause} />
        </div>
      )}
    </div>
  );
}
