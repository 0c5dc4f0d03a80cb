//! Convergence, as a property: three workstations make random creates, edits, deletes and
//! conflict resolutions across record kinds (organisation, committee, person, project,
//! membership) and exchange full and partial bundles in random order, with duplicates and
//! re-imports of old bundles. After everyone has imported everything, `dump` is byte-identical
//! on all three and they hold the same open conflicts.
//!
//! The exchange goes through the store's sync API (the zip layer is tested in `roundtrip` and
//! `hostile`), so each case is small and fast. `NORMDESK_PROPTEST_CASES` raises the case count
//! (1,000 by default) for the nightly/bench run.

use std::ops::ControlFlow;

use normdesk_core::sync::apply::{self, Cancelled, ImportMeta};
use normdesk_core::sync::conflicts::{self, Keep};
use normdesk_core::sync::{Change, Replica, export};
use normdesk_core::{CoreError, Source, Store, dump, schema};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

#[derive(Debug)]
struct Failed;
impl From<CoreError> for Failed {
    fn from(e: CoreError) -> Self {
        panic!("import failed: {e}")
    }
}
impl From<Cancelled> for Failed {
    fn from(_: Cancelled) -> Self {
        Failed
    }
}

#[derive(Debug, Clone)]
enum Op {
    Create {
        at: usize,
        kind: usize,
        pick: usize,
        word: usize,
    },
    Edit {
        at: usize,
        kind: usize,
        pick: usize,
        field: usize,
        word: usize,
    },
    Delete {
        at: usize,
        kind: usize,
        pick: usize,
    },
    Send {
        from: usize,
        to: usize,
        full: bool,
    },
    Replay {
        to: usize,
        bundle: usize,
    },
    Resolve {
        at: usize,
        pick: usize,
        other: bool,
    },
}

const KINDS: &[&str] = &[
    "organisation",
    "committee",
    "person",
    "project",
    "membership",
];
const WORDS: &[&str] = &["CN", "CH", "深圳", "Geneva", "水回用", "drones"];

fn op() -> impl Strategy<Value = Op> {
    let r = 0..3usize;
    prop_oneof![
        2 => (r.clone(), 0..KINDS.len(), any::<usize>(), 0..WORDS.len()).prop_map(|(at, kind, pick, word)| Op::Create { at, kind, pick, word }),
        6 => (r.clone(), 0..KINDS.len(), any::<usize>(), 0..3usize, 0..WORDS.len())
            .prop_map(|(at, kind, pick, field, word)| Op::Edit { at, kind, pick, field, word }),
        1 => (r.clone(), 0..KINDS.len(), any::<usize>()).prop_map(|(at, kind, pick)| Op::Delete { at, kind, pick }),
        3 => (r.clone(), r.clone(), any::<bool>()).prop_map(|(from, to, full)| Op::Send { from, to, full }),
        1 => (r.clone(), any::<usize>()).prop_map(|(to, bundle)| Op::Replay { to, bundle }),
        1 => (r, any::<usize>(), any::<bool>()).prop_map(|(at, pick, other)| Op::Resolve { at, pick, other }),
    ]
}

type Bundle = (ImportMeta, Vec<Change>);

