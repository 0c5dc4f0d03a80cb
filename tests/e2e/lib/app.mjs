// Starts the real normdesk-desktop binary under WebKitWebDriver (what tauri-driver does on
// Linux, minus its proxy) and wraps the session in helpers that speak the UI's data-testids.
//
// Each App has its own temporary data directory: NORMDESK_DB, HOME and XDG_DATA_HOME point into
// it, so test files never share a database. WebKitWebDriver passes its environment on to the
// browser binary it launches, which is how the app sees them.

import { spawn, execFile } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

import { Element, Key, Session, call, waitUntil } from "./webdriver.mjs";

const run = promisify(execFile);

export const REPO = resolve(import.meta.dirname, "../../..");

// Drivers still running when the test process ends (a crash, a cancelled run) are stopped with
// it; WebKitWebDriver then ends its browser, i.e. the app.
const liveDrivers = new Set();
process.on("exit", () => {
  for (const driver of liveDrivers) driver.kill();
});
export const ARTIFACTS = join(REPO, "tests/artifacts");

/** The binary under test: $NORMDESK_DESKTOP_BIN, else the debug build in the cargo target dir. */
export function desktopBinary() {
  if (process.env.NORMDESK_DESKTOP_BIN) return resolve(process.env.NORMDESK_DESKTOP_BIN);
  const target = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(REPO, "target");
  return join(target, "debug", "normdesk-desktop");
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Launches the app on a fresh data directory and waits until its first page is painted. */
export async function launchApp(name) {
  const app = new App(name);
  await app.start();
  return app;
}

export class App {
  constructor(name) {
    this.name = name;
    this.binary = desktopBinary();
    if (!existsSync(this.binary)) {
      throw new Error(`${this.binary} does not exist; build it first (make test builds it)`);
    }
    this.dataDir = mkdtempSync(join(tmpdir(), `normdesk-e2e-${name}-`));
    this.dbPath = join(this.dataDir, "normdesk.db");
    this.driver = null;
    this.session = null;
    this.driverLogPath = join(this.dataDir, "webkitwebdriver.log");
  }

  /** Starts WebKitWebDriver (once) and a session, i.e. the app. */
  async start() {
    if (!this.driver) await this.startDriver();
    const capabilities = {
      alwaysMatch: { "webkitgtk:browserOptions": { binary: this.binary, args: [] } },
    };
    this.session = await Session.create(this.baseUrl, capabilities);
    await this.waitReady();
  }

  async startDriver() {
    const home = join(this.dataDir, "home");
    mkdirSync(home, { recursive: true });
    for (let attempt = 1; attempt <= 3; attempt++) {
      const port = await freePort();
      const logFd = openSync(this.driverLogPath, "a");
      const driver = spawn("WebKitWebDriver", [`--port=${port}`], {
        env: {
          ...process.env,
          TAURI_WEBVIEW_AUTOMATION: "true",
          NORMDESK_DB: this.dbPath,
          HOME: home,
          XDG_DATA_HOME: join(home, ".local/share"),
          XDG_CONFIG_HOME: join(home, ".config"),
          XDG_CACHE_HOME: join(home, ".cache"),
          // The scenario starts in English; it switches languages itself.
          LANG: "en_US.UTF-8",
          LANGUAGE: "en",
        },
        // A file, not a pipe: the app inherits these descriptors, and a pipe it held open
        // would keep this process waiting for its end.
        stdio: ["ignore", logFd, logFd],
      });
      closeSync(logFd);
      const exited = new Promise((r) => driver.once("exit", (code) => r(code ?? -1)));
      this.baseUrl = `http://127.0.0.1:${port}`;
      const ready = await Promise.race([
        waitUntil(async () => (await call(this.baseUrl, "GET", "/status", undefined, 2000))?.ready, {
          timeout: 15_000,
          message: "WebKitWebDriver to listen",
        }).then(() => true, () => false),
        exited.then(() => false),
      ]);
      if (ready) {
        this.driver = driver;
        liveDrivers.add(driver);
        driver.once("exit", () => liveDrivers.delete(driver));
        return;
      }
      driver.kill();
    }
    throw new Error(`WebKitWebDriver did not start:\n${readFileSync(this.driverLogPath, "utf8")}`);
  }

  /** Waits for `document.body.dataset.ready === "true"` (the first projects page is painted). */
  async waitReady(timeout = 30_000) {
    await waitUntil(
      async () => {
        const state = await this.session.execute(
          `const e = document.querySelector('[data-testid="startup-error"]');
           return { ready: document.body?.dataset.ready === "true", error: e ? e.textContent : null };`,
        );
        if (state.error) throw new StartupError(state.error);
        return state.ready;
      },
      { timeout, message: "the app to be ready (body[data-ready=true])" },
    );
  }

  /** Quits the app and starts it again on the same database. */
  async restart() {
    await this.quitApp();
    await this.start();
  }

  /**
   * Ends the session and waits until the app's process is gone (killing it if it lingers), so
   * that no second app opens the same database and no orphan outlives the test.
   */
  async quitApp() {
    const apps = this.driver ? childPids(this.driver.pid) : [];
    // The app may have quit already (a test closed its window); the session is then gone.
    await this.session?.delete().catch(() => {});
    this.session = null;
    await stopProcesses(apps);
  }

  /**
   * Kills the app's process with SIGKILL — as a crash or a power cut ends it: nothing is flushed,
   * no window closes — and starts it again on the same database.
   */
  async killAndRestart() {
    const apps = this.driver ? childPids(this.driver.pid) : [];
    if (apps.length === 0) throw new Error("there is no app process to kill");
    for (const pid of apps) process.kill(pid, "SIGKILL");
    await waitUntil(() => apps.every((pid) => !isRunning(pid)), { timeout: 10_000, message: "the killed app to be gone" });
    await this.session?.delete().catch(() => {});
    this.session = null;
    await this.start();
  }

  async close() {
    await this.quitApp();
    if (this.driver) {
      const driver = this.driver;
      const exited = driver.exitCode !== null ? Promise.resolve() : new Promise((r) => driver.once("exit", r));
      driver.kill();
      await exited;
      this.driver = null;
    }
    if (!process.env.NORMDESK_E2E_KEEP) {
      try {
        rmSync(this.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch (e) {
        // A desktop service started over D-Bus (the document portal) may still have a FUSE
        // mount in the temporary HOME; the directory is left for the OS to clean.
        console.error(`# left ${this.dataDir}: ${e.message}`);
      }
    }
  }

  // ---- page helpers, by data-testid ----

  /** The CSS selector of a test id, optionally with more attribute filters. */
  static sel(testid, extra = "") {
    return `[data-testid="${testid}"]${extra}`;
  }

  /** Waits for the element and returns it. */
  async byTestId(testid, { extra = "", timeout = 10_000 } = {}) {
    const css = App.sel(testid, extra);
    return waitUntil(async () => (await this.session.findAll(css))[0], { timeout, message: `${css} to appear` });
  }

  async allByTestId(testid, extra = "") {
    return this.session.findAll(App.sel(testid, extra));
  }

  async click(testid, opts) {
    const element = await this.byTestId(testid, opts);
    await clickWhenReady(element, `[data-testid=${testid}]`);
    return element;
  }

  /** Replaces the text of an input or textarea. */
  async type(testid, text) {
    const element = await this.byTestId(testid);
    await clickWhenReady(element, `[data-testid=${testid}]`);
    // Select all + Backspace, not WebDriver's Element Clear: React hears key input, while Clear
    // changes the DOM value behind its back and the component keeps its old state.
    if ((await element.property("value")) !== "") {
      await element.sendKeys(Key.CONTROL + "a" + Key.CONTROL + Key.BACKSPACE);
    }
    if (text !== "") await element.sendKeys(text);
    const value = await element.property("value");
    if (value !== text) {
      throw new Error(`typing into [data-testid=${testid}]: expected value ${JSON.stringify(text)}, saw ${JSON.stringify(value)}`);
    }
    return element;
  }

  /** Picks an option of a <select> by its value, as a user would (clicking the option). */
  async select(testid, value) {
    const select = await this.byTestId(testid);
    const options = await select.findAll(`option[value="${value}"]`);
    if (options.length === 0) {
      const all = await this.session.execute("return [...arguments[0].options].map(o => o.value)", select);
      throw new Error(`[data-testid=${testid}] has no option ${JSON.stringify(value)}; it offers ${JSON.stringify(all)}`);
    }
    await clickWhenReady(options[0], `[data-testid=${testid}] option[value="${value}"]`);
    await waitUntil(async () => (await select.property("value")) === value, {
      timeout: 5000,
      message: `[data-testid=${testid}] to take the value ${value} (saw ${await select.property("value")})`,
    });
    return select;
  }

  /** Waits until the element's text contains `text`; returns the text. */
  async waitForText(testid, text, { extra = "", timeout = 10_000 } = {}) {
    let seen = "(absent)";
    return waitUntil(
      async () => {
        const el = (await this.allByTestId(testid, extra))[0];
        seen = el ? await el.text() : "(absent)";
        return seen.includes(text) ? seen : null;
      },
      { timeout, message: `[data-testid=${testid}]${extra} to contain ${JSON.stringify(text)}` },
    ).catch((e) => {
      throw new Error(`${e.message}; it shows ${JSON.stringify(seen)}`);
    });
  }

  /** Waits until `count` elements carry the test id; returns them. */
  async waitForCount(testid, count, { extra = "", timeout = 10_000 } = {}) {
    let seen = 0;
    return waitUntil(
      async () => {
        const all = await this.allByTestId(testid, extra);
        seen = all.length;
        return seen === count ? all : null;
      },
      { timeout, message: `${count} × [data-testid=${testid}]${extra}` },
    ).catch((e) => {
      throw new Error(`${e.message}; saw ${seen}`);
    });
  }

  /** Presses a key chord in the app, e.g. `chord(Key.CONTROL, "n")`. */
  chord(...keys) {
    return this.session.chord(...keys);
  }

  /** A value from the page: `document.body.dataset[key]`. */
  bodyData(key) {
    return this.session.execute(`return document.body.dataset[arguments[0]] ?? null`, key);
  }

  /**
   * Saves `<name>.png` (the webview, via WebDriver) and, when an X display is there,
   * `<name>-screen.png` (the whole screen, with native dialogs) into tests/artifacts/.
   */
  async screenshot(name) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${name}.png`);
    // The webview's snapshot is its last painted frame: let the page paint what the DOM holds now.
    await this.session.cmd("POST", "/execute/async", {
      script: "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done())); setTimeout(done, 500);",
      args: [],
    });
    writeFileSync(file, await this.session.screenshot());
    if (process.env.DISPLAY) {
      await run("import", ["-window", "root", join(ARTIFACTS, `${name}-screen.png`)]).catch(() => {});
    }
    return file;
  }
}

/** The ids of a process's children (Linux /proc). */
function childPids(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Whether a process runs (a zombie, exited but not yet reaped, does not count). */
export function isRunning(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Waits for the processes to exit; kills those still running after `grace` ms. */
async function stopProcesses(pids, grace = 10_000) {
  const ended = await waitUntil(() => pids.every((pid) => !isRunning(pid)), { timeout: grace, message: "the app to exit" })
    .then(() => true, () => false);
  if (ended) return;
  for (const pid of pids.filter(isRunning)) {
    console.error(`# the app (pid ${pid}) did not exit within ${grace} ms; killing it`);
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
}

/**
 * Clicks once the element takes clicks: disabled buttons, elements under a closing dialog or
 * still animating are waited for; any other refusal fails at once, naming the element.
 */
async function clickWhenReady(element, what, timeout = 10_000) {
  let reason = "";
  await waitUntil(
    async () => {
      if (await element.property("disabled")) {
        reason = "it is disabled";
        return false;
      }
      try {
        await element.click();
        return true;
      } catch (e) {
        if (e.code === "element not interactable" || e.code === "element click intercepted") {
          if (process.env.NORMDESK_E2E_TRACE && reason !== e.code) console.error(`# waiting to click ${what}: ${e.code}`);
          reason = e.code;
          // WebKitWebDriver does not always scroll nested scroll panes; do what a user would.
          await element.session
            .execute("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' })", element)
            .catch(() => {});
          return false;
        }
        e.message = `clicking ${what}: ${e.message}`;
        e.fatal = true;
        throw e;
      }
    },
    { timeout, message: `${what} to take a click` },
  ).catch((e) => {
    if (!e.fatal) e.message += reason ? ` (${reason})` : "";
    throw e;
  });
}

class StartupError extends Error {
  constructor(text) {
    super(`the app showed its startup error: ${text}`);
    this.name = "StartupError";
    this.fatal = true;
  }
}

export { Element, Key };
