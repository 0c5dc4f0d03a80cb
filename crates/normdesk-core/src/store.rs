//! The SQLite store: opening a database file, forward-only migrations, the workstation's
//! identity, local settings, online backup, and the one entry point for replicated writes
//! ([`Store::write`]).
//!
//! Migrations are numbered SQL files embedded in the binary, run in one IMMEDIATE transaction and
//! tracked in `PRAGMA user_version`. A database newer than this build is refused; an existing
//! file is copied aside (`<name>.before-v<N>.bak`) before it is migrated.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::error::{CoreError, Result};
use crate::writer::{Source, Writer};

/// The migrations, in order. Index `i` brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_dashboard_indexes.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Who this workstation is, for sync and display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub replica_id: String,
    pub name: String,
}

/// An open Normdesk database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if missing) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, MIGRATIONS)
    }

    /// [`Store::open`] with a given list of migrations: the tests run the upgrade path (backup
    /// first, all or nothing) with a synthetic next version, before a real one exists.
    fn open_with(path: &Path, migrations: &[&str]) -> Result<Store> {
        let latest = migrations.len() as u32;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| CoreError::io(dir, e))?;
        }
        let existed = path.exists()
            && std::fs::metadata(path)
                .map(|m| m.len() > 0)
                .unwrap_or(false);
        let not_a_database = |e: rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                CoreError::NotADatabase {
                    path: path.to_path_buf(),
                }
            }
            other => CoreError::from(other),
        };
        let conn = Connection::open(path).map_err(not_a_database)?;
        // Read the version before anything writes to the file: a newer database stays untouched.
        let found: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(not_a_database)?;
        if found > latest {
            return Err(CoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                supported: latest,
            });
        }
        configure(&conn, true).map_err(|e| match e {
            CoreError::Sqlite(e) => not_a_database(e),
            other => other,
        })?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
        };
        store.migrate(migrations, existed)?;
        store.ensure_identity(None)?;
        // A copied database file gets a new replica id (the app and the CLI both open here).
        crate::sync::identity::check_installation(&store.conn, path, !existed)?;
        // Keeps the planner's statistics fresh for the list queries; cheap when nothing changed.
        store.conn.execute_batch("PRAGMA optimize = 0x10002")?;
        Ok(store)
    }

    /// A private in-memory database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        configure(&conn, false)?;
        let mut store = Store { conn, path: None };
        store.migrate(MIGRATIONS, false)?;
        store.ensure_identity(None)?;
        Ok(store)
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Read access for queries. Writes of replicated records go through [`Store::write`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Runs `f` with a [`Writer`] in one IMMEDIATE transaction: every change it makes is stamped,
    /// logged and committed together, or none is (an error rolls everything back).
    pub fn write<T>(
        &mut self,
        source: Source,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = {
            let mut writer = Writer::begin(&tx, source)?;
            let value = f(&mut writer)?;
            writer.finish()?;
            value
        };
        tx.commit()?;
        Ok(value)
    }

    /// This workstation's replica id and display name.
    pub fn identity(&self) -> Result<Identity> {
        let row = self
            .conn
            .query_row(
                "SELECT replica_id, name FROM replica_self LIMIT 1",
                [],
                |r| {
                    Ok(Identity {
                        replica_id: r.get(0)?,
                        name: r.get(1)?,
                    })
                },
            )
            .optional()?;
        row.ok_or_else(|| CoreError::Corrupt("the workstation identity is missing".into()))
    }

    /// Creates the replica identity if the database has none; names it if `name` is given.
    pub fn ensure_identity(&mut self, name: Option<&str>) -> Result<Identity> {
        let has: bool =
            self.conn
                .query_row("SELECT EXISTS(SELECT 1 FROM replica_self)", [], |r| {
                    r.get(0)
                })?;
        if !has {
            let default_name = name
                .map(str::to_owned)
                .unwrap_or_else(default_workstation_name);
            self.conn.execute(
                "INSERT INTO replica_self (replica_id, name, install_token, next_seq, last_hlc, created_at)
                 VALUES (?1, ?2, ?3, 1, 0, ?4)",
                params![
                    uuid::Uuid::now_v7().to_string(),
                    default_name,
                    uuid::Uuid::new_v4().to_string(),
                    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                ],
            )?;
        } else if let Some(name) = name {
            self.set_display_name(name)?;
        }
        self.identity()
    }

    /// Renames this workstation (the name colleagues see on bundles).
    pub fn set_display_name(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CoreError::invalid(
                "name",
                "the workstation's display name cannot be empty",
            ));
        }
        if name.chars().count() > 80 {
            return Err(CoreError::invalid(
                "name",
                "the display name is longer than 80 characters; shorten it",
            ));
        }
        self.conn
            .execute("UPDATE replica_self SET name = ?1", [name])?;
        Ok(())
    }

    /// A workstation-local setting (never synced).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Copies the whole database to `dest` with SQLite's online backup (consistent even while
    /// the app is in use). An existing file at `dest` is replaced.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if let Some(current) = &self.path
            && same_file(current, dest)
        {
            return Err(CoreError::invalid(
                "path",
                "the backup cannot overwrite the open database; choose another file",
            ));
        }
        let tmp = dest.with_extension("backup-part");
        {
            let mut target = Connection::open(&tmp).map_err(|e| {
                CoreError::io(
                    dest,
                    std::io::Error::other(format!("cannot create the backup file: {e}")),
                )
            })?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        }
        std::fs::rename(&tmp, dest).map_err(|e| CoreError::io(dest, e))?;
        Ok(())
    }

    /// Runs the missing migrations. `existed`: the file had data before (then it is backed up).
    fn migrate(&mut self, migrations: &[&str], existed: bool) -> Result<()> {
        let latest = migrations.len() as u32;
        let found: u32 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found > latest {
            return Err(CoreError::NewerSchema {
                path: self.path.clone().unwrap_or_default(),
                found,
                supported: latest,
            });
        }
        if found == latest {
            return Ok(());
        }
        if existed && found > 0 {
            self.backup_before_migration(found)?;
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (index, sql) in migrations.iter().enumerate().skip(found as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", index as u32 + 1)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn backup_before_migration(&self, from: u32) -> Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let dest = path.with_extension(format!("before-v{}.bak", from + 1));
        self.backup_to(&dest)
    }
}

fn configure(conn: &Connection, on_disk: bool) -> Result<()> {
    if on_disk {
        let _: String = conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "normal")?;
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    // Statement journals and sorts of big imports stay in memory instead of temporary files.
    conn.pragma_update(None, "temp_store", "memory")?;
    // The writer and the merge keep a prepared statement per kind and shape of write.
    conn.set_prepared_statement_cache_capacity(64);
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn default_workstation_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|n| !n.is_empty())
        .map(|user| format!("{user}'s workstation"))
        .unwrap_or_else(|| "Workstation".to_owned())
}

