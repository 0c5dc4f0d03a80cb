//! Reading a bundle: the whole file is verified before anything is applied — size, zip
//! structure, entry names (no directories, symlinks, absolute or `..` paths, duplicates,
//! encryption), the manifest, and each entry's size and SHA-256 measured while decompressing
//! in memory through `take(limit + 1)`; every change line is parsed and checked against the
//! schema; a draft text must load and an attachment file's bytes must hash to its name. Nothing is ever extracted to disk.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use normdesk_core::store::SCHEMA_VERSION;
use normdesk_core::sync::{Change, Phase, Progress};
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use crate::error::{Result, SyncError};
use crate::format::{
    self, BLOB_KIND, CHANGES_ENTRY, CHANGES_KIND, DRAFT_KIND, FORMAT, FORMAT_VERSION,
    MANIFEST_ENTRY, MIMETYPE, MIMETYPE_ENTRY, Manifest, REVIEWS_ENTRY, REVIEWS_KIND,
};
use crate::limits::Limits;

/// A verified bundle, held in memory (compressed) so that what was verified is what is applied.
pub struct Bundle {
    pub path: PathBuf,
    /// The file's name, as messages show it.
    pub name: String,
    pub sha256: String,
    pub manifest: Manifest,
    bytes: Vec<u8>,
    limits: Limits,
}

/// Opens and verifies the bundle at `path`. `progress` sees the changes checked so far.
pub fn open(
    path: &Path,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress) -> std::ops::ControlFlow<()>,
) -> Result<Bundle> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let file = std::fs::File::open(path).map_err(|e| SyncError::io(path, e))?;
    let mut bytes = Vec::new();
    file.take(limits.max_file + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SyncError::io(path, e))?;
    let bundle = from_bytes(&name, bytes, limits, progress)?;
    Ok(Bundle {
        path: path.to_path_buf(),
        ..bundle
    })
}

/// Verifies a bundle given as bytes (`name` is used in messages). The fuzz target's entry point.
pub fn from_bytes(
    name: &str,
    bytes: Vec<u8>,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress) -> std::ops::ControlFlow<()>,
) -> Result<Bundle> {
    let refuse = |problem: String| SyncError::refused(name, problem);
    if bytes.is_empty() {
        return Err(refuse(
            "the file is empty; ask the sender to export it again".into(),
        ));
    }
    if bytes.len() as u64 > limits.max_file {
        return Err(refuse(format!(
            "the file is larger than the limit of {} MiB",
            limits.max_file / (1024 * 1024)
        )));
    }
    let sha256 = format::hex(&Sha256::digest(&bytes));
    let mut archive = ZipArchive::new(Cursor::new(&bytes[..]))
        .map_err(|e| refuse(format!("is not a Normdesk bundle (not a readable zip file: {e}); it may be damaged or truncated")))?;
    let names = check_entries(&mut archive, limits).map_err(refuse)?;
    check_mimetype(&mut archive, &names).map_err(refuse)?;
    let manifest = read_manifest(name, &mut archive, limits)?;
    check_listing(&manifest, &names).map_err(refuse)?;
    for entry in &manifest.entries {
        verify_entry(&mut archive, &manifest, entry, limits, progress).map_err(|e| match e {
            Verify::Problem(p) => refuse(p),
            Verify::Cancelled => SyncError::Cancelled,
        })?;
    }
    drop(archive);
    Ok(Bundle {
        path: PathBuf::from(name),
        name: name.to_owned(),
        sha256,
        manifest,
        bytes,
        limits: *limits,
    })
}

impl Bundle {
    /// The verified zip, read again from memory.
    pub fn archive(&self) -> Result<ZipArchive<Cursor<&[u8]>>> {
        ZipArchive::new(Cursor::new(&self.bytes[..]))
            .map_err(|e| SyncError::refused(&self.name, e.to_string()))
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }
}

/// The changes of a verified `changes.jsonl`, parsed line by line in batches.
pub struct ChangeLines<'n, R> {
    reader: BufReader<R>,
    line: Vec<u8>,
    max_line: usize,
    name: &'n str,
}

