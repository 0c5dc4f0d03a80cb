//! The one repository layer for replicated writes. Every create, update and delete of a record
//! goes through a [`Writer`], which in the same transaction: validates the fields and the record,
//! writes the row, appends one `change_log` row per changed field stamped with the hybrid logical
//! clock, moves the field's stamp in `field_state`, and refreshes the search index.
//!
//! *Architecture invariant:* nothing else writes to the record tables or to `change_log`; sync
//! can therefore trust the log to hold every change.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value};

use crate::clock::Hlc;
use crate::error::{CoreError, Result};
use crate::schema::{self, EntitySpec, FieldKind};
use crate::{search, validate};

/// Where a write came from; recorded with each change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Ui,
    Cli,
    Import,
    Demo,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Ui => "ui",
            Source::Cli => "cli",
            Source::Import => "import",
            Source::Demo => "demo",
        }
    }
}

/// Writes replicated records inside one transaction (see [`crate::Store::write`]).
pub struct Writer<'a> {
    conn: &'a Connection,
    source: Source,
    replica_id: String,
    next_seq: i64,
    last_hlc: Hlc,
    touched: BTreeSet<(&'static str, String)>,
}

impl<'a> Writer<'a> {
    pub(crate) fn begin(conn: &'a Connection, source: Source) -> Result<Self> {
        let (replica_id, next_seq, last_hlc): (String, i64, i64) = conn.query_row(
            "SELECT replica_id, next_seq, last_hlc FROM replica_self LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(Writer { conn, source, replica_id, next_seq, last_hlc: Hlc(last_hlc as u64), touched: BTreeSet::new() })
    }

    /// Read access to the transaction, for checks and lookups.
    pub fn conn(&self) -> &Connection {
        self.conn
    }

    /// Creates a record with a new UUIDv7 id; fields not given take their defaults.
    pub fn create(&mut self, spec: &'static EntitySpec, values: Map<String, Value>) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        self.create_with_id(spec, &id, values)?;
        Ok(id)
    }

    /// Creates a record with a given id (demo data uses stable ids so that loading it twice, or on
    /// two workstations, makes the same records).
    pub fn create_with_id(&mut self, spec: &'static EntitySpec, id: &str, values: Map<String, Value>) -> Result<()> {
        let given = self.check_fields(spec, values)?;
        let mut record = Map::new();
        for field in spec.fields {
            let value = given.get(field.name).cloned().unwrap_or_else(|| schema::default_value(field));
            record.insert(field.name.to_owned(), value);
        }
        validate::record(spec, &record)?;
        self.check_refs(spec, id, &record)?;
        let exists: bool =
            self.conn.query_row(&format!("SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1)", spec.table()), [id], |r| r.get(0))?;
        if exists {
            return Err(CoreError::invalid("id", format!("a {} with id {id} exists already", spec.name)));
        }
        let columns: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
        let sql = format!(
            "INSERT INTO {} (id, {}) VALUES (?1, {})",
            spec.table(),
            columns.join(", "),
            (2..=columns.len() + 1).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
        );
        let mut params: Vec<rusqlite::types::Value> = vec![id.to_owned().into()];
        params.extend(spec.fields.iter().map(|f| to_sql(&record[f.name])));
        self.conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(params))?;
        for field in spec.fields {
            self.log(spec.name, id, field.name, &record[field.name])?;
        }
        self.touched.insert((spec.name, id.to_owned()));
        Ok(())
    }

