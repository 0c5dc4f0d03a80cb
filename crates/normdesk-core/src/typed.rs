//! Typed records ⇄ field maps. The registers' IPC structs (`CommitteeInput`, `PersonInput`, …)
//! serialise to exactly the contract field names, so the generic [`crate::writer::Writer`] takes
//! them as field maps and stored rows read back into them. Also the small read helpers every
//! register page shares: a record's label, today's date, an id check.

use rusqlite::{Connection, OptionalExtension};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};

use crate::error::{CoreError, Result};
use crate::projects::RefLabel;
use crate::schema::EntitySpec;
use crate::writer::{label, load};

/// A typed input as the writer's field map.
pub fn to_fields<T: Serialize>(input: &T) -> Result<Map<String, Value>> {
    match serde_json::to_value(input) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(CoreError::Corrupt(
            "a record could not be converted to fields".into(),
        )),
    }
}

/// A stored record (field map) as its typed form.
pub fn from_fields<T: DeserializeOwned>(kind: &str, fields: Map<String, Value>) -> Result<T> {
    serde_json::from_value(Value::Object(fields))
        .map_err(|e| CoreError::Corrupt(format!("a stored {kind} does not read back: {e}")))
}

/// Loads a live record of `spec` as its typed form, or `NotFound`.
pub fn get<T: DeserializeOwned>(conn: &Connection, spec: &EntitySpec, id: &str) -> Result<T> {
    let fields = load(conn, spec, id)?.ok_or_else(|| CoreError::not_found(spec.name, id))?;
    from_fields(spec.name, fields)
}

/// The label of a referenced record, without the id suffix; `None` when absent or dangling.
pub fn ref_label(
    conn: &Connection,
    spec: &EntitySpec,
    id: Option<&str>,
) -> Result<Option<RefLabel>> {
    let Some(id) = id else { return Ok(None) };
    let live: Option<i64> = conn
        .prepare_cached(&format!(
            "SELECT 1 FROM {} WHERE id = ?1 AND deleted = 0",
            spec.table()
        ))?
        .query_row([id], |r| r.get(0))
        .optional()?;
    if live.is_none() {
        return Ok(None);
    }
    let text = label(conn, spec, id)?;
    let text = text
        .strip_suffix(&format!(" ({id})"))
        .map(str::to_owned)
        .unwrap_or(text);
    Ok(Some(RefLabel {
        id: id.to_owned(),
        label: text,
    }))
}

/// `today` if given and a date, else the local date; the error names the field `today`.
pub fn today_or_now(today: Option<&str>) -> Result<String> {
    match today.filter(|t| !t.is_empty()) {
        None => Ok(crate::projects::today()),
        Some(t) if crate::validate::parse_date(t).is_some() => Ok(t.to_owned()),
        Some(t) => Err(CoreError::invalid(
            "today",
            format!("'{t}' is not a date; write it as YYYY-MM-DD"),
        )),
    }
}

/// A date plus a number of days (negative goes back), as `YYYY-MM-DD`.
pub fn add_days(date: &str, days: i64) -> Result<String> {
    let d = crate::validate::parse_date(date).ok_or_else(|| {
        CoreError::invalid(
            "today",
            format!("'{date}' is not a date; write it as YYYY-MM-DD"),
        )
    })?;
    Ok((d + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string())
}

/// Days from `from` to `to` (negative when `to` is earlier); 0 when either is not a date.
pub fn days_between(from: &str, to: &str) -> i64 {
    match (
        crate::validate::parse_date(from),
        crate::validate::parse_date(to),
    ) {
        (Some(a), Some(b)) => (b - a).num_days(),
        _ => 0,
    }
}
