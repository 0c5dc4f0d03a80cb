// Which UI language to use: the saved choice if there is one, else the system's.

export type Language = "zh-CN" | "en";

export const LANGUAGES: readonly Language[] = ["zh-CN", "en"];

/** Maps any BCP 47 tag to a supported language: every Chinese variant → zh-CN, else English. */
export function normaliseLanguage(tag: string | null | undefined): Language {
  return tag && tag.trim().toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

/** The saved language (AppInfo.language) wins; on first start the system language decides. */
export function pickLanguage(saved: string | null | undefined, system: string | null | undefined): Language {
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return normaliseLanguage(system);
}

export function isChinese(language: string): boolean {
  return language.toLowerCase().startsWith("zh");
}
