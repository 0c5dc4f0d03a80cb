//! The writer's change-log buffer: stamps each field change with the hybrid logical clock and
//! writes `change_log` and `field_state` rows in batches of multi-row INSERTs.
//!
//! A change to a field that already had a value records the stamp the author saw (`prev_hlc`,
//! `prev_replica`), read from `field_state`; the buffer is flushed before that read, so it always
//! sees every earlier change of the transaction. A field of a brand-new row has no previous
//! stamp, so creating a row needs no read at all — the bulk path of a spreadsheet import.

use rusqlite::{Connection, OptionalExtension, ToSql, params};

use crate::clock::Hlc;
use crate::error::Result;

/// Rows per multi-row INSERT (8 parameters each, well under SQLite's limit of 32,766).
const BATCH: usize = 256;

struct Row {
    seq: i64,
    hlc: i64,
    entity: &'static str,
    row_id: String,
    field: &'static str,
    value: String,
    prev_hlc: Option<i64>,
    prev_replica: Option<String>,
}

/// Pending change-log rows of one transaction.
pub(super) struct LogBuffer {
    replica_id: String,
    source: &'static str,
    pub(super) next_seq: i64,
    pub(super) last_hlc: Hlc,
    rows: Vec<Row>,
    full_log_sql: std::rc::Rc<str>,
    full_state_sql: std::rc::Rc<str>,
}

impl LogBuffer {
    pub(super) fn new(
        replica_id: String,
        source: &'static str,
        next_seq: i64,
        last_hlc: Hlc,
    ) -> Self {
        let (full_log_sql, full_state_sql) = sql(BATCH);
        LogBuffer {
            replica_id,
            source,
            next_seq,
            last_hlc,
            rows: Vec::with_capacity(BATCH),
            full_log_sql,
            full_state_sql,
        }
    }

    /// Logs one field change. `fresh`: the row was created in this call, so the field has no
    /// previous stamp to look up.
    pub(super) fn push(
        &mut self,
        conn: &Connection,
        entity: &'static str,
        row_id: &str,
        field: &'static str,
        value: String,
        fresh: bool,
    ) -> Result<()> {
        self.last_hlc = Hlc::tick(self.last_hlc, Hlc::wall_millis());
        let prev: Option<(i64, String)> = if fresh {
            None
        } else {
            self.flush(conn)?;
            conn.prepare_cached("SELECT hlc, replica_id FROM field_state WHERE entity = ?1 AND row_id = ?2 AND field = ?3")?
                .query_row(params![entity, row_id, field], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
        };
        self.rows.push(Row {
            seq: self.next_seq,
            hlc: self.last_hlc.0 as i64,
            entity,
            row_id: row_id.to_owned(),
            field,
            value,
            prev_hlc: prev.as_ref().map(|p| p.0),
            prev_replica: prev.map(|p| p.1),
        });
        self.next_seq += 1;
        if self.rows.len() >= BATCH {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Writes the buffered rows: two multi-row INSERTs whose parameters are bound by reference.
    pub(super) fn flush(&mut self, conn: &Connection) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let n = self.rows.len();
        let (log_sql, state_sql) = if n == BATCH {
            (self.full_log_sql.clone(), self.full_state_sql.clone())
        } else {
            sql(n)
        };
        {
            // ?1 (the replica) and ?2 (the source) are bound once and used by every row.
            let mut log: Vec<&dyn ToSql> = Vec::with_capacity(2 + n * 8);
            log.extend([&self.replica_id as &dyn ToSql, &self.source]);
            let mut state: Vec<&dyn ToSql> = Vec::with_capacity(1 + n * 4);
            state.push(&self.replica_id);
            for row in &self.rows {
                log.extend([
                    &row.seq as &dyn ToSql,
                    &row.hlc,
                    &row.entity,
                    &row.row_id,
                    &row.field,
                    &row.value,
                    &row.prev_hlc,
                    &row.prev_replica,
                ]);
                state.extend([&row.entity as &dyn ToSql, &row.row_id, &row.field, &row.hlc]);
            }
            conn.prepare_cached(&log_sql)?.execute(log.as_slice())?;
            conn.prepare_cached(&state_sql)?.execute(state.as_slice())?;
        }
        self.rows.clear();
        Ok(())
    }
}

/// The two INSERTs for `n` rows. Within one batch a field appears at most once: a change to a
/// field that already has a value flushes the buffer first.
fn sql(n: usize) -> (std::rc::Rc<str>, std::rc::Rc<str>) {
    let log = format!(
        "INSERT INTO change_log (replica_id, seq, hlc, entity, row_id, field, value, prev_hlc, prev_replica, source) VALUES {}",
        placeholders(n, 8, 3, |i| format!(
            "?1, ?{i}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?2",
            i + 1,
            i + 2,
            i + 3,
            i + 4,
            i + 5,
            i + 6,
            i + 7
        ))
    );
    let state = format!(
        "INSERT INTO field_state (entity, row_id, field, hlc, replica_id) VALUES {}
         ON CONFLICT(entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, replica_id = excluded.replica_id",
        placeholders(n, 4, 2, |i| format!("?{i}, ?{}, ?{}, ?{}, ?1", i + 1, i + 2, i + 3))
    );
    (log.into(), state.into())
}

/// `n` rows of values; row `r`'s parameters start at `first + r * per_row`.
fn placeholders(n: usize, per_row: usize, first: usize, row: impl Fn(usize) -> String) -> String {
    (0..n)
        .map(|r| format!("({})", row(first + r * per_row)))
        .collect::<Vec<_>>()
        .join(", ")
}
