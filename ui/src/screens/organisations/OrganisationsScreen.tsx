// Organisations: international, regional and national bodies, consortia, alliances,
// enterprises, government and research units, with whether each has a presence in the city;
// a virtualised list filtered by text, kind and presence; the selected one is edited (or
// deleted) on the right.

import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { VirtualList } from "../../components/VirtualList";
import { useDebounced } from "../../hooks/useDebounced";
import { useRecordForm } from "../../hooks/useRecordForm";
import { describeFailure } from "../../lib/errors";
import { arraySource } from "../../lib/pages";
import { registersApi, type OrganisationInput, type OrganisationRow, type OrgKind } from "../../platform/registers";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { CheckInput, EnumSelect, TextInput } from "../registers/Inputs";
import { DeleteRecord } from "../registers/DeleteRecord";
import { ExchangeMenu } from "../registers/ExchangeMenu";
import { countActive } from "../../lib/registers";
import { FilterBar, FilterCheck, FilterSelect } from "../../components/Filters";
import { DetailHeader, FormActions, NothingSelected, RegisterLayout } from "../registers/Layout";

const KINDS: readonly OrgKind[] = ["international_sdo", "regional_sdo", "national_body", "consortium", "alliance", "enterprise", "government", "research"];
const EMPTY: OrganisationInput = { acronym: "", name_en: "", name_zh: "", kind: "international_sdo", country: "", in_city: false, sample: false };

type Selection = { kind: "none" } | { kind: "new" } | { kind: "existing"; id: string };

