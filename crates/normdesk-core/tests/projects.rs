//! The projects register through the core API: create, edit, stage history, list filters,
//! sorting, search in both scripts, and refusals that leave the store unchanged.

mod common;

use common::project;
use normdesk_core::projects::{self, ProjectQuery, ProjectSort, StageChange};
use normdesk_core::{CoreError, Source, Store, dump};
use serde_json::json;

fn store_with(projects_: &[serde_json::Value]) -> (Store, Vec<String>) {
    let mut store = Store::open_in_memory().unwrap();
    let ids = store
        .write(Source::Cli, |w| {
            projects_
                .iter()
                .map(|p| projects::create(w, project(p.clone())))
                .collect()
        })
        .unwrap();
    (store, ids)
}

fn references(store: &Store, q: ProjectQuery) -> Vec<String> {
    projects::list(store.conn(), &q)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.reference)
        .collect()
}

#[test]
fn create_get_and_history() {
    let (store, ids) = store_with(&[json!({})]);
    let detail = projects::get(store.conn(), &ids[0]).unwrap();
    assert_eq!(detail.project.fields, project(json!({})));
    assert_eq!(detail.history.len(), 1);
    assert_eq!(
        (
            detail.history[0].code.as_str(),
            detail.history[0].date.as_str()
        ),
        ("30.20", "2024-01-01")
    );
}

#[test]
fn change_stage_twice_appends_history_in_order() {
    let (mut store, ids) = store_with(&[json!({})]);
    for (code, date, note) in [
        ("30.60", "2025-02-01", "comments in"),
        ("40.00", "2025-03-01", "DIS registered"),
    ] {
        let change = StageChange {
            code: code.into(),
            date: date.into(),
            note: note.into(),
        };
        store
            .write(Source::Ui, |w| projects::change_stage(w, &ids[0], change))
            .unwrap();
    }
    let detail = projects::get(store.conn(), &ids[0]).unwrap();
    assert_eq!(detail.project.fields.stage, "40.00");
    let codes: Vec<_> = detail
        .history
        .iter()
        .map(|e| (e.code.as_str(), e.note.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("30.20", ""),
            ("30.60", "comments in"),
            ("40.00", "DIS registered")
        ]
    );
}

#[test]
fn update_changes_fields_and_records_a_stage_change() {
    let (mut store, ids) = store_with(&[json!({})]);
    let edited = project(json!({"title_en": "UAS — vertiports", "stage": "30.60"}));
    store
        .write(Source::Ui, |w| projects::update(w, &ids[0], edited.clone()))
        .unwrap();
    let detail = projects::get(store.conn(), &ids[0]).unwrap();
    assert_eq!(detail.project.fields, edited);
    assert_eq!(detail.history.len(), 2);
}

#[test]
fn search_matches_chinese_substrings_and_english_words() {
    let (store, _) = store_with(&[
        json!({"reference": "ISO 1 A", "title_en": "Unmanned aircraft systems", "title_zh": "无人驾驶航空器系统"}),
        json!({"reference": "ISO 2 B", "title_en": "Water reuse in urban areas", "title_zh": "城市水回用"}),
        json!({"reference": "ISO 3 C", "title_en": "Aircraft cargo", "title_zh": "航空货运"}),
    ]);
    let cases: &[(&str, &[&str])] = &[
        ("航空器", &["ISO 1 A"]),
        ("航空", &["ISO 1 A", "ISO 3 C"]),
        ("水", &["ISO 2 B"]),
        ("回用", &["ISO 2 B"]),
        ("aircraft", &["ISO 1 A", "ISO 3 C"]),
        ("AIRCRAFT unmanned", &["ISO 1 A"]),
        ("urb", &["ISO 2 B"]),
        ("航空 cargo", &["ISO 3 C"]),
        ("器系统", &["ISO 1 A"]),
        ("系统器", &[]),
        ("\"*)(", &["ISO 1 A", "ISO 2 B", "ISO 3 C"]),
    ];
    for (query, want) in cases {
        let got = references(
            &store,
            ProjectQuery {
                search: query.to_string(),
                ..Default::default()
            },
        );
        assert_eq!(&got, want, "query {query:?}");
    }
}

