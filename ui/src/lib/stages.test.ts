import { catalog } from "../test/catalog";
import {
  groupLabel,
  groupOf,
  newestFirst,
  nextStageCode,
  shortStageName,
  stageName,
  stageSections,
  usesCnProcess,
} from "./stages";

describe("stage helpers", () => {
  it("finds the group of a code", () => {
    expect(groupOf("30.20")).toBe("30");
    expect(groupOf("95.99")).toBe("95");
  });

  it("names a code in the UI language and keeps unknown codes visible", () => {
    expect(stageName(catalog, "40.20", "en")).toBe("DIS ballot started");
    expect(stageName(catalog, "40.20", "zh-CN")).toBe("国际标准草案投票开始");
    expect(stageName(catalog, "77.77", "en")).toBe("77.77");
  });

  it.each([
    ["national", true],
    ["local", true],
    ["group", true],
    ["international", false],
    ["enterprise", false],
    ["sector", false],
  ] as const)("tier %s uses the Chinese process: %s", (tier, cn) => {
    expect(usesCnProcess(tier)).toBe(cn);
  });

  it("gives Chinese-tier projects the Chinese process name in a Chinese UI", () => {
    expect(shortStageName(catalog, "30.20", "local", "zh-CN")).toBe("征求意见");
    expect(shortStageName(catalog, "30.20", "international", "zh-CN")).toBe("委员会阶段");
    expect(shortStageName(catalog, "30.20", "local", "en")).toBe("Committee");
  });

  it("labels groups with the process name only for Chinese tiers", () => {
    const enquiry = catalog.groups[4];
    expect(groupLabel(enquiry, "group", "en")).toBe("40 Enquiry · 审查");
    expect(groupLabel(enquiry, "international", "en")).toBe("40 Enquiry");
  });

  it("groups all 46 codes into 9 sections in order", () => {
    const sections = stageSections(catalog);
    expect(sections.map((s) => s.group.group)).toEqual(["00", "10", "20", "30", "40", "50", "60", "90", "95"]);
    expect(sections.flatMap((s) => s.stages).length).toBe(46);
    expect(sections[3].stages.map((s) => s.code)).toEqual(["30.00", "30.20", "30.60", "30.92", "30.98", "30.99"]);
  });

  it("proposes the next code", () => {
    expect(nextStageCode(catalog, "30.20")).toBe("30.60");
    expect(nextStageCode(catalog, "95.99")).toBe("95.99");
  });

  it("orders history newest first, later entry first on the same day", () => {
    const ev = (id: string, date: string) => ({ id, project_id: "p", code: id, date, note: "" });
    const history = [ev("10.00", "2025-01-01"), ev("20.00", "2025-03-01"), ev("20.20", "2025-03-01"), ev("30.00", "2025-06-01")];
    expect(newestFirst(history).map((e) => e.id)).toEqual(["30.00", "20.20", "20.00", "10.00"]);
    expect(history[0].id).toBe("10.00");
  });
});
