// The projects register end to end, on the real app: a fresh database opens with the demo data;
// a project is created, moved through two stages, found by a Chinese substring; the language is
// switched; after a restart the project, its stage history and the language are still there.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { App, Key, launchApp } from "./lib/app.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

const REFERENCE = "ISO/CD 99001";
const TITLE_EN = "Unmanned aircraft systems — Test project";
const TITLE_ZH = "无人驾驶航空器系统测试项目";
const ROW = `[data-reference="${REFERENCE}"]`;

describe("projects register", { timeout: 300_000 }, () => {
  /** @type {App} */
  let app;
  let demoTotal;
  let projectId;

  before(async () => {
    app = await launchApp("projects");
  });

  after(async () => {
    await app?.close();
  });

  it("opens a fresh database seeded with the demo projects", async () => {
    const rows = await waitUntil(async () => {
      const all = await app.allByTestId("project-row");
      return all.length > 0 ? all : null;
    }, { message: "demo project rows" });
    const total = await app.byTestId("project-total");
    demoTotal = Number(await total.attribute("data-total"));
    assert.ok(demoTotal >= rows.length && demoTotal > 0, `project-total says ${demoTotal}, ${rows.length} rows shown`);
    assert.equal(await app.bodyData("lang"), "en", "the app starts in the system language (LANG=en_US)");
  });

  it("creates a project with Ctrl+N", async () => {
    await app.chord(Key.CONTROL, "n");
    await app.type("field-reference", REFERENCE);
    await app.type("field-title_en", TITLE_EN);
    await app.type("field-title_zh", TITLE_ZH);
    await app.select("field-tier", "international");
    await app.select("field-deliverable", "IS");
    await app.select("field-stage", "20.00");
    await app.click("project-save");

    const row = await app.byTestId("project-row", { extra: ROW });
    projectId = await row.attribute("data-id");
    assert.match(projectId, /^[0-9a-f-]{36}$/, "the new row carries the project's id");
    await app.waitForText("project-total", String(demoTotal + 1));
    const history = await app.waitForCount("stage-event", 1);
    assert.equal(await history[0].attribute("data-code"), "20.00");
  });

  it("changes the stage twice and records both in the history", async () => {
    for (const [code, count] of [["30.00", 2], ["30.20", 3]]) {
      await app.click("stage-change");
      await app.select("stage-code", code);
      await app.click("stage-apply");
      const events = await app.waitForCount("stage-event", count);
      const codes = await Promise.all(events.map((e) => e.attribute("data-code")));
      assert.ok(codes.includes(code), `history shows ${codes.join(", ")}; expected ${code} among them`);
    }
    // A saved project shows its stage as text beside "Change stage…"; the list row shows it too.
    await app.waitForText("project-row", "30.20", { extra: ROW });
  });

  it("finds the project by a Chinese substring of its title", async () => {
    await app.type("project-search", "航空器");
    await app.byTestId("project-row", { extra: ROW });
    await waitUntil(async () => Number(await (await app.byTestId("project-total")).attribute("data-total")) < demoTotal + 1, {
      message: "the search to narrow the list",
    });
    const shown = await app.allByTestId("project-row");
    assert.ok(shown.length >= 1);
    await app.type("project-search", "no project is called this 不存在");
    await app.waitForCount("project-row", 0);
    await app.type("project-search", "");
    await app.byTestId("project-row", { extra: ROW });
  });

  it("switches the language in Settings", async () => {
    await app.click("nav-settings");
    await app.select("settings-language", "zh-CN");
    await waitUntil(async () => (await app.bodyData("lang")) === "zh-CN", { message: "body[data-lang] to become zh-CN" });
    await app.select("settings-language", "en");
    await waitUntil(async () => (await app.bodyData("lang")) === "en", { message: "body[data-lang] to become en" });
    await app.select("settings-language", "zh-CN");
    await waitUntil(async () => (await app.bodyData("lang")) === "zh-CN", { message: "body[data-lang] to become zh-CN again" });
    await app.click("nav-projects");
  });

  it("keeps the project, its stage history and the language after a restart", async () => {
    await app.restart();
    assert.equal(await app.bodyData("lang"), "zh-CN", "the chosen language survives a restart");
    const row = await app.byTestId("project-row", { extra: ROW });
    assert.equal(await row.attribute("data-id"), projectId);
    await app.waitForText("project-row", "30.20", { extra: ROW });
    await row.click();
    const events = await app.waitForCount("stage-event", 3);
    const codes = (await Promise.all(events.map((e) => e.attribute("data-code")))).sort();
    assert.deepEqual(codes, ["20.00", "30.00", "30.20"]);
    assert.equal(await (await app.byTestId("field-title_zh")).property("value"), TITLE_ZH);

    // The README's screenshot: the register in English with the new project open.
    await app.click("nav-settings");
    await app.select("settings-language", "en");
    await waitUntil(async () => (await app.bodyData("lang")) === "en", { message: "body[data-lang] to become en" });
    await app.click("nav-projects");
    await (await app.byTestId("project-row", { extra: ROW })).click();
    await app.waitForCount("stage-event", 3);
    await app.screenshot("main-window");
  });
});