#[test]
fn filters_sorting_and_paging() {
    let (store, _) = store_with(&[
        json!({"reference": "ISO 30 C", "stage": "30.20", "target_date": "2026-03-01", "limit_date": "2026-06-01"}),
        json!({"reference": "ISO 10 A", "stage": "10.20", "target_date": "2026-01-01", "limit_date": "2025-06-01"}),
        json!({"reference": "ISO 60 B", "stage": "60.60", "target_date": "2026-02-01", "limit_date": "2025-01-01"}),
        json!({"reference": "DB4403/T 1-2026", "tier": "local", "deliverable": "DB/T", "our_role": "participate", "stage": "20.20", "target_date": null}),
    ]);
    let today = Some("2026-01-01".to_string());
    let q = |f: fn(&mut ProjectQuery)| {
        let mut q = ProjectQuery {
            today: today.clone(),
            ..Default::default()
        };
        f(&mut q);
        q
    };
    let cases: Vec<(ProjectQuery, Vec<&str>)> = vec![
        (
            q(|_| {}),
            vec!["DB4403/T 1-2026", "ISO 10 A", "ISO 30 C", "ISO 60 B"],
        ),
        (
            q(|q| q.descending = true),
            vec!["ISO 60 B", "ISO 30 C", "ISO 10 A", "DB4403/T 1-2026"],
        ),
        (
            q(|q| q.sort = ProjectSort::Stage),
            vec!["ISO 10 A", "DB4403/T 1-2026", "ISO 30 C", "ISO 60 B"],
        ),
        (
            q(|q| q.sort = ProjectSort::TargetDate),
            vec!["ISO 10 A", "ISO 60 B", "ISO 30 C", "DB4403/T 1-2026"],
        ),
        (
            q(|q| q.tier = Some(normdesk_core::enums::Tier::Local)),
            vec!["DB4403/T 1-2026"],
        ),
        (
            q(|q| q.our_role = Some(normdesk_core::enums::OurRole::Lead)),
            vec!["ISO 10 A", "ISO 30 C", "ISO 60 B"],
        ),
        (
            q(|q| q.stage_group = Some("committee".into())),
            vec!["ISO 30 C"],
        ),
        // Overdue: limit passed and not published (ISO 60 B is published).
        (q(|q| q.overdue = true), vec!["ISO 10 A"]),
        (
            q(|q| {
                q.offset = 1;
                q.limit = 2;
            }),
            vec!["ISO 10 A", "ISO 30 C"],
        ),
    ];
    for (query, want) in cases {
        assert_eq!(references(&store, query.clone()), want, "{query:?}");
    }
    let page = projects::list(store.conn(), &q(|q| q.limit = 1)).unwrap();
    assert_eq!((page.total, page.rows.len()), (4, 1));
    let overdue: Vec<bool> = projects::list(store.conn(), &q(|_| {}))
        .unwrap()
        .rows
        .iter()
        .map(|r| r.overdue)
        .collect();
    assert_eq!(overdue, [false, true, false, false]);
}

