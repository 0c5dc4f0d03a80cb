// Import: choose a bundle in the open dialog → the core verifies the whole file and computes the
// exact plan (nothing written) → the preview → Apply, in one transaction with progress and
// Cancel (cancel = nothing applied) → the result. A refused file says why, naming the file.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { baseName, planChangesSomething } from "../../lib/sync";
import { ApiFailure } from "../../platform/api";
import { chooseBundleToOpen } from "../../platform/dialog";
import { syncApi, type ImportReport, type Progress } from "../../platform/sync";
import { useNotices } from "../../state/notices";
import { ImportPlan } from "./ImportPlan";
import { ProgressBar } from "./ProgressBar";

type Step =
  | { step: "idle" }
  | { step: "verifying"; path: string }
  | { step: "preview"; path: string; plan: ImportReport }
  | { step: "applying"; path: string; plan: ImportReport }
  | { step: "done"; report: ImportReport };

interface Props {
  onImported: () => void;
  onShowConflicts: () => void;
}

export function ImportPanel({ onImported, onShowConflicts }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [state, setState] = useState<Step>({ step: "idle" });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  function failed(e: unknown, action: string, back: Step) {
    const failure = ApiFailure.from(e);
    setState(back);
    if (failure.kind === "cancelled") notify("info", t("sync.import.cancelled"));
    else if (failure.kind === "refused" || failure.kind === "newer_schema") setRefusal(failure.message);
    else notify("error", describeFailure(t, action, e));
  }

  async function choose() {
    setRefusal(null);
    let path: string | null;
    try {
      path = await chooseBundleToOpen(t("sync.bundleFilter"));
    } catch (e) {
      notify("error", describeFailure(t, t("sync.actions.open"), e));
      return;
    }
    if (!path) return;
    setProgress(null);
    setState({ step: "verifying", path });
    try {
      const plan = await syncApi.preview(path, setProgress);
      setState({ step: "preview", path, plan });
    } catch (e) {
      failed(e, t("sync.actions.preview"), { step: "idle" });
    } finally {
      setCancelling(false);
    }
  }

  async function apply(path: string, plan: ImportReport) {
    setProgress(null);
    setState({ step: "applying", path, plan });
    try {
      const report = await syncApi.importBundle(path, setProgress);
      setState({ step: "done", report });
      onImported();
    } catch (e) {
      failed(e, t("sync.actions.import"), { step: "preview", path, plan });
    } finally {
      setCancelling(false);
    }
  }

  function cancel() {
    setCancelling(true);
    void syncApi.cancel();
  }

  const busy = state.step === "verifying" || state.step === "applying";
  return (
    <section className="sync-card" aria-labelledby="sync-import-heading" data-testid="sync-import" data-step={state.step}>
      <h2 id="sync-import-heading" className="sync-card-title">
        {t("sync.import.title")}
      </h2>
      {(state.step === "idle" || state.step === "done") && (
        <>
          <p className="field-hint">{t("sync.import.hint")}</p>
          <button type="button" className="btn btn-primary sync-choose" data-testid="sync-import-choose" onClick={() => void choose()}>
            {t("sync.import.choose")}
          </button>
        </>
      )}
      {refusal && (
        <p className="sync-banner sync-banner-error" role="alert" data-testid="sync-import-refused">
          {refusal}
        </p>
      )}
      {state.step !== "idle" && state.step !== "done" && (
        <p className="sync-file">
          <span className="sync-caption">{t("sync.import.file")}</span>{" "}
          <code className="selectable" data-testid="sync-import-file" title={state.path}>
            {baseName(state.path)}
          </code>
          {"plan" in state && <span className="muted"> · {t("sync.import.from", { name: state.plan.origin.name })}</span>}
        </p>
      )}
      {busy && (
        <ProgressBar
          testid="sync-import-progress"
          progress={progress}
          starting={state.step === "verifying" ? "verify" : "apply"}
          onCancel={cancel}
          cancelling={cancelling}
        />
      )}
      {(state.step === "preview" || state.step === "applying") && (
        <>
          <p className="sync-caption">{t("sync.import.previewHeading")}</p>
          <ImportPlan report={state.plan} />
        </>
      )}
      {state.step === "preview" && (
        <div className="sync-actions">
          {!state.plan.already_imported && (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="sync-import-apply"
              onClick={() => void apply(state.path, state.plan)}
            >
              {planChangesSomething(state.plan.kinds) ? t("sync.import.apply") : t("sync.import.applyNothing")}
            </button>
          )}
          <button type="button" className="btn" data-testid="sync-import-discard" onClick={() => setState({ step: "idle" })}>
            {state.plan.already_imported ? t("sync.import.close") : t("sync.import.discard")}
          </button>
          {!state.plan.already_imported && <span className="field-hint">{t("sync.import.nothingYet")}</span>}
        </div>
      )}
      {state.step === "done" && (
        <div className="sync-result" data-testid="sync-import-result">
          <p>
            {t("sync.import.done", {
              file: state.report.file_name,
              count: state.report.changes.applied + state.report.changes.released,
            })}
          </p>
          <ImportPlan report={state.report} />
          {state.report.open_conflicts > 0 && (
            <button type="button" className="btn" data-testid="sync-import-show-conflicts" onClick={onShowConflicts}>
              {t("sync.import.showConflicts", { count: state.report.open_conflicts })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
