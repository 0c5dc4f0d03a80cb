//! The workstation's identity and the detection of copied databases (SYNC.md lesson 11). Beside
//! each database file lies `<file>.install`: the installation token also kept in
//! `replica_self.install_token`, with the file's full path and the host name. When the database
//! is opened as a copy — the side file is missing, or names another token, path or host — it
//! gets a new replica id (the old one stays in `replica_known`, with what it made, as a replica
//! like any other), so two workstations never stamp changes with the same id.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};

/// The side file's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct InstallFile {
    token: String,
    database: String,
    host: String,
}

/// A new identity given to a copied database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rotation {
    pub old_replica: String,
    pub new_replica: String,
}

/// The side file of a database.
pub fn install_file(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".install");
    db.with_file_name(name)
}

/// Checks the database at `db` against its side file, giving it a new replica id when it is a
/// copy. `fresh`: the file was created by this open (then the side file is simply written).
/// When the side file cannot be written (a read-only folder), nothing changes.
pub fn check_installation(conn: &Connection, db: &Path, fresh: bool) -> Result<Option<Rotation>> {
    let (replica, token, next_seq, name): (String, String, i64, String) = conn.query_row(
        "SELECT replica_id, install_token, next_seq, name FROM replica_self",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let here = InstallFile {
        token: token.clone(),
        database: full_path(db),
        host: host_name(),
    };
    let side = install_file(db);
    let found: Option<InstallFile> = std::fs::read(&side)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    if found.as_ref() == Some(&here) && !token.is_empty() {
        return Ok(None);
    }
    if fresh && !token.is_empty() {
        let _ = write(&side, &here);
        return Ok(None);
    }
    let new_replica = uuid::Uuid::now_v7().to_string();
    let new_token = uuid::Uuid::new_v4().to_string();
    if write(
        &side,
        &InstallFile {
            token: new_token.clone(),
            ..here
        },
    )
    .is_err()
    {
        return Ok(None);
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    tx.execute(
        "INSERT INTO replica_known (replica_id, name, max_seq) VALUES (?1, ?2, ?3)
         ON CONFLICT(replica_id) DO UPDATE SET max_seq = max(max_seq, excluded.max_seq)",
        params![replica, format!("{name} (before this copy)"), next_seq - 1],
    )?;
    tx.execute(
        "UPDATE replica_self SET replica_id = ?1, install_token = ?2, next_seq = 1",
        params![new_replica, new_token],
    )?;
    tx.commit()?;
    Ok(Some(Rotation {
        old_replica: replica,
        new_replica,
    }))
}

fn write(path: &Path, file: &InstallFile) -> Result<()> {
    let tmp = path.with_extension("install-part");
    let text = serde_json::to_vec_pretty(file).map_err(|e| CoreError::Corrupt(e.to_string()))?;
    std::fs::write(&tmp, text).map_err(|e| CoreError::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| CoreError::io(path, e))
}

fn full_path(db: &Path) -> String {
    std::fs::canonicalize(db)
        .unwrap_or_else(|_| db.to_path_buf())
        .display()
        .to_string()
}

/// The machine's name, best effort ("" when it cannot be told).
fn host_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}