impl<'n, R: Read> ChangeLines<'n, R> {
    pub fn new(reader: R, name: &'n str, max_line: usize) -> Self {
        ChangeLines {
            reader: BufReader::with_capacity(1 << 16, reader),
            line: Vec::new(),
            max_line,
            name,
        }
    }

    /// Appends up to `batch` changes to `out`; `false` when the entry is exhausted.
    pub fn fill(&mut self, out: &mut Vec<Change>, batch: usize) -> Result<bool> {
        while out.len() < batch {
            if !next_line(&mut self.reader, &mut self.line, self.max_line)
                .map_err(|e| SyncError::refused(self.name, e))?
            {
                return Ok(false);
            }
            out.push(
                serde_json::from_slice(&self.line)
                    .map_err(|e| SyncError::refused(self.name, e.to_string()))?,
            );
        }
        Ok(true)
    }
}

/// Reads one line (without its newline) into `buf`; `false` at the end. A line longer than
/// `max` is an error, found without holding more than `max` bytes.
fn next_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> Result<bool, String> {
    buf.clear();
    loop {
        let available = reader
            .fill_buf()
            .map_err(|e| read_problem(CHANGES_ENTRY, &e.to_string()))?;
        if available.is_empty() {
            return Ok(!buf.is_empty());
        }
        let (part, done) = match available.iter().position(|b| *b == b'\n') {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        if buf.len() + part.len() > max {
            return Err(format!(
                "a line of {CHANGES_ENTRY} is longer than the limit of {max} bytes"
            ));
        }
        buf.extend_from_slice(part);
        let used = done.unwrap_or(part.len());
        reader.consume(used);
        if done.is_some() {
            return Ok(true);
        }
    }
}

/// Names and kinds of the zip's entries, in order, refusing anything that is not a plain file
/// with a plain relative name.
fn check_entries(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    limits: &Limits,
) -> Result<Vec<String>, String> {
    if archive.is_empty() {
        return Err("the zip has no entries; it is not a Normdesk bundle".into());
    }
    if archive.len() > limits.max_entries {
        return Err(format!(
            "the zip has {} entries; the limit is {}",
            archive.len(),
            limits.max_entries
        ));
    }
    if archive.has_duplicate_names() {
        return Err("the zip has two entries with the same name".into());
    }
    let mut names = Vec::with_capacity(archive.len());
    let mut total = 0u64;
    for i in 0..archive.len() {
        let file = archive
            .by_index_raw(i)
            .map_err(|e| format!("entry {i} cannot be read: {e}"))?;
        let name = std::str::from_utf8(file.name_raw())
            .map_err(|_| format!("entry {i} has a name that is not UTF-8"))?
            .to_owned();
        let bad_name = name.is_empty()
            || name.starts_with('/')
            || name.contains('\\')
            || name.contains('\0')
            || name.contains(':')
            || name
                .split('/')
                .any(|part| part.is_empty() || part == ".." || part == ".");
        if file.is_dir() || name.ends_with('/') {
            return Err(format!(
                "entry '{name}' is a directory; bundles hold plain files only"
            ));
        }
        if bad_name {
            return Err(format!(
                "entry '{name}' has a path outside the bundle (absolute, '..' or not a plain name)"
            ));
        }
        if file.is_symlink() || file.unix_mode().is_some_and(|m| m & 0o170000 == 0o120000) {
            return Err(format!(
                "entry '{name}' is a symbolic link; bundles hold plain files only"
            ));
        }
        if file.encrypted() {
            return Err(format!(
                "entry '{name}' is encrypted; bundles are never encrypted"
            ));
        }
        if !matches!(
            file.compression(),
            zip::CompressionMethod::Stored | zip::CompressionMethod::Deflated
        ) {
            return Err(format!(
                "entry '{name}' uses compression {:?}; bundles use only stored or deflate",
                file.compression()
            ));
        }
        if file.size() > limits.max_entry {
            return Err(format!(
                "entry '{name}' declares {} bytes; the limit is {}",
                file.size(),
                limits.max_entry
            ));
        }
        total = total.saturating_add(file.size());
        if total > limits.max_total {
            return Err(format!(
                "the entries declare more than the limit of {} bytes in all",
                limits.max_total
            ));
        }
        names.push(name);
    }
    Ok(names)
}

fn check_mimetype(archive: &mut ZipArchive<Cursor<&[u8]>>, names: &[String]) -> Result<(), String> {
    if names.first().map(String::as_str) != Some(MIMETYPE_ENTRY) {
        return Err(format!(
            "is not a Normdesk bundle (the first entry is not '{MIMETYPE_ENTRY}')"
        ));
    }
    let mut text = Vec::new();
    let file = archive
        .by_index(0)
        .map_err(|e| format!("'{MIMETYPE_ENTRY}' cannot be read: {e}"))?;
    file.take(MIMETYPE.len() as u64 + 1)
        .read_to_end(&mut text)
        .map_err(|e| format!("'{MIMETYPE_ENTRY}' cannot be read: {e}"))?;
    if text != MIMETYPE.as_bytes() {
        return Err(format!(
            "is not a Normdesk bundle ('{MIMETYPE_ENTRY}' is not {MIMETYPE})"
        ));
    }
    Ok(())
}

fn read_manifest(
    name: &str,
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    limits: &Limits,
) -> Result<Manifest> {
    let refuse = |p: String| SyncError::refused(name, p);
    let file = archive.by_name(MANIFEST_ENTRY).map_err(|_| {
        refuse(format!(
            "has no {MANIFEST_ENTRY}; it is not a Normdesk bundle"
        ))
    })?;
    let mut bytes = Vec::new();
    file.take(limits.max_manifest + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse(format!("{MANIFEST_ENTRY} cannot be read: {e}")))?;
    if bytes.len() as u64 > limits.max_manifest {
        return Err(refuse(format!(
            "{MANIFEST_ENTRY} is larger than the limit of {} bytes",
            limits.max_manifest
        )));
    }
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| refuse(format!("{MANIFEST_ENTRY} is not valid UTF-8")))?;
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| refuse(format!("{MANIFEST_ENTRY} is not valid JSON ({e})")))?;
    // Versions first, so that a newer manifest of another shape still says "update Normdesk".
    let version = |key: &str| value.get(key).and_then(serde_json::Value::as_u64);
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(refuse(format!(
            "{MANIFEST_ENTRY} does not say format \"{FORMAT}\"; it is not a Normdesk bundle"
        )));
    }
    if let Some(found) = version("format_version").filter(|v| *v > u64::from(FORMAT_VERSION)) {
        return Err(SyncError::Newer {
            file: name.to_owned(),
            what: "its format version",
            found,
            supported: FORMAT_VERSION.into(),
        });
    }
    if let Some(found) = version("schema_version").filter(|v| *v > u64::from(SCHEMA_VERSION)) {
        return Err(SyncError::Newer {
            file: name.to_owned(),
            what: "its schema version",
            found,
            supported: SCHEMA_VERSION.into(),
        });
    }
    let manifest: Manifest = serde_json::from_value(value)
        .map_err(|e| refuse(format!("{MANIFEST_ENTRY} is malformed: {e}")))?;
    if manifest.format_version == 0 || manifest.schema_version == 0 {
        return Err(refuse(format!(
            "{MANIFEST_ENTRY} gives version 0, which no Normdesk writes"
        )));
    }
    for (what, id) in [
        ("bundle_id", &manifest.bundle_id),
        ("origin id", &manifest.origin.id),
    ] {
        if uuid::Uuid::parse_str(id)
            .map(|u| u.hyphenated().to_string() != *id)
            .unwrap_or(true)
        {
            return Err(refuse(format!(
                "{MANIFEST_ENTRY}: {what} '{id}' is not a UUID"
            )));
        }
    }
    Ok(manifest)
}

