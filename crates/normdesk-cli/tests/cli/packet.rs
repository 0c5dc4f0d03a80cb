//! `normdesk packet` through the real binary: each kind made from records created with the CLI
//! (checked with pdftotext), the same bytes under `SOURCE_DATE_EPOCH`, and the refusals — an
//! unknown id, a kind that does not fit the record, pre-flight errors, an output path that
//! cannot be written — each one line, leaving no file (and no temporary file) behind.

use std::path::Path;
use std::process::Command;

use crate::support::{Nd, Run, run_command};

struct Office {
    nd: Nd,
    project: String,
    committee: String,
}

/// A committee with a leader and four more experts, and a project with its proposal fields.
fn office() -> Office {
    let nd = Nd::new();
    let committee = nd.new_record(
        "committee",
        &[
            "reference=ISO/TC 20/SC 16",
            "title_en=Unmanned aircraft systems",
            "kind=SC",
            "secretariat=ANSI",
        ],
    );
    let mut leader = String::new();
    for (i, (zh, en)) in [
        ("李明", "Li Ming"),
        ("王芳", "Wang Fang"),
        ("陈静", "Chen Jing"),
        ("", "Anna Muller"),
        ("", "James Carter"),
    ]
    .iter()
    .enumerate()
    {
        let person = nd.new_record(
            "person",
            &[
                format!("name_zh={zh}"),
                format!("name_en={en}"),
                format!("email=p{i}@example.org"),
            ],
        );
        let role = if i == 0 { "project_leader" } else { "expert" };
        nd.new_record(
            "membership",
            &[
                format!("person_id={person}"),
                format!("committee_id={committee}"),
                format!("role={role}"),
            ],
        );
        if i == 0 {
            leader = person;
        }
    }
    let project = nd.new_record(
        "project",
        &[
            "reference=ISO/CD 21384-5".to_owned(),
            "title_en=Unmanned aircraft systems — Part 5: Police operations".to_owned(),
            "title_zh=无人驾驶航空器系统 第5部分：警务运行".to_owned(),
            "tier=international".to_owned(),
            "deliverable=IS".to_owned(),
            "our_role=lead".to_owned(),
            "stage=30.20".to_owned(),
            "track_months=36".to_owned(),
            "target_date=2028-06-01".to_owned(),
            format!("committee_id={committee}"),
            format!("leader_id={leader}"),
            "scope=This document specifies police operations of UAS.".to_owned(),
            "purpose=Common rules cut training costs.".to_owned(),
            "known_patents=None known.".to_owned(),
        ],
    );
    Office {
        nd,
        project,
        committee,
    }
}

fn packet(nd: &Nd, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_normdesk"));
    cmd.arg("--db")
        .arg(&nd.db)
        .arg("packet")
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1772409600"); // 2026-03-02
    run_command(cmd)
}

/// The PDF's text with all whitespace removed (pdftotext spaces CJK from Latin and breaks lines).
fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    flat(&String::from_utf8_lossy(&out.stdout))
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect()
}

