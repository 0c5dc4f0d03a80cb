// A liaison statement's fields: direction, title, from and to, committee, liaison, purpose,
// deadline (required for action and comment), state (any on create; afterwards through the
// state buttons), the statement it answers, and a summary.

import { useTranslation } from "react-i18next";
import { useRecordForm } from "../../hooks/useRecordForm";
import { statementProblems } from "../../lib/registers";
import { registersApi, type Direction, type Purpose, type StatementInput, type StatementState } from "../../platform/registers";
import { useReference } from "../../state/reference";
import { DateInput, EnumSelect, LongText, RefSelect, TextInput } from "../registers/Inputs";
import { FormActions } from "../registers/Layout";
import { useLiaisonOptions, useStatementOptions } from "../registers/options";

const DIRECTIONS: readonly Direction[] = ["incoming", "outgoing"];
const PURPOSES: readonly Purpose[] = ["action", "comment", "information", "response"];
const STATES: readonly StatementState[] = ["pending", "approved", "posted", "dead"];

export function StatementForm({ id, initial, onSaved, onCancel }: { id: string | null; initial: StatementInput; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { lookups } = useReference();
  const liaisons = useLiaisonOptions();
  const statements = useStatementOptions(id);
  const f = useRecordForm(initial, async (input) => onSaved(id ? (await registersApi.updateStatement(id, input), id) : await registersApi.createStatement(input)), (s) => statementProblems(s));
  const field = (name: keyof StatementInput) => ({ name, label: t(`statements.fields.${name}`), error: f.errors[name] });
  return (
    <form className="rg-form" data-testid="statement-form" onSubmit={(e) => { e.preventDefault(); void f.submit(); }}>
      <div className="form-grid">
        <EnumSelect {...field("direction")} group="direction" values={DIRECTIONS} value={f.form.direction} onChange={(v) => f.set("direction", v)} />
        <EnumSelect {...field("purpose")} group="purpose" values={PURPOSES} value={f.form.purpose} onChange={(v) => f.set("purpose", v)} />
        <TextInput {...field("title")} wide value={f.form.title} onChange={(v) => f.set("title", v)} />
        <TextInput {...field("from_party")} value={f.form.from_party} onChange={(v) => f.set("from_party", v)} />
        <TextInput {...field("to_party")} value={f.form.to_party} onChange={(v) => f.set("to_party", v)} />
        <DateInput {...field("deadline")} value={f.form.deadline} onChange={(v) => f.set("deadline", v)} />
        {id === null ? <EnumSelect {...field("state")} group="state" values={STATES} value={f.form.state} onChange={(v) => f.set("state", v)} /> : <div />}
        <RefSelect {...field("committee_id")} value={f.form.committee_id} options={lookups.committees} onChange={(v) => f.set("committee_id", v)} />
        <RefSelect {...field("liaison_id")} value={f.form.liaison_id} options={liaisons} onChange={(v) => f.set("liaison_id", v)} />
        <RefSelect {...field("in_response_to")} wide value={f.form.in_response_to} options={statements} onChange={(v) => f.set("in_response_to", v)} />
        <LongText {...field("body")} value={f.form.body} onChange={(v) => f.set("body", v)} />
      </div>
      <FormActions busy={f.busy} dirty={f.dirty || id === null} testPrefix="statement" onSave={() => void f.submit()} onCancel={() => { f.revert(); onCancel(); }} />
    </form>
  );
}