    /// Changes the given fields of a live record. Returns the names of the fields whose value
    /// actually changed (unchanged values write nothing).
    pub fn update(&mut self, spec: &'static EntitySpec, id: &str, values: Map<String, Value>) -> Result<Vec<&'static str>> {
        let given = self.check_fields(spec, values)?;
        let mut record = load(self.conn, spec, id)?.ok_or_else(|| CoreError::not_found(spec.name, id))?;
        let mut changed = Vec::new();
        for field in spec.fields {
            if let Some(value) = given.get(field.name)
                && record.get(field.name) != Some(value)
            {
                record.insert(field.name.to_owned(), value.clone());
                changed.push(field.name);
            }
        }
        if changed.is_empty() {
            return Ok(changed);
        }
        validate::record(spec, &record)?;
        self.check_refs(spec, id, &record)?;
        let sets: Vec<String> = changed.iter().enumerate().map(|(i, name)| format!("{name} = ?{}", i + 2)).collect();
        let sql = format!("UPDATE {} SET {} WHERE id = ?1", spec.table(), sets.join(", "));
        let mut params: Vec<rusqlite::types::Value> = vec![id.to_owned().into()];
        params.extend(changed.iter().map(|name| to_sql(&record[*name])));
        self.conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(params))?;
        for name in &changed {
            self.log(spec.name, id, name, &record[*name])?;
        }
        self.touched.insert((spec.name, id.to_owned()));
        Ok(changed)
    }

    /// Deletes a live record (a tombstone that travels like any change). Records owned by it
    /// (a project's stage history) go with it; any other record that still refers to it blocks
    /// the delete with the list of those records.
    pub fn delete(&mut self, spec: &'static EntitySpec, id: &str) -> Result<()> {
        if load(self.conn, spec, id)?.is_none() {
            return Err(CoreError::not_found(spec.name, id));
        }
        let mut blockers = Vec::new();
        let mut owned = Vec::new();
        for other in schema::ENTITIES.iter().copied() {
            for field in other.fields {
                if field.kind != FieldKind::Ref(spec.name) {
                    continue;
                }
                let sql = format!("SELECT id FROM {} WHERE {} = ?1 AND deleted = 0 AND id != ?1", other.table(), field.name);
                let ids: Vec<String> =
                    self.conn.prepare_cached(&sql)?.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?;
                for child in ids {
                    if other.owned_by == Some(field.name) {
                        owned.push((other, child));
                    } else {
                        blockers.push(format!("{} {}", other.name, label(self.conn, other, &child)?));
                    }
                }
            }
        }
        if !blockers.is_empty() {
            blockers.sort();
            return Err(CoreError::InUse { kind: spec.name.to_owned(), id: id.to_owned(), by: blockers });
        }
        for (other, child) in owned {
            self.delete(other, &child)?;
        }
        self.conn.prepare_cached(&format!("UPDATE {} SET deleted = 1 WHERE id = ?1", spec.table()))?.execute([id])?;
        self.log(spec.name, id, "deleted", &Value::Bool(true))?;
        self.touched.insert((spec.name, id.to_owned()));
        Ok(())
    }

    /// Persists the clock and sequence and refreshes the search index of touched records.
    pub(crate) fn finish(self) -> Result<()> {
        self.conn.execute(
            "UPDATE replica_self SET next_seq = ?1, last_hlc = ?2",
            params![self.next_seq, self.last_hlc.0 as i64],
        )?;
        for (entity, id) in &self.touched {
            search::reindex(self.conn, schema::entity(entity)?, id)?;
        }
        Ok(())
    }

    /// Validates and normalises the given fields; unknown names are refused.
    fn check_fields(&self, spec: &EntitySpec, values: Map<String, Value>) -> Result<Map<String, Value>> {
        let mut out = Map::new();
        for (name, value) in values {
            let field = spec.field(&name).ok_or_else(|| {
                let names: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
                CoreError::invalid(name.clone(), format!("{} has no field '{name}'; its fields are: {}", spec.name, names.join(", ")))
            })?;
            out.insert(name, validate::field(field, &value)?);
        }
        Ok(out)
    }