#[cfg(test)]
mod tests {
    //! The upgrade path from version 1 with a synthetic version 2 (a column the real 0002 does
    //! not add): the file is backed up before the first migration, and a migration that fails
    //! leaves the database as it was. (`tests/store.rs` upgrades a frozen v1 file with the real
    //! migrations.)

    use super::*;

    const V2: &str = "ALTER TABLE project ADD COLUMN v2_note TEXT;";

    /// A version-1 database on disk holding the demo data; returns its dump.
    fn v1_database(path: &Path) -> String {
        let mut store = Store::open_with(path, &MIGRATIONS[..1]).unwrap();
        crate::demo::load(&mut store).unwrap();
        crate::dump::dump(store.conn()).unwrap()
    }

    fn version_and_columns(path: &Path) -> (u32, Vec<String>) {
        let conn = Connection::open(path).unwrap();
        let version = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        let columns = conn
            .prepare("SELECT name FROM pragma_table_info('project') ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<std::result::Result<_, _>>()
            .unwrap();
        (version, columns)
    }

    #[test]
    fn the_file_is_backed_up_before_a_migration() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("normdesk.db");
        let before = v1_database(&path);

        let store = Store::open_with(&path, &[MIGRATIONS[0], V2]).unwrap();
        assert_eq!(store.schema_version().unwrap(), 2);
        drop(store);
        assert!(
            version_and_columns(&path)
                .1
                .contains(&"v2_note".to_string())
        );

        let backup = dir.path().join("normdesk.before-v2.bak");
        let (version, columns) = version_and_columns(&backup);
        assert_eq!(version, 1, "the backup holds the database as it was");
        assert!(!columns.contains(&"v2_note".to_string()));
        let copy = Store::open(&backup).unwrap();
        assert_eq!(crate::dump::dump(copy.conn()).unwrap(), before);
    }

    #[test]
    fn a_failing_migration_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("normdesk.db");
        let before = v1_database(&path);

        let broken =
            "ALTER TABLE project ADD COLUMN v2_note TEXT; INSERT INTO no_such_table VALUES (1);";
        let err = Store::open_with(&path, &[MIGRATIONS[0], broken])
            .err()
            .unwrap();
        assert!(err.to_string().contains("no_such_table"), "{err}");

        let (version, columns) = version_and_columns(&path);
        assert_eq!(version, 1);
        assert!(!columns.contains(&"v2_note".to_string()));
        let store = Store::open(&path).unwrap();
        assert_eq!(crate::dump::dump(store.conn()).unwrap(), before);
        assert!(crate::check::check(store.conn()).unwrap().ok());
    }

    #[test]
    fn a_new_database_is_not_backed_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("normdesk.db");
        Store::open_with(&path, &[MIGRATIONS[0], V2]).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.contains(".bak"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }
}
