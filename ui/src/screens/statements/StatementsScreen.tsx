// Liaison statements, incoming and outgoing: search, and direction, state, committee and
// open-only filters; the virtualised list (fetched page by page) with deadline and state
// (overdue marked), and the selected statement's page.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { VirtualList } from "../../components/VirtualList";
import { useDebounced } from "../../hooks/useDebounced";
import { usePagedRows } from "../../hooks/usePagedRows";
import { registersApi, type Direction, type StatementRow, type StatementState } from "../../platform/registers";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useReference } from "../../state/reference";
import { ExchangeMenu } from "../registers/ExchangeMenu";
import { countActive } from "../../lib/registers";
import { FilterBar, FilterCheck, FilterSelect } from "../../components/Filters";
import { DetailHeader, NothingSelected, RegisterLayout } from "../registers/Layout";
import { EMPTY_STATEMENT } from "../registers/defaults";
import { StatementForm } from "./StatementForm";
import { StatementView } from "./StatementView";

const DIRECTIONS: readonly Direction[] = ["incoming", "outgoing"];
const STATES: readonly StatementState[] = ["pending", "approved", "posted", "dead"];

type Selection = { kind: "none" } | { kind: "new" } | { kind: "existing"; id: string };

export function StatementsScreen() {
  const { t } = useTranslation();
  const { confirmLeave } = useUnsavedGuard();
  const { lookups } = useReference();
  const [text, setText] = useState("");
  const search = useDebounced(text.trim(), 150);
  const [direction, setDirection] = useState<Direction | null>(null);
  const [state, setState] = useState<StatementState | null>(null);
  const [committee, setCommittee] = useState<string | null>(null);
  const [openOnly, setOpenOnly] = useState(false);
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  const target = useTargetFor("statement");
  const fetch = useCallback(
    (offset: number, limit: number) => registersApi.listStatements({ search, direction, state, committee_id: committee, open_only: openOnly, offset, limit, today: null }),
    [search, direction, state, committee, openOnly],
  );
  const data = usePagedRows<StatementRow>(JSON.stringify([search, direction, state, committee, openOnly, version]), fetch);
  useEffect(() => {
    if (target) setSelection({ kind: "existing", id: target.id });
  }, [target]);
  const select = async (next: Selection) => {
    if (await confirmLeave()) setSelection(next);
  };
  const selectedId = selection.kind === "existing" ? selection.id : null;

  return (
    <RegisterLayout
      testId="statements-screen"
      title={t("statements.title")}
      toolbar={<>
        <input type="search" className="search" data-testid="statement-search" aria-label={t("statements.search")} placeholder={t("statements.search")} value={text} onChange={(e) => setText(e.target.value)} />
        <span className="total" data-testid="statement-total" data-total={data.total ?? ""}>{data.total === null ? "" : t("statements.total", { count: data.total })}</span>
        <div className="rg-toolbar-end">
          <ExchangeMenu kind="statement" onImported={() => setVersion((v) => v + 1)} />
          <button type="button" className="btn btn-primary" data-testid="statement-new" onClick={() => void select({ kind: "new" })}>{t("statements.new")}</button>
        </div>
      </>}
      filters={
        <FilterBar active={countActive([direction, state, committee, openOnly])} onClear={() => { setDirection(null); setState(null); setCommittee(null); setOpenOnly(false); }}>
          <FilterSelect id="direction" label={t("statements.fields.direction")} value={direction} options={DIRECTIONS.map((d) => ({ value: d, label: t(`enums.direction.${d}`) }))} onChange={(v) => setDirection(v as Direction | null)} />
          <FilterSelect id="state" label={t("statements.fields.state")} value={state} options={STATES.map((v) => ({ value: v, label: t(`enums.state.${v}`) }))} onChange={(v) => setState(v as StatementState | null)} />
          <FilterSelect id="committee_id" label={t("statements.fields.committee_id")} value={committee} options={lookups.committees.map((c) => ({ value: c.id, label: c.label }))} onChange={setCommittee} />
          <FilterCheck id="open_only" label={t("statements.openOnly")} checked={openOnly} onChange={setOpenOnly} />
        </FilterBar>
      }
      list={
        <VirtualList source={data} idOf={(r) => r.id} selectedId={selectedId} onSelect={(id) => void select({ kind: "existing", id })}
          label={t("statements.listLabel")} testId="statement-list" empty={<p className="list-empty">{t("reg.empty")}</p>}
          renderRow={(r, selected) => (
            <button type="button" role="option" aria-selected={selected} tabIndex={-1} className={selected ? "rg-row rg-row-selected" : "rg-row"} data-testid="statement-row" data-id={r.id} data-title={r.title} onClick={() => void select({ kind: "existing", id: r.id })}>
              <span className="rg-kind" title={t(`enums.direction.${r.direction}`)}>{r.direction === "incoming" ? "IN" : "OUT"}</span>
              <span className="rg-row-main"><span className="rg-ref">{r.title}</span><span className="muted">{r.from_party} → {r.to_party}</span></span>
              <span className="rg-row-side">{t(`enums.purpose.${r.purpose}`)}</span>
              <span className={r.overdue ? "rg-row-side rg-overdue" : "rg-row-side"}>{r.deadline ?? ""}</span>
              <span className={`rg-state rg-state-${r.state}`}>{t(`enums.state.${r.state}`)}</span>
            </button>
          )} />
      }
      detail={
        selection.kind === "none" ? <NothingSelected /> : selection.kind === "new" ? (
          <div className="editor">
            <DetailHeader title={t("statements.new")} />
            <div className="rg-scroll"><StatementForm id={null} initial={EMPTY_STATEMENT} onCancel={() => setSelection({ kind: "none" })} onSaved={(id) => { setVersion((v) => v + 1); setSelection({ kind: "existing", id }); }} /></div>
          </div>
        ) : (
          <StatementView key={selection.id} id={selection.id} onChanged={() => setVersion((v) => v + 1)} onDeleted={() => { setVersion((v) => v + 1); setSelection({ kind: "none" }); }} />
        )
      }
    />
  );
}
