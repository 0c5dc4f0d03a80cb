import {
  baseName,
  exchangeCounts,
  percent,
  planChangesSomething,
  planTotals,
  sortPlan,
  valueText,
  whenText,
} from "./sync";

const words = { empty: "(empty)", yes: "yes", no: "no" };
const plan = (kind: string, n: Partial<Record<"new" | "changed" | "conflicting" | "deleted" | "unchanged", number>>) => ({
  kind,
  new: 0,
  changed: 0,
  conflicting: 0,
  deleted: 0,
  unchanged: 0,
  ...n,
});

describe("sync helpers", () => {
  it("turn progress into a percentage, or null when the total is unknown", () => {
    expect(percent({ done: 50, total: 200 })).toBe(25);
    expect(percent({ done: 200, total: 200 })).toBe(100);
    expect(percent({ done: 300, total: 200 })).toBe(100);
    expect(percent({ done: 5, total: 0 })).toBeNull();
    expect(percent(null)).toBeNull();
  });

  it("sum a plan per column and tell whether it changes anything", () => {
    const kinds = [plan("project", { new: 2, conflicting: 1, unchanged: 40 }), plan("person", { changed: 3, deleted: 1 })];
    expect(planTotals(kinds)).toEqual({ new: 2, changed: 3, conflicting: 1, deleted: 1, unchanged: 40 });
    expect(planChangesSomething(kinds)).toBe(true);
    expect(planChangesSomething([plan("project", { unchanged: 9 })])).toBe(false);
    expect(planChangesSomething([])).toBe(false);
  });

  it("list the kinds something happens to first", () => {
    const sorted = sortPlan([plan("committee", { unchanged: 9 }), plan("person", { new: 1 }), plan("project", { changed: 5 }), plan("body", {})]);
    expect(sorted.map((k) => k.kind)).toEqual(["project", "person", "body", "committee"]);
  });

  it("show conflict values as a person reads them", () => {
    expect(valueText("Unmanned aircraft 无人机", words)).toBe("Unmanned aircraft 无人机");
    expect(valueText(null, words)).toBe("(empty)");
    expect(valueText("", words)).toBe("(empty)");
    expect(valueText(true, words)).toBe("yes");
    expect(valueText(false, words)).toBe("no");
    expect(valueText(24, words)).toBe("24");
    expect(valueText(["a"], words)).toBe('["a"]');
  });

  it("write a stamp in local time and leave what does not parse", () => {
    const local = new Date(2026, 10, 27, 9, 5);
    expect(whenText(local.toISOString())).toBe("2026-11-27 09:05");
    expect(whenText("not a date")).toBe("not a date");
    expect(whenText("")).toBe("");
  });

  it("read the counts of an import and an export", () => {
    const imported = (already: boolean) => ({
      already_imported: already,
      new_conflicts: 2,
      changes: { total: 120, applied: 100, released: 1 },
    });
    expect(exchangeCounts({ direction: "import", imported: imported(false), exported: null })).toEqual({
      changes: 120,
      applied: 101,
      conflicts: 2,
      alreadyImported: false,
    });
    expect(exchangeCounts({ direction: "import", imported: imported(true), exported: null }).alreadyImported).toBe(true);
    expect(exchangeCounts({ direction: "export", imported: null, exported: { changes: 336 } })).toEqual({
      changes: 336,
      applied: null,
      conflicts: null,
      alreadyImported: false,
    });
    expect(exchangeCounts({ direction: "import", imported: null, exported: null }).changes).toBe(0);
    expect(exchangeCounts({ direction: "export", imported: null, exported: null }).changes).toBe(0);
  });

  it("name a chosen file by its last path segment", () => {
    expect(baseName("/media/usb/2026-11-27-1030-LiMing-full.ndbundle")).toBe("2026-11-27-1030-LiMing-full.ndbundle");
    expect(baseName("C:\\Users\\li\\a.ndbundle")).toBe("a.ndbundle");
    expect(baseName("a.ndbundle")).toBe("a.ndbundle");
  });
});
