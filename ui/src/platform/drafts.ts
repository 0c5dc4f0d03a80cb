// The draft editor's client: the draft commands (src-tauri/src/commands/drafts.rs), unwrapped.

import { commands } from "../bindings";
import type { ClauseHit, DraftSummary, DraftView, EditOutcome, ReviewItem, Selection, Splice } from "../bindings";
import { unwrap } from "./api";

export type { ClauseHit, Counts, DraftSummary, DraftView, EditOutcome, Heading, ReviewItem, Selection, Splice } from "../bindings";

export const draftsApi = {
  list: (projectId: string): Promise<DraftSummary[]> => unwrap(commands.listDrafts(projectId)),
  create: (projectId: string, lang: string): Promise<string> => unwrap(commands.createDraft(projectId, lang)),
  open: (draftId: string): Promise<DraftView> => unwrap(commands.openDraft(draftId)),
  preload: (draftId: string): Promise<null> => unwrap(commands.preloadDraft(draftId)),
  apply: (draftId: string, splices: Splice[], selection: Selection | null): Promise<EditOutcome> =>
    unwrap(commands.applyDraftEdits(draftId, splices, selection)),
  setSelection: (draftId: string, selection: Selection): Promise<null> => unwrap(commands.setDraftSelection(draftId, selection)),
  close: (draftId: string): Promise<null> => unwrap(commands.closeDraft(draftId)),
  clausePosition: (draftId: string, clause: string): Promise<ClauseHit | null> => unwrap(commands.draftClausePosition(draftId, clause)),
  reviews: (draftId: string): Promise<ReviewItem[]> => unwrap(commands.draftReviews(draftId)),
  confirmReview: (reviewId: string): Promise<null> => unwrap(commands.confirmDraftReview(reviewId)),
};