function OrganisationForm({ id, initial, onSaved, onCancel }: { id: string | null; initial: OrganisationInput; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useRecordForm(initial, async (input) => onSaved(id ? (await registersApi.updateOrganisation(id, input), id) : await registersApi.createOrganisation(input)));
  const field = (name: keyof OrganisationInput) => ({ name, label: t(`organisations.fields.${name}`), error: f.errors[name] });
  return (
    <form className="rg-form" data-testid="organisation-form" onSubmit={(e) => { e.preventDefault(); void f.submit(); }}>
      <div className="form-grid">
        <TextInput {...field("acronym")} value={f.form.acronym} onChange={(v) => f.set("acronym", v)} />
        <EnumSelect {...field("kind")} group="orgKind" values={KINDS} value={f.form.kind} onChange={(v) => f.set("kind", v)} />
        <TextInput {...field("name_en")} wide value={f.form.name_en} onChange={(v) => f.set("name_en", v)} />
        <TextInput {...field("name_zh")} wide lang="zh-CN" value={f.form.name_zh} onChange={(v) => f.set("name_zh", v)} />
        <TextInput {...field("country")} value={f.form.country} onChange={(v) => f.set("country", v)} />
        <CheckInput name="in_city" label={t("organisations.fields.in_city")} value={f.form.in_city} onChange={(v) => f.set("in_city", v)} />
      </div>
      <FormActions busy={f.busy} dirty={f.dirty || id === null} testPrefix="organisation" onSave={() => void f.submit()} onCancel={() => { f.revert(); onCancel(); }} />
    </form>
  );
}

export function OrganisationsScreen() {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const { confirmLeave } = useUnsavedGuard();
  const [text, setText] = useState("");
  const search = useDebounced(text.trim(), 150);
  const [inCity, setInCity] = useState(false);
  const [kind, setKind] = useState<OrgKind | null>(null);
  const [rows, setRows] = useState<OrganisationRow[] | null>(null);
  const shown = useMemo(() => rows && rows.filter((r) => !kind || r.kind === kind), [rows, kind]);
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  const target = useTargetFor("organisation");

  const load = useCallback(() => {
    registersApi.listOrganisations(search, inCity).then(setRows).catch((e: unknown) => notify("error", describeFailure(t, t("reg.actions.load"), e)));
  }, [search, inCity, notify, t]);
  useEffect(load, [load, version]);
  useEffect(() => {
    if (target) setSelection({ kind: "existing", id: target.id });
  }, [target]);
  const select = async (next: Selection) => {
    if (await confirmLeave()) setSelection(next);
  };
  const selected = selection.kind === "existing" ? rows?.find((r) => r.id === selection.id) : undefined;

  return (
    <RegisterLayout
      testId="organisations-screen"
      title={t("organisations.title")}
      toolbar={<>
        <input type="search" className="search" data-testid="organisation-search" aria-label={t("organisations.search")} placeholder={t("organisations.search")} value={text} onChange={(e) => setText(e.target.value)} />
        <span className="total" data-testid="organisation-total" data-total={shown?.length ?? ""}>{shown?.length ?? ""}</span>
        <div className="rg-toolbar-end">
          <ExchangeMenu kind="organisation" onImported={() => setVersion((v) => v + 1)} />
          <button type="button" className="btn btn-primary" data-testid="organisation-new" onClick={() => void select({ kind: "new" })}>{t("organisations.new")}</button>
        </div>
      </>}
      filters={
        <FilterBar active={countActive([kind, inCity])} onClear={() => { setKind(null); setInCity(false); }}>
          <FilterSelect id="org_kind" label={t("organisations.fields.kind")} value={kind} options={KINDS.map((k) => ({ value: k, label: t(`enums.orgKind.${k}`) }))} onChange={(v) => setKind(v as OrgKind | null)} />
          <FilterCheck id="in_city" label={t("organisations.inCityOnly")} checked={inCity} onChange={setInCity} />
        </FilterBar>
      }
      list={
        <VirtualList source={arraySource(shown)} idOf={(r) => r.id} selectedId={selected?.id ?? null} onSelect={(id) => void select({ kind: "existing", id })}
          label={t("organisations.listLabel")} testId="organisation-list" empty={<p className="list-empty">{t("reg.empty")}</p>}
          renderRow={(r, isSelected) => (
            <button type="button" role="option" aria-selected={isSelected} tabIndex={-1} className={isSelected ? "rg-row rg-row-selected" : "rg-row"} data-testid="organisation-row" data-id={r.id} data-acronym={r.acronym} onClick={() => void select({ kind: "existing", id: r.id })}>
              <span className="rg-row-main"><span className="rg-ref">{r.acronym}</span><span className="muted">{r.name_zh || r.name_en}</span></span>
              <span className="rg-row-side">{t(`enums.orgKind.${r.kind}`)}</span>
              {r.in_city && <span className="badge badge-neutral" data-testid="badge-in-city">{t("organisations.inCity")}</span>}
            </button>
          )} />
      }
      detail={
        selection.kind === "none" ? <NothingSelected /> : selection.kind === "new" ? (
          <div className="editor">
            <DetailHeader title={t("organisations.new")} />
            <div className="rg-scroll"><OrganisationForm id={null} initial={EMPTY} onCancel={() => setSelection({ kind: "none" })} onSaved={(id) => { setVersion((v) => v + 1); setSelection({ kind: "existing", id }); }} /></div>
          </div>
        ) : !selected ? <NothingSelected /> : (
          <div className="editor" data-testid="organisation-page" data-id={selected.id}>
            <DetailHeader title={selected.acronym || selected.name_en} sub={[selected.name_en, selected.name_zh].filter(Boolean).join(" · ")} badges={<span className="muted">{t("organisations.refs", { committees: selected.committees, people: selected.people, liaisons: selected.liaisons })}</span>}
              actions={<DeleteRecord testId="organisation-delete" name={selected.acronym || selected.name_en} remove={() => registersApi.deleteOrganisation(selected.id)} onDeleted={() => { setVersion((v) => v + 1); setSelection({ kind: "none" }); }} />} />
            <div className="rg-scroll">
              <OrganisationForm key={selected.id} id={selected.id} initial={{ acronym: selected.acronym, name_en: selected.name_en, name_zh: selected.name_zh, kind: selected.kind, country: selected.country, in_city: selected.in_city, sample: selected.sample }} onCancel={() => {}} onSaved={() => { setVersion((v) => v + 1); notify("success", t("reg.saved")); }} />
            </div>
          </div>
        )
      }
    />
  );
}
