//! Files kept in the store, owned by a statement, a project or a comment: add (from bytes or a
//! file), list, read the bytes back (checked against their SHA-256), save to a file for the
//! system's viewer, remove. At most [`MAX_ATTACHMENT_BYTES`] each.
//!
//! The bytes sit in the row's `data` column; the replicated fields are the owner, name, media
//! type, `sha256` and `size`, so the change log carries the digest, not the bytes (see
//! docs/data-model.md, "Attachments"). Files are immutable: to replace one, remove it and add
//! the new one. The bytes travel in bundles as `blobs/<sha256>` entries: [`blob`] gives them
//! to the bundle writer, [`receive`] keeps them on import.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use specta::Type;

use crate::error::{CoreError, Result};
use crate::projects::parse_id;
use crate::schema::ATTACHMENT;
pub use crate::schema::MAX_ATTACHMENT_BYTES;
use crate::writer::Writer;

/// An attachment's metadata (the bytes come from [`bytes`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Attachment {
    pub id: String,
    /// "statement", "project" or "comment".
    pub owner_kind: String,
    pub owner_id: String,
    pub name: String,
    pub media_type: String,
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
    /// Bytes.
    pub size: u32,
}

/// Adds a file to a record. `name` is the file name (any folder part is dropped); the media type
/// is guessed from its extension when not given.
pub fn add(
    w: &mut Writer<'_>,
    owner_kind: &str,
    owner_id: &str,
    name: &str,
    media_type: Option<&str>,
    bytes: &[u8],
) -> Result<Attachment> {
    let name = file_name(name)?;
    check_size(&name, bytes.len() as u64)?;
    let owner_id = parse_id(owner_id)?;
    let sha256 = hex(&Sha256::digest(bytes));
    let media_type = media_type
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| media_type_for(&name));
    let mut values = Map::new();
    values.insert("owner_kind".into(), Value::String(owner_kind.to_owned()));
    values.insert("owner_id".into(), Value::String(owner_id.clone()));
    values.insert("name".into(), Value::String(name.clone()));
    values.insert("media_type".into(), Value::String(media_type.to_owned()));
    values.insert("sha256".into(), Value::String(sha256.clone()));
    values.insert("size".into(), Value::from(bytes.len() as i64));
    let id = uuid::Uuid::now_v7().to_string();
    w.insert(&ATTACHMENT, &id, values)?;
    w.put_attachment_bytes(&id, bytes)?;
    Ok(Attachment {
        id,
        owner_kind: owner_kind.to_owned(),
        owner_id,
        name,
        media_type: media_type.to_owned(),
        sha256,
        size: bytes.len() as u32,
    })
}

/// Adds the file at `path` (its size is checked before it is read).
pub fn add_file(
    w: &mut Writer<'_>,
    owner_kind: &str,
    owner_id: &str,
    path: &Path,
) -> Result<Attachment> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let len = std::fs::metadata(path)
        .map_err(|e| CoreError::io(path, e))?
        .len();
    check_size(&name, len)?;
    let bytes = std::fs::read(path).map_err(|e| CoreError::io(path, e))?;
    add(w, owner_kind, owner_id, &name, None, &bytes)
}

