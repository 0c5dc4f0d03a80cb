//! Setting a store up and looking at it: init, demo, stats, stages, check, dump, where the
//! database is found, and refusing a database from a newer Normdesk.

use std::process::Command;

use serde_json::Value;

use crate::support::{Nd, field_line, is_uuid, run_command};

#[test]
fn init_twice_keeps_the_replica_id_and_name() {
    let nd = Nd::new();
    let first = nd.ok(&["init", "--name", "Li Ming"]);
    let replica = field_line(&first, "replica_id")
        .expect("init prints replica_id")
        .to_owned();
    assert!(is_uuid(&replica), "{first}");
    let database = field_line(&first, "database").expect("init prints the database path");
    assert!(database.ends_with("normdesk.db"), "{first}");
    assert!(nd.db.exists());

    let second = nd.ok(&["init"]);
    assert_eq!(field_line(&second, "replica_id"), Some(replica.as_str()));
    assert_eq!(field_line(&second, "name"), Some("Li Ming"));

    let renamed = nd.json(&["init", "--name", "王芳", "--json"]);
    assert_eq!(renamed["replica_id"], Value::String(replica));
    assert_eq!(renamed["name"], "王芳");
}

#[test]
fn init_refuses_an_empty_name() {
    let nd = Nd::new();
    nd.run(&["init", "--name", "  "]).assert_fails(1);
}

#[test]
fn demo_twice_adds_nothing_the_second_time() {
    let nd = Nd::new();
    let first = nd.json(&["demo", "--json"]);
    assert!(first["added"].as_u64().unwrap() > 10, "{first}");
    let stats = nd.json(&["stats", "--json"]);
    let dump = nd.dump();

    assert_eq!(nd.ok(&["demo"]), "added 0 demo records\n");
    assert_eq!(nd.json(&["stats", "--json"]), stats);
    assert_eq!(nd.dump(), dump);
}

#[test]
fn stats_counts_every_kind_in_json_and_in_an_aligned_table() {
    let nd = Nd::with_demo();
    let stats = nd.json(&["stats", "--json"]);
    let counts = stats.as_object().unwrap();
    for kind in [
        "organisation",
        "committee",
        "person",
        "membership",
        "project",
        "liaison",
        "statement",
        "comment",
    ] {
        assert!(
            counts[kind].is_u64(),
            "stats has no count for {kind}: {stats}"
        );
    }
    assert!(counts["project"].as_u64().unwrap() > 0);

    let table = nd.ok(&["stats"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), counts.len() + 1, "{table}");
    let project = lines
        .iter()
        .find(|l| l.starts_with("project "))
        .expect("a project row");
    assert!(
        project.ends_with(&format!(" {}", counts["project"])),
        "{project}"
    );
    let width = lines[0].len();
    assert!(
        lines.iter().all(|l| l.len() == width),
        "rows are not aligned:\n{table}"
    );
}

#[test]
fn stages_lists_46_codes_with_both_names() {
    let nd = Nd::new();
    let stages = nd.json(&["stages", "--json"]);
    let stages = stages.as_array().unwrap();
    assert_eq!(stages.len(), 46);
    for stage in stages {
        let keys: Vec<&String> = stage.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["code", "group", "name_en", "name_zh"], "{stage}");
    }
    assert_eq!(stages[0]["code"], "00.00");
    assert_eq!(stages[45]["code"], "95.99");
    let cd = stages.iter().find(|s| s["code"] == "30.20").unwrap();
    assert_eq!(cd["group"], "30");
    assert!(
        cd["name_zh"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| c as u32 > 0x4e00),
        "{cd}"
    );

    let table = nd.ok(&["stages"]);
    assert_eq!(table.lines().count(), 47, "a header and 46 rows:\n{table}");
    assert!(table.lines().any(|l| l.starts_with("30.20 ")), "{table}");
    assert!(
        !nd.db.exists(),
        "stages needs no database and should not create one"
    );
}

