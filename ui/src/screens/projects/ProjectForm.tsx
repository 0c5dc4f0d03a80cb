// Every editable field of a project, grouped as on ISO Form 4. The stage is picked here only for a
// new project; an existing one changes stage through the "Change stage…" dialog.

import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";
import { controlProps, errorId, fieldId } from "../../components/fieldProps";
import { RefOptions } from "../../components/RefOptions";
import { StageSelect } from "../../components/StageSelect";
import { TRACKS, type FieldName } from "../../lib/projectForm";
import { DELIVERABLES, DELIVERABLES_BY_TIER, OUR_ROLES, TIERS } from "../../lib/projectQuery";
import { shortStageName, stageName, usesCnProcess } from "../../lib/stages";
import type { Lookups, ProjectInput, RefLabel, StageCatalog } from "../../platform/api";

export type FormErrors = Partial<Record<FieldName, string>>;

interface Props {
  form: ProjectInput;
  errors: FormErrors;
  onField: (name: FieldName, value: string | boolean) => void;
  isNew: boolean;
  catalog: StageCatalog;
  lookups: Lookups;
  /** Labels of the project's current committee and leader, in case the lookups lack them. */
  known: RefLabel[];
  onChangeStage: () => void;
  disabled: boolean;
}

/** Options for a picker, with the current value kept even when the lookups do not list it. */
function withCurrent(options: RefLabel[], current: string | null, known: RefLabel[]): RefLabel[] {
  if (!current || options.some((o) => o.id === current)) return options;
  return [...options, known.find((k) => k.id === current) ?? { id: current, label: current }];
}

