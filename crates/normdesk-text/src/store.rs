//! Where a draft's document lives in the store: `draft_doc` (the compacted save, heads, length),
//! `draft_chunk` (one change per editing pause, appended until compaction) and the plain copy in
//! `draft.body`. Every function takes the caller's connection (a transaction), so a document and
//! the records written with it commit together.

use rusqlite::{Connection, OptionalExtension, params};

use crate::Result;
use crate::doc::{Doc, heads_text};

/// Chunks kept before the document is compacted into one save.
pub const COMPACT_AFTER: i64 = 64;

/// A chunk larger than this (a pasted or replaced passage, `text set` of a whole file) is
/// compacted into the save at once: loading a large change from a chunk takes about ten times as
/// long as loading it from a compacted save (2.6 s against 0.3 s for 1 MB).
pub const COMPACT_CHUNK_BYTES: usize = 64 * 1024;

/// A document as stored: the whole save and the chunks saved after it, in order.
pub type SavedDoc = (Vec<u8>, Vec<Vec<u8>>);

/// The stored bytes of a draft's document, if this workstation has it.
pub fn read(conn: &Connection, draft_id: &str) -> Result<Option<SavedDoc>> {
    let am: Option<Vec<u8>> = conn
        .prepare_cached("SELECT am FROM draft_doc WHERE draft_id = ?1")?
        .query_row([draft_id], |r| r.get(0))
        .optional()?;
    let Some(am) = am else { return Ok(None) };
    let chunks: Vec<Vec<u8>> = conn
        .prepare_cached("SELECT am FROM draft_chunk WHERE draft_id = ?1 ORDER BY seq")?
        .query_map([draft_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(Some((am, chunks)))
}

/// The stored document of a draft, if this workstation has it.
pub fn load(conn: &Connection, draft_id: &str) -> Result<Option<Doc>> {
    let Some((am, chunks)) = read(conn, draft_id)? else {
        return Ok(None);
    };
    Ok(Some(Doc::load(
        &am,
        &chunks,
        Some(&crate::doc::new_actor()),
    )?))
}

/// The stored heads (after the chunks).
pub fn stored_heads(conn: &Connection, draft_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT heads FROM draft_doc WHERE draft_id = ?1")?
        .query_row([draft_id], |r| r.get(0))
        .optional()?)
}

/// Writes the whole document (compacted) and the plain copy.
pub fn save_full(conn: &Connection, draft_id: &str, doc: &mut Doc) -> Result<()> {
    let text = doc.text();
    write_full(conn, draft_id, doc, &text)
}

/// [`save_full`] with the document's text already read (`text` is `doc.text()`).
fn write_full(conn: &Connection, draft_id: &str, doc: &mut Doc, text: &str) -> Result<()> {
    let bytes = doc.save();
    let heads = heads_text(&doc.heads());
    conn.prepare_cached(
        "INSERT INTO draft_doc (draft_id, am, heads, chars) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(draft_id) DO UPDATE SET am = excluded.am, heads = excluded.heads, chars = excluded.chars",
    )?
    .execute(params![draft_id, bytes, heads, text.chars().count() as i64])?;
    conn.prepare_cached("DELETE FROM draft_chunk WHERE draft_id = ?1")?
        .execute([draft_id])?;
    set_body(conn, draft_id, text)
}

/// Appends the changes made since `before` as a chunk (one editing pause) and refreshes the
/// plain copy (`text`, the document's text: the caller has read it, a megabyte costs ~15 ms a
/// read); compacts when the chunks pile up or the chunk is large.
pub fn save_chunk(
    conn: &Connection,
    draft_id: &str,
    doc: &mut Doc,
    chunk: Vec<u8>,
    text: &str,
) -> Result<()> {
    let next: i64 = conn
        .prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM draft_chunk WHERE draft_id = ?1")?
        .query_row([draft_id], |r| r.get(0))?;
    if next > COMPACT_AFTER || chunk.len() > COMPACT_CHUNK_BYTES {
        return write_full(conn, draft_id, doc, text);
    }
    conn.prepare_cached("INSERT INTO draft_chunk (draft_id, seq, am) VALUES (?1, ?2, ?3)")?
        .execute(params![draft_id, next, chunk])?;
    conn.prepare_cached("UPDATE draft_doc SET heads = ?2, chars = ?3 WHERE draft_id = ?1")?
        .execute(params![
            draft_id,
            heads_text(&doc.heads()),
            text.chars().count() as i64
        ])?;
    set_body(conn, draft_id, text)
}

/// The plain copy of the text, for search, packets and printing (not a replicated field).
pub fn set_body(conn: &Connection, draft_id: &str, text: &str) -> Result<()> {
    conn.prepare_cached("UPDATE draft SET body = ?2 WHERE id = ?1 AND body != ?2")?
        .execute(params![draft_id, text])?;
    Ok(())
}

/// Drafts whose plain copy does not match their document (a document that arrived before its
/// draft record): their copies are written again.
pub fn repair_bodies(conn: &Connection) -> Result<u32> {
    let ids: Vec<String> = conn
        .prepare("SELECT d.id FROM draft d JOIN draft_doc x ON x.draft_id = d.id WHERE length(d.body) != x.chars")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in &ids {
        if let Some(doc) = load(conn, id)? {
            set_body(conn, id, &doc.text())?;
        }
    }
    Ok(ids.len() as u32)
}
