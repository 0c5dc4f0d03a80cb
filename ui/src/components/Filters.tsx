// The filters above a list (projects and every register): labelled selects (`filter-<key>`)
// whose first option is "all", checkboxes, and "Clear filters" while any is set.

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function FilterSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string | null; options: readonly { value: string; label: string }[]; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  const htmlId = `filter-${id}`;
  return (
    <label className="filter" htmlFor={htmlId}>
      <span className="filter-label">{label}</span>
      <select id={htmlId} data-testid={htmlId} value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}>
        <option value="">{t("projects.filters.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterCheck({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const htmlId = `filter-${id}`;
  return (
    <label className="filter filter-check" htmlFor={htmlId}>
      <input id={htmlId} type="checkbox" data-testid={htmlId} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** The bar; `active` counts the filters set, `onClear` resets them (the search text stays). */
export function FilterBar({ active, onClear, children }: { active: number; onClear: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="filter-bar" role="group" aria-label={t("projects.filters.label")}>
      {children}
      {active > 0 && (
        <button type="button" className="btn btn-link" data-testid="filter-clear" onClick={onClear}>
          {t("projects.filters.clear", { count: active })}
        </button>
      )}
    </div>
  );
}
