// The typed client of revisions and ballot comments (issue 5): a project's drafts with their
// revisions, naming one, what a stage change offers, the diff between two versions, and the
// comments with their CSV/XLSX exchange. Each call resolves to data or throws an `ApiFailure`.

import { commands } from "../bindings";
import type { Comment, CommentInput, CommentsPreview, DraftRevisions, RevisionOffer, RevisionRow, TextDiff, Version } from "../bindings";
import { unwrap } from "./api";

export type {
  CellProblem,
  ClauseDiff,
  Comment,
  CommentInput,
  CommentsPreview,
  CommentType,
  DraftRevisions,
  PreviewRow,
  RevisionOffer,
  RevisionRow,
  Span,
  TextDiff,
  Version,
} from "../bindings";

export const reviewApi = {
  projectRevisions: (projectId: string): Promise<DraftRevisions[]> => unwrap(commands.projectRevisions(projectId)),
  nameRevision: (draftId: string, name: string): Promise<RevisionRow> => unwrap(commands.nameRevision(draftId, name)),
  revisionOffers: (projectId: string, stage: string): Promise<RevisionOffer[]> => unwrap(commands.revisionOffers(projectId, stage)),
  compare: (draftId: string, from: Version, to: Version): Promise<TextDiff> => unwrap(commands.compareVersions(draftId, from, to)),
  listComments: (projectId: string, revisionId: string | null): Promise<Comment[]> => unwrap(commands.listComments(projectId, revisionId)),
  createComment: (input: CommentInput): Promise<string> => unwrap(commands.createComment(input)),
  updateComment: (id: string, input: CommentInput): Promise<null> => unwrap(commands.updateComment(id, input)),
  deleteComment: (id: string): Promise<null> => unwrap(commands.deleteComment(id)),
  exportComments: (projectId: string, revisionId: string | null, path: string): Promise<number> =>
    unwrap(commands.exportComments(projectId, revisionId, path)),
  previewImport: (projectId: string, revisionId: string | null, path: string): Promise<CommentsPreview> =>
    unwrap(commands.previewCommentsImport(projectId, revisionId, path)),
  importComments: (projectId: string, revisionId: string | null, path: string): Promise<number> =>
    unwrap(commands.importComments(projectId, revisionId, path)),
};
