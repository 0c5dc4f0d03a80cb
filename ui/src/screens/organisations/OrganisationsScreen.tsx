// Organisations: international, regional and national bodies, consortia, alliances,
// enterprises, government and research units, with whether each has a presence in the city;
// the selected one is edited on the right.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../hooks/useDebounced";
import { useRecordForm } from "../../hooks/useRecordForm";
import { describeFailure } from "../../lib/errors";
import { registersApi, type OrganisationInput, type OrganisationRow, type OrgKind } from "../../platform/registers";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { CheckInput, EnumSelect, TextInput } from "../registers/Inputs";
import { ExchangeMenu } from "../registers/ExchangeMenu";
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
  const [rows, setRows] = useState<OrganisationRow[]>([]);
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
  const selected = selection.kind === "existing" ? rows.find((r) => r.id === selection.id) : undefined;

  return (
    <RegisterLayout
      testId="organisations-screen"
      title={t("organisations.title")}
      toolbar={<>
        <input type="search" className="search" data-testid="organisation-search" aria-label={t("organisations.search")} placeholder={t("organisations.search")} value={text} onChange={(e) => setText(e.target.value)} />
        <label className="check"><input type="checkbox" data-testid="organisation-in-city" checked={inCity} onChange={(e) => setInCity(e.target.checked)} />{t("organisations.inCityOnly")}</label>
        <div className="rg-toolbar-end">
          <ExchangeMenu kind="organisation" onImported={() => setVersion((v) => v + 1)} />
          <button type="button" className="btn btn-primary" data-testid="organisation-new" onClick={() => void select({ kind: "new" })}>{t("organisations.new")}</button>
        </div>
      </>}
      list={
        <div className="rg-list" role="listbox" aria-label={t("organisations.listLabel")} data-testid="organisation-list">
          {rows.map((r) => (
            <button key={r.id} type="button" role="option" aria-selected={r.id === selected?.id} className={r.id === selected?.id ? "rg-row rg-row-selected" : "rg-row"} data-testid="organisation-row" data-id={r.id} data-acronym={r.acronym} onClick={() => void select({ kind: "existing", id: r.id })}>
              <span className="rg-row-main"><span className="rg-ref">{r.acronym}</span><span className="muted">{r.name_zh || r.name_en}</span></span>
              <span className="rg-row-side">{t(`enums.orgKind.${r.kind}`)}</span>
              {r.in_city && <span className="badge badge-neutral" data-testid="badge-in-city">{t("organisations.inCity")}</span>}
            </button>
          ))}
        </div>
      }
      detail={
        selection.kind === "none" ? <NothingSelected /> : selection.kind === "new" ? (
          <div className="editor">
            <DetailHeader title={t("organisations.new")} />
            <div className="rg-scroll"><OrganisationForm id={null} initial={EMPTY} onCancel={() => setSelection({ kind: "none" })} onSaved={(id) => { setVersion((v) => v + 1); setSelection({ kind: "existing", id }); }} /></div>
          </div>
        ) : !selected ? <NothingSelected /> : (
          <div className="editor" data-testid="organisation-page" data-id={selected.id}>
            <DetailHeader title={selected.acronym || selected.name_en} sub={[selected.name_en, selected.name_zh].filter(Boolean).join(" · ")} badges={<span className="muted">{t("organisations.refs", { committees: selected.committees, people: selected.people, liaisons: selected.liaisons })}</span>} />
            <div className="rg-scroll">
              <OrganisationForm key={selected.id} id={selected.id} initial={{ acronym: selected.acronym, name_en: selected.name_en, name_zh: selected.name_zh, kind: selected.kind, country: selected.country, in_city: selected.in_city, sample: selected.sample }} onCancel={() => {}} onSaved={() => { setVersion((v) => v + 1); notify("success", t("reg.saved")); }} />
            </div>
          </div>
        )
      }
    />
  );
}
