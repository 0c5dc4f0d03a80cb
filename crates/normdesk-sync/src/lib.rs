//! Normdesk's bundle files: single files that carry changes between workstations by USB stick,
//! e-mail or a shared folder. A bundle is a documented, versioned zip ([`format`],
//! `docs/bundle-format.md`) read with hostile-file defences ([`read`], [`limits`]) and written
//! atomically ([`write`]). The merge itself is `normdesk_core::sync`: this crate only carries.
//!
//! The calls a screen or the CLI makes, each one line from a Tauri command:
//! [`export`] (a bundle for a colleague or a full one), [`inspect`] (verify, read the manifest),
//! [`preview`] (verify and compute the exact plan, changing nothing), [`import`] (verify, then
//! apply in one transaction). Long work reports [`Progress`] and stops when the callback answers
//! `ControlFlow::Break(())`; an import stopped so applies nothing, an export leaves no file.
//!
//! *Architecture invariant:* nothing here writes to the store but through
//! `normdesk_core::sync`; nothing is ever extracted to disk; no tauri.

pub mod error;
pub mod format;
pub mod limits;
pub mod read;
pub mod write;

use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;

use normdesk_core::Store;
use normdesk_core::sync::apply::{self, ImportMeta, ImportReport};
pub use normdesk_core::sync::{Phase, Progress, Replica};
use serde::{Deserialize, Serialize};
use specta::Type;

pub use error::{Result, SyncError, SyncErrorKind};
pub use limits::Limits;
pub use write::{ExportReport, export, file_name};

/// What a verified bundle says about itself, before anything is applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct BundleInfo {
    pub file_name: String,
    pub bundle_id: String,
    pub origin: Replica,
    pub recipient: Option<Replica>,
    pub created_at: String,
    pub changes: u32,
    pub by_kind: Vec<(String, u32)>,
    /// Draft texts carried.
    pub drafts: u32,
    /// Attachment files carried.
    #[serde(default)]
    pub attachments: u32,
    /// A full bundle (made for anyone).
    pub full: bool,
}

