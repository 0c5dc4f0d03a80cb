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

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  useEffect(() => {
    let live = true;
    void applyLanguage(pickLanguage(null, navigator.language));
    const requests = takeReferenceRequests();
    requests.info
      .then((appInfo) => {
        if (!live) return;
        setInfo(appInfo);
        void applyLanguage(pickLanguage(appInfo.language, navigator.language));
      })
      .catch((e: unknown) => live && setFailure(ApiFailure.from(e)));
    requests.catalog
      .then(([catalog, lookups]) => {
        performance.mark("normdesk:reference");
        if (live) setLoaded({ catalog, lookups });
      })
      .catch((e: unknown) => live && setFailure(ApiFailure.from(e)));
    return () => {
      live = false;
    };
  }, []);

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
