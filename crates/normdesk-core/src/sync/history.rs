//! The record of exchanges for the History screen: bundles imported and exported with their
//! sender or recipient and counts, this workstation's identity and the colleagues known to it.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Replica, count};
use crate::error::Result;

/// One bundle that came in or went out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Exchange {
    pub bundle_id: String,
    /// "import" or "export".
    pub direction: String,
    /// The sender (import) or the colleague it was made for (export; none for a full bundle).
    pub peer: Option<Replica>,
    pub file_name: String,
    /// RFC 3339.
    pub at: String,
    /// The import's report, or the export's counts, as JSON.
    pub summary: serde_json::Value,
}

/// A colleague (or a former identity of this store) whose changes this store holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Colleague {
    pub replica: Replica,
    /// How many of its changes are held, without a gap.
    pub changes_held: u32,
}

/// The exchanges, newest first.
pub fn exchanges(conn: &Connection) -> Result<Vec<Exchange>> {
    let mut stmt = conn.prepare(
        "SELECT bundle_id, 'import', origin, (SELECT name FROM replica_known WHERE replica_id = origin), '', imported_at, summary FROM import_log
         UNION ALL
         SELECT bundle_id, 'export', peer, (SELECT name FROM replica_known WHERE replica_id = peer), file_name, exported_at, summary FROM export_log
         ORDER BY 6 DESC, 1",
    )?;
    let rows = stmt.query_map([], |r| {
        let peer: Option<String> = r.get(2)?;
        let name: Option<String> = r.get(3)?;
        let summary: String = r.get(6)?;
        let summary: serde_json::Value =
            serde_json::from_str(&summary).unwrap_or(serde_json::Value::Null);
        let file_name: String = r.get(4)?;
        let file_name = if file_name.is_empty() {
            summary
                .get("file_name")
                .and_then(|f| f.as_str())
                .unwrap_or_default()
                .to_owned()
        } else {
            file_name
        };
        Ok(Exchange {
            bundle_id: r.get(0)?,
            direction: r.get(1)?,
            peer: peer.map(|id| Replica {
                id,
                name: name.unwrap_or_default(),
            }),
            file_name,
            at: r.get(5)?,
            summary,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every replica this store has heard of, by name.
pub fn colleagues(conn: &Connection) -> Result<Vec<Colleague>> {
    let mut stmt = conn
        .prepare("SELECT replica_id, name, max_seq FROM replica_known ORDER BY name, replica_id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Colleague {
            replica: Replica {
                id: r.get(0)?,
                name: r.get(1)?,
            },
            changes_held: count(r.get::<_, i64>(2)? as u64),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The display name of a replica: this workstation's or a known colleague's.
pub fn replica_name(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT name FROM replica_self WHERE replica_id = ?1 UNION ALL SELECT name FROM replica_known WHERE replica_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}
