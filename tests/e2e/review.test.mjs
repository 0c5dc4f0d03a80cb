// Revisions and ballot comments end to end, on the real app (issue 5): a project with an English
// and a Chinese draft (written with the CLI before the app starts); a revision of each is named
// (a used name is refused beside the field, nothing written); the texts are edited (the CLI's
// `text set`, a minimal edit as typing would make); the diff marks the changed words under
// their clause — word by word in English, character by character in Chinese; a comment is added
// (blank required fields refused first), exported to XLSX through the native save dialog,
// deleted, and imported back through the open dialog and its preview; a sheet with an unknown
// comment type is refused row by row and nothing is written.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";

import { App } from "./lib/app.mjs";
import { answerFileDialog, answerOpenDialog, visibleWindows, waitForNewWindow } from "./lib/native-dialog.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const run = promisify(execFile);
const sqlite = async (db, sql) => (await run("sqlite3", [db, sql])).stdout.trim();

const REFERENCE = "ISO/CD 29999-2";
const EN_V1 = "1 Scope\nThis document specifies vertiport pads.\n2 Terms and definitions\nNo terms are defined.\n3 Requirements\nThe pad shall be flat and marked.\n";
const EN_V2 = "1 Scope\nThis document specifies vertiport pads.\n2 Terms and definitions\nNo terms are defined.\n3 Requirements\nThe pad shall be level, drained and marked.\n";
const ZH_V1 = "1 范围\n本文件规定了垂直起降场的要求。\n2 要求\n起降场应平整。\n";
const ZH_V2 = "1 范围\n本文件规定了垂直起降场的技术要求。\n2 要求\n起降场应平整。\n";

/** A selector for an element of the draft section in `lang`. */
const inDraft = (lang, testid) => `[data-testid="revisions"][data-lang="${lang}"] [data-testid="${testid}"]`;

