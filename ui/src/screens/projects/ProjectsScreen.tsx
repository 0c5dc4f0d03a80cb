// The projects register: search, filters and the virtualised list on the left, the selected
// project's editor on the right. Ctrl+N, Ctrl+S, Ctrl+F and Esc work anywhere on the screen.

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../hooks/useDebounced";
import { useDelayed } from "../../hooks/useDelayed";
import { DEFAULT_SORT, listKey, NO_FILTERS, toggleSort, type ProjectFilters, type SortState } from "../../lib/projectQuery";
import { shortcutOf } from "../../lib/shortcuts";
import type { ProjectDetail, ProjectSort } from "../../platform/api";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useReference } from "../../state/reference";
import type { EditorHandle } from "./EditorBody";
import { FilterBar } from "./FilterBar";
import { KeyHints } from "./KeyHints";
import { ProjectEditor, type Selection } from "./ProjectEditor";
import { ProjectList } from "./ProjectList";
import { useProjectPages } from "./useProjectPages";
import "./projects.css";

const SEARCH_DELAY_MS = 150;

export function ProjectsScreen() {
  const { t } = useTranslation();
  const { catalog, lookups } = useReference();
  const { confirmLeave } = useUnsavedGuard();
  const [searchText, setSearchText] = useState("");
  const search = useDebounced(searchText, SEARCH_DELAY_MS);
  const [otherFilters, setOtherFilters] = useState<ProjectFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  const [selectedIndex, setSelectedIndex] = useState<number | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const editor = useRef<EditorHandle | null>(null);

  const filters = useMemo(() => ({ ...otherFilters, search }), [otherFilters, search]);
  const data = useProjectPages(filters, sort, version);
  const refreshing = useDelayed(data.loading && data.total !== null, 300);
  const selectedId = selection.kind === "existing" ? selection.id : null;
  const listId = listKey(filters, sort);

  // A project opened from the search box, the dashboard or another register's page.
  const target = useTargetFor("project");
  useEffect(() => {
    if (target) setSelection({ kind: "existing", id: target.id });
  }, [target]);

  // Row positions mean nothing in another list (new search, filter or sort).
  const [indexedList, setIndexedList] = useState(listId);
  if (indexedList !== listId) {
    setIndexedList(listId);
    setSelectedIndex(null);
  }

  const select = useCallback(
    async (id: string, index: number) => {
      if (id === selectedId) {
        setSelectedIndex(index);
        return;
      }
      if (!(await confirmLeave())) return;
      setSelection({ kind: "existing", id });
      setSelectedIndex(index);
    },
    [selectedId, confirmLeave],
  );

  const startNew = useCallback(async () => {
    if (!(await confirmLeave())) return;
    setSelection({ kind: "new" });
    setSelectedIndex(null);
    window.setTimeout(() => document.getElementById("field-reference")?.focus(), 0);
  }, [confirmLeave]);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      const action = shortcutOf(e);
      if (!action || e.defaultPrevented) return;
      if (action === "new") {
        e.preventDefault();
        void startNew();
      } else if (action === "save") {
        e.preventDefault();
        void editor.current?.save();
      } else if (action === "search") {
        e.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
      } else if (action === "cancel" && editor.current) {
        e.preventDefault();
        editor.current.cancel();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [startNew]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  const onSaved = useCallback(
    (detail: ProjectDetail, created: boolean) => {
      if (created) {
        setSelection({ kind: "existing", id: detail.project.id, initial: detail });
        setSelectedIndex(null);
      }
      refresh();
    },
    [refresh],
  );

  const onDeleted = useCallback(() => {
    setSelection({ kind: "none" });
    setSelectedIndex(null);
    refresh();
  }, [refresh]);

  return (
    <div className="projects">
      <section className="register" aria-labelledby="projects-title">
        <div className="register-toolbar">
          <h1 id="projects-title" className="screen-title">
            {t("projects.title")}
          </h1>
          <input
            ref={searchBox}
            type="search"
            className="search"
            data-testid="project-search"
            placeholder={t("projects.searchPlaceholder")}
            aria-label={t("projects.search")}
            title={t("shortcuts.search")}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
          <span className="total" data-testid="project-total" data-total={data.total ?? ""} aria-live="polite">
            {data.total === null ? "" : t("projects.total", { count: data.total })}
            {refreshing && <span className="spinner" aria-label={t("common.loading")} />}
          </span>
          <button type="button" className="btn btn-primary" data-testid="project-new" onClick={() => void startNew()} title={t("shortcuts.new")}>
            {t("projects.new")}
          </button>
        </div>
        <FilterBar filters={otherFilters} onChange={setOtherFilters} catalog={catalog} lookups={lookups} />
        <ProjectList
          data={data}
          catalog={catalog}
          sort={sort}
          onSort={(column: ProjectSort) => setSort((s) => toggleSort(s, column))}
          selectedId={selectedId}
          selectedIndex={selectedIndex}
          onSelect={(id, index) => void select(id, index)}
          listId={listId}
        />
        <KeyHints />
      </section>
      <section className="detail" aria-label={t("editor.label")}>
        {selection.kind === "none" ? (
          <div className="editor-empty">
            <p>{t("editor.nothingSelected")}</p>
            <p className="muted">{t("editor.nothingSelectedHint")}</p>
          </div>
        ) : (
          <ProjectEditor
            key={selection.kind === "existing" ? selection.id : "new"}
            selection={selection}
            handle={editor}
            onSaved={onSaved}
            onDeleted={onDeleted}
            onClose={() => setSelection({ kind: "none" })}
            onStageChanged={refresh}
          />
        )}
      </section>
    </div>
  );
}
