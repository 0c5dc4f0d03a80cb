// A programme target in a dialog, new or existing: its name in both languages, what it
// measures, the goal and the deadline. The form's checks and the core's refusals show next to
// their fields; nothing is written while one is open.

import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";
import { controlProps } from "../../components/fieldProps";
import { Modal } from "../../components/Modal";
import { useRecordForm } from "../../hooks/useRecordForm";
import { targetProblems } from "../../lib/registers";
import { registersApi, type TargetInput } from "../../platform/registers";
import { MEASURES } from "../registers/defaults";
import { DateInput, EnumSelect, TextInput } from "../registers/Inputs";


export function TargetDialog({ id, initial, onDone, onCancel }: { id: string | null; initial: TargetInput; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useRecordForm(initial, async (input) => {
    if (id) await registersApi.updateTarget(id, input);
    else await registersApi.createTarget(input);
  }, targetProblems);
  const field = (name: keyof TargetInput) => ({ name, label: t(`dashboard.fields.${name}`), error: f.errors[name] });
  const save = async () => {
    if (await f.submit()) onDone();
  };
  return (
    <Modal title={id ? t("dashboard.editTarget") : t("dashboard.newTarget")} onCancel={() => { f.revert(); onCancel(); }} testId="target-dialog" wide
      footer={<>
        <button type="button" className="btn btn-primary" data-testid="target-save" disabled={f.busy} onClick={() => void save()}>{t("reg.save")}</button>
        <button type="button" className="btn" data-testid="target-cancel" disabled={f.busy} onClick={() => { f.revert(); onCancel(); }}>{t("reg.cancel")}</button>
      </>}>
      <form className="form-grid" data-testid="target-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <TextInput {...field("name_en")} wide value={f.form.name_en} onChange={(v) => f.set("name_en", v)} />
        <TextInput {...field("name_zh")} wide lang="zh-CN" value={f.form.name_zh} onChange={(v) => f.set("name_zh", v)} />
        <EnumSelect {...field("measure")} group="measure" values={MEASURES} value={f.form.measure} onChange={(v) => f.set("measure", v)} />
        <Field name="goal" label={t("dashboard.fields.goal")} error={f.errors.goal}>
          <input className="input" type="number" min={0} step={1} {...controlProps("goal", f.errors.goal)} data-autofocus=""
            value={f.form.goal ?? ""} onChange={(e) => f.set("goal", e.target.value.trim() === "" ? null : Number(e.target.value))} />
        </Field>
        <DateInput {...field("deadline")} value={f.form.deadline} onChange={(v) => f.set("deadline", v)} />
      </form>
    </Modal>
  );
}
