// Settings end to end: backing up the database through the native save dialog writes a real
// SQLite copy with the projects in it; the workstation's display name is saved. And the page
// runs under the CSP of tauri.conf.json.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";

import { App, launchApp } from "./lib/app.mjs";
import { answerFileDialog, visibleWindows, waitForNewWindow } from "./lib/native-dialog.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const run = promisify(execFile);

async function sqlite(db, sql) {
  const { stdout } = await run("sqlite3", ["-readonly", db, sql]);
  return stdout.trim();
}

describe("settings", { timeout: 300_000 }, () => {
  /** @type {App} */
  let app;

  before(async () => {
    app = await launchApp("settings");
    await app.click("nav-settings");
  });

  after(async () => {
    await app?.close();
  });

  it("runs the page under the app's content security policy", async () => {
    const seen = await app.session.execute(`
      let evaluated;
      try { evaluated = String(window.eval("1 + 1")); } catch (e) { evaluated = e.name; }
      const probe = document.createElement("div");
      probe.setAttribute("style", "width: 123px");
      document.body.appendChild(probe);
      const width = getComputedStyle(probe).width;
      probe.remove();
      return { evaluated, width };`);
    assert.equal(seen.evaluated, "EvalError", "script-src without 'unsafe-eval' blocks eval");
    assert.notEqual(seen.width, "123px", "style-src without 'unsafe-inline' ignores style attributes");
  });

  it("shows the database the app works on", async () => {
    await app.waitForText("settings-db-path", app.dbPath);
  });

  it("saves the workstation's display name", async () => {
    await app.type("settings-display-name", "Li Wei's laptop 李伟");
    await app.click("settings-display-name-save");
    await waitUntil(async () => (await sqlite(app.dbPath, "SELECT name FROM replica_self")) === "Li Wei's laptop 李伟", {
      message: "the display name to be stored",
    });
  });

  it("backs up the database to a file chosen in the native save dialog", async () => {
    const expected = Number(await sqlite(app.dbPath, "SELECT count(*) FROM project WHERE deleted = 0"));
    assert.ok(expected > 0, "the demo data has projects");
    const target = join(app.dataDir, "backups", "normdesk-backup-e2e.db");
    await run("mkdir", ["-p", join(app.dataDir, "backups")]);

    const before = await visibleWindows();
    await app.click("settings-backup");
    const dialog = await waitForNewWindow(before);
    await app.screenshot("backup-dialog");
    await answerFileDialog(dialog.id, target);

    await app.byTestId("notice", { extra: '[data-kind="success"]' });
    assert.ok(existsSync(target), `${target} was written`);
    assert.equal(readFileSync(target).subarray(0, 16).toString("latin1"), "SQLite format 3\0");
    assert.equal(await sqlite(target, "PRAGMA integrity_check"), "ok");
    assert.equal(Number(await sqlite(target, "SELECT count(*) FROM project WHERE deleted = 0")), expected);
  });
});
