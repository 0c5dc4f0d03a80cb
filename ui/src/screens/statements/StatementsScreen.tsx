// Liaison statements, incoming and outgoing: search, direction and open-only filters, the list
// with deadline and state (overdue marked), and the selected statement's page.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../hooks/useDebounced";
import { describeFailure } from "../../lib/errors";
import { registersApi, type Direction, type StatementPage } from "../../platform/registers";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { ExchangeMenu } from "../registers/ExchangeMenu";
import { DetailHeader, NothingSelected, RegisterLayout } from "../registers/Layout";
import { EMPTY_STATEMENT } from "../registers/defaults";
import { StatementForm } from "./StatementForm";
import { StatementView } from "./StatementView";

type Selection = { kind: "none" } | { kind: "new" } | { kind: "existing"; id: string };

export function StatementsScreen() {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const { confirmLeave } = useUnsavedGuard();
  const [text, setText] = useState("");
  const search = useDebounced(text.trim(), 150);
  const [direction, setDirection] = useState<Direction | null>(null);
  const [openOnly, setOpenOnly] = useState(false);
  const [page, setPage] = useState<StatementPage | null>(null);
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  const target = useTargetFor("statement");

  const load = useCallback(() => {
    registersApi.listStatements({ search, direction, open_only: openOnly, limit: 1000 }).then(setPage).catch((e: unknown) => notify("error", describeFailure(t, t("reg.actions.load"), e)));
  }, [search, direction, openOnly, notify, t]);
  useEffect(load, [load, version]);
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
        <select className="input" style={{ width: "auto" }} aria-label={t("statements.fields.direction")} data-testid="statement-direction" value={direction ?? ""} onChange={(e) => setDirection((e.target.value || null) as Direction | null)}>
          <option value="">{t("statements.all")}</option>
          <option value="incoming">{t("enums.direction.incoming")}</option>
          <option value="outgoing">{t("enums.direction.outgoing")}</option>
        </select>
        <label className="check"><input type="checkbox" data-testid="statement-open-only" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />{t("statements.openOnly")}</label>
        <span className="total" data-testid="statement-total" data-total={page?.total ?? ""}>{page ? t("statements.total", { count: page.total }) : ""}</span>
        <div className="rg-toolbar-end">
          <ExchangeMenu kind="statement" onImported={() => setVersion((v) => v + 1)} />
          <button type="button" className="btn btn-primary" data-testid="statement-new" onClick={() => void select({ kind: "new" })}>{t("statements.new")}</button>
        </div>
      </>}
      list={
        <div className="rg-list" role="listbox" aria-label={t("statements.listLabel")} data-testid="statement-list">
          {page?.rows.map((r) => (
            <button key={r.id} type="button" role="option" aria-selected={r.id === selectedId} className={r.id === selectedId ? "rg-row rg-row-selected" : "rg-row"} data-testid="statement-row" data-id={r.id} data-title={r.title} onClick={() => void select({ kind: "existing", id: r.id })}>
              <span className="rg-kind" title={t(`enums.direction.${r.direction}`)}>{r.direction === "incoming" ? "IN" : "OUT"}</span>
              <span className="rg-row-main"><span className="rg-ref">{r.title}</span><span className="muted">{r.from_party} → {r.to_party}</span></span>
              <span className="rg-row-side">{t(`enums.purpose.${r.purpose}`)}</span>
              <span className={r.overdue ? "rg-row-side rg-overdue" : "rg-row-side"}>{r.deadline ?? ""}</span>
              <span className={`rg-state rg-state-${r.state}`}>{t(`enums.state.${r.state}`)}</span>
            </button>
          ))}
          {page && page.total === 0 && <p className="list-empty">{t("reg.empty")}</p>}
        </div>
      }
      detail={
        selection.kind === "none" ? <NothingSelected /> : selection.kind === "new" ? (
          <div className="editor">
            <DetailHeader title={t("statements.new")} />
            <div className="rg-scroll"><StatementForm id={null} initial={EMPTY_STATEMENT} onCancel={() => setSelection({ kind: "none" })} onSaved={(id) => { setVersion((v) => v + 1); setSelection({ kind: "existing", id }); }} /></div>
          </div>
        ) : (
          <StatementView key={selection.id} id={selection.id} onChanged={() => setVersion((v) => v + 1)} />
        )
      }
    />
  );
}
