// The register's filters: tier, deliverable, stage group, committee, our role, overdue.

import { useTranslation } from "react-i18next";
import { activeFilterCount, DELIVERABLES, NO_FILTERS, OUR_ROLES, TIERS, type ProjectFilters } from "../../lib/projectQuery";
import { groupLabel } from "../../lib/stages";
import type { Lookups, StageCatalog } from "../../platform/api";

interface Props {
  filters: ProjectFilters;
  onChange: (filters: ProjectFilters) => void;
  catalog: StageCatalog;
  lookups: Lookups;
}

type SelectKey = "tier" | "deliverable" | "stage_group" | "committee_id" | "our_role";

export function FilterBar({ filters, onChange, catalog, lookups }: Props) {
  const { t, i18n } = useTranslation();

  function set(key: SelectKey, value: string) {
    onChange({ ...filters, [key]: value === "" ? null : value });
  }

  function select(key: SelectKey, options: { value: string; label: string }[]) {
    const id = `filter-${key}`;
    return (
      <label className="filter" htmlFor={id}>
        <span className="filter-label">{t(`projects.filters.${key}`)}</span>
        <select id={id} data-testid={id} value={filters[key] ?? ""} onChange={(e) => set(key, e.target.value)}>
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

  const active = activeFilterCount(filters);
  return (
    <div className="filter-bar" role="group" aria-label={t("projects.filters.label")}>
      {select("tier", TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) })))}
      {select("deliverable", DELIVERABLES.map((v) => ({ value: v, label: t(`deliverable.${v}`, { defaultValue: v }) })))}
      {select("stage_group", catalog.groups.map((g) => ({ value: g.key, label: groupLabel(g, filters.tier, i18n.language) })))}
      {select("committee_id", lookups.committees.map((c) => ({ value: c.id, label: c.label })))}
      {select("our_role", OUR_ROLES.map((v) => ({ value: v, label: t(`role.${v}`) })))}
      <label className="filter filter-check" htmlFor="filter-overdue">
        <input
          id="filter-overdue"
          type="checkbox"
          data-testid="filter-overdue"
          checked={filters.overdue}
          onChange={(e) => onChange({ ...filters, overdue: e.target.checked })}
        />
        <span>{t("projects.filters.overdue")}</span>
      </label>
      {active > 0 && (
        <button type="button" className="btn btn-link" data-testid="filter-clear" onClick={() => onChange({ ...NO_FILTERS, search: filters.search })}>
          {t("projects.filters.clear", { count: active })}
        </button>
      )}
    </div>
  );
}
