// A register's scrolling list: only the visible rows exist (TanStack Virtual), whether the rows
// are all in memory (`arraySource` in lib/pages) or fetched page by page as the list scrolls (`ensureRange`).
// Arrow keys, Page Up/Down, Home and End move the selection over the selectable rows. A list
// inside a record's page (`maxRows`, see PageList) is as tall as its rows, up to a window of
// `maxRows`, then scrolls; without `onSelect` nothing is selected and the keys scroll it.

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import type { RowSource } from "../lib/pages";

const ROW_HEIGHT = 40;

interface Props<T> {
  source: RowSource<T>;
  /** The id the selection follows; `null` for rows that cannot be selected (headings). */
  idOf?: (row: T) => string | null;
  selectedId?: string | null;
  /** Without it the list has no selection. */
  onSelect?: (id: string) => void;
  /** The row's element; `selected` tells whether it is the selection. */
  renderRow: (row: T, selected: boolean) => ReactNode;
  label: string;
  testId: string;
  role?: "listbox" | "tree" | "list";
  empty?: ReactNode;
  /** Inside a page: the list is as tall as its rows, at most this many, and scrolls past them. */
  maxRows?: number;
}

const noId = () => null;

export function VirtualList<T>({ source, idOf = noId, selectedId = null, onSelect, renderRow, label, testId, role = "listbox", empty, maxRows }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const total = source.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : -1;
  const { ensureRange } = source;
  useEffect(() => {
    if (ensureRange && last >= first) ensureRange(first, last);
  }, [first, last, ensureRange]);

  // The selection's index: looked for among the rendered rows first, then everywhere loaded.
  function selectedIndex(): number {
    for (let i = first; i <= last; i++) if (isSelected(i)) return i;
    for (let i = 0; i < total; i++) if (isSelected(i)) return i;
    return -1;
  }
  function isSelected(i: number): boolean {
    const row = source.rowAt(i);
    return row !== undefined && idOf(row) === selectedId && selectedId !== null;
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!onSelect) return;
    const at = selectedIndex();
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, [number, 1 | -1]> = {
      ArrowDown: [at + 1, 1], ArrowUp: [at - 1, -1], PageDown: [at + page, 1], PageUp: [at - page, -1], Home: [0, 1], End: [total - 1, -1],
    };
    if (!(e.key in moves) || total === 0) return;
    e.preventDefault();
    const [target, step] = moves[e.key];
    let index = Math.max(0, Math.min(total - 1, target));
    // Skip headings, in the direction of the move (or back, at an end).
    for (const dir of [step, -step]) {
      let i = index;
      while (i >= 0 && i < total && source.rowAt(i) !== undefined && idOf(source.rowAt(i) as T) === null) i += dir;
      if (i >= 0 && i < total) {
        index = i;
        break;
      }
    }
    virtualizer.scrollToIndex(index, { align: "auto" });
    const row = source.rowAt(index);
    const id = row === undefined ? null : idOf(row);
    if (id !== null) onSelect(id);
  }

  return (
    <div ref={scroller} className={maxRows ? "rg-list rg-list-inline" : "rg-list"} style={maxRows ? { height: windowHeight(total, maxRows) } : undefined}
      role={role} aria-label={label} tabIndex={0} onKeyDown={onKeyDown} data-testid={testId} data-total={source.total ?? ""}>
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const row = source.rowAt(item.index);
          const style = { position: "absolute" as const, top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
          return (
            <div key={item.key} className="rg-slot" style={style}>
              {row === undefined ? <div className="rg-row" /> : renderRow(row, selectedId !== null && idOf(row) === selectedId)}
            </div>
          );
        })}
      </div>
      {source.total === 0 && empty}
    </div>
  );
}

/** The height of a list inside a page: its rows (at least one, for "nothing matches"), at most
 *  `maxRows`, and its two borders. */
function windowHeight(total: number, maxRows: number): number {
  return Math.min(Math.max(total, 1), maxRows) * ROW_HEIGHT + 2;
}
