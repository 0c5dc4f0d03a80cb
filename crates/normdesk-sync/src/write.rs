//! Writing a bundle: `mimetype` (stored, first), `changes.jsonl` streamed from the store through
//! deflate with its SHA-256 measured on the way, the draft texts and the bytes of the
//! attachments whose rows travel (`blobs/<sha256>`), then `manifest.json`. The file is written under
//! a temporary name in the destination folder and renamed into place only when complete, so a
//! half-written bundle never exists under the real name.

use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use normdesk_core::store::SCHEMA_VERSION;
use normdesk_core::sync::{Phase, Progress, Replica, export, history};
use normdesk_core::{CoreError, Store};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::error::{Result, SyncError};
use crate::format::{
    BLOB_KIND, CHANGES_ENTRY, CHANGES_KIND, Counts, DRAFT_KIND, EXTENSION, Entry, FORMAT,
    FORMAT_VERSION, MANIFEST_ENTRY, MIMETYPE, MIMETYPE_ENTRY, Manifest, REVIEWS_ENTRY,
    REVIEWS_KIND, blob_path, draft_path, hex,
};

/// What was written.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct ExportReport {
    pub bundle_id: String,
    /// The full path of the written file.
    pub file: String,
    pub recipient: Option<Replica>,
    pub changes: u32,
    /// Changes per record kind.
    pub by_kind: Vec<(String, u32)>,
    /// Draft documents carried.
    pub drafts: u32,
    /// Attachment files carried (`blobs/<sha256>`).
    #[serde(default)]
    pub attachments: u32,
    /// Attachment files left out because the bundle would have grown past [`BLOB_BUDGET`]
    /// (the colleague sees those attachments as not arrived).
    #[serde(default)]
    pub attachments_left_out: u32,
}

/// Lines between two progress reports.
const PROGRESS_EVERY: u64 = 5_000;

/// The most attachment bytes one bundle carries (uncompressed), so that it stays well within
/// the reader's file limit (512 MiB) with its changes.
pub const BLOB_BUDGET: u64 = 384 * 1024 * 1024;

