//! The sync crate's error: every refusal names the bundle file and the problem, and says what to
//! do next. [`SyncError::kind`] is the small stable category the IPC edge maps.

use std::path::PathBuf;

use normdesk_core::CoreError;
use normdesk_core::sync::apply::Cancelled;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The file is damaged, hostile or not a bundle; nothing was changed.
    #[error("bundle {file}: {problem}; nothing was imported")]
    Refused { file: String, problem: String },

    /// Made by a newer Normdesk.
    #[error(
        "bundle {file}: {what} is newer than this Normdesk knows ({found} > {supported}); update Normdesk to import it"
    )]
    Newer {
        file: String,
        what: &'static str,
        found: u64,
        supported: u64,
    },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Cancelled through the progress callback; nothing was applied (or written).
    #[error("cancelled; nothing was changed")]
    Cancelled,

    #[error(transparent)]
    Core(#[from] CoreError),
}

/// The category of a [`SyncError`], for the IPC edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SyncErrorKind {
    Refused,
    Newer,
    Io,
    Cancelled,
    Store,
}

impl SyncError {
    pub fn kind(&self) -> SyncErrorKind {
        match self {
            SyncError::Refused { .. } => SyncErrorKind::Refused,
            SyncError::Newer { .. } => SyncErrorKind::Newer,
            SyncError::Io { .. } => SyncErrorKind::Io,
            SyncError::Cancelled => SyncErrorKind::Cancelled,
            SyncError::Core(_) => SyncErrorKind::Store,
        }
    }

    pub(crate) fn refused(file: &str, problem: impl Into<String>) -> Self {
        SyncError::Refused {
            file: file.to_owned(),
            problem: problem.into(),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        SyncError::Io {
            path: path.into(),
            source,
        }
    }
}

impl From<Cancelled> for SyncError {
    fn from(_: Cancelled) -> Self {
        SyncError::Cancelled
    }
}

pub type Result<T, E = SyncError> = std::result::Result<T, E>;
