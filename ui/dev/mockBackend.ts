// An in-memory stand-in for the Rust commands, answering through Tauri's mockIPC.

import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { ProjectDetail, ProjectInput, ProjectQuery, ProjectRow, StageEvent } from "../src/bindings";
import { buildQuery, NO_FILTERS } from "../src/lib/projectQuery";
import { catalog } from "../src/test/catalog";

const TIERS = ["international", "national", "local", "group", "sector", "enterprise", "regional"] as const;
const DELIV = { international: "IS", national: "GB/T", local: "DB/T", group: "T", sector: "sector", enterprise: "Q", regional: "IS" } as const;
const TOPICS = [
  ["Unmanned aircraft systems", "无人驾驶航空器系统"],
  ["Smart lamp poles", "智慧灯杆"],
  ["Electric vehicle charging", "电动汽车充电设施"],
  ["Metamaterials — terminology", "超材料 术语"],
  ["Drone logistics", "无人机物流配送"],
  ["Lithium-ion battery safety", "锂离子电池安全"],
  ["Blockchain service platforms", "区块链服务平台"],
  ["", "粤港澳大湾区 标准化 指南"],
];
const committees = [
  { id: "c1", label: "ISO/TC 20/SC 16 Unmanned aircraft systems" },
  { id: "c2", label: "SAC/TC 486 智能交通" },
  { id: "c3", label: "IEC/TC 21 Secondary cells" },
];
const people = [
  { id: "u1", label: "李伟 Li Wei" },
  { id: "u2", label: "王芳 Wang Fang" },
  { id: "u3", label: "陈晓明 Chen Xiaoming" },
];

type Stored = ProjectInput & { id: string; history: StageEvent[] };

function make(i: number): Stored {
  const tier = TIERS[i % TIERS.length];
  const [en, zh] = TOPICS[i % TOPICS.length];
  const stage = catalog.stages[(i * 7) % 37].code;
  const ref = tier === "local" ? `DB4403/T ${200 + (i % 900)}-2026` : tier === "group" ? `T/SZS ${i % 500}-2026` : tier === "national" ? `GB/T ${40000 + i}-2026` : `ISO/CD ${21384 + i}-${(i % 9) + 1}`;
  return {
    id: `p${i}`, reference: ref, title_en: en ? `${en} — Part ${(i % 9) + 1}` : "", title_zh: `${zh} 第${(i % 9) + 1}部分`,
    tier, deliverable: DELIV[tier], committee_id: committees[i % 3].id, our_role: (["lead", "co_lead", "participate"] as const)[i % 3],
    leader_id: people[i % 3].id, stage, track_months: [18, 24, 36, 48][i % 4], start_date: "2025-03-01",
    target_date: `2027-0${(i % 9) + 1}-15`, limit_date: i % 11 === 0 ? "2025-12-31" : `2028-0${(i % 9) + 1}-30`,
    scope: "This document specifies requirements for …", purpose: "", relevant_documents: "", known_patents: "", liaisons_engaged: "",
    sample: i % 50 === 0,
    history: [
      { id: `h${i}a`, project_id: `p${i}`, code: "00.00", date: "2025-03-01", note: "Proposal received from the Shenzhen alliance" },
      { id: `h${i}b`, project_id: `p${i}`, code: stage, date: "2025-10-20", note: "" },
    ],
  };
}