/// Every entry is listed once, every listed entry exists, and there is one changes entry.
fn check_listing(manifest: &Manifest, names: &[String]) -> Result<(), String> {
    let mut listed = HashSet::new();
    for entry in &manifest.entries {
        if !listed.insert(entry.path.as_str()) {
            return Err(format!("{MANIFEST_ENTRY} lists '{}' twice", entry.path));
        }
        if !names.contains(&entry.path) {
            return Err(format!(
                "{MANIFEST_ENTRY} lists '{}' but the bundle has no such entry; the file is incomplete",
                entry.path
            ));
        }
        if entry.path == CHANGES_ENTRY && entry.kind != CHANGES_KIND {
            return Err(format!(
                "{MANIFEST_ENTRY} gives '{CHANGES_ENTRY}' the kind '{}'",
                entry.kind
            ));
        }
    }
    if !listed.contains(CHANGES_ENTRY) {
        return Err(format!("{MANIFEST_ENTRY} does not list '{CHANGES_ENTRY}'"));
    }
    for name in names {
        if name != MIMETYPE_ENTRY && name != MANIFEST_ENTRY && !listed.contains(name.as_str()) {
            return Err(format!(
                "entry '{name}' is not listed in {MANIFEST_ENTRY}; the bundle was altered"
            ));
        }
    }
    Ok(())
}