describe("revisions and ballot comments", { timeout: 600_000 }, () => {
  /** @type {App} */
  let app;
  let cli;
  let projectId;
  // Sheets live outside the app's data directory: a file dialog showing the database's folder
  // has GTK open and close the database file inside the app's process, which drops SQLite's
  // POSIX locks there (see the report of this test's commit).
  const files = mkdtempSync(join(tmpdir(), "normdesk-e2e-review-files-"));

  const normdesk = (...args) => run(cli, args, { env: { ...process.env, NORMDESK_DB: app.dbPath } });
  const setText = (lang, text) => {
    const file = join(app.dataDir, `draft-${lang}.txt`);
    writeFileSync(file, text);
    return normdesk("text", "set", projectId, "--file", file, "--lang", lang);
  };
  const find = async (css) => waitUntil(async () => (await app.session.findAll(css))[0], { message: `${css} to appear` });

  async function typeInto(css, text) {
    const el = await find(css);
    await el.click();
    await el.sendKeys(text);
    await waitUntil(async () => (await el.property("value")) === text, { message: `${css} to read ${text}` });
  }

  async function throughDialog(testid, answer, path) {
    const before = await visibleWindows();
    await app.click(testid);
    const dialog = await waitForNewWindow(before);
    await answer(dialog.id, path);
  }

  before(async () => {
    app = new App("review");
    cli = join(dirname(app.binary), "normdesk");
    const created = await normdesk(
      "new",
      "project",
      `reference=${REFERENCE}`,
      "title_en=Vertiports — Part 2: Pads",
      "title_zh=垂直起降场 第2部分：起降区",
      "tier=international",
      "deliverable=IS",
      "our_role=lead",
      "stage=30.20",
    );
    projectId = created.stdout.trim().split(/\s+/).pop();
    assert.match(projectId, /^[0-9a-f-]{36}$/, `normdesk new printed ${created.stdout}`);
    await setText("en", EN_V1);
    await setText("zh", ZH_V1);
    await app.start();
  });

  after(async () => {
    await app?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it("opens the project's revisions and comments from its detail pane", async () => {
    await app.type("project-search", "29999");
    await (await app.byTestId("project-row", { extra: `[data-id="${projectId}"]` })).click();
    await app.click("project-review");
    await app.byTestId("review-screen", { extra: `[data-project="${projectId}"]` });
    await app.waitForCount("revisions", 2);
    await app.waitForCount("revisions-empty", 2);
    await app.byTestId("comments-empty");
  });

  it("names a revision of each draft and refuses a name used already, writing nothing", async () => {
    await typeInto(inDraft("en", "revision-name"), "CD1");
    await (await find(inDraft("en", "revision-name-submit"))).click();
    await app.byTestId("revision-row", { extra: `[data-name="CD1"]` });
    await typeInto(inDraft("zh", "revision-name"), "征求意见稿");
    await (await find(inDraft("zh", "revision-name-submit"))).click();
    await app.byTestId("revision-row", { extra: `[data-name="征求意见稿"]` });

    const before = await sqlite(app.dbPath, "SELECT count(*) FROM revision");
    await typeInto(inDraft("en", "revision-name"), "CD1");
    await (await find(inDraft("en", "revision-name-submit"))).click();
    const error = await find(inDraft("en", "error-revision-name"));
    assert.match(await error.text(), /already has a revision named 'CD1'/);
    assert.equal(await sqlite(app.dbPath, "SELECT count(*) FROM revision"), before, "nothing written");
    assert.equal(before, "2");
    const row = await app.byTestId("revision-row", { extra: `[data-name="CD1"]` });
    assert.match(await row.text(), /30\.20/, "the revision shows the stage it was named at");
  });

  it("shows the edits since the revision, word by word in English and character by character in Chinese", async () => {
    await setText("en", EN_V2);
    await setText("zh", ZH_V2);
    await (await find(inDraft("en", "revision-compare"))).click();
    const clause = await find(`[data-testid="revisions"][data-lang="en"] [data-testid="diff-clause"][data-clause="3"]`);
    const removed = await Promise.all((await clause.findAll('[data-testid="diff-removed"]')).map((e) => e.text()));
    const added = await Promise.all((await clause.findAll('[data-testid="diff-added"]')).map((e) => e.text()));
    assert.deepEqual(removed, ["flat"], `removed ${JSON.stringify(removed)}`);
    assert.ok(added.join("").includes("level") && added.join("").includes("drained"), `added ${JSON.stringify(added)}`);
    assert.equal((await app.session.findAll(`[data-testid="revisions"][data-lang="en"] [data-testid="diff-clause"]`)).length, 1, "only clause 3 changed");

    await (await find(inDraft("zh", "revision-compare"))).click();
    const zh = await find(`[data-testid="revisions"][data-lang="zh"] [data-testid="diff-clause"][data-clause="1"]`);
    const zhAdded = await Promise.all((await zh.findAll('[data-testid="diff-added"]')).map((e) => e.text()));
    assert.deepEqual(zhAdded, ["技术"], `added ${JSON.stringify(zhAdded)}`);
    await app.screenshot("review-diff");
  });

  it("adds a comment, refusing blank required fields beside them first", async () => {
    await app.click("comment-add");
    await app.click("comment-save");
    await app.byTestId("error-comment-mb");
    await app.byTestId("error-comment-clause");
    await app.byTestId("error-comment-comment");
    assert.equal(await sqlite(app.dbPath, "SELECT count(*) FROM comment"), "0");
    await app.type("comment-field-mb", "DE");
    await app.type("comment-field-line", "14");
    await app.type("comment-field-clause", "3");
    await app.type("comment-field-paragraph", "Paragraph 1");
    await app.select("comment-field-type", "te");
    await app.type("comment-field-comment", "\"Level\" needs a tolerance; 起降场 too.");
    await app.type("comment-field-proposed_change", "Add: within 1 % slope.");
    const rev = await sqlite(app.dbPath, "SELECT id FROM revision WHERE name = 'CD1'");
    await app.select("comment-field-revision_id", rev);
    await app.select("comment-field-disposition", "accepted_in_principle");
    await app.click("comment-save");
    const row = await app.byTestId("comment-row", { extra: `[data-clause="3"][data-mb="DE"]` });
    assert.match(await row.text(), /Accepted in principle/);
    await app.screenshot("review-comments");
  });

  it("exports the comments to XLSX through the save dialog and imports them back", async () => {
    const xlsx = join(files, "comments-DE.xlsx");
    await throughDialog("comments-export-xlsx", answerFileDialog, xlsx);
    await app.waitForText("notice", "1 comment exported to comments-DE.xlsx");
    assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), "PK", "an XLSX (zip) file was written");

    await app.click("comment-delete");
    await app.click("confirm-delete");
    await app.byTestId("comments-empty");

    await throughDialog("comments-import", answerOpenDialog, xlsx);
    const summary = await app.byTestId("comments-import-summary");
    assert.equal(await summary.attribute("data-rows"), "1");
    assert.equal(await summary.attribute("data-bad"), "0");
    await app.click("comments-import-apply");
    const row = await app.byTestId("comment-row", { extra: `[data-clause="3"][data-mb="DE"]` });
    const text = await row.text();
    assert.match(text, /"Level" needs a tolerance; 起降场 too\./);
    assert.match(text, /Add: within 1 % slope\./);
    assert.match(text, /Accepted in principle/);
    assert.equal(await sqlite(app.dbPath, "SELECT count(*) FROM comment WHERE deleted = 0"), "1");
  });

  it("offers naming a revision of each draft when the stage changes, with a name from the new stage", async () => {
    await app.click("review-back");
    await app.click("stage-change");
    await app.select("stage-code", "40.20");
    const offer = (lang, testid) => find(`[data-testid="stage-offer"][data-lang="${lang}"] [data-testid="${testid}"]`);
    await waitUntil(async () => (await (await offer("en", "stage-offer-name")).property("value")) === "DIS", { message: "DIS offered for the English draft" });
    assert.equal(await (await offer("en", "stage-offer-check")).property("checked"), true, "offered checked: the stage group changed");
    await (await offer("zh", "stage-offer-check")).click();
    await app.click("stage-apply");
    await app.byTestId("stage-event", { extra: `[data-code="40.20"]` });
    await app.click("project-review");
    const dis = await app.byTestId("revision-row", { extra: `[data-name="DIS"]` });
    assert.match(await dis.text(), /40\.20/);
    const named = await sqlite(app.dbPath, "SELECT d.lang || ':' || r.name FROM revision r JOIN draft d ON d.id = r.draft_id ORDER BY d.lang, r.name");
    assert.deepEqual(named.split("\n"), ["en:CD1", "en:DIS", "zh:征求意见稿"], "only the checked draft got one");
  });

  it("refuses a sheet with an unknown comment type row by row and writes nothing", async () => {
    const csv = join(files, "bad-comments.csv");
    writeFileSync(
      csv,
      "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table,Type of comment,Comments,Proposed change,Observations of the secretariat\n" +
        "FR,3,1,,ed,Typo.,,\nCN,9,2,,technical-ish,Unclear.,,\n",
    );
    const before = await sqlite(app.dbPath, "SELECT count(*) FROM comment");
    await throughDialog("comments-import", answerOpenDialog, csv);
    const bad = await app.byTestId("comments-import-row", { extra: `[data-row="3"]` });
    assert.equal(await bad.attribute("data-ok"), "false");
    assert.match(await bad.text(), /Type of comment: unknown comment type 'technical-ish'/);
    assert.equal(await (await app.byTestId("comments-import-apply")).property("disabled"), true);
    await app.click("comments-import-cancel");
    assert.equal(await sqlite(app.dbPath, "SELECT count(*) FROM comment"), before, "nothing written");
  });

  it("speaks Chinese on the same screen", async () => {
    await app.click("nav-settings");
    await app.select("settings-language", "zh-CN");
    await waitUntil(async () => (await app.bodyData("lang")) === "zh-CN", { message: "body[data-lang] to become zh-CN" });
    await app.click("nav-projects");
    await (await app.byTestId("project-row", { extra: `[data-id="${projectId}"]` })).click();
    await app.click("project-review");
    await app.waitForText("review-screen", "修订版本与意见");
    await app.waitForText("comments", "投票意见");
    await (await find(inDraft("zh", "revision-compare"))).click();
    await find(`[data-testid="revisions"][data-lang="zh"] [data-testid="diff-added"]`);
    await app.screenshot("review-zh");
  });
});
