//! The writer's change-log buffer: stamps each field change with the hybrid logical clock and
//! writes `change_log` and `field_state` rows in batches of multi-row INSERTs.
//!
//! A change to a field that already had a value records the stamp the author saw (`prev_hlc`,
//! `prev_replica`), read from `field_state`; the buffer is flushed before that read, so it always
//! sees every earlier change of the transaction. A field of a brand-new row has no previous
//! stamp, so creating a row needs no read at all — the bulk path of a spreadsheet import.
//!
//! Creates are buffered per record kind ([`CreateBatch`]): the fields of one create get
//! consecutive sequence numbers and stamps, so a batch's INSERT carries the kind, the field
//! names and the source as SQL literals and binds per record only its id, first sequence number,
//! first stamp and the values. Each bound text costs SQLite an allocation and a copy; this keeps
//! a 6-field record at 7 bound texts instead of 42. A kind's creates are held (up to
//! [`CREATE_HOLD`] field changes, or until the next read of `field_state` or the end of the
//! transaction), so a bulk import writes its record rows and its log rows in long runs.

use rusqlite::{Connection, OptionalExtension, ToSql, params};

use crate::clock::Hlc;
use crate::error::Result;
use crate::schema::EntitySpec;

/// Rows per multi-row INSERT (9 parameters each, well under SQLite's limit of 32,766).
const BATCH: usize = 256;
/// Field changes per create batch (at most 3 + fields parameters per record).
const CREATE_BATCH: usize = 256;
/// Field changes of one kind's creates held before they are written (a few MB at most): a bulk
/// import inserts its records first and then appends their log rows in long runs, instead of
/// alternating, so the record table's index pages are not pushed out of the page cache by
/// log pages after every few records.
const CREATE_HOLD: usize = 1 << 16;

