// The register's columns: their headers, which sort they drive, and the shared grid template.

import type { ProjectSort } from "../../platform/api";

export interface Column {
  id: "reference" | "title" | "stage" | "tier" | "our_role" | "target_date" | "limit_date";
  sort: ProjectSort | null;
}

export const COLUMNS: readonly Column[] = [
  { id: "reference", sort: "reference" },
  { id: "title", sort: "title" },
  { id: "stage", sort: "stage" },
  { id: "tier", sort: null },
  { id: "our_role", sort: null },
  { id: "target_date", sort: "target_date" },
  { id: "limit_date", sort: "limit_date" },
];

export const ROW_HEIGHT = 34;
export const HEADER_HEIGHT = 32;
