//! The merge engine: applies one change at a time inside the caller's transaction.
//!
//! Per field, the changes form a graph whose edges are `prev` and `resolves`. The heads (changes
//! nothing descends from) are the visible value (`field_state`) and the open `field` conflicts;
//! a new change `c` removes its parents from the heads and joins them, and the head with the
//! highest stamp becomes visible. A change whose parents are not here yet waits in
//! `pending_change`. Because the heads are a function of the set of changes, every order of
//! arrival ends in the same values and the same open conflicts.
//!
//! A delete records the field stamps it saw (`resolves`, filled in by the writer for local
//! deletes); a deleted record with a field whose visible stamp the delete had not seen gets an
//! open `delete` conflict. That too is a function of the visible stamps.
//!
//! Rows are written through a one-row accumulator, so a record created elsewhere becomes one
//! INSERT; the search index is refreshed per batch ([`Engine::end_batch`]).

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::{Change, Stamp};
use crate::error::Result;
use crate::schema::{ENTITIES, EntitySpec};
use crate::search;
use crate::writer::to_sql;

/// What became of one change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Applied,
    /// Recorded, but another head is visible (kept as a conflict when the values differ).
    Superseded,
    Duplicate,
    Pending,
}

pub(crate) const CHANGED: u8 = 2;
pub(crate) const DELETED: u8 = 4;

/// What this transaction learned about one record.
#[derive(Default)]
pub(crate) struct RowInfo {
    /// The record did not exist before this transaction.
    pub new: bool,
    inserted: bool,
    /// A record new here has been given its search entry in this transaction.
    indexed: bool,
    /// Fields given a stamp in this transaction (bit per field index; the last is `deleted`).
    mask: u32,
    pub status: u8,
}

struct Acc {
    entity: usize,
    row: String,
    values: Vec<(usize, Value)>,
}

pub(crate) struct Engine<'c> {
    conn: &'c Connection,
    now: String,
    log_max: HashMap<String, u64>,
    open_fields: HashSet<(String, String, String)>,
    open_deletes: HashSet<(String, String)>,
    pub rows: HashMap<(usize, String), RowInfo>,
    acc: Option<Acc>,
    touched: BTreeSet<(usize, String)>,
    /// Columns that are NOT NULL without a default, per kind (a placeholder is written until
    /// their change arrives).
    placeholders: Vec<Vec<bool>>,
    /// The INSERT or UPDATE of a row, by kind, kind of statement and columns (field indexes).
    row_sql: HashMap<(usize, bool, Vec<usize>), String>,
    pub max_hlc: Option<Stamp>,
    pub replicas: BTreeSet<String>,
}

fn entity_index(name: &str) -> Option<usize> {
    ENTITIES.iter().position(|e| e.name == name)
}

fn field_index(spec: &EntitySpec, field: &str) -> usize {
    spec.fields
        .iter()
        .position(|f| f.name == field)
        .unwrap_or(spec.fields.len())
}

fn column(spec: &EntitySpec, index: usize) -> &'static str {
    spec.fields.get(index).map(|f| f.name).unwrap_or("deleted")
}

/// The conflict id: the same on every workstation for the same head.
fn conflict_id(kind: &str, entity: &str, row: &str, field: &str, s: &Stamp) -> String {
    const NS: uuid::Uuid = uuid::Uuid::from_u128(0x6e6f726d_6465_736b_8000_636f6e666c74);
    uuid::Uuid::new_v5(
        &NS,
        format!("{kind}:{entity}:{row}:{field}:{}:{}", s.hlc, s.replica).as_bytes(),
    )
    .to_string()
}