enum Verify {
    Problem(String),
    Cancelled,
}

impl From<String> for Verify {
    fn from(p: String) -> Self {
        Verify::Problem(p)
    }
}

/// A reader that hashes and counts what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Decompresses one listed entry in memory, measuring its size and SHA-256; the changes entry
/// is also parsed and checked line by line.
fn verify_entry(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    manifest: &Manifest,
    entry: &format::Entry,
    limits: &Limits,
    progress: &mut dyn FnMut(Progress) -> std::ops::ControlFlow<()>,
) -> Result<(), Verify> {
    let path = &entry.path;
    if entry.kind == BLOB_KIND {
        if format::digest_of(path).is_none() {
            return Err(format!(
                "entry '{path}' is an attachment file but is not named blobs/<sha256> (64 lower-case hex digits)"
            )
            .into());
        }
        if entry.size > limits.max_blob {
            return Err(format!(
                "entry '{path}' is an attachment file of {} bytes; the limit is {}",
                entry.size, limits.max_blob
            )
            .into());
        }
    }
    let file = archive
        .by_name(path)
        .map_err(|e| format!("entry '{path}' cannot be read: {e}"))?;
    let mut reader = BufReader::with_capacity(
        1 << 16,
        Hashing {
            inner: file.take(limits.max_entry + 1),
            hasher: Sha256::new(),
            bytes: 0,
        },
    );
    let damaged = |e: std::io::Error| read_problem(path, &e.to_string());
    let mut content_problem: Option<Verify> = None;
    let mut draft = Vec::new();
    if entry.kind == CHANGES_KIND {
        // A line that does not parse may only be damage: the entry's checksum decides. So a
        // content problem is kept while the rest of the entry is read through the hasher, and is
        // reported only if the bytes are the ones the sender wrote.
        let parsed = (|| -> Result<(), Verify> {
            let mut line = Vec::new();
            let mut n = 0u64;
            let mut by_entity = std::collections::BTreeMap::<String, u64>::new();
            let max_entry = limits.max_entry;
            let too_big = |reader: &BufReader<Hashing<_>>, problem: String| -> Verify {
                if reader.get_ref().bytes > max_entry {
                    format!("entry '{path}' expands beyond the limit of {max_entry} bytes (a decompression bomb?)").into()
                } else {
                    problem.into()
                }
            };
            while next_line(&mut reader, &mut line, limits.max_line)
                .map_err(|e| too_big(&reader, e))?
            {
                n += 1;
                let text = std::str::from_utf8(&line)
                    .map_err(|_| format!("{path} line {n}: not valid UTF-8"))?;
                let change: Change = serde_json::from_str(text)
                    .map_err(|e| format!("{path} line {n}: not a valid change ({e})"))?;
                change
                    .check()
                    .map_err(|e| format!("{path} line {n}: {e}"))?;
                *by_entity.entry(change.entity).or_default() += 1;
                if n.is_multiple_of(10_000)
                    && progress(Progress {
                        phase: Phase::Verify,
                        done: n as u32,
                        total: manifest.counts.changes as u32,
                    })
                    .is_break()
                {
                    return Err(Verify::Cancelled);
                }
            }
            if n != manifest.counts.changes || by_entity != manifest.counts.by_entity {
                return Err(format!(
                    "{path} holds {n} changes, but {MANIFEST_ENTRY} counts {}; the file was altered",
                    manifest.counts.changes
                )
                .into());
            }
            Ok(())
        })();
        match parsed {
            Err(Verify::Cancelled) => return Err(Verify::Cancelled),
            Err(problem) => {
                std::io::copy(&mut reader, &mut std::io::sink()).map_err(damaged)?;
                content_problem = Some(problem);
            }
            Ok(()) => {}
        }
    } else if entry.kind == DRAFT_KIND || entry.kind == REVIEWS_KIND {
        reader.read_to_end(&mut draft).map_err(damaged)?;
    } else {
        std::io::copy(&mut reader, &mut std::io::sink()).map_err(damaged)?;
    }
    let hashing = reader.into_inner();
    if hashing.bytes > limits.max_entry {
        return Err(format!(
            "entry '{path}' expands beyond the limit of {} bytes (a decompression bomb?)",
            limits.max_entry
        )
        .into());
    }
    if hashing.bytes != entry.size {
        return Err(format!(
            "entry '{path}' has {} bytes, but {MANIFEST_ENTRY} says {}; the file is damaged",
            hashing.bytes, entry.size
        )
        .into());
    }
    if format::hex(&hashing.hasher.finalize()) != entry.sha256 {
        return Err(format!(
            "checksum mismatch in '{path}'; the file is damaged — ask the sender to export it again"
        )
        .into());
    }
    if let Some(problem) = content_problem {
        return Err(problem);
    }
    if entry.kind == REVIEWS_KIND {
        if path != REVIEWS_ENTRY {
            return Err(format!(
                "entry '{path}' holds review items but is not named {REVIEWS_ENTRY}"
            )
            .into());
        }
        review_lines(path, &draft)?;
    }
    if entry.kind == BLOB_KIND && format::digest_of(path) != Some(entry.sha256.as_str()) {
        return Err(format!(
            "entry '{path}' holds bytes whose SHA-256 is {}, not the one its name gives; the bundle was altered",
            entry.sha256
        )
        .into());
    }
    if entry.kind == DRAFT_KIND {
        let Some(id) = format::draft_id_of(path) else {
            return Err(format!(
                "entry '{path}' is a draft text but is not named drafts/<draft id>.am"
            )
            .into());
        };
        if entry
            .extra
            .get("draft_id")
            .is_some_and(|d| d.as_str() != Some(id))
        {
            return Err(format!("entry '{path}' names another draft in {MANIFEST_ENTRY}").into());
        }
        normdesk_text::bundle::check(&draft)
            .map_err(|e| format!("entry '{path}' is not a readable draft text ({e})"))?;
    }
    Ok(())
}

/// The review items of a `reviews.jsonl` entry, each line checked; a problem names the line.
pub(crate) fn review_lines(
    path: &str,
    bytes: &[u8],
) -> Result<Vec<normdesk_text::reviews::Carried>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| format!("{path}: not valid UTF-8"))?;
    let mut items = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let item: normdesk_text::reviews::Carried = serde_json::from_str(line)
            .map_err(|e| format!("{path} line {n}: not a valid review item ({e})"))?;
        item.check().map_err(|e| format!("{path} line {n}: {e}"))?;
        items.push(item);
    }
    Ok(items)
}

/// Why an entry could not be decompressed, in words: more bytes than its header declared is a
/// decompression bomb's signature.
fn read_problem(path: &str, error: &str) -> String {
    if error.contains("larger than its declared") {
        format!("entry '{path}' expands beyond its declared size (a decompression bomb?)")
    } else {
        format!("entry '{path}' cannot be decompressed ({error}); the file is damaged")
    }
}
