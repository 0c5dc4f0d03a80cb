// A list on a record's page (a committee's members, a person's roles, a statement's log…): the
// shared VirtualList, as tall as its rows up to a window of `maxRows` and scrolling past them, so
// a committee with thousands of members puts only the visible ones in the page. Once there are
// more rows than the window shows, a filter box (every word, ignoring case, over `textsOf`) and
// the count of matches appear above it. With `history`, ended roles follow the current ones
// under a heading and stay visible (and filterable).

import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { arraySource } from "../lib/pages";
import { pageRows, type History } from "../lib/registers";
import "./PageList.css";
import { VirtualList } from "./VirtualList";

/** Rows a page list shows before it scrolls (and offers its filter). */
export const PAGE_LIST_ROWS = 10;

interface Props<T> {
  rows: readonly T[];
  /** The texts the filter box looks in. */
  textsOf: (row: T) => readonly (string | null | undefined)[];
  history?: History<T>;
  /** The row's element (a `rg-page-row`, 40 px high). */
  renderRow: (row: T) => ReactNode;
  label: string;
  /** The list's; the filter box is `<testId>-filter`, the count `<testId>-count`. */
  testId: string;
  /** Said when there are no rows at all. */
  empty: string;
  maxRows?: number;
}

export function PageList<T>({ rows, textsOf, history, renderRow, label, testId, empty, maxRows = PAGE_LIST_ROWS }: Props<T>) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  if (rows.length === 0) return <p className="rg-empty">{empty}</p>;
  const items = pageRows(rows, query, textsOf, history);
  const shown = history ? items.filter((r) => "node" in r).length : items.length;
  return (
    <div className="rg-page-list">
      {rows.length > maxRows && (
        <div className="rg-page-list-bar">
          <input type="search" className="search" data-testid={`${testId}-filter`} aria-label={t("reg.filterList", { list: label })}
            placeholder={t("reg.filterRows")} value={query} onChange={(e) => setQuery(e.target.value)} />
          <span className="total" data-testid={`${testId}-count`} data-shown={shown}>{t("reg.shownOf", { shown, total: rows.length })}</span>
        </div>
      )}
      <VirtualList source={arraySource(items)} label={label} testId={testId} role="list" maxRows={maxRows}
        empty={<p className="rg-empty rg-page-list-none">{t("reg.noMatch")}</p>}
        renderRow={(r) => ("heading" in r ? <div className="rg-org-heading" role="listitem">{r.heading}</div> : renderRow(r.node))} />
    </div>
  );
}
