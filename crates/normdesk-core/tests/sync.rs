//! Sync through the store's API, without files: changes exported from one store are imported
//! into another. Nothing lost (both fields survive, the loser of a concurrent edit is kept as a
//! conflict, work passes on A → B → C), deletes that meet edits, resolutions that travel,
//! idempotence, cancellation, and copied databases.

use std::ops::ControlFlow;

use normdesk_core::sync::apply::{self, Cancelled, ImportMeta, ImportReport};
use normdesk_core::sync::conflicts::{self, ConflictKind, Keep};
use normdesk_core::sync::{Change, Replica, export, identity, vector};
use normdesk_core::{CoreError, Source, Store, check, dump, schema};
use serde_json::{Map, Value, json};

#[derive(Debug)]
enum Err {
    Core(#[allow(dead_code)] CoreError),
    Cancelled,
}
impl From<CoreError> for Err {
    fn from(e: CoreError) -> Self {
        Err::Core(e)
    }
}
impl From<Cancelled> for Err {
    fn from(_: Cancelled) -> Self {
        Err::Cancelled
    }
}

/// A store with a name.
fn store(name: &str) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.set_display_name(name).unwrap();
    s
}

/// What `from` would send to `to` (or everything).
fn bundle(from: &Store, to: Option<&Store>) -> (ImportMeta, Vec<Change>) {
    let peer = to.map(|t| t.identity().unwrap().replica_id);
    let scope = export::scope(from.conn(), peer.as_deref()).unwrap();
    let mut changes = Vec::new();
    export::for_each_line::<CoreError>(from.conn(), &scope, &mut |_, line| {
        changes.push(serde_json::from_str(line).unwrap());
        Ok(())
    })
    .unwrap();
    let me = from.identity().unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let meta = ImportMeta {
        bundle_id: id.clone(),
        sha256: id,
        file_name: "test".into(),
        origin: Replica {
            id: me.replica_id,
            name: me.name,
        },
        replicas: vec![],
        until: scope.until,
        changes: changes.len() as u64,
    };
    (meta, changes)
}

fn import(to: &mut Store, b: &(ImportMeta, Vec<Change>)) -> ImportReport {
    let mut left = Some(b.1.clone());
    apply::import::<Err>(
        to,
        &b.0,
        false,
        &mut |out| {
            out.extend(left.take().unwrap_or_default());
            Ok(false)
        },
        &mut |_| ControlFlow::Continue(()),
    )
    .unwrap()
}

fn send(from: &Store, to: &mut Store) -> ImportReport {
    let b = bundle(from, Some(to));
    import(to, &b)
}

