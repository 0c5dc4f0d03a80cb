// "Merged — please review": passages both this workstation and a colleague changed, with both
// versions and their authors, until someone confirms the merged text.

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFailure } from "../../lib/errors";
import { draftsApi, type ReviewItem } from "../../platform/drafts";
import { useNotices } from "../../state/notices";

interface Props {
  draftId: string;
  onJump: (pos: number) => void;
  onCount: (n: number) => void;
}

export function ReviewList({ draftId, onJump, onCount }: Props) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [seq, setSeq] = useState(0);

  useEffect(() => {
    let live = true;
    draftsApi
      .reviews(draftId)
      .then((list) => {
        if (!live) return;
        setItems(list);
        onCount(list.length);
      })
      .catch((e: unknown) => notify("error", describeFailure(t, t("drafts.actions.reviews"), e)));
    return () => {
      live = false;
    };
  }, [draftId, seq, onCount, notify, t]);

  async function confirm(id: string) {
    try {
      await draftsApi.confirmReview(id);
      setSeq((n) => n + 1);
    } catch (e) {
      notify("error", describeFailure(t, t("drafts.actions.confirm"), e));
    }
  }

  if (items.length === 0) return null;
  return (
    <section className="draft-reviews" data-testid="draft-reviews" aria-label={t("drafts.reviews.title")}>
      <h4>{t("drafts.reviews.title", { count: items.length })}</h4>
      <ul>
        {items.map((item) => (
          <li key={item.id} className="draft-review" data-testid="draft-review">
            <p className="draft-review-where">
              {item.clause ? t("drafts.reviews.clause", { clause: item.clause }) : t("drafts.reviews.start")}
              <button type="button" className="btn btn-small" onClick={() => onJump(item.merged_pos)}>
                {t("drafts.reviews.show")}
              </button>
            </p>
            <dl className="draft-review-versions">
              <dt>{t("drafts.reviews.ours", { author: item.ours_author })}</dt>
              <dd>{item.ours}</dd>
              <dt>{t("drafts.reviews.theirs", { author: item.theirs_author })}</dt>
              <dd>{item.theirs}</dd>
              <dt>{t("drafts.reviews.merged")}</dt>
              <dd>{item.merged}</dd>
            </dl>
            <button type="button" className="btn btn-primary btn-small" data-testid="draft-review-confirm" onClick={() => void confirm(item.id)}>
              {t("drafts.reviews.confirm")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
