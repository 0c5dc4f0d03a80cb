//! Planning and applying an import. [`plan`] checks the columns, then every cell of every row
//! (the field rules of `validate.rs`, references through [`super::keys`]) and every whole record
//! (record rules, a statement's state machine), collecting each problem with its row and column;
//! it decides per row whether it creates, updates or changes nothing. [`apply`] writes the
//! planned rows through the writer, in file order.

use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::{Map, Value};

use super::keys::{Keys, key_field};
use super::table::{self, Sheet};
use super::{Format, ImportError, ImportPreview, RowAction, RowChange};
use crate::error::{CoreError, Result};
use crate::schema::{self, EntitySpec, FieldKind, FieldSpec};
use crate::writer::{Writer, load};
use crate::{projects, records, validate};

/// One row to write.
pub struct Write {
    row: u32,
    id: String,
    create: bool,
    /// The id was made here while planning (not read from the file).
    fresh: bool,
    values: Map<String, Value>,
}

fn split(err: CoreError) -> (Option<String>, String) {
    match err {
        CoreError::Validation { field, message } => (Some(field), message),
        other => (None, other.to_string()),
    }
}

/// Reads and checks a file; returns the preview and, when it is valid, the writes.
pub fn plan(
    conn: &Connection,
    spec: &'static EntitySpec,
    file: &str,
    bytes: &[u8],
) -> Result<(ImportPreview, Vec<Write>)> {
    let sheet = match Format::from_name(file)? {
        Format::Csv => table::read_csv(file, bytes)?,
        Format::Xlsx => table::read_xlsx(file, bytes)?,
    };
    let mut preview = ImportPreview {
        kind: spec.name.to_owned(),
        file: file.to_owned(),
        rows: sheet.rows.len() as u32,
        create: 0,
        update: 0,
        unchanged: 0,
        errors: Vec::new(),
        changes: Vec::with_capacity(sheet.rows.len()),
    };
    // Required fields a file leaves out: fine for rows that update, refused once a row creates.
    let missing: Vec<&str> = spec
        .fields
        .iter()
        .filter(|f| f.required && !sheet.header.iter().any(|h| h == f.name))
        .map(|f| f.name)
        .collect();
    let mut creates_without = None;
    let columns = match columns(spec, &sheet) {
        Ok(columns) => columns,
        Err(errors) => {
            preview.errors = errors;
            return Ok((preview, Vec::new()));
        }
    };
    for (row, problem) in &sheet.bad_rows {
        preview.errors.push(ImportError {
            row: *row,
            column: None,
            message: problem.clone(),
        });
    }
    let mut keys = Keys::new(conn);
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut writes = Vec::with_capacity(sheet.rows.len());
    for (row, cells) in &sheet.rows {
        let row = *row;
        let before = preview.errors.len();
        macro_rules! error {
            ($column:expr, $message:expr) => {
                preview.errors.push(ImportError {
                    row,
                    column: $column.map(str::to_owned),
                    message: $message,
                })
            };
        }
        let mut id = None;
        let mut values = Map::new();
        for (column, cell) in columns.iter().zip(cells) {
            match column {
                None => match row_id(conn, spec, &mut keys, cell)? {
                    Ok(found) => id = found,
                    Err(message) => error!(Some("id"), message),
                },
                Some(field) => match cell_value(&mut keys, field, cell)? {
                    Ok(value) => {
                        values.insert(field.name.to_owned(), value);
                    }
                    Err(message) => error!(Some(field.name), message),
                },
            }
        }
        let fresh = id.is_none();
        let (id, existing) = match id {
            Some((id, existing)) => (id, existing),
            None => (uuid::Uuid::now_v7().to_string(), None),
        };
        // An id made here is new; only ids the file gives can repeat.
        if !fresh && let Some(first) = seen.insert(id.clone(), row) {
            error!(
                Some("id"),
                format!("the id {id} is already used in row {first}; each record once")
            );
        }
        if preview.errors.len() > before {
            continue;
        }
        let (action, changed) = match existing {
            None if !missing.is_empty() => {
                creates_without.get_or_insert(row);
                continue;
            }
            None => {
                let record: Map<String, Value> = spec
                    .fields
                    .iter()
                    .map(|f| {
                        let value = values.get(f.name).cloned();
                        (
                            f.name.to_owned(),
                            value.unwrap_or_else(|| schema::default_value(f)),
                        )
                    })
                    .collect();
                if let Err(e) = validate::record(spec, &record) {
                    let (field, message) = split(e);
                    error!(field.as_deref(), message);
                    continue;
                }
                // Kinds without a key have no references to their own kind to resolve later.
                if let Some(key) = key_field(spec.name) {
                    keys.add(spec.name, &id, record.get(key).and_then(Value::as_str))?;
                }
                (RowAction::Create, Vec::new())
            }
            Some(before) => {
                let mut after = before.clone();
                let changed: Vec<String> = values
                    .iter()
                    .filter(|(k, v)| before.get(*k) != Some(v))
                    .map(|(k, _)| k.clone())
                    .collect();
                after.extend(values.clone());
                if let Err(e) = validate::record(spec, &after)
                    .and_then(|()| validate::change(spec, &before, &after))
                {
                    let (field, message) = split(e);
                    error!(field.as_deref(), message);
                    continue;
                }
                if changed.is_empty() {
                    (RowAction::Unchanged, changed)
                } else {
                    (RowAction::Update, changed)
                }
            }
        };
        match action {
            RowAction::Create => preview.create += 1,
            RowAction::Update => preview.update += 1,
            RowAction::Unchanged => preview.unchanged += 1,
        }
        if action != RowAction::Unchanged {
            let values = if action == RowAction::Update {
                values
                    .into_iter()
                    .filter(|(k, _)| changed.contains(k))
                    .collect()
            } else {
                values
            };
            writes.push(Write {
                row,
                id: id.clone(),
                create: action == RowAction::Create,
                fresh,
                values,
            });
        }
        preview.changes.push(RowChange {
            row,
            action,
            id,
            fields: changed,
        });
    }
    if let Some(row) = creates_without {
        let names = super::columns(spec).join(", ");
        for (i, name) in missing.iter().enumerate() {
            let mut message = format!(
                "required column is missing (row {row} creates a new {})",
                spec.name
            );
            if i == 0 {
                message.push_str(&format!("; the {} columns are: {names}", spec.name));
            }
            preview.errors.insert(
                i,
                ImportError {
                    row: 0,
                    column: Some((*name).to_owned()),
                    message,
                },
            );
        }
    }
    if !preview.errors.is_empty() {
        writes.clear();
    }
    Ok((preview, writes))
}

