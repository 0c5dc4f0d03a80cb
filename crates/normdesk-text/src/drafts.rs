//! The draft editor's API: one function per Tauri command, each taking the store (and the
//! [`Drafts`] cache of loaded documents the app keeps in its state), all typed for IPC.
//!
//! Editing: the editor sends the splices of one editing pause to [`apply`]; they are committed as
//! **one** Automerge change and persisted (a chunk and the plain copy) in one transaction before
//! the call returns — what returned is on disk. [`set_text`] and [`renumber`] turn a whole new
//! text into a minimal edit and return the splices the editor applies to its buffer.
//!
//! A draft and its document are created together, once, by [`create`]; a draft record that came
//! from a colleague without its document yet is shown as "not arrived" and never gets a second
//! document here (SYNC.md, automerge#528).

use std::collections::HashMap;

use normdesk_core::schema::{DRAFT, REVISION};
use normdesk_core::{CoreError, Source, Store};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use specta::Type;

use crate::diff::{self, Splice, TextDiff};
use crate::doc::{Doc, heads_text};
use crate::markup::{self, ClauseHit, Counts, Heading};
use crate::{Result, TextError, store};

/// The documents this program has loaded, by draft id, with the heads they were stored at. A
/// document changed in the store by another program (the CLI, an import) is loaded again.
#[derive(Default)]
pub struct Drafts {
    docs: HashMap<String, Doc>,
}

impl Drafts {
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets a loaded document (when its editor closes).
    pub fn close(&mut self, draft_id: &str) {
        self.docs.remove(draft_id);
    }

    /// The up-to-date document of a draft, loaded if needed, inside the caller's transaction.
    fn get<'a>(&'a mut self, conn: &Connection, draft_id: &str) -> Result<&'a mut Doc> {
        let stored = store::stored_heads(conn, draft_id)?
            .ok_or_else(|| TextError::NotArrived(draft_id.to_owned()))?;
        let fresh = match self.docs.get_mut(draft_id) {
            Some(doc) => heads_text(&doc.heads()) == stored,
            None => false,
        };
        if !fresh {
            let doc = store::load(conn, draft_id)?
                .ok_or_else(|| TextError::NotArrived(draft_id.to_owned()))?;
            self.docs.insert(draft_id.to_owned(), doc);
        }
        Ok(self.docs.get_mut(draft_id).expect("inserted above"))
    }

    /// Loads a document read by [`stored`] (the slow part: about a second for a 1 MB draft),
    /// without the store, so the app can hold only this cache — not the database — meanwhile.
    /// An edit waiting for the cache then finds the document loaded.
    pub fn load_stored(&mut self, stored: Option<StoredDoc>) -> Result<()> {
        let Some(stored) = stored else { return Ok(()) };
        if let Some(doc) = self.docs.get_mut(&stored.draft_id)
            && heads_text(&doc.heads()) == stored.heads
        {
            return Ok(());
        }
        let doc = Doc::load(&stored.am, &stored.chunks, Some(&crate::doc::new_actor()))?;
        self.docs.insert(stored.draft_id, doc);
        Ok(())
    }
}

/// A draft's document as stored (whole save and chunks), read quickly under the store's lock.
pub struct StoredDoc {
    draft_id: String,
    heads: String,
    am: Vec<u8>,
    chunks: Vec<Vec<u8>>,
}

/// Reads a draft's stored document for [`Drafts::load_stored`] (`None` when the text has not
/// arrived).
pub fn stored(conn: &Connection, draft_id: &str) -> Result<Option<StoredDoc>> {
    let draft_id = normdesk_core::projects::parse_id(draft_id)?;
    let Some((am, chunks)) = store::read(conn, &draft_id)? else {
        return Ok(None);
    };
    let heads = store::stored_heads(conn, &draft_id)?.unwrap_or_default();
    Ok(Some(StoredDoc {
        draft_id,
        heads,
        am,
        chunks,
    }))
}

