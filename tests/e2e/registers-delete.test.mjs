// Deleting register records and keeping the programme targets, end to end on the real app
// (issue 3): a committee that projects refer to is refused with the core's list and nothing
// changes; records nothing refers to (a committee, an organisation, a liaison, a statement) are
// deleted after the confirmation; a target is added (checks next to the fields first), edited
// and deleted on the dashboard; a register of 3,000 organisations scrolls to its end with only
// the visible rows in the page.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";

import { App, launchApp } from "./lib/app.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const run = promisify(execFile);
const sqlite = async (db, sql) => (await run("sqlite3", [db, sql])).stdout.trim();

/** Confirms the delete dialog and waits for it to close. */
async function confirmDelete(app, testid) {
  await app.click(testid);
  await app.byTestId("confirm-dialog");
  await app.click("confirm-delete");
  await waitUntil(async () => (await app.allByTestId("confirm-dialog")).length === 0, { message: "the dialog to close" });
}

describe("deleting register records and keeping targets", { timeout: 600_000 }, () => {
  /** @type {App} */
  let app;

  before(async () => {
    app = await launchApp("registers-delete");
  });

  after(async () => {
    await app?.close();
  });

  it("refuses to delete a committee that projects refer to, with the list, and changes nothing", async () => {
    const [id, reference] = (
      await sqlite(app.dbPath, "SELECT c.id || '|' || c.reference FROM committee c WHERE c.deleted = 0 AND EXISTS (SELECT 1 FROM project p WHERE p.committee_id = c.id AND p.deleted = 0) LIMIT 1")
    ).split("|");
    assert.ok(id, "the demo data has a committee with projects");
    const project = await sqlite(app.dbPath, `SELECT reference FROM project WHERE committee_id = '${id}' AND deleted = 0 ORDER BY reference LIMIT 1`);
    const before = await sqlite(app.dbPath, "SELECT count(*) FROM change_log");

    await app.click("nav-committees");
    await app.type("committee-filter", reference);
    await app.click("committee-node", { extra: `[data-id="${id}"]` });
    await app.byTestId("committee-page", { extra: `[data-id="${id}"]` });
    await app.click("committee-delete");
    await app.click("confirm-delete");
    const refusal = await app.waitForText("delete-refused", "still referred to");
    assert.ok(refusal.includes(project), `the refusal lists ${project}: ${refusal}`);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the first paint under Xvfb lags
    await app.screenshot("registers-delete-refused");
    await app.click("confirm-cancel");

    assert.equal(await sqlite(app.dbPath, `SELECT deleted FROM committee WHERE id = '${id}'`), "0");
    assert.equal(await sqlite(app.dbPath, "SELECT count(*) FROM change_log"), before, "nothing was written");
    await app.byTestId("committee-node", { extra: `[data-id="${id}"]` });
  });

  it("deletes a committee, an organisation, a liaison and a statement nothing refers to", async () => {
    await app.click("committee-new");
    await app.type("field-reference", "XYZ/TC 999");
    await app.type("field-title_en", "Committee to delete — e2e");
    await app.click("committee-save");
    const committee = await (await app.byTestId("committee-page")).attribute("data-id");
    await confirmDelete(app, "committee-delete");
    await waitUntil(async () => (await app.allByTestId("committee-node", `[data-id="${committee}"]`)).length === 0, { message: "the committee to leave the tree" });

    await app.click("nav-organisations");
    await app.click("organisation-new");
    await app.type("field-acronym", "DELME");
    await app.type("field-name_en", "Organisation to delete — e2e");
    await app.click("organisation-save");
    const organisation = await (await app.byTestId("organisation-page")).attribute("data-id");
    await confirmDelete(app, "organisation-delete");
    await app.type("organisation-search", "DELME");
    await app.waitForCount("organisation-row", 0);

    await app.click("nav-liaisons");
    await app.click("liaison-new");
    await app.select("field-category", "internal");
    await app.type("field-note", "Liaison to delete — e2e");
    await app.click("liaison-save");
    const liaison = await (await app.byTestId("liaison-page")).attribute("data-id");
    await confirmDelete(app, "liaison-delete");
    await app.waitForCount("liaison-row", 0, { extra: `[data-id="${liaison}"]` });

    await app.click("nav-statements");
    await app.click("statement-new");
    await app.select("field-purpose", "information");
    await app.type("field-title", "Statement to delete — e2e");
    await app.click("statement-save");
    const statement = await (await app.byTestId("statement-page")).attribute("data-id");
    await confirmDelete(app, "statement-delete");
    await app.type("statement-search", "Statement to delete");
    await app.waitForCount("statement-row", 0);

    for (const [table, id] of [["committee", committee], ["organisation", organisation], ["liaison", liaison], ["statement", statement]]) {
      assert.equal(await sqlite(app.dbPath, `SELECT deleted FROM ${table} WHERE id = '${id}'`), "1", `${table} ${id} is deleted`);
    }
  });

  it("adds a target after its checks, edits it and deletes it on the dashboard", async () => {
    await app.click("nav-dashboard");
    const targets = Number(await sqlite(app.dbPath, "SELECT count(*) FROM target WHERE deleted = 0"));
    await app.waitForCount("target-bar", targets);
    await app.click("target-new");
    await app.click("target-save");
    await app.waitForText("error-name_en", "Give a name");
    await app.type("field-name_en", "Liaison statements answered — e2e");
    await app.select("field-measure", "organisations_in_city");
    await app.type("field-goal", "7");
    await app.screenshot("registers-target-dialog");
    await app.click("target-save");
    await app.waitForCount("target-bar", targets + 1);
    const id = await sqlite(app.dbPath, "SELECT id FROM target WHERE name_en = 'Liaison statements answered — e2e' AND deleted = 0");
    assert.ok(id, "the target is stored");

    const inItem = async (testid) => (await (await app.byTestId("target-item", { extra: `[data-id="${id}"]` })).findAll(`[data-testid="${testid}"]`))[0];
    await (await inItem("target-edit")).click();
    await app.type("field-goal", "8");
    await app.click("target-save");
    await app.byTestId("target-bar", { extra: '[data-goal="8"]' });
    await app.screenshot("registers-targets");

    await (await inItem("target-delete")).click();
    await app.click("confirm-delete");
    await waitUntil(async () => (await app.allByTestId("confirm-dialog")).length === 0, { message: "the dialog to close" }).catch(async (e) => {
      await app.screenshot("registers-target-delete-failed");
      const refused = await app.allByTestId("delete-refused");
      throw new Error(`${e.message}: ${refused.length ? await refused[0].text() : "no refusal shown"}`);
    });
    await app.waitForCount("target-bar", targets);
    assert.equal(await sqlite(app.dbPath, `SELECT deleted FROM target WHERE id = '${id}'`), "1");
  });

  it("scrolls a register of 3,000 organisations to its end with only the visible rows in the page", async () => {
    const csv = join(app.dataDir, "organisations.csv");
    const rows = Array.from({ length: 3000 }, (_, i) => `E2E${String(i).padStart(4, "0")},Generated organisation ${i},consortium,false`);
    writeFileSync(csv, ["acronym,name_en,kind,in_city", ...rows].join("\n") + "\n");
    await run(join(dirname(app.binary), "normdesk"), ["import-csv", "organisation", csv], { env: { ...process.env, NORMDESK_DB: app.dbPath } });

    await app.click("nav-dashboard");
    await app.click("nav-organisations");
    await app.type("organisation-search", "E2E");
    await app.byTestId("organisation-list", { extra: '[data-total="3000"]', timeout: 20_000 });
    await app.session.execute(`const l = document.querySelector('[data-testid="organisation-list"]'); l.scrollTop = l.scrollHeight;`);
    await app.byTestId("organisation-row", { extra: '[data-acronym="E2E2999"]' });
    const rendered = (await app.allByTestId("organisation-row")).length;
    assert.ok(rendered < 100, `only the visible rows exist (${rendered})`);
    await app.screenshot("registers-organisations-scrolled");
  });
});