/// The folder holds only the database files (no PDF, no temporary file).
fn no_packet_files(dir: &Path) {
    let left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("normdesk.db"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// Writes a draft text the way the draft editor keeps its plain copy (`draft.body`).
fn put_draft(nd: &Nd, project: &str, lang: &str, body: &str) {
    let conn = rusqlite::Connection::open(&nd.db).unwrap();
    conn.execute(
        "INSERT INTO draft (id, project_id, lang, body) VALUES (?1, ?2, ?3, ?4)",
        ["0195a000-0000-7000-8000-00000000d001", project, lang, body],
    )
    .unwrap();
}

#[test]
fn each_kind_is_made_from_the_store() {
    let o = office();
    let nd = &o.nd;
    let out = nd.dir().join("nwip.pdf");
    let run = packet(nd, &["nwip", &o.project, "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("wrote ")
            && run
                .stdout
                .contains("(4 page(s), ISO/CD 21384-5 — New work item proposal)"),
        "{}",
        run.stdout
    );
    let text = pdftotext(&out);
    for needle in [
        "ISO/CD 21384-5",
        "无人驾驶航空器系统 第5部分：警务运行",
        "Police operations",
        "李明 Li Ming",
        "James Carter",
        "2026-03-02",
    ] {
        assert!(
            text.contains(&flat(needle)),
            "nwip: {needle} missing in {text}"
        );
    }

    put_draft(
        nd,
        &o.project,
        "en",
        "1 Scope\nThis document specifies police operations.\n2 Requirements\n2.1 Crew\nTwo pilots at night.\n",
    );
    let out = nd.dir().join("draft.pdf");
    let run = packet(nd, &["draft", &o.project, "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(&out);
    assert!(
        text.contains("2.1Crew")
            && text.contains(&flat("Two pilots at night."))
            && text.contains("DRAFT"),
        "{text}"
    );

    let comment = nd.new_record(
        "comment",
        &[
            format!("project_id={}", o.project),
            "mb=DE".into(),
            "clause=2.1".into(),
            "type=te".into(),
            "comment=Say how many observers.".into(),
        ],
    );
    assert!(!comment.is_empty());
    let out = nd.dir().join("comments.pdf");
    let run = packet(
        nd,
        &["comments", &o.project, "--out", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(&out);
    assert!(
        text.contains(&flat("Say how many observers.")) && text.contains("DE-001"),
        "{text}"
    );

    let statement = nd.new_record(
        "statement",
        &[
            "direction=outgoing".to_owned(),
            "title=Request for comments".to_owned(),
            "from_party=ISO/TC 20/SC 16".to_owned(),
            "to_party=ISO/TC 292".to_owned(),
            "purpose=information".to_owned(),
            "state=pending".to_owned(),
            format!("committee_id={}", o.committee),
            "body=SC 16 informs TC 292 of its new project.".to_owned(),
        ],
    );
    let out = nd.dir().join("liaison.pdf");
    let run = packet(nd, &["liaison", &statement, "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(pdftotext(&out).contains(&flat("SC 16 informs TC 292 of its new project.")));
}

#[test]
fn same_data_same_bytes_with_source_date_epoch() {
    let o = office();
    let a = o.nd.dir().join("a.pdf");
    let b = o.nd.dir().join("b.pdf");
    assert_eq!(
        packet(&o.nd, &["nwip", &o.project, "--out", a.to_str().unwrap()]).code,
        0
    );
    assert_eq!(
        packet(&o.nd, &["nwip", &o.project, "--out", b.to_str().unwrap()]).code,
        0
    );
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn refusals_are_one_line_and_leave_no_file() {
    let o = office();
    let nd = &o.nd;
    let out = nd.dir().join("p.pdf");
    let out = out.to_str().unwrap();
    let unknown = "0195a000-0000-7000-8000-0000000000ff";
    let bare = nd.new_record(
        "project",
        &[
            "reference=ISO/NP 99999",
            "title_en=Bare",
            "tier=international",
            "deliverable=IS",
            "our_role=lead",
            "stage=10.00",
        ],
    );
    let group = nd.new_record(
        "project",
        &[
            "reference=T/SZSA 12-2026",
            "title_zh=团体标准",
            "tier=group",
            "deliverable=T",
            "our_role=lead",
            "stage=20.00",
        ],
    );
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["nwip", unknown, "--out", out], "no project with id"),
        (
            vec!["liaison", &o.project, "--out", out],
            "cannot be made from project",
        ),
        (vec!["nwip", &group, "--out", out], "does not apply"),
        (vec!["nwip", "not-an-id", "--out", out], "not a record id"),
        (vec!["nwip", &bare, "--out", out], "no scope"),
        (vec!["comments", &o.project, "--out", out], "no comments"),
        (
            vec!["draft", &bare, "--out", out],
            "draft text (en) is empty",
        ),
        (
            vec!["nwip", &o.project, "--out", "/nonexistent-folder/p.pdf"],
            "cannot write /nonexistent-folder/p.pdf",
        ),
        (
            vec!["nwip", &o.project, "--out", nd.dir().to_str().unwrap()],
            "it is a folder",
        ),
    ];
    for (args, mentions) in cases {
        let run = packet(nd, &args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert_eq!(
            run.stderr.lines().count(),
            1,
            "{args:?}: one line: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains(mentions),
            "{args:?}: expected '{mentions}' in {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        no_packet_files(nd.dir());
    }
    // An unknown kind is a usage error.
    assert_eq!(packet(nd, &["memo", &o.project, "--out", out]).code, 2);
}

#[test]
fn warnings_are_printed_and_strict_refuses_them() {
    let o = office();
    let nd = &o.nd;
    // Only 5 people are named: add nothing, but take the patents statement away: a warning.
    nd.ok(&["set", "project", &o.project, "known_patents="]);
    let out = nd.dir().join("w.pdf");
    let run = packet(nd, &["nwip", &o.project, "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("normdesk: warning: known patents are not stated"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(&out).unwrap();
    let run = packet(
        nd,
        &[
            "nwip",
            &o.project,
            "--out",
            out.to_str().unwrap(),
            "--strict",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("known patents are not stated"),
        "{}",
        run.stderr
    );
    no_packet_files(nd.dir());
}
