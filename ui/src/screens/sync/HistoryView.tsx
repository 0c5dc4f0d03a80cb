// History: the bundles exported and imported here, newest first, with the colleague, the file,
// the counts and the result.

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { exchangeCounts, whenText } from "../../lib/sync";
import { syncApi, type Exchange } from "../../platform/sync";
import { useNotices } from "../../state/notices";

export function HistoryView() {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [rows, setRows] = useState<Exchange[] | null>(null);

  useEffect(() => {
    let live = true;
    syncApi
      .history()
      .then((h) => live && setRows(h))
      .catch((e: unknown) => notify("error", describeFailure(t, t("sync.actions.history"), e)));
    return () => {
      live = false;
    };
  }, [notify, t]);

  if (rows === null) return <p className="muted sync-pad">{t("common.loading")}</p>;
  if (rows.length === 0) {
    return (
      <div className="sync-empty" data-testid="history-empty">
        <strong>{t("sync.history.none")}</strong>
        <span className="muted">{t("sync.history.noneHint")}</span>
      </div>
    );
  }
  return (
    <table className="sync-table sync-history">
      <thead>
        <tr>
          <th scope="col">{t("sync.history.when")}</th>
          <th scope="col">{t("sync.history.direction")}</th>
          <th scope="col">{t("sync.history.colleague")}</th>
          <th scope="col">{t("sync.history.file")}</th>
          <th scope="col" className="num">
            {t("sync.history.changes")}
          </th>
          <th scope="col">{t("sync.history.result")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const c = exchangeCounts(r);
          const imported = r.direction === "import";
          let result = t("sync.history.written");
          if (imported) {
            result = c.alreadyImported
              ? t("sync.history.already")
              : t("sync.history.applied", { count: c.applied ?? 0 }) +
                (c.conflicts ? ` · ${t("sync.history.conflicts", { count: c.conflicts })}` : "");
          }
          return (
            <tr key={`${r.direction}-${r.bundle_id}`} data-testid="history-row" data-direction={r.direction}>
              <td className="nowrap">{whenText(r.at)}</td>
              <td>
                <span className={`sync-direction sync-direction-${r.direction}`}>
                  {imported ? t("sync.history.imported") : t("sync.history.exported")}
                </span>
              </td>
              <td>{r.peer ? r.peer.name || r.peer.id.slice(0, 8) : t("sync.history.everyone")}</td>
              <td>
                <code className="selectable sync-file-name">{r.file_name}</code>
              </td>
              <td className="num">{c.changes}</td>
              <td>{result}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
