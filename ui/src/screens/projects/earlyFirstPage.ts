// The first page of the projects list, asked for as soon as the code loads: the app opens on the
// projects register, and this request then runs alongside the reference data the window waits for
// instead of after it. Once it has arrived the list takes it in its first render, so the first
// frame painted already shows rows.

import { localToday } from "../../lib/dates";
import { buildQuery, DEFAULT_SORT, NO_FILTERS, type FullQuery } from "../../lib/projectQuery";
import { api, type ProjectPage } from "../../platform/api";

let early: { key: string; page: Promise<ProjectPage>; settled?: ProjectPage } | null = null;

/** Starts fetching the default list's first page (called once, from main.tsx). */
export function startEarlyFirstPage(): void {
  const query = buildQuery(NO_FILTERS, DEFAULT_SORT, 0, localToday());
  const page = api.listProjects(query);
  // A failure is reported by the list's own request, which is made again when this one fails.
  const request: NonNullable<typeof early> = { key: JSON.stringify(query), page };
  page
    .then((result) => {
      request.settled = result;
      performance.mark("normdesk:first-page");
    })
    .catch(() => {});
  early = request;
}

/** The early page itself if it has already arrived for exactly `query` (handed out once): the list
 *  then renders its rows in its very first render, so the first frame painted shows them. */
export function takeSettledFirstPage(query: FullQuery): ProjectPage | null {
  const settled = early !== null && early.key === JSON.stringify(query) ? (early.settled ?? null) : null;
  if (settled) early = null;
  return settled;
}

/** The early request if it asked exactly for `query`; it is handed out once. */
export function takeEarlyFirstPage(query: FullQuery): Promise<ProjectPage> | null {
  const taken = early !== null && early.key === JSON.stringify(query) ? early.page : null;
  early = null;
  return taken;
}
