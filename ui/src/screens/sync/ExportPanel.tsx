// Export: a bundle for a named colleague (only what they lack, judged from their last bundle)
// or a full bundle. The save dialog proposes the core's file name; the core writes the file
// atomically, with progress and Cancel; the result names the file and what it carries.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { baseName } from "../../lib/sync";
import { ApiFailure } from "../../platform/api";
import { chooseBundleDestination } from "../../platform/dialog";
import { syncApi, type Colleague, type ExportReport, type Progress } from "../../platform/sync";
import { useNotices } from "../../state/notices";
import { ProgressBar } from "./ProgressBar";

interface Props {
  colleagues: Colleague[];
  onExported: () => void;
}

export function ExportPanel({ colleagues, onExported }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [peer, setPeer] = useState("");
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ExportReport | null>(null);

  async function exportBundle() {
    const who = peer === "" ? null : peer;
    try {
      const name = await syncApi.fileName(who);
      const path = await chooseBundleDestination(name, t("sync.bundleFilter"));
      if (!path) return;
      setBusy(true);
      setProgress(null);
      setResult(null);
      const report = await syncApi.exportBundle(path, who, setProgress);
      setResult(report);
      onExported();
    } catch (e) {
      if (ApiFailure.from(e).kind === "cancelled") notify("info", t("sync.export.cancelled"));
      else notify("error", describeFailure(t, t("sync.actions.export"), e));
    } finally {
      setBusy(false);
      setCancelling(false);
    }
  }

  function cancel() {
    setCancelling(true);
    void syncApi.cancel();
  }

  return (
    <section className="sync-card" aria-labelledby="sync-export-heading">
      <h2 id="sync-export-heading" className="sync-card-title">
        {t("sync.export.title")}
      </h2>
      <p className="field-hint">{t("sync.export.hint")}</p>
      <div className="sync-export-controls">
        <label className="field-label" htmlFor="sync-export-peer">
          {t("sync.export.for")}
        </label>
        <select id="sync-export-peer" data-testid="sync-export-peer" value={peer} disabled={busy} onChange={(e) => setPeer(e.target.value)}>
          <option value="">{t("sync.export.full")}</option>
          {colleagues.map((c) => (
            <option key={c.replica.id} value={c.replica.id}>
              {t("sync.export.forColleague", { name: c.replica.name || c.replica.id })}
            </option>
          ))}
        </select>
        <p className="field-hint">{peer === "" ? t("sync.export.fullHint") : t("sync.export.peerHint")}</p>
        <button type="button" className="btn btn-primary" data-testid="sync-export" disabled={busy} onClick={() => void exportBundle()}>
          {t("sync.export.button")}
        </button>
      </div>
      {busy && <ProgressBar testid="sync-export-progress" progress={progress} starting="export" onCancel={cancel} cancelling={cancelling} />}
      {result && !busy && (
        <div className="sync-result" data-testid="sync-export-result">
          <p>
            {t("sync.export.done", { count: result.changes })}{" "}
            <code className="selectable" data-testid="sync-export-file" title={result.file}>
              {baseName(result.file)}
            </code>
          </p>
          <p className="muted">
            {result.recipient ? t("sync.export.madeFor", { name: result.recipient.name }) : t("sync.export.madeFull")}
            {result.by_kind.length > 0 && " · "}
            {result.by_kind.map(([kind, n]) => `${t(`sync.kinds.${kind}`, { defaultValue: kind })} ${n}`).join(", ")}
            {result.drafts > 0 && ` · ${t("sync.export.drafts", { count: result.drafts })}`}
          </p>
        </div>
      )}
    </section>
  );
}
