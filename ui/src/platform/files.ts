// Native file dialogs for the registers: where to write a spreadsheet export or a statement's
// attachment, and which spreadsheet to import or file to attach. Reading and writing the files
// happens in the app's own commands.

import { open, save } from "@tauri-apps/plugin-dialog";

const SPREADSHEETS = ["csv", "xlsx"];

/** Asks where to write an export; the proposed name's extension picks CSV or XLSX. */
export async function chooseSpreadsheetDestination(defaultName: string, title: string): Promise<string | null> {
  const ext = defaultName.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
  const path = await save({ title, defaultPath: defaultName, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] });
  return path ?? null;
}

/** Asks which CSV or XLSX file to import; `null` when the user cancels. */
export async function chooseSpreadsheetToOpen(title: string): Promise<string | null> {
  const path = await open({ title, multiple: false, directory: false, filters: [{ name: "CSV / XLSX", extensions: SPREADSHEETS }] });
  return typeof path === "string" ? path : null;
}

/** Asks which file to attach (any kind). */
export async function chooseFileToAttach(title: string): Promise<string | null> {
  const path = await open({ title, multiple: false, directory: false });
  return typeof path === "string" ? path : null;
}

/** Asks where to save a copy of an attachment, proposing its own name. */
export async function chooseAttachmentDestination(name: string, title: string): Promise<string | null> {
  const path = await save({ title, defaultPath: name });
  return path ?? null;
}
