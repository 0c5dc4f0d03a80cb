// A person's fields (new or edit): names in Chinese and Latin script, contacts, organisation and
// expertise tags. Saving creates or updates through the core; the guard covers unsaved edits.

import { useTranslation } from "react-i18next";
import { useRecordForm } from "../../hooks/useRecordForm";
import { registersApi, type PersonInput } from "../../platform/registers";
import { FormActions } from "../registers/Layout";
import { RefSelect, TextInput } from "../registers/Inputs";
import { useOrganisationOptions } from "../registers/options";

export function PersonForm({ id, initial, onSaved, onCancel }: { id: string | null; initial: PersonInput; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const organisations = useOrganisationOptions();
  const f = useRecordForm(initial, async (input) => {
    const saved = id ? (await registersApi.updatePerson(id, input), id) : await registersApi.createPerson(input);
    onSaved(saved);
  });
  const field = (name: keyof PersonInput) => ({ name, label: t(`people.fields.${name}`), error: f.errors[name] });
  return (
    <form className="rg-form" data-testid="person-form" onSubmit={(e) => { e.preventDefault(); void f.submit(); }}>
      <div className="form-grid">
        <TextInput {...field("name_zh")} lang="zh-CN" value={f.form.name_zh} onChange={(v) => f.set("name_zh", v)} />
        <TextInput {...field("name_en")} value={f.form.name_en} onChange={(v) => f.set("name_en", v)} />
        <TextInput {...field("email")} value={f.form.email} onChange={(v) => f.set("email", v)} />
        <TextInput {...field("phone")} value={f.form.phone} onChange={(v) => f.set("phone", v)} />
        <RefSelect {...field("organisation_id")} wide value={f.form.organisation_id} options={organisations} onChange={(v) => f.set("organisation_id", v)} />
        <TextInput {...field("expertise")} wide value={f.form.expertise} onChange={(v) => f.set("expertise", v)} />
      </div>
      <FormActions busy={f.busy} dirty={f.dirty || id === null} testPrefix="person" onSave={() => void f.submit()} onCancel={() => { f.revert(); onCancel(); }} />
    </form>
  );
}