export function installMockBackend(count: number) {
  const store = new Map<string, Stored>();
  for (let i = 0; i < count; i++) store.set(`p${i}`, make(i));
  let cache: { key: string; rows: Stored[] } | null = null;
  const today = new Date().toISOString().slice(0, 10);
  const overdue = (p: Stored) => Boolean(p.limit_date && p.limit_date < today && p.stage < "60.60");
  const detail = (p: Stored): ProjectDetail => {
    const { history, ...project } = p;
    return { project, history, committee: committees.find((c) => c.id === p.committee_id) ?? null, leader: people.find((u) => u.id === p.leader_id) ?? null, overdue: overdue(p) };
  };
  const toRow = (p: Stored): ProjectRow => ({
    id: p.id, reference: p.reference, title_en: p.title_en, title_zh: p.title_zh, tier: p.tier, deliverable: p.deliverable, stage: p.stage,
    our_role: p.our_role, committee_reference: committees.find((c) => c.id === p.committee_id)?.label ?? null,
    target_date: p.target_date, limit_date: p.limit_date, overdue: overdue(p), sample: p.sample,
  });
  function list(query: ProjectQuery) {
    const q = buildQuery({ ...NO_FILTERS, ...query, search: query.search ?? "", overdue: query.overdue ?? false }, { sort: query.sort ?? "reference", descending: query.descending ?? false }, query.offset ?? 0, null, query.limit || 100);
    const { offset, limit, ...rest } = q;
    const key = JSON.stringify(rest);
    if (cache?.key !== key) {
      const words = q.search.toLowerCase().split(" ").filter(Boolean);
      const group = catalog.groups.find((g) => g.key === q.stage_group)?.group;
      const rows = [...store.values()].filter(
        (p) =>
          words.every((w) => `${p.reference} ${p.title_en} ${p.title_zh}`.toLowerCase().includes(w)) &&
          (!q.tier || p.tier === q.tier) && (!q.deliverable || p.deliverable === q.deliverable) &&
          (!group || p.stage.startsWith(group)) && (!q.committee_id || p.committee_id === q.committee_id) &&
          (!q.our_role || p.our_role === q.our_role) && (!q.overdue || overdue(p)),
      );
      const field = { reference: "reference", title: "title_en", stage: "stage", target_date: "target_date", limit_date: "limit_date" }[q.sort] as keyof Stored;
      rows.sort((a, b) => String(a[field] ?? "").localeCompare(String(b[field] ?? "")) * (q.descending ? -1 : 1));
      cache = { key, rows };
    }
    return { total: cache.rows.length, offset, rows: cache.rows.slice(offset, offset + (limit || 100)).map(toRow) };
  }
  const fail = (field: string, message: string) => {
    throw { kind: "validation", message, field };
  };
  mockWindows("main");
  const settings = { display_name: "Li Wei", language: null as string | null };
  mockIPC(async (cmd, raw) => {
    const args = raw as Record<string, never>;
    await new Promise((r) => setTimeout(r, 30));
    switch (cmd) {
      case "app_info":
        return { app_version: "0.1.0", db_path: "/home/li/.local/share/normdesk/normdesk.db", replica_id: "0196a1c2-7a3e-7b1d-9c55-0d4f7e1a2b3c", schema_version: 1, ...settings };
      case "set_display_name":
        settings.display_name = args.name;
        return null;
      case "set_language":
        settings.language = args.language;
        return null;
      case "backup_database":
        return null;
      case "stages":
        return catalog;
      case "lookups":
        return { committees, people };
      case "list_projects":
        return list(args.query);
      case "get_project": {
        const p = store.get(args.id);
        if (!p) throw { kind: "not_found", message: `no project with id ${args.id}`, field: null };
        return detail(p);
      }
      case "create_project":
      case "update_project": {
        const input = args.input as ProjectInput;
        if (input.tier === "international" && !/^ISO|^IEC/.test(input.reference)) fail("reference", `reference: “${input.reference}” does not look like an ISO or IEC reference; write it like ISO/CD 21384-5`);
        const id = cmd === "create_project" ? `n${store.size}` : (args.id as string);
        const history = store.get(id)?.history ?? [{ id: `h${id}`, project_id: id, code: input.stage, date: today, note: "" }];
        store.set(id, { ...input, id, history });
        cache = null;
        return detail(store.get(id)!);
      }
      case "delete_project":
        store.delete(args.id);
        cache = null;
        return null;
      case "change_stage": {
        const p = store.get(args.id)!;
        const change = args.change as { code: string; date: string; note: string };
        p.stage = change.code;
        p.history = [...p.history, { id: `h${Date.now()}`, project_id: p.id, ...change }];
        cache = null;
        return detail(p);
      }
      case "plugin:dialog|save":
        return "/home/li/normdesk-backup.db";
      default:
        throw `command ${cmd} not found`;
    }
  });
}
