//! "Merged — please review": passages both sides changed, kept on the workstation that merged
//! them (`draft_review`) with the common ancestor's, each side's and the merged version, until
//! someone confirms the merged text (or edits it, then confirms).

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::{Result, TextError};

/// One passage to review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReviewItem {
    pub id: String,
    pub draft_id: String,
    pub detected_at: String,
    /// The clause the passage is in (merged text), `""` before the first clause.
    pub clause: String,
    /// Where the passage started in the merged text (UTF-16 units) when it was merged.
    pub merged_pos: u32,
    /// The passage as both sides had it before.
    pub base: String,
    /// This workstation's version and who wrote it.
    pub ours: String,
    pub ours_author: String,
    /// The colleague's version and who wrote it.
    pub theirs: String,
    pub theirs_author: String,
    /// What the merge made of it.
    pub merged: String,
}

/// Open review items of a draft, in text order.
pub fn list(conn: &Connection, draft_id: &str) -> Result<Vec<ReviewItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, draft_id, detected_at, clause, merged_pos, base, ours, ours_author, theirs, theirs_author, merged
         FROM draft_review WHERE draft_id = ?1 AND confirmed_at IS NULL ORDER BY merged_pos, id",
    )?;
    let rows = stmt.query_map([draft_id], |r| {
        Ok(ReviewItem {
            id: r.get(0)?,
            draft_id: r.get(1)?,
            detected_at: r.get(2)?,
            clause: r.get(3)?,
            merged_pos: r.get(4)?,
            base: r.get(5)?,
            ours: r.get(6)?,
            ours_author: r.get(7)?,
            theirs: r.get(8)?,
            theirs_author: r.get(9)?,
            merged: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Marks a passage as reviewed.
pub fn confirm(conn: &Connection, review_id: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE draft_review SET confirmed_at = ?2 WHERE id = ?1 AND confirmed_at IS NULL",
        params![
            review_id,
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ],
    )?;
    if n == 0 {
        return Err(TextError::Core(normdesk_core::CoreError::not_found(
            "review item",
            review_id,
        )));
    }
    Ok(())
}

pub(crate) fn insert(
    conn: &Connection,
    draft_id: &str,
    item: &crate::review::Overlap,
    clause: &str,
    merged_pos: u32,
    ours_author: &str,
    theirs_author: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO draft_review (id, draft_id, detected_at, clause, merged_pos, base, ours, ours_author, theirs, theirs_author, merged)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        uuid::Uuid::now_v7().to_string(),
        draft_id,
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        clause,
        merged_pos,
        item.base,
        item.ours,
        ours_author,
        item.theirs,
        theirs_author,
        item.merged
    ])?;
    Ok(())
}
