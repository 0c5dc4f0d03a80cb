//! The one repository layer for replicated writes. Every create, update and delete of a record
//! goes through a [`Writer`], which in the same transaction: validates the fields and the record,
//! checks references, writes the row, appends one `change_log` row per changed field stamped with
//! the hybrid logical clock and moves the field's stamp in `field_state` ([`log`]), keeps the
//! derived records (a statement's event log) and refreshes the search index.
//!
//! *Architecture invariant:* nothing else writes to the record tables or to `change_log`; sync
//! can therefore trust the log to hold every change.
//!
//! Creating many rows (a spreadsheet import) is the bulk path: a new row has no previous stamps
//! to read, the change-log rows go out in multi-row INSERTs, statements are prepared once, and
//! references are checked against a per-transaction cache of live ids.

mod log;

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value};

use crate::clock::Hlc;
use crate::error::{CoreError, Result};
use crate::schema::{self, EntitySpec, FieldKind};
use crate::{search, statements, validate};

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

/// What a write did to a record, for the derived records kept beside it (a statement's events).
pub enum Change<'a> {
    Created(&'a Map<String, Value>),
    Updated {
        before: &'a Map<String, Value>,
        after: &'a Map<String, Value>,
        changed: &'a [&'static str],
    },
    Deleted(&'a Map<String, Value>),
}

/// Lookups of one kind's ids after which all its live ids are read at once.
const LOAD_ALL_AFTER: u32 = 256;

/// The ids of one kind whose liveness this transaction knows; `all`: every live id is here.
#[derive(Default)]
struct LiveIds {
    ids: HashMap<String, bool>,
    all: bool,
    lookups: u32,
}

/// Writes replicated records inside one transaction (see [`crate::Store::write`]).
pub struct Writer<'a> {
    conn: &'a Connection,
    source: Source,
    actor: String,
    log: log::LogBuffer,
    /// Records whose search entry is refreshed at the end, and whether each was created in this
    /// transaction (so it has no entry yet).
    touched: BTreeMap<(&'static str, String), bool>,
    /// Whether a record is live, per kind and id, as far as this transaction knows.
    live: HashMap<&'static str, LiveIds>,
    /// The INSERT of each kind, built once.
    insert_sql: HashMap<&'static str, String>,
}

