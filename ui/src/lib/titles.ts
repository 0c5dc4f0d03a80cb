// Bilingual titles: show the one in the UI language, fall back to the other, and say so.

import { isChinese } from "./language";

export interface Titled {
  title_en: string;
  title_zh: string;
}

export interface DisplayTitle {
  text: string;
  /** The title is in the other language because the UI language's one is empty. */
  fallback: boolean;
  /** BCP 47 tag of the text, for the `lang` attribute (CJK glyph choice). */
  lang: "zh-CN" | "en";
}

export function displayTitle(record: Titled, language: string): DisplayTitle {
  const zhFirst = isChinese(language);
  const en = record.title_en.trim();
  const zh = record.title_zh.trim();
  const [primary, other] = zhFirst ? [zh, en] : [en, zh];
  const primaryLang = zhFirst ? "zh-CN" : "en";
  const otherLang = zhFirst ? "en" : "zh-CN";
  if (primary) return { text: primary, fallback: false, lang: primaryLang };
  return { text: other, fallback: other !== "", lang: otherLang };
}
