// One draft language's revisions: the list (name, stage, date, who named it), naming the current
// text as a revision (a used name is refused beside the field, nothing written), and comparing
// any two versions — revisions or the current text — in the diff view below.

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { nextFreeName, parseVersionKey, revisionNameProblem, versionKey } from "../../lib/review";
import { stageName } from "../../lib/stages";
import { ApiFailure } from "../../platform/api";
import { reviewApi, type DraftRevisions, type TextDiff, type Version } from "../../platform/review";
import { useNotices } from "../../state/notices";
import { useReference } from "../../state/reference";
import { DiffView } from "./DiffView";

interface Props {
  entry: DraftRevisions;
  onNamed: () => void;
  /** Opens this text in the draft editor. */
  onEdit: () => void;
  onOpenClause: (clause: string) => void;
}

const CURRENT: Version = { kind: "current" };

export function RevisionsPanel({ entry, onNamed, onEdit, onOpenClause }: Props) {
  const { t, i18n } = useTranslation();
  const { notify } = useNotices();
  const { catalog } = useReference();
  const { draft, revisions } = entry;
  const lang = draft.lang;
  const used = revisions.map((r) => r.name);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = revisions[revisions.length - 1];
  const [from, setFrom] = useState<string>(latest ? versionKey({ kind: "revision", id: latest.id }) : "current");
  const [to, setTo] = useState<string>("current");
  const [diff, setDiff] = useState<TextDiff | null>(null);

  async function nameRevision() {
    const problem = revisionNameProblem(name, used);
    if (problem) {
      setNameError(t(`review.nameForm.${problem}`, { name: name.trim(), next: nextFreeName(name, used) }));
      return;
    }
    setBusy(true);
    try {
      const row = await reviewApi.nameRevision(draft.id, name);
      setName("");
      setNameError(null);
      notify("success", t("review.nameForm.named", { name: row.name, lang: t(`review.lang.${lang}`, { defaultValue: lang }) }));
      setFrom(versionKey({ kind: "revision", id: row.id }));
      onNamed();
    } catch (e) {
      const failure = ApiFailure.from(e);
      if (failure.field === "name") setNameError(failure.message);
      else notify("error", describeFailure(t, t("review.nameForm.submit"), failure));
    } finally {
      setBusy(false);
    }
  }

  async function compare(a: Version, b: Version) {
    setFrom(versionKey(a));
    setTo(versionKey(b));
    try {
      setDiff(await reviewApi.compare(draft.id, a, b));
    } catch (e) {
      notify("error", describeFailure(t, t("review.compare.run"), e));
    }
  }

  const options = [
    ...revisions.map((r) => ({ key: versionKey({ kind: "revision", id: r.id }), label: r.date ? `${r.name} · ${r.date}` : r.name })),
    { key: versionKey(CURRENT), label: t("review.compare.current") },
  ];

  return (
    <section className="rv-draft" data-testid="revisions" data-lang={lang}>
      <header className="rv-draft-head">
        <h3 className="rv-heading">{t(`review.lang.${lang}`, { defaultValue: lang })}</h3>
        {draft.has_text && (
          <button type="button" className="btn btn-small" data-testid="revisions-edit" onClick={onEdit}>
            {t("review.revisions.edit")}
          </button>
        )}
      </header>
      {!draft.has_text && <p className="muted">{t("review.notArrived")}</p>}
      {revisions.length === 0 ? (
        <p className="muted" data-testid="revisions-empty">
          {t("review.revisions.none")}
        </p>
      ) : (
        <table className="rg-table rv-table">
          <thead>
            <tr>
              <th>{t("review.revisions.name")}</th>
              <th>{t("review.revisions.stage")}</th>
              <th>{t("review.revisions.date")}</th>
              <th>{t("review.revisions.author")}</th>
              <th className="num">{t("review.revisions.chars")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id} data-testid="revision-row" data-name={r.name}>
                <td className="rv-name">{r.name}</td>
                <td title={r.stage ? stageName(catalog, r.stage, i18n.language) : undefined}>
                  <span className="stage-code">{r.stage ?? ""}</span>
                </td>
                <td>{r.date ?? ""}</td>
                <td>{r.author}</td>
                <td className="num">{r.chars.toLocaleString(i18n.language)}</td>
                <td>
                  <button type="button" className="btn btn-small" data-testid="revision-compare" onClick={() => void compare({ kind: "revision", id: r.id }, CURRENT)}>
                    {t("review.revisions.compare")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {draft.has_text && (
        <form
          className={nameError ? "rv-name-form field-invalid" : "rv-name-form"}
          onSubmit={(e) => {
            e.preventDefault();
            void nameRevision();
          }}
        >
          <label className="field-label" htmlFor={`revision-name-${lang}`}>
            {t("review.nameForm.label")}
          </label>
          <div className="rv-inline">
            <input
              type="text"
              id={`revision-name-${lang}`}
              data-testid="revision-name"
              value={name}
              placeholder={t("review.nameForm.placeholder")}
              aria-invalid={nameError ? true : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(null);
              }}
            />
            <button type="submit" className="btn" data-testid="revision-name-submit" disabled={busy}>
              {t("review.nameForm.submit")}
            </button>
          </div>
          {nameError && (
            <p className="field-error" role="alert" data-testid="error-revision-name">
              {nameError}
            </p>
          )}
        </form>
      )}

      {draft.has_text && revisions.length > 0 && (
        <div className="rv-compare">
          <label className="field-label" htmlFor={`compare-from-${lang}`}>
            {t("review.compare.from")}
          </label>
          <select id={`compare-from-${lang}`} data-testid="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
          <label className="field-label" htmlFor={`compare-to-${lang}`}>
            {t("review.compare.to")}
          </label>
          <select id={`compare-to-${lang}`} data-testid="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="btn" data-testid="compare-run" onClick={() => void compare(parseVersionKey(from), parseVersionKey(to))}>
            {t("review.compare.run")}
          </button>
        </div>
      )}
      {diff && <DiffView diff={diff} onOpenClause={onOpenClause} />}
    </section>
  );
}
