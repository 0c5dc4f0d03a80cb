// Adding a role (membership) to a person: role, committee, start and optional end. The end may
// not be before the start; the core checks the same and names the field.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { ApiFailure } from "../../platform/api";
import { membershipProblems } from "../../lib/registers";
import { registersApi, type MembershipInput, type Role } from "../../platform/registers";
import { useReference } from "../../state/reference";
import { DateInput, EnumSelect, RefSelect } from "../registers/Inputs";

const ROLES: readonly Role[] = ["chair", "vice_chair", "committee_manager", "convenor", "project_leader", "expert", "delegate", "head_of_delegation", "liaison_rep", "member"];

export function RoleDialog({ personId, onDone, onCancel }: { personId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { lookups } = useReference();
  const [form, setForm] = useState<MembershipInput>({ person_id: personId, committee_id: "", role: "expert", start_date: null, end_date: null, sample: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof MembershipInput>(k: K, v: MembershipInput[K]) => setForm((f) => ({ ...f, [k]: v }));

  async function save() {
    const problems = membershipProblems(form);
    if (Object.keys(problems).length) {
      setErrors(Object.fromEntries(Object.entries(problems).map(([k, code]) => [k, t(`reg.problems.${code}`)])));
      return;
    }
    setBusy(true);
    try {
      await registersApi.createMembership(form);
      onDone();
    } catch (e) {
      const failure = ApiFailure.from(e);
      setErrors({ [failure.field ?? "committee_id"]: failure.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={t("people.roleTitle")} onCancel={onCancel} testId="role-dialog"
      footer={<>
        <button type="button" className="btn btn-primary" data-testid="role-save" disabled={busy} onClick={() => void save()}>{t("reg.save")}</button>
        <button type="button" className="btn" data-testid="role-cancel" onClick={onCancel}>{t("reg.cancel")}</button>
      </>}>
      <div className="form-grid">
        <EnumSelect name="role" label={t("people.fields.role")} group="role" values={ROLES} value={form.role} onChange={(v) => set("role", v)} />
        <RefSelect name="committee_id" label={t("people.fields.committee_id")} required error={errors.committee_id} value={form.committee_id || null} options={lookups.committees} onChange={(v) => set("committee_id", v ?? "")} />
        <DateInput name="start_date" label={t("people.fields.start_date")} error={errors.start_date} value={form.start_date} onChange={(v) => set("start_date", v)} />
        <DateInput name="end_date" label={t("people.fields.end_date")} error={errors.end_date} value={form.end_date} onChange={(v) => set("end_date", v)} />
      </div>
    </Modal>
  );
}
