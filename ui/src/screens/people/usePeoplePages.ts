// The people directory's data: pages of 100 fetched by offset as the list scrolls (the same
// arithmetic as the projects list), restarted when the search or the version changes.

import { useCallback, useEffect, useRef, useState } from "react";
import { missingPages, pagesForRange, rowAt as pageRow } from "../../lib/pages";
import { registersApi, type PersonRow } from "../../platform/registers";

const PAGE = 100;

export interface PeoplePages {
  total: number | null;
  rowAt: (index: number) => PersonRow | undefined;
  ensureRange: (first: number, last: number) => void;
}

export function usePeoplePages(search: string, version: number): PeoplePages {
  const key = `${search}#${version}`;
  const [state, setState] = useState<{ key: string; total: number; pages: ReadonlyMap<number, readonly PersonRow[]> } | null>(null);
  const current = useRef(key);
  const inflight = useRef(new Set<number>());

  const fetchPage = useCallback((page: number, forKey: string, text: string) => {
    inflight.current.add(page);
    registersApi
      .listPeople({ search: text, organisation_id: null, offset: page * PAGE, limit: PAGE, today: null })
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
    fetchPage(0, key, search);
  }, [key, search, fetchPage]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (!state || state.key !== current.current) return;
      for (const page of missingPages(pagesForRange(first, last, PAGE, state.total), state.pages, inflight.current)) fetchPage(page, state.key, search);
    },
    [state, search, fetchPage],
  );

  const rowAt = useCallback((index: number) => (state ? pageRow(state.pages, index, PAGE) : undefined), [state]);
  return { total: state?.total ?? null, rowAt, ensureRange };
}
