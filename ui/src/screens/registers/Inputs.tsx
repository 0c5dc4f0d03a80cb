// Form controls of the register screens, each labelled, tied to its error and test hook
// (`field-<name>`, `error-<name>`): text, long text, date, select, record picker and checkbox.

import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";
import { controlProps } from "../../components/fieldProps";
import { RefOptions } from "../../components/RefOptions";
import type { RefLabel } from "../../platform/api";

interface Base {
  name: string;
  label: string;
  error?: string;
  wide?: boolean;
}

export function TextInput({ name, label, error, wide, value, onChange, lang }: Base & { value: string; onChange: (v: string) => void; lang?: string }) {
  return (
    <Field name={name} label={label} error={error} wide={wide}>
      <input className="input" lang={lang} {...controlProps(name, error)} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

export function LongText({ name, label, error, value, onChange }: Base & { value: string; onChange: (v: string) => void }) {
  return (
    <Field name={name} label={label} error={error} wide>
      <textarea className="input textarea" rows={3} {...controlProps(name, error)} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

/** A date as `YYYY-MM-DD` (the native picker); empty is `null`. */
export function DateInput({ name, label, error, value, onChange }: Base & { value: string | null; onChange: (v: string | null) => void }) {
  return (
    <Field name={name} label={label} error={error}>
      <input type="date" className="input" {...controlProps(name, error)} value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)} />
    </Field>
  );
}

/** One of a fixed set of values, labelled through `enums.<group>.<value>`. */
export function EnumSelect<V extends string>({ name, label, error, value, values, group, onChange }: Base & { value: V; values: readonly V[]; group: string; onChange: (v: V) => void }) {
  const { t } = useTranslation();
  return (
    <Field name={name} label={label} error={error}>
      <select className="input" {...controlProps(name, error)} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`enums.${group}.${v}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A reference to another record; empty is `null` unless `required`. */
export function RefSelect({ name, label, error, wide, value, options, onChange, required }: Base & { value: string | null; options: readonly RefLabel[]; onChange: (v: string | null) => void; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Field name={name} label={label} error={error} wide={wide}>
      {/* Remounted when the choices arrive, so a stored value finds its option. */}
      <select key={options.length} className="input" {...controlProps(name, error)} value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}>
        <option value="" disabled={required}>
          {t("reg.noneOption")}
        </option>
        <RefOptions options={options} />
      </select>
    </Field>
  );
}

export function CheckInput({ name, label, value, onChange }: Omit<Base, "error"> & { value: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" {...controlProps(name)} checked={value} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
