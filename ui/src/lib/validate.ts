// Instant checks on the project form that mirror the core's rules, so mistakes show while typing.
// The core stays the authority (reference shape per tier is checked there only); its field
// errors are shown through the same `FieldErrors` map.

import type { ProjectInput } from "../platform/api";
import { isIsoDate } from "./dates";
import type { FieldName } from "./projectForm";
import { TRACKS } from "./projectForm";
import { DELIVERABLES_BY_TIER } from "./projectQuery";

/** An i18n key under `validation.` naming what is wrong. */
export type ValidationCode =
  | "required"
  | "titleRequired"
  | "date"
  | "limitBeforeStart"
  | "targetBeforeStart"
  | "deliverableTier"
  | "track"
  | "stage";

export type FieldErrors = Partial<Record<FieldName, ValidationCode>>;

const DATE_FIELDS = ["start_date", "target_date", "limit_date"] as const;

export function validateProject(input: ProjectInput, stageCodes?: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.reference.trim()) errors.reference = "required";
  if (!input.title_en.trim() && !input.title_zh.trim()) {
    errors.title_en = "titleRequired";
    errors.title_zh = "titleRequired";
  }
  for (const name of DATE_FIELDS) {
    const value = input[name];
    if (value !== null && !isIsoDate(value)) errors[name] = "date";
  }
  if (!DELIVERABLES_BY_TIER[input.tier].includes(input.deliverable)) errors.deliverable = "deliverableTier";
  const { start_date: start, limit_date: limit, target_date: target } = input;
  if (start && limit && !errors.start_date && !errors.limit_date && limit < start) {
    errors.limit_date = "limitBeforeStart";
  }
  if (start && target && !errors.start_date && !errors.target_date && target < start) {
    errors.target_date = "targetBeforeStart";
  }
  if (input.track_months !== null && !TRACKS.includes(input.track_months)) errors.track_months = "track";
  if (stageCodes && !stageCodes.includes(input.stage)) errors.stage = "stage";
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}
