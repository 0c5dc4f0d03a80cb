// Settings of this workstation: display name, language, where the database lives, versions,
// replica id, and backing up the database.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyLanguage } from "../../i18n";
import { describeFailure } from "../../lib/errors";
import { normaliseLanguage, type Language } from "../../lib/language";
import { api } from "../../platform/api";
import { useNotices } from "../../state/notices";
import { useReference } from "../../state/reference";
import { BackupSection } from "./BackupSection";
import { DisplayNameForm } from "./DisplayNameForm";
import "./settings.css";

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const { info, setInfo } = useReference();
  const [savingLanguage, setSavingLanguage] = useState(false);
  const language = normaliseLanguage(i18n.language);

  async function changeLanguage(next: Language) {
    const previous = language;
    await applyLanguage(next);
    setSavingLanguage(true);
    try {
      await api.setLanguage(next);
      if (info) setInfo({ ...info, language: next });
    } catch (e) {
      await applyLanguage(previous);
      notify("error", describeFailure(t, t("errors.actions.language"), e));
    } finally {
      setSavingLanguage(false);
    }
  }

  return (
    <div className="settings">
      <h1 className="screen-title">{t("settings.title")}</h1>

      <section className="settings-section" aria-labelledby="settings-workstation">
        <h2 id="settings-workstation" className="settings-heading">
          {t("settings.workstation")}
        </h2>
        <DisplayNameForm />
        <div className="settings-row">
          <label className="field-label" htmlFor="settings-language">
            {t("settings.language")}
          </label>
          <select
            id="settings-language"
            data-testid="settings-language"
            value={language}
            disabled={savingLanguage}
            onChange={(e) => void changeLanguage(e.target.value as Language)}
          >
            <option value="zh-CN" lang="zh-CN">
              中文
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
          <p className="field-hint">{t("settings.languageHint")}</p>
        </div>
      </section>

      <section className="settings-section" aria-labelledby="settings-database">
        <h2 id="settings-database" className="settings-heading">
          {t("settings.database")}
        </h2>
        <dl className="settings-facts">
          <dt>{t("settings.dbPath")}</dt>
          <dd>
            <code className="selectable" data-testid="settings-db-path">
              {info?.db_path ?? ""}
            </code>
          </dd>
          <dt>{t("settings.replicaId")}</dt>
          <dd>
            <code className="selectable" data-testid="settings-replica-id">
              {info?.replica_id ?? ""}
            </code>
          </dd>
          <dt>{t("settings.schemaVersion")}</dt>
          <dd data-testid="settings-schema-version">{info?.schema_version ?? ""}</dd>
          <dt>{t("settings.appVersion")}</dt>
          <dd data-testid="settings-app-version">{info?.app_version ?? ""}</dd>
        </dl>
        <BackupSection />
      </section>
    </div>
  );
}
