import {
  barPercent,
  canApply,
  daysWording,
  exportFileName,
  filterTree,
  isDirty,
  matchesText,
  membershipProblems,
  personName,
  pageRows,
  statementProblems,
  targetProblems,
  treeRows,
} from "./registers";

const node = (id: string, parent: string | null, reference: string, title_zh = "") => ({
  id,
  parent_id: parent,
  reference,
  title_en: `${reference} title`,
  title_zh,
});

describe("register rules mirrored from the core", () => {
  it.each([
    ["action", null, "deadlineRequired"],
    ["comment", null, "deadlineRequired"],
    ["information", null, undefined],
    ["response", null, undefined],
    ["action", "2026-02-30", "date"],
    ["action", "2026-03-08", undefined],
  ])("a %s statement with deadline %s → %s", (purpose, deadline, problem) => {
    expect(statementProblems({ title: "Liaison statement", purpose, deadline }).deadline).toBe(problem);
  });

  it("wants a statement title", () => {
    expect(statementProblems({ title: "  ", purpose: "information", deadline: null })).toEqual({ title: "required" });
  });

  it("refuses a role that ends before it starts, and names the end", () => {
    const base = { person_id: "p", committee_id: "c", start_date: "2024-05-01", end_date: "2024-04-30" };
    expect(membershipProblems(base)).toEqual({ end_date: "endBeforeStart" });
    expect(membershipProblems({ ...base, end_date: "2024-05-01" })).toEqual({});
    expect(membershipProblems({ ...base, end_date: null })).toEqual({});
    expect(membershipProblems({ ...base, person_id: "", start_date: "2024-13-01" })).toEqual({ person_id: "required", start_date: "date" });
  });
});

describe("committee tree filter", () => {
  const tree = [
    node("tc", null, "ISO/TC 20"),
    node("sc", "tc", "ISO/TC 20/SC 16", "无人驾驶航空器系统"),
    node("wg", "sc", "ISO/TC 20/SC 16/WG 4"),
    node("other", null, "IEC/TC 100"),
  ];

  it("keeps matches and their ancestors, in display order", () => {
    expect(filterTree(tree, "航空器").map((n) => n.id)).toEqual(["tc", "sc"]);
    expect(filterTree(tree, "wg 4").map((n) => n.id)).toEqual(["tc", "sc", "wg"]);
  });

  it("shows everything for an empty filter and nothing for no match", () => {
    expect(filterTree(tree, " ")).toHaveLength(4);
    expect(filterTree(tree, "JTC 1")).toEqual([]);
  });
});

describe("display helpers", () => {
  it("words days left and overdue", () => {
    expect(daysWording(0)).toEqual({ key: "dueToday", count: 0 });
    expect(daysWording(6)).toEqual({ key: "inDays", count: 6 });
    expect(daysWording(-3)).toEqual({ key: "overdueDays", count: 3 });
  });

  it("draws bars within the track", () => {
    expect(barPercent(150, 600)).toBe(25);
    expect(barPercent(700, 600)).toBe(100);
    expect(barPercent(5, null)).toBe(0);
    expect(barPercent(5, 0)).toBe(0);
  });

  it("names export files by register and day", () => {
    expect(exportFileName("person", "csv", "2026-03-01")).toBe("normdesk-person-2026-03-01.csv");
  });

  it("applies an import only when every row is valid", () => {
    expect(canApply(null)).toBe(false);
    expect(canApply({ rows: 3, errors: [] })).toBe(true);
    expect(canApply({ rows: 3, errors: [{ row: 2 }] })).toBe(false);
    expect(canApply({ rows: 0, errors: [] })).toBe(false);
  });

  describe("a list on a record's page", () => {
    const rows = [
      { id: "m1", person: "李明 Li Ming", role: "chair", current: true },
      { id: "m2", person: "王芳 Wang Fang", role: "expert", current: false },
      { id: "m3", person: "Chen Jing", role: "expert", current: true },
      { id: "m4", person: "Li Na", role: "member", current: false },
    ];
    const texts = (r: (typeof rows)[number]) => [r.person, r.role];
    const history = { heading: "Ended", isCurrent: (r: (typeof rows)[number]) => r.current };
    const shown = (query: string, withHistory = true) =>
      pageRows(rows, query, texts, withHistory ? history : undefined).map((r) => ("heading" in r ? `# ${r.heading}` : r.node.id));

    it.each([
      ["", ["m1", "m3", "# Ended", "m2", "m4"]],
      ["li", ["m1", "# Ended", "m4"]],
      ["EXPERT", ["m3", "# Ended", "m2"]],
      ["expert 王", ["# Ended", "m2"]],
      ["chair", ["m1"]],
      ["nobody", []],
    ])("filtered by %j keeps ended roles as history after the current ones", (query, ids) => {
      expect(shown(query)).toEqual(ids);
    });

    it("keeps the order as it is without history", () => {
      expect(shown("", false)).toEqual(["m1", "m2", "m3", "m4"]);
      expect(shown("  ", false)).toEqual(["m1", "m2", "m3", "m4"]);
    });
  });

  it("tells edited forms from stored ones and names people in both scripts", () => {
    expect(isDirty({ a: 1 }, { a: 1 })).toBe(false);
    expect(isDirty({ a: 2 }, { a: 1 })).toBe(true);
    expect(personName({ name_zh: "李明", name_en: "Li Ming" })).toBe("李明 Li Ming");
    expect(personName({ name_zh: "", name_en: "Ann Lee" })).toBe("Ann Lee");
  });
});