fn make_bundle(from: &Store, to: Option<&Store>) -> Bundle {
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
        file_name: "p".into(),
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

fn import(to: &mut Store, b: &Bundle) {
    let mut left = Some(b.1.clone());
    apply::import::<Failed>(
        to,
        &b.0,
        false,
        &mut |out| {
            out.extend(left.take().unwrap_or_default());
            Ok(false)
        },
        &mut |_| ControlFlow::Continue(()),
    )
    .unwrap();
}

fn live(s: &Store, kind: &str) -> Vec<String> {
    let sql = format!("SELECT id FROM {kind} WHERE deleted = 0 ORDER BY id");
    s.conn()
        .prepare(&sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn pick(ids: &[String], n: usize) -> Option<String> {
    (!ids.is_empty()).then(|| ids[n % ids.len()].clone())
}

/// Fields for a new record of `kind`, or `None` when what it must refer to is missing.
fn new_fields(s: &Store, kind: &str, n: usize, word: &str) -> Option<Value> {
    Some(match kind {
        "organisation" => {
            json!({"acronym": format!("O{n}"), "kind": "consortium", "country": word})
        }
        "committee" => {
            json!({"reference": format!("TC {}", n % 1000), "kind": "TC", "membership": "P",
                              "organisation_id": pick(&live(s, "organisation"), n)})
        }
        "person" => json!({"name_en": word, "organisation_id": pick(&live(s, "organisation"), n)}),
        "project" => {
            json!({"reference": format!("ISO {}", n % 100_000), "title_en": word, "tier": "international",
                            "deliverable": "IS", "our_role": "lead", "stage": "30.20", "committee_id": pick(&live(s, "committee"), n)})
        }
        _ => {
            json!({"person_id": pick(&live(s, "person"), n)?, "committee_id": pick(&live(s, "committee"), n / 7)?, "role": "expert"})
        }
    })
}

fn edit_fields(kind: &str, field: usize, word: &str) -> Value {
    let roles = ["chair", "expert", "convenor"];
    let stages = ["30.20", "40.20", "50.00"];
    match (kind, field) {
        ("organisation", 0) => json!({"country": word}),
        ("organisation", 1) => json!({"name_en": word}),
        ("organisation", _) => json!({"in_city": word.len().is_multiple_of(2)}),
        ("committee", 0) => json!({"title_en": word}),
        ("committee", 1) => json!({"secretariat": word}),
        ("committee", _) => json!({"membership": (["P", "O", "none"][word.len() % 3])}),
        ("person", 0) => json!({"phone": word}),
        ("person", 1) => json!({"name_zh": word}),
        ("person", _) => json!({"expertise": word}),
        ("project", 0) => json!({"title_en": word}),
        ("project", 1) => json!({"stage": stages[word.len() % 3]}),
        ("project", _) => json!({"scope": word}),
        (_, 0) => json!({"role": roles[word.len() % 3]}),
        (_, _) => json!({"start_date": format!("2026-0{}-01", 1 + word.len() % 9)}),
    }
}

fn obj(v: Value) -> Map<String, Value> {
    v.as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut desks: Vec<Store> = (0..3)
        .map(|i| {
            let mut s = Store::open_in_memory().unwrap();
            s.set_display_name(&format!("W{i}")).unwrap();
            s
        })
        .collect();
    // A shared start (one record of each kind, known to all), so that edits meet.
    for (i, kind) in KINDS.iter().enumerate() {
        let fields = new_fields(&desks[0], kind, i, WORDS[i]).unwrap();
        desks[0]
            .write(Source::Cli, |w| {
                w.create(schema::entity(kind)?, obj(fields))
            })
            .unwrap();
    }
    let start = make_bundle(&desks[0], None);
    import(&mut desks[1], &start);
    import(&mut desks[2], &start);
    let mut bundles: Vec<Bundle> = vec![start];
    for (n, op) in ops.iter().enumerate() {
        match op.clone() {
            Op::Create {
                at,
                kind,
                pick,
                word,
            } => {
                let s = &mut desks[at];
                if let Some(fields) = new_fields(s, KINDS[kind], pick.wrapping_add(n), WORDS[word])
                {
                    let spec = schema::entity(KINDS[kind]).unwrap();
                    let _ = s.write(Source::Cli, |w| w.create(spec, obj(fields)));
                }
            }
            Op::Edit {
                at,
                kind,
                pick,
                field,
                word,
            } => {
                let s = &mut desks[at];
                if let Some(id) = self::pick(&live(s, KINDS[kind]), pick) {
                    let spec = schema::entity(KINDS[kind]).unwrap();
                    let _ = s.write(Source::Ui, |w| {
                        w.update(spec, &id, obj(edit_fields(KINDS[kind], field, WORDS[word])))
                    });
                }
            }
            Op::Delete { at, kind, pick } => {
                let s = &mut desks[at];
                if let Some(id) = self::pick(&live(s, KINDS[kind]), pick) {
                    let _ = s.write(Source::Ui, |w| w.delete(schema::entity(KINDS[kind])?, &id));
                }
            }
            Op::Send { from, to, full } => {
                let b = make_bundle(&desks[from], (!full).then(|| &desks[to]));
                import(&mut desks[to], &b);
                bundles.push(b);
            }
            Op::Replay { to, bundle } => {
                if !bundles.is_empty() {
                    let b = bundles[bundle % bundles.len()].clone();
                    import(&mut desks[to], &b);
                }
            }
            Op::Resolve { at, pick, other } => {
                let open = conflicts::list(desks[at].conn()).unwrap();
                if !open.is_empty() {
                    let keep = if other { Keep::Other } else { Keep::Current };
                    conflicts::resolve(&mut desks[at], &open[pick % open.len()].id, keep).unwrap();
                }
            }
        }
    }
    // Everyone imports everything: each sends everyone a full bundle.
    let full: Vec<Bundle> = desks.iter().map(|d| make_bundle(d, None)).collect();
    for b in &full {
        for d in desks.iter_mut() {
            import(d, b);
        }
    }
    let dumps: Vec<String> = desks
        .iter()
        .map(|d| dump::dump(d.conn()).unwrap())
        .collect();
    prop_assert_eq!(&dumps[0], &dumps[1]);
    prop_assert_eq!(&dumps[1], &dumps[2]);
    let open: Vec<Vec<(String, Value, Value)>> = desks
        .iter()
        .map(|d| {
            let mut v: Vec<_> = conflicts::list(d.conn())
                .unwrap()
                .into_iter()
                .map(|c| (c.id, c.current.value, c.other.value))
                .collect();
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v
        })
        .collect();
    if std::env::var_os("NORMDESK_PROPTEST_STATS").is_some() {
        let deleted: i64 = desks[0]
            .conn()
            .query_row(
                "SELECT count(*) FROM change_log WHERE field = 'deleted'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let rows: i64 = desks[0]
            .conn()
            .query_row("SELECT count(*) FROM conflict", [], |r| r.get(0))
            .unwrap();
        eprintln!(
            "stats: {} open conflicts, {deleted} deletes, {rows} conflict rows, {} bytes of dump",
            open[0].len(),
            dumps[0].len()
        );
    }
    prop_assert_eq!(&open[0], &open[1]);
    prop_assert_eq!(&open[1], &open[2]);
    for d in &desks {
        let waiting: i64 = d
            .conn()
            .query_row("SELECT count(*) FROM pending_change", [], |r| r.get(0))
            .unwrap();
        prop_assert_eq!(waiting, 0, "nothing waits once everyone has everything");
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("NORMDESK_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), max_shrink_iters: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_exchange_order_converges(ops in proptest::collection::vec(op(), 4..20)) {
        run(&ops)?;
    }
}
