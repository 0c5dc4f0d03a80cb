//! The projects register's commands: the stage catalog, lookups, the list, detail, create,
//! update, delete and stage changes. One core call each.

use normdesk_core::Source;
use normdesk_core::projects::{
    self, Lookups, ProjectDetail, ProjectInput, ProjectPage, ProjectQuery, StageChange,
};
use normdesk_core::stages::{self, Stage, StageGroup};
use serde::Serialize;
use specta::Type;
use tauri::State;

use super::{Db, lock};
use crate::error::ApiError;

/// The 46 harmonized stage codes and their groups (reference data, not stored).
#[derive(Debug, Clone, Serialize, Type)]
pub struct StageCatalog {
    pub stages: Vec<Stage>,
    pub groups: Vec<StageGroup>,
}

#[tauri::command]
#[specta::specta]
pub async fn stages() -> Result<StageCatalog, ApiError> {
    Ok(StageCatalog {
        stages: stages::ALL.to_vec(),
        groups: stages::GROUPS.to_vec(),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn lookups(db: State<'_, Db>) -> Result<Lookups, ApiError> {
    Ok(projects::lookups(lock(&db)?.conn())?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_projects(
    db: State<'_, Db>,
    query: ProjectQuery,
) -> Result<ProjectPage, ApiError> {
    Ok(projects::list(lock(&db)?.conn(), &query)?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_project(db: State<'_, Db>, id: String) -> Result<ProjectDetail, ApiError> {
    Ok(projects::get(lock(&db)?.conn(), &id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_project(
    db: State<'_, Db>,
    input: ProjectInput,
) -> Result<ProjectDetail, ApiError> {
    let mut store = lock(&db)?;
    let id = store.write(Source::Ui, |w| projects::create(w, input))?;
    Ok(projects::get(store.conn(), &id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_project(
    db: State<'_, Db>,
    id: String,
    input: ProjectInput,
) -> Result<ProjectDetail, ApiError> {
    let mut store = lock(&db)?;
    store.write(Source::Ui, |w| projects::update(w, &id, input))?;
    Ok(projects::get(store.conn(), &id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_project(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| projects::delete(w, &id))?)
}

#[tauri::command]
#[specta::specta]
pub async fn change_stage(
    db: State<'_, Db>,
    id: String,
    change: StageChange,
) -> Result<ProjectDetail, ApiError> {
    let mut store = lock(&db)?;
    store.write(Source::Ui, |w| projects::change_stage(w, &id, change))?;
    Ok(projects::get(store.conn(), &id)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stage_catalog_has_every_code() {
        let catalog = tauri::async_runtime::block_on(stages()).unwrap();
        assert_eq!(catalog.stages.len(), 46);
        assert_eq!(catalog.groups.len(), stages::GROUPS.len());
    }
}
