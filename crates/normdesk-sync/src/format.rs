//! The bundle format as types and constants — the wire contract documented in
//! `docs/bundle-format.md`. A bundle is a zip with `mimetype` (stored, first), the entries the
//! manifest lists (`changes.jsonl`, draft texts, attachment bytes), and `manifest.json` last.
//!
//! Versioning: a field's meaning or type never changes. Unknown manifest fields and unknown
//! entry kinds are kept (carried in [`Manifest::extra`], checksummed, otherwise ignored); a newer
//! `format_version` or `schema_version` is refused with "update Normdesk".

use std::collections::BTreeMap;

use normdesk_core::sync::{Replica, Vector};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The value of the manifest's `format` field.
pub const FORMAT: &str = "normdesk-bundle";
/// The format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// The content of the `mimetype` entry.
pub const MIMETYPE: &str = "application/vnd.normdesk.bundle+zip";
/// The extension of bundle files.
pub const EXTENSION: &str = "ndbundle";

pub const MIMETYPE_ENTRY: &str = "mimetype";
pub const MANIFEST_ENTRY: &str = "manifest.json";
pub const CHANGES_ENTRY: &str = "changes.jsonl";
/// The `kind` of the changes entry.
pub const CHANGES_KIND: &str = "changes";
/// The `kind` of a draft's text: `drafts/<draft-id>.am`, the draft's whole Automerge document
/// (compacted `save()`); the entry also names `draft_id` and the document's `heads`.
pub const DRAFT_KIND: &str = "draft_text";
/// The folder of draft entries.
pub const DRAFTS_DIR: &str = "drafts/";
/// The `kind` of the review items of drafts ("merged — please review", open or confirmed):
/// `reviews.jsonl`, one item per line (`normdesk_text::reviews::Carried`).
pub const REVIEWS_KIND: &str = "draft_reviews";
/// The entry of the review items.
pub const REVIEWS_ENTRY: &str = "reviews.jsonl";

/// The `kind` of an attachment's bytes: `blobs/<sha256>`, named by the lower-case hex SHA-256
/// of its content, carried once however many attachments name it.
pub const BLOB_KIND: &str = "attachment_blob";
/// The folder of attachment bytes.
pub const BLOBS_DIR: &str = "blobs/";

/// The entry path of an attachment's bytes.
pub fn blob_path(sha256: &str) -> String {
    format!("{BLOBS_DIR}{sha256}")
}

/// The digest a blob entry's path names, if it is `blobs/` and 64 lower-case hex digits.
pub fn digest_of(path: &str) -> Option<&str> {
    path.strip_prefix(BLOBS_DIR).filter(|d| {
        d.len() == 64
            && d.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The entry path of a draft's document.
pub fn draft_path(draft_id: &str) -> String {
    format!("{DRAFTS_DIR}{draft_id}.am")
}

/// The draft id of a draft entry's path, if it is `drafts/<uuid>.am` with a canonical UUID.
pub fn draft_id_of(path: &str) -> Option<&str> {
    let id = path.strip_prefix(DRAFTS_DIR)?.strip_suffix(".am")?;
    uuid::Uuid::parse_str(id)
        .ok()
        .filter(|u| u.hyphenated().to_string() == id)
        .map(|_| id)
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The store schema the changes were written against.
    pub schema_version: u32,
    /// UUIDv7.
    pub bundle_id: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub app_version: String,
    /// The workstation that wrote the bundle.
    pub origin: Replica,
    /// The colleague it was made for; absent for a full bundle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Replica>,
    /// Names of every replica whose changes are carried.
    pub replicas: Vec<Replica>,
    /// What the recipient was assumed to hold (empty for a full bundle).
    pub since: Vector,
    /// The writer's vector: what it held when it wrote the bundle.
    pub until: Vector,
    pub counts: Counts,
    /// Every entry besides `mimetype` and `manifest.json`.
    pub entries: Vec<Entry>,
    /// The heads of every draft text the writer holds (draft id → heads), carried or not: the
    /// recipient then leaves out of its next bundle the drafts the writer already has.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts_held: BTreeMap<String, Vec<String>>,
    /// Fields this version does not know, kept as they came.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    /// Lines of `changes.jsonl`.
    pub changes: u64,
    /// Changes per record kind.
    pub by_entity: BTreeMap<String, u64>,
    /// Draft documents carried (`drafts/<id>.am` entries); absent when none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub drafts: u64,
    /// Attachment files carried (`blobs/<sha256>` entries); absent when none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub attachments: u64,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One listed entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    /// What the entry holds: `changes`; unknown kinds are kept and ignored.
    pub kind: String,
    /// Uncompressed size in bytes.
    pub size: u64,
    /// SHA-256 of the uncompressed bytes, lower-case hex.
    pub sha256: String,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
