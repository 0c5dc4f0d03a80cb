// `make bench`: Normdesk's start to its first painted projects list, against a bare Tauri window
// built the same way (src-tauri/examples/bare_window.rs) in the same run. Both are started by
// WebKitWebDriver exactly as the end-to-end tests start the app; the clock runs from the session
// request (which launches the binary) until the page says it is ready: for Normdesk
// `body[data-ready=true]` (set after the rows have been painted), for the bare window its first
// contentful paint.
// Runs alternate A B A B … so drift on a shared machine hits both; medians and the ratio print.
//
// Usage: node tests/bench/startup.mjs APP_BINARY BARE_BINARY [ROUNDS]   (under Xvfb)

import { App } from "../e2e/lib/app.mjs";
import { Session, waitUntil } from "../e2e/lib/webdriver.mjs";

const [appBinary, bareBinary, roundsArg] = process.argv.slice(2);
if (!appBinary || !bareBinary) {
  console.error("usage: node tests/bench/startup.mjs APP_BINARY BARE_BINARY [ROUNDS]");
  process.exit(2);
}
const rounds = Number(roundsArg ?? 7);

const pageTimes = [];
// Milliseconds from the launch request to the page's navigation start, per app.
const before = {};
// Milliseconds from navigation start to each phase of the page's start (the app's own marks).
const phases = {};
const PHASES = `
  const t = performance.timing;
  const out = { "html received": t.responseEnd - t.navigationStart, "DOM content loaded": t.domContentLoadedEventStart - t.navigationStart };
  for (const m of performance.getEntriesByType("mark")) out[m.name] = Math.round(m.startTime);
  for (const p of performance.getEntriesByType("paint")) out[p.name] = Math.round(p.startTime);
  return out;`;

async function timeStart(app, readyScript) {
  const capabilities = { alwaysMatch: { "webkitgtk:browserOptions": { binary: app.binary, args: [] } } };
  const started = performance.now();
  const launchedAt = Date.now();
  const session = await Session.create(app.baseUrl, capabilities);
  await waitUntil(async () => session.execute(readyScript), { timeout: 60_000, interval: 5, message: "ready" });
  const elapsed = performance.now() - started;
  const inPage = await session.execute("return document.body.dataset.readyAt ?? null;").catch(() => null);
  if (inPage !== null) pageTimes.push(Number(inPage));
  const marks = await session.execute(PHASES).catch(() => null);
  for (const [name, at] of Object.entries(marks ?? {})) (phases[`${app.name}: ${name}`] ??= []).push(at);
  // Before the page: the process, GTK, WebKit's processes, the window (same clock as Date.now()).
  const navigationStart = await session.execute("return performance.timing.navigationStart;").catch(() => null);
  if (navigationStart) (before[app.name] ??= []).push(navigationStart - launchedAt);
  await session.delete().catch(() => {});
  return elapsed;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The harness's App checks this binary exists; the bare window reuses it with its own binary.
process.env.NORMDESK_DESKTOP_BIN = appBinary;
const normdesk = new App("bench-startup");
normdesk.binary = appBinary;
const bare = new App("bench-bare");
bare.binary = bareBinary;
try {
  await normdesk.startDriver();
  await bare.startDriver();
  const appReady = 'return document.body?.dataset.ready === "true";';
  // The bare window counts as started when its page has been painted (its first contentful
  // paint), the same moment the app's readiness marks: rows on screen, after the browser painted.
  const bareReady = 'return performance.getEntriesByType("paint").some((e) => e.name === "first-contentful-paint");';
  // Warm-up: the first start seeds the demo data and fills the OS caches; it is not counted.
  await timeStart(normdesk, appReady);
  await timeStart(bare, bareReady);
  const a = [];
  const b = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await timeStart(normdesk, appReady));
    b.push(await timeStart(bare, bareReady));
  }
  const ratios = a.map((x, i) => x / b[i]);
  const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(" ");
  console.log(`startup, Normdesk to first list painted: median ${median(a).toFixed(0)} ms  (runs: ${fmt(a)})`);
  console.log(`startup, bare Tauri window to its page painted: median ${median(b).toFixed(0)} ms  (runs: ${fmt(b)})`);
  for (const [name, times] of Object.entries(phases)) {
    console.log(`startup phase (ms after navigation start, median): ${name} ${median(times).toFixed(0)}`);
  }
  for (const [name, times] of Object.entries(before)) {
    console.log(`startup, ${name}: launch to navigation start: median ${median(times).toFixed(0)} ms`);
  }
  if (pageTimes.length) {
    console.log(`startup, of which inside the page (load to rows painted): median ${median(pageTimes).toFixed(0)} ms`);
  }
  console.log(
    `startup ratio Normdesk / bare window: median ${median(ratios).toFixed(2)}x  ` +
      `(pairwise ${ratios.map((r) => r.toFixed(2)).join(" ")}; limit <= 1.3x)`,
  );
} finally {
  await normdesk.close();
  await bare.close();
}