/// The live attachments of a record, by name.
pub fn list(conn: &Connection, owner_kind: &str, owner_id: &str) -> Result<Vec<Attachment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, owner_kind, owner_id, name, media_type, sha256, size FROM attachment
         WHERE owner_kind = ?1 AND owner_id = ?2 AND deleted = 0 ORDER BY name, id",
    )?;
    let rows = stmt.query_map([owner_kind, owner_id], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One attachment's metadata.
pub fn get(conn: &Connection, id: &str) -> Result<Attachment> {
    let id = parse_id(id)?;
    conn.prepare_cached(
        "SELECT id, owner_kind, owner_id, name, media_type, sha256, size FROM attachment WHERE id = ?1 AND deleted = 0",
    )?
    .query_row([&id], row)
    .optional()?
    .ok_or_else(|| CoreError::not_found("attachment", &id))
}

/// The bytes of an attachment, checked against the stored digest.
pub fn bytes(conn: &Connection, id: &str) -> Result<Vec<u8>> {
    let meta = get(conn, id)?;
    let data: Option<Vec<u8>> = conn
        .prepare_cached("SELECT data FROM attachment WHERE id = ?1")?
        .query_row([&meta.id], |r| r.get(0))?;
    let data = data.ok_or_else(|| {
        CoreError::invalid(
            "attachment",
            format!(
                "the file {} has not arrived on this workstation yet",
                meta.name
            ),
        )
    })?;
    if hex(&Sha256::digest(&data)) != meta.sha256 {
        return Err(CoreError::Corrupt(format!(
            "attachment {} ({}) does not match its SHA-256",
            meta.name, meta.id
        )));
    }
    Ok(data)
}

/// Writes an attachment's bytes to `dest` (for opening with the system's viewer).
pub fn save_to(conn: &Connection, id: &str, dest: &Path) -> Result<Attachment> {
    let data = bytes(conn, id)?;
    std::fs::write(dest, data).map_err(|e| CoreError::io(dest, e))?;
    get(conn, id)
}

/// The bytes held here for a digest (from any live attachment naming it), for a bundle's
/// `blobs/<sha256>` entry; `None` when they have not arrived here either.
pub fn blob(conn: &Connection, sha256: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached(
            "SELECT data FROM attachment WHERE sha256 = ?1 AND deleted = 0 AND data IS NOT NULL LIMIT 1",
        )?
        .query_row([sha256], |r| r.get(0))
        .optional()?)
}

/// Keeps bytes that arrived from another workstation: they go into every attachment naming
/// their digest that lacks its bytes. Bytes that do not match `sha256` are refused and nothing
/// is written. Returns how many attachments got their bytes. `data` is not a field: nothing
/// is logged.
pub fn receive(conn: &Connection, sha256: &str, bytes: &[u8]) -> Result<u32> {
    let actual = hex(&Sha256::digest(bytes));
    if actual != sha256 {
        return Err(CoreError::invalid(
            "sha256",
            format!("the bytes for {sha256} have the SHA-256 {actual}; they are not that file"),
        ));
    }
    check_size(sha256, bytes.len() as u64)?;
    let filled = conn
        .prepare_cached("UPDATE attachment SET data = ?2 WHERE sha256 = ?1 AND data IS NULL")?
        .execute(rusqlite::params![sha256, bytes])?;
    Ok(filled as u32)
}

/// Attachments whose bytes have not arrived get them from another attachment here with the
/// same digest (the same file attached twice). Returns how many were filled.
pub fn fill_from_copies(conn: &Connection) -> Result<u32> {
    let filled = conn
        .prepare_cached(
            "UPDATE attachment SET data = (SELECT b.data FROM attachment b
                 WHERE b.sha256 = attachment.sha256 AND b.data IS NOT NULL LIMIT 1)
             WHERE data IS NULL
               AND EXISTS (SELECT 1 FROM attachment b WHERE b.sha256 = attachment.sha256 AND b.data IS NOT NULL)",
        )?
        .execute([])?;
    Ok(filled as u32)
}

/// Removes an attachment (logged in its statement's events).
pub fn remove(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&ATTACHMENT, &parse_id(id)?)
}

/// The media type for a file name's extension; `application/octet-stream` when unknown.
pub fn media_type_for(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "html" | "htm" => "text/html",
        "xml" => "application/xml",
        "json" => "application/json",
        "zip" => "application/zip",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// "512 B", "12.3 KB", "4.0 MB".
pub fn human_size(bytes: i64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

fn check_size(name: &str, len: u64) -> Result<()> {
    if len > MAX_ATTACHMENT_BYTES as u64 {
        return Err(CoreError::invalid(
            "size",
            format!(
                "{name} is {}; an attachment can be at most {} — compress it or split it",
                human_size(len as i64),
                human_size(MAX_ATTACHMENT_BYTES)
            ),
        ));
    }
    Ok(())
}

fn file_name(name: &str) -> Result<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    if base.is_empty() || base == "." || base == ".." {
        return Err(CoreError::invalid(
            "name",
            "give the attachment a file name (for example minutes.pdf)",
        ));
    }
    Ok(base.to_owned())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        owner_kind: r.get(1)?,
        owner_id: r.get(2)?,
        name: r.get(3)?,
        media_type: r.get(4)?,
        sha256: r.get(5)?,
        size: r.get::<_, i64>(6)?.clamp(0, u32::MAX as i64) as u32,
    })
}
