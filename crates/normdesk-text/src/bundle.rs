//! Drafts in bundles, for `normdesk-sync`: the documents to carry (`drafts/<id>.am`, the whole
//! compacted document), the check that an incoming one loads (before anything is written), and
//! its merge into the store inside the import's transaction — with the plain copy refreshed and
//! the passages both sides changed flagged for review.

use std::collections::HashSet;

use automerge::ChangeHash;
use rusqlite::{Connection, OptionalExtension, params};

use crate::doc::{Doc, heads_text};
use crate::markup::{self, utf16_len};
use crate::{Result, review, reviews, store};

/// One draft document to carry.
pub struct Outgoing {
    pub draft_id: String,
    pub bytes: Vec<u8>,
    /// Heads as stored (hex, comma-separated).
    pub heads: String,
}

/// The documents a bundle for `peer` carries: every live draft's document whose heads differ
/// from those the peer last showed us (all of them for a full bundle, `peer` `None`).
/// Documents with pending chunks are compacted first.
pub fn outgoing(conn: &Connection, peer: Option<&str>) -> Result<Vec<Outgoing>> {
    let rows: Vec<(String, String, Option<String>, i64)> = conn
        .prepare(
            "SELECT x.draft_id, x.heads, p.heads, (SELECT count(*) FROM draft_chunk c WHERE c.draft_id = x.draft_id)
             FROM draft_doc x LEFT JOIN draft d ON d.id = x.draft_id
             LEFT JOIN draft_peer p ON p.draft_id = x.draft_id AND p.peer_id = ?1
             WHERE coalesce(d.deleted, 0) = 0 ORDER BY x.draft_id",
        )?
        .query_map([peer.unwrap_or("")], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (draft_id, heads, peer_heads, chunks) in rows {
        if peer.is_some() && peer_heads.as_deref() == Some(heads.as_str()) {
            continue;
        }
        if chunks > 0
            && let Some(mut doc) = store::load(conn, &draft_id)?
        {
            store::save_full(conn, &draft_id, &mut doc)?;
        }
        let bytes: Vec<u8> = conn.query_row(
            "SELECT am FROM draft_doc WHERE draft_id = ?1",
            [&draft_id],
            |r| r.get(0),
        )?;
        out.push(Outgoing {
            draft_id,
            bytes,
            heads,
        });
    }
    Ok(out)
}

/// The heads of every live draft text here (draft id → heads), for a bundle's manifest.
pub fn held(conn: &Connection) -> Result<std::collections::BTreeMap<String, Vec<String>>> {
    let rows = conn
        .prepare("SELECT x.draft_id, x.heads FROM draft_doc x LEFT JOIN draft d ON d.id = x.draft_id WHERE coalesce(d.deleted, 0) = 0")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .into_iter()
        .map(|(id, h)| {
            (
                id,
                h.split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )
        })
        .collect())
}

/// Remembers the heads a colleague showed us it holds for a draft (heads sorted and joined as
/// stored; ids that are not UUIDs are ignored).
pub fn record_peer(conn: &Connection, peer: &str, draft_id: &str, heads: &str) -> Result<()> {
    if uuid::Uuid::parse_str(draft_id).is_err() {
        return Ok(());
    }
    let mut list: Vec<&str> = heads.split(',').filter(|s| !s.is_empty()).collect();
    list.sort_unstable();
    conn.prepare_cached(
        "INSERT INTO draft_peer (peer_id, draft_id, heads) VALUES (?1, ?2, ?3)
         ON CONFLICT(peer_id, draft_id) DO UPDATE SET heads = excluded.heads",
    )?
    .execute(params![peer, draft_id, list.join(",")])?;
    Ok(())
}

/// Checks that bytes are a draft document (they load, with a text body); the heads they hold.
pub fn check(bytes: &[u8]) -> Result<String> {
    let mut doc = Doc::load(bytes, &[], None)?;
    Ok(heads_text(&doc.heads()))
}

/// What merging one incoming document did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// The text here changed.
    pub changed: bool,
    /// Passages flagged for review.
    pub reviews: u32,
}

/// Merges an incoming document of `draft_id` (from the workstation `from`, named `from_name`)
/// into the store, in the caller's transaction. A document this store does not have yet is kept
/// as it came (that is how a draft created elsewhere arrives: never a second document).
pub fn merge(
    conn: &Connection,
    draft_id: &str,
    bytes: &[u8],
    from: &str,
    from_name: &str,
) -> Result<Merged> {
    let mut incoming = Doc::load(bytes, &[], None)?;
    record_peer(conn, from, draft_id, &heads_text(&incoming.heads()))?;
    let Some(mut local) = store::load(conn, draft_id)? else {
        store::save_full(conn, draft_id, &mut incoming)?;
        return Ok(Merged {
            changed: true,
            reviews: 0,
        });
    };
    let ours_only = incoming.missing_from(&mut local);
    let theirs_only = local.missing_from(&mut incoming);
    if theirs_only.is_empty() {
        return Ok(Merged::default());
    }
    let ours_text = local.text();
    let mut base_heads: Vec<ChangeHash> = Vec::new();
    if !ours_only.is_empty() {
        // The common ancestor: what the changes of either side build on, that neither side
        // alone has, plus heads both sides share.
        let new: HashSet<ChangeHash> = ours_only.iter().chain(&theirs_only).map(|c| c.0).collect();
        let mut seen = HashSet::new();
        for dep in ours_only
            .iter()
            .chain(&theirs_only)
            .flat_map(|c| c.1.iter())
            .chain(local.heads().iter())
            .chain(incoming.heads().iter())
        {
            if !new.contains(dep) && seen.insert(*dep) {
                base_heads.push(*dep);
            }
        }
    }
    let theirs_text = incoming.text();
    local.merge(&mut incoming)?;
    let merged_text = local.text();
    store::save_full(conn, draft_id, &mut local)?;
    let mut flagged = 0;
    if !ours_only.is_empty() {
        let base_text = local.text_at(&base_heads)?;
        let ours_name: String = conn
            .query_row("SELECT name FROM replica_self", [], |r| r.get(0))
            .optional()?
            .unwrap_or_default();
        let headings = markup::outline(&merged_text);
        for item in review::overlaps(&base_text, &ours_text, &theirs_text, &merged_text) {
            let line = item.merged_line as u32;
            let clause = headings
                .iter()
                .rev()
                .find(|h| h.line <= line)
                .map(|h| h.number.clone())
                .unwrap_or_default();
            let pos: usize = merged_text
                .split_inclusive('\n')
                .take(item.merged_line)
                .map(utf16_len)
                .sum();
            reviews::insert(
                conn, draft_id, &item, &clause, pos as u32, &ours_name, from_name,
            )?;
            flagged += 1;
        }
    }
    Ok(Merged {
        changed: merged_text != ours_text,
        reviews: flagged,
    })
}

/// After an import: plain copies of drafts whose record arrived after their document.
pub fn repair(conn: &Connection) -> Result<u32> {
    store::repair_bodies(conn)
}