/// Maps the header to fields (`None` for the id column); names every unknown, repeated or
/// empty column name.
fn columns(
    spec: &EntitySpec,
    sheet: &Sheet,
) -> std::result::Result<Vec<Option<&'static FieldSpec>>, Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let names = super::columns(spec).join(", ");
    for (i, name) in sheet.header.iter().enumerate() {
        let column = |message: String| ImportError {
            row: 0,
            column: Some(if name.is_empty() {
                format!("#{}", i + 1)
            } else {
                name.clone()
            }),
            message,
        };
        if sheet.header[..i].contains(name) {
            errors.push(column("appears twice in the header".into()));
        } else if name == "id" {
            out.push(None);
        } else if let Some(field) = schema::entity(spec.name).ok().and_then(|s| s.field(name)) {
            out.push(Some(field));
        } else if name.is_empty() {
            errors.push(column(format!(
                "has no name; the {} columns are: {names}",
                spec.name
            )));
        } else {
            errors.push(column(format!(
                "unknown column; the {} columns are: {names}",
                spec.name
            )));
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The id cell: empty (create), the id of a live record (update, with its fields), or an id
/// unknown here (create with that id).
#[allow(clippy::type_complexity)]
fn row_id(
    conn: &Connection,
    spec: &'static EntitySpec,
    keys: &mut Keys<'_>,
    cell: &str,
) -> Result<std::result::Result<Option<(String, Option<Map<String, Value>>)>, String>> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(Ok(None));
    }
    let Ok(uuid) = uuid::Uuid::parse_str(text) else {
        return Ok(Err(format!(
            "'{text}' is not a record id (a UUID); leave it empty to create a new {}",
            spec.name
        )));
    };
    let id = uuid.hyphenated().to_string();
    if keys.was_deleted(spec.name, &id)? {
        return Ok(Err(format!(
            "the {} with id {id} was deleted; leave the id empty to create a new one",
            spec.name
        )));
    }
    let existing = if keys.is_live(spec.name, &id)? {
        load(conn, spec, &id)?
    } else {
        None
    };
    Ok(Ok(Some((id, existing))))
}

/// One cell as a field value: references through their keys, everything else by the field rule.
fn cell_value(
    keys: &mut Keys<'_>,
    field: &FieldSpec,
    cell: &str,
) -> Result<std::result::Result<Value, String>> {
    if let FieldKind::Ref(kind) = field.kind {
        return Ok(keys
            .resolve(kind, cell)?
            .map(|id| id.map_or(Value::Null, Value::String)));
    }
    Ok(validate::parse_text(field, cell).map_err(|e| split(e).1))
}

/// Writes the planned rows in file order; a refusal names its row.
pub fn apply(
    w: &mut Writer<'_>,
    spec: &'static EntitySpec,
    file: &str,
    writes: Vec<Write>,
) -> Result<()> {
    for write in writes {
        let row = write.row;
        let result = if !write.create {
            records::set(w, spec, &write.id, write.values)
        } else if spec.name == "project" {
            let mut full: Map<String, Value> = spec
                .fields
                .iter()
                .map(|f| (f.name.to_owned(), schema::default_value(f)))
                .collect();
            full.extend(write.values);
            serde_json::from_value::<projects::ProjectInput>(Value::Object(full))
                .map_err(|e| {
                    CoreError::invalid("project", format!("the fields do not make a project: {e}"))
                })
                .and_then(|input| projects::create_with_id(w, &write.id, input))
        } else {
            if write.fresh {
                w.create_fresh(spec, &write.id, write.values)
            } else {
                w.create_with_id(spec, &write.id, write.values)
            }
        };
        result.map_err(|e| match split(e) {
            (Some(field), message) => CoreError::invalid(
                "file",
                format!("{file}: row {row}, column {field}: {message}"),
            ),
            (None, message) => CoreError::invalid("file", format!("{file}: row {row}: {message}")),
        })?;
    }
    Ok(())
}
