// Spreadsheet exchange for one register: Export CSV / XLSX through the save dialog, Import
// through the open dialog and a preview (per-row errors) that applies only when every row is valid.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { localToday } from "../../lib/dates";
import { describeFailure } from "../../lib/errors";
import { exportFileName } from "../../lib/registers";
import { chooseSpreadsheetDestination, chooseSpreadsheetToOpen } from "../../platform/files";
import { registersApi, type ImportPreview, type RegisterKind } from "../../platform/registers";
import { useNotices } from "../../state/notices";
import { ImportDialog } from "./ImportDialog";

export function ExchangeMenu({ kind, onImported }: { kind: RegisterKind; onImported: () => void }) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [preview, setPreview] = useState<{ path: string; result: ImportPreview } | null>(null);

  async function exportAs(format: "csv" | "xlsx") {
    try {
      const path = await chooseSpreadsheetDestination(exportFileName(kind, format, localToday()), t("exchange.saveTitle"));
      if (!path) return;
      const count = await registersApi.exportRegister(kind, path);
      notify("success", t("exchange.exported", { count, file: path.split(/[\\/]/).pop() }));
    } catch (e) {
      notify("error", describeFailure(t, t("reg.actions.export"), e));
    }
  }

  async function startImport() {
    try {
      const path = await chooseSpreadsheetToOpen(t("exchange.fileTitle"));
      if (!path) return;
      setPreview({ path, result: await registersApi.previewImport(kind, path) });
    } catch (e) {
      notify("error", describeFailure(t, t("reg.actions.import"), e));
    }
  }

  return (
    <>
      <button type="button" className="btn btn-small" data-testid={`export-csv-${kind}`} onClick={() => void exportAs("csv")}>
        {t("exchange.exportCsv")}
      </button>
      <button type="button" className="btn btn-small" data-testid={`export-xlsx-${kind}`} onClick={() => void exportAs("xlsx")}>
        {t("exchange.exportXlsx")}
      </button>
      <button type="button" className="btn btn-small" data-testid={`import-${kind}`} onClick={() => void startImport()}>
        {t("exchange.import")}
      </button>
      {preview && (
        <ImportDialog
          kind={kind}
          path={preview.path}
          preview={preview.result}
          onClose={() => setPreview(null)}
          onImported={() => {
            setPreview(null);
            onImported();
          }}
        />
      )}
    </>
  );
}
