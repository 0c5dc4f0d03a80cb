// Delete for a register record: the button, a confirmation, and — when the core refuses because
// other records still refer to this one — the core's list of them in the same dialog, with
// nothing changed. The core decides; this only asks and shows.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { ApiFailure } from "../../platform/api";
import { useNotices } from "../../state/notices";

interface Props {
  /** `data-testid` of the button (`<kind>-delete`). */
  testId: string;
  /** What is deleted, as the dialog names it ("ISO/TC 20"). */
  name: string;
  remove: () => Promise<unknown>;
  onDeleted: () => void;
  small?: boolean;
}

export function DeleteRecord({ testId, name, remove, onDeleted, small = true }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    setRefusal(null);
  };
  async function confirm() {
    setBusy(true);
    try {
      await remove();
      close();
      notify("success", t("reg.deleted"));
      onDeleted();
    } catch (e) {
      const failure = ApiFailure.from(e);
      setRefusal(failure.message.trim() || t(`errors.kind.${failure.kind}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className={small ? "btn btn-small btn-danger-quiet" : "btn btn-danger-quiet"} data-testid={testId} onClick={() => setOpen(true)}>
        {t("reg.delete")}
      </button>
      {open && (
        <Modal title={t("reg.confirmDeleteTitle")} onCancel={close} testId="confirm-dialog"
          footer={refusal === null ? <>
            <button type="button" className="btn btn-danger" data-testid="confirm-delete" disabled={busy} onClick={() => void confirm()}>{t("reg.delete")}</button>
            <button type="button" className="btn" data-testid="confirm-cancel" data-autofocus="" disabled={busy} onClick={close}>{t("reg.cancel")}</button>
          </> : (
            <button type="button" className="btn" data-testid="confirm-cancel" onClick={close}>{t("reg.close")}</button>
          )}>
          <p className="confirm-message"><strong>{name}</strong></p>
          {refusal === null
            ? <p className="confirm-message">{t("reg.confirmDelete")}</p>
            : <p className="rg-refusal" role="alert" data-testid="delete-refused">{t("reg.deleteRefused", { reason: refusal })}</p>}
        </Modal>
      )}
    </>
  );
}
