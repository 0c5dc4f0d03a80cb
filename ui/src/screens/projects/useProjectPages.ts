// The projects list's data: pages of 100 rows fetched by offset as the user scrolls, cached per
// list (filters + sort). A changed list keeps showing the old rows until its first page arrives, and
// a refresh of the same list keeps the old pages as stand-ins, so nothing flickers.

import { useCallback, useEffect, useRef, useState } from "react";
import { localToday } from "../../lib/dates";
import { missingPages, pagesForRange, rowAt as pageRow } from "../../lib/pages";
import { buildQuery, listKey, PAGE_SIZE, type ProjectFilters, type SortState } from "../../lib/projectQuery";
import { api, ApiFailure, type ProjectRow } from "../../platform/api";
import { takeEarlyFirstPage, takeSettledFirstPage } from "./earlyFirstPage";

type Pages = ReadonlyMap<number, readonly ProjectRow[]>;

interface ListState {
  /** `listKey` + refresh version of the data held. */
  key: string;
  list: string;
  total: number;
  pages: Pages;
  /** Pages of the previous load of the same list, shown until replaced. */
  stale: Pages;
}

export interface ProjectPages {
  /** Null until the first page has arrived. */
  total: number | null;
  rowAt: (index: number) => ProjectRow | undefined;
  /** Asks for the pages holding rows `first..=last`. */
  ensureRange: (first: number, last: number) => void;
  /** The list is being replaced (new filters/sort) and shows the previous rows meanwhile. */
  loading: boolean;
  error: ApiFailure | null;
  retry: () => void;
}

export function useProjectPages(filters: ProjectFilters, sort: SortState, version: number): ProjectPages {
  const list = listKey(filters, sort);
  const key = `${list}#${version}`;
  const [state, setState] = useState<ListState | null>(() => {
    const page = takeSettledFirstPage(buildQuery(filters, sort, 0, localToday()));
    return page && { key, list, total: page.total, pages: new Map([[0, page.rows]]), stale: new Map() };
  });
  // Set when the first render already held the first page: the first fetch is then not needed.
  const seeded = useRef(state !== null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current = useRef({ key, filters, sort });
  const inflight = useRef(new Set<number>());

  useEffect(() => {
    current.current = { key, filters, sort };
  });

  const fetchPage = useCallback(
    (page: number, forKey: string, f: ProjectFilters, s: SortState, listId: string) => {
      inflight.current.add(page);
      const query = buildQuery(f, s, page * PAGE_SIZE, localToday());
      const early = page === 0 ? takeEarlyFirstPage(query) : null;
      (early ? early.catch(() => api.listProjects(query)) : api.listProjects(query))
        .then((result) => {
          if (current.current.key !== forKey) return;
          setError(null);
          setState((prev) => {
            if (prev && prev.key === forKey) {
              const pages = new Map(prev.pages).set(page, result.rows);
              return { ...prev, total: result.total, pages };
            }
            const stale = prev && prev.list === listId ? new Map([...prev.stale, ...prev.pages]) : new Map();
            return { key: forKey, list: listId, total: result.total, pages: new Map([[page, result.rows]]), stale };
          });
        })
        .catch((e: unknown) => {
          if (current.current.key === forKey) setError(ApiFailure.from(e));
        })
        .finally(() => {
          if (current.current.key === forKey) inflight.current.delete(page);
        });
    },
    [],
  );

  // A new list (or a refresh): start over with its first page.
  useEffect(() => {
    inflight.current = new Set();
    if (seeded.current) {
      seeded.current = false;
      return;
    }
    fetchPage(0, key, filters, sort, list);
    // filters/sort are captured through `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt, fetchPage]);

  const ready = state !== null && state.key === key;

  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (!state || state.key !== current.current.key) return;
      const wanted = pagesForRange(first, last, PAGE_SIZE, state.total);
      const { filters: f, sort: s } = current.current;
      for (const page of missingPages(wanted, state.pages, inflight.current)) fetchPage(page, state.key, f, s, state.list);
    },
    [state, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => (state ? (pageRow(state.pages, index, PAGE_SIZE) ?? pageRow(state.stale, index, PAGE_SIZE)) : undefined),
    [state],
  );

  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { total: state?.total ?? null, rowAt, ensureRange, loading: !ready, error, retry };
}
