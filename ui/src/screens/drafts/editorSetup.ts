// The CodeMirror 6 configuration of the draft editor: its styles under the CSP (the page's
// style nonce), undo history, find and replace with translated labels, line wrapping, and the
// markup's highlighting as line decorations over the visible lines only (fast at 1 MB), from
// lib/draftMarkup.ts.

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { EditorState, RangeSetBuilder, type Extension } from "@codemirror/state";
import { Decoration, drawSelection, EditorView, keymap, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import type { TFunction } from "i18next";
import { isTermNumber, lineKind } from "../../lib/draftMarkup";
import { styleNonce } from "../../lib/styleNonce";

const lineClass = new Map(
  ["heading", "note", "table", "caption", "figure", "term"].map((k) => [k, Decoration.line({ class: `cm-nd-${k}` })]),
);
const figureMark = Decoration.mark({ class: "cm-nd-figure-ref" });
const FIGURE = /\[\[\s*figure:[^\]]*\]\]/g;

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const doc = view.state.doc;
  for (const { from, to } of view.visibleRanges) {
    let line = doc.lineAt(from);
    for (;;) {
      const kind = lineKind(line.text);
      const term = kind === "paragraph" && line.number > 1 && isTermNumber(doc.line(line.number - 1).text);
      const deco = lineClass.get(term ? "term" : kind);
      if (deco) builder.add(line.from, line.from, deco);
      for (const m of line.text.matchAll(FIGURE)) builder.add(line.from + m.index, line.from + m.index + m[0].length, figureMark);
      if (line.to >= to || line.number === doc.lines) break;
      line = doc.line(line.number + 1);
    }
  }
  return builder.finish();
}

const markup = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = decorate(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);

/** CodeMirror's phrases (search panel, etc.) in the UI language. */
function phrases(t: TFunction): Record<string, string> {
  const keys = ["Find", "Replace", "next", "previous", "all", "match case", "regexp", "by word", "replace", "replace all", "close", "current match", "on line", "replaced $ matches", "replaced match on line $", "Go to line", "go"];
  return Object.fromEntries(keys.map((k) => [k, t(`drafts.cm.${k.replace(/[ $]/g, "_")}`)]));
}

export function extensions(t: TFunction, label: string, lang: string, onUpdate: (u: ViewUpdate) => void): Extension[] {
  const nonce = styleNonce();
  return [
    // CodeMirror's own styles go into a <style> element, which the CSP allows only with its nonce.
    ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
    // Positions must be the store's UTF-16 units: only "\n" splits lines, a "\r" stays a character.
    EditorState.lineSeparator.of("\n"),
    EditorState.phrases.of(phrases(t)),
    history(),
    drawSelection(),
    search({ top: true }),
    highlightSelectionMatches(),
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ "aria-label": label, lang: lang === "zh" ? "zh-CN" : "en", spellcheck: "false" }),
    markup,
    EditorView.updateListener.of(onUpdate),
  ];
}
