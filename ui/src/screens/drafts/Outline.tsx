// The outline pane of a draft: every clause and annex heading, each a button that jumps to its
// line. A 300-page draft has about a thousand headings, so only the visible ones exist
// (TanStack Virtual): the pane costs the same to paint — and to refresh after each stored
// pause — at any length.

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Heading } from "../../platform/drafts";

/** Height of one heading's row in pixels (`.draft-outline-item` in drafts.css). */
const ROW_HEIGHT = 22;

interface Props {
  lang: string;
  outline: Heading[];
  onJump: (pos: number) => void;
}

export function Outline({ lang, outline, onJump }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({ count: outline.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <nav className="draft-outline" ref={scroller} aria-label={t("drafts.outline")} data-testid={`draft-outline-${lang}`} data-count={outline.length}>
      {outline.length === 0 ? (
        <p className="muted draft-outline-empty">{t("drafts.outlineEmpty")}</p>
      ) : (
        <ol style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const h = outline[item.index];
            return (
              <li key={`${h.line}-${h.number}`} style={{ transform: `translateY(${item.start}px)`, paddingInlineStart: `${(h.depth - 1) * 0.9}rem` }}>
                <button type="button" className="draft-outline-item" data-testid="draft-outline-item" data-number={h.number} onClick={() => onJump(h.pos)}>
                  <span className="draft-outline-number">{h.kind === "annex" ? t("drafts.annex", { letter: h.number }) : h.number}</span> {h.title}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </nav>
  );
}
