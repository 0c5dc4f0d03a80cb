//! The registers through the core API: the committee tree and page, a person's page, membership
//! rules, committee and statement cycles, liaison review, targets and the dashboard on a fixed
//! day, and search across registers. Refusals name the field and leave the store unchanged.

use normdesk_core::demo::{self, demo_id};
use normdesk_core::enums::{CommitteeKind, CommitteeMembership, Role};
use normdesk_core::find::{self, SearchKind};
use normdesk_core::liaisons::{self, LiaisonQuery};
use normdesk_core::memberships;
use normdesk_core::schema::{MEMBERSHIP, ORGANISATION, PROJECT};
use normdesk_core::{CoreError, Source, Store, committees, dashboard, dump, people, targets};
use serde_json::{Map, Value, json};

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store).unwrap();
    store
}

fn fields(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

fn field_of(result: Result<impl std::fmt::Debug, CoreError>) -> String {
    match result {
        Err(CoreError::Validation { field, .. }) => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn membership_rules_refuse_bad_input_naming_the_field_and_write_nothing() {
    let mut store = demo_store();
    let before = dump::dump(store.conn()).unwrap();
    let person = demo_id("person", "li-ming");
    let sc16 = demo_id("committee", "ISO/TC 20/SC 16");
    let missing = "0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d";
    let cases = [
        (
            json!({"start_date": "2024-05-01", "end_date": "2024-04-30"}),
            "end_date",
        ),
        (json!({"role": "chairman"}), "role"),
        (json!({"role": "Chair"}), "role"),
        (json!({"person_id": missing}), "person_id"),
        (json!({"committee_id": missing}), "committee_id"),
        (json!({"committee_id": "ISO/TC 20"}), "committee_id"),
        (json!({"start_date": "2024-13-01"}), "start_date"),
    ];
    for (overrides, field) in cases {
        let mut values =
            fields(json!({"person_id": person, "committee_id": sc16, "role": "chair"}));
        values.extend(fields(overrides.clone()));
        let got = field_of(store.write(Source::Ui, |w| w.create(&MEMBERSHIP, values)));
        assert_eq!(got, field, "{overrides}");
    }
    let held = demo_id("membership", "li-ming-sc16");
    assert_eq!(
        field_of(store.write(Source::Ui, |w| memberships::end(w, &held, "2020-12-31"))),
        "end_date"
    );
    assert_eq!(
        dump::dump(store.conn()).unwrap(),
        before,
        "a refused write changed the store"
    );
}

#[test]
fn the_tree_puts_each_committee_under_its_parent() {
    let store = demo_store();
    let tree = committees::tree(store.conn()).unwrap();
    let at = |reference: &str| tree.iter().position(|n| n.reference == reference).unwrap();
    assert_eq!(tree.len(), 23);
    assert_eq!(tree[at("ISO/TC 20")].depth, 0);
    assert_eq!(tree[at("ISO/TC 20")].children, 3);
    for sc in ["ISO/TC 20/SC 9", "ISO/TC 20/SC 14", "ISO/TC 20/SC 16"] {
        assert_eq!(tree[at(sc)].depth, 1, "{sc}");
        assert!(
            at(sc) > at("ISO/TC 20") && at(sc) <= at("ISO/TC 20") + 3,
            "{sc} is not right under ISO/TC 20"
        );
    }
    assert_eq!(
        tree.last().unwrap().organisation,
        "SAC",
        "organisations in acronym order: IEC, ISO, SAC"
    );
}

#[test]
fn a_committee_page_lists_members_by_role_current_first_projects_liaisons_and_subcommittees() {
    let store = demo_store();
    let page = committees::page(
        store.conn(),
        &demo_id("committee", "ISO/TC 20/SC 16"),
        Some("2026-11-27"),
    )
    .unwrap();
    assert_eq!(
        page.ancestors
            .iter()
            .map(|a| a.label.as_str())
            .collect::<Vec<_>>(),
        ["ISO/TC 20"]
    );
    assert_eq!(page.organisation.unwrap().label, "ISO");
    let members: Vec<_> = page
        .members
        .iter()
        .map(|m| (m.person.as_str(), m.role, m.current))
        .collect();
    assert_eq!(
        members,
        [
            ("李明 Li Ming", Role::ProjectLeader, true),
            ("李明 Li Ming", Role::Expert, false)
        ]
    );
    assert_eq!(
        page.projects
            .iter()
            .map(|p| p.reference.as_str())
            .collect::<Vec<_>>(),
        ["ISO/CD 21384-5"]
    );
    assert!(page.subcommittees.is_empty());

    let jtc1 = committees::page(
        store.conn(),
        &demo_id("committee", "ISO/IEC JTC 1"),
        Some("2026-11-27"),
    )
    .unwrap();
    let subs: Vec<_> = jtc1
        .subcommittees
        .iter()
        .map(|s| s.reference.as_str())
        .collect();
    assert_eq!(
        subs,
        [
            "ISO/IEC JTC 1/SC 22",
            "ISO/IEC JTC 1/SC 41",
            "ISO/IEC JTC 1/SC 42"
        ]
    );
    let mut orgs: Vec<_> = jtc1
        .liaisons
        .iter()
        .map(|l| l.organisation.clone().unwrap().label)
        .collect();
    orgs.sort();
    assert_eq!(orgs, ["Ecma", "IEEE SA", "ITU-T"]);
}

#[test]
fn a_committee_cannot_sit_under_its_own_subcommittee() {
    let mut store = demo_store();
    let before = dump::dump(store.conn()).unwrap();
    let tc20 = demo_id("committee", "ISO/TC 20");
    let mut input = committees::get(store.conn(), &tc20).unwrap().fields;
    for parent in [tc20.clone(), demo_id("committee", "ISO/TC 20/SC 16")] {
        input.parent_id = Some(parent);
        assert_eq!(
            field_of(store.write(Source::Ui, |w| committees::update(w, &tc20, input.clone()))),
            "parent_id"
        );
    }
    assert_eq!(dump::dump(store.conn()).unwrap(), before);

    let new = committees::CommitteeInput {
        reference: "ISO/TC 20/SC 16/WG 4".into(),
        title_en: "Vertiports".into(),
        title_zh: "垂直起降场".into(),
        organisation_id: Some(demo_id("organisation", "ISO")),
        parent_id: Some(demo_id("committee", "ISO/TC 20/SC 16")),
        kind: CommitteeKind::Wg,
        secretariat: String::new(),
        membership: CommitteeMembership::P,
        scope: String::new(),
        sample: true,
    };
    let wg = store
        .write(Source::Ui, |w| committees::create(w, new))
        .unwrap();
    let page = committees::page(store.conn(), &wg, None).unwrap();
    assert_eq!(
        page.ancestors
            .iter()
            .map(|a| a.label.as_str())
            .collect::<Vec<_>>(),
        ["ISO/TC 20", "ISO/TC 20/SC 16"]
    );
}

#[test]
fn a_person_page_has_every_role_with_terms_led_projects_and_training() {
    let store = demo_store();
    let page = people::page(
        store.conn(),
        &demo_id("person", "li-ming"),
        Some("2026-11-27"),
    )
    .unwrap();
    let roles: Vec<_> = page
        .roles
        .iter()
        .map(|r| (r.role, r.current, r.end_date.as_deref()))
        .collect();
    assert_eq!(
        roles,
        [
            (Role::ProjectLeader, true, None),
            (Role::Expert, false, Some("2021-02-28"))
        ]
    );
    let led: Vec<_> = page.projects.iter().map(|p| p.reference.as_str()).collect();
    assert_eq!(
        led,
        [
            "DB4403/T 520-2026 (sample)",
            "GB/T 46001-2026 (sample)",
            "ISO/CD 21384-5"
        ]
    );
    assert_eq!(page.training.len(), 1);

    let list = people::list(
        store.conn(),
        &people::PersonQuery {
            search: "李".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        (list.total, list.rows[0].current_roles, list.rows[0].trained),
        (1, 1, true)
    );
}

#[test]
fn deleting_a_person_with_roles_is_refused_with_the_list_and_training_goes_with_the_person() {
    let mut store = demo_store();
    let li = demo_id("person", "li-ming");
    match store.write(Source::Ui, |w| people::delete(w, &li)) {
        Err(CoreError::InUse { by, .. }) => {
            assert!(
                by.iter().any(|b| b.starts_with("membership"))
                    && by.iter().any(|b| b.starts_with("project")),
                "{by:?}"
            )
        }
        other => panic!("expected InUse, got {other:?}"),
    }
    let zhao = demo_id("person", "zhao-lei");
    let id = store
        .write(Source::Ui, |w| {
            people::add_training(w, &zhao, "Metamaterials standards (sample)", None)
        })
        .unwrap();
    let project = demo_id("project", "T/SZS 101-2026 (sample)");
    store
        .write(Source::Ui, |w| w.delete(&PROJECT, &project))
        .unwrap();
    store
        .write(Source::Ui, |w| people::delete(w, &zhao))
        .unwrap();
    let live: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM training WHERE id = ?1 AND deleted = 0",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(live, 0);
}

#[test]
fn liaisons_are_due_for_review_two_years_after_the_last_review() {
    let store = demo_store();
    let due = liaisons::list(
        store.conn(),
        &LiaisonQuery {
            due_only: true,
            today: Some("2026-11-27".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        due.iter().map(|l| l.id.clone()).collect::<Vec<_>>(),
        [demo_id("liaison", "tc229-nia")]
    );
    assert_eq!(due[0].review_due_date.as_deref(), Some("2015-04-17"));
}

#[test]
fn target_progress_counts_what_the_module_says() {
    let mut store = demo_store();
    let value = |store: &Store, name: &str| {
        let all = targets::progress(store.conn()).unwrap();
        let t = all
            .iter()
            .find(|t| t.target.fields.name_en.starts_with(name))
            .unwrap();
        (t.value, t.target.fields.goal.unwrap(), t.percent)
    };
    assert_eq!(value(&store, "International standards"), (6, 600, 1));
    assert_eq!(
        value(&store, "International-standards experts"),
        (3, 500, 0)
    );
    assert_eq!(value(&store, "International organisations"), (0, 5, 0));

    let set = |store: &mut Store, spec, id: String, v: Value| {
        store
            .write(Source::Ui, |w| w.update(spec, &id, fields(v)))
            .unwrap()
    };
    set(
        &mut store,
        &ORGANISATION,
        demo_id("organisation", "ISO"),
        json!({"in_city": true}),
    );
    set(
        &mut store,
        &ORGANISATION,
        demo_id("organisation", "CEN"),
        json!({"in_city": true}),
    );
    set(
        &mut store,
        &ORGANISATION,
        demo_id("organisation", "IEEE SA"),
        json!({"in_city": true}),
    );
    assert_eq!(
        value(&store, "International organisations"),
        (2, 5, 40),
        "consortia do not count"
    );
    set(
        &mut store,
        &PROJECT,
        demo_id("project", "ISO/NP 24320 (sample)"),
        json!({"stage": "10.98"}),
    );
    set(
        &mut store,
        &PROJECT,
        demo_id("project", "ISO/FDIS 23956 (sample)"),
        json!({"stage": "60.60"}),
    );
    assert_eq!(
        value(&store, "International standards").0,
        5,
        "cancelled projects do not count; published ones do"
    );
}

#[test]
fn the_dashboard_on_a_fixed_day() {
    let mut store = demo_store();
    let li = demo_id("person", "chen-jing");
    let sc42 = demo_id("committee", "ISO/IEC JTC 1/SC 42");
    store
        .write(Source::Ui, |w| {
            for (role, end) in [("convenor", "2027-01-20"), ("expert", "2027-01-27"), ("member", "2027-01-28")] {
                w.create(&MEMBERSHIP, fields(json!({"person_id": li, "committee_id": sc42, "role": role, "end_date": end})))?;
            }
            Ok(())
        })
        .unwrap();
    let d = dashboard::dashboard(store.conn(), Some("2026-11-28")).unwrap();
    assert_eq!(
        d.statements.total, 0,
        "a deadline 17 days away is not shown yet"
    );
    let d = dashboard::dashboard(store.conn(), Some("2026-12-10")).unwrap();
    let statements: Vec<_> = d
        .statements
        .items
        .iter()
        .map(|s| (s.deadline.as_str(), s.days_left, s.overdue))
        .collect();
    assert_eq!(statements, [("2026-12-15", 5, false)]);
    let d = dashboard::dashboard(store.conn(), Some("2026-12-16")).unwrap();
    assert_eq!(d.statements.items[0].days_left, -1);
    assert!(d.statements.items[0].overdue);

    let d = dashboard::dashboard(store.conn(), Some("2026-11-28")).unwrap();
    let ending: Vec<_> = d
        .memberships
        .items
        .iter()
        .map(|m| (m.role, m.days_left))
        .collect();
    assert_eq!(
        ending,
        [(Role::Convenor, 53), (Role::Expert, 60)],
        "ends within 60 days, inclusive"
    );
    assert_eq!(d.memberships.total, 2);
    let late: Vec<_> = d
        .projects
        .items
        .iter()
        .map(|p| p.reference.as_str())
        .collect();
    let want = [
        "ISO/DIS 20760-3 (sample)",
        "ISO/FDIS 23956 (sample)",
        "DB4403/T 520-2026 (sample)",
        "CEN/TS 17999 (sample)",
        "GB/T 46001-2026 (sample)",
    ];
    assert_eq!(
        late, want,
        "by limit date; published ones (Q/SZX 001, DB4403/T 298) are not late"
    );
    assert_eq!(d.liaisons.total, 1);
    assert_eq!(d.targets.len(), 3);
}

#[test]
fn one_search_box_finds_records_of_every_kind_grouped() {
    let store = demo_store();
    let kinds = |q: &str| -> Vec<(SearchKind, u32)> {
        find::everywhere(store.conn(), q, 3)
            .unwrap()
            .groups
            .iter()
            .map(|g| (g.kind, g.total))
            .collect()
    };
    let cases: &[(&str, &[(SearchKind, u32)])] = &[
        (
            "无人驾驶",
            &[(SearchKind::Project, 3), (SearchKind::Committee, 1)],
        ),
        (
            "IEEE",
            &[
                (SearchKind::Organisation, 1),
                (SearchKind::Liaison, 2),
                (SearchKind::Statement, 1),
            ],
        ),
        ("李明", &[(SearchKind::Person, 1)]),
        (
            "vertiport",
            &[(SearchKind::Project, 1), (SearchKind::Statement, 2)],
        ),
        (
            "水回用",
            &[(SearchKind::Project, 1), (SearchKind::Committee, 5)],
        ),
        ("", &[]),
    ];
    for (query, want) in cases {
        assert_eq!(kinds(query), *want, "{query}");
    }
    let hits = find::everywhere(store.conn(), "IEEE", 3).unwrap();
    let liaison = &hits.groups[1].hits[0];
    assert!(
        liaison.label.contains("IEEE SA ↔ ISO/IEC JTC 1"),
        "{liaison:?}"
    );
}
