// Native file dialogs (tauri-plugin-dialog).

import { open, save } from "@tauri-apps/plugin-dialog";

/** Asks where to write a database backup; `null` when the user cancels. */
export async function chooseBackupPath(defaultName: string, filterName: string): Promise<string | null> {
  const path = await save({
    title: filterName,
    defaultPath: defaultName,
    filters: [{ name: filterName, extensions: ["db"] }],
  });
  return path ?? null;
}

/** Sync bundles' extension (docs/bundle-format.md). */
const BUNDLE_EXTENSIONS = ["ndbundle"];

/** Asks where to write a sync bundle, proposing its file name; `null` when the user cancels. */
export async function chooseBundleDestination(defaultName: string, filterName: string): Promise<string | null> {
  const path = await save({
    title: filterName,
    defaultPath: defaultName,
    filters: [{ name: filterName, extensions: BUNDLE_EXTENSIONS }],
  });
  return path ?? null;
}

/** Asks which sync bundle to import; `null` when the user cancels. */
export async function chooseBundleToOpen(filterName: string): Promise<string | null> {
  const path = await open({
    title: filterName,
    multiple: false,
    directory: false,
    filters: [{ name: filterName, extensions: BUNDLE_EXTENSIONS }],
  });
  return typeof path === "string" ? path : null;
}
