// The project form's data: a blank input, the editable part of a stored project, what changed
// (dirty tracking) and the tidy-up done before saving.

import type { Project, ProjectInput, Tier } from "../platform/api";
import { DELIVERABLES_BY_TIER } from "./projectQuery";

export type FieldName = keyof ProjectInput;

/** Field order of the form and of `ProjectInput`. */
export const FIELDS: readonly FieldName[] = [
  "reference",
  "title_en",
  "title_zh",
  "tier",
  "deliverable",
  "committee_id",
  "our_role",
  "leader_id",
  "stage",
  "track_months",
  "start_date",
  "target_date",
  "limit_date",
  "scope",
  "purpose",
  "relevant_documents",
  "known_patents",
  "liaisons_engaged",
  "sample",
];

export const TRACKS: readonly number[] = [18, 24, 36, 48];

/** What "New project" starts from. */
export function blankInput(): ProjectInput {
  return {
    reference: "",
    title_en: "",
    title_zh: "",
    tier: "international",
    deliverable: "IS",
    committee_id: null,
    our_role: "lead",
    leader_id: null,
    stage: "00.00",
    track_months: null,
    start_date: null,
    target_date: null,
    limit_date: null,
    scope: "",
    purpose: "",
    relevant_documents: "",
    known_patents: "",
    liaisons_engaged: "",
    sample: false,
  };
}

/** The editable fields of a stored project (everything but its id). */
export function toInput(project: Project): ProjectInput {
  const input = {} as Record<FieldName, unknown>;
  for (const name of FIELDS) input[name] = project[name];
  return input as ProjectInput;
}

/** Fields whose values differ; an empty list means the form is clean. */
export function changedFields(form: ProjectInput, baseline: ProjectInput): FieldName[] {
  return FIELDS.filter((name) => form[name] !== baseline[name]);
}

export function isDirty(form: ProjectInput, baseline: ProjectInput): boolean {
  return changedFields(form, baseline).length > 0;
}

/** Sets one field from a form control's string value ("" → null for optional fields). */
export function withField(form: ProjectInput, name: FieldName, raw: string | boolean): ProjectInput {
  let value: unknown = raw;
  switch (name) {
    case "committee_id":
    case "leader_id":
    case "start_date":
    case "target_date":
    case "limit_date":
      value = raw === "" ? null : raw;
      break;
    case "track_months":
      value = raw === "" ? null : Number(raw);
      break;
    case "tier": {
      // A deliverable the new tier cannot produce is replaced by the tier's first one.
      const allowed = DELIVERABLES_BY_TIER[raw as Tier] ?? [];
      const deliverable = allowed.includes(form.deliverable) || allowed.length === 0 ? form.deliverable : allowed[0];
      return { ...form, tier: raw as Tier, deliverable };
    }
  }
  return { ...form, [name]: value };
}

/** What is sent to the core: single-line fields trimmed, multi-line text kept as typed. */
export function forSave(form: ProjectInput): ProjectInput {
  return {
    ...form,
    reference: form.reference.trim(),
    title_en: form.title_en.trim(),
    title_zh: form.title_zh.trim(),
  };
}
