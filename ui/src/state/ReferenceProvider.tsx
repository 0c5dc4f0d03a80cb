// Loads what every screen needs before the first paint of a screen: app info (and with it the saved
// language), the stage catalog and the pickers' lookups (asked for early: earlyReference.ts). A
// failure here is shown in full, since nothing else can work (for example a database written by a
// newer Normdesk).

import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { applyLanguage } from "../i18n";
import { pickLanguage } from "../lib/language";
import { api, ApiFailure, type AppInfo, type Lookups, type StageCatalog } from "../platform/api";
import { takeReferenceRequests } from "./earlyReference";
import { useNotices } from "./notices";
import { ReferenceContext } from "./reference";
import { describeFailure } from "../lib/errors";

interface Loaded {
  catalog: StageCatalog;
  lookups: Lookups;
}

function loadedOf(answer: [StageCatalog, Lookups] | undefined): Loaded | null {
  return answer ? { catalog: answer[0], lookups: answer[1] } : null;
}

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  // Taken once; what has already arrived is used in the first render. The language is the saved
  // one when the app info is in by then, otherwise the system's until it arrives.
  const [requests] = useState(() => {
    const taken = takeReferenceRequests();
    void applyLanguage(pickLanguage(taken.settled.info?.language ?? null, navigator.language));
    return taken;
  });
  const [info, setInfo] = useState<AppInfo | null>(() => requests.settled.info ?? null);
  const [loaded, setLoaded] = useState<Loaded | null>(() => loadedOf(requests.settled.catalog));
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  useEffect(() => {
    let live = true;
    requests.info
      .then((appInfo) => {
        if (!live) return;
        setInfo(appInfo);
        void applyLanguage(pickLanguage(appInfo.language, navigator.language));
      })
      .catch((e: unknown) => live && setFailure(ApiFailure.from(e)));
    requests.catalog
      .then((catalog) => {
        if (live) setLoaded((l) => l ?? loadedOf(catalog));
      })
      .catch((e: unknown) => live && setFailure(ApiFailure.from(e)));
    return () => {
      live = false;
    };
  }, [requests]);

  const reloadLookups = useCallback(() => {
    api
      .lookups()
      .then((lookups) => setLoaded((l) => (l ? { ...l, lookups } : l)))
      .catch((e: unknown) => notify("error", describeFailure(t, t("errors.actions.load"), e)));
  }, [notify, t]);

  const value = useMemo(
    () => (loaded ? { info, catalog: loaded.catalog, lookups: loaded.lookups, setInfo, reloadLookups } : null),
    [info, loaded, reloadLookups],
  );

  if (failure) {
    return (
      <div className="startup startup-failed" role="alert" data-testid="startup-error">
        <h1>{t("startup.failed")}</h1>
        <p>{failure.message}</p>
      </div>
    );
  }
  if (!value) {
    return (
      <div className="startup" aria-busy="true">
        <p className="startup-loading">{t("startup.loading")}</p>
      </div>
    );
  }
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}
