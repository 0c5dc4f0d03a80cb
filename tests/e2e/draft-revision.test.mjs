// Issue 5's flow as a person goes through it, on the real app and only through its UI: a
// project's English and Chinese drafts are typed in the editor (numbered clauses and
// sub-clauses, a Chinese passage), a revision "WD1" of each is named from the editor's
// "Revisions & comments" (the name used again is refused beside the field, nothing written),
// the texts are edited by typing (a word changed, a sentence deleted, a clause inserted between
// two others, which renumbers the next one; a Chinese word inserted and a phrase deleted), and
// the diff of WD1 against the current text shows exactly those words — Chinese character by
// character — each under its clause.

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";

import { App, Key, launchApp } from "./lib/app.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const run = promisify(execFile);
const sqlite = async (db, sql) => (await run("sqlite3", [db, sql])).stdout.trim();

const EN_TYPED = [
  "1 Scope",
  "This document specifies requirements for vertiport pads. It also gives guidance on their lighting.",
  "2 Terms and definitions",
  "No terms are defined in this document.",
  "3 Requirements",
  "3.1 Surface",
  "The pad shall be flat and marked.",
  "3.2 Lighting",
  "The pad shall be lit at night.",
];
const ZH_TYPED = ["1 范围", "本文件规定了垂直起降场的要求。", "2 要求", "起降场应平整并有标志。"];

const EN_EDITED =
  "1 Scope\nThis document specifies requirements for vertiport pads.\n2 Terms and definitions\nNo terms are defined in this document.\n" +
  "3 Requirements\n3.1 Surface\nThe pad shall be level and marked.\n3.2 Drainage\nWater shall drain off the pad.\n3.3 Lighting\nThe pad shall be lit at night.";
const ZH_EDITED = "1 范围\n本文件规定了垂直起降场的技术要求。\n2 要求\n起降场应平整。";

const editor = (lang) => `[data-testid="draft-editor-${lang}"] .cm-content`;
/** An element of the Revisions & comments section of `lang`. */
const inDraft = (lang, testid, extra = "") => `[data-testid="revisions"][data-lang="${lang}"] [data-testid="${testid}"]${extra}`;

