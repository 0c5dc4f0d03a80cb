import type { PreflightItem } from "../bindings";
import { canMake, counts, defaultKind, fixTarget, isLandscape, packetFileName, preflightText, progressPercent } from "./packets";

const project = { kind: "project", id: "p1" };

function item(over: Partial<PreflightItem>): PreflightItem {
  return {
    severity: "error",
    record: project,
    field: "scope",
    key: "packet.preflight.no_scope",
    args: [],
    message: "the project has no scope (Form 4, item 2)",
    ...over,
  };
}

describe("pre-flight items", () => {
  const t = (key: string, options?: Record<string, unknown>) =>
    key === "packets.preflight.few_experts" ? `only ${String(options?.count)} of ${String(options?.min)}` : String(options?.defaultValue);

  it("are shown in the UI's language with their arguments, else in the core's words", () => {
    const few = item({ key: "packet.preflight.few_experts", args: [{ name: "count", value: "2" }, { name: "min", value: "5" }] });
    expect(preflightText(t, few)).toBe("only 2 of 5");
    expect(preflightText(t, item({}))).toBe("the project has no scope (Form 4, item 2)");
  });

  it("are fixed on the record they name, at their field", () => {
    const table: [PreflightItem, ReturnType<typeof fixTarget>][] = [
      [item({}), { kind: "project", id: "p1", field: "scope" }],
      [item({ record: { kind: "committee", id: "c1" }, field: "members" }), { kind: "committee", id: "c1", field: "members" }],
      [item({ record: { kind: "person", id: "u1" }, field: "email" }), { kind: "person", id: "u1", field: "email" }],
      // The app has no screen for a draft: its project opens.
      [item({ record: { kind: "draft", id: "d1" }, field: "body" }), { kind: "project", id: "p1", field: "" }],
    ];
    for (const [i, target] of table) expect(fixTarget(i, project)).toEqual(target);
  });

  it("block the packet only when one is an error", () => {
    const warning = item({ severity: "warning", key: "packet.preflight.no_track" });
    expect(counts([item({}), warning, warning])).toEqual({ errors: 1, warnings: 2 });
    expect(canMake([item({}), warning])).toBe(false);
    expect(canMake([warning])).toBe(true);
    expect(canMake([])).toBe(true);
  });
});

describe("file name", () => {
  it.each([
    ["ISO/CD 21384-5 — Draft for circulation", "ISO-CD 21384-5 — Draft for circulation.pdf"],
    ["T/CAS 290-2017 — 团体标准立项申请书及编制说明", "T-CAS 290-2017 — 团体标准立项申请书及编制说明.pdf"],
    ['Liaison statement — a: "b" <c>?', "Liaison statement — a- -b- -c--.pdf"],
    ["..hidden", "hidden.pdf"],
    ["  ", "packet.pdf"],
  ])("%s → %s", (title, name) => expect(packetFileName(title)).toBe(name));
});

describe("progress", () => {
  it("grows through the phases and the pages", () => {
    const seen = [
      progressPercent({ phase: "assemble", step: 0, steps: 1 }),
      progressPercent({ phase: "layout", step: 0, steps: 1 }),
      progressPercent({ phase: "export", step: 0, steps: 4 }),
      progressPercent({ phase: "export", step: 2, steps: 4 }),
      progressPercent({ phase: "save", step: 0, steps: 1 }),
    ];
    expect(seen).toEqual([0, 10, 60, 78, 95]);
  });
});

describe("kinds and pages", () => {
  it("keep the previous kind when it still applies, else take the first", () => {
    expect(defaultKind(["nwip", "draft", "comments"], "draft")).toBe("draft");
    expect(defaultKind(["liaison"], "draft")).toBe("liaison");
    expect(defaultKind([], null)).toBeNull();
  });

  it("print landscape when the pages are wider than tall", () => {
    expect(isLandscape([{ width_pt: 841.89, height_pt: 595.28 }])).toBe(true);
    expect(isLandscape([{ width_pt: 595.28, height_pt: 841.89 }])).toBe(false);
    expect(isLandscape([])).toBe(false);
  });
});
