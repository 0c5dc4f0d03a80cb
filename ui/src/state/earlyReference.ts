// The reference data every screen waits for (app info, the stage catalog, the pickers' lookups),
// asked for as soon as the code loads, alongside the first list page, instead of from the
// provider's first effect: the window shows its first screen that much earlier.

import { api, type AppInfo, type Lookups, type StageCatalog } from "../platform/api";

export interface ReferenceRequests {
  info: Promise<AppInfo>;
  catalog: Promise<[StageCatalog, Lookups]>;
}

let early: ReferenceRequests | null = null;

function ask(): ReferenceRequests {
  return { info: api.appInfo(), catalog: Promise.all([api.stages(), api.lookups()]) };
}

/** Starts the requests (called once, from main.tsx). */
export function startEarlyReference(): void {
  const requests = ask();
  // Failures are reported by the provider that takes these promises.
  requests.info.catch(() => {});
  requests.catalog.catch(() => {});
  early = requests;
}

/** The early requests, handed out once; later callers (a remount, the tests) ask afresh. */
export function takeReferenceRequests(): ReferenceRequests {
  const taken = early ?? ask();
  early = null;
  return taken;
}
