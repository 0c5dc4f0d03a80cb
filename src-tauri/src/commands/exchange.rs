//! Spreadsheet exchange for every register: export to a CSV or XLSX file chosen in the save
//! dialog, preview a file chosen in the open dialog (per-row errors, nothing written) and import
//! it (refused whole unless every row is valid). The format follows the file's extension.

use std::path::Path;

use normdesk_core::Source;
use normdesk_core::exchange::{self, ImportPreview};
use tauri::State;

use super::{Db, lock};
use crate::error::ApiError;

/// The file name shown in messages and used to tell CSV from XLSX.
pub(crate) fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// Writes every live record of `kind` to `path`; returns the number of rows.
#[tauri::command]
#[specta::specta]
pub async fn export_register(
    db: State<'_, Db>,
    kind: String,
    path: String,
) -> Result<u32, ApiError> {
    Ok(exchange::export_to(
        lock(&db)?.conn(),
        &kind,
        Path::new(&path),
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn preview_register_import(
    db: State<'_, Db>,
    kind: String,
    path: String,
) -> Result<ImportPreview, ApiError> {
    let bytes = exchange::read_file(Path::new(&path))?;
    Ok(exchange::preview(
        lock(&db)?.conn(),
        &kind,
        &file_name(&path),
        &bytes,
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn import_register(
    db: State<'_, Db>,
    kind: String,
    path: String,
) -> Result<ImportPreview, ApiError> {
    let bytes = exchange::read_file(Path::new(&path))?;
    Ok(lock(&db)?.write(Source::Ui, |w| {
        exchange::import(w, &kind, &file_name(&path), &bytes)
    })?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_decides_the_format_not_the_folder() {
        assert_eq!(file_name("/tmp/a.csv/people.xlsx"), "people.xlsx");
        assert_eq!(file_name("people.csv"), "people.csv");
    }
}
