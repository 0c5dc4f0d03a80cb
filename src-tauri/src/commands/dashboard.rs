//! The dashboard's commands: what needs attention today, the programme targets and their
//! progress, and the one search box over every register. One core call each.

use normdesk_core::Source;
use normdesk_core::dashboard::{self, Dashboard};
use normdesk_core::find::{self, SearchResults};
use normdesk_core::targets::{self, TargetInput, TargetProgress};
use tauri::State;

use super::{Db, lock};
use crate::error::ApiError;

/// How many hits of each kind the search box shows.
pub const HITS_PER_KIND: u32 = 8;

#[tauri::command]
#[specta::specta]
pub async fn dashboard(db: State<'_, Db>) -> Result<Dashboard, ApiError> {
    Ok(dashboard::dashboard(lock(&db)?.conn(), None)?)
}

#[tauri::command]
#[specta::specta]
pub async fn target_progress(db: State<'_, Db>) -> Result<Vec<TargetProgress>, ApiError> {
    Ok(targets::progress(lock(&db)?.conn())?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_target(db: State<'_, Db>, input: TargetInput) -> Result<String, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| targets::create(w, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_target(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| targets::delete(w, &id))?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_target(
    db: State<'_, Db>,
    id: String,
    input: TargetInput,
) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| targets::update(w, &id, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn search_everywhere(
    db: State<'_, Db>,
    query: String,
) -> Result<SearchResults, ApiError> {
    Ok(find::everywhere(lock(&db)?.conn(), &query, HITS_PER_KIND)?)
}
