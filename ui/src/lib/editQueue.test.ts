import { EditorState, type ChangeSet } from "@codemirror/state";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EditOutcome, Selection, Splice } from "../bindings";
import { EditQueue, placeOutline, toSplices, type SaveState } from "./editQueue";

/** The store's side: a text changed by splices in UTF-16 units, as normdesk-text does. */
class FakeStore {
  text = "";
  sends: { at: number; splices: Splice[] }[] = [];
  fail = 0;
  /** What the store adds after a pause (like renumbering): a function of the text. */
  rewrite: (text: string) => Splice[] = () => [];
  delayMs = 20;

  send = async (splices: Splice[], _selection: Selection | null): Promise<EditOutcome> => {
    this.sends.push({ at: Date.now(), splices });
    await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.fail > 0) {
      this.fail -= 1;
      throw { kind: "database", message: "database is locked", field: null };
    }
    for (const s of splices) this.text = this.text.slice(0, s.pos) + s.insert + this.text.slice(s.pos + s.delete);
    const extra = this.rewrite(this.text);
    for (const s of extra) this.text = this.text.slice(0, s.pos) + s.insert + this.text.slice(s.pos + s.delete);
    return { splices: extra, outline: [], counts: {} as EditOutcome["counts"], length: this.text.length };
  };
}

/** The editor's side: a CodeMirror state that typing changes and the queue keeps in step. */
function setup(store: FakeStore) {
  let state = EditorState.create({ doc: "" });
  const states: SaveState[] = [];
  let diverged = 0;
  const queue = new EditQueue({
    send: store.send,
    remote: (changes: ChangeSet) => {
      state = state.update({ changes }).state;
    },
    saved: () => {},
    state: (s) => states.push(s),
    diverged: () => (diverged += 1),
  });
  const type = (at: number, insert: string, del = 0) => {
    const tr = state.update({ changes: { from: at, to: at + del, insert } });
    state = tr.state;
    queue.record(tr.changes, { anchor: 0, head: 0 });
  };
  return { queue, type, text: () => state.doc.toString(), states, diverged: () => diverged };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("splices", () => {
  it("are in order, in UTF-16 units, each against the text the previous ones left", () => {
    const state = EditorState.create({ doc: "𠀀 4 Pads\n注：平整" });
    const tr = state.update({ changes: [{ from: 3, to: 4, insert: "4.1" }, { from: 12, insert: "，坪面" }, { from: 0, to: 2, insert: "" }] });
    const splices = toSplices(tr.changes);
    expect(splices).toEqual([
      { pos: 0, delete: 2, insert: "" },
      { pos: 1, delete: 1, insert: "4.1" },
      { pos: 12, delete: 0, insert: "，坪面" },
    ]);
    let text = state.doc.toString();
    for (const s of splices) text = text.slice(0, s.pos) + s.insert + text.slice(s.pos + s.delete);
    expect(text).toBe(tr.state.doc.toString());
  });
});

describe("the edit queue", () => {
  it("sends one pause as one batch after the quiet time", async () => {
    const store = new FakeStore();
    const ed = setup(store);
    for (const [i, ch] of [..."1 范围"].entries()) {
      ed.type(i, ch);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(store.sends).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(store.sends).toHaveLength(1);
    expect(store.text).toBe("1 范围");
    expect(ed.states.at(-1)).toBe("saved");
    expect(ed.queue.dirty).toBe(false);
  });

  it("saves within a second of the first keystroke however fast someone types", async () => {
    const store = new FakeStore();
    const ed = setup(store);
    const start = Date.now();
    let firstUnsaved = start;
    for (let i = 0; i < 60; i++) {
      const before = store.sends.length;
      ed.type(i, "x");
      await vi.advanceTimersByTimeAsync(50);
      if (store.sends.length > before) {
        expect(store.sends.at(-1)!.at - firstUnsaved).toBeLessThanOrEqual(1000);
        firstUnsaved = Date.now();
      }
    }
    expect(store.sends.length).toBeGreaterThanOrEqual(3);
    await vi.runAllTimersAsync();
    expect(store.text).toBe("x".repeat(60));
  });

  it("keeps what is typed while a pause is in flight (a document still loading) and sends it next", async () => {
    const store = new FakeStore();
    store.delayMs = 1200;
    const ed = setup(store);
    ed.type(0, "Scope");
    await vi.advanceTimersByTimeAsync(350);
    expect(store.sends).toHaveLength(1);
    ed.type(5, " and field");
    ed.type(0, "1 ");
    await vi.advanceTimersByTimeAsync(2000);
    await vi.runAllTimersAsync();
    expect(store.sends).toHaveLength(2);
    expect(store.text).toBe("1 Scope and field");
    expect(ed.text()).toBe(store.text);
  });

  it("puts a failed pause back and sends it again, with what was typed since", async () => {
    const store = new FakeStore();
    store.fail = 2;
    const ed = setup(store);
    ed.type(0, "4 Requirements");
    await vi.advanceTimersByTimeAsync(350);
    ed.type(14, "\n4.1 Size");
    await vi.runAllTimersAsync();
    expect(ed.states).toContain("failed");
    expect(ed.states.at(-1)).toBe("saved");
    expect(store.text).toBe("4 Requirements\n4.1 Size");
  });

  it("applies the store's renumbering over what was typed meanwhile, so both texts agree", async () => {
    const store = new FakeStore();
    store.delayMs = 300;
    store.rewrite = (text) => (text.startsWith("7 ") ? [{ pos: 0, delete: 1, insert: "1" }] : []);
    const ed = setup(store);
    ed.type(0, "7 Scope\n");
    await vi.advanceTimersByTimeAsync(350);
    ed.type(8, "This document");
    ed.type(0, "Foreword\n");
    await vi.runAllTimersAsync();
    expect(store.text).toBe("Foreword\n1 Scope\nThis document");
    expect(ed.text()).toBe(store.text);
    expect(ed.diverged()).toBe(0);
  });

  it("reports a store whose text does not match the editor's", async () => {
    const store = new FakeStore();
    const ed = setup(store);
    store.text = "something else";
    ed.type(0, "a");
    await vi.runAllTimersAsync();
    expect(ed.diverged()).toBe(1);
  });
});

describe("the outline", () => {
  it("points at each heading's line in the editor's text, over what was typed since the save", () => {
    const stored = "1 Scope\nText.\n2 Terms\n";
    const outline = [
      { kind: "clause" as const, number: "1", title: "Scope", depth: 1, pos: 0, line: 0 },
      { kind: "clause" as const, number: "2", title: "Terms", depth: 1, pos: 14, line: 2 },
    ];
    const state = EditorState.create({ doc: stored });
    // Typed since: a line before everything, and words inside clause 1.
    const typed = state.update({ changes: [{ from: 0, insert: "Foreword\n" }, { from: 13, insert: " More words." }] });
    const placed = placeOutline(outline, typed.changes);
    const text = typed.state.doc.toString();
    expect(placed.map((h) => text.slice(h.pos, h.pos + 7))).toEqual(["1 Scope", "2 Terms"]);
    expect(placeOutline(outline, null)).toBe(outline);
  });
});
