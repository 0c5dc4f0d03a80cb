// The liaison register: category, organisation ↔ committee, representative, established and
// last review dates, a "review due" badge (last review two years old or more) and "Mark
// reviewed today"; a virtualised list filtered by text, category, committee and review due;
// the selected liaison's fields are edited (or it is deleted) on the right.

import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { VirtualList } from "../../components/VirtualList";
import { useDebounced } from "../../hooks/useDebounced";
import { useRecordForm } from "../../hooks/useRecordForm";
import { localToday } from "../../lib/dates";
import { describeFailure } from "../../lib/errors";
import { arraySource } from "../../lib/pages";
import { countActive, matchesText } from "../../lib/registers";
import { registersApi, type LiaisonCategory, type LiaisonInput, type LiaisonRow } from "../../platform/registers";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { useReference } from "../../state/reference";
import { DateInput, EnumSelect, LongText, RefSelect } from "../registers/Inputs";
import { DeleteRecord } from "../registers/DeleteRecord";
import { ExchangeMenu } from "../registers/ExchangeMenu";
import { FilterBar, FilterCheck, FilterSelect } from "../../components/Filters";
import { DetailHeader, FormActions, NothingSelected, RegisterLayout } from "../registers/Layout";
import { useOrganisationOptions } from "../registers/options";

const CATEGORIES: readonly LiaisonCategory[] = ["A", "B", "C", "D", "internal", "PSDO", "A.23"];
const EMPTY: LiaisonInput = { organisation_id: null, committee_id: null, category: "A", representative_id: null, established_date: null, last_review_date: null, note: "", sample: false };

type Selection = { kind: "none" } | { kind: "new" } | { kind: "existing"; id: string };

