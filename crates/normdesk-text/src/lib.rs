//! Normdesk's draft texts: the text of a standard being written, per project and language, as
//! one Automerge document per draft (SYNC.md, "Draft text") so that two colleagues' offline
//! edits merge at character level.
//!
//! - [`doc`] — the only module that touches Automerge: create once, load, splice, minimal
//!   whole-text replacement, one commit per editing pause, save, merge.
//! - [`store`] — where documents live in the SQLite store (`draft_doc`, `draft_chunk`) and the
//!   plain copy in `draft.body` that search, packets and printing read.
//! - [`drafts`] — the editor's API, one function per Tauri command (open, apply, set text,
//!   renumber, revisions, compare, suggested revision names, clause positions).
//! - [`markup`] — the light markup (docs/draft-markup.md): outline, renumbering, counts.
//! - [`diff`] — clause-aware diffs (word-level for Latin script, character-level for Chinese)
//!   and minimal splices.
//! - [`review`], [`reviews`] — passages both sides of a merge changed, and their review items.
//! - [`bundle`] — drafts in bundles, for `normdesk-sync` (outgoing documents, check, merge).
//!
//! *Architecture invariant:* `normdesk-core` does not depend on this crate (nor on Automerge).
//! The core's import takes an `extras` callback that runs in its transaction; `normdesk-sync`
//! passes this crate's [`bundle::merge`] there. Draft records and revisions are ordinary records
//! written through the core's writer; only the text is Automerge's.

pub mod bundle;
pub mod diff;
pub mod doc;
pub mod drafts;
pub mod markup;
pub mod review;
pub mod reviews;
pub mod store;

use normdesk_core::CoreError;

/// Everything that can go wrong with a draft text.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error(transparent)]
    Doc(#[from] doc::DocError),
    #[error(
        "the text of draft {0} has not arrived on this workstation yet; import the bundle of the colleague who created it"
    )]
    NotArrived(String),
    #[error("this project already has a draft in '{lang}' ({id}); open that one")]
    Exists { lang: String, id: String },
}

impl TextError {
    /// As the core's error (for the writer's transactions and the IPC error mapping).
    pub fn into_core(self) -> CoreError {
        match self {
            TextError::Core(e) => e,
            TextError::Doc(e) => CoreError::Corrupt(e.to_string()),
            TextError::NotArrived(id) => CoreError::invalid(
                "draft",
                format!(
                    "the text of draft {id} has not arrived on this workstation yet; import the bundle of the colleague who created it"
                ),
            ),
            TextError::Exists { lang, id } => CoreError::invalid(
                "lang",
                format!("this project already has a draft in '{lang}' ({id}); open that one"),
            ),
        }
    }
}

impl From<rusqlite::Error> for TextError {
    fn from(e: rusqlite::Error) -> Self {
        TextError::Core(CoreError::from(e))
    }
}

impl From<TextError> for CoreError {
    fn from(e: TextError) -> Self {
        e.into_core()
    }
}

pub type Result<T, E = TextError> = std::result::Result<T, E>;