impl<'a> Writer<'a> {
    pub(crate) fn begin(conn: &'a Connection, source: Source) -> Result<Self> {
        let (replica_id, actor, next_seq, last_hlc): (String, String, i64, i64) = conn.query_row(
            "SELECT replica_id, name, next_seq, last_hlc FROM replica_self LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        let log = log::LogBuffer::new(replica_id, source.as_str(), next_seq, Hlc(last_hlc as u64));
        Ok(Writer {
            conn,
            source,
            actor,
            log,
            touched: BTreeMap::new(),
            live: HashMap::new(),
            insert_sql: HashMap::new(),
        })
    }

    /// Read access to the transaction, for checks and lookups.
    pub fn conn(&self) -> &Connection {
        self.conn
    }

    /// Where this transaction's writes come from.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The workstation's display name: who makes these changes (a statement's event log).
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Creates a record with a new UUIDv7 id; fields not given take their defaults.
    pub fn create(
        &mut self,
        spec: &'static EntitySpec,
        values: Map<String, Value>,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        self.create_fresh(spec, &id, values)?;
        Ok(id)
    }

    /// Creates a record with a given id (demo data uses stable ids so that loading it twice, or on
    /// two workstations, makes the same records).
    pub fn create_with_id(
        &mut self,
        spec: &'static EntitySpec,
        id: &str,
        values: Map<String, Value>,
    ) -> Result<()> {
        if spec.name == schema::ATTACHMENT.name {
            return Err(CoreError::invalid(
                "kind",
                "an attachment is added with its file (attachments::add), not as bare fields",
            ));
        }
        self.insert(spec, id, values)
    }

    /// Creates a record; the one place rows are inserted. `pub(crate)` for attachments, whose
    /// bytes are written right after by [`Writer::put_attachment_bytes`].
    pub(crate) fn insert(
        &mut self,
        spec: &'static EntitySpec,
        id: &str,
        values: Map<String, Value>,
    ) -> Result<()> {
        self.insert_inner(spec, id, values, true)
    }

    /// Creates a record whose id was just made with `Uuid::now_v7()` by the caller (so no row can
    /// have it yet): the bulk path of an import, which makes its ids while planning.
    pub(crate) fn create_fresh(
        &mut self,
        spec: &'static EntitySpec,
        id: &str,
        values: Map<String, Value>,
    ) -> Result<()> {
        if spec.name == schema::ATTACHMENT.name {
            return Err(CoreError::invalid(
                "kind",
                "an attachment is added with its file (attachments::add), not as bare fields",
            ));
        }
        self.insert_inner(spec, id, values, false)
    }

    fn insert_inner(
        &mut self,
        spec: &'static EntitySpec,
        id: &str,
        values: Map<String, Value>,
        check_id: bool,
    ) -> Result<()> {
        // The given fields, validated, in the kind's field order; the others take defaults.
        let mut given: Vec<Option<Value>> = vec![None; spec.fields.len()];
        for (name, value) in values {
            let at = spec
                .fields
                .iter()
                .position(|f| f.name == name)
                .ok_or_else(|| unknown_field(spec, &name))?;
            given[at] = Some(validate::field(&spec.fields[at], &value)?);
        }
        let record: Map<String, Value> = spec
            .fields
            .iter()
            .zip(given)
            .map(|(field, value)| {
                let value = value.unwrap_or_else(|| schema::default_value(field));
                (field.name.to_owned(), value)
            })
            .collect();
        validate::record(spec, &record)?;
        self.check_refs(spec, id, &record, true)?;
        let exists = check_id
            && self
                .conn
                .prepare_cached(&format!(
                    "SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1)",
                    spec.table()
                ))?
                .query_row([id], |r| r.get(0))?;
        if exists {
            return Err(CoreError::invalid(
                "id",
                format!("a {} with id {id} exists already", spec.name),
            ));
        }
        let sql = self.insert_sql.entry(spec.name).or_insert_with(|| {
            let columns: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
            format!(
                "INSERT INTO {} (id, {}) VALUES (?1, {})",
                spec.table(),
                columns.join(", "),
                (2..=columns.len() + 1)
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
        let mut params: Vec<ToSqlOutput<'_>> = Vec::with_capacity(spec.fields.len() + 1);
        params.push(ToSqlOutput::Borrowed(ValueRef::Text(id.as_bytes())));
        params.extend(record.values().map(sql_ref));
        self.conn
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params))?;
        // `record` holds the fields in the kind's order.
        self.log.push_create(self.conn, spec, id, record.values())?;
        // Only kinds that others refer to need to be known live later in the transaction.
        if referred_to(spec) {
            self.live
                .entry(spec.name)
                .or_default()
                .ids
                .insert(id.to_owned(), true);
        }
        self.touch(spec, id, true);
        self.after(spec, id, Change::Created(&record))
    }

    /// Changes the given fields of a live record. Returns the names of the fields whose value
    /// actually changed (unchanged values write nothing).
    pub fn update(
        &mut self,
        spec: &'static EntitySpec,
        id: &str,
        values: Map<String, Value>,
    ) -> Result<Vec<&'static str>> {
        let given = self.check_fields(spec, values)?;
        let mut record =
            load(self.conn, spec, id)?.ok_or_else(|| CoreError::not_found(spec.name, id))?;
        let before = record.clone();
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
        validate::change(spec, &before, &record)?;
        self.check_refs(spec, id, &record, false)?;
        let sets: Vec<String> = changed
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{name} = ?{}", i + 2))
            .collect();
        let sql = format!(
            "UPDATE {} SET {} WHERE id = ?1",
            spec.table(),
            sets.join(", ")
        );
        let mut params: Vec<rusqlite::types::Value> = vec![id.to_owned().into()];
        params.extend(changed.iter().map(|name| to_sql(&record[*name])));
        self.conn
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(params))?;
        for name in &changed {
            self.log
                .push(self.conn, spec.name, id, name, record[*name].to_string())?;
        }
        self.touch(spec, id, false);
        self.after(
            spec,
            id,
            Change::Updated {
                before: &before,
                after: &record,
                changed: &changed,
            },
        )?;
        Ok(changed)
    }

    /// Deletes a live record (a tombstone that travels like any change). Records owned by it
    /// (a project's stage history) go with it; any other record that still refers to it blocks
    /// the delete with the list of those records.
    pub fn delete(&mut self, spec: &'static EntitySpec, id: &str) -> Result<()> {
        self.delete_inner(spec, id, false)
    }

