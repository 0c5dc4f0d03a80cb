// The liaison register: category, organisation ↔ committee, representative, established and
// last review dates, a "review due" badge (last review two years old or more) and "Mark
// reviewed today"; the selected liaison's fields are edited on the right.

import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRecordForm } from "../../hooks/useRecordForm";
import { localToday } from "../../lib/dates";
import { describeFailure } from "../../lib/errors";
import { registersApi, type LiaisonCategory, type LiaisonInput, type LiaisonRow } from "../../platform/registers";
import { useUnsavedGuard } from "../../state/guard";
import { useTargetFor } from "../../state/navigation";
import { useNotices } from "../../state/notices";
import { useReference } from "../../state/reference";
import { DateInput, EnumSelect, LongText, RefSelect } from "../registers/Inputs";
import { ExchangeMenu } from "../registers/ExchangeMenu";
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
  const [rows, setRows] = useState<LiaisonRow[]>([]);
  const [dueOnly, setDueOnly] = useState(false);
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>({ kind: "none" });
  const target = useTargetFor("liaison");

  const load = useCallback(() => {
    registersApi.listLiaisons({ due_only: dueOnly }).then(setRows).catch((e: unknown) => notify("error", describeFailure(t, t("reg.actions.load"), e)));
  }, [dueOnly, notify, t]);
  useEffect(load, [load, version]);
  useEffect(() => {
    if (target) setSelection({ kind: "existing", id: target.id });
  }, [target]);

  const select = async (next: Selection) => {
    if (await confirmLeave()) setSelection(next);
  };
  const selected = selection.kind === "existing" ? rows.find((r) => r.id === selection.id) : undefined;

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
        <label className="check"><input type="checkbox" data-testid="liaison-due-only" checked={dueOnly} onChange={(e) => setDueOnly(e.target.checked)} />{t("liaisons.dueOnly")}</label>
        <span className="total" data-testid="liaison-total" data-total={rows.length}>{rows.length}</span>
        <div className="rg-toolbar-end">
          <ExchangeMenu kind="liaison" onImported={() => setVersion((v) => v + 1)} />
          <button type="button" className="btn btn-primary" data-testid="liaison-new" onClick={() => void select({ kind: "new" })}>{t("liaisons.new")}</button>
        </div>
      </>}
      list={
        <div className="rg-list" role="listbox" aria-label={t("liaisons.listLabel")} data-testid="liaison-list">
          {rows.map((r) => (
            <button key={r.id} type="button" role="option" aria-selected={r.id === selected?.id} className={r.id === selected?.id ? "rg-row rg-row-selected" : "rg-row"} data-testid="liaison-row" data-id={r.id} data-due={r.review_due} onClick={() => void select({ kind: "existing", id: r.id })}>
              <span className="rg-kind">{r.category}</span>
              <span className="rg-row-main"><span className="rg-ref">{r.organisation?.label ?? "—"}</span> ↔ {r.committee?.label ?? "—"}</span>
              <span className="rg-row-side">{r.representative?.label ?? ""}</span>
              <span className="rg-row-side">{r.last_review_date ?? r.established_date ?? ""}</span>
              {r.review_due && <span className="badge rg-badge-due" data-testid="badge-review-due">{t("liaisons.reviewDue")}</span>}
            </button>
          ))}
        </div>
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
              actions={<button type="button" className="btn btn-small" data-testid="liaison-mark-reviewed" onClick={() => void markReviewed(selected.id)}>{t("liaisons.markReviewed")}</button>}
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
