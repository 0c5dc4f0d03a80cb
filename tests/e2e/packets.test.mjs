// Packets end to end, on the real app: a demo project opens, "Packet…" brings the Packets
// screen with the kinds that apply; the pre-flight list refuses a new work item proposal without
// scope and purpose; "Fix" opens the project with the scope field focused; once both are written
// the packet is saved through the native GTK save dialog, and the file is checked with qpdf and
// pdftotext (reference, both titles). Print shows the pages and opens the GTK print dialog,
// which is cancelled. A path that cannot be written is refused clearly and leaves no file, and so
// is a packet whose fonts do not load (NORMDESK_FONTS pointing at an empty folder).

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";

import { App, launchApp } from "./lib/app.mjs";
import { answerFileDialog, visibleWindows, waitForNewWindow } from "./lib/native-dialog.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const run = promisify(execFile);

async function sqlite(db, sql) {
  const { stdout } = await run("sqlite3", ["-readonly", "-separator", "\t", db, sql]);
  return stdout.trim();
}

const SCOPE = "This document specifies operational procedures for vertiports. 本文件规定了垂直起降场的运行程序。";
const PURPOSE = "Vertiport operations lack a common procedure; this closes the gap.";

describe("packets", { timeout: 600_000 }, () => {
  /** @type {App} */
  let app;
  const out = mkdtempSync(join(tmpdir(), "normdesk-e2e-packets-"));
  const pdf = join(out, "nwip packet.pdf");
  let project;

  before(async () => {
    app = await launchApp("packets");
  });

  after(async () => {
    await app?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it("opens the Packets screen from a project with the kinds that apply", async () => {
    // A demo international project with a leader and a committee (Form 4 applies to it).
    const [id, reference, titleEn, titleZh] = (
      await sqlite(
        app.dbPath,
        `SELECT id, reference, title_en, title_zh FROM project WHERE deleted = 0 AND tier = 'international'
           AND leader_id IS NOT NULL AND committee_id IS NOT NULL AND title_zh <> '' ORDER BY reference LIMIT 1`,
      )
    ).split("\t");
    assert.ok(id, "the demo data has an international project with a leader and a committee");
    project = { id, reference, titleEn, titleZh };

    await app.click("project-row", { extra: `[data-id="${id}"]` });
    await app.click("project-packet");
    await app.waitForText("packet-subject", reference);
    await app.byTestId("packet-kind-nwip");
    assert.equal((await app.allByTestId("packet-kind-group-application")).length, 0, "a group application is not offered for an ISO project");
    assert.equal((await app.allByTestId("packet-kind-liaison")).length, 0);
    await app.byTestId("packet-kind-draft");
    await app.byTestId("packet-kind-comments");
  });

  it("shows the pre-flight list and refuses while the scope and purpose are missing", async () => {
    await app.click("packet-kind-nwip");
    await app.byTestId("packet-preflight");
    await app.byTestId("packet-preflight-item", { extra: '[data-key="packet.preflight.no_scope"][data-severity="error"]' });
    await app.byTestId("packet-preflight-item", { extra: '[data-key="packet.preflight.no_purpose"]' });
    await app.byTestId("packet-blocked");
    const save = await app.byTestId("packet-save");
    assert.equal(await save.property("disabled"), true, "Save as PDF waits for the errors to be fixed");
    await app.screenshot("packets-preflight");
  });

  it("Fix opens the project at the scope field; the packet is checked again after the edit", async () => {
    const item = await app.byTestId("packet-preflight-item", { extra: '[data-key="packet.preflight.no_scope"]' });
    const fix = (await item.findAll('[data-testid="packet-fix"]'))[0];
    await fix.click();
    await app.byTestId("project-editor");
    await waitUntil(async () => (await app.session.execute("return document.activeElement && document.activeElement.id")) === "field-scope", {
      message: "the scope field to have the focus",
    });
    await app.screenshot("packets-fix-scope");
    await app.type("field-scope", SCOPE);
    await app.type("field-purpose", PURPOSE);
    await app.click("project-save");
    await waitUntil(async () => (await (await app.byTestId("project-editor")).attribute("data-dirty")) === "false", { message: "the project to be saved" });

    await app.click("nav-packets");
    await app.waitForText("packet-subject", project.reference);
    await app.byTestId("packet-preflight", { extra: '[data-errors="0"]' });
  });

  it("saves the packet through the native save dialog; the PDF has the reference and both titles", async () => {
    const before = await visibleWindows();
    await app.click("packet-save");
    const dialog = await waitForNewWindow(before);
    await app.screenshot("packets-save-dialog");
    await answerFileDialog(dialog.id, pdf);
    const saved = await app.byTestId("packet-saved", { timeout: 120_000 });
    assert.equal(await saved.attribute("data-path"), pdf);
    await app.screenshot("packets-saved");

    const check = await run("qpdf", ["--check", pdf]);
    assert.match(check.stdout, /No syntax or stream encoding errors/);
    const { stdout } = await run("pdftotext", [pdf, "-"]);
    // Compared without white space: the typesetter spaces Latin and Chinese apart, and breaks lines.
    const flat = stdout.replace(/\s+/g, "");
    const has = (s) => flat.includes(s.replace(/\s+/g, ""));
    for (const s of [project.reference, project.titleEn, project.titleZh, "New work item proposal"]) {
      assert.ok(has(s), `the PDF text has "${s}"`);
    }
    assert.ok(has("operational procedures for vertiports"), "the scope written in the app is in the packet");
    const fonts = (await run("pdffonts", [pdf])).stdout;
    assert.match(fonts, /NotoSerifCJKsc.*yes/, "the CJK font is embedded");
    assert.deepEqual(readdirSync(out), ["nwip packet.pdf"], "no temporary file left beside it");
  });

  it("refuses a path that cannot be written, clearly, and leaves no file", async () => {
    // The tests run as root, whom file modes do not stop; /proc takes no new files from anyone.
    const target = "/proc/normdesk-packet.pdf";
    const before = await visibleWindows();
    await app.click("packet-save");
    const dialog = await waitForNewWindow(before);
    await answerFileDialog(dialog.id, target);
    const error = await app.waitForText("packet-error", `cannot write ${target}`, { timeout: 60_000 });
    assert.ok(error.includes("Could not save the packet"), `the message says what failed: ${error}`);
    await app.screenshot("packets-refused");
    assert.equal(existsSync(target), false);
    assert.equal((await app.allByTestId("packet-saved")).length, 0, "no success is shown");
  });

  it("Print shows the pages and opens the system print dialog", async () => {
    await app.click("packet-print");
    const view = await app.byTestId("packet-print-view", { timeout: 120_000 });
    const pages = Number(await view.attribute("data-pages"));
    assert.ok(pages >= 3, `the print view shows the packet's pages (${pages})`);
    await app.screenshot("packets-print-view");

    const before = await visibleWindows();
    await app.click("packet-print-go");
    const dialog = await waitForNewWindow(before, { timeout: 60_000 }).catch(async (e) => {
      await app.screenshot("packets-print-no-dialog");
      throw e;
    });
    await app.screenshot("packets-print-dialog");
    await run("xdotool", ["windowfocus", "--sync", dialog.id]);
    await run("xdotool", ["key", "Escape"]);
    await waitUntil(async () => !(await visibleWindows()).has(dialog.id), { message: "the print dialog to close" });
    await app.click("packet-print-close");
  });

  it("a packet font that does not load is an error shown to the user, and no file is written", async () => {
    await app.close();
    const missing = join(out, "no-fonts");
    process.env.NORMDESK_FONTS = missing;
    try {
      app = await launchApp("packets-no-fonts");
      await app.click("project-row", { extra: `[data-id="${project.id}"]` });
      await app.type("field-scope", SCOPE);
      await app.type("field-purpose", PURPOSE);
      await app.click("project-save");
      await waitUntil(async () => (await (await app.byTestId("project-editor")).attribute("data-dirty")) === "false", { message: "the project to be saved" });
      await app.click("project-packet");
      await app.byTestId("packet-preflight", { extra: '[data-errors="0"]' });
      const target = join(out, "without fonts.pdf");
      const before = await visibleWindows();
      await app.click("packet-save");
      await answerFileDialog((await waitForNewWindow(before)).id, target);
      const error = await app.waitForText("packet-error", "NotoSerifCJKsc-Regular.otf", { timeout: 60_000 });
      assert.ok(error.includes(missing), `the message names the folder: ${error}`);
      await app.screenshot("packets-no-fonts");
      assert.equal(existsSync(target), false, "no PDF made with other fonts");
    } finally {
      delete process.env.NORMDESK_FONTS;
    }
  });
});
