// Which pages of a long list a visible row range needs, reading rows out of cached pages, and
// the rows a virtual list shows.

/** Page indexes covering rows `first..=last`, clipped to `total` rows. */
export function pagesForRange(first: number, last: number, pageSize: number, total: number): number[] {
  if (total <= 0 || last < first) return [];
  const lo = Math.max(0, Math.floor(first / pageSize));
  const hi = Math.min(Math.floor((total - 1) / pageSize), Math.floor(last / pageSize));
  const pages: number[] = [];
  for (let p = lo; p <= hi; p++) pages.push(p);
  return pages;
}

/** Pages of the range that are neither cached nor already being fetched. */
export function missingPages(
  wanted: readonly number[],
  cached: ReadonlyMap<number, unknown>,
  inflight: ReadonlySet<number>,
): number[] {
  return wanted.filter((p) => !cached.has(p) && !inflight.has(p));
}

/** The row at list index `index`, or undefined while its page is not loaded. */
export function rowAt<T>(pages: ReadonlyMap<number, readonly T[]>, index: number, pageSize: number): T | undefined {
  return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}

/** The rows a virtual list shows: how many, the one at an index (undefined while its page loads). */
export interface RowSource<T> {
  total: number | null;
  rowAt: (index: number) => T | undefined;
  ensureRange?: (first: number, last: number) => void;
}

/** Rows held in memory (`null` while they load) as a source. */
export function arraySource<T>(rows: readonly T[] | null): RowSource<T> {
  return { total: rows ? rows.length : null, rowAt: (i) => rows?.[i] };
}
