//! Ballot comments of a project (issue 5) in the 8-column template plus disposition: list,
//! add, edit, delete, and exchange as CSV or XLSX through files chosen in the native dialogs
//! (export; preview with every row's problems; import refused whole unless every row is good).
//! Each a one-line adapter over `normdesk_core::comments`.

use std::path::Path;

use normdesk_core::Source;
use normdesk_core::comments::{self, Comment, CommentInput, CommentsPreview};
use normdesk_core::exchange::read_file;
use tauri::State;

use super::exchange::file_name;
use super::{Db, lock};
use crate::error::ApiError;

/// A project's comments (of one revision, if given) in compiled-table order.
#[tauri::command]
#[specta::specta]
pub async fn list_comments(
    db: State<'_, Db>,
    project_id: String,
    revision_id: Option<String>,
) -> Result<Vec<Comment>, ApiError> {
    Ok(comments::list(
        lock(&db)?.conn(),
        &project_id,
        revision_id.as_deref(),
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_comment(db: State<'_, Db>, input: CommentInput) -> Result<String, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| comments::create(w, &input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_comment(
    db: State<'_, Db>,
    id: String,
    input: CommentInput,
) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| comments::update(w, &id, &input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_comment(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| comments::remove(w, &id))?)
}

/// Writes the comments to `path` (`.csv` or `.xlsx`) in the template's column order; returns
/// how many.
#[tauri::command]
#[specta::specta]
pub async fn export_comments(
    db: State<'_, Db>,
    project_id: String,
    revision_id: Option<String>,
    path: String,
) -> Result<u32, ApiError> {
    Ok(comments::export_to(
        lock(&db)?.conn(),
        &project_id,
        revision_id.as_deref(),
        Path::new(&path),
    )?)
}

/// Reads a comments sheet for the preview: its header, then every row with all its problems.
#[tauri::command]
#[specta::specta]
pub async fn preview_comments_import(
    project_id: String,
    revision_id: Option<String>,
    path: String,
) -> Result<CommentsPreview, ApiError> {
    let bytes = read_file(Path::new(&path))?;
    Ok(comments::preview(
        &file_name(&path),
        &bytes,
        &project_id,
        revision_id.as_deref(),
    )?)
}

/// Imports a comments sheet in one transaction, or nothing when any row is bad; returns how many.
#[tauri::command]
#[specta::specta]
pub async fn import_comments(
    db: State<'_, Db>,
    project_id: String,
    revision_id: Option<String>,
    path: String,
) -> Result<u32, ApiError> {
    let bytes = read_file(Path::new(&path))?;
    let ids = lock(&db)?.write(Source::Import, |w| {
        comments::import(
            w,
            &file_name(&path),
            &bytes,
            &project_id,
            revision_id.as_deref(),
        )
    })?;
    Ok(ids.len() as u32)
}
