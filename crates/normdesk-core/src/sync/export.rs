//! The changes a colleague lacks, as bundle lines: every change (of any origin) above the
//! version vector the colleague last showed us, or all of them for a full bundle. Changes still
//! waiting here for their predecessors travel on too. Lines come in stamp order, so a change
//! usually follows the ones it builds on.

use std::collections::BTreeMap;

use rusqlite::{Connection, params_from_iter};

use super::{Change, Vector, vector};
use crate::error::{CoreError, Result};

/// What an export covers.
#[derive(Debug, Clone)]
pub struct ExportScope {
    /// What the recipient is assumed to hold (empty: a full bundle).
    pub since: Vector,
    /// Our vector now: what the recipient will hold after importing.
    pub until: Vector,
}

/// The scope of a bundle for `peer` (what it showed us it holds), or a full one.
pub fn scope(conn: &Connection, peer: Option<&str>) -> Result<ExportScope> {
    let since = match peer {
        Some(peer) => vector::of_peer(conn, peer)?,
        None => Vector::default(),
    };
    Ok(ExportScope {
        since,
        until: vector::ours(conn)?,
    })
}

const COLUMNS: &str =
    "replica_id, seq, hlc, entity, row_id, field, value, prev_hlc, prev_replica, source, resolves";

/// Calls `line(entity, text)` for each change in scope, `text` being one line of
/// `changes.jsonl` (with its newline). Returns the count per kind.
pub fn for_each_line<E: From<CoreError>>(
    conn: &Connection,
    scope: &ExportScope,
    line: &mut dyn FnMut(&str, &str) -> std::result::Result<(), E>,
) -> std::result::Result<BTreeMap<String, u64>, E> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut text = String::with_capacity(512);
    let mut emit = |r: &rusqlite::Row<'_>, since: Option<&Vector>| -> std::result::Result<(), E> {
        let replica: &str = r
            .get_ref(0)
            .and_then(|v| Ok(v.as_str()?))
            .map_err(CoreError::from)?;
        let seq = r.get::<_, i64>(1).map_err(CoreError::from)? as u64;
        if since.is_some_and(|s| seq <= s.get(replica)) {
            return Ok(());
        }
        let entity: &str = r
            .get_ref(3)
            .and_then(|v| Ok(v.as_str()?))
            .map_err(CoreError::from)?;
        let text_at = |i: usize| {
            r.get_ref(i)
                .and_then(|v| Ok(v.as_str()?))
                .map_err(CoreError::from)
        };
        let prev_hlc: Option<i64> = r.get(7).map_err(CoreError::from)?;
        let prev_replica: Option<&str> = r
            .get_ref(8)
            .and_then(|v| Ok(v.as_str_or_null()?))
            .map_err(CoreError::from)?;
        let resolves: Option<&str> = r
            .get_ref(10)
            .and_then(|v| Ok(v.as_str_or_null()?))
            .map_err(CoreError::from)?;
        text.clear();
        Change::write_line(
            &mut text,
            replica,
            seq,
            r.get::<_, i64>(2).map_err(CoreError::from)? as u64,
            entity,
            text_at(4)?,
            text_at(5)?,
            text_at(6)?,
            prev_hlc.zip(prev_replica).map(|(h, p)| (h as u64, p)),
            resolves,
            text_at(9)?,
        );
        *counts.entry(entity.to_owned()).or_default() += 1;
        line(entity, &text)
    };
    let replicas = replicas(conn).map_err(E::from)?;
    // One range per replica; past SQLite's limit on compound SELECTs, one scan with a filter.
    let ranged = !scope.since.0.is_empty() && replicas.len() <= 200;
    if !ranged {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM change_log ORDER BY hlc, replica_id"
            ))
            .map_err(CoreError::from)?;
        let mut rows = stmt.query([]).map_err(CoreError::from)?;
        while let Some(r) = rows.next().map_err(CoreError::from)? {
            emit(r, Some(&scope.since))?;
        }
    } else {
        {
            let parts: Vec<String> = (0..replicas.len())
                .map(|i| {
                    format!(
                        "SELECT {COLUMNS} FROM change_log WHERE replica_id = ?{} AND seq > ?{}",
                        2 * i + 1,
                        2 * i + 2
                    )
                })
                .collect();
            let sql = format!("{} ORDER BY hlc, replica_id", parts.join(" UNION ALL "));
            let args: Vec<rusqlite::types::Value> = replicas
                .iter()
                .flat_map(|r| [r.clone().into(), (scope.since.get(r) as i64).into()])
                .collect();
            let mut stmt = conn.prepare(&sql).map_err(CoreError::from)?;
            let mut rows = stmt
                .query(params_from_iter(args))
                .map_err(CoreError::from)?;
            while let Some(r) = rows.next().map_err(CoreError::from)? {
                emit(r, None)?;
            }
        }
    }
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM pending_change ORDER BY hlc, replica_id"
        ))
        .map_err(CoreError::from)?;
    let mut rows = stmt.query([]).map_err(CoreError::from)?;
    while let Some(r) = rows.next().map_err(CoreError::from)? {
        emit(r, Some(&scope.since))?;
    }
    Ok(counts)
}

/// Every replica whose changes this store may hold.
fn replicas(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT replica_id FROM replica_self UNION SELECT replica_id FROM replica_known",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Notes an export in the history.
pub fn record(
    conn: &Connection,
    bundle_id: &str,
    peer: Option<&str>,
    file_name: &str,
    summary: &str,
) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO export_log (bundle_id, peer, file_name, exported_at, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![bundle_id, peer, file_name, super::apply::now(), summary],
    )?;
    Ok(())
}
