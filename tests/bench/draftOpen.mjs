// `make bench`: opening a 1 MB draft (about 300 pages of a standard, tests/bench/standardText.mjs)
// in the running release app, from the user's click on a project's "Draft text" to the editor
// showing the text with its outline and counts (the pane's `normdesk:draft-ready` mark, set after
// the browser painted them). The baseline, in the same run and the same app, is opening a tiny
// draft the same way; runs alternate big, tiny, big, tiny … so drift on a shared machine hits
// both. The drafts are seeded with the CLI (`normdesk text set`), as a user would import a text.
//
// Prints the medians, their ratio, and the median time of each phase after the click, from the
// pane's marks: normdesk:draft-list (which drafts the project has), draft-fetched (the text,
// outline and counts over IPC), draft-state (CodeMirror state), draft-view (editor built),
// draft-painted (first paint with the text), draft-ready (outline and counts painted too).
//
// Usage: node tests/bench/draftOpen.mjs APP_BINARY CLI_BINARY [ROUNDS]   (under Xvfb)

import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { App } from "../e2e/lib/app.mjs";
import { waitUntil } from "../e2e/lib/webdriver.mjs";
import { standardText } from "./standardText.mjs";

const [appBinary, cliBinary, roundsArg] = process.argv.slice(2);
if (!appBinary || !cliBinary) {
  console.error("usage: node tests/bench/draftOpen.mjs APP_BINARY CLI_BINARY [ROUNDS]");
  process.exit(2);
}
const rounds = Number(roundsArg ?? 7);
const PHASES = ["list", "fetched", "state", "view", "painted", "outline", "ready"];

process.env.NORMDESK_DESKTOP_BIN = appBinary;
const app = new App("bench-draft-open");

/** Runs the CLI on the app's database; returns its output. */
function cli(...args) {
  return execFileSync(cliBinary, ["--db", app.dbPath, ...args], { encoding: "utf8" }).trim();
}

/** A project with an English draft of `text`; returns the project's id. */
function seed(reference, text) {
  const id = cli("new", "project", `reference=${reference}`, "title_en=Vertiports", "tier=international", "deliverable=IS", "our_role=lead", "stage=30.20");
  const file = join(app.dataDir, `${id}.txt`);
  writeFileSync(file, text);
  const started = performance.now();
  cli("text", "set", id, "--file", file, "--lang", "en");
  return { id, bytes: Buffer.byteLength(text), seedMs: performance.now() - started };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Opens the project's detail pane and then its draft with a click; returns the marks (ms after the click). */
async function openDraft(projectId) {
  await app.click("nav-projects");
  await waitUntil(
    async () => {
      const row = (await app.allByTestId("project-row", `[data-id="${projectId}"]`))[0];
      if (!row) return false;
      await row.click().catch(() => {});
      return (await app.allByTestId("project-draft-text")).length > 0;
    },
    { timeout: 15_000, message: "the project's detail pane with its Draft text button" },
  );
  // Let the detail pane settle (and the previous draft's background load finish) before the click.
  await new Promise((r) => setTimeout(r, 1500));
  await app.session.execute(`
    for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("normdesk:draft")) performance.clearMarks(m.name);
    performance.mark("normdesk:draft-click");
    document.querySelector('[data-testid="project-draft-text"]').click();`);
  const marks = await waitUntil(
    () =>
      app.session.execute(`
        const marks = Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("normdesk:draft")).map((m) => [m.name.slice(15), m.startTime]));
        return marks.ready === undefined ? null : marks;`),
    { timeout: 60_000, interval: 20, message: "the draft's editor, outline and counts (normdesk:draft-ready)" },
  );
  const out = {};
  for (const phase of PHASES) if (marks[phase] !== undefined) out[phase] = marks[phase] - marks.click;
  return out;
}

try {
  const big = seed("ISO/CD 21384-5", standardText("en", 1 << 20));
  const tiny = seed("ISO/CD 21384-6", standardText("en", 2_000));
  await app.start();
  // Warm-up (not counted): the first open of each loads the code and fills the caches.
  await openDraft(big.id);
  await openDraft(tiny.id);
  const times = { big: [], tiny: [] };
  const phases = { big: {}, tiny: {} };
  for (let i = 0; i < rounds; i++) {
    for (const [name, draft] of [["big", big], ["tiny", tiny]]) {
      const marks = await openDraft(draft.id);
      times[name].push(marks.ready);
      for (const [phase, at] of Object.entries(marks)) (phases[name][phase] ??= []).push(at);
    }
  }
  await app.screenshot("bench-draft-open");
  const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(" ");
  const mb = (bytes) => (bytes / 1048576).toFixed(2);
  console.log(`draft open, ${mb(big.bytes)} MB draft, click to text, outline and counts painted: median ${median(times.big).toFixed(0)} ms  (runs: ${fmt(times.big)}; target <= 300 ms)`);
  console.log(`draft open, ${(tiny.bytes / 1024).toFixed(0)} KB draft (baseline): median ${median(times.tiny).toFixed(0)} ms  (runs: ${fmt(times.tiny)})`);
  const ratios = times.big.map((x, i) => x / times.tiny[i]);
  console.log(`draft open ratio 1 MB / tiny: median ${median(ratios).toFixed(2)}x  (pairwise ${ratios.map((r) => r.toFixed(2)).join(" ")})`);
  for (const name of ["big", "tiny"]) {
    const line = PHASES.filter((p) => phases[name][p]).map((p) => `${p} ${median(phases[name][p]).toFixed(0)}`);
    console.log(`draft open phases, ${name} (ms after the click, median): ${line.join(", ")}`);
  }
  console.log(`draft seeding with the CLI (text set of the whole text, release): ${mb(big.bytes)} MB ${big.seedMs.toFixed(0)} ms, tiny ${tiny.seedMs.toFixed(0)} ms`);
} finally {
  await app.close();
}
