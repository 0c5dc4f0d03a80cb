// Sync fixtures for the screen tests: an overview, a plan, conflicts and history rows.

import type { Conflict, Exchange, ImportReport, SyncOverview } from "../platform/sync";

export const overview: SyncOverview = {
  me: { id: "0193b0c0-0000-7000-8000-00000000000b", name: "Chen Jing" },
  colleagues: [{ replica: { id: "0193b0c0-0000-7000-8000-00000000000a", name: "Li Ming" }, changes_held: 1532 }],
  open_conflicts: 0,
};

export function plan(dryRun: boolean, extra: Partial<ImportReport> = {}): ImportReport {
  return {
    bundle_id: "b1",
    file_name: "2026-11-27-1030-LiMing-full.ndbundle",
    origin: overview.colleagues[0].replica,
    dry_run: dryRun,
    already_imported: false,
    kinds: [
      { kind: "committee", new: 0, changed: 0, deleted: 0, conflicting: 0, unchanged: 12 },
      { kind: "project", new: 2, changed: 1, deleted: 0, conflicting: 1, unchanged: 40 },
    ],
    authors: [{ replica: overview.colleagues[0].replica, changes: 120 }],
    changes: { total: 120, applied: 100, superseded: 3, duplicate: 17, pending: 0, released: 0 },
    new_conflicts: 1,
    open_conflicts: 1,
    waiting: 0,
    warnings: [],
    drafts: 0,
    text_reviews: 0,
    ...extra,
  };
}

export const conflict: Conflict = {
  id: "c1",
  kind: "field",
  entity: "project",
  row_id: "p1",
  label: "ISO/CD 21384-5",
  field: "title_en",
  current: {
    value: "Unmanned aircraft systems — Part 5 (Li)",
    field: "title_en",
    by: overview.colleagues[0].replica,
    at: "2026-11-27T10:30:00Z",
    local: false,
  },
  other: {
    value: "Unmanned aircraft systems — Part 5 (Chen)",
    field: "title_en",
    by: overview.me,
    at: "2026-11-27T10:20:00Z",
    local: true,
  },
  detected_at: "2026-11-27T11:00:00Z",
};

export const history: Exchange[] = [
  {
    bundle_id: "b1",
    direction: "import",
    peer: overview.colleagues[0].replica,
    file_name: "2026-11-27-1030-LiMing-full.ndbundle",
    at: "2026-11-27T11:00:00Z",
    imported: plan(false),
    exported: null,
  },
  {
    bundle_id: "b0",
    direction: "export",
    peer: null,
    file_name: "2026-11-26-0900-ChenJing-full.ndbundle",
    at: "2026-11-26T09:00:00Z",
    imported: null,
    exported: { bundle_id: "b0", file: "/tmp/x.ndbundle", recipient: null, changes: 336, by_kind: [["project", 300]], drafts: 0 },
  },
];