/// Verifies the bundle at `path` and tells what it is.
pub fn inspect(
    path: &Path,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<BundleInfo> {
    let bundle = read::open(path, &Limits::default(), progress)?;
    let m = &bundle.manifest;
    Ok(BundleInfo {
        file_name: bundle.name.clone(),
        bundle_id: m.bundle_id.clone(),
        origin: m.origin.clone(),
        recipient: m.recipient.clone(),
        created_at: m.created_at.clone(),
        changes: m.counts.changes as u32,
        by_kind: m
            .counts
            .by_entity
            .iter()
            .map(|(k, n)| (k.clone(), *n as u32))
            .collect(),
        drafts: m.counts.drafts as u32,
        attachments: m.counts.attachments as u32,
        full: m.since.0.is_empty(),
    })
}

/// Verifies the bundle and computes exactly what importing it would do; changes nothing.
pub fn preview(
    store: &mut Store,
    path: &Path,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<ImportReport> {
    run(store, path, &Limits::default(), true, progress)
}

/// Verifies the whole bundle, then applies it in one transaction (or not at all).
pub fn import(
    store: &mut Store,
    path: &Path,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<ImportReport> {
    run(store, path, &Limits::default(), false, progress)
}

/// [`import`] or [`preview`] with explicit limits (tests use small ones).
pub fn run(
    store: &mut Store,
    path: &Path,
    limits: &Limits,
    dry_run: bool,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<ImportReport> {
    let bundle = read::open(path, limits, progress)?;
    let m = &bundle.manifest;
    let meta = ImportMeta {
        bundle_id: m.bundle_id.clone(),
        sha256: bundle.sha256.clone(),
        file_name: bundle.name.clone(),
        origin: m.origin.clone(),
        replicas: m.replicas.clone(),
        until: m.until.clone(),
        changes: m.counts.changes,
    };
    // The verified changes stream from the bytes in memory into the store, batch by batch.
    let mut archive = bundle.archive()?;
    let entry = archive
        .by_name(format::CHANGES_ENTRY)
        .map_err(|e| SyncError::refused(&bundle.name, e.to_string()))?;
    let mut lines = read::ChangeLines::new(
        entry.take(limits.max_entry + 1),
        &bundle.name,
        limits.max_line,
    );
    // Draft texts and attachment bytes are applied after the changes (their records exist by
    // then), in the same transaction; every document was checked to load, and every file to
    // hash to its name, when the bundle was verified.
    let mut drafts_zip = bundle.archive()?;
    let origin = m.origin.clone();
    let draft_entries: Vec<(String, String)> = m
        .entries
        .iter()
        .filter(|e| e.kind == format::DRAFT_KIND)
        .filter_map(|e| format::draft_id_of(&e.path).map(|id| (e.path.clone(), id.to_owned())))
        .collect();
    let has_reviews = m
        .entries
        .iter()
        .any(|e| e.kind == format::REVIEWS_KIND && e.path == format::REVIEWS_ENTRY);
    let blob_entries: Vec<(String, String)> = m
        .entries
        .iter()
        .filter(|e| e.kind == format::BLOB_KIND)
        .map(|e| (e.path.clone(), e.sha256.clone()))
        .collect();
    let name = bundle.name.clone();
    let held = m.drafts_held.clone();
    let mut extras = |conn: &rusqlite::Connection| -> Result<apply::Extras> {
        let mut out = apply::Extras::default();
        for (id, heads) in &held {
            normdesk_text::bundle::record_peer(conn, &origin.id, id, &heads.join(","))
                .map_err(|e| SyncError::Core(e.into_core()))?;
        }
        for (path, id) in &draft_entries {
            let bytes = read_entry(&mut drafts_zip, path, limits.max_entry, &name)?;
            let merged = normdesk_text::bundle::merge(conn, id, &bytes, &origin.id, &origin.name)
                .map_err(|e| SyncError::Core(e.into_core()))?;
            out.drafts += 1;
            out.text_reviews += merged.reviews;
        }
        normdesk_text::bundle::repair(conn).map_err(|e| SyncError::Core(e.into_core()))?;
        // Review items and confirmations, after the texts they are about.
        if has_reviews {
            let bytes = read_entry(
                &mut drafts_zip,
                format::REVIEWS_ENTRY,
                limits.max_entry,
                &name,
            )?;
            let items = read::review_lines(format::REVIEWS_ENTRY, &bytes)
                .map_err(|e| SyncError::refused(&name, e))?;
            normdesk_text::reviews::merge(conn, &items)
                .map_err(|e| SyncError::Core(e.into_core()))?;
        }
        // Attachment bytes go into the attachments (arrived now or before) that name them.
        for (path, digest) in &blob_entries {
            let bytes = read_entry(&mut drafts_zip, path, limits.max_blob, &name)?;
            out.attachments += normdesk_core::attachments::receive(conn, digest, &bytes)?;
        }
        out.attachments += normdesk_core::attachments::fill_from_copies(conn)?;
        Ok(out)
    };
    apply::import_with::<SyncError>(
        store,
        &meta,
        dry_run,
        &mut |out| lines.fill(out, apply::BATCH),
        &mut extras,
        progress,
    )
}

/// One verified entry's bytes, read again from the bundle in memory (at most `limit` + 1).
fn read_entry(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    path: &str,
    limit: u64,
    name: &str,
) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    zip.by_name(path)
        .map_err(|e| SyncError::refused(name, e.to_string()))?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SyncError::refused(name, e.to_string()))?;
    Ok(bytes)
}

/// Finds a colleague by replica id or display name among those this store knows.
pub fn find_peer(store: &Store, who: &str) -> Result<Replica> {
    let known = normdesk_core::sync::history::colleagues(store.conn())?;
    let matches: Vec<&Replica> = known
        .iter()
        .map(|c| &c.replica)
        .filter(|r| r.id == who || r.name == who)
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(SyncError::Core(normdesk_core::CoreError::invalid(
            "peer",
            format!(
                "no colleague '{who}' is known here: import a bundle from them first, or export a full bundle"
            ),
        ))),
        _ => Err(SyncError::Core(normdesk_core::CoreError::invalid(
            "peer",
            format!("more than one colleague is called '{who}'; give the replica id"),
        ))),
    }
}
