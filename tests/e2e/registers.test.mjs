// The registers end to end, on the real app (issue 3): a committee is created under a TC; a
// person gets two roles in it and one of them is ended (it stays as history); a liaison due for
// review and an incoming action statement with a deadline next week are recorded and both show
// on the dashboard; the people register (with the organisations it refers to) is exported to
// CSV through the native save dialog and imported into an empty store in a second app session.
// Last, 3,000 people join the new committee (through the CLI's CSV import): its page shows only a
// window of its members, ended ones as history after the current ones, and scrolls to the last.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

  it("shows a committee's 3,000 members a window at a time, ended ones last, down to the last one", async () => {
    const MEMBERS = 3000;
    const pad = (i) => String(i).padStart(4, "0");
    const dir = join(app.dataDir, "members");
    mkdirSync(dir, { recursive: true });
    let people = "name_zh,name_en,email\r\n";
    let roles = "person_id,committee_id,role,start_date,end_date\r\n";
    for (let i = 1; i <= MEMBERS; i++) {
      people += `成员${pad(i)},E2E member ${pad(i)},member${i}.e2e@example.org\r\n`;
      // Every tenth role ended last year: 300 ended, the last of them member 3000's.
      roles += `member${i}.e2e@example.org,${REFERENCE},member,2024-01-01,${i % 10 === 0 ? "2025-06-30" : ""}\r\n`;
    }
    writeFileSync(join(dir, "people.csv"), people);
    writeFileSync(join(dir, "memberships.csv"), roles);
    // The CLI writes while the app is closed: after a native file dialog (the export above) the
    // app's process no longer holds SQLite's file locks, so another process writing under it
    // would leave it reading a stale WAL index ("database disk image is malformed").
    await app.quitApp();
    const cli = join(dirname(app.binary), "normdesk");
    for (const [kind, file] of [["person", "people.csv"], ["membership", "memberships.csv"]]) {
      await run(cli, ["import-csv", kind, join(dir, file)], { env: { ...process.env, NORMDESK_DB: app.dbPath } });
    }
    await app.start();
    const last = await sqlite(app.dbPath, `SELECT id FROM person WHERE email = 'member${MEMBERS}.e2e@example.org'`);
    // Wang Fang's two roles (one ended) are there too: 3,002 members, 301 of them ended.
    const total = MEMBERS + 2;

    await app.click("nav-committees");
    await app.type("committee-filter", REFERENCE);
    await app.click("committee-node", { extra: `[data-id="${committeeId}"]` });
    await app.byTestId("committee-page", { extra: `[data-id="${committeeId}"]` });
    const list = await app.byTestId("member-list", { extra: `[data-total="${total + 1}"]`, timeout: 20_000 });
    assert.equal(await (await app.byTestId("member-list-count")).attribute("data-shown"), String(total));
    const rows = await app.allByTestId("member-row");
    assert.ok(rows.length > 5 && rows.length < 60, `only a window of rows exists (saw ${rows.length})`);
    assert.equal(await rows[0].attribute("data-current"), "true", "current members come first");
    await app.screenshot("registers-committee-members");

    // Scrolled to its end, the list shows the last ended role, member 3000's, as the last row.
    await app.session.execute("arguments[0].scrollTop = arguments[0].scrollHeight;", list);
    await app.byTestId("member-row", { extra: `[data-id="${last}"][data-current="false"]` });
    const shown = await app.allByTestId("member-row");
    assert.ok(shown.length < 60, `still only a window of rows (saw ${shown.length})`);
    assert.equal(await shown[shown.length - 1].attribute("data-id"), last, "the last row is the last member");
    await app.screenshot("registers-committee-members-end");

    // The filter box finds one member among them.
    await app.type("member-list-filter", "E2E member 2999");
    await app.waitForText("member-list-count", `1 of ${total}`);
    await app.waitForCount("member-row", 1);
  });
});
