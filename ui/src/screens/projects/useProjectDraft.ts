// The edit state of one project: the form, the stored values it started from (for dirty
// tracking and Cancel), which fields the user touched, and the core's field errors. Client checks
// show once a field was touched or a save was tried; a core error stays until its field changes.

import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { changedFields, withField, type FieldName } from "../../lib/projectForm";
import { validateProject, type FieldErrors } from "../../lib/validate";
import type { ProjectInput } from "../../platform/api";
import type { FormErrors } from "./ProjectForm";

export interface ProjectDraft {
  form: ProjectInput;
  baseline: ProjectInput;
  dirty: boolean;
  /** Client check results, shown or not. */
  checks: FieldErrors;
  /** What the form shows beside each field. */
  shown: FormErrors;
  setField: (name: FieldName, value: string | boolean) => void;
  /** Marks a save attempt so every client error shows. */
  markSubmitted: () => void;
  setServerError: (name: FieldName, message: string) => void;
  /** Starts over from stored values (after loading or saving). */
  reset: (stored: ProjectInput) => void;
  /** Back to the stored values (Cancel / Esc / Discard). */
  revert: () => void;
  /** The stored values changed outside the form (stage change): keep the user's other edits. */
  rebase: (stored: ProjectInput) => void;
}

export function useProjectDraft(initial: ProjectInput, stageCodes: readonly string[]): ProjectDraft {
  const { t } = useTranslation();
  const [baseline, setBaseline] = useState(initial);
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<FormErrors>({});

  const checks = useMemo(() => validateProject(form, stageCodes), [form, stageCodes]);
  const dirty = useMemo(() => changedFields(form, baseline).length > 0, [form, baseline]);

  const shown = useMemo(() => {
    const out: FormErrors = { ...server };
    for (const [name, code] of Object.entries(checks) as [FieldName, string][]) {
      const related = name === "title_en" || name === "title_zh" ? touched.has("title_en") || touched.has("title_zh") : touched.has(name);
      if (!out[name] && (submitted || related)) out[name] = t(`validation.${code}`);
    }
    return out;
  }, [server, checks, touched, submitted, t]);

  const setField = useCallback((name: FieldName, value: string | boolean) => {
    setForm((f) => withField(f, name, value));
    setTouched((s) => (s.has(name) ? s : new Set(s).add(name)));
    setServer((e) => {
      if (!(name in e)) return e;
      const { [name]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const clear = useCallback(() => {
    setTouched(new Set());
    setSubmitted(false);
    setServer({});
  }, []);

  const reset = useCallback(
    (stored: ProjectInput) => {
      setBaseline(stored);
      setForm(stored);
      clear();
    },
    [clear],
  );

  const revert = useCallback(() => {
    setForm(baseline);
    clear();
  }, [baseline, clear]);

  const rebase = useCallback(
    (stored: ProjectInput) => {
      const old = baseline;
      setBaseline(stored);
      setForm((f) => {
        const next = { ...stored } as Record<FieldName, unknown>;
        for (const name of changedFields(f, old)) next[name] = f[name];
        return next as ProjectInput;
      });
    },
    [baseline],
  );

  return {
    form,
    baseline,
    dirty,
    checks,
    shown,
    setField,
    markSubmitted: useCallback(() => setSubmitted(true), []),
    setServerError: useCallback((name: FieldName, message: string) => setServer((e) => ({ ...e, [name]: message })), []),
    reset,
    revert,
    rebase,
  };
}
