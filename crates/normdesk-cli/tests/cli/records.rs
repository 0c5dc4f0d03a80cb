//! Working with records: new → show → set → list round trips under the contract's field names,
//! search in Chinese and English, tables for people, and deleting.

use serde_json::{Value, json};

use crate::support::{Nd, field_line};

/// The project fields PRODUCT.md names; `show` and `list` must use exactly these keys.
const PROJECT_FIELDS: &[&str] = &[
    "reference",
    "title_en",
    "title_zh",
    "tier",
    "deliverable",
    "committee_id",
    "our_role",
    "leader_id",
    "stage",
    "track_months",
    "target_date",
    "limit_date",
];

const NEW_PROJECT: &[&str] = &[
    "reference=ISO/CD 21384-5",
    "title_en=Unmanned aircraft systems — Part 5: Vertiports",
    "title_zh=无人驾驶航空器系统 第5部分：垂直起降场",
    "tier=international",
    "deliverable=IS",
    "our_role=lead",
    "stage=30.20",
    "track_months=36",
    "start_date=2025-01-15",
    "limit_date=2028-01-15",
];

fn new_project(nd: &Nd) -> String {
    nd.new_record("project", NEW_PROJECT)
}

#[test]
fn new_show_set_list_round_trip_under_contract_names() {
    let nd = Nd::new();
    let id = new_project(&nd);

    let shown = nd.json(&["show", "project", &id, "--json"]);
    let object = shown.as_object().unwrap();
    assert_eq!(
        object.keys().next().map(String::as_str),
        Some("id"),
        "id comes first: {shown}"
    );
    assert_eq!(shown["id"], id.as_str());
    for field in PROJECT_FIELDS {
        assert!(
            object.contains_key(*field),
            "show --json lacks {field}: {shown}"
        );
    }
    let expected = json!({
        "reference": "ISO/CD 21384-5",
        "title_zh": "无人驾驶航空器系统 第5部分：垂直起降场",
        "tier": "international", "deliverable": "IS", "our_role": "lead", "stage": "30.20",
        "track_months": 36, "limit_date": "2028-01-15", "target_date": null, "committee_id": null,
    });
    for (field, value) in expected.as_object().unwrap() {
        assert_eq!(&shown[field], value, "{field} in {shown}");
    }

    assert_eq!(
        nd.ok(&[
            "set",
            "project",
            &id,
            "stage=40.20",
            "target_date=2027-06-30",
            "track_months=48"
        ]),
        ""
    );
    let changed = nd.json(&["show", "project", &id, "--json"]);
    assert_eq!(changed["stage"], "40.20");
    assert_eq!(changed["target_date"], "2027-06-30");
    assert_eq!(changed["track_months"], 48);
    assert_eq!(
        changed["reference"], shown["reference"],
        "set changes only the fields given"
    );

    let listed = nd.json(&["list", "project", "--json"]);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0], changed,
        "list --json shows the same object as show --json"
    );
}

#[test]
fn show_without_json_prints_field_value_lines() {
    let nd = Nd::new();
    let id = new_project(&nd);
    let text = nd.ok(&["show", "project", &id]);
    assert_eq!(field_line(&text, "id"), Some(id.as_str()));
    assert_eq!(field_line(&text, "reference"), Some("ISO/CD 21384-5"));
    assert_eq!(
        field_line(&text, "title_zh"),
        Some("无人驾驶航空器系统 第5部分：垂直起降场")
    );
    assert_eq!(field_line(&text, "stage"), Some("30.20"));
    assert!(
        text.lines().any(|l| l == "committee_id:"),
        "an empty field shows as `name:`\n{text}"
    );
}

#[test]
fn a_new_project_starts_its_stage_history() {
    let nd = Nd::new();
    let id = new_project(&nd);
    nd.ok(&["set", "project", &id, "stage=40.20"]);
    let events = nd.json(&["list", "stage_event", "--json"]);
    let codes: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["project_id"] == id.as_str())
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 2, "{events}");
    assert!(
        codes.contains(&"30.20") && codes.contains(&"40.20"),
        "{events}"
    );
}

#[test]
fn every_record_kind_can_be_listed() {
    let nd = Nd::with_demo();
    let stats = nd.json(&["stats", "--json"]);
    for (kind, count) in stats.as_object().unwrap() {
        let listed = nd.json(&["list", kind, "--json"]);
        assert_eq!(
            listed.as_array().map(Vec::len),
            count.as_u64().map(|n| n as usize),
            "list {kind}"
        );
        nd.ok(&["list", kind]);
    }
}

