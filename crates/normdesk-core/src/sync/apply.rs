//! Importing changes: the whole set in one IMMEDIATE transaction, in batches with progress,
//! cancellable (cancel = rollback, nothing applied), ending with the retry of waiting changes,
//! the version vectors, the clock and the `import_log` row — all in the same transaction as the
//! data. A dry run does everything and rolls back, so the plan it reports is exact.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::ControlFlow;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::merge::{self, Engine, Outcome};
use super::{Change, Phase, Progress, Replica, Stamp, Vector, count, vector};
use crate::clock::Hlc;
use crate::error::{CoreError, Result};
use crate::schema::ENTITIES;
use crate::store::Store;

/// Changes applied between two progress reports (and search-index refreshes).
pub const BATCH: usize = 2_000;

/// What the carrier (a bundle) says about the changes it brings.
#[derive(Debug, Clone)]
pub struct ImportMeta {
    pub bundle_id: String,
    /// SHA-256 of the carrier file, hex: importing the same file again is recognised by it too.
    pub sha256: String,
    pub file_name: String,
    pub origin: Replica,
    /// Names of the replicas whose changes are carried (for "who made the changes").
    pub replicas: Vec<Replica>,
    /// The sender's version vector when it wrote the bundle.
    pub until: Vector,
    /// How many changes are carried (for progress).
    pub changes: u64,
}

/// The import was cancelled through the progress callback; nothing was applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// What an import did (or, for a dry run, would do). Counts records, not changes, per kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportReport {
    pub bundle_id: String,
    pub file_name: String,
    pub origin: Replica,
    pub dry_run: bool,
    /// The bundle had been imported before; nothing was done.
    pub already_imported: bool,
    pub kinds: Vec<KindPlan>,
    /// Who made the changes, with how many each.
    pub authors: Vec<AuthorCount>,
    pub changes: ChangeCounts,
    /// Conflicts this import opened.
    pub new_conflicts: u32,
    /// Conflicts open after the import.
    pub open_conflicts: u32,
    /// Changes waiting for earlier ones from another bundle, after the import.
    pub waiting: u32,
    pub warnings: Vec<String>,
    /// Draft texts brought by the carrier (documents merged here; see [`Extras`]).
    #[serde(default)]
    pub drafts: u32,
    /// Passages both sides changed, flagged "merged — please review".
    #[serde(default)]
    pub text_reviews: u32,
    /// Attachment files whose bytes arrived (attachments here that can now be opened).
    #[serde(default)]
    pub attachments: u32,
}

/// What the carrier's own payloads did (draft documents merged by `normdesk-text`, attachment
/// bytes kept by `attachments::receive`), applied by the `extras` callback of [`import_with`]
/// inside the import's transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    pub drafts: u32,
    pub text_reviews: u32,
    pub attachments: u32,
    pub warnings: Vec<String>,
}