/// A selection or cursor in the editor (UTF-16 units; `anchor == head` is a cursor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Selection {
    pub anchor: u32,
    pub head: u32,
}

/// A draft in a project's list of drafts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DraftSummary {
    pub id: String,
    pub project_id: String,
    pub lang: String,
    /// Characters of text (0 also when the text has not arrived).
    pub chars: u32,
    /// Whether this workstation has the draft's text (a colleague's new draft may arrive as a
    /// record first and its text with a later bundle).
    pub has_text: bool,
    pub open_reviews: u32,
}

/// What the editor needs to show a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DraftView {
    pub id: String,
    pub project_id: String,
    pub lang: String,
    pub text: String,
    /// Where the cursor was when the draft was last edited here.
    pub selection: Option<Selection>,
    pub outline: Vec<Heading>,
    pub counts: Counts,
    pub open_reviews: u32,
    pub revisions: Vec<RevisionRow>,
}

/// What an edit did: the splices the editor must apply to its buffer (empty for [`apply`], whose
/// splices came from the editor), and the refreshed outline and counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct EditOutcome {
    pub splices: Vec<Splice>,
    pub outline: Vec<Heading>,
    pub counts: Counts,
    /// Length of the text after the edit (UTF-16 units), for the editor to check its buffer.
    pub length: u32,
}

/// A named revision (WD1, CD, DIS, 征求意见稿 …): a snapshot of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RevisionRow {
    pub id: String,
    pub draft_id: String,
    pub name: String,
    pub date: Option<String>,
    pub chars: u32,
    /// The project's stage code when the revision was named (from the change log).
    pub stage: Option<String>,
    /// The workstation that named it, as colleagues see it (empty if unknown here).
    pub author: String,
}

/// One side of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Version {
    Revision(String),
    Current,
}

fn not_found(kind: &str, id: &str) -> TextError {
    TextError::Core(CoreError::not_found(kind, id))
}

fn setting_key(draft_id: &str) -> String {
    format!("draft_selection:{draft_id}")
}

/// The live draft of a project in a language, if there is one here (the oldest, should two
/// workstations have made one each).
pub fn find(conn: &Connection, project_id: &str, lang: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM draft WHERE project_id = ?1 AND lang = ?2 AND deleted = 0 ORDER BY id LIMIT 1")?
        .query_row(params![project_id, lang], |r| r.get(0))
        .optional()?)
}

