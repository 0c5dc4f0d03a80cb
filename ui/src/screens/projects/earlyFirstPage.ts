// The first page of the projects list, asked for as soon as the code loads: the app opens on the
// projects register, and this request then runs alongside the reference data the window waits for
// instead of after it, so the list paints one IPC round trip earlier at start.

import { localToday } from "../../lib/dates";
import { buildQuery, DEFAULT_SORT, NO_FILTERS, type FullQuery } from "../../lib/projectQuery";
import { api, type ProjectPage } from "../../platform/api";

let early: { key: string; page: Promise<ProjectPage> } | null = null;

/** Starts fetching the default list's first page (called once, from main.tsx). */
export function startEarlyFirstPage(): void {
  const query = buildQuery(NO_FILTERS, DEFAULT_SORT, 0, localToday());
  const page = api.listProjects(query);
  // A failure is reported by the list's own request, which is made again when this one fails.
  page.catch(() => {});
  early = { key: JSON.stringify(query), page };
}

/** The early request if it asked exactly for `query`; it is handed out once. */
export function takeEarlyFirstPage(query: FullQuery): Promise<ProjectPage> | null {
  const taken = early !== null && early.key === JSON.stringify(query) ? early.page : null;
  early = null;
  return taken;
}
