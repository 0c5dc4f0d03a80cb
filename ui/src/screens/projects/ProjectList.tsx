// The register's scrolling body: only the visible rows exist in the page (TanStack Virtual), and
// the pages holding them are fetched on demand. Arrow keys, Page Up/Down, Home and End move the
// selection.

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SortState } from "../../lib/projectQuery";
import type { ProjectSort, StageCatalog } from "../../platform/api";
import { ListHeader } from "./ListHeader";
import { ProjectRowView } from "./ProjectRowView";
import { HEADER_HEIGHT, ROW_HEIGHT } from "./columns";
import type { ProjectPages } from "./useProjectPages";

interface Props {
  data: ProjectPages;
  catalog: StageCatalog;
  sort: SortState;
  onSort: (column: ProjectSort) => void;
  selectedId: string | null;
  selectedIndex: number | null;
  onSelect: (id: string, index: number) => void;
  /** Changes when the list is a different one (filters, sort): scroll back to the top. */
  listId: string;
}

export function ProjectList({ data, catalog, sort, onSort, selectedId, selectedIndex, onSelect, listId }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const total = data.total ?? 0;
  // Rows beyond the visible ones are rendered only after the first paint, which then has less to do.
  const [painted, setPainted] = useState(false);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: painted ? 12 : 1,
    // Until the scroller has been measured, assume it is as tall as the window: the first render
    // then already holds the visible rows instead of waiting a frame for the measurement.
    initialRect: { width: 0, height: window.innerHeight },
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : -1;
  const { ensureRange } = data;

  useEffect(() => {
    if (last >= first) ensureRange(first, last);
  }, [first, last, ensureRange]);

  // The first rows (or the empty list) are on screen: the page is ready once they are painted.
  const shown = data.total !== null && (data.total === 0 || items.some((item) => data.rowAt(item.index) !== undefined));
  useEffect(() => {
    if (shown) setPainted(true);
  }, [shown]);
  useLayoutEffect(() => {
    if (shown && document.body.dataset.ready !== "true") afterNextPaint(markReady);
  }, [shown]);

  useEffect(() => {
    virtualizer.scrollToOffset(0);
    // Only when the list itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listId]);

  function move(to: number) {
    if (total === 0) return;
    const index = Math.max(0, Math.min(total - 1, to));
    virtualizer.scrollToIndex(index, { align: "auto" });
    const row = data.rowAt(index);
    if (row) onSelect(row.id, index);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const at = selectedIndex ?? -1;
    const target: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + page,
      PageUp: at - page,
      Home: 0,
      End: total - 1,
    };
    if (e.key in target && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      move(target[e.key]);
    }
  }

  return (
    <div
      ref={scroller}
      className={data.loading && data.total !== null ? "project-list list-refreshing" : "project-list"}
      role="grid"
      aria-label={t("projects.listLabel")}
      aria-rowcount={total + 1}
      aria-busy={data.loading}
      aria-activedescendant={selectedId ? `project-row-${selectedId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="project-list"
    >
      <ListHeader sort={sort} onSort={onSort} />
      <div className="list-canvas" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = data.rowAt(item.index);
          const top = item.start - HEADER_HEIGHT;
          return row ? (
            <ProjectRowView
              key={item.key}
              row={row}
              index={item.index}
              top={top}
              selected={row.id === selectedId}
              catalog={catalog}
              onSelect={onSelect}
            />
          ) : (
            <div
              key={item.key}
              className="list-row row-placeholder"
              role="row"
              aria-rowindex={item.index + 2}
              data-testid="project-row-placeholder"
              style={{ transform: `translateY(${top}px)` }}
            >
              <div className="placeholder-bar" />
            </div>
          );
        })}
      </div>
      {data.total === 0 && !data.loading && (
        <p className="list-empty" data-testid="project-list-empty">
          {t("projects.empty")}
        </p>
      )}
      {data.error && (
        <div className="list-error" role="alert">
          <span>{t("projects.loadFailed", { reason: data.error.message })}</span>
          <button type="button" className="btn btn-small" onClick={data.retry}>
            {t("common.retry")}
          </button>
        </div>
      )}
    </div>
  );
}

/** Runs `then` in the rendering update that paints the frame being prepared: a script that looks
 *  for its effect (a test, the startup benchmark) runs on the same thread, so after that paint. */
function afterNextPaint(then: () => void) {
  requestAnimationFrame(then);
}

/** The end-to-end tests and the startup benchmark wait for this: the first rows are on screen. */
function markReady() {
  if (document.body.dataset.ready === "true") return;
  document.body.dataset.ready = "true";
  // Milliseconds since the page started loading: the startup benchmark reports it.
  document.body.dataset.readyAt = performance.now().toFixed(0);
  performance.mark("normdesk:rows");
}
