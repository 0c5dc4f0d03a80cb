//! The IPC commands. Each one is thin: unpack the arguments, call one core function with the
//! store, map the error. The TypeScript client for them (`ui/src/bindings.ts`) is generated
//! from these signatures by tauri-specta; see [`crate::bindings`].
//!
//! This module holds the shared state and the installation's commands (app info, settings,
//! backup); each register has its own submodule.

pub mod comments;
pub mod dashboard;
pub mod drafts;
pub mod exchange;
pub mod packets;
pub mod projects;
pub mod registers;
pub mod revisions;
pub mod sync;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use normdesk_core::Store;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::{ApiError, ApiErrorKind};

/// The open database, shared by all commands. Managed as Tauri state.
pub type Db = Mutex<Store>;

/// The languages the UI is translated into; the setting accepts nothing else.
pub const LANGUAGES: &[&str] = &["zh-CN", "en"];

/// What the Settings screen shows about this installation.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct AppInfo {
    pub app_version: String,
    /// The database file this window works on.
    pub db_path: String,
    pub replica_id: String,
    /// The workstation's name as colleagues see it on bundles.
    pub display_name: String,
    /// The chosen UI language; `None` until the user picks one.
    pub language: Option<String>,
    pub schema_version: u32,
}

impl AppInfo {
    /// Collects the facts about `store` (one read of identity, setting and schema).
    pub fn of(store: &Store) -> Result<AppInfo, ApiError> {
        let identity = store.identity()?;
        Ok(AppInfo {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            db_path: store
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            replica_id: identity.replica_id,
            display_name: identity.name,
            language: store.setting("language")?,
            schema_version: store.schema_version()?,
        })
    }
}

/// Refuses a language the UI has no translation for.
pub fn check_language(language: &str) -> Result<(), ApiError> {
    if LANGUAGES.contains(&language) {
        Ok(())
    } else {
        Err(ApiError::validation(
            "language",
            format!("'{language}' is not a language Normdesk speaks; choose zh-CN or en"),
        ))
    }
}

pub(crate) fn lock<'a>(db: &'a State<'_, Db>) -> Result<MutexGuard<'a, Store>, ApiError> {
    db.lock().map_err(|_| {
        ApiError::new(
            ApiErrorKind::Internal,
            "an earlier command failed while holding the database; restart Normdesk",
        )
    })
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(db: State<'_, Db>) -> Result<AppInfo, ApiError> {
    AppInfo::of(&*lock(&db)?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_display_name(db: State<'_, Db>, name: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.set_display_name(&name)?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_language(db: State<'_, Db>, language: String) -> Result<(), ApiError> {
    check_language(&language)?;
    Ok(lock(&db)?.set_setting("language", &language)?)
}

#[tauri::command]
#[specta::specta]
pub async fn backup_database(db: State<'_, Db>, path: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.backup_to(Path::new(&path))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_translated_languages_are_accepted() {
        for (language, ok) in [
            ("zh-CN", true),
            ("en", true),
            ("fr", false),
            ("", false),
            ("EN", false),
        ] {
            let result = check_language(language);
            assert_eq!(result.is_ok(), ok, "{language}");
            if let Err(e) = result {
                assert_eq!(e.field.as_deref(), Some("language"));
            }
        }
    }

    #[test]
    fn app_info_reports_the_open_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("normdesk.db");
        let mut store = Store::open(&path).unwrap();
        store.set_display_name("Li's laptop").unwrap();
        store.set_setting("language", "en").unwrap();
        let info = AppInfo::of(&store).unwrap();
        assert_eq!(info.db_path, path.display().to_string());
        assert_eq!(info.display_name, "Li's laptop");
        assert_eq!(info.language.as_deref(), Some("en"));
        assert_eq!(info.schema_version, normdesk_core::store::SCHEMA_VERSION);
        assert!(!info.replica_id.is_empty());
    }
}
