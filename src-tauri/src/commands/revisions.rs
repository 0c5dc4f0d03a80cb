//! Revisions of a project's drafts (issue 5): list them per language, name one, what to offer
//! when the stage changes, and the clause-aware diff between two versions — each a one-line
//! adapter over `normdesk_text::drafts`.

use normdesk_text::diff::TextDiff;
use normdesk_text::drafts::{self, DraftRevisions, RevisionOffer, RevisionRow, Version};
use tauri::State;

use super::{Db, lock};
use crate::error::ApiError;

/// A project's drafts (one per language) with their revisions, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn project_revisions(
    db: State<'_, Db>,
    project_id: String,
) -> Result<Vec<DraftRevisions>, ApiError> {
    Ok(drafts::project_revisions(lock(&db)?.conn(), &project_id)?)
}

/// Names the draft's current text as a revision; a name already used is refused (field `name`).
#[tauri::command]
#[specta::specta]
pub async fn name_revision(
    db: State<'_, Db>,
    draft_id: String,
    name: String,
) -> Result<RevisionRow, ApiError> {
    Ok(drafts::name_revision(&mut *lock(&db)?, &draft_id, &name)?)
}

/// The revision to offer for each draft when the project moves to `stage`.
#[tauri::command]
#[specta::specta]
pub async fn revision_offers(
    db: State<'_, Db>,
    project_id: String,
    stage: String,
) -> Result<Vec<RevisionOffer>, ApiError> {
    Ok(drafts::revision_offers(
        lock(&db)?.conn(),
        &project_id,
        &stage,
    )?)
}

/// The readable diff from one version of a draft to another (a revision or the current text).
#[tauri::command]
#[specta::specta]
pub async fn compare_versions(
    db: State<'_, Db>,
    draft_id: String,
    from: Version,
    to: Version,
) -> Result<TextDiff, ApiError> {
    Ok(drafts::compare(lock(&db)?.conn(), &draft_id, &from, &to)?)
}