describe("the committee tree as list rows", () => {
  const n = (id: string, depth: number, organisation: string, kind = "TC") => ({ id, depth, organisation, kind, parent_id: null, reference: id, title_en: "", title_zh: "" });

  it("puts an organisation's heading before its first top-level committee only", () => {
    const rows = treeRows([n("ISO/TC 20", 0, "ISO"), n("ISO/TC 20/SC 16", 1, "ISO", "SC"), n("ISO/TC 211", 0, "ISO"), n("SAC/TC 486", 0, "SAC"), n("orphan", 0, "")]);
    expect(rows.map((r) => ("heading" in r ? `# ${r.heading}` : r.node.id))).toEqual([
      "# ISO", "ISO/TC 20", "ISO/TC 20/SC 16", "ISO/TC 211", "# SAC", "SAC/TC 486", "# —", "orphan",
    ]);
  });

  it("filters by kind and keeps the ancestors of what matches", () => {
    const nodes = [
      { ...n("tc", 0, "ISO"), reference: "ISO/TC 20" },
      { ...n("sc", 1, "ISO", "SC"), parent_id: "tc", reference: "ISO/TC 20/SC 16" },
      { ...n("wg", 2, "ISO", "WG"), parent_id: "sc", reference: "ISO/TC 20/SC 16/WG 4" },
      { ...n("tc2", 0, "ISO"), reference: "ISO/TC 211" },
    ];
    expect(filterTree(nodes, "", "WG").map((x) => x.id)).toEqual(["tc", "sc", "wg"]);
    expect(filterTree(nodes, "211", "WG").map((x) => x.id)).toEqual([]);
    expect(filterTree(nodes, "211", null).map((x) => x.id)).toEqual(["tc2"]);
  });
});

describe("the lists' text filter", () => {
  it.each([
    [["IEEE SA", "ISO/TC 20", "王芳"], "ieee 20", true],
    [["IEEE SA", "ISO/TC 20", "王芳"], "王芳", true],
    [["IEEE SA", "ISO/TC 20", null], "ITU", false],
    [["IEEE SA"], "  ", true],
  ] as const)("%j matches %j: %s", (texts, query, expected) => {
    expect(matchesText(texts, query)).toBe(expected);
  });
});

describe("target checks", () => {
  const target = { name_en: "Experts trained", name_zh: "", goal: 500 as number | null, deadline: "2027-12-31" as string | null };

  it.each([
    [{}, {}],
    [{ name_en: " ", name_zh: "" }, { name_en: "nameRequired" }],
    [{ name_en: "", name_zh: "培训专家" }, {}],
    [{ goal: -1 }, { goal: "wholeNumber" }],
    [{ goal: 2.5 }, { goal: "wholeNumber" }],
    [{ goal: Number.NaN }, { goal: "wholeNumber" }],
    [{ goal: null }, {}],
    [{ deadline: "31/12/2027" }, { deadline: "date" }],
  ] as const)("%j → %j", (change, problems) => {
    expect(targetProblems({ ...target, ...change })).toEqual(problems);
  });
});
