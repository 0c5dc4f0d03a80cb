//! One draft's text as an Automerge document of the shape `{ body: Text }` (SYNC.md, "Draft
//! text"). This module owns everything that touches Automerge: creating the document once,
//! loading it (bytes from the store or from a bundle), splicing, whole-text replacement as a
//! minimal edit (`update_text`), committing one change per editing pause, saving, merging, and
//! the text at earlier heads (for merge review).
//!
//! Positions are **UTF-16 code units**, as a browser editor (CodeMirror) counts them: the
//! document is opened with [`TextEncoding::Utf16CodeUnit`].

use automerge::transaction::{CommitOptions, Transactable};
use automerge::{
    ActorId, AutoCommit, ChangeHash, LoadOptions, ObjId, ObjType, ROOT, ReadDoc, TextEncoding,
};

/// Why a document could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error("the draft's document cannot be read ({0}); it may be damaged")]
    Load(String),
    #[error("the draft's document has no text body; it was not made by Normdesk")]
    Shape,
    #[error("an edit is outside the text: {0}")]
    Range(String),
}

/// A loaded draft document.
pub struct Doc {
    am: AutoCommit,
    body: ObjId,
}

impl Doc {
    /// A new, empty draft document. Call this only where the draft record is created: a second
    /// document for the same draft would not merge with the first (automerge#528).
    pub fn create(actor: &[u8]) -> Doc {
        let mut am = AutoCommit::new_with_encoding(TextEncoding::Utf16CodeUnit)
            .with_actor(ActorId::from(actor));
        let body = am
            .put_object(ROOT, "body", ObjType::Text)
            .expect("a new document takes a text body");
        am.commit_with(
            CommitOptions::default()
                .with_message("create draft")
                .with_time(now_secs()),
        );
        Doc { am, body }
    }

    /// Loads a document (a whole `save()`, optionally followed by incremental chunks) and checks
    /// its shape. `actor` is this workstation's actor for later edits.
    pub fn load(bytes: &[u8], chunks: &[Vec<u8>], actor: Option<&[u8]>) -> Result<Doc, DocError> {
        let options = LoadOptions::new().text_encoding(TextEncoding::Utf16CodeUnit);
        let mut am = AutoCommit::load_with_options(bytes, options)
            .map_err(|e| DocError::Load(e.to_string()))?;
        for chunk in chunks {
            am.load_incremental(chunk)
                .map_err(|e| DocError::Load(e.to_string()))?;
        }
        if let Some(actor) = actor {
            am.set_actor(ActorId::from(actor));
        }
        let body = match am
            .get(ROOT, "body")
            .map_err(|e| DocError::Load(e.to_string()))?
        {
            Some((automerge::Value::Object(ObjType::Text), id)) => id,
            _ => return Err(DocError::Shape),
        };
        Ok(Doc { am, body })
    }

    pub fn text(&self) -> String {
        self.am.text(&self.body).unwrap_or_default()
    }

    /// The text as it was at `heads`.
    pub fn text_at(&self, heads: &[ChangeHash]) -> Result<String, DocError> {
        self.am
            .text_at(&self.body, heads)
            .map_err(|e| DocError::Load(e.to_string()))
    }

    /// Length in UTF-16 code units.
    pub fn len(&self) -> usize {
        self.am.length(&self.body)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Deletes `delete` units at `pos` and inserts `insert` there (uncommitted).
    pub fn splice(&mut self, pos: usize, delete: usize, insert: &str) -> Result<(), DocError> {
        let len = self.len();
        if pos > len || pos + delete > len {
            return Err(DocError::Range(format!(
                "position {pos} + {delete} is past the end ({len})"
            )));
        }
        self.am
            .splice_text(&self.body, pos, delete as isize, insert)
            .map_err(|e| DocError::Range(e.to_string()))
    }

    /// Replaces the whole text by `text` as a minimal edit (Myers diff), so it merges like typing.
    pub fn replace_all(&mut self, text: &str) -> Result<(), DocError> {
        self.am
            .update_text(&self.body, text)
            .map_err(|e| DocError::Range(e.to_string()))
    }

    /// Commits the pending edits as one change; `None` when there were none.
    pub fn commit(&mut self, message: &str) -> Option<ChangeHash> {
        self.am.commit_with(
            CommitOptions::default()
                .with_message(message)
                .with_time(now_secs()),
        )
    }

    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.am.get_heads()
    }

    /// The compacted whole document.
    pub fn save(&mut self) -> Vec<u8> {
        self.am.save()
    }

    /// The changes not in `heads` (and not depended on by them), as bytes `load_incremental` takes.
    pub fn save_after(&mut self, heads: &[ChangeHash]) -> Vec<u8> {
        self.am.save_after(heads)
    }

    /// The changes since the last `save`/`save_incremental`.
    pub fn save_incremental(&mut self) -> Vec<u8> {
        self.am.save_incremental()
    }

    /// Merges `other` into this document. Returns the hashes of the changes that were new here.
    pub fn merge(&mut self, other: &mut Doc) -> Result<Vec<ChangeHash>, DocError> {
        self.am
            .merge(&mut other.am)
            .map_err(|e| DocError::Load(e.to_string()))
    }

    /// Changes `other` has that this document lacks (their hashes and dependencies).
    pub fn missing_from(&mut self, other: &mut Doc) -> Vec<(ChangeHash, Vec<ChangeHash>, String)> {
        self.am
            .get_changes_added(&mut other.am)
            .into_iter()
            .map(|c| (c.hash(), c.deps().to_vec(), c.actor_id().to_hex_string()))
            .collect()
    }

    pub fn fork(&mut self) -> Doc {
        Doc {
            am: self.am.fork(),
            body: self.body.clone(),
        }
    }

    /// Number of changes in the history.
    pub fn change_count(&mut self) -> usize {
        self.am.get_changes(&[]).len()
    }
}

/// Heads as stored: hex hashes joined by commas, sorted.
pub fn heads_text(heads: &[ChangeHash]) -> String {
    let mut hex: Vec<String> = heads.iter().map(|h| h.to_string()).collect();
    hex.sort();
    hex.join(",")
}

/// Parses [`heads_text`].
pub fn parse_heads(text: &str) -> Vec<ChangeHash> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// A fresh Automerge actor for one loaded session of a document. Every load gets its own, so a
/// restored backup or two programs of one workstation (app and CLI) can never reuse an actor's
/// sequence numbers for different changes; who wrote a change is in its message (the replica id).
pub fn new_actor() -> Vec<u8> {
    uuid::Uuid::new_v4().as_bytes().to_vec()
}

fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}
