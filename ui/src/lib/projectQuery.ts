// The projects list's filters and sort, and the `ProjectQuery` sent to `list_projects` for one page.

import type { Deliverable, OurRole, ProjectQuery, ProjectSort, Tier } from "../platform/api";

export const PAGE_SIZE = 100;

export const TIERS: readonly Tier[] = ["international", "regional", "national", "sector", "local", "group", "enterprise"];
export const DELIVERABLES: readonly Deliverable[] = [
  "IS", "TS", "TR", "PAS", "IWA", "Guide", "Amd", "Cor", "GB", "GB/T", "GB/Z", "sector", "DB", "DB/T", "T", "Q",
];
/** The deliverables each tier may produce (mirrors the core's `deliverables_for`). */
export const DELIVERABLES_BY_TIER: Readonly<Record<Tier, readonly Deliverable[]>> = {
  international: ["IS", "TS", "TR", "PAS", "IWA", "Guide", "Amd", "Cor"],
  regional: ["IS", "TS", "TR", "PAS", "IWA", "Guide", "Amd", "Cor"],
  national: ["GB", "GB/T", "GB/Z"],
  sector: ["sector"],
  local: ["DB", "DB/T"],
  group: ["T"],
  enterprise: ["Q"],
};

export const OUR_ROLES: readonly OurRole[] = ["lead", "co_lead", "participate"];

export interface ProjectFilters {
  search: string;
  tier: Tier | null;
  deliverable: Deliverable | null;
  stage_group: string | null;
  committee_id: string | null;
  our_role: OurRole | null;
  overdue: boolean;
}

export interface SortState {
  sort: ProjectSort;
  descending: boolean;
}

export const NO_FILTERS: ProjectFilters = {
  search: "",
  tier: null,
  deliverable: null,
  stage_group: null,
  committee_id: null,
  our_role: null,
  overdue: false,
};

export const DEFAULT_SORT: SortState = { sort: "reference", descending: false };

/** Clicking a header: the same column flips the direction, another column sorts ascending. */
export function toggleSort(current: SortState, column: ProjectSort): SortState {
  return current.sort === column ? { sort: column, descending: !current.descending } : { sort: column, descending: false };
}

/** A query with every field spelled out (the generated type marks defaulted fields optional). */
export type FullQuery = Required<ProjectQuery>;

/** The query for the page starting at `offset`. */
export function buildQuery(
  filters: ProjectFilters,
  sort: SortState,
  offset: number,
  today: string | null,
  limit: number = PAGE_SIZE,
): FullQuery {
  return {
    search: filters.search.trim().replace(/\s+/g, " "),
    tier: filters.tier,
    deliverable: filters.deliverable,
    stage_group: filters.stage_group,
    committee_id: filters.committee_id,
    our_role: filters.our_role,
    overdue: filters.overdue,
    sort: sort.sort,
    descending: sort.descending,
    offset,
    limit,
    today,
  };
}

/** A stable key for "the same list": equal keys mean cached pages can be reused. */
export function listKey(filters: ProjectFilters, sort: SortState): string {
  const { offset: _o, limit: _l, today: _t, ...rest } = buildQuery(filters, sort, 0, null);
  return JSON.stringify(rest);
}

export function activeFilterCount(filters: ProjectFilters): number {
  const { search: _s, ...rest } = filters;
  return Object.values(rest).filter((v) => v !== null && v !== false).length;
}
