// The registers end to end, on the real app (issue 3): a committee is created under a TC; a
// person gets two roles in it and one of them is ended (it stays as history); a liaison due for
// review and an incoming action statement with a deadline next week are recorded and both show
// on the dashboard; the people register (with the organisations it refers to) is exported to
// CSV through the native save dialog and imported into an empty store in a second app session.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";

import { App, launchApp } from "./lib/app.mjs";
import { answerFileDialog, answerOpenDialog, visibleWindows, waitForNewWindow } from "./lib/native-dialog.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const run = promisify(execFile);
const sqlite = async (db, sql) => (await run("sqlite3", [db, sql])).stdout.trim();

const REFERENCE = "ISO/TC 20/SC 99";
const EMAIL = "wang.fang.e2e@example.org";
const STATEMENT = "Liaison statement on UAS traffic management — e2e";

function isoDay(offsetDays) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Sets a date input as the native picker would (WebDriver typing into date fields is unreliable). */
async function setDate(app, testid, value) {
  const el = await app.byTestId(testid);
  await app.session.execute(
    `const el = arguments[0];
     Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(el, arguments[1]);
     el.dispatchEvent(new Event("input", { bubbles: true }));`,
    el,
    value,
  );
  await waitUntil(async () => (await el.property("value")) === value, { message: `${testid} = ${value}` });
}

/** Picks the first real option of a record picker; returns its value. */
async function selectFirst(app, testid) {
  // The picker is re-created when its choices arrive, so it is looked up afresh each time.
  const value = await waitUntil(
    () => app.session.execute(`const s = document.querySelector('[data-testid="${testid}"]'); return s ? ([...s.options].map((o) => o.value).find((v) => v) ?? null) : null;`),
    { message: `${testid} to offer a record` },
  );
  await app.select(testid, value);
  return value;
}

/** Picks `value` in a record picker once its (asynchronously loaded) choices offer it. */
async function selectWhenOffered(app, testid, value) {
  await waitUntil(
    () => app.session.execute(`return !!document.querySelector('[data-testid="${testid}"] option[value="${value}"]');`),
    { message: `${testid} to offer ${value}` },
  );
  await app.select(testid, value);
}

async function saveThroughDialog(app, testid, path) {
  const before = await visibleWindows();
  await app.click(testid);
  const dialog = await waitForNewWindow(before);
  await answerFileDialog(dialog.id, path);
}