/// Records of one kind by what happens to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct KindPlan {
    pub kind: String,
    pub new: u32,
    pub changed: u32,
    pub deleted: u32,
    pub conflicting: u32,
    pub unchanged: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AuthorCount {
    pub replica: Replica,
    pub changes: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ChangeCounts {
    pub total: u32,
    pub applied: u32,
    /// Recorded but not visible: a concurrent change with a later stamp won.
    pub superseded: u32,
    /// Already here.
    pub duplicate: u32,
    /// Waiting for changes they build on (in `pending_change`).
    pub pending: u32,
    /// Waiting changes (from this bundle or earlier ones) that could be applied at the end.
    pub released: u32,
}

/// Imports changes. `next_batch` fills the vector with the next changes and returns `false`
/// when there are no more; every change is checked again here (the core trusts no carrier).
pub fn import<E: From<CoreError> + From<Cancelled>>(
    store: &mut Store,
    meta: &ImportMeta,
    dry_run: bool,
    next_batch: &mut dyn FnMut(&mut Vec<Change>) -> std::result::Result<bool, E>,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> std::result::Result<ImportReport, E> {
    import_with(
        store,
        meta,
        dry_run,
        next_batch,
        &mut |_| Ok(Extras::default()),
        progress,
    )
}

/// [`import`], plus `extras`: the carrier's other payloads (draft documents), applied after the
/// changes (so the records they belong to exist) and before the import is recorded, in the same
/// transaction — an error or a cancel rolls back everything. The core knows nothing of what they
/// are: `normdesk-sync` passes `normdesk-text`'s merge of `drafts/<id>.am` entries.
pub fn import_with<E: From<CoreError> + From<Cancelled>>(
    store: &mut Store,
    meta: &ImportMeta,
    dry_run: bool,
    next_batch: &mut dyn FnMut(&mut Vec<Change>) -> std::result::Result<bool, E>,
    extras: &mut dyn FnMut(&Connection) -> std::result::Result<Extras, E>,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> std::result::Result<ImportReport, E> {
    let tx = Transaction::new_unchecked(store.conn(), TransactionBehavior::Immediate)
        .map_err(CoreError::from)?;
    let mut report = empty_report(meta, dry_run);
    let seen: bool = tx
        .query_row(
            "SELECT EXISTS(SELECT 1 FROM import_log WHERE bundle_id = ?1 OR sha256 = ?2)",
            params![meta.bundle_id, meta.sha256],
            |r| r.get(0),
        )
        .map_err(CoreError::from)?;
    if seen {
        report.already_imported = true;
        return Ok(report);
    }
    let self_id: String = tx
        .query_row("SELECT replica_id FROM replica_self", [], |r| r.get(0))
        .map_err(CoreError::from)?;
    // The report counts the conflicts the Conflicts list shows: those open after the import
    // that were not shown before it (a head whose value equals the visible one is not shown).
    let shown_before: HashSet<String> = super::conflicts::list(&tx)?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let mut engine = Engine::new(&tx)?;
    let mut counts = ChangeCounts::default();
    let mut authors: BTreeMap<String, u64> = BTreeMap::new();
    let mut batch = Vec::with_capacity(BATCH);
    let mut done = 0u64;
    loop {
        batch.clear();
        let more = next_batch(&mut batch)?;
        for c in &batch {
            c.check().map_err(|e| CoreError::invalid("bundle", e))?;
            *authors.entry(c.replica.clone()).or_default() += 1;
            tally(&mut counts, engine.process(c, false)?);
        }
        done += batch.len() as u64;
        engine.end_batch()?;
        if progress(Progress {
            phase: Phase::Apply,
            done: count(done),
            total: count(meta.changes),
        })
        .is_break()
        {
            return Err(Cancelled.into());
        }
        if !more {
            break;
        }
    }
    retry_pending(&tx, &mut engine, &mut counts)?;
    let extra = extras(&tx)?;
    finish(&tx, &engine, meta, &self_id)?;
    let shown = super::conflicts::list(&tx)?;
    let new_shown: Vec<_> = shown
        .iter()
        .filter(|c| !shown_before.contains(&c.id))
        .collect();
    let new_rows: BTreeSet<(&str, &str)> = new_shown
        .iter()
        .map(|c| (c.entity.as_str(), c.row_id.as_str()))
        .collect();
    report.changes = counts;
    report.new_conflicts = count(new_shown.len() as u64);
    report.kinds = kinds(&engine, &new_rows);
    report.authors = names(&tx, meta, authors)?;
    report.open_conflicts = count(shown.len() as u64);
    report.waiting = count(
        tx.query_row("SELECT count(*) FROM pending_change", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(CoreError::from)? as u64,
    );
    report.warnings = clock_warning(&tx, &engine)?;
    report.warnings.extend(extra.warnings);
    report.drafts = extra.drafts;
    report.text_reviews = extra.text_reviews;
    report.attachments = extra.attachments;
    let summary = serde_json::to_string(&report).unwrap_or_default();
    tx.execute(
        "INSERT INTO import_log (bundle_id, sha256, origin, imported_at, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![meta.bundle_id, meta.sha256, meta.origin.id, now(), summary],
    )
    .map_err(CoreError::from)?;
    if dry_run {
        tx.rollback().map_err(CoreError::from)?;
    } else {
        tx.commit().map_err(CoreError::from)?;
    }
    Ok(report)
}

/// Applies one change made here (a conflict's resolution) through the same merge as imports.
pub(crate) fn apply_local(conn: &Connection, mut change: Change) -> Result<Change> {
    let (replica, next_seq, last_hlc): (String, i64, i64) = conn.query_row(
        "SELECT replica_id, next_seq, last_hlc FROM replica_self",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let hlc = Hlc::tick(Hlc(last_hlc as u64), Hlc::wall_millis());
    change.replica = replica;
    change.seq = next_seq as u64;
    change.hlc = hlc.0;
    let mut engine = Engine::new(conn)?;
    engine.process(&change, false)?;
    engine.end_batch()?;
    conn.execute(
        "UPDATE replica_self SET next_seq = ?1, last_hlc = ?2",
        params![next_seq + 1, hlc.0 as i64],
    )?;
    Ok(change)
}

fn tally(counts: &mut ChangeCounts, outcome: Outcome) {
    counts.total += 1;
    match outcome {
        Outcome::Applied => counts.applied += 1,
        Outcome::Superseded => counts.superseded += 1,
        Outcome::Duplicate => counts.duplicate += 1,
        Outcome::Pending => counts.pending += 1,
    }
}

/// Retries the waiting changes until a pass applies none.
fn retry_pending(
    conn: &Connection,
    engine: &mut Engine<'_>,
    counts: &mut ChangeCounts,
) -> Result<()> {
    loop {
        let mut progressed = false;
        let mut after: (i64, String, i64) = (-1, String::new(), -1);
        loop {
            let chunk = pending_after(conn, &after)?;
            let Some(last) = chunk.last() else { break };
            after = (last.hlc as i64, last.replica.clone(), last.seq as i64);
            for c in &chunk {
                if engine.process(c, true)? != Outcome::Pending {
                    progressed = true;
                    counts.released += 1;
                }
            }
            engine.end_batch()?;
        }
        if !progressed {
            return Ok(());
        }
    }
}

fn pending_after(conn: &Connection, after: &(i64, String, i64)) -> Result<Vec<Change>> {
    let mut stmt = conn.prepare_cached(
        "SELECT replica_id, seq, hlc, entity, row_id, field, value, prev_hlc, prev_replica, source, resolves FROM pending_change
         WHERE (hlc, replica_id, seq) > (?1, ?2, ?3) ORDER BY hlc, replica_id, seq LIMIT 2000",
    )?;
    let rows = stmt.query_map(params![after.0, after.1, after.2], row_to_change)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A `change_log` or `pending_change` row as a change.
pub(crate) fn row_to_change(r: &rusqlite::Row<'_>) -> rusqlite::Result<Change> {
    let value: String = r.get(6)?;
    let prev_hlc: Option<i64> = r.get(7)?;
    let prev_replica: Option<String> = r.get(8)?;
    let resolves: Option<String> = r.get(10)?;
    Ok(Change {
        replica: r.get(0)?,
        seq: r.get::<_, i64>(1)? as u64,
        hlc: r.get::<_, i64>(2)? as u64,
        entity: r.get(3)?,
        row: r.get(4)?,
        field: r.get(5)?,
        value: serde_json::from_str(&value).unwrap_or(serde_json::Value::Null),
        prev: prev_hlc.zip(prev_replica).map(|(hlc, replica)| Stamp {
            hlc: hlc as u64,
            replica,
        }),
        resolves: resolves
            .and_then(|r| serde_json::from_str(&r).ok())
            .unwrap_or_default(),
        source: r.get(9)?,
    })
}

/// Vectors, names, the sender's acknowledgement and the clock, in the import's transaction.
fn finish(conn: &Connection, engine: &Engine<'_>, meta: &ImportMeta, self_id: &str) -> Result<()> {
    let names: BTreeMap<&str, &str> = meta
        .replicas
        .iter()
        .chain([&meta.origin])
        .map(|r| (r.id.as_str(), r.name.as_str()))
        .collect();
    for replica in engine
        .replicas
        .iter()
        .map(String::as_str)
        .chain(names.keys().copied())
    {
        if replica != self_id {
            vector::advance(conn, replica, names.get(replica).copied())?;
        }
    }
    if meta.origin.id != self_id {
        vector::raise_peer(conn, &meta.origin.id, &meta.until)?;
    }
    if let Some(max) = &engine.max_hlc {
        conn.execute(
            "UPDATE replica_self SET last_hlc = max(last_hlc, ?1)",
            [max.hlc as i64],
        )?;
    }
    Ok(())
}

/// Records per kind by what happens to them; `conflicting` are the records with a conflict
/// this import made visible.
fn kinds(engine: &Engine<'_>, conflicting: &BTreeSet<(&str, &str)>) -> Vec<KindPlan> {
    let mut out: Vec<KindPlan> = ENTITIES
        .iter()
        .map(|e| KindPlan {
            kind: e.name.to_owned(),
            new: 0,
            changed: 0,
            deleted: 0,
            conflicting: 0,
            unchanged: 0,
        })
        .collect();
    for ((entity, row), info) in &engine.rows {
        let plan = &mut out[*entity];
        let s = info.status;
        if conflicting.contains(&(ENTITIES[*entity].name, row.as_str())) {
            plan.conflicting += 1;
        } else if s & merge::DELETED != 0 {
            plan.deleted += 1;
        } else if info.new && s & merge::CHANGED != 0 {
            plan.new += 1;
        } else if s & merge::CHANGED != 0 {
            plan.changed += 1;
        } else {
            plan.unchanged += 1;
        }
    }
    out.retain(|k| k.new + k.changed + k.deleted + k.conflicting + k.unchanged > 0);
    out
}

fn names(
    conn: &Connection,
    meta: &ImportMeta,
    authors: BTreeMap<String, u64>,
) -> Result<Vec<AuthorCount>> {
    let mut out = Vec::new();
    for (id, n) in authors {
        let name = meta
            .replicas
            .iter()
            .chain([&meta.origin])
            .find(|r| r.id == id)
            .map(|r| r.name.clone())
            .or(super::history::replica_name(conn, &id)?)
            .unwrap_or_default();
        out.push(AuthorCount {
            replica: Replica { id, name },
            changes: count(n),
        });
    }
    Ok(out)
}

/// A stamp more than a day ahead of this workstation's clock is accepted (the causal checks do
/// not depend on it) but reported: that workstation's clock looks wrong.
fn clock_warning(conn: &Connection, engine: &Engine<'_>) -> Result<Vec<String>> {
    let Some(max) = &engine.max_hlc else {
        return Ok(vec![]);
    };
    let ahead = Hlc(max.hlc).millis().saturating_sub(Hlc::wall_millis());
    if ahead <= 24 * 3600 * 1000 {
        return Ok(vec![]);
    }
    let name: Option<String> = conn
        .query_row(
            "SELECT name FROM replica_known WHERE replica_id = ?1",
            [&max.replica],
            |r| r.get(0),
        )
        .optional()?;
    let when = chrono::DateTime::from_timestamp_millis(Hlc(max.hlc).millis() as i64)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    Ok(vec![format!(
        "the clock of workstation {} looks wrong: it stamped a change {when}, more than a day ahead of this one",
        name.filter(|n| !n.is_empty())
            .unwrap_or_else(|| max.replica.clone())
    )])
}

fn empty_report(meta: &ImportMeta, dry_run: bool) -> ImportReport {
    ImportReport {
        bundle_id: meta.bundle_id.clone(),
        file_name: meta.file_name.clone(),
        origin: meta.origin.clone(),
        dry_run,
        already_imported: false,
        kinds: vec![],
        authors: vec![],
        changes: ChangeCounts::default(),
        new_conflicts: 0,
        open_conflicts: 0,
        waiting: 0,
        warnings: vec![],
        drafts: 0,
        text_reviews: 0,
        attachments: 0,
    }
}

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
