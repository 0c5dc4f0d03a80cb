// The top bar's search over every register: Chinese substrings and English words, results
// grouped by kind; a click or Enter opens the record on its screen. Ctrl+K focuses the box.

import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../hooks/useDebounced";
import { registersApi, type SearchHit, type SearchResults } from "../platform/registers";
import { useRecordNavigation } from "../state/navigation";

const DELAY_MS = 200;

export function SearchBox() {
  const { t } = useTranslation();
  const { openRecord } = useRecordNavigation();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<SearchResults | null>(null);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), DELAY_MS);
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!query) return;
    let live = true;
    registersApi
      .searchEverywhere(query)
      .then((r) => {
        if (!live) return;
        setResults(r);
        setActive(0);
      })
      .catch(() => live && setResults({ query, groups: [] }));
    return () => {
      live = false;
    };
  }, [query]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        box.current?.focus();
        box.current?.select();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const shown = query && results?.query === query ? results : null;
  const hits: SearchHit[] = shown ? shown.groups.flatMap((g) => g.hits) : [];

  function go(hit: SearchHit) {
    setOpen(false);
    openRecord(hit.kind, hit.id);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.nativeEvent.isComposing) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.max(0, Math.min(hits.length - 1, a + (e.key === "ArrowDown" ? 1 : -1))));
    } else if (e.key === "Enter" && hits[active]) {
      e.preventDefault();
      go(hits[active]);
    } else if (e.key === "Escape") {
      e.stopPropagation();
      setOpen(false);
    }
  }

  let index = -1;
  return (
    <div className="topbar" role="search">
      <input
        ref={box}
        type="search"
        className="search"
        data-testid="global-search"
        aria-label={t("search.label")}
        placeholder={t("search.placeholder")}
        title="Ctrl+K"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        aria-expanded={open && shown !== null}
        aria-controls="search-results"
      />
      {open && shown && (
        <div id="search-results" className="search-results" role="listbox" aria-label={t("search.results")} data-testid="search-results">
          {shown.groups.length === 0 && <p className="search-hit muted">{t("search.none", { query })}</p>}
          {shown.groups.map((g) => (
            <div key={g.kind} data-testid="search-group" data-kind={g.kind}>
              <div className="search-group-title">
                <span>{t(`enums.searchKind.${g.kind}`)}</span>
                <span>{t("search.moreInKind", { count: g.total })}</span>
              </div>
              {g.hits.map((h) => {
                index += 1;
                const mine = index;
                return (
                  <button
                    key={h.id}
                    type="button"
                    role="option"
                    aria-selected={mine === active}
                    className={mine === active ? "search-hit search-hit-active" : "search-hit"}
                    data-testid="search-hit"
                    data-kind={h.kind}
                    data-id={h.id}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => go(h)}
                  >
                    <span>{h.label}</span>
                    {h.secondary && <span className="search-hit-sub">{h.secondary}</span>}
                  </button>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
