//! The Sync screen's commands: this workstation and its colleagues, export, preview and import
//! of bundles (`normdesk_sync`), conflicts and the history of exchanges (`normdesk_core::sync`).
//!
//! Export, preview and import can take a while: they run on a blocking thread (never the main
//! thread), send [`Progress`] through the caller's `Channel` and stop when [`cancel_sync`] is
//! called (the callback answers `ControlFlow::Break`; an import or preview then applies nothing,
//! an export leaves no file). Everything else is one core call under the store's lock.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use normdesk_core::Store;
use normdesk_core::sync::apply::ImportReport;
use normdesk_core::sync::conflicts::{self, Conflict, ConflictKind, Keep, Side};
use normdesk_core::sync::history::{self, Colleague, Exchange};
use normdesk_core::sync::{Progress, Replica};
use normdesk_sync::ExportReport;
use serde::Serialize;
use serde_json::Value;
use specta::Type;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use super::{Db, lock};
use crate::error::{ApiError, ApiErrorKind};

/// Set by [`cancel_sync`], cleared when long work starts; checked after every batch.
static CANCEL: AtomicBool = AtomicBool::new(false);

/// Who this workstation is and whom it knows, for the top of the Sync screen.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SyncOverview {
    /// This workstation: its replica id and display name.
    pub me: Replica,
    /// Every other workstation whose changes are held here (and former ids of this store).
    pub colleagues: Vec<Colleague>,
    /// Conflicts waiting for a person (the badge on the navigation).
    pub open_conflicts: u32,
}

impl SyncOverview {
    pub fn of(store: &Store) -> Result<SyncOverview, ApiError> {
        let identity = store.identity()?;
        Ok(SyncOverview {
            me: Replica {
                id: identity.replica_id,
                name: identity.name,
            },
            colleagues: history::colleagues(store.conn())?,
            open_conflicts: conflicts::list(store.conn())?.len() as u32,
        })
    }
}

/// A field's value as it crosses IPC: JSON without 64-bit integers (which TypeScript cannot
/// hold exactly), so numbers travel as `f64` and lists or objects as their JSON text.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(untagged)]
pub enum FieldValue {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
}

impl From<Value> for FieldValue {
    fn from(value: Value) -> Self {
        match value {
            Value::Null => FieldValue::Null,
            Value::Bool(b) => FieldValue::Bool(b),
            Value::Number(n) => FieldValue::Number(n.as_f64().unwrap_or_default()),
            Value::String(s) => FieldValue::Text(s),
            other => FieldValue::Text(other.to_string()),
        }
    }
}

/// One side of a conflict (the core's `Side`, with an IPC-safe value).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ConflictSide {
    pub value: FieldValue,
    /// The field this side changed (for a delete conflict's edit, the edited field).
    pub field: String,
    pub by: Replica,
    /// RFC 3339.
    pub at: String,
    /// Made at this workstation.
    pub local: bool,
}

impl From<Side> for ConflictSide {
    fn from(side: Side) -> Self {
        ConflictSide {
            value: side.value.into(),
            field: side.field,
            by: side.by,
            at: side.at,
            local: side.local,
        }
    }
}

/// An open conflict as the Conflicts view shows it (the core's `Conflict`).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ConflictRow {
    pub id: String,
    pub kind: ConflictKind,
    pub entity: String,
    pub row_id: String,
    pub label: String,
    pub field: String,
    /// The value shown now.
    pub current: ConflictSide,
    /// The other value, kept for a person to choose.
    pub other: ConflictSide,
    pub detected_at: String,
}

impl From<Conflict> for ConflictRow {
    fn from(c: Conflict) -> Self {
        ConflictRow {
            id: c.id,
            kind: c.kind,
            entity: c.entity,
            row_id: c.row_id,
            label: c.label,
            field: c.field,
            current: c.current.into(),
            other: c.other.into(),
            detected_at: c.detected_at,
        }
    }
}

