// One language's draft text: the editor, its outline, counts, save state and the passages a
// merge asks to review. The text, outline and counts show at once from the store's plain copy;
// the document loads in the background once they are painted, and what is typed meanwhile waits
// in the edit queue (lib/editQueue.ts). The open leaves `normdesk:draft-*` performance marks for
// tests/bench/draftOpen.mjs.

import { redo, undo } from "@codemirror/commands";
import { openSearchPanel } from "@codemirror/search";
import { Annotation, EditorSelection, EditorState, Transaction, type ChangeSet } from "@codemirror/state";
import { EditorView, type ViewUpdate } from "@codemirror/view";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { EditQueue, placeOutline, type SaveState } from "../../lib/editQueue";
import { ApiFailure } from "../../platform/api";
import { draftsApi, type Counts, type DraftSummary, type Heading, type Selection } from "../../platform/drafts";
import type { DraftLang } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { extensions } from "./editorSetup";
import { Outline } from "./Outline";
import { ReviewList } from "./ReviewList";

/** Changes that came from the store (renumbering), not from typing. */
const fromStore = Annotation.define<boolean>();

interface Props {
  projectId: string;
  lang: DraftLang;
  /** A clause to put the cursor at (from a comment), with a sequence number so a repeat still jumps. */
  clause: { clause: string; seq: number } | null;
}

type Phase = { kind: "loading" } | { kind: "none" } | { kind: "not_arrived" } | { kind: "open"; id: string } | { kind: "failed"; message: string };

/** Runs `fn` once the browser has painted the next frame. */
function afterPaint(fn: () => void) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

function selectionOf(state: EditorState): Selection {
  const main = state.selection.main;
  return { anchor: main.anchor, head: main.head };
}

