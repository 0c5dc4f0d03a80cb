// The translation files kept beside the main ones (the registers', the review screen's, the draft editor's): same
// keys and placeholders in both languages, nothing empty, no clash with a key of the main files
// or of each other, and reachable through i18next.

import { i18n } from ".";
import draftsEn from "./drafts.en.json";
import draftsZhCN from "./drafts.zh-CN.json";
import en from "./en.json";
import registersEn from "./registers.en.json";
import registersZhCN from "./registers.zh-CN.json";
import reviewEn from "./review.en.json";
import reviewZhCN from "./review.zh-CN.json";

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "object" ? entries(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, string]]));
}

const files: [string, Tree, Tree][] = [
  ["registers", registersEn as Tree, registersZhCN as Tree],
  ["review", reviewEn as Tree, reviewZhCN as Tree],
  ["drafts", draftsEn as Tree, draftsZhCN as Tree],
];

describe.each(files)("%s translations", (_name, enTree, zhTree) => {
  const enEntries = new Map(entries(enTree));
  const zhEntries = new Map(entries(zhTree));

  it("have the same keys in English and Chinese, none empty", () => {
    expect([...zhEntries.keys()].filter((k) => !enEntries.has(k))).toEqual([]);
    expect([...enEntries.keys()].filter((k) => !zhEntries.has(k))).toEqual([]);
    expect([...enEntries, ...zhEntries].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort().join();
    expect([...enEntries].filter(([k, v]) => placeholders(v) !== placeholders(zhEntries.get(k) ?? "")).map(([k]) => k)).toEqual([]);
  });

  it("never redefine a key of the main files or of another file", () => {
    const others = new Set([en as Tree, ...files.map((f) => f[1]).filter((t) => t !== enTree)].flatMap((t) => entries(t).map(([k]) => k)));
    expect([...enEntries.keys()].filter((k) => others.has(k))).toEqual([]);
  });
});

describe("translations beside the main ones", () => {
  it("reach the UI beside the main strings", async () => {
    await i18n.changeLanguage("zh-CN");
    expect(i18n.t("nav.people")).toBe("人员");
    expect(i18n.t("nav.projects")).not.toBe("nav.projects");
    await i18n.changeLanguage("en");
    expect(i18n.t("enums.role.head_of_delegation")).toBe("Head of delegation");
    expect(i18n.t("review.disposition.accepted_in_principle")).toBe("Accepted in principle");
  });
});