fn fields(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

fn org(s: &mut Store, acronym: &str) -> String {
    s.write(Source::Cli, |w| {
        w.create(
            &schema::ORGANISATION,
            fields(json!({"acronym": acronym, "kind": "national_body"})),
        )
    })
    .unwrap()
}

fn set(s: &mut Store, id: &str, v: Value) {
    s.write(Source::Cli, |w| {
        w.update(&schema::ORGANISATION, id, fields(v))
    })
    .unwrap();
}

fn get(s: &Store, id: &str, field: &str) -> Value {
    normdesk_core::writer::load(s.conn(), &schema::ORGANISATION, id)
        .unwrap()
        .unwrap()[field]
        .clone()
}

#[test]
fn edits_of_different_fields_both_survive_and_stores_converge() {
    let (mut a, mut b) = (store("A"), store("B"));
    let id = org(&mut a, "SAC");
    send(&a, &mut b);
    set(
        &mut a,
        &id,
        json!({"name_en": "Standardization Administration"}),
    );
    set(&mut b, &id, json!({"name_zh": "国家标准化管理委员会"}));
    send(&a, &mut b);
    send(&b, &mut a);
    assert_eq!(get(&a, &id, "name_en"), "Standardization Administration");
    assert_eq!(get(&a, &id, "name_zh"), "国家标准化管理委员会");
    assert_eq!(dump::dump(a.conn()).unwrap(), dump::dump(b.conn()).unwrap());
    assert!(conflicts::list(a.conn()).unwrap().is_empty());
}

#[test]
fn a_concurrent_edit_keeps_the_loser_as_the_same_conflict_everywhere_and_a_resolution_travels() {
    let (mut a, mut b) = (store("Li Ming"), store("Chen Jing"));
    let id = org(&mut a, "SAC");
    send(&a, &mut b);
    set(&mut a, &id, json!({"country": "CN"}));
    std::thread::sleep(std::time::Duration::from_millis(3));
    set(&mut b, &id, json!({"country": "China"}));
    let to_b = send(&a, &mut b);
    assert_eq!(to_b.new_conflicts, 1);
    assert_eq!(to_b.kinds[0].conflicting, 1);
    send(&b, &mut a);
    assert_eq!(get(&a, &id, "country"), "China", "the later stamp wins");
    assert_eq!(dump::dump(a.conn()).unwrap(), dump::dump(b.conn()).unwrap());
    let (ca, cb) = (
        conflicts::list(a.conn()).unwrap(),
        conflicts::list(b.conn()).unwrap(),
    );
    assert_eq!(ca.len(), 1);
    assert_eq!(ca[0].id, cb[0].id);
    assert_eq!(
        (ca[0].current.value.clone(), ca[0].other.value.clone()),
        (json!("China"), json!("CN"))
    );
    assert_eq!(ca[0].other.by.name, "Li Ming");
    assert!(ca[0].other.local && !cb[0].other.local);

    conflicts::resolve(&mut a, &ca[0].id, Keep::Other).unwrap();
    assert_eq!(get(&a, &id, "country"), "CN");
    assert!(conflicts::list(a.conn()).unwrap().is_empty());
    send(&a, &mut b);
    assert!(
        conflicts::list(b.conn()).unwrap().is_empty(),
        "the resolution closes the conflict where it arrives"
    );
    assert_eq!(dump::dump(a.conn()).unwrap(), dump::dump(b.conn()).unwrap());
}

#[test]
fn the_report_counts_the_conflicts_the_list_shows_not_heads_of_equal_value() {
    // A and C set the same country without seeing each other, B another one between them in
    // time. R sees B's first, then A's and C's together: A's "CN" loses to B's at first, then
    // C's "CN" wins — A's head stays, equal to what is shown, so only B's is a conflict.
    let (mut a, mut b, mut c, mut r) = (store("A"), store("B"), store("C"), store("R"));
    let id = org(&mut a, "SAC");
    for other in [&mut b, &mut c, &mut r] {
        send(&a, other);
    }
    set(&mut a, &id, json!({"country": "CN"}));
    std::thread::sleep(std::time::Duration::from_millis(3));
    set(&mut b, &id, json!({"country": "China"}));
    std::thread::sleep(std::time::Duration::from_millis(3));
    set(&mut c, &id, json!({"country": "CN"}));
    let quiet = send(&a, &mut c);
    assert_eq!((quiet.new_conflicts, quiet.open_conflicts), (0, 0));
    assert!(conflicts::list(c.conn()).unwrap().is_empty());

    send(&b, &mut r);
    let report = send(&c, &mut r);
    let shown = conflicts::list(r.conn()).unwrap();
    assert_eq!(get(&r, &id, "country"), "CN");
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].other.value, json!("China"));
    assert_eq!(report.new_conflicts, 1, "as many as the list shows");
    assert_eq!(report.open_conflicts, 1);
    assert_eq!(report.kinds[0].conflicting, 1);
    let again = send(&b, &mut c);
    assert_eq!(
        (
            again.new_conflicts,
            conflicts::list(c.conn()).unwrap().len()
        ),
        (1, 1)
    );
    assert_eq!(dump::dump(c.conn()).unwrap(), dump::dump(r.conn()).unwrap());
}

#[test]
fn work_passes_on_from_a_through_b_to_c() {
    let (mut a, mut b, mut c) = (store("A"), store("B"), store("C"));
    let id = org(&mut a, "IEC");
    send(&a, &mut b);
    set(&mut b, &id, json!({"country": "CH"}));
    send(&b, &mut c);
    assert_eq!(get(&c, &id, "acronym"), "IEC");
    assert_eq!(get(&c, &id, "country"), "CH");
    let known = vector::ours(c.conn()).unwrap();
    assert!(
        known.get(&a.identity().unwrap().replica_id) > 0,
        "C knows how far it has A's changes"
    );
    // A gets B's edit through C; nothing new comes back to B.
    send(&c, &mut a);
    assert_eq!(dump::dump(a.conn()).unwrap(), dump::dump(c.conn()).unwrap());
    assert_eq!(
        bundle(&c, Some(&b)).1.len(),
        0,
        "B showed C everything it has"
    );
}

#[test]
fn importing_the_same_changes_again_changes_nothing() {
    let (mut a, mut b) = (store("A"), store("B"));
    org(&mut a, "ISO");
    let one = bundle(&a, None);
    let first = import(&mut b, &one);
    assert_eq!(first.changes.applied, first.changes.total);
    let before = dump::dump(b.conn()).unwrap();
    assert!(import(&mut b, &one).already_imported);
    let mut other = bundle(&a, None);
    other.0.bundle_id = uuid::Uuid::now_v7().to_string();
    other.0.sha256 = other.0.bundle_id.clone();
    let again = import(&mut b, &other);
    assert_eq!(
        (again.changes.duplicate, again.changes.applied),
        (again.changes.total, 0)
    );
    assert_eq!(dump::dump(b.conn()).unwrap(), before);
}

