// The people directory's scrolling list: only visible rows exist (TanStack Virtual); arrow keys,
// Page Up/Down, Home and End move the selection.

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { personName } from "../../lib/registers";
import type { PeoplePages } from "./usePeoplePages";

const ROW = 40;

export function PeopleList({ data, selectedId, onSelect }: { data: PeoplePages; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const total = data.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : -1;
  const { ensureRange } = data;
  useEffect(() => {
    if (last >= first) ensureRange(first, last);
  }, [first, last, ensureRange]);

  function onKeyDown(e: KeyboardEvent) {
    let at = -1;
    for (let i = first; i <= last; i++) if (data.rowAt(i)?.id === selectedId) at = i;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW * 10) / ROW) - 1);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: total - 1 };
    if (!(e.key in moves) || total === 0) return;
    e.preventDefault();
    const index = Math.max(0, Math.min(total - 1, moves[e.key]));
    virtualizer.scrollToIndex(index, { align: "auto" });
    const row = data.rowAt(index);
    if (row) onSelect(row.id);
  }

  return (
    <div ref={scroller} className="rg-list" role="listbox" aria-label={t("people.listLabel")} tabIndex={0} onKeyDown={onKeyDown} data-testid="person-list">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const row = data.rowAt(item.index);
          const style = { position: "absolute" as const, top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${item.start}px)` };
          if (!row) return <div key={item.key} className="rg-row" style={style} />;
          return (
            <button
              key={item.key}
              type="button"
              role="option"
              aria-selected={row.id === selectedId}
              tabIndex={-1}
              className={row.id === selectedId ? "rg-row rg-row-selected" : "rg-row"}
              style={style}
              data-testid="person-row"
              data-id={row.id}
              data-email={row.email}
              onClick={() => onSelect(row.id)}
            >
              <span className="rg-row-main">
                <span className="rg-ref">{personName(row)}</span>
                <span className="muted">{row.email}</span>
              </span>
              <span className="rg-row-side">{row.organisation ?? ""}</span>
              <span className="rg-row-side" title={t("people.columns.roles")}>
                {row.current_roles > 0 ? `${row.current_roles} ${t("people.current")}` : ""}
              </span>
              {row.trained && <span className="badge badge-neutral">{t("people.trained")}</span>}
            </button>
          );
        })}
      </div>
      {data.total === 0 && <p className="list-empty">{t("reg.empty")}</p>}
    </div>
  );
}
