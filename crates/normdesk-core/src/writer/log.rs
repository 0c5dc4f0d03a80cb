//! The writer's change-log buffer: stamps each field change with the hybrid logical clock and
//! writes `change_log` and `field_state` rows in batches of multi-row INSERTs.
//!
//! A change to a field that already had a value records the stamp the author saw (`prev_hlc`,
//! `prev_replica`), read from `field_state`; the buffer is flushed before that read, so it always
//! sees every earlier change of the transaction. A field of a brand-new row has no previous
//! stamp, so creating a row needs no read at all — the bulk path of a spreadsheet import.

use rusqlite::{Connection, OptionalExtension, params, params_from_iter, types::Value as Sql};

use crate::clock::Hlc;
use crate::error::Result;

/// Rows per multi-row INSERT (10 parameters each, well under SQLite's limit).
const BATCH: usize = 64;

struct Row {
    seq: i64,
    hlc: i64,
    entity: &'static str,
    row_id: String,
    field: &'static str,
    value: String,
    prev: Option<(i64, String)>,
}

/// Pending change-log rows of one transaction.
pub(super) struct LogBuffer {
    replica_id: String,
    source: &'static str,
    pub(super) next_seq: i64,
    pub(super) last_hlc: Hlc,
    rows: Vec<Row>,
}

impl LogBuffer {
    pub(super) fn new(
        replica_id: String,
        source: &'static str,
        next_seq: i64,
        last_hlc: Hlc,
    ) -> Self {
        LogBuffer {
            replica_id,
            source,
            next_seq,
            last_hlc,
            rows: Vec::with_capacity(BATCH),
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
        let prev = if fresh {
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
            prev,
        });
        self.next_seq += 1;
        if self.rows.len() >= BATCH {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Writes the buffered rows.
    pub(super) fn flush(&mut self, conn: &Connection) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let n = self.rows.len();
        let mut log: Vec<Sql> = Vec::with_capacity(n * 10);
        let mut state: Vec<Sql> = Vec::with_capacity(n * 5);
        for row in self.rows.drain(..) {
            let (prev_hlc, prev_replica) = match row.prev {
                Some((hlc, replica)) => (Sql::Integer(hlc), Sql::Text(replica)),
                None => (Sql::Null, Sql::Null),
            };
            log.extend([
                Sql::Text(self.replica_id.clone()),
                Sql::Integer(row.seq),
                Sql::Integer(row.hlc),
                Sql::Text(row.entity.to_owned()),
                Sql::Text(row.row_id.clone()),
                Sql::Text(row.field.to_owned()),
                Sql::Text(row.value),
                prev_hlc,
                prev_replica,
                Sql::Text(self.source.to_owned()),
            ]);
            state.extend([
                Sql::Text(row.entity.to_owned()),
                Sql::Text(row.row_id),
                Sql::Text(row.field.to_owned()),
                Sql::Integer(row.hlc),
                Sql::Text(self.replica_id.clone()),
            ]);
        }
        let log_sql = format!(
            "INSERT INTO change_log (replica_id, seq, hlc, entity, row_id, field, value, prev_hlc, prev_replica, source) VALUES {}",
            placeholders(n, 10)
        );
        conn.prepare_cached(&log_sql)?
            .execute(params_from_iter(log))?;
        // Within one batch a field appears at most once per stamp order; the last one wins, as
        // rows are applied in order.
        let state_sql = format!(
            "INSERT INTO field_state (entity, row_id, field, hlc, replica_id) VALUES {}
             ON CONFLICT(entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, replica_id = excluded.replica_id",
            placeholders(n, 5)
        );
        conn.prepare_cached(&state_sql)?
            .execute(params_from_iter(state))?;
        Ok(())
    }
}

fn placeholders(rows: usize, columns: usize) -> String {
    let one = format!("({})", vec!["?"; columns].join(", "));
    vec![one; rows].join(", ")
}