/// One bundle that came in or went out, with its stored report read back as typed data.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ExchangeRow {
    pub bundle_id: String,
    /// "import" or "export".
    pub direction: String,
    /// The sender (import) or the colleague it was made for (export; none for a full bundle).
    pub peer: Option<Replica>,
    pub file_name: String,
    /// RFC 3339.
    pub at: String,
    /// What the import did (when its stored report reads back).
    pub imported: Option<ImportReport>,
    /// What the export wrote.
    pub exported: Option<ExportReport>,
}

impl From<Exchange> for ExchangeRow {
    fn from(e: Exchange) -> Self {
        let (imported, exported) = if e.direction == "import" {
            (serde_json::from_value(e.summary).ok(), None)
        } else {
            (None, serde_json::from_value(e.summary).ok())
        };
        ExchangeRow {
            bundle_id: e.bundle_id,
            direction: e.direction,
            peer: e.peer,
            file_name: e.file_name,
            at: e.at,
            imported,
            exported,
        }
    }
}

/// The progress callback of long work: forwards each report to the UI and answers `Break`
/// once [`cancel_sync`] was called.
fn reporter(channel: Channel<Progress>) -> impl FnMut(Progress) -> ControlFlow<()> {
    move |progress| {
        // A closed window cannot receive; the work goes on (or stops when cancelled).
        let _ = channel.send(progress);
        if CANCEL.load(Ordering::SeqCst) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}

/// Runs `work` with the store on a blocking thread, so the window stays responsive.
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    CANCEL.store(false, Ordering::SeqCst);
    tauri::async_runtime::spawn_blocking(move || {
        let db = app.state::<Db>();
        let mut store = lock(&db)?;
        work(&mut store)
    })
    .await
    .map_err(|e| {
        ApiError::new(
            ApiErrorKind::Internal,
            format!("the sync work stopped: {e}"),
        )
    })?
}

/// A bundle for `peer` (a replica id or name: what it lacks) or, without one, a full bundle.
pub fn export_to(
    store: &mut Store,
    destination: &str,
    peer: Option<&str>,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<ExportReport, ApiError> {
    let peer = peer
        .map(|who| normdesk_sync::find_peer(store, who))
        .transpose()?;
    Ok(normdesk_sync::export(
        store,
        &PathBuf::from(destination),
        peer.as_ref(),
        progress,
    )?)
}

/// The file name a bundle made now would get ("2026-11-27-1030-LiMing-to-ChenJing.ndbundle").
pub fn file_name_for(store: &Store, peer: Option<&str>) -> Result<String, ApiError> {
    let me = store.identity()?;
    let peer = peer
        .map(|who| normdesk_sync::find_peer(store, who))
        .transpose()?;
    Ok(normdesk_sync::file_name(
        &me.name,
        peer.as_ref().map(|p| p.name.as_str()),
        chrono::Local::now(),
    ))
}

#[tauri::command]
#[specta::specta]
pub async fn sync_overview(db: State<'_, Db>) -> Result<SyncOverview, ApiError> {
    SyncOverview::of(&*lock(&db)?)
}

#[tauri::command]
#[specta::specta]
pub async fn sync_history(db: State<'_, Db>) -> Result<Vec<ExchangeRow>, ApiError> {
    let exchanges = history::exchanges(lock(&db)?.conn())?;
    Ok(exchanges.into_iter().map(ExchangeRow::from).collect())
}

#[tauri::command]
#[specta::specta]
pub async fn bundle_file_name(db: State<'_, Db>, peer: Option<String>) -> Result<String, ApiError> {
    file_name_for(&*lock(&db)?, peer.as_deref())
}

/// Writes a bundle to `destination` (a file, or a folder where it gets its file name).
#[tauri::command]
#[specta::specta]
pub async fn export_bundle(
    app: AppHandle,
    destination: String,
    peer: Option<String>,
    on_progress: Channel<Progress>,
) -> Result<ExportReport, ApiError> {
    blocking(app, move |store| {
        export_to(
            store,
            &destination,
            peer.as_deref(),
            &mut reporter(on_progress),
        )
    })
    .await
}

/// Verifies the whole bundle and computes exactly what importing it would do; writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_bundle(
    app: AppHandle,
    path: String,
    on_progress: Channel<Progress>,
) -> Result<ImportReport, ApiError> {
    blocking(app, move |store| {
        Ok(normdesk_sync::preview(
            store,
            &PathBuf::from(path),
            &mut reporter(on_progress),
        )?)
    })
    .await
}

