import { shortcutOf } from "./shortcuts";

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("shortcutOf", () => {
  it.each([
    [key("n", { ctrlKey: true }), "new"],
    [key("S", { ctrlKey: true }), "save"],
    [key("s", { metaKey: true }), "save"],
    [key("f", { ctrlKey: true }), "search"],
    [key("Escape"), "cancel"],
  ])("%o → %s", (e, expected) => {
    expect(shortcutOf(e)).toBe(expected);
  });

  it("leaves plain typing and other combinations alone", () => {
    expect(shortcutOf(key("n"))).toBeNull();
    expect(shortcutOf(key("s", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutOf(key("n", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutOf(key("x", { ctrlKey: true }))).toBeNull();
  });

  it("ignores Esc while a Chinese input method is composing", () => {
    expect(shortcutOf({ ...key("Escape"), isComposing: true })).toBeNull();
  });
});