#[test]
fn bad_input_is_refused_naming_the_field_and_changes_nothing() {
    let (mut store, ids) = store_with(&[json!({})]);
    let before = dump::dump(store.conn()).unwrap();
    let long = "x".repeat(501);
    let cases = [
        (json!({"reference": ""}), "reference"),
        (json!({"reference": "DB4403/T 1-2026"}), "reference"),
        (
            json!({"tier": "local", "reference": "ISO 9001", "deliverable": "DB"}),
            "reference",
        ),
        (
            json!({"tier": "group", "reference": "T/SZS 1-2026", "deliverable": "IS"}),
            "deliverable",
        ),
        (json!({"stage": "31.00"}), "stage"),
        (json!({"limit_date": "2023-12-31"}), "limit_date"),
        (json!({"target_date": "2026-02-30"}), "target_date"),
        (json!({"title_en": "", "title_zh": ""}), "title_en"),
        (json!({"title_en": long}), "title_en"),
        (json!({"track_months": 30}), "track_months"),
        (
            json!({"committee_id": "0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d"}),
            "committee_id",
        ),
        (json!({"leader_id": "not-a-uuid"}), "leader_id"),
    ];
    for (overrides, field) in cases {
        let input = project(overrides.clone());
        for result in [
            store
                .write(Source::Ui, |w| projects::create(w, input.clone()))
                .map(drop),
            store.write(Source::Ui, |w| projects::update(w, &ids[0], input.clone())),
        ] {
            match result {
                Err(CoreError::Validation { field: f, message }) => {
                    assert_eq!(f, field, "{overrides}: {message}")
                }
                other => {
                    panic!("{overrides}: expected a validation error on {field}, got {other:?}")
                }
            }
        }
    }
    let bad_stage = StageChange {
        code: "30.21".into(),
        date: "2026-01-01".into(),
        note: String::new(),
    };
    assert!(
        store
            .write(Source::Ui, |w| projects::change_stage(
                w, &ids[0], bad_stage
            ))
            .is_err()
    );
    assert!(
        matches!(projects::get(store.conn(), "42"), Err(CoreError::Validation { field, .. }) if field == "id")
    );
    assert_eq!(
        dump::dump(store.conn()).unwrap(),
        before,
        "a refused write changed the store"
    );
}

#[test]
fn delete_takes_the_history_and_a_referenced_committee_is_kept() {
    let mut store = Store::open_in_memory().unwrap();
    normdesk_core::demo::load(&mut store).unwrap();
    let sc16 = normdesk_core::demo::demo_id("committee", "ISO/TC 20/SC 16");
    let refused = store.write(Source::Cli, |w| {
        w.delete(&normdesk_core::schema::COMMITTEE, &sc16)
    });
    match refused {
        Err(CoreError::InUse { by, .. }) => {
            assert!(
                by.iter().any(|b| b.starts_with("project ISO/CD 21384-5")),
                "{by:?}"
            );
            assert!(by.iter().any(|b| b.starts_with("membership")), "{by:?}");
        }
        other => panic!("expected InUse, got {other:?}"),
    }
    let id = normdesk_core::demo::demo_id("project", "ISO/CD 21384-5");
    store
        .write(Source::Ui, |w| projects::delete(w, &id))
        .unwrap();
    assert!(matches!(
        projects::get(store.conn(), &id),
        Err(CoreError::NotFound { .. })
    ));
    let live_events: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM stage_event WHERE project_id = ?1 AND deleted = 0",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(live_events, 0);
    let found = references(
        &store,
        ProjectQuery {
            search: "垂直起降".into(),
            ..Default::default()
        },
    );
    assert!(
        found.is_empty(),
        "a deleted project is still found by search: {found:?}"
    );
}

#[test]
fn every_change_is_logged_with_increasing_stamps() {
    let (mut store, ids) = store_with(&[json!({})]);
    store
        .write(Source::Ui, |w| {
            projects::update(w, &ids[0], project(json!({"scope": "Vertiports"})))
        })
        .unwrap();
    let rows: Vec<(i64, i64, String, String)> = store
        .conn()
        .prepare("SELECT seq, hlc, field, source FROM change_log WHERE row_id = ?1 ORDER BY seq")
        .unwrap()
        .query_map([&ids[0]], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows.len(),
        normdesk_core::schema::PROJECT.fields.len() + 1,
        "one change per field, then the edit"
    );
    assert!(rows.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
    assert_eq!(
        rows.last().map(|r| (r.2.as_str(), r.3.as_str())),
        Some(("scope", "ui"))
    );
}