describe("registers", { timeout: 600_000 }, () => {
  /** @type {App} */
  let app;
  /** @type {App | null} */
  let empty = null;
  let committeeId;
  let personId;
  let statementId;
  let liaisonId;

  before(async () => {
    app = await launchApp("registers");
  });

  after(async () => {
    await app?.close();
    await empty?.close();
  });

  it("creates a committee under a TC", async () => {
    await app.click("nav-committees");
    // The tree is a virtualised list: the filter brings the TC (and what is under it) into view.
    await app.type("committee-filter", "ISO/TC 20");
    const tc = await app.byTestId("committee-node", { extra: '[data-reference="ISO/TC 20"]' });
    const tcReference = await tc.attribute("data-reference");
    await tc.click();
    await app.waitForText("detail-title", tcReference);
    await app.click("committee-new-under");
    await app.type("field-reference", REFERENCE);
    await app.type("field-title_en", "Unmanned aircraft systems — e2e");
    await app.type("field-title_zh", "无人驾驶航空器系统（测试）");
    await app.click("committee-save");
    await app.waitForText("detail-title", REFERENCE);
    const node = await app.byTestId("committee-node", { extra: `[data-reference="${REFERENCE}"]` });
    committeeId = await node.attribute("data-id");
    assert.equal(await node.attribute("data-depth"), "1", "the new committee sits right under the TC");
    await app.screenshot("registers-committees");
  });

  it("adds a person with two roles and ends one, which stays as history", async () => {
    await app.click("nav-people");
    await app.click("person-new");
    await app.type("field-name_zh", "王芳");
    await app.type("field-name_en", "Wang Fang");
    await app.type("field-email", EMAIL);
    await app.click("person-save");
    const page = await app.byTestId("person-page");
    personId = await page.attribute("data-id");

    for (const [role, end] of [["convenor", null], ["expert", isoDay(30)]]) {
      await app.click("role-add");
      await app.select("field-role", role);
      await app.select("field-committee_id", committeeId);
      await setDate(app, "field-start_date", "2024-01-15");
      if (end) await setDate(app, "field-end_date", end);
      await app.click("role-save");
      await app.byTestId("role-row", { extra: `[data-role="${role}"]` });
    }
    await app.waitForCount("role-row", 2, { extra: '[data-current="true"]' });

    await app.click("role-end", { extra: "" });
    await app.byTestId("end-role-dialog");
    await setDate(app, "field-end-role-date", isoDay(-1));
    await app.click("end-role-save");
    await app.waitForCount("role-row", 1, { extra: '[data-current="false"]' });
    await app.waitForCount("role-row", 1, { extra: '[data-current="true"]' });
    await app.screenshot("registers-person");
  });

  it("records a liaison due for review and an incoming statement due next week", async () => {
    await app.click("nav-liaisons");
    await app.click("liaison-new");
    await selectFirst(app, "field-organisation_id");
    await app.select("field-committee_id", committeeId);
    await app.select("field-category", "A");
    await app.select("field-representative_id", personId);
    await setDate(app, "field-established_date", "2019-03-01");
    await setDate(app, "field-last_review_date", "2022-03-01");
    await app.click("liaison-save");
    const page = await app.byTestId("liaison-page");
    liaisonId = await page.attribute("data-id");
    await app.byTestId("liaison-row", { extra: `[data-id="${liaisonId}"][data-due="true"]` });

    await app.click("nav-statements");
    await app.click("statement-new");
    await app.select("field-direction", "incoming");
    await app.select("field-purpose", "action");
    await app.type("field-title", STATEMENT);
    await app.type("field-from_party", "ISO/TC 20/SC 16");
    await app.type("field-to_party", REFERENCE);
    // An action statement needs a deadline: the form says so before asking the core.
    await app.click("statement-save");
    await app.byTestId("error-deadline");
    await setDate(app, "field-deadline", isoDay(7));
    await selectWhenOffered(app, "field-liaison_id", liaisonId);
    await app.click("statement-save");
    const statement = await app.byTestId("statement-page");
    statementId = await statement.attribute("data-id");
    await app.waitForText("statement-state", "Pending");
    await waitUntil(async () => (await (await app.byTestId("field-liaison_id")).property("value")) === liaisonId, {
      message: "the saved statement to show its liaison",
    });
    await app.byTestId("state-approved");
    await app.byTestId("statement-event");
    await app.screenshot("registers-statement");
  });

  it("shows both on the dashboard, each opening its record", async () => {
    await app.click("nav-dashboard");
    await app.byTestId("dash-statement", { extra: `[data-id="${statementId}"]` });
    await app.byTestId("dash-liaison", { extra: `[data-id="${liaisonId}"]` });
    await app.byTestId("dash-membership", { extra: `[data-id="${personId}"]` }).catch(() => null);
    await app.byTestId("target-bar");
    await app.screenshot("registers-dashboard");
    await app.click("dash-statement", { extra: `[data-id="${statementId}"]` });
    await app.byTestId("statement-page", { extra: `[data-id="${statementId}"]` });
  });

  it("finds the person from the search box by a Chinese substring", async () => {
    await app.type("global-search", "王芳");
    await app.click("search-hit", { extra: `[data-kind="person"][data-id="${personId}"]` });
    await app.byTestId("person-page", { extra: `[data-id="${personId}"]` });
  });

  it("exports people and their organisations to CSV and imports them into an empty store", async () => {
    const out = join(app.dataDir, "export");
    mkdirSync(out, { recursive: true });
    const files = { organisation: join(out, "organisations.csv"), person: join(out, "people.csv") };
    await app.click("nav-organisations");
    await saveThroughDialog(app, "export-csv-organisation", files.organisation);
    await app.click("nav-people");
    await saveThroughDialog(app, "export-csv-person", files.person);
    for (const file of Object.values(files)) {
      await waitUntil(() => existsSync(file), { message: `${file} to be written` });
    }
    const csv = readFileSync(files.person);
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a BOM, for Excel");
    assert.ok(csv.toString("utf8").includes(EMAIL));
    const people = Number(await sqlite(app.dbPath, "SELECT count(*) FROM person WHERE deleted = 0"));

    // An empty store: made by the CLI (which seeds nothing) and marked so the app seeds nothing.
    empty = new App("registers-empty");
    mkdirSync(dirname(empty.dbPath), { recursive: true });
    await run(join(dirname(empty.binary), "normdesk"), ["list", "person"], { env: { ...process.env, NORMDESK_DB: empty.dbPath } });
    await sqlite(empty.dbPath, "INSERT INTO setting (key, value) VALUES ('demo_seeded', 'skipped')");
    await empty.start();
    await empty.click("nav-people");
    await empty.waitForText("person-total", "0 people");

    for (const [kind, screen] of [["organisation", "nav-organisations"], ["person", "nav-people"]]) {
      await empty.click(screen);
      const before = await visibleWindows();
      await empty.click(`import-${kind}`);
      const dialog = await waitForNewWindow(before);
      await answerOpenDialog(dialog.id, files[kind]);
      const summary = await empty.byTestId("import-summary");
      assert.equal(await summary.attribute("data-errors"), "0", `${kind}: ${await summary.text()}`);
      if (kind === "person") await empty.screenshot("registers-import-preview");
      await empty.click("import-apply");
      await waitUntil(async () => (await empty.allByTestId("import-preview")).length === 0, { message: "the preview to close" });
    }
    await empty.waitForText("person-total", `${people} people`);
    assert.equal(Number(await sqlite(empty.dbPath, "SELECT count(*) FROM person WHERE deleted = 0")), people);
    assert.equal(await sqlite(empty.dbPath, `SELECT name_zh FROM person WHERE email = '${EMAIL}'`), "王芳");
  });
});