    /// `cascade`: the record goes with its owner, so no derived record is written for it.
    fn delete_inner(&mut self, spec: &'static EntitySpec, id: &str, cascade: bool) -> Result<()> {
        let Some(record) = load(self.conn, spec, id)? else {
            return Err(CoreError::not_found(spec.name, id));
        };
        let mut blockers = Vec::new();
        let mut owned = Vec::new();
        for other in schema::ENTITIES.iter().copied() {
            for field in other.fields {
                if !field.kind.can_refer_to(spec.name) {
                    continue;
                }
                let kind_filter = match field.kind {
                    FieldKind::OwnerRef { kind_field, .. } => {
                        format!(" AND {kind_field} = '{}'", spec.name)
                    }
                    _ => String::new(),
                };
                let sql = format!(
                    "SELECT id FROM {} WHERE {} = ?1 AND deleted = 0 AND id != ?1{kind_filter}",
                    other.table(),
                    field.name
                );
                let ids: Vec<String> = self
                    .conn
                    .prepare_cached(&sql)?
                    .query_map([id], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for child in ids {
                    if other.owned_by == Some(field.name) {
                        owned.push((other, child));
                    } else {
                        blockers.push(format!(
                            "{} {}",
                            other.name,
                            label(self.conn, other, &child)?
                        ));
                    }
                }
            }
        }
        if !blockers.is_empty() {
            blockers.sort();
            return Err(CoreError::InUse {
                kind: spec.name.to_owned(),
                id: id.to_owned(),
                by: blockers,
            });
        }
        for (other, child) in owned {
            self.delete_inner(other, &child, true)?;
        }
        self.conn
            .prepare_cached(&format!(
                "UPDATE {} SET deleted = 1 WHERE id = ?1",
                spec.table()
            ))?
            .execute([id])?;
        self.log.push_delete(self.conn, spec.name, id)?;
        self.live
            .entry(spec.name)
            .or_default()
            .ids
            .insert(id.to_owned(), false);
        self.touch(spec, id, false);
        if !cascade {
            self.after(spec, id, Change::Deleted(&record))?;
        }
        Ok(())
    }

    /// Writes an attachment's bytes into its row, right after [`Writer::insert`] created it with
    /// their digest (the bytes are not a field: the log carries the digest).
    pub(crate) fn put_attachment_bytes(&mut self, id: &str, bytes: &[u8]) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE attachment SET data = ?2 WHERE id = ?1")?
            .execute(params![id, bytes])?;
        Ok(())
    }

    /// Writes the change-log rows held so far; otherwise they go out when a later change reads
    /// `field_state` or at the end of the transaction. (The registers benchmark calls it before
    /// it rolls back, so the import it times includes every log row.)
    pub fn flush(&mut self) -> Result<()> {
        self.log.flush(self.conn)
    }

