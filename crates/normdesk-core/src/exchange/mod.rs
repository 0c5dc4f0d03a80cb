//! Spreadsheet exchange for every register: export to CSV (UTF-8 with a BOM so Excel reads
//! Chinese, CRLF line ends, RFC 4180 quoting) or XLSX, and import from either with a preview.
//!
//! The header of an exported file is `id` followed by the kind's contract field names. An
//! import reads the same shape: `id` is optional (a row without one creates a record; a row with
//! the id of a record here updates it; a row with an id unknown here creates the record with
//! that id, so an export imported into an empty store makes the same records), columns may come
//! in any order and may be left out (except required fields), and reference columns take an id
//! or a human key ([`keys`]: committee reference, organisation acronym, person e-mail, project
//! reference, statement title).
//!
//! Import is plan-then-apply: [`preview`] reads and checks every row and writes nothing; [`import`]
//! plans again inside the write transaction and applies only when every row is valid. Every
//! write goes through the [`Writer`], so imported changes are validated, logged and searchable
//! like any other.

mod keys;
mod plan;
pub mod table;

use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{CoreError, Result};
use crate::schema::{self, EntitySpec};
use crate::writer::Writer;

/// The kinds that exchange spreadsheets, in the order a whole office would load them.
pub const KINDS: &[&str] = &[
    "organisation",
    "committee",
    "person",
    "training",
    "membership",
    "project",
    "liaison",
    "statement",
    "target",
];

/// A spreadsheet file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// The format a file name's extension names (`.csv`, `.xlsx`); the error says which exist.
    pub fn from_name(name: &str) -> Result<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Ok(Format::Csv)
        } else if lower.ends_with(".xlsx") {
            Ok(Format::Xlsx)
        } else {
            Err(CoreError::invalid(
                "file",
                format!("{name}: name a .csv or .xlsx file"),
            ))
        }
    }
}

/// What an import does with one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    Create,
    Update,
    Unchanged,
}

/// One planned row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RowChange {
    /// The spreadsheet row (the header is row 1).
    pub row: u32,
    pub action: RowAction,
    pub id: String,
    /// The fields an update changes (every given field for a create).
    pub fields: Vec<String>,
}

/// A problem with the file or one cell. `row` 0 is the file itself, 1 the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportError {
    pub row: u32,
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.row, &self.column) {
            (0, Some(c)) => write!(f, "column {c}: {}", self.message),
            (0, None) => f.write_str(&self.message),
            (r, Some(c)) => write!(f, "row {r}, column {c}: {}", self.message),
            (r, None) => write!(f, "row {r}: {}", self.message),
        }
    }
}

/// What an import would do (or did): counts, each row's plan, and every problem found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportPreview {
    pub kind: String,
    pub file: String,
    pub rows: u32,
    pub create: u32,
    pub update: u32,
    pub unchanged: u32,
    /// Empty when the file can be imported.
    pub errors: Vec<ImportError>,
    pub changes: Vec<RowChange>,
}

impl ImportPreview {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// One line for the refusal: the file, how many problems, the first ones.
    pub fn refusal(&self) -> String {
        const SHOWN: usize = 20;
        let mut text = format!(
            "{}: nothing imported; {} problem(s): ",
            self.file,
            self.errors.len()
        );
        let shown: Vec<String> = self
            .errors
            .iter()
            .take(SHOWN)
            .map(ToString::to_string)
            .collect();
        text.push_str(&shown.join("; "));
        if self.errors.len() > SHOWN {
            text.push_str(&format!(
                "; and {} more (see the preview)",
                self.errors.len() - SHOWN
            ));
        }
        text
    }
}

/// A kind that exchanges spreadsheets.
pub fn kind(name: &str) -> Result<&'static EntitySpec> {
    if !KINDS.contains(&name) {
        return Err(CoreError::invalid(
            "kind",
            format!(
                "'{name}' cannot be exchanged as a spreadsheet; use one of: {}",
                KINDS.join(", ")
            ),
        ));
    }
    schema::entity(name)
}

/// The column names of a kind's spreadsheet: `id`, then its fields.
pub fn columns(spec: &EntitySpec) -> Vec<&'static str> {
    std::iter::once("id")
        .chain(spec.fields.iter().map(|f| f.name))
        .collect()
}

/// Every live record of a kind as a file's bytes. Returns the bytes and the number of rows.
pub fn export(conn: &Connection, kind_name: &str, format: Format) -> Result<(Vec<u8>, u32)> {
    let spec = kind(kind_name)?;
    let records = crate::records::list(conn, spec, None)?;
    let header = columns(spec);
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            header
                .iter()
                .map(|c| r.get(*c).map(crate::records::display).unwrap_or_default())
                .collect()
        })
        .collect();
    let bytes = match format {
        Format::Csv => table::write_csv(&header, &rows)?,
        Format::Xlsx => table::write_xlsx(spec.name, &header, &rows)?,
    };
    Ok((bytes, rows.len() as u32))
}

/// Exports a kind to `path` (format from its extension); returns the number of rows.
pub fn export_to(conn: &Connection, kind_name: &str, path: &Path) -> Result<u32> {
    let format = Format::from_name(&path.to_string_lossy())?;
    let (bytes, n) = export(conn, kind_name, format)?;
    std::fs::write(path, bytes).map_err(|e| CoreError::io(path, e))?;
    Ok(n)
}

/// Reads and checks a file; writes nothing. `file` is its name (for messages and the format).
pub fn preview(
    conn: &Connection,
    kind_name: &str,
    file: &str,
    bytes: &[u8],
) -> Result<ImportPreview> {
    let spec = kind(kind_name)?;
    Ok(plan::plan(conn, spec, file, bytes)?.0)
}

/// Imports a file: plans it in the transaction and, when every row is valid, applies it.
/// Refused (nothing written) with a `file` validation error listing the problems otherwise.
pub fn import(
    w: &mut Writer<'_>,
    kind_name: &str,
    file: &str,
    bytes: &[u8],
) -> Result<ImportPreview> {
    let spec = kind(kind_name)?;
    let (preview, writes) = plan::plan(w.conn(), spec, file, bytes)?;
    if !preview.ok() {
        return Err(CoreError::invalid("file", preview.refusal()));
    }
    plan::apply(w, spec, file, writes)?;
    Ok(preview)
}

/// Reads a file for [`preview`] or [`import`], with a clear message when it cannot be read.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| CoreError::io(path, e))
}
