//! One module per command. Each has an `Args` struct (clap) and a `run` function that unpacks
//! the arguments, calls the core and prints through [`crate::output`]. [`Context`] finds and
//! opens the database the same way for all of them.

pub mod check;
pub mod conflicts;
pub mod demo;
pub mod dump;
pub mod export;
pub mod export_csv;
pub mod import;
pub mod import_csv;
pub mod init;
pub mod list;
pub mod new;
pub mod packet;
pub mod resolve;
pub mod rm;
pub mod set;
pub mod show;
pub mod stages;
pub mod stats;
pub mod text;

use std::path::PathBuf;

use normdesk_core::schema::{self, EntitySpec};
use normdesk_core::{Store, paths};

use crate::failure::Failure;

/// What every command shares: where the database is.
pub struct Context {
    db: Option<PathBuf>,
}

impl Context {
    pub fn new(db: Option<PathBuf>) -> Context {
        Context { db }
    }

    /// `--db`, else `$NORMDESK_DB`, else the desktop app's database.
    pub fn db_path(&self) -> Result<PathBuf, Failure> {
        match &self.db {
            Some(path) if path.as_os_str().is_empty() => {
                Err(Failure::Usage("--db: the path is empty; give the database file".into()))
            }
            Some(path) => Ok(path.clone()),
            None => paths::default_db_path().ok_or_else(|| {
                Failure::Refused(format!(
                    "cannot tell where the desktop app keeps its database; pass --db PATH or set {}",
                    paths::DB_ENV
                ))
            }),
        }
    }

    /// Opens the database, creating and migrating it as needed.
    pub fn open(&self) -> Result<Store, Failure> {
        Ok(Store::open(&self.db_path()?)?)
    }
}

/// A record kind by its contract name ("project"); the error lists the kinds there are.
pub fn kind(name: &str) -> Result<&'static EntitySpec, Failure> {
    Ok(schema::entity(name)?)
}

/// The kinds and their fields, for the help of `new` and `set`.
pub fn fields_help() -> String {
    let mut text = String::from("Kinds and their fields:\n");
    for spec in schema::ENTITIES {
        let names: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
        text.push_str(&format!("  {}: {}\n", spec.name, names.join(", ")));
    }
    text.push_str(
        "\nDates are YYYY-MM-DD; ids are UUIDs; `normdesk stages` lists the stage codes.",
    );
    text
}

/// A record id checked before the database is touched.
pub fn record_id(text: &str) -> Result<String, Failure> {
    Ok(normdesk_core::projects::parse_id(text)?)
}
