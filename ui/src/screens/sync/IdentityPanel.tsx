// This workstation as colleagues see it (display name, replica id) and the colleagues whose
// work is held here, with how many of their changes.

import { useTranslation } from "react-i18next";
import type { SyncOverview } from "../../platform/sync";

export function IdentityPanel({ overview }: { overview: SyncOverview | null }) {
  const { t } = useTranslation();
  return (
    <section className="sync-identity" aria-label={t("sync.identity.label")}>
      <div className="sync-me">
        <span className="sync-caption">{t("sync.identity.me")}</span>
        <strong className="sync-me-name" data-testid="sync-me-name">
          {overview?.me.name ?? ""}
        </strong>
        <code className="selectable sync-replica" data-testid="sync-me-replica" title={t("sync.identity.replicaId")}>
          {overview?.me.id ?? ""}
        </code>
      </div>
      <div className="sync-colleagues">
        <span className="sync-caption">{t("sync.identity.colleagues")}</span>
        {overview && overview.colleagues.length === 0 ? (
          <span className="muted" data-testid="sync-colleagues-none">
            {t("sync.identity.none")}
          </span>
        ) : (
          <ul className="sync-colleague-list">
            {overview?.colleagues.map((c) => (
              <li key={c.replica.id} data-testid="sync-colleague" data-id={c.replica.id} title={c.replica.id}>
                <span className="sync-colleague-name">{c.replica.name || c.replica.id.slice(0, 8)}</span>
                <span className="muted">{t("sync.identity.held", { count: c.changes_held })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
