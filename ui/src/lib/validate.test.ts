import { blankInput } from "./projectForm";
import { hasErrors, validateProject } from "./validate";

const valid = { ...blankInput(), reference: "ISO/CD 21384-5", title_en: "Unmanned aircraft systems" };

describe("validateProject", () => {
  it("accepts a complete project", () => {
    expect(validateProject(valid)).toEqual({});
    expect(hasErrors(validateProject(valid))).toBe(false);
  });

  it("requires a reference", () => {
    expect(validateProject({ ...valid, reference: "   " })).toEqual({ reference: "required" });
  });

  it("needs at least one title, in either language", () => {
    expect(validateProject({ ...valid, title_en: "" })).toEqual({ title_en: "titleRequired", title_zh: "titleRequired" });
    expect(validateProject({ ...valid, title_en: "", title_zh: "无人机系统" })).toEqual({});
  });

  it("refuses a limit date before the start date", () => {
    const input = { ...valid, start_date: "2026-05-01", limit_date: "2026-04-30" };
    expect(validateProject(input)).toEqual({ limit_date: "limitBeforeStart" });
    expect(validateProject({ ...input, limit_date: "2026-05-01" })).toEqual({});
  });

  it("refuses a target date before the start date", () => {
    expect(validateProject({ ...valid, start_date: "2026-05-01", target_date: "2026-01-01" })).toEqual({ target_date: "targetBeforeStart" });
  });

  it("refuses a deliverable the tier cannot produce", () => {
    expect(validateProject({ ...valid, tier: "local", reference: "DB4403/T 1-2026", deliverable: "IS" })).toEqual({ deliverable: "deliverableTier" });
    expect(validateProject({ ...valid, tier: "local", reference: "DB4403/T 1-2026", deliverable: "DB/T" })).toEqual({});
  });

  it("refuses dates that are not YYYY-MM-DD calendar dates", () => {
    expect(validateProject({ ...valid, target_date: "2026-02-30" })).toEqual({ target_date: "date" });
  });

  it("allows only the 18, 24, 36 and 48 month tracks", () => {
    expect(validateProject({ ...valid, track_months: 30 })).toEqual({ track_months: "track" });
    expect(validateProject({ ...valid, track_months: 48 })).toEqual({});
  });

  it("checks the stage against the catalog when given", () => {
    expect(validateProject({ ...valid, stage: "35.00" }, ["00.00", "30.20"])).toEqual({ stage: "stage" });
  });
});
