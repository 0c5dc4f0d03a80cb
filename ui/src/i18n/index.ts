// i18next set up with both bundled languages (nothing is fetched), and applying a language to the
// document so the webview picks CJK glyphs and the end-to-end tests can see it.

import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../lib/language";
import draftsEn from "./drafts.en.json";
import draftsZhCN from "./drafts.zh-CN.json";
import en from "./en.json";
import registersEn from "./registers.en.json";
import registersZhCN from "./registers.zh-CN.json";
import reviewEn from "./review.en.json";
import reviewZhCN from "./review.zh-CN.json";
import zhCN from "./zh-CN.json";

/** The registers' and the review screen's strings live in their own files; their sections join the main ones (e.g. `nav`). */
function withSections<A extends object, B extends object>(base: A, extra: B): A & B {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) {
    const mine = out[key];
    out[key] = mine && typeof mine === "object" ? { ...mine, ...value } : value;
  }
  return out as A & B;
}

export const resources = {
  en: { translation: withSections(withSections(withSections(en, registersEn), reviewEn), draftsEn) },
  "zh-CN": { translation: withSections(withSections(withSections(zhCN, registersZhCN), reviewZhCN), draftsZhCN) },
} as const;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: "en",
  fallbackLng: "en",
  supportedLngs: ["en", "zh-CN"],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

/** Switches the UI language and marks the document with it. */
export async function applyLanguage(language: Language): Promise<void> {
  // Changing to the same language would still re-render every translated component.
  if (i18n.language !== language) await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.body.dataset.lang = language;
}
