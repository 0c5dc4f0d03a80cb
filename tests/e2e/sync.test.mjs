// Sync end to end, on two real app instances with separate data directories (one after the
// other): workstation A retitles a demo project and exports a full bundle through the native
// save dialog; workstation B retitles the same project differently, imports A's bundle through
// the Sync screen and the native open dialog, sees the preview with a conflicting change,
// applies it, finds the conflict with both values and keeps A's title.

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { App, launchApp } from "./lib/app.mjs";
import { answerFileDialog, answerOpenDialog, visibleWindows, waitForNewWindow } from "./lib/native-dialog.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const run = promisify(execFile);

async function sqlite(db, sql) {
  const { stdout } = await run("sqlite3", ["-readonly", db, sql]);
  return stdout.trim();
}

const TITLE_A = "Unmanned aircraft systems — title from Li Ming";
const TITLE_B = "Unmanned aircraft systems — title from Chen Jing";

/** Names the workstation (Settings), so bundles and conflicts say who. */
async function nameWorkstation(app, name) {
  await app.click("nav-settings");
  await app.type("settings-display-name", name);
  await app.click("settings-display-name-save");
  await app.byTestId("notice", { extra: '[data-kind="success"]' });
}

/** Opens the project with `reference` and saves a new English title. */
async function retitle(app, reference, title) {
  await app.click("nav-projects");
  const row = `[data-reference="${reference}"]`;
  await app.click("project-row", { extra: row });
  await app.type("field-title_en", title);
  await app.click("project-save");
  await app.waitForText("project-row", title, { extra: row });
}

/** Clicks `testid`, waits for the native file dialog it opens and answers it with `path`. */
async function throughFileDialog(app, testid, path, screenshot, answer = answerFileDialog) {
  const before = await visibleWindows();
  await app.click(testid);
  const dialog = await waitForNewWindow(before);
  if (screenshot) await app.screenshot(screenshot);
  await answer(dialog.id, path);
}

describe("sync between two workstations", { timeout: 600_000 }, () => {
  /** @type {App} */
  let app;
  const exchange = mkdtempSync(join(tmpdir(), "normdesk-e2e-exchange-"));
  const bundle = join(exchange, "li-ming-full.ndbundle");
  let reference;

  before(async () => {
    app = await launchApp("sync-a");
  });

  after(async () => {
    await app?.close();
    rmSync(exchange, { recursive: true, force: true });
  });

  it("A retitles a demo project and exports a full bundle through the save dialog", async () => {
    const first = await app.byTestId("project-row");
    reference = await first.attribute("data-reference");
    assert.ok(reference, "the demo data has projects");
    await nameWorkstation(app, "Li Ming");
    await retitle(app, reference, TITLE_A);

    await app.click("nav-sync");
    await app.waitForText("sync-me-name", "Li Ming");
    await throughFileDialog(app, "sync-export", bundle, "sync-export-dialog");
    await app.waitForText("sync-export-result", "li-ming-full.ndbundle", { timeout: 30_000 });
    await app.screenshot("sync-exported");
    assert.ok(existsSync(bundle), `${bundle} was written`);
    await app.close();
  });

  it("B retitles the same project and previews A's bundle: a conflicting change, nothing written", async () => {
    app = await launchApp("sync-b");
    await nameWorkstation(app, "Chen Jing");
    await retitle(app, reference, TITLE_B);

    await app.click("nav-sync");
    await app.byTestId("sync-colleagues-none");
    await throughFileDialog(app, "sync-import-choose", bundle, "sync-import-dialog", answerOpenDialog);
    await app.byTestId("sync-plan", { timeout: 30_000 });
    const project = await app.byTestId("sync-plan-row", { extra: '[data-kind="project"]' });
    const conflicting = await project.findAll('[data-column="conflicting"]');
    assert.ok(Number(await conflicting[0].text()) >= 1, "the preview shows a conflicting project");
    await app.waitForText("sync-plan-authors", "Li Ming");
    await app.byTestId("sync-plan-conflicts");
    await app.screenshot("sync-preview");

    // Nothing is written before Apply: the store still holds B's title and knows no colleague.
    assert.equal(await sqlite(app.dbPath, `SELECT title_en FROM project WHERE reference = '${reference.replaceAll("'", "''")}'`), TITLE_B);
    assert.equal(await sqlite(app.dbPath, "SELECT count(*) FROM import_log"), "0");
    await app.byTestId("sync-import-apply");
  });

  it("B applies the bundle and finds the conflict with both values", async () => {
    await app.click("sync-import-apply");
    await app.byTestId("sync-import-result", { timeout: 30_000 });
    await app.waitForText("sync-colleague", "Li Ming");
    await app.byTestId("nav-sync-conflicts");
    await app.screenshot("sync-imported");

    await app.click("sync-tab-conflicts");
    const card = await app.byTestId("conflict", { extra: '[data-field="title_en"]' });
    const text = await card.text();
    assert.ok(text.includes(TITLE_A) && text.includes(TITLE_B), `both titles are shown: ${text}`);
    await app.screenshot("sync-conflicts");
  });

  it("B keeps A's title; the conflict closes and the project shows it", async () => {
    const card = await app.byTestId("conflict", { extra: '[data-field="title_en"]' });
    const sides = await card.findAll('[data-testid^="conflict-side-"]');
    let kept = false;
    for (const side of sides) {
      if ((await side.text()).includes(TITLE_A)) {
        const [keep] = await side.findAll('[data-testid^="conflict-keep-"]');
        await keep.click();
        kept = true;
        break;
      }
    }
    assert.ok(kept, "a side shows A's title");
    await waitUntil(async () => (await app.allByTestId("conflict", '[data-field="title_en"]')).length === 0, {
      message: "the title conflict to close",
    });
    await app.click("sync-tab-history");
    await app.waitForText("history-row", "Li Ming");
    await app.screenshot("sync-history");

    await app.click("nav-projects");
    await app.waitForText("project-row", TITLE_A, { extra: `[data-reference="${reference}"]` });
    await app.screenshot("sync-resolved");
  });
});
