//! Version vectors: for each replica, the highest sequence number up to which a store holds all
//! of that replica's changes without a gap. Ours is `replica_self` plus `replica_known.max_seq`;
//! what a colleague holds is the `until` vector of its last bundle (`peer_vector`). Counts are
//! compared per replica, never as totals (SYNC.md, Atuin lesson).

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::error::Result;

/// Replica id → highest contiguous sequence number held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Vector(pub BTreeMap<String, u64>);

impl Vector {
    pub fn get(&self, replica: &str) -> u64 {
        self.0.get(replica).copied().unwrap_or(0)
    }

    /// Whether this vector holds everything `other` does.
    pub fn covers(&self, other: &Vector) -> bool {
        other.0.iter().all(|(r, n)| self.get(r) >= *n)
    }
}

/// This store's vector: its own changes and every replica it has heard of.
pub fn ours(conn: &Connection) -> Result<Vector> {
    let mut v = BTreeMap::new();
    let mut stmt =
        conn.prepare("SELECT replica_id, max_seq FROM replica_known WHERE max_seq > 0")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (id, n) = row?;
        v.insert(id, n as u64);
    }
    let (id, next): (String, i64) =
        conn.query_row("SELECT replica_id, next_seq FROM replica_self", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    if next > 1 {
        v.insert(id, next as u64 - 1);
    }
    Ok(Vector(v))
}

/// What colleague `peer` has shown us it holds (empty if it never sent a bundle).
pub fn of_peer(conn: &Connection, peer: &str) -> Result<Vector> {
    let mut stmt =
        conn.prepare("SELECT replica_id, max_seq FROM peer_vector WHERE peer_id = ?1")?;
    let rows = stmt.query_map([peer], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
    })?;
    Ok(Vector(rows.collect::<Result<_, _>>()?))
}

/// Raises what we know `peer` holds to at least `until`.
pub(crate) fn raise_peer(conn: &Connection, peer: &str, until: &Vector) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO peer_vector (peer_id, replica_id, max_seq) VALUES (?1, ?2, ?3)
         ON CONFLICT(peer_id, replica_id) DO UPDATE SET max_seq = max(max_seq, excluded.max_seq)",
    )?;
    for (replica, n) in &until.0 {
        stmt.execute(params![peer, replica, *n as i64])?;
    }
    Ok(())
}

/// Moves `replica_known.max_seq` of `replica` up over the changes now in the log without a gap
/// (adding the replica, with `name`, if it is new).
pub(crate) fn advance(conn: &Connection, replica: &str, name: Option<&str>) -> Result<()> {
    let known: Option<i64> = conn
        .prepare_cached("SELECT max_seq FROM replica_known WHERE replica_id = ?1")?
        .query_row([replica], |r| r.get(0))
        .optional()?;
    let mut max = known.unwrap_or(0);
    {
        let mut stmt = conn.prepare_cached(
            "SELECT seq FROM change_log WHERE replica_id = ?1 AND seq > ?2 ORDER BY seq",
        )?;
        let mut rows = stmt.query(params![replica, max])?;
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get(0)?;
            if seq != max + 1 {
                break;
            }
            max = seq;
        }
    }
    conn.prepare_cached(
        "INSERT INTO replica_known (replica_id, name, max_seq) VALUES (?1, coalesce(?2, ''), ?3)
         ON CONFLICT(replica_id) DO UPDATE SET max_seq = excluded.max_seq, name = coalesce(?2, name)",
    )?
    .execute(params![replica, name.filter(|n| !n.is_empty()), max])?;
    Ok(())
}
