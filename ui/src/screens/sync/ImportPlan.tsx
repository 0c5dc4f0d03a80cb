// The preview of an import, before anything is written: per record kind what would be new,
// changed, conflicting, deleted or unchanged; who made the changes; warnings; and a plain
// statement when the bundle was imported before.

import { useTranslation } from "react-i18next";
import { PLAN_COLUMNS, planTotals, sortPlan } from "../../lib/sync";
import type { ImportReport } from "../../platform/sync";

export function ImportPlan({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const kinds = sortPlan(report.kinds);
  const totals = planTotals(report.kinds);
  return (
    <div className="sync-plan" data-testid="sync-plan">
      {report.already_imported && (
        <p className="sync-banner sync-banner-info" data-testid="sync-already-imported">
          {t("sync.import.already")}
        </p>
      )}
      <table className="sync-table">
        <thead>
          <tr>
            <th scope="col">{t("sync.import.kind")}</th>
            {PLAN_COLUMNS.map((c) => (
              <th key={c} scope="col" className="num">
                {t(`sync.plan.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.kind} data-testid="sync-plan-row" data-kind={k.kind}>
              <th scope="row">{t(`sync.kinds.${k.kind}`, { defaultValue: k.kind })}</th>
              {PLAN_COLUMNS.map((c) => (
                <td key={c} className={k[c] > 0 && c === "conflicting" ? "num sync-conflicting" : k[c] > 0 && c !== "unchanged" ? "num sync-nonzero" : "num muted"} data-column={c}>
                  {k[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="sync-plan-total">
            <th scope="row">{t("sync.plan.total")}</th>
            {PLAN_COLUMNS.map((c) => (
              <td key={c} className="num" data-column={c}>
                {totals[c]}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      {report.authors.length > 0 && (
        <p className="sync-authors" data-testid="sync-plan-authors">
          <span className="sync-caption">{t("sync.import.authors")}</span>{" "}
          {report.authors.map((a) => t("sync.import.author", { name: a.replica.name || a.replica.id.slice(0, 8), count: a.changes })).join(" · ")}
        </p>
      )}
      {report.new_conflicts > 0 && (
        <p className="sync-banner sync-banner-warn" data-testid="sync-plan-conflicts">
          {t(report.dry_run ? "sync.import.willConflict" : "sync.import.didConflict", { count: report.new_conflicts })}
        </p>
      )}
      {report.waiting > 0 && <p className="field-hint">{t("sync.import.waiting", { count: report.waiting })}</p>}
      {report.warnings.length > 0 && (
        <ul className="sync-warnings" data-testid="sync-plan-warnings">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
