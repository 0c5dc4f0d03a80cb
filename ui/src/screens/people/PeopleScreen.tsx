// The people directory: search (Chinese substrings and English words), an organisation
// filter, the virtualised list fetched page by page, and the selected person's page; New
// person opens an empty form; export and import the register.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { VirtualList } from "../../components/VirtualList";
import { useDebounced } from "../../hooks/useDebounced";
import { usePagedRows } from "../../hooks/usePagedRows";
import { countActive, personName } from "../../lib/registers";
import { registersApi, type PersonRow } from "../../platform/registers";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useReference } from "../../state/reference";
import { ExchangeMenu } from "../registers/ExchangeMenu";
import { FilterBar, FilterSelect } from "../../components/Filters";
import { DetailHeader, NothingSelected, RegisterLayout } from "../registers/Layout";
import { useOrganisationOptions } from "../registers/options";
import { EMPTY_PERSON } from "../registers/defaults";
import { PersonForm } from "./PersonForm";
import { PersonView } from "./PersonView";

type Selection = { kind: "none" } | { kind: "new" } | { kind: "existing"; id: string };

export function PeopleScreen() {
  const { t } = useTranslation();
  const { confirmLeave } = useUnsavedGuard();
  const { reloadLookups } = useReference();
  const [text, setText] = useState("");
  const search = useDebounced(text.trim(), 150);
  const [organisation, setOrganisation] = useState<string | null>(null);
  const organisations = useOrganisationOptions();
  const [version, setVersion] = useState(0);
  const fetch = useCallback(
    (offset: number, limit: number) => registersApi.listPeople({ search, organisation_id: organisation, offset, limit, today: null }),
    [search, organisation],
  );
  const data = usePagedRows<PersonRow>(`${search}#${organisation}#${version}`, fetch);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  const target = useTargetFor("person");

  useEffect(() => {
    if (target) setSelection({ kind: "existing", id: target.id });
  }, [target]);

  const select = async (next: Selection) => {
    if (await confirmLeave()) setSelection(next);
  };
  const changed = () => {
    setVersion((v) => v + 1);
    reloadLookups();
  };

  return (
    <RegisterLayout
      testId="people-screen"
      title={t("people.title")}
      toolbar={<>
        <input type="search" className="search" data-testid="person-search" aria-label={t("people.search")} placeholder={t("people.search")} value={text} onChange={(e) => setText(e.target.value)} />
        <span className="total" data-testid="person-total" data-total={data.total ?? ""}>{data.total === null ? "" : t("people.total", { count: data.total })}</span>
        <div className="rg-toolbar-end">
          <ExchangeMenu kind="person" onImported={changed} />
          <button type="button" className="btn btn-primary" data-testid="person-new" onClick={() => void select({ kind: "new" })}>{t("people.new")}</button>
        </div>
      </>}
      filters={
        <FilterBar active={countActive([organisation])} onClear={() => setOrganisation(null)}>
          <FilterSelect id="organisation_id" label={t("people.fields.organisation_id")} value={organisation} options={organisations.map((o) => ({ value: o.id, label: o.label }))} onChange={setOrganisation} />
        </FilterBar>
      }
      list={
        <VirtualList source={data} idOf={(r) => r.id} selectedId={selection.kind === "existing" ? selection.id : null} onSelect={(id) => void select({ kind: "existing", id })}
          label={t("people.listLabel")} testId="person-list" empty={<p className="list-empty">{t("reg.empty")}</p>}
          renderRow={(row, selected) => (
            <button type="button" role="option" aria-selected={selected} tabIndex={-1} className={selected ? "rg-row rg-row-selected" : "rg-row"} data-testid="person-row" data-id={row.id} data-email={row.email}
              onClick={() => void select({ kind: "existing", id: row.id })}>
              <span className="rg-row-main">
                <span className="rg-ref">{personName(row)}</span>
                <span className="muted">{row.email}</span>
              </span>
              <span className="rg-row-side">{row.organisation ?? ""}</span>
              <span className="rg-row-side" title={t("people.columns.roles")}>{row.current_roles > 0 ? `${row.current_roles} ${t("people.current")}` : ""}</span>
              {row.trained && <span className="badge badge-neutral">{t("people.trained")}</span>}
            </button>
          )} />
      }
      detail={
        selection.kind === "none" ? <NothingSelected /> : selection.kind === "new" ? (
          <div className="editor">
            <DetailHeader title={t("people.new")} />
            <div className="rg-scroll">
              <PersonForm id={null} initial={EMPTY_PERSON} onCancel={() => setSelection({ kind: "none" })} onSaved={(id) => { changed(); setSelection({ kind: "existing", id }); }} />
            </div>
          </div>
        ) : (
          <PersonView key={selection.id} id={selection.id} onChanged={changed} onDeleted={() => { changed(); setSelection({ kind: "none" }); }} />
        )
      }
    />
  );
}