export function ProjectForm({ form, errors, onField, isNew, catalog, lookups, known, onChangeStage, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const committees = useMemo(() => withCurrent(lookups.committees, form.committee_id, known), [lookups.committees, form.committee_id, known]);
  const people = useMemo(() => withCurrent(lookups.people, form.leader_id, known), [lookups.people, form.leader_id, known]);

  const ownDeliverables = DELIVERABLES_BY_TIER[form.tier];
  const label = (name: FieldName) => t(`fields.${name}`);
  const text = (name: FieldName, extra: { lang?: string; placeholder?: string } = {}) => (
    <input
      type="text"
      {...controlProps(name, errors[name])}
      value={form[name] as string}
      onChange={(e) => onField(name, e.target.value)}
      autoComplete="off"
      spellCheck={false}
      {...extra}
    />
  );
  const date = (name: "start_date" | "target_date" | "limit_date") => (
    <Field name={name} label={label(name)} error={errors[name]}>
      <input type="date" {...controlProps(name, errors[name])} value={form[name] ?? ""} onChange={(e) => onField(name, e.target.value)} />
    </Field>
  );
  const area = (name: "scope" | "purpose" | "relevant_documents" | "known_patents" | "liaisons_engaged", rows = 3) => (
    <Field name={name} label={label(name)} error={errors[name]} wide>
      <textarea {...controlProps(name, errors[name])} rows={rows} value={form[name]} onChange={(e) => onField(name, e.target.value)} />
    </Field>
  );

  return (
    <fieldset className="project-form" disabled={disabled}>
      <section className="form-section">
        <h3 className="form-section-title">{t("form.identification")}</h3>
        <div className="form-grid">
          <Field name="reference" label={label("reference")} error={errors.reference} hint={t("form.referenceHint")} wide>
            {text("reference", { placeholder: "ISO/CD 21384-5 · DB4403/T 298-2022 · T/SZS 12-2026" })}
          </Field>
          <Field name="title_en" label={label("title_en")} error={errors.title_en} wide>
            {text("title_en", { lang: "en" })}
          </Field>
          <Field name="title_zh" label={label("title_zh")} error={errors.title_zh} wide>
            {text("title_zh", { lang: "zh-CN" })}
          </Field>
          <Field name="tier" label={label("tier")} error={errors.tier}>
            <select {...controlProps("tier", errors.tier)} value={form.tier} onChange={(e) => onField("tier", e.target.value)}>
              {TIERS.map((v) => (
                <option key={v} value={v}>
                  {t(`tier.${v}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="deliverable" label={label("deliverable")} error={errors.deliverable}>
            <select {...controlProps("deliverable", errors.deliverable)} value={form.deliverable} onChange={(e) => onField("deliverable", e.target.value)}>
              <optgroup label={t("form.deliverableForTier", { tier: t(`tier.${form.tier}`) })}>
                {ownDeliverables.map((v) => (
                  <option key={v} value={v}>
                    {t(`deliverable.${v}`)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("form.deliverableOther")}>
                {DELIVERABLES.filter((v) => !ownDeliverables.includes(v)).map((v) => (
                  <option key={v} value={v}>
                    {t(`deliverable.${v}`)}
                  </option>
                ))}
              </optgroup>
            </select>
          </Field>
        </div>
      </section>

      <section className="form-section">
        <h3 className="form-section-title">{t("form.responsibility")}</h3>
        <div className="form-grid">
          <Field name="committee_id" label={label("committee_id")} error={errors.committee_id} wide>
            <select {...controlProps("committee_id", errors.committee_id)} value={form.committee_id ?? ""} onChange={(e) => onField("committee_id", e.target.value)}>
              <option value="">{t("form.none")}</option>
              <RefOptions options={committees} />
            </select>
          </Field>
          <Field name="our_role" label={label("our_role")} error={errors.our_role}>
            <select {...controlProps("our_role", errors.our_role)} value={form.our_role} onChange={(e) => onField("our_role", e.target.value)}>
              {OUR_ROLES.map((v) => (
                <option key={v} value={v}>
                  {t(`role.${v}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="leader_id" label={label("leader_id")} error={errors.leader_id}>
            <select {...controlProps("leader_id", errors.leader_id)} value={form.leader_id ?? ""} onChange={(e) => onField("leader_id", e.target.value)}>
              <option value="">{t("form.none")}</option>
              <RefOptions options={people} />
            </select>
          </Field>
        </div>
      </section>

      <section className="form-section">
        <h3 className="form-section-title">{t("form.schedule")}</h3>
        <div className="form-grid">
          {isNew ? (
            <Field name="stage" label={label("stage")} error={errors.stage} wide>
              <StageSelect
                id={fieldId("stage")}
                testId={fieldId("stage")}
                value={form.stage}
                onChange={(code) => onField("stage", code)}
                catalog={catalog}
                tier={form.tier}
                invalid={Boolean(errors.stage)}
                describedBy={errors.stage ? errorId("stage") : undefined}
              />
            </Field>
          ) : (
            <div className="field field-wide">
              <span className="field-label">{label("stage")}</span>
              <div className="stage-current">
                <span className="stage-code">{form.stage}</span>
                <span className="stage-current-name">
                  {stageName(catalog, form.stage, lang)}
                  {usesCnProcess(form.tier) && <span className="cn-process" lang="zh-CN">{shortStageName(catalog, form.stage, form.tier, "zh-CN")}</span>}
                </span>
                <button type="button" className="btn btn-small" data-testid="stage-change" onClick={onChangeStage}>
                  {t("stage.change")}
                </button>
              </div>
              {errors.stage && (
                <p className="field-error" id={errorId("stage")} data-testid={errorId("stage")} role="alert">
                  {errors.stage}
                </p>
              )}
            </div>
          )}
          <Field name="track_months" label={label("track_months")} error={errors.track_months}>
            <select {...controlProps("track_months", errors.track_months)} value={form.track_months ?? ""} onChange={(e) => onField("track_months", e.target.value)}>
              <option value="">{t("form.none")}</option>
              {TRACKS.map((m) => (
                <option key={m} value={m}>
                  {t("form.months", { count: m })}
                </option>
              ))}
            </select>
          </Field>
          {date("start_date")}
          {date("target_date")}
          {date("limit_date")}
        </div>
      </section>

      <section className="form-section">
        <h3 className="form-section-title">{t("form.proposal")}</h3>
        <div className="form-grid">
          {area("scope", 4)}
          {area("purpose", 4)}
          {area("relevant_documents")}
          {area("known_patents", 2)}
          {area("liaisons_engaged", 2)}
        </div>
      </section>
    </fieldset>
  );
}
