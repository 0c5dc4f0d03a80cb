// Renders a piece of the UI inside the app's providers, with reference data from the fixtures.

import { render } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { NoticeArea } from "../components/NoticeArea";
import { i18n } from "../i18n";
import type { AppInfo } from "../platform/api";
import { NoticeProvider } from "../state/NoticeProvider";
import { ReferenceContext } from "../state/reference";
import { UnsavedGuardProvider } from "../state/UnsavedGuardProvider";
import { catalog } from "./catalog";
import { info as defaultInfo, lookups } from "./fixtures";

export function Providers({ children, info = defaultInfo }: { children: ReactNode; info?: AppInfo }) {
  return (
    <I18nextProvider i18n={i18n}>
      <NoticeProvider>
        <ReferenceContext.Provider value={{ info, catalog, lookups, setInfo: () => {}, reloadLookups: () => {} }}>
          <UnsavedGuardProvider>
            <NoticeArea />
            {children}
          </UnsavedGuardProvider>
        </ReferenceContext.Provider>
      </NoticeProvider>
    </I18nextProvider>
  );
}

export function renderWithApp(ui: ReactElement) {
  return render(<Providers>{ui}</Providers>);
}

/** jsdom lays nothing out; give scrollers a viewport so the virtual list renders rows. */
export function fakeViewport(height = 340, width = 1000) {
  const proto = HTMLElement.prototype;
  const saved = {
    h: Object.getOwnPropertyDescriptor(proto, "clientHeight"),
    w: Object.getOwnPropertyDescriptor(proto, "clientWidth"),
  };
  Object.defineProperty(proto, "clientHeight", { configurable: true, get: () => height });
  Object.defineProperty(proto, "clientWidth", { configurable: true, get: () => width });
  return () => {
    if (saved.h) Object.defineProperty(proto, "clientHeight", saved.h);
    if (saved.w) Object.defineProperty(proto, "clientWidth", saved.w);
  };
}
