// The project's stage history as a vertical timeline, newest on top.

import { useTranslation } from "react-i18next";
import { newestFirst, shortStageName, stageName, usesCnProcess } from "../../lib/stages";
import type { StageCatalog, StageEvent, Tier } from "../../platform/api";

interface Props {
  history: StageEvent[];
  tier: Tier;
  catalog: StageCatalog;
}

export function StageTimeline({ history, tier, catalog }: Props) {
  const { t, i18n } = useTranslation();
  const events = newestFirst(history);
  return (
    <section className="form-section timeline-section" aria-labelledby="timeline-title">
      <h3 className="form-section-title" id="timeline-title">
        {t("stage.history")}
      </h3>
      {events.length === 0 ? (
        <p className="muted">{t("stage.noHistory")}</p>
      ) : (
        <ol className="timeline">
          {events.map((e, i) => (
            <li key={e.id} className={i === 0 ? "timeline-item timeline-latest" : "timeline-item"} data-testid="stage-event" data-code={e.code}>
              <span className="timeline-dot" aria-hidden="true" />
              <div className="timeline-line">
                <span className="stage-code">{e.code}</span>
                <span className="timeline-name">{stageName(catalog, e.code, i18n.language)}</span>
                {usesCnProcess(tier) && (
                  <span className="cn-process" lang="zh-CN">
                    {shortStageName(catalog, e.code, tier, "zh-CN")}
                  </span>
                )}
                <time className="timeline-date" dateTime={e.date}>
                  {e.date}
                </time>
              </div>
              {e.note && <p className="timeline-note">{e.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
