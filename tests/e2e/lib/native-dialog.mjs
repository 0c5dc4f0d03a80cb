// Native GTK dialogs are real X windows outside the webview, so WebDriver cannot see them.
// These helpers drive them with xdotool, as a user at the keyboard would.

import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { waitUntil } from "./webdriver.mjs";

const run = promisify(execFile);

async function xdotool(...args) {
  const { stdout } = await run("xdotool", args);
  return stdout.trim();
}

/** Ids of the visible X windows that have a name. */
export async function visibleWindows() {
  const out = await xdotool("search", "--onlyvisible", "--name", ".").catch(() => "");
  return new Set(out.split("\n").filter(Boolean));
}

/** Waits for a window that was not among `before` to show; returns its id and title. */
export async function waitForNewWindow(before, { timeout = 15_000 } = {}) {
  const id = await waitUntil(
    async () => [...(await visibleWindows())].find((w) => !before.has(w)),
    { timeout, message: "a native dialog window to open" },
  );
  return { id, title: await xdotool("getwindowname", id) };
}

/**
 * Answers an open GTK file chooser with `path`: focuses it, replaces the proposed file name
 * with the absolute path and presses Enter. Waits until the dialog has closed.
 */
export async function answerFileDialog(windowId, path) {
  await xdotool("windowfocus", "--sync", windowId);
  await xdotool("key", "--clearmodifiers", "ctrl+a");
  await xdotool("type", "--delay", "20", path);
  await xdotool("key", "Return");
  await waitUntil(async () => !(await visibleWindows()).has(windowId), {
    timeout: 10_000,
    message: `the file dialog (window ${windowId}) to close`,
  });
}

/**
 * Answers an open GTK file chooser (open mode) with `path`: Ctrl+L opens its location entry,
 * then the absolute path and Enter. Typing "/" into the file list instead races GTK's own
 * location popup. Waits until the dialog has closed.
 */
export async function answerOpenDialog(windowId, path) {
  await xdotool("windowfocus", "--sync", windowId);
  await xdotool("key", "--clearmodifiers", "ctrl+l");
  await new Promise((r) => setTimeout(r, 300));
  await xdotool("key", "--clearmodifiers", "ctrl+a");
  await xdotool("type", "--delay", "20", path);
  await new Promise((r) => setTimeout(r, 300));
  await xdotool("key", "Return");
  await waitUntil(async () => !(await visibleWindows()).has(windowId), {
    timeout: 10_000,
    message: `the open dialog (window ${windowId}) to close`,
  });
}