/// Verifies the bundle again and applies it in one transaction (or, cancelled, not at all).
#[tauri::command]
#[specta::specta]
pub async fn import_bundle(
    app: AppHandle,
    path: String,
    on_progress: Channel<Progress>,
) -> Result<ImportReport, ApiError> {
    blocking(app, move |store| {
        Ok(normdesk_sync::import(
            store,
            &PathBuf::from(path),
            &mut reporter(on_progress),
        )?)
    })
    .await
}

/// Asks the running export, preview or import to stop; it then changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn cancel_sync() -> Result<(), ApiError> {
    CANCEL.store(true, Ordering::SeqCst);
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn list_conflicts(db: State<'_, Db>) -> Result<Vec<ConflictRow>, ApiError> {
    let open = conflicts::list(lock(&db)?.conn())?;
    Ok(open.into_iter().map(ConflictRow::from).collect())
}

/// Keeps one side of a conflict: an ordinary change that travels on to the others.
#[tauri::command]
#[specta::specta]
pub async fn resolve_conflict(db: State<'_, Db>, id: String, keep: Keep) -> Result<(), ApiError> {
    conflicts::resolve(&mut *lock(&db)?, &id, keep)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use normdesk_core::{Source, demo, projects};

    fn store(dir: &std::path::Path, name: &str) -> Store {
        let mut store = Store::open(&dir.join(format!("{name}.db"))).unwrap();
        store.set_display_name(name).unwrap();
        demo::seed_if_new(&mut store).unwrap();
        store
    }

    fn first_project(store: &Store) -> String {
        let page = projects::list(store.conn(), &Default::default()).unwrap();
        page.rows[0].id.clone()
    }

    fn retitle(store: &mut Store, id: &str, title: &str) {
        let mut input = projects::get(store.conn(), id).unwrap().project.fields;
        input.title_en = title.to_owned();
        store
            .write(Source::Ui, |w| projects::update(w, id, input))
            .unwrap();
    }

    fn go_on(_: Progress) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }

    /// A exports a full bundle, B previews it (nothing written), imports it, sees the conflict
    /// of two concurrent title edits and keeps A's value.
    #[test]
    fn export_preview_import_resolve() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = store(dir.path(), "Li Ming");
        let mut b = store(dir.path(), "Chen Jing");
        let id = first_project(&a);
        retitle(&mut a, &id, "Title from A");
        retitle(&mut b, &id, "Title from B");

        let name = file_name_for(&a, None).unwrap();
        assert!(name.ends_with("-LiMing-full.ndbundle"), "{name}");
        let report = export_to(&mut a, dir.path().to_str().unwrap(), None, &mut go_on).unwrap();
        assert!(report.changes > 0);
        let bundle = report.file.clone();

        let plan = normdesk_sync::preview(&mut b, bundle.as_ref(), &mut go_on).unwrap();
        assert!(plan.dry_run);
        let project = plan.kinds.iter().find(|k| k.kind == "project").unwrap();
        assert!(project.conflicting >= 1, "{plan:?}");
        assert!(
            SyncOverview::of(&b).unwrap().colleagues.is_empty(),
            "a preview writes nothing"
        );

        let done = normdesk_sync::import(&mut b, bundle.as_ref(), &mut go_on).unwrap();
        assert!(!done.dry_run && done.new_conflicts >= 1);
        let overview = SyncOverview::of(&b).unwrap();
        assert_eq!(overview.me.name, "Chen Jing");
        assert!(
            overview
                .colleagues
                .iter()
                .any(|c| c.replica.name == "Li Ming")
        );
        assert_eq!(overview.open_conflicts, 1);

        let open: Vec<ConflictRow> = conflicts::list(b.conn())
            .unwrap()
            .into_iter()
            .map(ConflictRow::from)
            .collect();
        let title = open.iter().find(|c| c.field == "title_en").unwrap();
        let ours = FieldValue::Text("Title from B".into());
        let theirs = FieldValue::Text("Title from A".into());
        assert!(
            (title.current.value == theirs && title.other.value == ours)
                || (title.current.value == ours && title.other.value == theirs),
            "{title:?}"
        );
        let keep = if title.current.value == theirs {
            Keep::Current
        } else {
            Keep::Other
        };
        conflicts::resolve(&mut b, &title.id, keep).unwrap();
        assert_eq!(SyncOverview::of(&b).unwrap().open_conflicts, 0);
        let shown = projects::get(b.conn(), &id)
            .unwrap()
            .project
            .fields
            .title_en;
        assert_eq!(shown, "Title from A");

        let rows: Vec<ExchangeRow> = history::exchanges(b.conn())
            .unwrap()
            .into_iter()
            .map(ExchangeRow::from)
            .collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].direction, "import");
        let imported = rows[0]
            .imported
            .as_ref()
            .expect("the stored report reads back");
        assert!(imported.new_conflicts >= 1);
        let rows: Vec<ExchangeRow> = history::exchanges(a.conn())
            .unwrap()
            .into_iter()
            .map(ExchangeRow::from)
            .collect();
        assert_eq!(rows[0].exported.as_ref().unwrap().changes, report.changes);
        // A bundle for the colleague now known by name.
        assert!(
            file_name_for(&b, Some("Li Ming"))
                .unwrap()
                .contains("-ChenJing-to-LiMing.")
        );
    }

    #[test]
    fn field_values_cross_ipc_without_64_bit_integers() {
        let cases = [
            (serde_json::json!(null), "null"),
            (serde_json::json!(true), "true"),
            (serde_json::json!(24), "24.0"),
            (serde_json::json!("ISO/CD 21384-5"), r#""ISO/CD 21384-5""#),
            (serde_json::json!(["a"]), r#""[\"a\"]""#),
        ];
        for (value, json) in cases {
            let shown = serde_json::to_string(&FieldValue::from(value)).unwrap();
            assert_eq!(shown, json);
        }
    }

    #[test]
    fn a_cancelled_import_applies_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = store(dir.path(), "A");
        let mut b = store(dir.path(), "B");
        let report = export_to(&mut a, dir.path().to_str().unwrap(), None, &mut go_on).unwrap();
        CANCEL.store(true, Ordering::SeqCst);
        let mut stop = |_: Progress| {
            if CANCEL.load(Ordering::SeqCst) {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        };
        let error = ApiError::from(
            normdesk_sync::import(&mut b, report.file.as_ref(), &mut stop).unwrap_err(),
        );
        CANCEL.store(false, Ordering::SeqCst);
        assert_eq!(error.kind, ApiErrorKind::Cancelled);
        assert!(history::exchanges(b.conn()).unwrap().is_empty());
        assert!(SyncOverview::of(&b).unwrap().colleagues.is_empty());
    }

    #[test]
    fn an_unknown_colleague_is_a_validation_error_on_peer() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = store(dir.path(), "A");
        let error = export_to(
            &mut a,
            dir.path().to_str().unwrap(),
            Some("Nobody"),
            &mut go_on,
        )
        .unwrap_err();
        assert_eq!(error.kind, ApiErrorKind::Validation);
        assert_eq!(error.field.as_deref(), Some("peer"));
    }

    #[test]
    fn a_file_that_is_not_a_bundle_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let mut b = store(dir.path(), "B");
        let path = dir.path().join("notes.ndbundle");
        std::fs::write(&path, b"not a zip").unwrap();
        let error = ApiError::from(normdesk_sync::preview(&mut b, &path, &mut go_on).unwrap_err());
        assert_eq!(error.kind, ApiErrorKind::Refused);
        assert!(
            error.message.contains("notes.ndbundle"),
            "{}",
            error.message
        );
    }
}
