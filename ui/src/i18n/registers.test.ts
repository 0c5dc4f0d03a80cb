// The registers' own translation files: same keys and placeholders in both languages, nothing
// empty, no clash with a key of the main files, and reachable through i18next.

import { i18n } from ".";
import en from "./en.json";
import registersEn from "./registers.en.json";
import registersZhCN from "./registers.zh-CN.json";

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "object" ? entries(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, string]]));
}

const enEntries = new Map(entries(registersEn as Tree));
const zhEntries = new Map(entries(registersZhCN as Tree));

describe("register translations", () => {
  it("have the same keys in English and Chinese, none empty", () => {
    expect([...zhEntries.keys()].filter((k) => !enEntries.has(k))).toEqual([]);
    expect([...enEntries.keys()].filter((k) => !zhEntries.has(k))).toEqual([]);
    expect([...enEntries, ...zhEntries].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort().join();
    expect([...enEntries].filter(([k, v]) => placeholders(v) !== placeholders(zhEntries.get(k) ?? "")).map(([k]) => k)).toEqual([]);
  });

  it("never redefine a key of the main files", () => {
    const main = new Set(entries(en as Tree).map(([k]) => k));
    expect([...enEntries.keys()].filter((k) => main.has(k))).toEqual([]);
  });

  it("reach the UI beside the main strings", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(i18n.t("nav.people")).toBe("人员");
    expect(i18n.t("nav.projects")).not.toBe("nav.projects");
    await i18n.changeLanguage("en");
    expect(i18n.t("enums.role.head_of_delegation")).toBe("Head of delegation");
  });
});
