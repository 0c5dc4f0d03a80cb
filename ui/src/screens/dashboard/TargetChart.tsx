// The programme targets as horizontal bars in inline SVG: one row per target with its name,
// a track for the goal, the bar for what is counted live, and "value of goal (percent)";
// beneath, Edit and Delete for each target.

import { useTranslation } from "react-i18next";
import { barPercent } from "../../lib/registers";
import { isChinese } from "../../lib/language";
import { registersApi, type TargetProgress } from "../../platform/registers";
import { DeleteRecord } from "../registers/DeleteRecord";

const ROW = 34;
const LABEL = 250;
const TRACK = 360;
const VALUE = 150;

export function TargetChart({ targets, onEdit, onDeleted }: { targets: readonly TargetProgress[]; onEdit: (t: TargetProgress) => void; onDeleted: () => void }) {
  const { t, i18n } = useTranslation();
  const zh = isChinese(i18n.language);
  const height = targets.length * ROW + 4;
  return (
    <div className="target-chart">
      <svg role="img" aria-label={t("dashboard.chartLabel")} width="100%" viewBox={`0 0 ${LABEL + TRACK + VALUE} ${height}`} preserveAspectRatio="xMinYMin meet" data-testid="target-chart">
        {targets.map((p, i) => {
          const y = i * ROW + 4;
          const name = (zh ? p.target.name_zh : p.target.name_en) || p.target.name_en || p.target.name_zh;
          const width = (barPercent(p.value, p.target.goal) / 100) * TRACK;
          return (
            <g key={p.target.id} data-testid="target-bar" data-value={p.value} data-goal={p.target.goal ?? ""} data-percent={p.percent}>
              <text className="chart-label" x={0} y={y + 15}>
                {name}
              </text>
              <rect className="chart-track" x={LABEL} y={y + 3} width={TRACK} height={16} rx={3} />
              <rect className={p.reached ? "chart-bar chart-bar-reached" : "chart-bar"} x={LABEL} y={y + 3} width={width} height={16} rx={3} />
              <text className="chart-value" x={LABEL + TRACK + 10} y={y + 15}>
                {t("dashboard.progress", { value: p.value, goal: p.target.goal ?? "—" })} ({p.percent}%){p.reached ? ` ✓` : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="target-actions">
        {targets.map((p) => {
          const name = (zh ? p.target.name_zh : p.target.name_en) || p.target.name_en || p.target.name_zh;
          return (
            <li key={p.target.id} data-testid="target-item" data-id={p.target.id}>
              <span className="target-name">{name}</span>
              <button type="button" className="btn btn-small" data-testid="target-edit" onClick={() => onEdit(p)}>{t("reg.edit")}</button>
              <DeleteRecord testId="target-delete" name={name} remove={() => registersApi.deleteTarget(p.target.id)} onDeleted={onDeleted} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