/// Writes a bundle for `peer` (what it lacks, judged from its last bundle) or a full bundle to
/// `out`; when `out` is a folder the file gets its [`file_name`] there.
pub fn export(
    store: &mut Store,
    out: &Path,
    peer: Option<&Replica>,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<ExportReport> {
    let conn = store.conn();
    let me = store.identity()?;
    let origin = Replica {
        id: me.replica_id.clone(),
        name: me.name.clone(),
    };
    let scope = export::scope(conn, peer.map(|p| p.id.as_str()))?;
    let path = if out.is_dir() {
        out.join(file_name(
            &origin.name,
            peer.map(|p| p.name.as_str()),
            chrono::Local::now(),
        ))
    } else {
        out.to_path_buf()
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let tmp = dir.join(format!(
        ".{}.part-{}",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        std::process::id()
    ));
    let total: u64 = scope
        .until
        .0
        .iter()
        .map(|(r, n)| n.saturating_sub(scope.since.get(r)))
        .sum();
    let bundle_id = uuid::Uuid::now_v7().to_string();
    let written = (|| -> Result<(Manifest, u64, u32)> {
        let file = std::fs::File::create(&tmp).map_err(|e| SyncError::io(&tmp, e))?;
        let mut zip = ZipWriter::new(BufWriter::with_capacity(1 << 20, file));
        let io = |e: zip::result::ZipError| SyncError::io(&tmp, std::io::Error::other(e));
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        zip.start_file(MIMETYPE_ENTRY, stored).map_err(io)?;
        zip.write_all(MIMETYPE.as_bytes())
            .map_err(|e| SyncError::io(&tmp, e))?;
        let deflated = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(1))
            .large_file(true);
        zip.start_file(CHANGES_ENTRY, deflated).map_err(io)?;
        let (mut hasher, mut size, mut lines) = (Sha256::new(), 0u64, 0u64);
        // The files of the attachments whose rows travel: the digests their lines name.
        let mut digests = std::collections::BTreeSet::new();
        let by_entity = export::for_each_line::<SyncError>(conn, &scope, &mut |entity, line| {
            if entity == "attachment"
                && let Ok(c) = serde_json::from_str::<normdesk_core::sync::Change>(line)
                && c.field == "sha256"
                && let Some(d) = c.value.as_str()
            {
                digests.insert(d.to_owned());
            }
            hasher.update(line.as_bytes());
            size += line.len() as u64;
            lines += 1;
            zip.write_all(line.as_bytes())
                .map_err(|e| SyncError::io(&tmp, e))?;
            if lines.is_multiple_of(PROGRESS_EVERY)
                && progress(Progress {
                    phase: Phase::Export,
                    done: lines as u32,
                    total: total as u32,
                })
                .is_break()
            {
                return Err(SyncError::Cancelled);
            }
            Ok(())
        })?;
        if progress(Progress {
            phase: Phase::Export,
            done: lines as u32,
            total: lines as u32,
        })
        .is_break()
        {
            return Err(SyncError::Cancelled);
        }
        // Draft texts: each draft's whole compacted document, unless the recipient showed us
        // it holds exactly ours.
        let mut entries = Vec::new();
        let docs = normdesk_text::bundle::outgoing(conn, peer.map(|p| p.id.as_str()))
            .map_err(|e| SyncError::Core(e.into_core()))?;
        for doc in &docs {
            let path = draft_path(&doc.draft_id);
            zip.start_file(path.as_str(), deflated).map_err(io)?;
            zip.write_all(&doc.bytes)
                .map_err(|e| SyncError::io(&tmp, e))?;
            let mut extra = std::collections::BTreeMap::new();
            extra.insert(
                "draft_id".to_owned(),
                serde_json::Value::from(doc.draft_id.clone()),
            );
            extra.insert(
                "heads".to_owned(),
                serde_json::Value::from(
                    doc.heads
                        .split(',')
                        .filter(|h| !h.is_empty())
                        .collect::<Vec<_>>(),
                ),
            );
            entries.push(Entry {
                path,
                kind: DRAFT_KIND.into(),
                size: doc.bytes.len() as u64,
                sha256: hex(&Sha256::digest(&doc.bytes)),
                extra,
            });
        }
        // Review items of drafts with their confirmations: few, small, all of them every time.
        let reviews =
            normdesk_text::reviews::outgoing(conn).map_err(|e| SyncError::Core(e.into_core()))?;
        if !reviews.is_empty() {
            let mut bytes = Vec::new();
            for item in &reviews {
                serde_json::to_writer(&mut bytes, item).map_err(|e| {
                    SyncError::Core(CoreError::Corrupt(format!("review item: {e}")))
                })?;
                bytes.push(b'\n');
            }
            zip.start_file(REVIEWS_ENTRY, deflated).map_err(io)?;
            zip.write_all(&bytes).map_err(|e| SyncError::io(&tmp, e))?;
            entries.push(Entry {
                path: REVIEWS_ENTRY.into(),
                kind: REVIEWS_KIND.into(),
                size: bytes.len() as u64,
                sha256: hex(&Sha256::digest(&bytes)),
                extra: Default::default(),
            });
        }
        let (mut blob_bytes, mut left_out) = (0u64, 0u32);
        for digest in &digests {
            let Some(bytes) = normdesk_core::attachments::blob(conn, digest)? else {
                continue;
            };
            if blob_bytes + bytes.len() as u64 > BLOB_BUDGET {
                left_out += 1;
                continue;
            }
            blob_bytes += bytes.len() as u64;
            let path = blob_path(digest);
            zip.start_file(path.as_str(), deflated).map_err(io)?;
            zip.write_all(&bytes).map_err(|e| SyncError::io(&tmp, e))?;
            entries.push(Entry {
                path,
                kind: BLOB_KIND.into(),
                size: bytes.len() as u64,
                sha256: digest.clone(),
                extra: Default::default(),
            });
        }
        let blobs = entries.iter().filter(|e| e.kind == BLOB_KIND).count() as u64;
        let replicas = scope
            .until
            .0
            .keys()
            .map(|id| {
                Ok(Replica {
                    id: id.clone(),
                    name: history::replica_name(conn, id)?.unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, CoreError>>()?;
        let manifest = Manifest {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            schema_version: SCHEMA_VERSION,
            bundle_id: bundle_id.clone(),
            created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            app_version: env!("CARGO_PKG_VERSION").into(),
            origin: origin.clone(),
            recipient: peer.cloned(),
            replicas,
            since: scope.since.clone(),
            until: scope.until.clone(),
            counts: Counts {
                changes: lines,
                by_entity,
                drafts: docs.len() as u64,
                attachments: blobs,
                extra: Default::default(),
            },
            drafts_held: normdesk_text::bundle::held(conn)
                .map_err(|e| SyncError::Core(e.into_core()))?,
            entries: std::iter::once(Entry {
                path: CHANGES_ENTRY.into(),
                kind: CHANGES_KIND.into(),
                size,
                sha256: hex(&hasher.finalize()),
                extra: Default::default(),
            })
            .chain(entries)
            .collect(),
            extra: Default::default(),
        };
        zip.start_file(
            MANIFEST_ENTRY,
            SimpleFileOptions::default().compression_method(CompressionMethod::Deflated),
        )
        .map_err(io)?;
        serde_json::to_writer_pretty(&mut zip, &manifest)
            .map_err(|e| SyncError::io(&tmp, e.into()))?;
        let mut buffered = zip.finish().map_err(io)?;
        buffered.flush().map_err(|e| SyncError::io(&tmp, e))?;
        let file = buffered
            .into_inner()
            .map_err(|e| SyncError::io(&tmp, e.into_error()))?;
        file.sync_all().map_err(|e| SyncError::io(&tmp, e))?;
        Ok((manifest, lines, left_out))
    })();
    let (manifest, lines, left_out) = match written {
        Ok(done) => done,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    std::fs::rename(&tmp, &path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        SyncError::io(&path, e)
    })?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    let full = std::fs::canonicalize(&path).unwrap_or(path);
    let report = ExportReport {
        bundle_id: bundle_id.clone(),
        file: full.display().to_string(),
        recipient: peer.cloned(),
        changes: lines as u32,
        by_kind: manifest
            .counts
            .by_entity
            .iter()
            .map(|(k, n)| (k.clone(), *n as u32))
            .collect(),
        drafts: manifest.counts.drafts as u32,
        attachments: manifest.counts.attachments as u32,
        attachments_left_out: left_out,
    };
    let summary = serde_json::to_string(&report).unwrap_or_default();
    let name = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    export::record(
        store.conn(),
        &bundle_id,
        peer.map(|p| p.id.as_str()),
        &name,
        &summary,
    )?;
    Ok(report)
}

/// The file name that says who, when and what: `2026-11-27-1030-LiMing-to-ChenJing.ndbundle`,
/// or `…-LiMing-full.ndbundle`. Names keep only letters and digits (any script).
pub fn file_name(from: &str, to: Option<&str>, at: chrono::DateTime<chrono::Local>) -> String {
    let clean = |name: &str| {
        let kept: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .take(40)
            .collect();
        if kept.is_empty() {
            "workstation".to_owned()
        } else {
            kept
        }
    };
    let when = at.format("%Y-%m-%d-%H%M");
    match to {
        Some(to) => format!("{when}-{}-to-{}.{EXTENSION}", clean(from), clean(to)),
        None => format!("{when}-{}-full.{EXTENSION}", clean(from)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn file_names_say_who_when_and_what() {
        let at = chrono::Local
            .with_ymd_and_hms(2026, 11, 27, 10, 30, 0)
            .unwrap();
        assert_eq!(
            file_name("Li Ming", Some("Chen Jing"), at),
            "2026-11-27-1030-LiMing-to-ChenJing.ndbundle"
        );
        assert_eq!(
            file_name("李明's PC", None, at),
            "2026-11-27-1030-李明sPC-full.ndbundle"
        );
        assert_eq!(
            file_name("../../etc", Some("/"), at),
            "2026-11-27-1030-etc-to-workstation.ndbundle"
        );
    }
}
