// "Back up database…": the save dialog proposes normdesk-backup-YYYY-MM-DD.db, then the core
// writes a consistent copy there.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { backupFileName, localToday } from "../../lib/dates";
import { describeFailure } from "../../lib/errors";
import { api } from "../../platform/api";
import { chooseBackupPath } from "../../platform/dialog";
import { useNotices } from "../../state/notices";

export function BackupSection() {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<string | null>(null);

  async function backUp() {
    setBusy(true);
    try {
      const path = await chooseBackupPath(backupFileName(localToday()), t("settings.backupFilter"));
      if (!path) return;
      await api.backupDatabase(path);
      setLast(path);
      notify("success", t("settings.backupDone", { path }));
    } catch (e) {
      notify("error", describeFailure(t, t("errors.actions.backup"), e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="settings-row">
      <button type="button" className="btn" data-testid="settings-backup" disabled={busy} onClick={() => void backUp()}>
        {busy ? t("settings.backingUp") : t("settings.backup")}
      </button>
      <p className="field-hint">
        {last ? (
          <>
            {t("settings.lastBackup")} <code className="selectable">{last}</code>
          </>
        ) : (
          t("settings.backupHint")
        )}
      </p>
    </div>
  );
}
