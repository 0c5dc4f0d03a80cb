// A readable diff from the text crate (`drafts::compare`): each changed clause as a section with
// its number and title, each changed passage as a paragraph with insertions and deletions
// marked (word by word for Latin script, character by character for Chinese).

import { useTranslation } from "react-i18next";
import type { TextDiff } from "../../platform/review";

interface Props {
  diff: TextDiff;
  /** Opens the clause in the draft editor. */
  onOpenClause: (clause: string) => void;
}

export function DiffView({ diff, onOpenClause }: Props) {
  const { t } = useTranslation();
  if (diff.clauses.length === 0) {
    return (
      <p className="muted" data-testid="diff-same">
        {t("review.compare.same")}
      </p>
    );
  }
  return (
    <div className="diff" data-testid="diff-view" data-added={diff.words_added} data-removed={diff.words_removed}>
      <p className="diff-summary" data-testid="diff-summary">
        {t("review.compare.summary", { added: diff.words_added, removed: diff.words_removed })}
      </p>
      {diff.clauses.map((c) => (
        <section key={`${c.clause}@${c.pos}`} className="diff-clause" data-testid="diff-clause" data-clause={c.clause}>
          <header className="diff-clause-head">
            <h4>{c.clause ? `${c.clause} ${c.title}` : t("review.compare.preamble")}</h4>
            {c.clause && (
              <button type="button" className="btn btn-link" data-testid="diff-open-clause" onClick={() => onOpenClause(c.clause)}>
                {t("review.compare.openClause")}
              </button>
            )}
          </header>
          {c.hunks.map((spans, i) => (
            <p key={i} className="diff-hunk">
              {spans.map((s, j) =>
                s.kind === "added" ? (
                  <ins key={j} data-testid="diff-added">
                    {s.text}
                  </ins>
                ) : s.kind === "removed" ? (
                  <del key={j} data-testid="diff-removed">
                    {s.text}
                  </del>
                ) : (
                  <span key={j}>{s.text}</span>
                ),
              )}
            </p>
          ))}
        </section>
      ))}
    </div>
  );
}
