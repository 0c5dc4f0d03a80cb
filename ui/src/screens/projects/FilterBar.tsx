// The register's filters: tier, deliverable, stage group, committee, our role, overdue.

import { useTranslation } from "react-i18next";
import { FilterBar as Bar, FilterCheck, FilterSelect } from "../../components/Filters";
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

  function select(key: SelectKey, options: { value: string; label: string }[]) {
    return <FilterSelect id={key} label={t(`projects.filters.${key}`)} value={filters[key] ?? null} options={options} onChange={(value) => onChange({ ...filters, [key]: value })} />;
  }

  return (
    <Bar active={activeFilterCount(filters)} onClear={() => onChange({ ...NO_FILTERS, search: filters.search })}>
      {select("tier", TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) })))}
      {select("deliverable", DELIVERABLES.map((v) => ({ value: v, label: t(`deliverable.${v}`, { defaultValue: v }) })))}
      {select("stage_group", catalog.groups.map((g) => ({ value: g.key, label: groupLabel(g, filters.tier, i18n.language) })))}
      {select("committee_id", lookups.committees.map((c) => ({ value: c.id, label: c.label })))}
      {select("our_role", OUR_ROLES.map((v) => ({ value: v, label: t(`role.${v}`) })))}
      <FilterCheck id="overdue" label={t("projects.filters.overdue")} checked={filters.overdue} onChange={(overdue) => onChange({ ...filters, overdue })} />
    </Bar>
  );
}
