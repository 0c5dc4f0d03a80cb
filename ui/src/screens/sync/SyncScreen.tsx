// The Sync screen: who this workstation is and whom it knows; exchanging bundles (export for a
// colleague or in full, import with a preview before anything is written); the conflicts that
// wait for a person; the history of bundles sent and received.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { syncApi, type SyncOverview } from "../../platform/sync";
import { useNotices } from "../../state/notices";
import { setOpenConflicts, useOpenConflicts } from "../../state/openConflicts";
import { ConflictsView } from "./ConflictsView";
import { ExportPanel } from "./ExportPanel";
import { HistoryView } from "./HistoryView";
import { IdentityPanel } from "./IdentityPanel";
import { ImportPanel } from "./ImportPanel";
import "./sync.css";
import "./sync-lists.css";

type Tab = "exchange" | "conflicts" | "history";
const TABS: Tab[] = ["exchange", "conflicts", "history"];

export function SyncScreen() {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [tab, setTab] = useState<Tab>("exchange");
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const openConflicts = useOpenConflicts();

  const reload = useCallback(async () => {
    try {
      const next = await syncApi.overview();
      setOverview(next);
      setOpenConflicts(next.open_conflicts);
    } catch (e) {
      notify("error", describeFailure(t, t("sync.actions.load"), e));
    }
  }, [notify, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <div className="sync">
      <header className="sync-header">
        <h1 className="screen-title">{t("sync.title")}</h1>
        <IdentityPanel overview={overview} />
      </header>
      <div className="sync-tabs" role="tablist" aria-label={t("sync.title")}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`sync-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`sync-panel-${name}`}
            className={tab === name ? "sync-tab sync-tab-current" : "sync-tab"}
            data-testid={`sync-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`sync.tabs.${name}`)}
            {name === "conflicts" && openConflicts > 0 && (
              <span className="count-badge" data-testid="sync-conflict-count">
                {openConflicts}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="sync-body">
        {/* The exchange panel stays mounted, so work in progress survives a look at the other tabs. */}
        <div id="sync-panel-exchange" role="tabpanel" aria-labelledby="sync-tab-exchange" className="sync-columns" hidden={tab !== "exchange"}>
          <ImportPanel onImported={() => void reload()} onShowConflicts={() => setTab("conflicts")} />
          <ExportPanel colleagues={overview?.colleagues ?? []} onExported={() => void reload()} />
        </div>
        {tab === "conflicts" && (
          <div id="sync-panel-conflicts" role="tabpanel" aria-labelledby="sync-tab-conflicts">
            <ConflictsView onResolved={() => void reload()} />
          </div>
        )}
        {tab === "history" && (
          <div id="sync-panel-history" role="tabpanel" aria-labelledby="sync-tab-history">
            <HistoryView />
          </div>
        )}
      </div>
    </div>
  );
}
