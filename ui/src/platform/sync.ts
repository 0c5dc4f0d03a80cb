// The typed client of the Sync screen's commands. Long work (export, preview, import) reports
// progress through a Tauri `Channel`, turned here into a plain callback; `cancel` asks the
// running work to stop (it then changes nothing and rejects with kind "cancelled").

import { Channel } from "@tauri-apps/api/core";
import { commands } from "../bindings";
import type {
  Colleague,
  ConflictRow as Conflict,
  ConflictSide as Side,
  ExchangeRow as Exchange,
  ExportReport,
  ImportReport,
  Keep,
  Progress,
  Replica,
  SyncOverview,
} from "../bindings";
import { unwrap } from "./api";

export type OnProgress = (progress: Progress) => void;

function channel(onProgress: OnProgress): Channel<Progress> {
  const c = new Channel<Progress>();
  c.onmessage = onProgress;
  return c;
}

export const syncApi = {
  overview: (): Promise<SyncOverview> => unwrap(commands.syncOverview()),
  history: (): Promise<Exchange[]> => unwrap(commands.syncHistory()),
  fileName: (peer: string | null): Promise<string> => unwrap(commands.bundleFileName(peer)),
  exportBundle: (destination: string, peer: string | null, onProgress: OnProgress): Promise<ExportReport> =>
    unwrap(commands.exportBundle(destination, peer, channel(onProgress))),
  preview: (path: string, onProgress: OnProgress): Promise<ImportReport> =>
    unwrap(commands.previewBundle(path, channel(onProgress))),
  importBundle: (path: string, onProgress: OnProgress): Promise<ImportReport> =>
    unwrap(commands.importBundle(path, channel(onProgress))),
  cancel: (): Promise<null> => unwrap(commands.cancelSync()),
  conflicts: (): Promise<Conflict[]> => unwrap(commands.listConflicts()),
  resolve: (id: string, keep: Keep): Promise<null> => unwrap(commands.resolveConflict(id, keep)),
};

export type SyncApi = typeof syncApi;

export type {
  Colleague,
  Conflict,
  Exchange,
  ExportReport,
  ImportReport,
  Keep,
  Progress,
  Replica,
  Side,
  SyncOverview,
};