    /// Persists the clock and sequence and refreshes the search index of touched records.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.log.flush(self.conn)?;
        self.conn.execute(
            "UPDATE replica_self SET next_seq = ?1, last_hlc = ?2",
            params![self.log.next_seq, self.log.last_hlc.0 as i64],
        )?;
        for ((entity, id), new) in &self.touched {
            search::index(self.conn, schema::entity(entity)?, id, *new)?;
        }
        Ok(())
    }

    /// Validates and normalises the given fields; unknown names are refused.
    fn check_fields(
        &self,
        spec: &EntitySpec,
        values: Map<String, Value>,
    ) -> Result<Map<String, Value>> {
        let mut out = Map::new();
        for (name, value) in values {
            let field = spec
                .field(&name)
                .ok_or_else(|| unknown_field(spec, &name))?;
            out.insert(name, validate::field(field, &value)?);
        }
        Ok(out)
    }

    /// Every reference must name a live record of the right kind; a record cannot refer to
    /// itself, nor (on an update) to a record that already leads back to it through the same
    /// field (a committee under its own sub-committee, a statement answering its own answer).
    fn check_refs(
        &mut self,
        spec: &EntitySpec,
        id: &str,
        record: &Map<String, Value>,
        creating: bool,
    ) -> Result<()> {
        for field in spec.fields {
            // Only reference fields are looked up in the record.
            let Some(kind) = field.kind.target(record) else {
                continue;
            };
            let Some(Value::String(target)) = record.get(field.name) else {
                continue;
            };
            if kind == spec.name && target == id {
                return Err(CoreError::invalid(
                    field.name,
                    format!("a {kind} cannot refer to itself"),
                ));
            }
            if !self.is_live(kind, target)? {
                return Err(CoreError::invalid(
                    field.name,
                    format!("there is no {kind} with id {target}"),
                ));
            }
            if kind == spec.name && !creating && self.leads_back(spec, field.name, target, id)? {
                return Err(CoreError::invalid(
                    field.name,
                    format!(
                        "{} {target} already leads back to this {kind} through {}; that would make a cycle",
                        kind, field.name
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Whether `kind` has a live record `id`, cached for the transaction. After
    /// [`LOAD_ALL_AFTER`] lookups of one kind (a bulk import's references), the kind's live ids
    /// are read in one scan instead of one lookup each.
    fn is_live(&mut self, kind: &str, id: &str) -> Result<bool> {
        // The common case of a bulk import: this id's liveness is known already.
        if let Some(known) = self.live.get(kind) {
            if let Some(live) = known.ids.get(id) {
                return Ok(*live);
            }
            if known.all {
                return Ok(false);
            }
        }
        let spec = schema::entity(kind)?;
        let known = self.live.entry(spec.name).or_default();
        if let Some(live) = known.ids.get(id) {
            return Ok(*live);
        }
        if known.all {
            return Ok(false);
        }
        known.lookups += 1;
        if known.lookups > LOAD_ALL_AFTER {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT id FROM {} WHERE deleted = 0",
                spec.table()
            ))?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                // What this transaction already knows (its own deletes) stays.
                known.ids.entry(row.get(0)?).or_insert(true);
            }
            known.all = true;
            return Ok(known.ids.get(id).copied().unwrap_or(false));
        }
        let live: bool = self
            .conn
            .prepare_cached(&format!(
                "SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1 AND deleted = 0)",
                spec.table()
            ))?
            .query_row([id], |r| r.get(0))?;
        known.ids.insert(id.to_owned(), live);
        Ok(live)
    }

    /// Follows `field` from `start` (a chain of parents or of answers) looking for `id`.
    fn leads_back(&self, spec: &EntitySpec, field: &str, start: &str, id: &str) -> Result<bool> {
        let sql = format!(
            "SELECT {field} FROM {} WHERE id = ?1 AND deleted = 0",
            spec.table()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut current = start.to_owned();
        for _ in 0..100_000 {
            let next: Option<Option<String>> =
                stmt.query_row([&current], |r| r.get(0)).optional()?;
            match next.flatten() {
                Some(next) if next == id => return Ok(true),
                Some(next) => current = next,
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Notes a record whose search entry needs refreshing; `created`: in this transaction.
    fn touch(&mut self, spec: &'static EntitySpec, id: &str, created: bool) {
        if search::fts_table(spec).is_some() {
            self.touched
                .entry((spec.name, id.to_owned()))
                .or_insert(created);
        }
    }

    /// Keeps the records derived from a change (a statement's event log). Demo data brings its
    /// own history with stable ids, so nothing is derived for it.
    fn after(&mut self, spec: &'static EntitySpec, id: &str, change: Change<'_>) -> Result<()> {
        if self.source == Source::Demo {
            return Ok(());
        }
        statements::audit(self, spec, id, change)
    }
}

/// The refusal of a field name the kind does not have, listing those it has.
fn unknown_field(spec: &EntitySpec, name: &str) -> CoreError {
    let names: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
    CoreError::invalid(
        name,
        format!(
            "{} has no field '{name}'; its fields are: {}",
            spec.name,
            names.join(", ")
        ),
    )
}

/// Whether any kind's field can refer to records of `spec`, worked out once per kind.
fn referred_to(spec: &EntitySpec) -> bool {
    static KINDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KINDS
        .get_or_init(|| {
            schema::ENTITIES
                .iter()
                .filter(|k| {
                    schema::ENTITIES
                        .iter()
                        .any(|e| e.fields.iter().any(|f| f.kind.can_refer_to(k.name)))
                })
                .map(|k| k.name)
                .collect()
        })
        .contains(&spec.name)
}

/// Loads a live record's fields (without `id`), or `None` if there is no live record.
pub fn load(conn: &Connection, spec: &EntitySpec, id: &str) -> Result<Option<Map<String, Value>>> {
    let columns: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
    let sql = format!(
        "SELECT {} FROM {} WHERE id = ?1 AND deleted = 0",
        columns.join(", "),
        spec.table()
    );
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
    let sql = format!(
        "SELECT {} FROM {} WHERE id = ?1",
        spec.label.join(", "),
        spec.table()
    );
    let parts: Option<Vec<String>> = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| {
            (0..spec.label.len())
                .map(|i| r.get::<_, Option<String>>(i).map(Option::unwrap_or_default))
                .collect()
        })
        .optional()?;
    let text = parts
        .unwrap_or_default()
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(if text.is_empty() {
        id.to_owned()
    } else {
        format!("{text} ({id})")
    })
}

/// A field value as SQLite stores it, borrowing its text.
fn sql_ref(value: &Value) -> ToSqlOutput<'_> {
    match value {
        Value::String(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        other => ToSqlOutput::Owned(to_sql(other)),
    }
}

/// A field value as SQLite stores it.
pub fn to_sql(value: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as Sql;
    match value {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => n
            .as_i64()
            .map(Sql::Integer)
            .unwrap_or_else(|| Sql::Real(n.as_f64().unwrap_or(0.0))),
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
