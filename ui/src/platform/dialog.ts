// Native file dialogs (tauri-plugin-dialog).

import { save } from "@tauri-apps/plugin-dialog";

/** Asks where to write a database backup; `null` when the user cancels. */
export async function chooseBackupPath(defaultName: string, filterName: string): Promise<string | null> {
  const path = await save({
    title: filterName,
    defaultPath: defaultName,
    filters: [{ name: filterName, extensions: ["db"] }],
  });
  return path ?? null;
}
