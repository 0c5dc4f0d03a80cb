// The draft text of one project: Chinese and English switchable or side by side, opened from a
// project's detail pane ("Draft text") or from elsewhere through `openDraft` (a ballot comment's
// clause, a revision's "Edit the text"); its header leads on to the project's Revisions & comments.

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { displayTitle } from "../../lib/titles";
import { api, type ProjectDetail } from "../../platform/api";
import { useDraftTarget, useRecordNavigation, type DraftLang } from "../../state/navigation";
import { useOpenReview } from "../../state/review";
import { DraftPane } from "./DraftPane";
import "./drafts.css";

type Mode = DraftLang | "both";
const MODES: Mode[] = ["zh", "en", "both"];

export function DraftScreen() {
  const { t, i18n } = useTranslation();
  const target = useDraftTarget();
  const { openRecord } = useRecordNavigation();
  const openReview = useOpenReview();
  const [mode, setMode] = useState<Mode>(target?.lang ?? "zh");
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const projectId = target?.projectId ?? null;

  useEffect(() => {
    if (target) setMode((m) => (m === "both" ? m : target.lang));
  }, [target]);

  useEffect(() => {
    if (!projectId) return;
    let live = true;
    api
      .getProject(projectId)
      .then((p) => live && setProject(p))
      .catch(() => live && setProject(null));
    return () => {
      live = false;
    };
  }, [projectId]);

  if (!target || !projectId) {
    return (
      <div className="screen draft-screen" data-testid="draft-screen">
        <p className="muted">{t("drafts.pickProject")}</p>
      </div>
    );
  }
  const title = project ? displayTitle(project.project, i18n.language) : null;
  const clauseFor = (lang: DraftLang) => (target.clause && target.lang === lang ? { clause: target.clause, seq: target.seq } : null);
  const langs: DraftLang[] = mode === "both" ? ["zh", "en"] : [mode];

  return (
    <div className="screen draft-screen" data-testid="draft-screen">
      <header className="draft-screen-header">
        <button type="button" className="btn btn-small" data-testid="draft-back" onClick={() => openRecord("project", projectId)}>
          {t("drafts.back")}
        </button>
        <div className="draft-screen-heading">
          <h2>{t("drafts.title", { reference: project?.project.reference ?? "" })}</h2>
          {title?.text && (
            <p className="muted" lang={title.lang}>
              {title.text}
            </p>
          )}
        </div>
        <div className="draft-modes" role="group" aria-label={t("drafts.modeLabel")}>
          {MODES.map((m) => (
            <button key={m} type="button" className={m === mode ? "btn btn-small btn-primary" : "btn btn-small"} aria-pressed={m === mode} data-testid={`draft-mode-${m}`} onClick={() => setMode(m)}>
              {t(`drafts.mode.${m}`)}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-small" data-testid="draft-revisions" onClick={() => openReview(projectId)}>
          {t("review.open")}
        </button>
      </header>
      <div className={`draft-panes draft-panes-${langs.length}`}>
        {langs.map((lang) => (
          <DraftPane key={`${projectId}-${lang}`} projectId={projectId} lang={lang} clause={clauseFor(lang)} />
        ))}
      </div>
    </div>
  );
}