impl<'c> Engine<'c> {
    pub fn new(conn: &'c Connection) -> Result<Self> {
        let mut open_fields = HashSet::new();
        let mut open_deletes = HashSet::new();
        let mut stmt = conn
            .prepare("SELECT kind, entity, row_id, field FROM conflict WHERE closed_hlc IS NULL")?;
        for row in stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })? {
            let (kind, entity, row, field): (String, String, String, String) = row?;
            if kind == "delete" {
                open_deletes.insert((entity, row));
            } else {
                open_fields.insert((entity, row, field));
            }
        }
        let mut placeholders = Vec::new();
        for spec in ENTITIES {
            let mut info = conn.prepare(&format!("PRAGMA table_info({})", spec.table()))?;
            let strict: HashSet<String> = info
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(1)?,
                        r.get::<_, bool>(3)?,
                        r.get::<_, Option<String>>(4)?,
                    ))
                })?
                .filter_map(|r| r.ok())
                .filter(|(_, notnull, default)| *notnull && default.is_none())
                .map(|(name, _, _)| name)
                .collect();
            placeholders.push(
                spec.fields
                    .iter()
                    .map(|f| strict.contains(f.name))
                    .collect(),
            );
        }
        Ok(Engine {
            conn,
            now: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            log_max: HashMap::new(),
            open_fields,
            open_deletes,
            rows: HashMap::new(),
            acc: None,
            touched: BTreeSet::new(),
            placeholders,
            row_sql: HashMap::new(),
            max_hlc: None,
            replicas: BTreeSet::new(),
        })
    }

    /// Merges one checked change. `from_pending`: it came out of `pending_change`.
    pub fn process(&mut self, c: &Change, from_pending: bool) -> Result<Outcome> {
        let stamp = c.stamp();
        if self.max_hlc.as_ref().is_none_or(|m| stamp > *m) {
            self.max_hlc = Some(stamp.clone());
        }
        if self.in_log(&c.replica, c.seq)? {
            if from_pending {
                self.unpark(c)?;
            }
            return Ok(Outcome::Duplicate);
        }
        let Some(entity) = entity_index(&c.entity) else {
            return Ok(Outcome::Duplicate);
        };
        let spec = ENTITIES[entity];
        let fi = field_index(spec, &c.field);
        let key = (entity, c.row.clone());
        if !self.rows.contains_key(&key) {
            let exists: bool = self
                .conn
                .prepare_cached(&format!(
                    "SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1)",
                    spec.table()
                ))?
                .query_row([&c.row], |r| r.get(0))?;
            self.rows.insert(
                key.clone(),
                RowInfo {
                    new: !exists,
                    ..Default::default()
                },
            );
        }
        let info = &self.rows[&key];
        let visible = if info.new && info.mask & (1 << fi) == 0 {
            None
        } else {
            self.field_state(&c.entity, &c.row, &c.field)?
        };
        for parent in c.prev.iter().chain(&c.resolves) {
            if visible.as_ref() != Some(parent) && !self.stamp_in_log(parent)? {
                if !from_pending {
                    self.park(c)?;
                }
                return Ok(Outcome::Pending);
            }
        }
        let parents: HashSet<&Stamp> = c.prev.iter().chain(&c.resolves).collect();
        let field_key = (c.entity.clone(), c.row.clone(), c.field.clone());
        let mut losers = Vec::new();
        if self.open_fields.contains(&field_key) {
            for (id, s) in self.open_field_conflicts(&c.entity, &c.row, &c.field)? {
                if parents.contains(&s) {
                    self.close(&id, &stamp)?;
                } else {
                    losers.push((id, s));
                }
            }
        }
        let kept = visible.filter(|v| !parents.contains(v));
        let best_loser = losers.iter().map(|(_, s)| s).max().cloned();
        let winner = [Some(&stamp), kept.as_ref(), best_loser.as_ref()]
            .into_iter()
            .flatten()
            .max()
            .cloned()
            .unwrap_or(stamp.clone());
        let value_json = c.value.to_string();
        let outcome = if winner == stamp {
            if let Some(old) = &kept {
                let old_value = self.value_of(old)?;
                self.open_field(c, old, &old_value)?;
            }
            self.set(entity, &c.row, fi, c.value.clone(), &stamp, &c.field)?;
            Outcome::Applied
        } else {
            let winner_value = self.value_of(&winner)?;
            if Some(&winner) != kept.as_ref() {
                // A former loser wins again (its rival was superseded by a lower stamp).
                if let Some((id, _)) = losers.iter().find(|(_, s)| *s == winner) {
                    self.conn
                        .prepare_cached("DELETE FROM conflict WHERE id = ?1")?
                        .execute([id])?;
                }
                let value: Value = serde_json::from_str(&winner_value).unwrap_or(Value::Null);
                self.set(entity, &c.row, fi, value, &winner, &c.field)?;
            }
            self.open_field(c, &stamp, &value_json)?;
            Outcome::Superseded
        };
        self.conn
            .prepare_cached(
                "INSERT INTO change_log (replica_id, seq, hlc, entity, row_id, field, value, prev_hlc, prev_replica, source, resolves)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                c.replica,
                c.seq as i64,
                c.hlc as i64,
                c.entity,
                c.row,
                c.field,
                value_json,
                c.prev.as_ref().map(|p| p.hlc as i64),
                c.prev.as_ref().map(|p| &p.replica),
                c.source,
                (!c.resolves.is_empty()).then(|| serde_json::to_string(&c.resolves).unwrap_or_default()),
            ])?;
        let max = self.log_max.entry(c.replica.clone()).or_insert(0);
        *max = (*max).max(c.seq);
        self.replicas.insert(c.replica.clone());
        if from_pending {
            self.unpark(c)?;
        }
        Ok(outcome)
    }

    /// Writes the accumulated row, refreshes the search index and the delete conflicts of the
    /// records touched since the last call.
    pub fn end_batch(&mut self) -> Result<()> {
        self.flush()?;
        for (entity, row) in std::mem::take(&mut self.touched) {
            let spec = ENTITIES[entity];
            // A record new here has no search entry to remove until it is given one.
            let new = self
                .rows
                .get_mut(&(entity, row.clone()))
                .filter(|info| info.new)
                .is_some_and(|info| !std::mem::replace(&mut info.indexed, true));
            search::index(self.conn, spec, &row, new)?;
            self.check_delete(entity, &row)?;
        }
        Ok(())
    }

    fn in_log(&mut self, replica: &str, seq: u64) -> Result<bool> {
        let max = match self.log_max.get(replica) {
            Some(m) => *m,
            None => {
                let m: i64 = self
                    .conn
                    .prepare_cached(
                        "SELECT coalesce(max(seq), 0) FROM change_log WHERE replica_id = ?1",
                    )?
                    .query_row([replica], |r| r.get(0))?;
                self.log_max.insert(replica.to_owned(), m as u64);
                m as u64
            }
        };
        if seq > max {
            return Ok(false);
        }
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS(SELECT 1 FROM change_log WHERE replica_id = ?1 AND seq = ?2)",
            )?
            .query_row(params![replica, seq as i64], |r| r.get(0))?)
    }

    fn stamp_in_log(&self, s: &Stamp) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS(SELECT 1 FROM change_log WHERE hlc = ?1 AND replica_id = ?2)",
            )?
            .query_row(params![s.hlc as i64, s.replica], |r| r.get(0))?)
    }

    fn field_state(&self, entity: &str, row: &str, field: &str) -> Result<Option<Stamp>> {
        Ok(self
            .conn
            .prepare_cached("SELECT hlc, replica_id FROM field_state WHERE entity = ?1 AND row_id = ?2 AND field = ?3")?
            .query_row(params![entity, row, field], |r| Ok(Stamp { hlc: r.get::<_, i64>(0)? as u64, replica: r.get(1)? }))
            .optional()?)
    }

    /// The JSON value of a logged change ("null" if the log does not have it).
    fn value_of(&self, s: &Stamp) -> Result<String> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM change_log WHERE hlc = ?1 AND replica_id = ?2")?
            .query_row(params![s.hlc as i64, s.replica], |r| r.get(0))
            .optional()?
            .unwrap_or_else(|| "null".to_owned()))
    }

    fn open_field_conflicts(
        &self,
        entity: &str,
        row: &str,
        field: &str,
    ) -> Result<Vec<(String, Stamp)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, hlc, replica_id FROM conflict
             WHERE entity = ?1 AND row_id = ?2 AND field = ?3 AND kind = 'field' AND closed_hlc IS NULL",
        )?;
        let rows = stmt.query_map(params![entity, row, field], |r| {
            Ok((
                r.get(0)?,
                Stamp {
                    hlc: r.get::<_, i64>(1)? as u64,
                    replica: r.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn close(&self, id: &str, by: &Stamp) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE conflict SET closed_hlc = ?2, closed_replica = ?3 WHERE id = ?1",
            )?
            .execute(params![id, by.hlc as i64, by.replica])?;
        Ok(())
    }

    /// Keeps `loser` (a head that is not visible) as an open field conflict. Whether it is
    /// shown (its value differs from the visible one) is decided when conflicts are listed,
    /// and the import report counts what the list shows.
    fn open_field(&mut self, c: &Change, loser: &Stamp, value: &str) -> Result<()> {
        let id = conflict_id("field", &c.entity, &c.row, &c.field, loser);
        self.conn
            .prepare_cached(
                "INSERT INTO conflict (id, kind, entity, row_id, field, value, hlc, replica_id, detected_at)
                 VALUES (?1, 'field', ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT(id) DO UPDATE SET closed_hlc = NULL, closed_replica = NULL",
            )?
            .execute(params![id, c.entity, c.row, c.field, value, loser.hlc as i64, loser.replica, self.now])?;
        self.open_fields
            .insert((c.entity.clone(), c.row.clone(), c.field.clone()));
        Ok(())
    }

    /// Makes `value` (stamped `stamp`) the visible value of a field.
    fn set(
        &mut self,
        entity: usize,
        row: &str,
        fi: usize,
        value: Value,
        stamp: &Stamp,
        field: &str,
    ) -> Result<()> {
        let spec = ENTITIES[entity];
        self.conn
            .prepare_cached(
                "INSERT INTO field_state (entity, row_id, field, hlc, replica_id) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, replica_id = excluded.replica_id",
            )?
            .execute(params![spec.name, row, field, stamp.hlc as i64, stamp.replica])?;
        if self
            .acc
            .as_ref()
            .is_some_and(|a| a.entity != entity || a.row != row)
        {
            self.flush()?;
        }
        let status = if fi == spec.fields.len() && value == Value::Bool(true) {
            DELETED
        } else {
            CHANGED
        };
        let acc = self.acc.get_or_insert_with(|| Acc {
            entity,
            row: row.to_owned(),
            values: Vec::new(),
        });
        match acc.values.iter_mut().find(|(i, _)| *i == fi) {
            Some(slot) => slot.1 = value,
            None => acc.values.push((fi, value)),
        }
        if let Some(info) = self.rows.get_mut(&(entity, row.to_owned())) {
            info.mask |= 1 << fi;
            info.status |= status;
        }
        self.touched.insert((entity, row.to_owned()));
        Ok(())
    }

    /// Writes the accumulated values of one row: an INSERT for a record new here, else an UPDATE.
    fn flush(&mut self) -> Result<()> {
        let Some(acc) = self.acc.take() else {
            return Ok(());
        };
        let spec = ENTITIES[acc.entity];
        let info = self.rows.entry((acc.entity, acc.row.clone())).or_default();
        let mut params: Vec<rusqlite::types::Value> = vec![acc.row.clone().into()];
        let insert = info.new && !info.inserted;
        let mut columns: Vec<usize> = acc.values.iter().map(|(i, _)| *i).collect();
        params.extend(acc.values.iter().map(|(_, v)| to_sql(v)));
        if insert {
            info.inserted = true;
            for (i, strict) in self.placeholders[acc.entity].iter().enumerate() {
                if *strict && !columns.contains(&i) {
                    columns.push(i);
                    params.push(String::new().into());
                }
            }
        }
        let sql = self
            .row_sql
            .entry((acc.entity, insert, columns))
            .or_insert_with_key(|(_, _, columns)| {
                let names = columns.iter().map(|i| column(spec, *i));
                if insert {
                    let names: Vec<&str> = std::iter::once("id").chain(names).collect();
                    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
                    format!(
                        "INSERT INTO {} ({}) VALUES ({})",
                        spec.table(),
                        names.join(", "),
                        marks.join(", ")
                    )
                } else {
                    let sets: Vec<String> = names
                        .enumerate()
                        .map(|(n, name)| format!("{name} = ?{}", n + 2))
                        .collect();
                    format!(
                        "UPDATE {} SET {} WHERE id = ?1",
                        spec.table(),
                        sets.join(", ")
                    )
                }
            });
        self.conn
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params))?;
        Ok(())
    }

    fn park(&self, c: &Change) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO pending_change (replica_id, seq, hlc, entity, row_id, field, value, prev_hlc, prev_replica, source, resolves)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                c.replica,
                c.seq as i64,
                c.hlc as i64,
                c.entity,
                c.row,
                c.field,
                c.value.to_string(),
                c.prev.as_ref().map(|p| p.hlc as i64),
                c.prev.as_ref().map(|p| &p.replica),
                c.source,
                (!c.resolves.is_empty()).then(|| serde_json::to_string(&c.resolves).unwrap_or_default()),
            ])?;
        Ok(())
    }

    fn unpark(&self, c: &Change) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM pending_change WHERE replica_id = ?1 AND seq = ?2")?
            .execute(params![c.replica, c.seq as i64])?;
        Ok(())
    }

    /// Opens, moves or closes the `delete` conflict of one record: open while the record is
    /// deleted and some field's visible stamp is one its delete had not seen.
    fn check_delete(&mut self, entity: usize, row: &str) -> Result<()> {
        let spec = ENTITIES[entity];
        let key = (spec.name.to_owned(), row.to_owned());
        let deleted: bool = self
            .conn
            .prepare_cached(&format!(
                "SELECT deleted FROM {} WHERE id = ?1",
                spec.table()
            ))?
            .query_row([row], |r| r.get(0))
            .optional()?
            .unwrap_or(false);
        if !deleted && !self.open_deletes.contains(&key) {
            return Ok(());
        }
        let d = self.field_state(spec.name, row, "deleted")?;
        let mut keep = None;
        if let (true, Some(d)) = (deleted, &d) {
            let resolves: Option<String> = self
                .conn
                .prepare_cached(
                    "SELECT resolves FROM change_log WHERE hlc = ?1 AND replica_id = ?2",
                )?
                .query_row(params![d.hlc as i64, d.replica], |r| r.get(0))
                .optional()?
                .flatten();
            let seen: HashSet<Stamp> = resolves
                .and_then(|r| serde_json::from_str::<Vec<Stamp>>(&r).ok())
                .unwrap_or_default()
                .into_iter()
                .collect();
            let mut stmt = self.conn.prepare_cached(
                "SELECT hlc, replica_id FROM field_state WHERE entity = ?1 AND row_id = ?2 AND field != 'deleted'",
            )?;
            let unseen = stmt
                .query_map(params![spec.name, row], |r| {
                    Ok(Stamp {
                        hlc: r.get::<_, i64>(0)? as u64,
                        replica: r.get(1)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .filter(|s| !seen.contains(s))
                .max();
            if let Some(edit) = unseen {
                let id = conflict_id("delete", spec.name, row, "deleted", d);
                self
                    .conn
                    .prepare_cached(
                        "INSERT INTO conflict (id, kind, entity, row_id, field, value, hlc, replica_id, detected_at)
                         VALUES (?1, 'delete', ?2, ?3, 'deleted', 'false', ?4, ?5, ?6)
                         ON CONFLICT(id) DO UPDATE SET hlc = excluded.hlc, replica_id = excluded.replica_id,
                             closed_hlc = NULL, closed_replica = NULL",
                    )?
                    .execute(params![id, spec.name, row, edit.hlc as i64, edit.replica, self.now])?;
                self.open_deletes.insert(key.clone());
                keep = Some(id);
            }
        }
        if keep.is_none() {
            self.open_deletes.remove(&key);
        }
        let by = d.unwrap_or(Stamp {
            hlc: 0,
            replica: String::new(),
        });
        self.conn
            .prepare_cached(
                "UPDATE conflict SET closed_hlc = ?3, closed_replica = ?4
                 WHERE kind = 'delete' AND entity = ?1 AND row_id = ?2 AND closed_hlc IS NULL AND id != coalesce(?5, '')",
            )?
            .execute(params![spec.name, row, by.hlc as i64, by.replica, keep])?;
        Ok(())
    }
}
