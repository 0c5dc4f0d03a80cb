// A tiny W3C WebDriver client on `fetch`: just what the end-to-end tests use (sessions, elements,
// scripts, keys, screenshots). WebKitWebDriver speaks this protocol for WebKitGTK webviews,
// which is what a Tauri app on Linux is.

/** The W3C key of an element reference in responses. */
export const ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";

/** WebDriver's code points for special keys (https://w3c.github.io/webdriver/#keyboard-actions). */
export const Key = Object.freeze({
  BACKSPACE: "\uE003",
  TAB: "\uE004",
  ENTER: "\uE007",
  SHIFT: "\uE008",
  CONTROL: "\uE009",
  ESCAPE: "\uE00C",
  END: "\uE010",
  HOME: "\uE011",
  LEFT: "\uE012",
  DELETE: "\uE017",
});

/** An error answered by the driver, with its W3C error code. */
export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    const code = value?.error ?? `http ${status}`;
    super(`${method} ${path}: ${code}: ${value?.message ?? JSON.stringify(value)}`);
    this.name = "WebDriverError";
    this.code = code;
  }
}

/** One HTTP exchange with the driver; rejects with WebDriverError on a protocol error. */
export async function call(baseUrl, method, path, body, timeoutMs = 30_000) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new WebDriverError(method, path, response.status, { message: text.slice(0, 500) });
  }
  if (!response.ok) {
    throw new WebDriverError(method, path, response.status, json.value);
  }
  return json.value;
}

/**
 * Polls `probe` until it returns a truthy value (which is returned); fails after `timeout` ms.
 * Errors thrown by the probe count as "not yet", unless they are marked `fatal`.
 */
export async function waitUntil(probe, { timeout = 15_000, interval = 100, message = "condition" } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (e) {
      if (e?.fatal) throw e;
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** A WebDriver session: one running app. */
export class Session {
  constructor(baseUrl, id) {
    this.baseUrl = baseUrl;
    this.id = id;
  }

  /** Starts a session; retries when the driver is slow or drops the first request. */
  static async create(baseUrl, capabilities, { attempts = 3, timeoutMs = 60_000 } = {}) {
    let lastError;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const value = await call(baseUrl, "POST", "/session", { capabilities }, timeoutMs);
        return new Session(baseUrl, value.sessionId);
      } catch (e) {
        lastError = e;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
    throw new Error(`could not start a WebDriver session after ${attempts} attempts: ${lastError?.message}`);
  }

  cmd(method, path, body, timeoutMs) {
    return call(this.baseUrl, method, `/session/${this.id}${path}`, body, timeoutMs);
  }

  async delete() {
    await this.cmd("DELETE", "");
  }

  /** Runs `script` (a function body) in the page and returns its result. */
  execute(script, ...args) {
    return this.cmd("POST", "/execute/sync", { script, args: args.map(toWire) });
  }

  async find(css) {
    return new Element(this, await this.cmd("POST", "/element", { using: "css selector", value: css }));
  }

  async findAll(css) {
    const refs = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return refs.map((ref) => new Element(this, ref));
  }

  /** Presses a chord such as Ctrl+N: keys go down in order and come up in reverse. */
  async chord(...keys) {
    const down = keys.map((value) => ({ type: "keyDown", value }));
    const up = [...keys].reverse().map((value) => ({ type: "keyUp", value }));
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions: [...down, ...up] }] });
    await this.cmd("DELETE", "/actions");
  }

  /**
   * Types `text` into whatever has the focus, key by key (unlike Element Send Keys, which may
   * first move the caret to the end of the element): for editing at the caret or a selection.
   */
  async keys(text) {
    const actions = [...text].flatMap((value) => [
      { type: "keyDown", value },
      { type: "keyUp", value },
    ]);
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions");
  }

  /** A PNG of the webview. */
  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }
}

/** A reference to an element of the page. */
export class Element {
  constructor(session, ref) {
    this.session = session;
    this.ref = ref;
    this.id = ref[ELEMENT_KEY];
  }

  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }

  click() {
    return this.cmd("POST", "/click", {});
  }

  clear() {
    return this.cmd("POST", "/clear", {});
  }

  sendKeys(text) {
    return this.cmd("POST", "/value", { text });
  }

  text() {
    return this.cmd("GET", "/text");
  }

  attribute(name) {
    return this.cmd("GET", `/attribute/${encodeURIComponent(name)}`);
  }

  property(name) {
    return this.cmd("GET", `/property/${encodeURIComponent(name)}`);
  }

  async find(css) {
    return new Element(this.session, await this.cmd("POST", "/element", { using: "css selector", value: css }));
  }

  async findAll(css) {
    const refs = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return refs.map((ref) => new Element(this.session, ref));
  }
}

function toWire(arg) {
  return arg instanceof Element ? arg.ref : arg;
}