describe("write clauses, name a revision, edit, view the diff", { timeout: 300_000 }, () => {
  /** @type {App} */
  let app;

  before(async () => {
    app = await launchApp("draft-revision");
  });

  after(async () => {
    await app?.close();
  });

  const find = (css) => waitUntil(async () => (await app.session.findAll(css))[0], { message: `${css} to appear` });
  const texts = async (root, testid) => Promise.all((await root.findAll(`[data-testid="${testid}"]`)).map((e) => e.text()));
  const words = (spans) => spans.join(" ").match(/[\p{L}\p{N}]+/gu) ?? [];
  const editorText = (lang) => app.session.execute(`return document.querySelector(arguments[0])?.innerText ?? null`, editor(lang));
  const saved = (lang) => app.byTestId(`draft-status-${lang}`, { extra: '[data-state="saved"]', timeout: 5000 });
  const outline = async (lang) =>
    Promise.all((await app.session.findAll(`[data-testid="draft-outline-${lang}"] [data-testid="draft-outline-item"]`)).map((e) => e.attribute("data-number")));

  /** Waits until the editor shows `expected`, its counts have caught up with it, and it is saved. */
  async function settled(lang, expected) {
    let seen = null;
    // innerText ends with the last line's break.
    await waitUntil(async () => (seen = await editorText(lang)) === `${expected}\n`, { timeout: 5000, message: `the ${lang} editor to read the expected text` }).catch((e) => {
      throw new Error(`${e.message}; it reads ${JSON.stringify(seen)}`);
    });
    // The counts follow the text a moment later; once they do, "Saving…" has shown for it.
    const characters = [...expected.replaceAll("\n", "")].length;
    await app.byTestId(`draft-counts-${lang}`, { extra: `[data-characters="${characters}"]`, timeout: 5000 });
    await saved(lang);
  }

  /** Selects the first match of `query` after the cursor with the editor's own Find (Ctrl+F,
   *  Enter) and goes back to the text with Escape, the match still selected. */
  async function selectByFind(lang, query) {
    await (await find(editor(lang))).click();
    await app.chord(Key.CONTROL, "f");
    const field = await find(`[data-testid="draft-pane-${lang}"] .cm-search input[name="search"]`);
    await waitUntil(async () => (await app.session.execute("return document.activeElement === arguments[0]", field)), { message: "the find field to take the focus" });
    await app.chord(Key.CONTROL, "a");
    await app.session.keys(query + Key.ENTER + Key.ESCAPE);
    await waitUntil(
      async () => (await app.session.execute("return document.activeElement?.classList.contains('cm-content') && String(getSelection())")) === query,
      { timeout: 5000, message: `"${query}" selected in the ${lang} editor` },
    );
  }

  /** Types keys at the cursor of the focused editor. */
  const type = (text) => app.session.keys(text);

  it("types numbered clauses in English and a Chinese passage beside them", async () => {
    await app.click("nav-projects");
    const row = await app.byTestId("project-row");
    await waitUntil(
      async () => {
        await row.click().catch(() => {});
        return (await app.allByTestId("project-draft-text")).length > 0;
      },
      { message: "the first project's detail pane" },
    );
    await app.click("project-draft-text");
    await app.click("draft-create-en");
    await app.byTestId("draft-pane-en", { extra: '[data-phase="open"]' });
    const en = await find(editor("en"));
    await en.click();
    await en.sendKeys(EN_TYPED.join(Key.ENTER));
    await waitUntil(async () => (await outline("en")).join() === "1,2,3,3.1,3.2", { timeout: 5000, message: "the outline 1, 2, 3, 3.1, 3.2" });

    await app.click("draft-mode-both");
    await app.click("draft-create-zh");
    await app.byTestId("draft-pane-zh", { extra: '[data-phase="open"]' });
    const zh = await find(editor("zh"));
    await zh.click();
    await zh.sendKeys(ZH_TYPED.join(Key.ENTER));
    await settled("zh", ZH_TYPED.join("\n"));
    await settled("en", EN_TYPED.join("\n"));
    // CodeMirror's own styles apply under the app's CSP (they come in a <style> with its nonce).
    const layout = await app.session.execute(
      `return [getComputedStyle(document.querySelector(".cm-editor")).display, getComputedStyle(document.querySelector(".cm-announced")).position]`,
    );
    assert.deepEqual(layout, ["flex", "fixed"], "CodeMirror's base theme is applied");
    await app.screenshot("draft-revision-typed");
  });

  it("names revision WD1 of each text from the editor, and refuses WD1 again beside the field, writing nothing", async () => {
    await app.click("draft-revisions");
    await app.byTestId("review-screen");
    for (const lang of ["en", "zh"]) {
      await (await find(inDraft(lang, "revision-name"))).sendKeys("WD1");
      await (await find(inDraft(lang, "revision-name-submit"))).click();
      await find(inDraft(lang, "revision-row", '[data-name="WD1"]'));
    }
    const stored = "SELECT d.lang || ':' || r.name || ':' || r.body FROM revision r JOIN draft d ON d.id = r.draft_id ORDER BY d.lang";
    const named = await sqlite(app.dbPath, stored);
    assert.equal(named, `en:WD1:${EN_TYPED.join("\n")}\nzh:WD1:${ZH_TYPED.join("\n")}`, "each revision holds the whole typed text");

    const logged = "SELECT count(*) FROM change_log WHERE entity = 'revision'";
    const changes = await sqlite(app.dbPath, logged);
    assert.notEqual(changes, "0", "naming a revision is in the change log");
    await (await find(inDraft("en", "revision-name"))).sendKeys("WD1");
    await (await find(inDraft("en", "revision-name-submit"))).click();
    const error = await find(inDraft("en", "error-revision-name"));
    assert.equal(await error.text(), "This draft already has a revision named 'WD1'; choose another name, such as WD2.");
    assert.equal(await sqlite(app.dbPath, stored), named, "no revision written");
    assert.equal(await sqlite(app.dbPath, logged), changes, "no change logged");
    assert.equal((await app.session.findAll(inDraft("en", "revision-row"))).length, 1);
    await app.screenshot("draft-revision-named");
  });

  it("edits both texts by typing: a word changed, a sentence deleted, a clause inserted; 技术 inserted, 并有标志 deleted", async () => {
    await (await find(inDraft("en", "revisions-edit"))).click();
    await app.byTestId("draft-pane-en", { extra: '[data-phase="open"]' });
    await app.click("draft-mode-both");
    await app.byTestId("draft-pane-zh", { extra: '[data-phase="open"]' });

    await selectByFind("en", "flat");
    await type("level");
    await selectByFind("en", " It also gives guidance on their lighting.");
    await type(Key.BACKSPACE);
    // A clause typed with a made-up number between 3.1 and 3.2: it becomes 3.2 and Lighting 3.3.
    await selectByFind("en", "and marked.");
    await type(Key.END + Key.ENTER + "3.9 Drainage" + Key.ENTER + "Water shall drain off the pad.");
    await waitUntil(async () => (await outline("en")).join() === "1,2,3,3.1,3.2,3.3", { timeout: 5000, message: "the outline to renumber" });
    await settled("en", EN_EDITED);

    await selectByFind("zh", "要求");
    await type(Key.LEFT + "技术");
    await selectByFind("zh", "并有标志");
    await type(Key.BACKSPACE);
    await settled("zh", ZH_EDITED);
    await app.screenshot("draft-revision-edited");
  });

  it("shows WD1 against the current text: exactly the words changed, under their clauses", async () => {
    await app.click("draft-revisions");
    await app.byTestId("review-screen");
    // From WD1 to the current text, chosen in the two lists.
    const wd1 = await find(inDraft("en", "compare-from") + ' option:not([value="current"])');
    assert.match(await wd1.text(), /^WD1/);
    await wd1.click();
    await (await find(inDraft("en", "compare-to") + ' option[value="current"]')).click();
    await (await find(inDraft("en", "compare-run"))).click();
    const view = await find(inDraft("en", "diff-view"));
    const clauses = await view.findAll('[data-testid="diff-clause"]');
    const en = {};
    for (const c of clauses) {
      en[await c.attribute("data-clause")] = { heading: await (await c.find("h4")).text(), added: await texts(c, "diff-added"), removed: await texts(c, "diff-removed") };
    }
    assert.deepEqual(
      Object.fromEntries(Object.entries(en).map(([k, v]) => [k, { heading: v.heading, added: words(v.added), removed: words(v.removed) }])),
      {
        1: { heading: "1 Scope", added: [], removed: ["It", "also", "gives", "guidance", "on", "their", "lighting"] },
        "3.1": { heading: "3.1 Surface", added: ["level"], removed: ["flat"] },
        "3.2": { heading: "3.2 Drainage", added: ["3", "2", "Drainage", "Water", "shall", "drain", "off", "the", "pad"], removed: [] },
      },
      `the English diff: ${JSON.stringify(en)}`,
    );
    assert.equal(await view.attribute("data-added"), "10");
    assert.equal(await view.attribute("data-removed"), "8");

    // The Chinese text: WD1 against the current text from the revision's row.
    await (await find(inDraft("zh", "revision-compare"))).click();
    const zhView = await find(inDraft("zh", "diff-view"));
    const zh = {};
    for (const c of await zhView.findAll('[data-testid="diff-clause"]')) {
      zh[await c.attribute("data-clause")] = { added: await texts(c, "diff-added"), removed: await texts(c, "diff-removed") };
    }
    assert.deepEqual(zh, { 1: { added: ["技术"], removed: [] }, 2: { added: [], removed: ["并有标志"] } }, "the Chinese diff, character by character");
    assert.equal(await zhView.attribute("data-added"), "2");
    assert.equal(await zhView.attribute("data-removed"), "4");
    assert.equal(await sqlite(app.dbPath, "SELECT count(*) FROM revision"), "2", "still only the two WD1");
    await app.screenshot("draft-revision-diff");
  });
});