function LiaisonForm({ id, initial, onSaved, onCancel }: { id: string | null; initial: LiaisonInput; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { lookups } = useReference();
  const organisations = useOrganisationOptions();
  const f = useRecordForm(initial, async (input) => onSaved(id ? (await registersApi.updateLiaison(id, input), id) : await registersApi.createLiaison(input)));
  const field = (name: keyof LiaisonInput) => ({ name, label: t(`liaisons.fields.${name}`), error: f.errors[name] });
  return (
    <form className="rg-form" data-testid="liaison-form" onSubmit={(e) => { e.preventDefault(); void f.submit(); }}>
      <div className="form-grid">
        <RefSelect {...field("organisation_id")} value={f.form.organisation_id} options={organisations} onChange={(v) => f.set("organisation_id", v)} />
        <RefSelect {...field("committee_id")} value={f.form.committee_id} options={lookups.committees} onChange={(v) => f.set("committee_id", v)} />
        <EnumSelect {...field("category")} group="category" values={CATEGORIES} value={f.form.category} onChange={(v) => f.set("category", v)} />
        <RefSelect {...field("representative_id")} value={f.form.representative_id} options={lookups.people} onChange={(v) => f.set("representative_id", v)} />
        <DateInput {...field("established_date")} value={f.form.established_date} onChange={(v) => f.set("established_date", v)} />
        <DateInput {...field("last_review_date")} value={f.form.last_review_date} onChange={(v) => f.set("last_review_date", v)} />
        <LongText {...field("note")} value={f.form.note} onChange={(v) => f.set("note", v)} />
      </div>
      <FormActions busy={f.busy} dirty={f.dirty || id === null} testPrefix="liaison" onSave={() => void f.submit()} onCancel={() => { f.revert(); onCancel(); }} />
    </form>
  );
}

export function LiaisonsScreen() {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const { confirmLeave } = useUnsavedGuard();
  const { lookups } = useReference();
  const [rows, setRows] = useState<LiaisonRow[] | null>(null);
  const [text, setText] = useState("");
  const search = useDebounced(text.trim(), 150);
  const [category, setCategory] = useState<LiaisonCategory | null>(null);
  const [committee, setCommittee] = useState<string | null>(null);
  const [dueOnly, setDueOnly] = useState(false);
  const shown = useMemo(
    () => rows && rows.filter((r) => (!category || r.category === category) && matchesText([r.organisation?.label, r.committee?.label, r.representative?.label, r.note], search)),
    [rows, category, search],
  );
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  const target = useTargetFor("liaison");

  const load = useCallback(() => {
    registersApi.listLiaisons({ due_only: dueOnly, committee_id: committee }).then(setRows).catch((e: unknown) => notify("error", describeFailure(t, t("reg.actions.load"), e)));
  }, [dueOnly, committee, notify, t]);
  useEffect(load, [load, version]);
  useEffect(() => {
    if (target) setSelection({ kind: "existing", id: target.id });
  }, [target]);

  const select = async (next: Selection) => {
    if (await confirmLeave()) setSelection(next);
  };
  const selected = selection.kind === "existing" ? rows?.find((r) => r.id === selection.id) : undefined;

  async function markReviewed(id: string) {
    try {
      await registersApi.markLiaisonReviewed(id, localToday());
      setVersion((v) => v + 1);
    } catch (e) {
      notify("error", describeFailure(t, t("reg.actions.review"), e));
    }
  }

  return (
    <RegisterLayout
      testId="liaisons-screen"
      title={t("liaisons.title")}
      toolbar={<>
        <input type="search" className="search" data-testid="liaison-search" aria-label={t("liaisons.search")} placeholder={t("liaisons.search")} value={text} onChange={(e) => setText(e.target.value)} />
        <span className="total" data-testid="liaison-total" data-total={shown?.length ?? ""}>{shown?.length ?? ""}</span>
        <div className="rg-toolbar-end">
          <ExchangeMenu kind="liaison" onImported={() => setVersion((v) => v + 1)} />
          <button type="button" className="btn btn-primary" data-testid="liaison-new" onClick={() => void select({ kind: "new" })}>{t("liaisons.new")}</button>
        </div>
      </>}
      filters={
        <FilterBar active={countActive([category, committee, dueOnly])} onClear={() => { setCategory(null); setCommittee(null); setDueOnly(false); }}>
          <FilterSelect id="category" label={t("liaisons.fields.category")} value={category} options={CATEGORIES.map((c) => ({ value: c, label: t(`enums.category.${c}`) }))} onChange={(v) => setCategory(v as LiaisonCategory | null)} />
          <FilterSelect id="committee_id" label={t("liaisons.fields.committee_id")} value={committee} options={lookups.committees.map((c) => ({ value: c.id, label: c.label }))} onChange={setCommittee} />
          <FilterCheck id="due_only" label={t("liaisons.dueOnly")} checked={dueOnly} onChange={setDueOnly} />
        </FilterBar>
      }
      list={
        <VirtualList source={arraySource(shown)} idOf={(r) => r.id} selectedId={selected?.id ?? null} onSelect={(id) => void select({ kind: "existing", id })}
          label={t("liaisons.listLabel")} testId="liaison-list" empty={<p className="list-empty">{t("reg.empty")}</p>}
          renderRow={(r, isSelected) => (
            <button type="button" role="option" aria-selected={isSelected} tabIndex={-1} className={isSelected ? "rg-row rg-row-selected" : "rg-row"} data-testid="liaison-row" data-id={r.id} data-due={r.review_due} onClick={() => void select({ kind: "existing", id: r.id })}>
              <span className="rg-kind">{r.category}</span>
              <span className="rg-row-main"><span className="rg-ref">{r.organisation?.label ?? "—"}</span> ↔ {r.committee?.label ?? "—"}</span>
              <span className="rg-row-side">{r.representative?.label ?? ""}</span>
              <span className="rg-row-side">{r.last_review_date ?? r.established_date ?? ""}</span>
              {r.review_due && <span className="badge rg-badge-due" data-testid="badge-review-due">{t("liaisons.reviewDue")}</span>}
            </button>
          )} />
      }
      detail={
        selection.kind === "none" ? <NothingSelected /> : selection.kind === "new" ? (
          <div className="editor">
            <DetailHeader title={t("liaisons.new")} />
            <div className="rg-scroll"><LiaisonForm id={null} initial={EMPTY} onCancel={() => setSelection({ kind: "none" })} onSaved={(id) => { setVersion((v) => v + 1); setSelection({ kind: "existing", id }); }} /></div>
          </div>
        ) : !selected ? <NothingSelected /> : (
          <div className="editor" data-testid="liaison-page" data-id={selected.id}>
            <DetailHeader
              title={`${selected.organisation?.label ?? "—"} ↔ ${selected.committee?.label ?? "—"}`}
              sub={<>{t(`enums.category.${selected.category}`)}{selected.review_due_date ? ` · ${t("liaisons.nextReview", { date: selected.review_due_date })}` : ""}</>}
              badges={selected.review_due ? <span className="badge rg-badge-due">{t("liaisons.reviewDue")}</span> : undefined}
              actions={<>
                <button type="button" className="btn btn-small" data-testid="liaison-mark-reviewed" onClick={() => void markReviewed(selected.id)}>{t("liaisons.markReviewed")}</button>
                <DeleteRecord testId="liaison-delete" name={`${selected.organisation?.label ?? "—"} ↔ ${selected.committee?.label ?? "—"}`} remove={() => registersApi.deleteLiaison(selected.id)} onDeleted={() => { setVersion((v) => v + 1); setSelection({ kind: "none" }); }} />
              </>}
            />
            <div className="rg-scroll">
              <LiaisonForm key={`${selected.id}:${selected.last_review_date}`} id={selected.id} initial={toInput(selected)} onCancel={() => {}} onSaved={() => { setVersion((v) => v + 1); notify("success", t("reg.saved")); }} />
            </div>
          </div>
        )
      }
    />
  );
}

function toInput(r: LiaisonRow): LiaisonInput {
  return { organisation_id: r.organisation?.id ?? null, committee_id: r.committee?.id ?? null, category: r.category, representative_id: r.representative?.id ?? null, established_date: r.established_date, last_review_date: r.last_review_date, note: r.note, sample: r.sample };
}
