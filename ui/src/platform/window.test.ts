import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { guardWindowClose } from "./window";

let calls: string[];

beforeEach(() => {
  calls = [];
  mockIPC(
    (cmd) => {
      calls.push(cmd);
      return null;
    },
    { shouldMockEvents: true },
  );
  mockWindows("main");
});
afterEach(() => clearMocks());

async function requestClose() {
  // Let the listener register (the mocked event plugin answers without calling the handler).
  await new Promise((r) => setTimeout(r, 0));
  await emit("tauri://close-requested");
}

describe("window close guard", () => {
  it("keeps the window open when the user stays with unsaved edits", async () => {
    const mayClose = vi.fn(() => Promise.resolve(false));
    const stop = guardWindowClose(mayClose);
    await requestClose();
    await vi.waitFor(() => expect(mayClose).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).not.toContain("plugin:window|destroy");
    stop();
  });

  it("closes the window when nothing is lost", async () => {
    const stop = guardWindowClose(() => Promise.resolve(true));
    await requestClose();
    await vi.waitFor(() => expect(calls).toContain("plugin:window|destroy"));
    stop();
  });

  it("does nothing outside the desktop shell", () => {
    clearMocks();
    expect(() => guardWindowClose(() => Promise.resolve(true))()).not.toThrow();
  });
});
