// A committee's fields (new, new under a parent, or edit): reference, bilingual title,
// organisation, parent, kind, secretariat, our membership and scope.

import { useTranslation } from "react-i18next";
import { useRecordForm } from "../../hooks/useRecordForm";
import { registersApi, type CommitteeInput, type CommitteeKind, type CommitteeMembership } from "../../platform/registers";
import { useReference } from "../../state/reference";
import { EnumSelect, LongText, RefSelect, TextInput } from "../registers/Inputs";
import { FormActions } from "../registers/Layout";
import { useOrganisationOptions } from "../registers/options";

const KINDS: readonly CommitteeKind[] = ["TC", "SC", "WG", "JWG", "PC", "AHG", "PT", "MT", "SG", "alliance"];
const MEMBERSHIPS: readonly CommitteeMembership[] = ["P", "O", "none", "secretariat"];

export function CommitteeForm({ id, initial, onSaved, onCancel }: { id: string | null; initial: CommitteeInput; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { lookups } = useReference();
  const organisations = useOrganisationOptions();
  const f = useRecordForm(initial, async (input) => {
    const saved = id ? (await registersApi.updateCommittee(id, input), id) : await registersApi.createCommittee(input);
    onSaved(saved);
  }, (c) => ({ reference: c.reference.trim() ? undefined : "required" }));
  const field = (name: keyof CommitteeInput) => ({ name, label: t(`committees.fields.${name}`), error: f.errors[name] });
  const parents = lookups.committees.filter((c) => c.id !== id);
  return (
    <form className="rg-form" data-testid="committee-form" onSubmit={(e) => { e.preventDefault(); void f.submit(); }}>
      <div className="form-grid">
        <TextInput {...field("reference")} value={f.form.reference} onChange={(v) => f.set("reference", v)} />
        <EnumSelect {...field("kind")} group="committeeKind" values={KINDS} value={f.form.kind} onChange={(v) => f.set("kind", v)} />
        <TextInput {...field("title_en")} wide value={f.form.title_en} onChange={(v) => f.set("title_en", v)} />
        <TextInput {...field("title_zh")} wide lang="zh-CN" value={f.form.title_zh} onChange={(v) => f.set("title_zh", v)} />
        <RefSelect {...field("organisation_id")} value={f.form.organisation_id} options={organisations} onChange={(v) => f.set("organisation_id", v)} />
        <RefSelect {...field("parent_id")} value={f.form.parent_id} options={parents} onChange={(v) => f.set("parent_id", v)} />
        <TextInput {...field("secretariat")} value={f.form.secretariat} onChange={(v) => f.set("secretariat", v)} />
        <EnumSelect {...field("membership")} group="membership" values={MEMBERSHIPS} value={f.form.membership} onChange={(v) => f.set("membership", v)} />
        <LongText {...field("scope")} value={f.form.scope} onChange={(v) => f.set("scope", v)} />
      </div>
      <FormActions busy={f.busy} dirty={f.dirty || id === null} testPrefix="committee" onSave={() => void f.submit()} onCancel={() => { f.revert(); onCancel(); }} />
    </form>
  );
}
