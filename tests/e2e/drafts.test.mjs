// The draft editor end to end, on the real app: a project's English draft is started from its
// detail pane; clauses typed with wrong numbers are numbered and listed in the outline; text
// typed just before the app is killed with SIGKILL is there after a restart, with the cursor.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { App, Key, launchApp } from "./lib/app.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const EDITOR = '[data-testid="draft-editor-en"] .cm-content';

describe("draft editor", { timeout: 300_000 }, () => {
  /** @type {App} */
  let app;
  let projectId;

  before(async () => {
    app = await launchApp("drafts");
  });

  after(async () => {
    await app?.close();
  });

  async function openDraftOfFirstProject() {
    await app.click("nav-projects");
    // The list may still be repainting its first page: click the row until its detail pane shows.
    await waitUntil(
      async () => {
        const row = (await app.allByTestId("project-row", projectId ? `[data-id="${projectId}"]` : ""))[0];
        if (!row) return false;
        projectId ??= await row.attribute("data-id");
        await row.click().catch(() => {});
        return (await app.allByTestId("project-draft-text")).length > 0;
      },
      { timeout: 15_000, message: "the project's detail pane with its Draft text button" },
    ).catch(async (e) => {
      await app.screenshot("drafts-no-detail-pane");
      throw e;
    });
    await app.click("project-draft-text");
    return app.byTestId("draft-pane-en");
  }

  const editorText = () => app.session.execute(`return document.querySelector(arguments[0])?.innerText ?? null`, EDITOR);
  const outlineNumbers = async () => Promise.all((await app.allByTestId("draft-outline-item")).map((e) => e.attribute("data-number")));
  const saved = () => app.byTestId("draft-status-en", { extra: '[data-state="saved"]', timeout: 5000 });

  it("starts a project's English draft from its detail pane", async () => {
    await openDraftOfFirstProject();
    await app.byTestId("draft-pane-en", { extra: '[data-phase="none"]' });
    await app.click("draft-create-en");
    await app.byTestId("draft-pane-en", { extra: '[data-phase="open"]' });
    await app.byTestId("draft-outline-en");
  });

  it("numbers the clauses as they are written and lists them in the outline", async () => {
    const editor = await app.session.find(EDITOR);
    await editor.click();
    const lines = ["7 Scope", "This document specifies vertiports.", "9 Terms and definitions", "4.4", "vertiport", "area for VTOL aircraft", "NOTE 5 Also called a pad."];
    await editor.sendKeys(lines.join(Key.ENTER) + Key.ENTER);
    await waitUntil(async () => (await outlineNumbers()).join() === "1,2,2.1", { timeout: 5000, message: "the outline 1, 2, 2.1" }).catch(async (e) => {
      throw new Error(`${e.message}; outline ${await outlineNumbers()}, text ${JSON.stringify(await editorText())}`);
    });
    await saved();
    const text = await editorText();
    assert.match(text, /^1 Scope\nThis document specifies vertiports\.\n2 Terms and definitions\n2\.1\nvertiport\narea for VTOL aircraft\nNOTE Also called a pad\./);
    // Chinese-aware counts of the numbered text ("NOTE 5" lost its number: 22 words, not 23).
    await app.byTestId("draft-counts-en", { extra: '[data-words="22"]', timeout: 5000 });
    await app.screenshot("drafts-numbered");
  });

  it("keeps text typed a second before the app is killed, and the cursor", async () => {
    const editor = await app.session.find(EDITOR);
    await editor.sendKeys(Key.CONTROL + Key.END + Key.CONTROL + "Typed just before the crash.");
    const host = await app.byTestId("draft-editor-en");
    const cursor = Number(await host.attribute("data-cursor"));
    await new Promise((r) => setTimeout(r, 1100));
    await app.killAndRestart();

    await openDraftOfFirstProject();
    await app.byTestId("draft-pane-en", { extra: '[data-phase="open"]' });
    const text = await waitUntil(editorText, { message: "the editor's text" });
    assert.ok(text.trimEnd().endsWith("pad.\nTyped just before the crash."), `after the restart the text ends ${JSON.stringify(text.slice(-60))}`);
    assert.equal(Number(await (await app.byTestId("draft-editor-en")).attribute("data-cursor")), cursor, "the cursor is back where it was");
    await app.screenshot("drafts-after-kill");
  });

  it("shows the Chinese text beside the English one and counts each Han character as a word", async () => {
    await app.click("draft-mode-both");
    await app.byTestId("draft-pane-en", { extra: '[data-phase="open"]' });
    await app.click("draft-create-zh");
    await app.byTestId("draft-pane-zh", { extra: '[data-phase="open"]' });
    const editor = await app.session.find('[data-testid="draft-editor-zh"] .cm-content');
    await editor.click();
    await editor.sendKeys("3 范围" + Key.ENTER + "本文件规定了垂直起降场的要求。");
    await app.byTestId("draft-status-zh", { extra: '[data-state="saved"]', timeout: 5000 });
    await app.byTestId("draft-outline-item", { extra: '[data-number="1"]' });
    // "1" + 范围 (2) + 本文件规定了垂直起降场的要求 (14); the full stop is not a word.
    await app.byTestId("draft-counts-zh", { extra: '[data-words="17"]', timeout: 5000 });
    await app.screenshot("drafts-side-by-side");
  });
});