/// A project's live drafts.
pub fn list(conn: &Connection, project_id: &str) -> Result<Vec<DraftSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.project_id, d.lang, coalesce(x.chars, 0), x.draft_id IS NOT NULL,
                (SELECT count(*) FROM draft_review r WHERE r.draft_id = d.id AND r.confirmed_at IS NULL)
         FROM draft d LEFT JOIN draft_doc x ON x.draft_id = d.id WHERE d.project_id = ?1 AND d.deleted = 0 ORDER BY d.lang, d.id",
    )?;
    let rows = stmt.query_map([project_id], |r| {
        Ok(DraftSummary {
            id: r.get(0)?,
            project_id: r.get(1)?,
            lang: r.get(2)?,
            chars: r.get(3)?,
            has_text: r.get(4)?,
            open_reviews: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Creates a project's draft in `lang` (`en` or `zh`) together with its document, in one
/// transaction; the document's first save travels with the draft record in the next bundle.
/// Refused when the project already has a live draft in that language here (open that one).
pub fn create(store: &mut Store, project_id: &str, lang: &str) -> Result<String> {
    let project_id = normdesk_core::projects::parse_id(project_id)?;
    if let Some(existing) = find(store.conn(), &project_id, lang)? {
        return Err(TextError::Exists {
            lang: lang.to_owned(),
            id: existing,
        });
    }
    let id = store.write(Source::Ui, |w| {
        let mut values = Map::new();
        values.insert("project_id".into(), Value::String(project_id.clone()));
        values.insert("lang".into(), Value::String(lang.to_owned()));
        let id = w.create(&DRAFT, values)?;
        let mut doc = Doc::create(&crate::doc::new_actor());
        store::save_full(w.conn(), &id, &mut doc).map_err(TextError::into_core)?;
        Ok(id)
    })?;
    Ok(id)
}

/// The draft's record (project and language), or not found.
fn record(conn: &Connection, draft_id: &str) -> Result<(String, String)> {
    conn.prepare_cached("SELECT project_id, lang FROM draft WHERE id = ?1 AND deleted = 0")?
        .query_row([draft_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| not_found("draft", draft_id))
}

/// Opens a draft for the editor: its text, where the cursor was, outline, counts, open review
/// items and revisions. Fast at any size: the text is the plain copy (always equal to the
/// document); the document itself is loaded by [`preload`] (call it right after, off the UI's
/// critical path) or by the first edit.
pub fn open(store: &mut Store, drafts: &mut Drafts, draft_id: &str) -> Result<DraftView> {
    let _ = drafts;
    let draft_id = normdesk_core::projects::parse_id(draft_id)?;
    let (project_id, lang) = record(store.conn(), &draft_id)?;
    if store::stored_heads(store.conn(), &draft_id)?.is_none() {
        return Err(TextError::NotArrived(draft_id));
    }
    let text = text(store.conn(), &draft_id)?;
    let selection = store
        .setting(&setting_key(&draft_id))?
        .and_then(|s| serde_json::from_str(&s).ok());
    Ok(DraftView {
        outline: markup::outline(&text),
        counts: markup::counts(&text),
        open_reviews: crate::reviews::list(store.conn(), &draft_id)?.len() as u32,
        revisions: revisions(store.conn(), &draft_id)?,
        id: draft_id,
        project_id,
        lang,
        text,
        selection,
    })
}

/// Loads the draft's document into the cache, so the first edit after [`open`] is as fast as the
/// others (a 1 MB draft's document takes about a second to load).
pub fn preload(store: &mut Store, drafts: &mut Drafts, draft_id: &str) -> Result<()> {
    let draft_id = normdesk_core::projects::parse_id(draft_id)?;
    drafts.get(store.conn(), &draft_id).map(drop)
}

/// The stored text of a draft, exactly (its plain copy, kept equal to the document).
pub fn text(conn: &Connection, draft_id: &str) -> Result<String> {
    conn.prepare_cached("SELECT body FROM draft WHERE id = ?1 AND deleted = 0")?
        .query_row([draft_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| not_found("draft", draft_id))
}

/// Runs `edit` on the draft's document in one IMMEDIATE transaction and persists the result as
/// one change (one chunk) with the plain copy and the selection. On any error the loaded
/// document is dropped, so the cache never holds edits the store does not.
fn edit(
    store: &mut Store,
    drafts: &mut Drafts,
    draft_id: &str,
    selection: Option<Selection>,
    message: &str,
    f: impl FnOnce(&mut Doc) -> Result<Vec<Splice>>,
) -> Result<EditOutcome> {
    let draft_id = normdesk_core::projects::parse_id(draft_id)?;
    let result = (|| -> Result<EditOutcome> {
        let conn = store.conn();
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        record(&tx, &draft_id)?;
        let me: String = tx.query_row("SELECT replica_id FROM replica_self", [], |r| r.get(0))?;
        let doc = drafts.get(&tx, &draft_id)?;
        let before = doc.heads();
        let splices = f(doc)?;
        let text = doc.text();
        if doc.commit(&format!("{message} by {me}")).is_some() {
            let chunk = doc.save_after(&before);
            store::save_chunk(&tx, &draft_id, doc, chunk, &text)?;
        }
        if let Some(sel) = selection {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![setting_key(&draft_id), serde_json::to_string(&sel).unwrap_or_default()],
            )?;
        }
        tx.commit()?;
        Ok(EditOutcome {
            splices,
            outline: markup::outline(&text),
            counts: markup::counts(&text),
            length: diff::len16(&text),
        })
    })();
    if result.is_err() {
        drafts.close(&draft_id);
    }
    result
}

/// Applies the editor's splices of one editing pause (in order) as one change, and remembers the
/// selection. Durable when it returns.
pub fn apply(
    store: &mut Store,
    drafts: &mut Drafts,
    draft_id: &str,
    splices: &[Splice],
    selection: Option<Selection>,
) -> Result<EditOutcome> {
    edit(store, drafts, draft_id, selection, "edit", |doc| {
        splice_all(doc, splices)?;
        Ok(Vec::new())
    })
}

/// Like [`apply`], and then numbers the clauses, annexes, notes and examples again
/// (docs/draft-markup.md) in the same change — the editor's path, so that numbers are kept
/// as the text is written. The outcome's splices are the renumbering, for the editor's buffer
/// (relative to the text after `splices`).
pub fn apply_numbered(
    store: &mut Store,
    drafts: &mut Drafts,
    draft_id: &str,
    splices: &[Splice],
    selection: Option<Selection>,
) -> Result<EditOutcome> {
    edit(store, drafts, draft_id, selection, "edit", |doc| {
        splice_all(doc, splices)?;
        rewrite(doc, markup::renumber)
    })
}

/// Applies `splices` to `doc`, in order.
fn splice_all(doc: &mut Doc, splices: &[Splice]) -> Result<()> {
    for s in splices {
        doc.splice(s.pos as usize, s.delete as usize, &s.insert)?;
    }
    Ok(())
}

/// Turns the document's text into `target(text)` as a minimal edit; returns the splices made
/// (none when the text is already the target).
fn rewrite(doc: &mut Doc, target: impl FnOnce(&str) -> String) -> Result<Vec<Splice>> {
    let old = doc.text();
    let new = target(&old);
    if new == old {
        return Ok(Vec::new());
    }
    let splices = diff::splices(&old, &new);
    splice_all(doc, &splices)?;
    Ok(splices)
}

/// Remembers where the cursor is (no text change).
pub fn set_selection(store: &mut Store, draft_id: &str, selection: Selection) -> Result<()> {
    let draft_id = normdesk_core::projects::parse_id(draft_id)?;
    store.set_setting(
        &setting_key(&draft_id),
        &serde_json::to_string(&selection).unwrap_or_default(),
    )?;
    Ok(())
}

/// Replaces the whole text (the CLI's `text set`, the app's paste-everything fallback) as a
/// minimal edit, so it merges like typing. Returns the splices for the editor's buffer.
pub fn set_text(
    store: &mut Store,
    drafts: &mut Drafts,
    draft_id: &str,
    new_text: &str,
) -> Result<EditOutcome> {
    edit(store, drafts, draft_id, None, "replace", |doc| {
        rewrite(doc, |_| new_text.to_owned())
    })
}

/// Numbers the clauses, annexes, notes and examples again (docs/draft-markup.md) as a minimal
/// edit; returns the splices for the editor (none when everything was numbered already).
pub fn renumber(store: &mut Store, drafts: &mut Drafts, draft_id: &str) -> Result<EditOutcome> {
    edit(store, drafts, draft_id, None, "renumber", |doc| {
        rewrite(doc, markup::renumber)
    })
}

/// The revisions of a draft, oldest first, each with the project's stage when it was named and
/// the workstation that named it — both read from the change log (the stamp of the revision's
/// `name` and the project's `stage` value at or before that stamp).
pub fn revisions(conn: &Connection, draft_id: &str) -> Result<Vec<RevisionRow>> {
    let mut stmt = conn.prepare_cached(
        "WITH named AS (
           SELECT r.id, r.draft_id, r.name, r.date, length(r.body) AS chars, d.project_id,
                  (SELECT c.hlc FROM change_log c WHERE c.entity = 'revision' AND c.row_id = r.id AND c.field = 'name' ORDER BY c.hlc LIMIT 1) AS hlc,
                  (SELECT c.replica_id FROM change_log c WHERE c.entity = 'revision' AND c.row_id = r.id AND c.field = 'name' ORDER BY c.hlc LIMIT 1) AS replica
           FROM revision r JOIN draft d ON d.id = r.draft_id
           WHERE r.draft_id = ?1 AND r.deleted = 0)
         SELECT n.id, n.draft_id, n.name, n.date, n.chars,
                (SELECT p.value FROM change_log p WHERE p.entity = 'project' AND p.row_id = n.project_id AND p.field = 'stage' AND p.hlc <= n.hlc ORDER BY p.hlc DESC LIMIT 1),
                coalesce((SELECT name FROM replica_self WHERE replica_id = n.replica), (SELECT name FROM replica_known WHERE replica_id = n.replica), '')
         FROM named n ORDER BY n.id",
    )?;
    let rows = stmt.query_map([draft_id], |r| {
        let stage: Option<String> = r.get(5)?;
        Ok(RevisionRow {
            id: r.get(0)?,
            draft_id: r.get(1)?,
            name: r.get(2)?,
            date: r.get(3)?,
            chars: r.get(4)?,
            stage: stage.and_then(|v| serde_json::from_str(&v).ok()),
            author: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Names the current text as a revision (a snapshot that travels like any record). A name the
/// draft already uses is refused, and nothing is written.
pub fn name_revision(store: &mut Store, draft_id: &str, name: &str) -> Result<RevisionRow> {
    let draft_id = normdesk_core::projects::parse_id(draft_id)?;
    let name = name.trim().to_owned();
    record(store.conn(), &draft_id)?;
    if name.is_empty() {
        return Err(CoreError::invalid(
            "name",
            "give the revision a name, such as WD1, CD or 征求意见稿",
        )
        .into());
    }
    let used: Vec<String> = revisions(store.conn(), &draft_id)?
        .into_iter()
        .map(|r| r.name)
        .collect();
    if used.contains(&name) {
        let other = next_free_name(&name, &used);
        return Err(CoreError::invalid(
            "name",
            format!("this draft already has a revision named '{name}'; choose another name, such as {other}"),
        )
        .into());
    }
    let body = text(store.conn(), &draft_id)?;
    let date = chrono::Local::now().format("%Y-%m-%d").to_string();
    let id = store.write(Source::Ui, |w| {
        let mut values = Map::new();
        values.insert("draft_id".into(), Value::String(draft_id.clone()));
        values.insert("name".into(), Value::String(name.clone()));
        values.insert("date".into(), Value::String(date.clone()));
        values.insert("body".into(), Value::String(body.clone()));
        w.create(&REVISION, values)
    })?;
    revisions(store.conn(), &draft_id)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| not_found("revision", &id))
}

/// The name after `name` that is not used: WD1 → WD2 (or WD3 …), DIS → DIS2.
fn next_free_name(name: &str, used: &[String]) -> String {
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
    let from = name[base.len()..].parse::<u32>().map_or(2, |n| n + 1);
    (from..)
        .map(|n| format!("{base}{n}"))
        .find(|c| !used.contains(c))
        .unwrap_or_default()
}

fn version_text(conn: &Connection, draft_id: &str, v: &Version) -> Result<String> {
    match v {
        Version::Current => text(conn, draft_id),
        Version::Revision(id) => conn
            .prepare_cached(
                "SELECT body FROM revision WHERE id = ?1 AND draft_id = ?2 AND deleted = 0",
            )?
            .query_row(params![id, draft_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| not_found("revision", id)),
    }
}

/// The readable diff from one version of a draft to another.
pub fn compare(
    conn: &Connection,
    draft_id: &str,
    from: &Version,
    to: &Version,
) -> Result<TextDiff> {
    Ok(diff::diff(
        &version_text(conn, draft_id, from)?,
        &version_text(conn, draft_id, to)?,
    ))
}

/// The name to offer for a revision when the project's stage is `stage` (called when the stage
/// changes): WD1, WD2 … at 20, CD1 … at 30, DIS at 40, FDIS at 50, IS at 60; for Chinese tiers
/// 讨论稿, 征求意见稿, 送审稿, 报批稿, 发布稿. A name already used gets the next number.
pub fn suggest_revision_name(
    conn: &Connection,
    draft_id: &str,
    stage: &str,
) -> Result<Option<String>> {
    let (project_id, _) = record(conn, draft_id)?;
    let tier: String = conn
        .query_row(
            "SELECT tier FROM project WHERE id = ?1",
            [&project_id],
            |r| r.get(0),
        )
        .unwrap_or_default();
    let chinese = matches!(
        tier.as_str(),
        "national" | "sector" | "local" | "group" | "enterprise"
    );
    let group = stage.get(..2).unwrap_or("");
    let (base, numbered) = match (group, chinese) {
        ("20", false) => ("WD", true),
        ("30", false) => ("CD", true),
        ("40", false) => ("DIS", false),
        ("50", false) => ("FDIS", false),
        ("60", false) => ("IS", false),
        ("20", true) => ("讨论稿", false),
        ("30", true) => ("征求意见稿", false),
        ("40", true) => ("送审稿", false),
        ("50", true) => ("报批稿", false),
        ("60", true) => ("发布稿", false),
        _ => return Ok(None),
    };
    let used: Vec<String> = revisions(conn, draft_id)?
        .into_iter()
        .map(|r| r.name)
        .collect();
    let first = if numbered {
        format!("{base}1")
    } else {
        base.to_owned()
    };
    if !used.contains(&first) {
        return Ok(Some(first));
    }
    Ok((2..1000)
        .map(|n| format!("{base}{n}"))
        .find(|c| !used.contains(c)))
}

/// Where a clause starts in the current text (for "jump from a comment to its clause").
pub fn clause_position(
    conn: &Connection,
    draft_id: &str,
    clause: &str,
) -> Result<Option<ClauseHit>> {
    Ok(markup::clause_position(&text(conn, draft_id)?, clause))
}

/// A draft of a project with its revisions, for the Revisions & comments screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DraftRevisions {
    pub draft: DraftSummary,
    pub revisions: Vec<RevisionRow>,
}

/// Every live draft of a project (by language) with its revisions.
pub fn project_revisions(conn: &Connection, project_id: &str) -> Result<Vec<DraftRevisions>> {
    let project_id = normdesk_core::projects::parse_id(project_id)?;
    list(conn, &project_id)?
        .into_iter()
        .map(|draft| {
            Ok(DraftRevisions {
                revisions: revisions(conn, &draft.id)?,
                draft,
            })
        })
        .collect()
}

/// The revision offered for one draft when the project's stage changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RevisionOffer {
    pub draft_id: String,
    pub lang: String,
    /// The suggested name ([`suggest_revision_name`]); `None` when the stage suggests none.
    pub name: Option<String>,
    /// The names the draft already uses (a name must differ from them).
    pub used: Vec<String>,
}

/// What to offer for each of the project's drafts that has its text here, when the project
/// moves to `stage`.
pub fn revision_offers(
    conn: &Connection,
    project_id: &str,
    stage: &str,
) -> Result<Vec<RevisionOffer>> {
    let project_id = normdesk_core::projects::parse_id(project_id)?;
    list(conn, &project_id)?
        .into_iter()
        .filter(|d| d.has_text)
        .map(|d| {
            Ok(RevisionOffer {
                name: suggest_revision_name(conn, &d.id, stage)?,
                used: revisions(conn, &d.id)?
                    .into_iter()
                    .map(|r| r.name)
                    .collect(),
                draft_id: d.id,
                lang: d.lang,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::next_free_name;

    #[test]
    fn a_used_revision_name_suggests_the_next_free_one() {
        let used = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(next_free_name("WD1", &used(&["WD1"])), "WD2");
        assert_eq!(next_free_name("WD1", &used(&["WD1", "WD2"])), "WD3");
        assert_eq!(next_free_name("DIS", &used(&["DIS"])), "DIS2");
        assert_eq!(
            next_free_name("征求意见稿", &used(&["征求意见稿"])),
            "征求意见稿2"
        );
    }
}
