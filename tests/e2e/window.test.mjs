// The close guard on the real window: a close request (what a window manager's close button
// sends) ends the app when nothing is unsaved, and asks first when something is.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";

import { App, isRunning, launchApp } from "./lib/app.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const run = promisify(execFile);

/** The main window's X id and the app's pid. */
async function mainWindow() {
  const { stdout } = await run("xdotool", ["search", "--onlyvisible", "--name", "^Normdesk$"]);
  const id = stdout.trim().split("\n")[0];
  const pid = Number((await run("xdotool", ["getwindowpid", id])).stdout.trim());
  return { id, pid };
}

function requestClose(windowId) {
  return run("python3", [join(import.meta.dirname, "lib/request-close.py"), windowId]);
}

describe("closing the window", { timeout: 300_000 }, () => {
  /** @type {App} */
  let app;

  before(async () => {
    app = await launchApp("window");
  });

  after(async () => {
    await app?.close();
  });

  it("asks before discarding unsaved edits, and stays open on cancel", async () => {
    await app.click("project-new");
    await app.type("field-reference", "ISO/WD 99002");
    const { id, pid } = await mainWindow();
    await requestClose(id);
    await app.click("confirm-cancel");
    await waitUntil(async () => (await app.allByTestId("confirm-cancel")).length === 0, {
      message: "the unsaved-changes dialog to close",
    });
    assert.ok(isRunning(pid), "the app is still running");
    assert.equal(await (await app.byTestId("field-reference")).property("value"), "ISO/WD 99002");

    await requestClose(id);
    // The window goes away under the click, so WebDriver may report the click as failed.
    await app.click("confirm-discard").catch(() => {});
    await waitUntil(() => !isRunning(pid), { message: `the app (pid ${pid}) to exit after discarding` });
  });

  it("closes at once when nothing is unsaved", async () => {
    await app.restart();
    const { id, pid } = await mainWindow();
    await requestClose(id);
    await waitUntil(() => !isRunning(pid), { message: `the app (pid ${pid}) to exit` });
  });
});