struct Row {
    seq: i64,
    hlc: i64,
    entity: &'static str,
    row_id: String,
    field: &'static str,
    value: String,
    prev_hlc: Option<i64>,
    prev_replica: Option<String>,
    resolves: Option<String>,
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
    creates: Vec<CreateBatch>,
    /// The INSERTs of a create batch, by kind and number of records, built once.
    create_sql: std::collections::HashMap<(&'static str, usize), (String, String)>,
}

/// Held creates of one record kind, their texts in one buffer (one allocation, not one per
/// value): per record its id, then each field's JSON value in the kind's field order.
struct CreateBatch {
    spec: &'static EntitySpec,
    text: String,
    /// Where each piece (id, values) ends in `text`; 1 + fields pieces per record.
    ends: Vec<usize>,
    /// Per record: first sequence number, first stamp.
    records: Vec<(i64, i64)>,
}

impl CreateBatch {
    /// Record `r`'s pieces: its id, then its values.
    fn pieces(&self, r: usize) -> impl Iterator<Item = &str> {
        let width = 1 + self.spec.fields.len();
        let ends = &self.ends[r * width..(r + 1) * width];
        let mut start = if r == 0 { 0 } else { self.ends[r * width - 1] };
        ends.iter().map(move |&end| {
            let piece = &self.text[start..end];
            start = end;
            piece
        })
    }
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
            creates: Vec::new(),
            create_sql: std::collections::HashMap::new(),
        }
    }

    /// Logs every field of a record created in this call (`values`: the fields' values in the
    /// kind's field order), with consecutive sequence numbers and stamps.
    pub(super) fn push_create<'v>(
        &mut self,
        conn: &Connection,
        spec: &'static EntitySpec,
        row_id: &str,
        values: impl Iterator<Item = &'v serde_json::Value>,
    ) -> Result<()> {
        use std::fmt::Write as _;
        let n = spec.fields.len();
        if n == 0 {
            return Ok(());
        }
        let first = Hlc::tick(self.last_hlc, Hlc::wall_millis());
        let record = (self.next_seq, first.0 as i64);
        self.next_seq += n as i64;
        self.last_hlc = Hlc(first.0 + n as u64 - 1);
        let at = match self.creates.iter().position(|b| b.spec.name == spec.name) {
            Some(at) => at,
            None => {
                self.creates.push(CreateBatch {
                    spec,
                    text: String::new(),
                    ends: Vec::new(),
                    records: Vec::new(),
                });
                self.creates.len() - 1
            }
        };
        let batch = &mut self.creates[at];
        batch.text.push_str(row_id);
        batch.ends.push(batch.text.len());
        let mut given = 0;
        for value in values {
            write!(batch.text, "{value}").expect("writing to a String");
            batch.ends.push(batch.text.len());
            given += 1;
        }
        assert_eq!(given, n, "a create logs every field of its kind");
        batch.records.push(record);
        if batch.records.len() * n >= CREATE_HOLD {
            let batch = self.creates.swap_remove(at);
            self.write_creates(conn, batch)?;
        }
        Ok(())
    }

    /// Logs a change of one field of an existing record, with the stamp the author saw.
    pub(super) fn push(
        &mut self,
        conn: &Connection,
        entity: &'static str,
        row_id: &str,
        field: &'static str,
        value: String,
    ) -> Result<()> {
        self.push_row(conn, entity, row_id, field, value, None)
    }

    /// Logs the delete of a record with, in `resolves`, the stamps of its fields it saw (in
    /// field order), so that edits it had not seen are found as conflicts everywhere.
    pub(super) fn push_delete(
        &mut self,
        conn: &Connection,
        entity: &'static str,
        row_id: &str,
    ) -> Result<()> {
        self.flush(conn)?;
        let saw: String = conn
            .prepare_cached(
                "SELECT json_group_array(json_object('hlc', hlc, 'replica', replica_id)) FROM
                 (SELECT hlc, replica_id FROM field_state WHERE entity = ?1 AND row_id = ?2 AND field != 'deleted' ORDER BY field)",
            )?
            .query_row(params![entity, row_id], |r| r.get(0))?;
        self.push_row(
            conn,
            entity,
            row_id,
            "deleted",
            "true".to_owned(),
            Some(saw),
        )
    }

    fn push_row(
        &mut self,
        conn: &Connection,
        entity: &'static str,
        row_id: &str,
        field: &'static str,
        value: String,
        resolves: Option<String>,
    ) -> Result<()> {
        self.last_hlc = Hlc::tick(self.last_hlc, Hlc::wall_millis());
        self.flush(conn)?;
        let prev: Option<(i64, String)> = conn
            .prepare_cached("SELECT hlc, replica_id FROM field_state WHERE entity = ?1 AND row_id = ?2 AND field = ?3")?
            .query_row(params![entity, row_id, field], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        self.rows.push(Row {
            seq: self.next_seq,
            hlc: self.last_hlc.0 as i64,
            entity,
            row_id: row_id.to_owned(),
            field,
            value,
            prev_hlc: prev.as_ref().map(|p| p.0),
            prev_replica: prev.map(|p| p.1),
            resolves,
        });
        self.next_seq += 1;
        if self.rows.len() >= BATCH {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Writes the held creates of one kind: multi-row INSERTs of [`CREATE_BATCH`] field changes
    /// with the kind, the field names and the source as literals, first every `change_log` one,
    /// then every `field_state` one (each table's last pages stay in the cache).
    fn write_creates(&mut self, conn: &Connection, batch: CreateBatch) -> Result<()> {
        let per = CREATE_BATCH.div_ceil(batch.spec.fields.len());
        let all: Vec<usize> = (0..batch.records.len()).collect();
        for chunk in all.chunks(per) {
            let (log_sql, _) = self
                .create_sql
                .entry((batch.spec.name, chunk.len()))
                .or_insert_with(|| create_sql(batch.spec, self.source, chunk.len()));
            let pieces: Vec<Vec<&str>> = chunk.iter().map(|&r| batch.pieces(r).collect()).collect();
            let mut log: Vec<&dyn ToSql> = vec![&self.replica_id];
            for (&r, pieces) in chunk.iter().zip(&pieces) {
                let (seq, hlc) = &batch.records[r];
                log.extend([&pieces[0] as &dyn ToSql, seq, hlc]);
                log.extend(pieces[1..].iter().map(|v| v as &dyn ToSql));
            }
            conn.prepare_cached(log_sql)?.execute(log.as_slice())?;
        }
        for chunk in all.chunks(per) {
            let (_, state_sql) = self
                .create_sql
                .entry((batch.spec.name, chunk.len()))
                .or_insert_with(|| create_sql(batch.spec, self.source, chunk.len()));
            let ids: Vec<&str> = chunk
                .iter()
                .map(|&r| batch.pieces(r).next().unwrap_or_default())
                .collect();
            let mut state: Vec<&dyn ToSql> = vec![&self.replica_id];
            for (&r, id) in chunk.iter().zip(&ids) {
                state.extend([id as &dyn ToSql, &batch.records[r].1]);
            }
            conn.prepare_cached(state_sql)?.execute(state.as_slice())?;
        }
        Ok(())
    }

    /// Writes the buffered rows: two multi-row INSERTs whose parameters are bound by reference.
    pub(super) fn flush(&mut self, conn: &Connection) -> Result<()> {
        for batch in std::mem::take(&mut self.creates) {
            self.write_creates(conn, batch)?;
        }
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
            let mut log: Vec<&dyn ToSql> = Vec::with_capacity(2 + n * 9);
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
                    &row.resolves,
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

/// The two INSERTs for `records` creates of `spec` from `source`. Log parameters: ?1 the
/// replica, then per record its id, first sequence number, first stamp and one value per
/// field; field-state parameters: ?1 the replica, then per record its id and first stamp.
fn create_sql(spec: &EntitySpec, source: &str, records: usize) -> (String, String) {
    let width = 3 + spec.fields.len();
    let mut log = Vec::with_capacity(records * spec.fields.len());
    let mut state = Vec::with_capacity(records * spec.fields.len());
    for r in 0..records {
        let (id, seq, hlc) = (2 + r * width, 3 + r * width, 4 + r * width);
        let (state_id, state_hlc) = (2 + r * 2, 3 + r * 2);
        for (k, field) in spec.fields.iter().enumerate() {
            log.push(format!(
                "(?1, ?{seq} + {k}, ?{hlc} + {k}, '{}', ?{id}, '{}', ?{}, NULL, NULL, '{source}', NULL)",
                spec.name,
                field.name,
                5 + r * width + k
            ));
            state.push(format!(
                "('{}', ?{state_id}, '{}', ?{state_hlc} + {k}, ?1)",
                spec.name, field.name
            ));
        }
    }
    (
        format!(
            "INSERT INTO change_log (replica_id, seq, hlc, entity, row_id, field, value, prev_hlc, prev_replica, source, resolves) VALUES {}",
            log.join(", ")
        ),
        format!(
            "INSERT INTO field_state (entity, row_id, field, hlc, replica_id) VALUES {}
             ON CONFLICT(entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, replica_id = excluded.replica_id",
            state.join(", ")
        ),
    )
}

/// The two INSERTs for `n` rows. Within one batch a field appears at most once: a change to a
/// field that already has a value flushes the buffer first.
fn sql(n: usize) -> (std::rc::Rc<str>, std::rc::Rc<str>) {
    let log = format!(
        "INSERT INTO change_log (replica_id, seq, hlc, entity, row_id, field, value, prev_hlc, prev_replica, source, resolves) VALUES {}",
        placeholders(n, 9, 3, |i| format!(
            "?1, ?{i}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?2, ?{}",
            i + 1,
            i + 2,
            i + 3,
            i + 4,
            i + 5,
            i + 6,
            i + 7,
            i + 8
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
