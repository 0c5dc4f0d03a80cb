//! The core's one error enum. Messages name the bad input and say what to do next; the IPC edge
//! and the CLI show them as they are.

use std::path::PathBuf;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// A field value was refused. `field` is the snake_case field name of PRODUCT.md.
    #[error("{field}: {message}")]
    Validation { field: String, message: String },

    #[error("no {kind} with id {id}; list them with `normdesk list {kind}`")]
    NotFound { kind: String, id: String },

    #[error(
        "the database {path} was written by a newer Normdesk (schema {found}, this version knows up to {supported}); update Normdesk to open it"
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Deleting a record that others still refer to.
    #[error("{kind} {id} is still referred to by {}; change or remove those first", by.join(", "))]
    InUse {
        kind: String,
        id: String,
        by: Vec<String>,
    },

    #[error("{path} is not a Normdesk database (it is not an SQLite file); check the path")]
    NotADatabase { path: PathBuf },

    #[error(
        "the database is busy: another Normdesk program is writing to it; try again in a moment"
    )]
    Busy,

    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),

    #[error("stored data is damaged: {0}; run `normdesk check`")]
    Corrupt(String),
}

impl CoreError {
    /// A validation error on one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        CoreError::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    pub fn not_found(kind: impl Into<String>, id: impl Into<String>) -> Self {
        CoreError::NotFound {
            kind: kind.into(),
            id: id.into(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        CoreError::Io {
            path: path.into(),
            source,
        }
    }
}

impl From<rusqlite::Error> for CoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                CoreError::Busy
            }
            _ => CoreError::Sqlite(error),
        }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
