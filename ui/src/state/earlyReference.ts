// The reference data every screen waits for (app info, the stage catalog, the pickers' lookups),
// asked for as soon as the page starts (main.tsx), before React and the app are evaluated. When
// the answers are in by the first render, the provider takes them there: the window's first
// frame is then already the screen, not a loading notice.

import { api, type AppInfo, type Lookups, type StageCatalog } from "../platform/api";

export interface ReferenceRequests {
  info: Promise<AppInfo>;
  catalog: Promise<[StageCatalog, Lookups]>;
  /** The answers that have already arrived. */
  settled: { info?: AppInfo; catalog?: [StageCatalog, Lookups] };
}

let early: ReferenceRequests | null = null;

function ask(): ReferenceRequests {
  const requests: ReferenceRequests = {
    info: api.appInfo(),
    catalog: Promise.all([api.stages(), api.lookups()]),
    settled: {},
  };
  // Failures are reported by the provider that takes these promises.
  requests.info.then((info) => (requests.settled.info = info)).catch(() => {});
  requests.catalog
    .then((catalog) => {
      requests.settled.catalog = catalog;
      performance.mark("normdesk:reference");
    })
    .catch(() => {});
  return requests;
}

/** Starts the requests (called once, from main.tsx). */
export function startEarlyReference(): void {
  early = ask();
}

/** The early requests, handed out once; later callers (a remount, the tests) ask afresh. */
export function takeReferenceRequests(): ReferenceRequests {
  const taken = early ?? ask();
  early = null;
  return taken;
}
