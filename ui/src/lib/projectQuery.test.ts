import { activeFilterCount, buildQuery, DEFAULT_SORT, listKey, NO_FILTERS, toggleSort } from "./projectQuery";

describe("project list query", () => {
  it("asks for pages of 100 from an offset", () => {
    const q = buildQuery(NO_FILTERS, DEFAULT_SORT, 300, "2026-03-01");
    expect(q).toMatchObject({ offset: 300, limit: 100, sort: "reference", descending: false, today: "2026-03-01" });
    expect(q.tier).toBeNull();
  });

  it("passes the filters and tidies the search text", () => {
    const filters = { ...NO_FILTERS, search: "  智慧  lamp ", tier: "local" as const, overdue: true, stage_group: "enquiry" };
    const q = buildQuery(filters, { sort: "limit_date", descending: true }, 0, null);
    expect(q).toMatchObject({ search: "智慧 lamp", tier: "local", overdue: true, stage_group: "enquiry", sort: "limit_date", descending: true });
  });

  it("toggles the direction on the same header and resets it on another", () => {
    const desc = toggleSort(DEFAULT_SORT, "reference");
    expect(desc).toEqual({ sort: "reference", descending: true });
    expect(toggleSort(desc, "reference")).toEqual({ sort: "reference", descending: false });
    expect(toggleSort(desc, "target_date")).toEqual({ sort: "target_date", descending: false });
  });

  it("keys lists by filters and sort, not by page or whitespace", () => {
    const a = listKey({ ...NO_FILTERS, search: "lamp " }, DEFAULT_SORT);
    expect(a).toBe(listKey({ ...NO_FILTERS, search: " lamp" }, DEFAULT_SORT));
    expect(a).not.toBe(listKey({ ...NO_FILTERS, search: "lamp" }, { sort: "reference", descending: true }));
    expect(a).not.toBe(listKey({ ...NO_FILTERS, search: "lamp", overdue: true }, DEFAULT_SORT));
  });

  it("counts the filters in use besides the search", () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, search: "x", tier: "group", overdue: true })).toBe(2);
  });
});
