//! "Merged — please review": passages both sides changed, kept (`draft_review`) with the common
//! ancestor's, each side's and the merged version, until someone confirms the merged text (or
//! edits it, then confirms).
//!
//! Items and their confirmations travel in bundles ([`Carried`], `reviews.jsonl`): a colleague
//! who receives the merged text sees the passage flagged too, and a confirmation made anywhere
//! closes it everywhere, passed on like any change (A → B → C). An item's id is derived from the
//! draft and the passage (its ancestor and the two versions, in either order), so workstations
//! that find the same passage hold one item; when several confirm it, the earliest confirmation
//! (time, then name) is kept everywhere.

use rusqlite::{Connection, OptionalExtension, params};
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

/// The columns [`carried`] reads, in its order.
const COLUMNS: &str =
    "r.id, r.draft_id, r.detected_at, r.clause, r.merged_pos, r.base, r.ours, r.ours_author,
    r.theirs, r.theirs_author, r.merged, r.confirmed_at, r.confirmed_by";

/// One `draft_review` row selected with [`COLUMNS`].
fn carried(r: &rusqlite::Row<'_>) -> rusqlite::Result<Carried> {
    Ok(Carried {
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
        confirmed_at: r.get(11)?,
        confirmed_by: r.get(12)?,
    })
}

/// Open review items of a draft, in text order.
pub fn list(conn: &Connection, draft_id: &str) -> Result<Vec<ReviewItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM draft_review r
         WHERE r.draft_id = ?1 AND r.confirmed_at IS NULL ORDER BY r.merged_pos, r.id"
    ))?;
    let rows = stmt.query_map([draft_id], carried)?;
    Ok(rows
        .map(|row| {
            row.map(|c| ReviewItem {
                id: c.id,
                draft_id: c.draft_id,
                detected_at: c.detected_at,
                clause: c.clause,
                merged_pos: c.merged_pos,
                base: c.base,
                ours: c.ours,
                ours_author: c.ours_author,
                theirs: c.theirs,
                theirs_author: c.theirs_author,
                merged: c.merged,
            })
        })
        .collect::<Result<_, _>>()?)
}

/// Marks a passage as reviewed, by this workstation (the confirmation travels in bundles).
pub fn confirm(conn: &Connection, review_id: &str) -> Result<()> {
    let by: String = conn
        .query_row("SELECT name FROM replica_self", [], |r| r.get(0))
        .optional()?
        .unwrap_or_default();
    let n = conn.execute(
        "UPDATE draft_review SET confirmed_at = ?2, confirmed_by = ?3 WHERE id = ?1 AND confirmed_at IS NULL",
        params![
            review_id,
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            by
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

/// The id of the item for a passage of a draft: the same on every workstation that finds it,
/// whichever side it calls "ours".
fn item_id(draft_id: &str, item: &crate::review::Overlap) -> String {
    const NS: uuid::Uuid = uuid::Uuid::from_u128(0x6e6f726d_6465_736b_8000_726576696577);
    let (a, b) = if item.ours <= item.theirs {
        (&item.ours, &item.theirs)
    } else {
        (&item.theirs, &item.ours)
    };
    let key = serde_json::json!([draft_id, item.base, a, b]).to_string();
    uuid::Uuid::new_v5(&NS, key.as_bytes()).to_string()
}

/// Flags a passage found by a merge here; one this workstation already holds (found before,
/// received, or confirmed) stays as it is.
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
        "INSERT OR IGNORE INTO draft_review (id, draft_id, detected_at, clause, merged_pos, base, ours, ours_author, theirs, theirs_author, merged)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        item_id(draft_id, item),
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

/// A review item as a line of a bundle's `reviews.jsonl` (docs/bundle-format.md): the item as
/// the workstation that found it recorded it ("ours" is that workstation's side) and, once
/// someone confirmed it, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carried {
    pub id: String,
    pub draft_id: String,
    pub detected_at: String,
    pub clause: String,
    pub merged_pos: u32,
    pub base: String,
    pub ours: String,
    pub ours_author: String,
    pub theirs: String,
    pub theirs_author: String,
    pub merged: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_at: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub confirmed_by: String,
}

impl Carried {
    /// The checks a bundle reader makes before anything is written: ids are canonical UUIDs,
    /// times RFC 3339, a confirmer only with a confirmation.
    pub fn check(&self) -> std::result::Result<(), String> {
        for (name, id) in [("id", &self.id), ("draft_id", &self.draft_id)] {
            if uuid::Uuid::parse_str(id)
                .map(|u| u.hyphenated().to_string() != *id)
                .unwrap_or(true)
            {
                return Err(format!("{name} '{id}' is not a lower-case UUID"));
            }
        }
        for (name, at) in [
            ("detected_at", Some(&self.detected_at)),
            ("confirmed_at", self.confirmed_at.as_ref()),
        ] {
            if let Some(at) = at
                && chrono::DateTime::parse_from_rfc3339(at).is_err()
            {
                return Err(format!("{name} '{at}' is not an RFC 3339 time"));
            }
        }
        if self.confirmed_at.is_none() && !self.confirmed_by.is_empty() {
            return Err("confirmed_by without confirmed_at".into());
        }
        Ok(())
    }
}

/// Every review item of a live draft, open or confirmed, for a bundle (in id order).
pub fn outgoing(conn: &Connection) -> Result<Vec<Carried>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM draft_review r LEFT JOIN draft d ON d.id = r.draft_id
         WHERE coalesce(d.deleted, 0) = 0 ORDER BY r.id"
    ))?;
    let rows = stmt.query_map([], carried)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Takes in the review items of a bundle, in the import's transaction: items not held here are
/// added as they came; a confirmation closes the item here, or replaces a later one. Returns
/// how many items were added or confirmed here.
pub fn merge(conn: &Connection, items: &[Carried]) -> Result<u32> {
    let mut changed = 0;
    for c in items {
        changed += conn
            .prepare_cached(
                "INSERT OR IGNORE INTO draft_review (id, draft_id, detected_at, clause, merged_pos, base, ours, ours_author,
                     theirs, theirs_author, merged, confirmed_at, confirmed_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                c.id, c.draft_id, c.detected_at, c.clause, c.merged_pos, c.base, c.ours, c.ours_author,
                c.theirs, c.theirs_author, c.merged, c.confirmed_at, c.confirmed_by
            ])?;
        if let Some(at) = &c.confirmed_at {
            changed += conn
                .prepare_cached(
                    "UPDATE draft_review SET confirmed_at = ?2, confirmed_by = ?3
                     WHERE id = ?1 AND (confirmed_at IS NULL OR confirmed_at > ?2
                         OR (confirmed_at = ?2 AND confirmed_by > ?3))",
                )?
                .execute(params![c.id, at, c.confirmed_by])?;
        }
    }
    Ok(changed as u32)
}
