// Entry point: styles, translations, then the app. The first screen's data has been asked for
// already, by early.ts.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { App } from "./App";
import { i18n } from "./i18n";
import "./styles/base.css";
import "./styles/app.css";

// Phases of the start, read by the startup benchmark (tests/bench/startup.mjs).
performance.mark("normdesk:modules");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
