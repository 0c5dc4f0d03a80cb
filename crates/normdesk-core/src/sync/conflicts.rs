//! Conflicts for a person to confirm or swap: a field two workstations changed concurrently
//! (kind `field`: the value shown and the other value kept), or a record deleted on one
//! workstation while edited on another (kind `delete`). Resolving is an ordinary change whose
//! `resolves` lists both stamps; it travels on like any change and closes the conflict wherever
//! it arrives.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use specta::Type;

use super::{Change, Replica, Stamp, apply, history};
use crate::clock::Hlc;
use crate::error::{CoreError, Result};
use crate::schema;
use crate::store::Store;
use crate::writer;

/// An open conflict, both sides with who and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Conflict {
    /// The same on every workstation that holds the same changes.
    pub id: String,
    pub kind: ConflictKind,
    pub entity: String,
    pub row_id: String,
    /// A short label of the record ("ISO/CD 21384-5 (0193…)").
    pub label: String,
    /// The field in conflict (`deleted` for a delete that met an edit).
    pub field: String,
    /// The value shown now (the later stamp).
    pub current: Side,
    /// The other value, kept for a person to choose.
    pub other: Side,
    /// When this workstation found it (RFC 3339).
    pub detected_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    Field,
    Delete,
}

/// One side of a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Side {
    /// The field's value (for a delete conflict: `true` deleted, `false` kept with the edit).
    pub value: Value,
    /// The field this side's change was made to (for a delete conflict's other side, the edit's).
    pub field: String,
    pub by: Replica,
    /// When the change was made (RFC 3339, from its clock stamp).
    pub at: String,
    /// Made at this workstation.
    pub local: bool,
}

/// Which side to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Keep {
    Current,
    Other,
}

struct Row {
    id: String,
    kind: ConflictKind,
    entity: String,
    row_id: String,
    field: String,
    value: String,
    stamp: Stamp,
    detected_at: String,
}

/// The open conflicts, oldest first. Heads whose value equals the one shown are not conflicts.
pub fn list(conn: &Connection) -> Result<Vec<Conflict>> {
    let self_id: String =
        conn.query_row("SELECT replica_id FROM replica_self", [], |r| r.get(0))?;
    let mut out = Vec::new();
    for row in open_rows(conn, None)? {
        let Some(current) = visible(conn, &row.entity, &row.row_id, &row.field)? else {
            continue;
        };
        let current_value = value_of(conn, &current)?;
        if row.kind == ConflictKind::Field && current_value == row.value {
            continue;
        }
        let spec = schema::entity(&row.entity)?;
        let other_field = match row.kind {
            ConflictKind::Field => row.field.clone(),
            ConflictKind::Delete => conn
                .query_row(
                    "SELECT field FROM change_log WHERE hlc = ?1 AND replica_id = ?2",
                    params![row.stamp.hlc as i64, row.stamp.replica],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or_default(),
        };
        out.push(Conflict {
            id: row.id.clone(),
            kind: row.kind,
            label: writer::label(conn, spec, &row.row_id)?,
            current: side(conn, &self_id, &current, &current_value, &row.field)?,
            other: side(conn, &self_id, &row.stamp, &row.value, &other_field)?,
            entity: row.entity,
            row_id: row.row_id,
            field: row.field,
            detected_at: row.detected_at,
        });
    }
    Ok(out)
}

/// How many conflicts [`list`] shows.
pub fn open_count(conn: &Connection) -> Result<u64> {
    Ok(list(conn)?.len() as u64)
}

/// Resolves a conflict by keeping one side: a new change of the field (for a delete conflict:
/// deleted again, or restored) that supersedes both. Returns the change, as it will travel.
pub fn resolve(store: &mut Store, id: &str, keep: Keep) -> Result<Change> {
    let tx = rusqlite::Transaction::new_unchecked(store.conn(), TransactionBehavior::Immediate)?;
    let row = open_rows(&tx, Some(id))?.pop().ok_or_else(|| {
        CoreError::invalid(
            "id",
            format!("there is no open conflict {id}; list them with `normdesk conflicts`"),
        )
    })?;
    let current = visible(&tx, &row.entity, &row.row_id, &row.field)?
        .ok_or_else(|| CoreError::Corrupt(format!("conflict {id} has no visible value")))?;
    let (value, mut resolves) = match (row.kind, keep) {
        (ConflictKind::Field, Keep::Current) => (value_of(&tx, &current)?, vec![row.stamp.clone()]),
        (ConflictKind::Field, Keep::Other) => (row.value.clone(), vec![row.stamp.clone()]),
        (ConflictKind::Delete, Keep::Other) => ("false".to_owned(), vec![row.stamp.clone()]),
        (ConflictKind::Delete, Keep::Current) => {
            let mut stmt =
                tx.prepare("SELECT hlc, replica_id FROM field_state WHERE entity = ?1 AND row_id = ?2 AND field != 'deleted' ORDER BY field")?;
            let seen = stmt
                .query_map(params![row.entity, row.row_id], |r| {
                    Ok(Stamp {
                        hlc: r.get::<_, i64>(0)? as u64,
                        replica: r.get(1)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            ("true".to_owned(), seen)
        }
    };
    resolves.retain(|s| *s != current);
    let change = Change {
        replica: String::new(),
        seq: 0,
        hlc: 0,
        entity: row.entity,
        row: row.row_id,
        field: row.field,
        value: serde_json::from_str(&value).unwrap_or(Value::Null),
        prev: Some(current),
        resolves,
        source: "resolve".into(),
    };
    let change = apply::apply_local(&tx, change)?;
    tx.commit()?;
    Ok(change)
}

fn open_rows(conn: &Connection, id: Option<&str>) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, entity, row_id, field, value, hlc, replica_id, detected_at FROM conflict
         WHERE closed_hlc IS NULL AND (?1 IS NULL OR id = ?1) ORDER BY detected_at, id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Row {
            id: r.get(0)?,
            kind: if r.get::<_, String>(1)? == "delete" {
                ConflictKind::Delete
            } else {
                ConflictKind::Field
            },
            entity: r.get(2)?,
            row_id: r.get(3)?,
            field: r.get(4)?,
            value: r.get(5)?,
            stamp: Stamp {
                hlc: r.get::<_, i64>(6)? as u64,
                replica: r.get(7)?,
            },
            detected_at: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn visible(conn: &Connection, entity: &str, row: &str, field: &str) -> Result<Option<Stamp>> {
    Ok(conn
        .query_row(
            "SELECT hlc, replica_id FROM field_state WHERE entity = ?1 AND row_id = ?2 AND field = ?3",
            params![entity, row, field],
            |r| Ok(Stamp { hlc: r.get::<_, i64>(0)? as u64, replica: r.get(1)? }),
        )
        .optional()?)
}

fn value_of(conn: &Connection, s: &Stamp) -> Result<String> {
    Ok(conn
        .query_row(
            "SELECT value FROM change_log WHERE hlc = ?1 AND replica_id = ?2",
            params![s.hlc as i64, s.replica],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| "null".to_owned()))
}

fn side(conn: &Connection, self_id: &str, s: &Stamp, value: &str, field: &str) -> Result<Side> {
    let name = history::replica_name(conn, &s.replica)?.unwrap_or_default();
    let at = chrono::DateTime::from_timestamp_millis(Hlc(s.hlc).millis() as i64)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default();
    Ok(Side {
        value: serde_json::from_str(value).unwrap_or(Value::Null),
        field: field.to_owned(),
        by: Replica {
            id: s.replica.clone(),
            name,
        },
        at,
        local: s.replica == self_id,
    })
}
