import { isChinese, normaliseLanguage, pickLanguage } from "./language";

describe("language choice", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["zh", "zh-CN"],
    ["ZH-hans-CN", "zh-CN"],
    ["en-US", "en"],
    ["de-DE", "en"],
    [undefined, "en"],
  ])("system %s → %s", (system, expected) => {
    expect(normaliseLanguage(system)).toBe(expected);
  });

  it("a saved language beats the system language", () => {
    expect(pickLanguage("en", "zh-CN")).toBe("en");
    expect(pickLanguage("zh-CN", "en-GB")).toBe("zh-CN");
  });

  it("ignores a saved value it does not know and follows the system", () => {
    expect(pickLanguage("fr", "zh-HK")).toBe("zh-CN");
    expect(pickLanguage(null, "en-US")).toBe("en");
  });

  it("knows Chinese tags", () => {
    expect(isChinese("zh-CN")).toBe(true);
    expect(isChinese("en")).toBe(false);
  });
});
