// i18next set up with both bundled languages (nothing is fetched), and applying a language to the
// document so the webview picks CJK glyphs and the end-to-end tests can see it.

import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../lib/language";
import en from "./en.json";
import zhCN from "./zh-CN.json";

export const resources = {
  en: { translation: en },
  "zh-CN": { translation: zhCN },
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
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.body.dataset.lang = language;
}
