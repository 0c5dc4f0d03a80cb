// The register's header row; sortable columns toggle ascending/descending when clicked.

import { useTranslation } from "react-i18next";
import type { SortState } from "../../lib/projectQuery";
import type { ProjectSort } from "../../platform/api";
import { COLUMNS } from "./columns";

interface Props {
  sort: SortState;
  onSort: (column: ProjectSort) => void;
}

export function ListHeader({ sort, onSort }: Props) {
  const { t } = useTranslation();
  return (
    <div className="list-row list-header" role="row" aria-rowindex={1}>
      {COLUMNS.map((col) => {
        const active = col.sort !== null && sort.sort === col.sort;
        const label = t(`projects.columns.${col.id}`);
        return (
          <div
            key={col.id}
            role="columnheader"
            className={`cell cell-${col.id}`}
            aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
          >
            {col.sort ? (
              <button
                type="button"
                className={active ? "sort-button sort-active" : "sort-button"}
                data-testid={`sort-${col.sort}`}
                onClick={() => onSort(col.sort!)}
                title={t("projects.sortBy", { column: label })}
              >
                {label}
                <span className="sort-arrow" aria-hidden="true">
                  {active ? (sort.descending ? "▼" : "▲") : ""}
                </span>
              </button>
            ) : (
              <span className="header-label">{label}</span>
            )}
          </div>
        );
      })}
    </div>
  );
}
