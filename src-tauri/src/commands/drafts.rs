//! The draft editor's commands (issue 5): a project's drafts, open, the document loaded in the
//! background, a pause's edits (numbered in the same change), the cursor, clause positions and
//! the "merged — please review" passages. One `normdesk_text::drafts` call each.
//!
//! Locks: the loaded documents ([`DraftCache`]) are taken before the database, always. Loading
//! a large document holds only the cache, so the rest of the app stays responsive while an edit
//! made meanwhile waits for the document and is then applied (nothing typed is lost).

use std::sync::{Mutex, MutexGuard};

use normdesk_text::diff::Splice;
use normdesk_text::drafts::{self, DraftSummary, DraftView, Drafts, EditOutcome, Selection};
use normdesk_text::markup::ClauseHit;
use normdesk_text::reviews::{self, ReviewItem};
use tauri::State;

use super::{Db, lock};
use crate::error::{ApiError, ApiErrorKind};

/// The draft documents this window has loaded. Managed as Tauri state.
pub type DraftCache = Mutex<Drafts>;

fn cache<'a>(drafts: &'a State<'_, DraftCache>) -> Result<MutexGuard<'a, Drafts>, ApiError> {
    drafts.lock().map_err(|_| {
        ApiError::new(
            ApiErrorKind::Internal,
            "an earlier command failed while holding the draft texts; restart Normdesk",
        )
    })
}

#[tauri::command]
#[specta::specta]
pub async fn list_drafts(
    db: State<'_, Db>,
    project_id: String,
) -> Result<Vec<DraftSummary>, ApiError> {
    Ok(drafts::list(lock(&db)?.conn(), &project_id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_draft(
    db: State<'_, Db>,
    project_id: String,
    lang: String,
) -> Result<String, ApiError> {
    Ok(drafts::create(&mut *lock(&db)?, &project_id, &lang)?)
}

/// The text from its plain copy: fast at any size (the document is loaded by [`preload_draft`]).
#[tauri::command]
#[specta::specta]
pub async fn open_draft(db: State<'_, Db>, draft_id: String) -> Result<DraftView, ApiError> {
    Ok(drafts::open(
        &mut *lock(&db)?,
        &mut Drafts::new(),
        &draft_id,
    )?)
}

/// Loads the draft's document holding the draft cache but not the database (about a second for
/// a 1 MB draft).
#[tauri::command]
#[specta::specta]
pub async fn preload_draft(
    db: State<'_, Db>,
    docs: State<'_, DraftCache>,
    draft_id: String,
) -> Result<(), ApiError> {
    let mut docs = cache(&docs)?;
    let stored = drafts::stored(lock(&db)?.conn(), &draft_id)?;
    Ok(docs.load_stored(stored)?)
}

/// One editing pause: the editor's splices (UTF-16 positions, in order) as one change, the
/// clause numbers kept, the cursor remembered; on disk when it returns.
#[tauri::command]
#[specta::specta]
pub async fn apply_draft_edits(
    db: State<'_, Db>,
    docs: State<'_, DraftCache>,
    draft_id: String,
    splices: Vec<Splice>,
    selection: Option<Selection>,
) -> Result<EditOutcome, ApiError> {
    let mut docs = cache(&docs)?;
    Ok(drafts::apply_numbered(
        &mut *lock(&db)?,
        &mut docs,
        &draft_id,
        &splices,
        selection,
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_draft_selection(
    db: State<'_, Db>,
    draft_id: String,
    selection: Selection,
) -> Result<(), ApiError> {
    Ok(drafts::set_selection(
        &mut *lock(&db)?,
        &draft_id,
        selection,
    )?)
}

/// Forgets the loaded document when the editor closes.
#[tauri::command]
#[specta::specta]
pub async fn close_draft(docs: State<'_, DraftCache>, draft_id: String) -> Result<(), ApiError> {
    cache(&docs)?.close(&draft_id);
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn draft_clause_position(
    db: State<'_, Db>,
    draft_id: String,
    clause: String,
) -> Result<Option<ClauseHit>, ApiError> {
    Ok(drafts::clause_position(
        lock(&db)?.conn(),
        &draft_id,
        &clause,
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn draft_reviews(
    db: State<'_, Db>,
    draft_id: String,
) -> Result<Vec<ReviewItem>, ApiError> {
    Ok(reviews::list(lock(&db)?.conn(), &draft_id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn confirm_draft_review(db: State<'_, Db>, review_id: String) -> Result<(), ApiError> {
    Ok(reviews::confirm(lock(&db)?.conn(), &review_id)?)
}