export function DraftPane({ projectId, lang, clause }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [reload, setReload] = useState(0);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [outline, setOutline] = useState<Heading[]>([]);
  // Outline and counts come from the store (the same rules as the editor's highlighting), at
  // open and after each saved pause: counting a megabyte here would hold the editor up.
  const [counts, setCounts] = useState<Counts | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [openMs, setOpenMs] = useState<number | null>(null);
  const [reviewCount, setReviewCount] = useState(0);
  /** When the open began and the draft to load behind it, until the text, outline and counts have been painted. */
  const opening = useRef<{ started: number; draftId: string } | null>(null);

  // Which draft: the project's draft in this language, if there is one here.
  useEffect(() => {
    let live = true;
    setPhase({ kind: "loading" });
    draftsApi
      .list(projectId)
      .then((list: DraftSummary[]) => {
        if (!live) return;
        performance.mark("normdesk:draft-list");
        const mine = list.find((d) => d.lang === lang);
        setPhase(!mine ? { kind: "none" } : mine.has_text ? { kind: "open", id: mine.id } : { kind: "not_arrived" });
      })
      .catch((e: unknown) => live && setPhase({ kind: "failed", message: ApiFailure.from(e).message }));
    return () => {
      live = false;
    };
  }, [projectId, lang, reload]);

  const draftId = phase.kind === "open" ? phase.id : null;

  // The editor: text at once, document in the background, edits through the queue.
  useEffect(() => {
    if (!draftId || !host.current) return;
    const started = performance.now();
    let live = true;
    let selectionTimer: ReturnType<typeof setTimeout> | undefined;
    const queue = new EditQueue({
      send: (splices, selection) => draftsApi.apply(draftId, splices, selection),
      remote: (changes: ChangeSet) => view.current?.dispatch({ changes, annotations: [fromStore.of(true), Transaction.addToHistory.of(false)] }),
      saved: (outcome, pending) => {
        if (!live) return;
        setOutline(placeOutline(outcome.outline, pending));
        setCounts(outcome.counts);
      },
      state: (s, error) => {
        if (!live) return;
        setSaveState(s);
        if (s === "failed" && error) console.warn("draft not saved yet, retrying", error);
      },
      diverged: () => {
        notify("error", t("drafts.diverged"));
        setReload((n) => n + 1);
      },
    });
    const onUpdate = (u: ViewUpdate) => {
      if (u.selectionSet && host.current) host.current.dataset.cursor = String(u.state.selection.main.head);
      if (u.docChanged) {
        // The pause's batch carries the selection; a cursor-only save pending from before is moot.
        clearTimeout(selectionTimer);
        if (!u.transactions.some((tr) => tr.annotation(fromStore))) queue.record(u.changes, selectionOf(u.state));
      } else if (u.selectionSet) {
        clearTimeout(selectionTimer);
        selectionTimer = setTimeout(() => {
          const current = view.current;
          if (current && !queue.dirty) void draftsApi.setSelection(draftId, selectionOf(current.state)).catch(() => {});
        }, 1000);
      }
    };
    draftsApi
      .open(draftId)
      .then((draft) => {
        if (!live || !host.current) return;
        performance.mark("normdesk:draft-fetched");
        const length = draft.text.length;
        const clamp = (n: number) => Math.min(Math.max(n, 0), length);
        const selection = draft.selection ? EditorSelection.single(clamp(draft.selection.anchor), clamp(draft.selection.head)) : undefined;
        const state = EditorState.create({ doc: draft.text, selection, extensions: extensions(t, t("drafts.editorLabel", { lang: t(`drafts.lang.${lang}`) }), lang, onUpdate) });
        performance.mark("normdesk:draft-state");
        view.current = new EditorView({ state, parent: host.current });
        performance.mark("normdesk:draft-view");
        host.current.dataset.cursor = String(state.selection.main.head);
        view.current.dispatch({ effects: EditorView.scrollIntoView(state.selection.main.head, { y: "center" }) });
        view.current.focus();
        setOutline(draft.outline);
        setCounts(draft.counts);
        setReviewCount(draft.open_reviews);
        afterPaint(() => live && performance.mark("normdesk:draft-painted"));
        opening.current = { started, draftId };
      })
      .catch((e: unknown) => live && setPhase({ kind: "failed", message: ApiFailure.from(e).message }));
    return () => {
      live = false;
      opening.current = null;
      clearTimeout(selectionTimer);
      const closing = view.current;
      view.current = null;
      const last = closing ? selectionOf(closing.state) : null;
      closing?.destroy();
      void queue
        .flush()
        .then(() => (last ? draftsApi.setSelection(draftId, last) : null))
        .then(() => draftsApi.close(draftId))
        .catch(() => {});
    };
  }, [draftId, lang, t, notify]);

  // Open: once the text, outline and counts are on screen (the bench's `normdesk:draft-ready`),
  // the document itself loads (about a second at 1 MB, off the screen's way); edits made
  // meanwhile wait for it.
  useEffect(() => {
    const open = opening.current;
    if (open === null || !counts) return;
    opening.current = null;
    performance.mark("normdesk:draft-outline");
    afterPaint(() => {
      if (!view.current) return; // closed meanwhile
      performance.mark("normdesk:draft-ready");
      setOpenMs(Math.round(performance.now() - open.started));
      void draftsApi.preload(open.draftId).catch((e: unknown) => notify("error", describeFailure(t, t("drafts.actions.load"), e)));
    });
  }, [outline, counts, notify, t]);

  const jump = useCallback((pos: number) => {
    const v = view.current;
    if (!v) return;
    const at = v.state.doc.lineAt(Math.min(pos, v.state.doc.length)).from;
    v.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: "start" }) });
    v.focus();
  }, []);

  // A clause asked for from elsewhere (a ballot comment).
  useEffect(() => {
    if (!draftId || !clause || openMs === null) return;
    void draftsApi.clausePosition(draftId, clause.clause).then((hit) => hit && jump(hit.pos));
  }, [draftId, clause, openMs, jump]);

  async function create() {
    try {
      await draftsApi.create(projectId, lang);
      setReload((n) => n + 1);
    } catch (e) {
      notify("error", describeFailure(t, t("drafts.actions.create"), e));
    }
  }

  const langName = t(`drafts.lang.${lang}`);
  return (
    <section className="draft-pane" data-testid={`draft-pane-${lang}`} data-phase={phase.kind} data-open-ms={openMs ?? undefined} aria-label={langName}>
      <header className="draft-pane-header">
        <h3 className="draft-pane-title">{langName}</h3>
        {draftId && (
          <div className="draft-tools">
            <button type="button" className="btn btn-small" data-testid={`draft-undo-${lang}`} onClick={() => view.current && undo(view.current)}>
              {t("drafts.undo")}
            </button>
            <button type="button" className="btn btn-small" data-testid={`draft-redo-${lang}`} onClick={() => view.current && redo(view.current)}>
              {t("drafts.redo")}
            </button>
            <button type="button" className="btn btn-small" data-testid={`draft-find-${lang}`} onClick={() => view.current && openSearchPanel(view.current)}>
              {t("drafts.find")}
            </button>
            <span className={`draft-save draft-save-${saveState}`} data-testid={`draft-status-${lang}`} data-state={saveState} role="status">
              {t(`drafts.save.${saveState}`)}
            </span>
          </div>
        )}
      </header>
      {phase.kind === "loading" && <div className="draft-message" aria-busy="true" />}
      {phase.kind === "failed" && (
        <div className="draft-message" role="alert">
          <p>{t("drafts.loadFailed", { reason: phase.message })}</p>
        </div>
      )}
      {phase.kind === "not_arrived" && (
        <div className="draft-message">
          <p>{t("drafts.notArrived")}</p>
        </div>
      )}
      {phase.kind === "none" && (
        <div className="draft-message">
          <p>{t("drafts.none", { lang: langName })}</p>
          <button type="button" className="btn btn-primary" data-testid={`draft-create-${lang}`} onClick={() => void create()}>
            {t("drafts.create", { lang: langName })}
          </button>
        </div>
      )}
      {draftId && (
        <>
          {reviewCount > 0 && <ReviewList draftId={draftId} onJump={jump} onCount={setReviewCount} />}
          <div className="draft-body">
            <Outline lang={lang} outline={outline} onJump={jump} />
            <div className="draft-editor" ref={host} data-testid={`draft-editor-${lang}`} />
          </div>
          {counts && (
            <footer className="draft-counts" data-testid={`draft-counts-${lang}`} data-words={counts.words} data-characters={counts.characters}>
              {t("drafts.counts", { words: counts.words, characters: counts.characters, noSpaces: counts.characters_no_spaces })}
            </footer>
          )}
        </>
      )}
    </section>
  );
}