#[test]
fn check_passes_on_a_fresh_database() {
    let nd = Nd::new();
    let text = nd.ok(&["check"]);
    assert!(text.contains("no problems"), "{text}");
    let report = nd.json(&["check", "--json"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["problems"], serde_json::json!([]));
    assert_eq!(report["schema_version"], report["supported_version"]);
    assert!(report["schema_version"].as_u64().unwrap() >= 1);
}

#[test]
fn check_fails_on_a_reference_to_a_missing_record() {
    let nd = Nd::with_demo();
    let project = nd.json(&["list", "project", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    {
        let conn = rusqlite::Connection::open(&nd.db).unwrap();
        conn.execute(
            "UPDATE project SET committee_id = '00000000-0000-4000-8000-000000000000' WHERE id = ?1",
            [&project],
        )
        .unwrap();
    }
    let run = nd.run(&["check"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains(&project) && run.stdout.contains("committee_id"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stderr, "normdesk: check found 1 problem\n");
}

#[test]
fn a_database_from_a_newer_normdesk_is_refused() {
    let nd = Nd::new();
    nd.ok(&["init"]);
    {
        let conn = rusqlite::Connection::open(&nd.db).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    for args in [&["list", "project"][..], &["dump"], &["demo"], &["check"]] {
        let run = nd.run(args);
        run.assert_fails(1);
        assert!(
            run.stderr.contains("update Normdesk"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let conn = rusqlite::Connection::open(&nd.db).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99, "the newer database must be left as it was");
}

#[test]
fn two_fresh_stores_with_the_demo_data_dump_the_same_bytes() {
    let a = Nd::with_demo();
    let b = Nd::new();
    b.ok(&["init", "--name", "Another workstation"]);
    b.ok(&["demo"]);
    let dump = a.dump();
    assert_eq!(dump, b.dump(), "same data, different dump bytes");
    let text = String::from_utf8(dump).expect("dump is UTF-8");
    assert!(
        text.contains("无人驾驶航空器系统"),
        "the dump keeps Chinese as text"
    );
    assert!(
        !text.contains("Test workstation") && !text.contains("Another workstation"),
        "no workstation metadata"
    );
    let parsed: Value = serde_json::from_str(&text).expect("dump is JSON");
    assert!(parsed["project"].as_array().is_some_and(|p| !p.is_empty()));
}

#[test]
fn the_database_comes_from_normdesk_db_when_there_is_no_flag() {
    let nd = Nd::new();
    let from_env = nd.dir().join("from-env.db");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_normdesk"));
    cmd.arg("init").env("NORMDESK_DB", &from_env);
    let run = run_command(cmd);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(from_env.exists());
    assert!(
        field_line(&run.stdout, "database")
            .unwrap()
            .ends_with("from-env.db"),
        "{}",
        run.stdout
    );

    // --db wins over the environment.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_normdesk"));
    cmd.args(["init", "--db"])
        .arg(&nd.db)
        .env("NORMDESK_DB", &from_env);
    assert_eq!(run_command(cmd).code, 0);
    assert!(nd.db.exists());
}

#[test]
fn help_lists_the_commands_and_the_fields_of_each_kind() {
    let nd = Nd::new();
    let help = nd.ok(&["--help"]);
    for command in [
        "init", "demo", "stats", "stages", "list", "show", "new", "set", "rm", "dump", "check",
    ] {
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{command} "))),
            "no {command} in\n{help}"
        );
    }
    let new_help = nd.ok(&["new", "--help"]);
    assert!(
        new_help.contains("project: reference, title_en, title_zh, tier"),
        "{new_help}"
    );
    assert!(nd.ok(&["--version"]).starts_with("normdesk "));
    assert!(!nd.db.exists(), "help needs no database");
}

/// `normdesk dump | head` must stop quietly, not panic on the closed pipe.
#[test]
fn a_reader_that_stops_early_gets_no_panic() {
    use std::io::Read;
    use std::process::Stdio;

    let nd = Nd::new();
    let long = "中".repeat(20_000);
    let fields: Vec<String> = [
        "scope",
        "purpose",
        "relevant_documents",
        "known_patents",
        "liaisons_engaged",
    ]
    .iter()
    .map(|f| format!("{f}={long}"))
    .chain(
        [
            "reference=ISO 1",
            "title_en=Big",
            "deliverable=IS",
            "our_role=lead",
            "stage=30.20",
        ]
        .map(String::from),
    )
    .collect();
    nd.new_record("project", &fields);
    assert!(
        nd.dump().len() > 256 * 1024,
        "the dump must be larger than a pipe's buffer"
    );

    let mut child = Command::new(env!("CARGO_BIN_EXE_normdesk"))
        .arg("--db")
        .arg(&nd.db)
        .arg("dump")
        .env_remove("NORMDESK_DB")
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here: the rest of the dump meets a closed pipe.
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "stderr: {stderr}");
    assert_eq!(output.status.code(), Some(0));
}
