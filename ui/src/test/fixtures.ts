// Records for component tests, shaped like the core's answers.

import { blankInput } from "../lib/projectForm";
import type { AppInfo, Lookups, ProjectDetail, ProjectPage, ProjectQuery, ProjectRow } from "../platform/api";

export const info: AppInfo = {
  app_version: "0.1.0",
  db_path: "/home/li/.local/share/normdesk/normdesk.db",
  replica_id: "0196a1c2-7a3e-7b1d-9c55-0d4f7e1a2b3c",
  display_name: "Li Wei",
  language: "en",
  schema_version: 1,
};

export const lookups: Lookups = {
  committees: [
    { id: "c1", label: "ISO/TC 20/SC 16" },
    { id: "c2", label: "SAC/TC 486" },
  ],
  people: [
    { id: "u1", label: "李伟 Li Wei" },
    { id: "u2", label: "王芳 Wang Fang" },
  ],
};

export function row(i: number, extra: Partial<ProjectRow> = {}): ProjectRow {
  return {
    id: `p${i}`,
    reference: `ISO ${10000 + i}`,
    title_en: `Project ${i}`,
    title_zh: `项目 ${i}`,
    tier: "international",
    deliverable: "IS",
    stage: "30.20",
    our_role: "lead",
    committee_reference: "ISO/TC 20/SC 16",
    target_date: "2027-06-30",
    limit_date: "2028-01-31",
    overdue: false,
    sample: false,
    ...extra,
  };
}

/** A backend of `total` generated projects answering `list_projects` by offset. */
export function pageOf(total: number) {
  return (query: ProjectQuery): Promise<ProjectPage> => {
    const offset = query.offset ?? 0;
    const end = Math.min(total, offset + (query.limit || 100));
    const rows: ProjectRow[] = [];
    for (let i = offset; i < end; i++) rows.push(row(i));
    return Promise.resolve({ total, offset, rows });
  };
}

export function detail(i: number, extra: Partial<ProjectDetail["project"]> = {}): ProjectDetail {
  const r = row(i);
  return {
    project: {
      ...blankInput(),
      id: r.id,
      reference: r.reference,
      title_en: r.title_en,
      title_zh: r.title_zh,
      stage: r.stage,
      ...extra,
    },
    history: [
      { id: `e${i}a`, project_id: r.id, code: "20.00", date: "2025-01-10", note: "Registered" },
      { id: `e${i}b`, project_id: r.id, code: "30.20", date: "2025-09-01", note: "CD consultation" },
    ],
    committee: null,
    leader: null,
    overdue: false,
  };
}
