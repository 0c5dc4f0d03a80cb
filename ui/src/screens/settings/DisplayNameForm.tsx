// The workstation's display name (the person at this workstation, shown to colleagues in sync).

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { api, ApiFailure } from "../../platform/api";
import { useNotices } from "../../state/notices";
import { useReference } from "../../state/reference";

export function DisplayNameForm() {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const { info, setInfo } = useReference();
  const stored = info?.display_name ?? "";
  const [name, setName] = useState(stored);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = name.trim() !== stored;

  async function save(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t("validation.required"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.setDisplayName(trimmed);
      if (info) setInfo({ ...info, display_name: trimmed });
      setName(trimmed);
      notify("success", t("settings.displayNameSaved"));
    } catch (err) {
      const failure = ApiFailure.from(err);
      if (failure.kind === "validation") setError(failure.message);
      else notify("error", describeFailure(t, t("errors.actions.save"), failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="settings-row" onSubmit={(e) => void save(e)}>
      <label className="field-label" htmlFor="settings-display-name">
        {t("settings.displayName")}
      </label>
      <div className="inline-controls">
        <input
          id="settings-display-name"
          type="text"
          data-testid="settings-display-name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "error-display-name" : undefined}
          autoComplete="off"
        />
        <button type="submit" className="btn btn-primary" data-testid="settings-display-name-save" disabled={busy || !changed}>
          {t("common.save")}
        </button>
      </div>
      {error ? (
        <p className="field-error" id="error-display-name" data-testid="error-display_name" role="alert">
          {error}
        </p>
      ) : (
        <p className="field-hint">{t("settings.displayNameHint")}</p>
      )}
    </form>
  );
}
