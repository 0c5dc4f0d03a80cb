import en from "./en.json";
import zhCN from "./zh-CN.json";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function leaves(tree: object): string[] {
  return Object.values(tree).flatMap((v) => (v !== null && typeof v === "object" ? leaves(v) : [v]));
}

describe("translations", () => {
  it("have the same keys in English and Chinese", () => {
    const a = keys(en).sort();
    const b = keys(zhCN).sort();
    expect(b.filter((k) => !a.includes(k))).toEqual([]);
    expect(a.filter((k) => !b.includes(k))).toEqual([]);
  });

  it("leave no string empty", () => {
    expect(leaves(en).filter((s) => typeof s !== "string" || s.trim() === "")).toEqual([]);
    expect(leaves(zhCN).filter((s) => typeof s !== "string" || s.trim() === "")).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort().join();
    const zh = new Map(keys(zhCN).map((k) => [k, k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zhCN)]));
    const differing = keys(en).filter((k) => {
      const enText = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en) as string;
      return placeholders(enText) !== placeholders(String(zh.get(k) ?? ""));
    });
    expect(differing).toEqual([]);
  });

  it("are really translated (Chinese strings are not the English ones)", () => {
    expect(zhCN.nav.projects).not.toBe(en.nav.projects);
    expect(zhCN.settings.backup).toMatch(/[\u4e00-\u9fff]/);
  });
});