    /// Every reference must name a live record of the right kind.
    fn check_refs(&self, spec: &EntitySpec, id: &str, record: &Map<String, Value>) -> Result<()> {
        for field in spec.fields {
            let (FieldKind::Ref(kind), Some(Value::String(target))) = (field.kind, record.get(field.name)) else {
                continue;
            };
            if kind == spec.name && target == id {
                return Err(CoreError::invalid(field.name, format!("a {kind} cannot refer to itself")));
            }
            let live: bool = self
                .conn
                .prepare_cached(&format!("SELECT EXISTS(SELECT 1 FROM {kind} WHERE id = ?1 AND deleted = 0)"))?
                .query_row([target], |r| r.get(0))?;
            if !live {
                return Err(CoreError::invalid(field.name, format!("there is no {kind} with id {target}")));
            }
        }
        Ok(())
    }

    fn log(&mut self, entity: &str, id: &str, field: &str, value: &Value) -> Result<()> {
        self.last_hlc = Hlc::tick(self.last_hlc, Hlc::wall_millis());
        let prev: Option<(i64, String)> = self
            .conn
            .prepare_cached("SELECT hlc, replica_id FROM field_state WHERE entity = ?1 AND row_id = ?2 AND field = ?3")?
            .query_row(params![entity, id, field], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        self.conn
            .prepare_cached(
                "INSERT INTO change_log (replica_id, seq, hlc, entity, row_id, field, value, prev_hlc, prev_replica, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                self.replica_id,
                self.next_seq,
                self.last_hlc.0 as i64,
                entity,
                id,
                field,
                value.to_string(),
                prev.as_ref().map(|p| p.0),
                prev.as_ref().map(|p| &p.1),
                self.source.as_str(),
            ])?;
        self.conn
            .prepare_cached(
                "INSERT INTO field_state (entity, row_id, field, hlc, replica_id) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, replica_id = excluded.replica_id",
            )?
            .execute(params![entity, id, field, self.last_hlc.0 as i64, self.replica_id])?;
        self.next_seq += 1;
        Ok(())
    }
}

/// Loads a live record's fields (without `id`), or `None` if there is no live record.
pub fn load(conn: &Connection, spec: &EntitySpec, id: &str) -> Result<Option<Map<String, Value>>> {
    let columns: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
    let sql = format!("SELECT {} FROM {} WHERE id = ?1 AND deleted = 0", columns.join(", "), spec.table());
    let row = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| {
            let mut map = Map::new();
            for (i, field) in spec.fields.iter().enumerate() {
                map.insert(field.name.to_owned(), from_sql(field.kind, r.get_ref(i)?));
            }
            Ok(map)
        })
        .optional()?;
    Ok(row)
}

/// A short human label for a record ("ISO/CD 21384-5 (0193…)").
pub fn label(conn: &Connection, spec: &EntitySpec, id: &str) -> Result<String> {
    let sql = format!("SELECT {} FROM {} WHERE id = ?1", spec.label.join(", "), spec.table());
    let parts: Option<Vec<String>> = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| {
            (0..spec.label.len()).map(|i| r.get::<_, Option<String>>(i).map(Option::unwrap_or_default)).collect()
        })
        .optional()?;
    let text = parts.unwrap_or_default().into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
    Ok(if text.is_empty() { id.to_owned() } else { format!("{text} ({id})") })
}

/// A field value as SQLite stores it.
pub fn to_sql(value: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as Sql;
    match value {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => n.as_i64().map(Sql::Integer).unwrap_or_else(|| Sql::Real(n.as_f64().unwrap_or(0.0))),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

/// A stored column as a field value.
pub fn from_sql(kind: FieldKind, value: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match (kind, value) {
        (_, ValueRef::Null) => Value::Null,
        (FieldKind::Bool, ValueRef::Integer(i)) => Value::Bool(i != 0),
        (_, ValueRef::Integer(i)) => Value::from(i),
        (_, ValueRef::Real(f)) => Value::from(f),
        (_, ValueRef::Text(t)) => Value::String(String::from_utf8_lossy(t).into_owned()),
        (_, ValueRef::Blob(_)) => Value::Null,
    }
}