#[test]
fn a_delete_that_meets_an_unseen_edit_is_a_conflict_and_either_side_can_be_kept() {
    for keep in [Keep::Current, Keep::Other] {
        let (mut a, mut b) = (store("A"), store("B"));
        let id = org(&mut a, "ITU");
        send(&a, &mut b);
        set(&mut a, &id, json!({"country": "CH"}));
        b.write(Source::Cli, |w| w.delete(&schema::ORGANISATION, &id))
            .unwrap();
        send(&a, &mut b);
        send(&b, &mut a);
        assert_eq!(dump::dump(a.conn()).unwrap(), dump::dump(b.conn()).unwrap());
        let list = conflicts::list(a.conn()).unwrap();
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(list[0].kind, ConflictKind::Delete);
        assert_eq!(list[0].other.field, "country");
        assert_eq!(list[0].id, conflicts::list(b.conn()).unwrap()[0].id);
        conflicts::resolve(&mut b, &list[0].id, keep).unwrap();
        send(&b, &mut a);
        assert!(
            conflicts::list(a.conn()).unwrap().is_empty()
                && conflicts::list(b.conn()).unwrap().is_empty()
        );
        let live = normdesk_core::writer::load(a.conn(), &schema::ORGANISATION, &id).unwrap();
        assert_eq!(live.is_some(), keep == Keep::Other);
        if keep == Keep::Other {
            assert_eq!(
                get(&a, &id, "country"),
                "CH",
                "the restored record keeps the edit"
            );
        }
        assert_eq!(dump::dump(a.conn()).unwrap(), dump::dump(b.conn()).unwrap());
    }
}

#[test]
fn a_delete_of_what_the_deleter_saw_is_no_conflict() {
    let (mut a, mut b) = (store("A"), store("B"));
    let id = org(&mut a, "ITU");
    set(&mut a, &id, json!({"country": "CH"}));
    send(&a, &mut b);
    b.write(Source::Cli, |w| w.delete(&schema::ORGANISATION, &id))
        .unwrap();
    send(&b, &mut a);
    assert!(conflicts::list(a.conn()).unwrap().is_empty());
    assert!(
        normdesk_core::writer::load(a.conn(), &schema::ORGANISATION, &id)
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_cancelled_import_applies_nothing() {
    let (mut a, mut b) = (store("A"), store("B"));
    for i in 0..50 {
        org(&mut a, &format!("ORG{i}"));
    }
    let (meta, changes) = bundle(&a, None);
    let before = dump::dump(b.conn()).unwrap();
    let mut chunks = changes
        .chunks(100)
        .map(<[Change]>::to_vec)
        .collect::<Vec<_>>()
        .into_iter();
    let result = apply::import::<Err>(
        &mut b,
        &meta,
        false,
        &mut |out| {
            out.extend(chunks.next().unwrap_or_default());
            Ok(chunks.len() > 0)
        },
        &mut |p| {
            if p.done >= 200 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    );
    assert!(matches!(result, Err(Err::Cancelled)), "{result:?}");
    assert_eq!(dump::dump(b.conn()).unwrap(), before);
    assert!(check::check(b.conn()).unwrap().ok());
    assert!(
        import(&mut b, &(meta, changes)).changes.applied > 0,
        "the same bundle imports after a cancel"
    );
}

#[test]
fn a_copied_database_gets_a_new_replica_id_and_keeps_the_old_one_as_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("normdesk.db");
    let original = {
        let mut s = Store::open(&path).unwrap();
        org(&mut s, "ISO");
        s.identity().unwrap()
    };
    assert_eq!(
        Store::open(&path).unwrap().identity().unwrap(),
        original,
        "reopening is not a copy"
    );
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).unwrap();
    std::fs::copy(identity::install_file(&path), identity::install_file(&copy)).unwrap();
    let store = Store::open(&copy).unwrap();
    let id = store.identity().unwrap();
    assert_ne!(id.replica_id, original.replica_id);
    let known = vector::ours(store.conn()).unwrap();
    assert!(
        known.get(&original.replica_id) > 0,
        "the old identity's changes are still held: {known:?}"
    );
    assert_eq!(
        Store::open(&copy).unwrap().identity().unwrap(),
        id,
        "and the copy keeps its new id"
    );
}
