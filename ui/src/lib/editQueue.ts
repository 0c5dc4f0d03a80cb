// Never lose typing: the editor's changes go to the store one editing pause at a time, as
// splices in UTF-16 positions (as CodeMirror counts), and at most `maxWaitMs` after the first
// unsaved keystroke however fast someone types. One pause is in flight at a time; what is
// typed meanwhile waits (also while a large document is still loading on the Rust side, where
// the command waits for it), and nothing is dropped on a failure: the changes are put back and
// sent again. The store may answer with splices of its own (clause renumbering); they are
// mapped over what was typed meanwhile and handed to the editor.

import { ChangeSet } from "@codemirror/state";
import type { EditOutcome, Heading, Selection, Splice } from "../bindings";

/** A change set as the store's splices: in order, each against the text the previous ones left. */
export function toSplices(changes: ChangeSet): Splice[] {
  const out: Splice[] = [];
  changes.iterChanges((fromA, toA, fromB, _toB, inserted) => {
    out.push({ pos: fromB, delete: toA - fromA, insert: inserted.toString() });
  });
  return out;
}

/** The store's splices (in order) as one change set over a document of `length`. */
export function fromSplices(splices: Splice[], length: number): ChangeSet {
  let set = ChangeSet.empty(length);
  for (const s of splices) {
    const step = ChangeSet.of({ from: s.pos, to: s.pos + s.delete, insert: s.insert }, set.newLength);
    set = set.compose(step);
  }
  return set;
}

/** The store's outline (positions in the stored text) placed in the editor's text, which may
 *  hold changes typed since (`pending`): each heading keeps pointing at its line. */
export function placeOutline(outline: Heading[], pending: ChangeSet | null): Heading[] {
  return pending ? outline.map((h) => ({ ...h, pos: pending.mapPos(h.pos, 1) })) : outline;
}

export type SaveState = "saved" | "saving" | "failed";

export interface QueueHooks {
  /** Persists one pause; resolves when it is on disk. */
  send: (splices: Splice[], selection: Selection | null) => Promise<EditOutcome>;
  /** The store changed the text too (renumbering): apply these to the editor, outside undo history. */
  remote: (changes: ChangeSet) => void;
  /** A pause is on disk; `pending` is what was typed since (to map the outline's positions). */
  saved: (outcome: EditOutcome, pending: ChangeSet | null) => void;
  state: (state: SaveState, error?: unknown) => void;
  /** The store's text is not the length the editor expects: the editor must reload it. */
  diverged: () => void;
  /** Timers (injectable for tests). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
}

export class EditQueue {
  private pending: ChangeSet | null = null;
  private firstAt = 0;
  private selection: Selection | null = null;
  private inflight: Promise<void> | null = null;
  private timer: unknown = null;
  private retryMs = 500;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly now: () => number;

  constructor(
    private readonly hooks: QueueHooks,
    /** Quiet time that ends a pause. */
    private readonly pauseMs = 300,
    /** A pause is sent at the latest this long after its first change. */
    private readonly maxWaitMs = 800,
  ) {
    this.setTimer = hooks.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = hooks.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.now = hooks.now ?? (() => Date.now());
  }

  /** Whether something typed is not on disk yet. */
  get dirty(): boolean {
    return this.pending !== null || this.inflight !== null;
  }

  /** A local change (a transaction's changes) and the selection after it. */
  record(changes: ChangeSet, selection: Selection): void {
    if (changes.empty) return;
    if (!this.pending) this.firstAt = this.now();
    this.pending = this.pending ? this.pending.compose(changes) : changes;
    this.selection = selection;
    this.hooks.state("saving");
    this.schedule(Math.min(this.pauseMs, Math.max(0, this.firstAt + this.maxWaitMs - this.now())));
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Sends what is pending now (and what is typed while that is in flight); resolves when all is on disk or failed. */
  async flush(): Promise<void> {
    while (this.inflight) await this.inflight;
    if (!this.pending) return;
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    const sent = this.pending;
    this.pending = null;
    this.inflight = this.send(sent);
    try {
      await this.inflight;
    } finally {
      this.inflight = null;
    }
    if (this.pending && this.timer === null) this.schedule(0);
  }

  private async send(sent: ChangeSet): Promise<void> {
    let outcome: EditOutcome;
    try {
      outcome = await this.hooks.send(toSplices(sent), this.selection);
    } catch (error) {
      // Put the changes back in front of what was typed meanwhile, and try again later.
      this.pending = this.pending ? sent.compose(this.pending) : sent;
      this.firstAt = this.now();
      this.hooks.state("failed", error);
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 8000);
      return;
    }
    this.retryMs = 500;
    const theirs = fromSplices(outcome.splices, sent.newLength);
    if (outcome.length !== theirs.newLength) {
      this.pending = null;
      this.hooks.diverged();
      return;
    }
    if (outcome.splices.length > 0) {
      const forEditor = this.pending ? theirs.map(this.pending) : theirs;
      if (this.pending) this.pending = this.pending.map(theirs, true);
      this.hooks.remote(forEditor);
    }
    this.hooks.saved(outcome, this.pending);
    if (!this.pending) this.hooks.state("saved");
  }
}
