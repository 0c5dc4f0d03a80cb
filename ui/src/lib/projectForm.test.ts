import { blankInput, changedFields, forSave, isDirty, toInput, withField } from "./projectForm";

describe("project form data", () => {
  it("starts new projects at stage 00.00 with nothing chosen", () => {
    const input = blankInput();
    expect(input.stage).toBe("00.00");
    expect(input.committee_id).toBeNull();
    expect(isDirty(input, blankInput())).toBe(false);
  });

  it("drops the id of a stored project", () => {
    const project = { id: "p1", ...blankInput(), reference: "ISO 1" };
    const input = toInput(project);
    expect(input).not.toHaveProperty("id");
    expect(input.reference).toBe("ISO 1");
  });

  it("tracks which fields changed and is clean again when a change is undone", () => {
    const base = blankInput();
    let form = withField(base, "reference", "ISO/CD 21384-5");
    form = withField(form, "track_months", "36");
    expect(changedFields(form, base)).toEqual(["reference", "track_months"]);
    form = withField(withField(form, "reference", ""), "track_months", "");
    expect(isDirty(form, base)).toBe(false);
  });

  it("turns empty pickers and dates into null and tracks into numbers", () => {
    let form = withField(blankInput(), "committee_id", "c1");
    expect(form.committee_id).toBe("c1");
    form = withField(form, "committee_id", "");
    expect(form.committee_id).toBeNull();
    expect(withField(form, "start_date", "").start_date).toBeNull();
    expect(withField(form, "track_months", "48").track_months).toBe(48);
  });

  it("trims single-line fields before saving but keeps multi-line text", () => {
    const form = { ...blankInput(), reference: "  T/SZS 12-2026 ", title_zh: " 智慧灯杆 ", scope: "  indented\n" };
    const saved = forSave(form);
    expect(saved.reference).toBe("T/SZS 12-2026");
    expect(saved.title_zh).toBe("智慧灯杆");
    expect(saved.scope).toBe("  indented\n");
  });

  it("keeps the deliverable in step with the tier", () => {
    let form = withField(blankInput(), "tier", "local");
    expect(form.deliverable).toBe("DB");
    form = withField(form, "deliverable", "DB/T");
    expect(withField(form, "tier", "local").deliverable).toBe("DB/T");
    expect(withField(form, "tier", "group").deliverable).toBe("T");
    expect(withField({ ...blankInput(), deliverable: "TR" }, "tier", "regional").deliverable).toBe("TR");
  });
});