#[test]
fn other_kinds_work_through_the_same_commands() {
    let nd = Nd::new();
    let org = nd.new_record(
        "organisation",
        &[
            "acronym=SZIS",
            "name_zh=深圳市标准技术研究院",
            "kind=research",
            "in_city=yes",
        ],
    );
    let person = nd.new_record(
        "person",
        &[
            "name_zh=李明",
            "name_en=Li Ming",
            "email=li.ming@example.org",
            &format!("organisation_id={org}"),
        ],
    );
    let shown = nd.json(&["show", "person", &person, "--json"]);
    assert_eq!(shown["organisation_id"], org.as_str());
    assert_eq!(
        nd.json(&["show", "organisation", &org, "--json"])["in_city"],
        true
    );

    let run = nd.run(&["rm", "organisation", &org]);
    run.assert_fails(1);
    assert!(run.stderr.contains("still referred to"), "{}", run.stderr);

    nd.ok(&["rm", "person", &person]);
    nd.ok(&["rm", "organisation", &org]);
    let run = nd.run(&["show", "person", &person]);
    run.assert_fails(1);
    assert!(
        run.stderr.contains(&format!("no person with id {person}")),
        "{}",
        run.stderr
    );
    assert_eq!(nd.json(&["list", "organisation", "--json"]), json!([]));
}

#[test]
fn removing_a_project_takes_its_stage_history() {
    let nd = Nd::new();
    let id = new_project(&nd);
    assert_eq!(nd.ok(&["rm", "project", &id]), "");
    assert_eq!(nd.json(&["list", "project", "--json"]), json!([]));
    assert_eq!(nd.json(&["stats", "--json"])["stage_event"], 0);
}

/// Search cases as data: query, a title that must be found, a word every hit contains.
#[test]
fn search_finds_chinese_and_english_titles() {
    let nd = Nd::with_demo();
    let cases: &[(&str, &str, &str)] = &[
        ("航空器", "无人驾驶航空器系统", "航空器"),
        ("aircraft", "Unmanned aircraft systems", "aircraft"),
        ("Aircraft", "Unmanned aircraft systems", "aircraft"),
    ];
    for (query, expected, every) in cases {
        let hits = nd.json(&["list", "project", "--query", query, "--json"]);
        let hits = hits.as_array().unwrap();
        let titles: Vec<String> = hits
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    p["title_en"].as_str().unwrap(),
                    p["title_zh"].as_str().unwrap()
                )
            })
            .collect();
        assert!(
            titles.iter().any(|t| t.contains(expected)),
            "--query {query} missed {expected}: {titles:?}"
        );
        assert!(
            titles.iter().all(|t| t.to_lowercase().contains(every)),
            "--query {query} found a project without {every}: {titles:?}"
        );
    }
    let all = nd
        .json(&["list", "project", "--json"])
        .as_array()
        .unwrap()
        .len();
    let some = nd
        .json(&["list", "project", "--query", "aircraft", "--json"])
        .as_array()
        .unwrap()
        .len();
    assert!(some < all, "a search narrows the list ({some} of {all})");
    assert_eq!(
        nd.json(&["list", "project", "--query", "zzzqqqxxx", "--json"]),
        json!([])
    );
}

#[test]
fn the_project_table_shows_short_fields_aligned_and_leaves_long_text_out() {
    let nd = Nd::new();
    let id = new_project(&nd);
    nd.ok(&[
        "set",
        "project",
        &id,
        "scope=This document specifies a long scope that tables leave out.",
    ]);
    let table = nd.ok(&["list", "project"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 2, "{table}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(&header[..4], ["id", "reference", "title_en", "title_zh"]);
    assert!(
        header.contains(&"stage") && !header.contains(&"scope"),
        "{table}"
    );
    assert!(lines[1].starts_with(&id), "{table}");
    assert!(!table.contains("long scope"), "{table}");
    // The stage column starts at the same display column in the header and in the row.
    let column = |line: &str, what: &str| {
        let at = line.find(what).unwrap();
        unicode_width::UnicodeWidthStr::width(&line[..at])
    };
    assert_eq!(
        column(lines[0], "stage"),
        column(lines[1], "30.20"),
        "{table}"
    );
}

#[test]
fn set_with_the_same_value_is_accepted_and_changes_nothing() {
    let nd = Nd::new();
    let id = new_project(&nd);
    let before = nd.dump();
    nd.ok(&["set", "project", &id, "stage=30.20"]);
    assert_eq!(nd.dump(), before);
    let shown: Value = nd.json(&["show", "project", &id, "--json"]);
    assert_eq!(shown["stage"], "30.20");
}
