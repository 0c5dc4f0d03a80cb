// Conflicts: every field two workstations changed concurrently, side by side (who, when, both
// values, which one is shown now), and records deleted on one workstation while edited on
// another. "Keep this one" writes an ordinary change that travels on to the others.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { valueText, whenText } from "../../lib/sync";
import { syncApi, type Conflict, type Keep, type Side } from "../../platform/sync";
import { useNotices } from "../../state/notices";

interface Props {
  /** Called after a resolution, so the badge and the colleagues refresh. */
  onResolved: () => void;
}

export function ConflictsView({ onResolved }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setConflicts(await syncApi.conflicts());
    } catch (e) {
      notify("error", describeFailure(t, t("sync.actions.conflicts"), e));
    }
  }, [notify, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function keep(conflict: Conflict, side: Keep) {
    setBusy(conflict.id);
    try {
      await syncApi.resolve(conflict.id, side);
      notify("success", t("sync.conflicts.resolved", { label: conflict.label }));
      await load();
      onResolved();
    } catch (e) {
      notify("error", describeFailure(t, t("sync.actions.resolve"), e));
    } finally {
      setBusy(null);
    }
  }

  if (conflicts === null) return <p className="muted sync-pad">{t("common.loading")}</p>;
  if (conflicts.length === 0) {
    return (
      <div className="sync-empty" data-testid="conflicts-empty">
        <strong>{t("sync.conflicts.none")}</strong>
        <span className="muted">{t("sync.conflicts.noneHint")}</span>
      </div>
    );
  }
  return (
    <div className="sync-conflicts">
      <p className="field-hint">{t("sync.conflicts.hint")}</p>
      {conflicts.map((c) => (
        <article key={c.id} className="conflict" data-testid="conflict" data-id={c.id} data-field={c.field} data-kind={c.kind}>
          <header className="conflict-header">
            <span className="conflict-kind">{t(`sync.kinds.${c.entity}`, { defaultValue: c.entity })}</span>
            <strong className="conflict-label">{c.label}</strong>
            <span className="conflict-field">
              {c.kind === "delete" ? t("sync.conflicts.deleteKind") : t(`fields.${c.field}`, { defaultValue: c.field })}
            </span>
            <span className="muted conflict-detected">{t("sync.conflicts.detected", { when: whenText(c.detected_at) })}</span>
          </header>
          <div className="conflict-sides">
            <SideView conflict={c} side="current" busy={busy !== null} onKeep={() => void keep(c, "current")} />
            <SideView conflict={c} side="other" busy={busy !== null} onKeep={() => void keep(c, "other")} />
          </div>
        </article>
      ))}
    </div>
  );
}

function SideView({ conflict, side, busy, onKeep }: { conflict: Conflict; side: Keep; busy: boolean; onKeep: () => void }) {
  const { t } = useTranslation();
  const s: Side = conflict[side];
  const words = { empty: t("sync.conflicts.empty"), yes: t("sync.conflicts.yes"), no: t("sync.conflicts.no") };
  let value = valueText(s.value, words);
  if (conflict.kind === "delete") {
    if (s.field === "deleted") value = s.value === true ? t("sync.conflicts.deleted") : t("sync.conflicts.restored");
    else value = t("sync.conflicts.edited", { field: t(`fields.${s.field}`, { defaultValue: s.field }), value });
  }
  return (
    <section className={`conflict-side conflict-side-${side}`} data-testid={`conflict-side-${side}`}>
      <h3 className="conflict-side-title">
        {side === "current" ? t("sync.conflicts.shown") : t("sync.conflicts.other")}
      </h3>
      <p className="conflict-value selectable" data-testid="conflict-value">
        {value}
      </p>
      <p className="conflict-meta muted">
        <span data-testid="conflict-by">
          {s.by.name || s.by.id.slice(0, 8)}
          {s.local ? ` (${t("sync.conflicts.here")})` : ""}
        </span>
        {" · "}
        <span data-testid="conflict-at">{whenText(s.at)}</span>
      </p>
      <button type="button" className="btn" data-testid={`conflict-keep-${side}`} disabled={busy} onClick={onKeep}>
        {t("sync.conflicts.keep")}
      </button>
    </section>
  );
}
