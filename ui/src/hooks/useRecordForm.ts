// The edit state of one register record: the form, the stored values it started from, the
// core's field errors, and the unsaved-changes guard (switching record or screen, or closing the
// window, asks first while the form differs from what is stored).

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../lib/errors";
import { isDirty } from "../lib/registers";
import { ApiFailure } from "../platform/api";
import { useUnsavedGuard } from "../state/guard";
import { useNotices } from "../state/notices";

export interface RecordForm<T> {
  form: T;
  dirty: boolean;
  busy: boolean;
  /** Field → message (client checks once a save was tried, then the core's own). */
  errors: Record<string, string>;
  set: <K extends keyof T>(name: K, value: T[K]) => void;
  /** Saves; resolves false when a check or the core refused (the form shows why). */
  submit: () => Promise<boolean>;
  revert: () => void;
}

/**
 * `check` returns i18n codes under `reg.problems` per field; `save` writes and throws the
 * core's refusal. After a successful save the form's values become the stored ones.
 */
export function useRecordForm<T>(initial: T, save: (form: T) => Promise<void>, check?: (form: T) => Record<string, string | undefined>): RecordForm<T> {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const { setPending } = useUnsavedGuard();
  const [baseline, setBaseline] = useState(initial);
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const dirty = isDirty(form, baseline);
  const latest = useRef({ form, save, check });
  useEffect(() => {
    latest.current = { form, save, check };
  });

  const set = useCallback(<K extends keyof T>(name: K, value: T[K]) => {
    setForm((f) => ({ ...f, [name]: value }));
    setErrors((e) => {
      if (!(String(name) in e)) return e;
      const { [String(name)]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const submit = useCallback(async () => {
    const { form: current, save: write, check: rules } = latest.current;
    const problems = Object.entries(rules?.(current) ?? {}).filter(([, code]) => code) as [string, string][];
    if (problems.length) {
      setErrors(Object.fromEntries(problems.map(([field, code]) => [field, t(`reg.problems.${code}`)])));
      return false;
    }
    setBusy(true);
    try {
      await write(current);
      setBaseline(current);
      setErrors({});
      return true;
    } catch (e) {
      const failure = ApiFailure.from(e);
      if (failure.field) setErrors({ [failure.field]: failure.message });
      notify("error", describeFailure(t, t("reg.actions.save"), failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, [notify, t]);

  const revert = useCallback(() => {
    setForm(baseline);
    setErrors({});
  }, [baseline]);

  useEffect(() => {
    setPending(dirty ? { save: submit, discard: revert } : null);
  }, [dirty, submit, revert, setPending]);
  useEffect(() => () => setPending(null), [setPending]);

  return { form, dirty, busy, errors, set, submit, revert };
}
