// The progress of long sync work: the phase in words, a bar (indeterminate while the total is
// unknown) and the Cancel button, which asks the core to stop (nothing is then changed).

import { useTranslation } from "react-i18next";
import { percent } from "../../lib/sync";
import type { Progress } from "../../platform/sync";

interface Props {
  progress: Progress | null;
  /** The phase to name before the first report arrives. */
  starting: Progress["phase"];
  onCancel: () => void;
  cancelling: boolean;
  testid: string;
}

export function ProgressBar({ progress, starting, onCancel, cancelling, testid }: Props) {
  const { t } = useTranslation();
  const phase = progress?.phase ?? starting;
  const pct = percent(progress);
  return (
    <div className="sync-progress" data-testid={testid} data-phase={phase}>
      <div className="sync-progress-line">
        <span className="sync-progress-label">{t(`sync.phase.${phase}`)}</span>
        <span className="sync-progress-count muted">
          {pct === null ? "" : t("sync.progressCount", { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
        </span>
      </div>
      <div className="sync-progress-line">
        <progress className="sync-progress-bar" max={100} value={pct ?? undefined} aria-label={t(`sync.phase.${phase}`)} />
        <button type="button" className="btn btn-small" data-testid={`${testid}-cancel`} disabled={cancelling} onClick={onCancel}>
          {cancelling ? t("sync.cancelling") : t("common.cancel")}
        </button>
      </div>
    </div>
  );
}
