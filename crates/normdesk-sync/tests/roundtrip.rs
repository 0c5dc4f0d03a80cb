//! Bundles between two workstations through files: what goes in comes out, importing again
//! changes nothing and says so, a dry run changes nothing, a cancelled import applies nothing and
//! a cancelled export leaves no file, a colleague's bundle carries only what it lacks, and the
//! manifest keeps fields it does not know.

mod support;

use std::ops::ControlFlow;

use normdesk_core::sync::{conflicts, history};
use normdesk_sync::{SyncError, format};
use serde_json::json;
use support::{Desk, Parts, go};

#[test]
fn a_full_bundle_carries_everything_and_importing_it_again_changes_nothing() {
    let (mut a, mut b) = (Desk::new("Li Ming"), Desk::new("Chen Jing"));
    a.seed();
    let file = a.export(None);
    let report = b.import(&file);
    assert!(!report.already_imported && report.changes.applied > 0);
    let kinds: Vec<(&str, u32)> = report
        .kinds
        .iter()
        .map(|k| (k.kind.as_str(), k.new))
        .collect();
    assert!(
        kinds.contains(&("project", 1)) && kinds.contains(&("membership", 1)),
        "{kinds:?}"
    );
    assert_eq!(report.authors[0].replica.name, "Li Ming");
    assert_eq!(a.dump(), b.dump());
    assert!(normdesk_core::check::check(b.store.conn()).unwrap().ok());
    // Search knows the records that came in.
    let found = normdesk_core::records::list(
        b.store.conn(),
        normdesk_core::schema::entity("person").unwrap(),
        Some("李明"),
    )
    .unwrap();
    assert_eq!(found.len(), 1);

    let again = b.import(&file);
    assert!(again.already_imported);
    assert_eq!(a.dump(), b.dump());
    let log = history::exchanges(b.store.conn()).unwrap();
    assert_eq!(log.iter().filter(|e| e.direction == "import").count(), 1);
}

#[test]
fn a_bundle_for_a_colleague_carries_only_what_it_lacks() {
    let (mut a, mut b) = (Desk::new("A"), Desk::new("B"));
    let ids = a.seed();
    b.import(&a.export(None));
    // B's bundle tells A what B holds.
    b.create(
        "organisation",
        json!({"acronym": "IEC", "kind": "international_sdo"}),
    );
    a.import(&b.export(Some(&a)));
    a.store
        .write(normdesk_core::Source::Cli, |w| {
            w.update(
                normdesk_core::schema::entity("project")?,
                &ids[4],
                json!({"stage": "40.20"}).as_object().unwrap().clone(),
            )
        })
        .unwrap();
    let file = a.export(Some(&b));
    let manifest = Parts::of(&std::fs::read(&file).unwrap()).manifest;
    assert_eq!(manifest["counts"]["changes"], json!(1), "{manifest}");
    assert_eq!(manifest["recipient"]["name"], json!("B"));
    b.import(&file);
    assert_eq!(a.dump(), b.dump());
}

#[test]
fn a_dry_run_plans_exactly_and_changes_nothing() {
    let (mut a, mut b) = (Desk::new("A"), Desk::new("B"));
    a.seed();
    let file = a.export(None);
    let before = b.dump();
    let plan = normdesk_sync::preview(&mut b.store, &file, &mut go).unwrap();
    assert!(plan.dry_run && plan.changes.applied > 0);
    assert_eq!(b.dump(), before);
    let done = b.import(&file);
    assert_eq!((plan.kinds, plan.changes), (done.kinds, done.changes));
}

#[test]
fn cancelling_an_import_applies_nothing_and_cancelling_an_export_leaves_no_file() {
    let (mut a, mut b) = (Desk::new("A"), Desk::new("B"));
    for i in 0..400 {
        a.create(
            "organisation",
            json!({"acronym": format!("O{i}"), "kind": "consortium"}),
        );
    }
    let file = a.export(None);
    let before = b.dump();
    let result = normdesk_sync::import(&mut b.store, &file, &mut |p| {
        if p.phase == normdesk_sync::Phase::Apply {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert!(matches!(result, Err(SyncError::Cancelled)), "{result:?}");
    assert_eq!(b.dump(), before);
    assert!(history::exchanges(b.store.conn()).unwrap().is_empty());

    let out = a.path("cancelled.ndbundle");
    let result = normdesk_sync::export(&mut a.store, &out, None, &mut |_| ControlFlow::Break(()));
    assert!(matches!(result, Err(SyncError::Cancelled)), "{result:?}");
    let left: Vec<_> = std::fs::read_dir(a.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert!(
        !out.exists() && !left.iter().any(|n| n.to_string_lossy().contains("part")),
        "{left:?}"
    );
}

#[test]
fn conflicts_travel_in_bundles_and_a_resolution_closes_them_everywhere() {
    let (mut a, mut b) = (Desk::new("A"), Desk::new("B"));
    let ids = a.seed();
    b.import(&a.export(None));
    let set = |d: &mut Desk, v: &str| {
        d.store
            .write(normdesk_core::Source::Cli, |w| {
                w.update(
                    normdesk_core::schema::entity("person")?,
                    &ids[2],
                    json!({"phone": v}).as_object().unwrap().clone(),
                )
            })
            .unwrap();
    };
    set(&mut a, "+86 755 1111");
    set(&mut b, "+86 755 2222");
    a.import(&b.export(Some(&a)));
    b.import(&a.export(Some(&b)));
    assert_eq!(a.dump(), b.dump());
    let list = conflicts::list(a.store.conn()).unwrap();
    assert_eq!(list.len(), 1);
    conflicts::resolve(&mut b.store, &list[0].id, conflicts::Keep::Other).unwrap();
    a.import(&b.export(Some(&a)));
    assert!(conflicts::list(a.store.conn()).unwrap().is_empty());
    assert_eq!(a.dump(), b.dump());
}

#[test]
fn unknown_manifest_fields_and_entry_kinds_are_kept_and_ignored() {
    let (mut a, mut b) = (Desk::new("A"), Desk::new("B"));
    a.seed();
    let mut parts = Parts::of(&std::fs::read(a.export(None)).unwrap());
    parts.manifest["signature"] = json!({"alg": "ed25519", "value": "later"});
    let draft = b"automerge bytes".to_vec();
    parts.manifest["entries"].as_array_mut().unwrap().push(json!({"path": "drafts/x.am", "kind": "draft", "size": draft.len(), "sha256": support::sha(&draft), "draft_id": "x"}));
    let file = b.path("future.ndbundle");
    std::fs::write(
        &file,
        parts.build_with(vec![support::raw("drafts/x.am", draft)]),
    )
    .unwrap();
    let bundle =
        normdesk_sync::read::open(&file, &normdesk_sync::Limits::default(), &mut go).unwrap();
    assert_eq!(bundle.manifest.extra["signature"]["alg"], json!("ed25519"));
    assert_eq!(bundle.manifest.entries[1].extra["draft_id"], json!("x"));
    b.import(&file);
    assert_eq!(a.dump(), b.dump());
    assert_eq!(format::FORMAT_VERSION, 1);
}
