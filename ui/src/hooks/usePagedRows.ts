// A long register list's data: pages of 100 fetched by offset as the list scrolls (the same
// arithmetic as the projects list), restarted whenever `key` (the query and a version) changes.

import { useCallback, useEffect, useRef, useState } from "react";
import { missingPages, pagesForRange, rowAt as pageRow, type RowSource } from "../lib/pages";

export const PAGE = 100;

/** One page of rows and how many rows the query has in all. */
export type FetchPage<T> = (offset: number, limit: number) => Promise<{ total: number; rows: readonly T[] }>;

/** `fetch` must stay the same while `key` does (it is read when a page is needed). */
export function usePagedRows<T>(key: string, fetch: FetchPage<T>): Required<RowSource<T>> {
  const [state, setState] = useState<{ key: string; total: number; pages: ReadonlyMap<number, readonly T[]> } | null>(null);
  const current = useRef(key);
  const inflight = useRef(new Set<number>());
  const latestFetch = useRef(fetch);
  useEffect(() => {
    latestFetch.current = fetch;
  });

  const fetchPage = useCallback((page: number, forKey: string) => {
    inflight.current.add(page);
    latestFetch
      .current(page * PAGE, PAGE)
      .then((r) => {
        if (current.current !== forKey) return;
        setState((prev) => ({
          key: forKey,
          total: r.total,
          pages: new Map(prev && prev.key === forKey ? prev.pages : []).set(page, r.rows),
        }));
      })
      .catch(() => {})
      .finally(() => inflight.current.delete(page));
  }, []);

  useEffect(() => {
    current.current = key;
    inflight.current = new Set();
    fetchPage(0, key);
  }, [key, fetchPage]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (!state || state.key !== current.current) return;
      for (const page of missingPages(pagesForRange(first, last, PAGE, state.total), state.pages, inflight.current)) fetchPage(page, state.key);
    },
    [state, fetchPage],
  );

  const rowAt = useCallback((index: number) => (state ? pageRow(state.pages, index, PAGE) : undefined), [state]);
  return { total: state?.total ?? null, rowAt, ensureRange };
}
