//! The real binary's startup refusals, without a display: they must say what is wrong on stderr
//! and exit non-zero, never panic or hang. (Building this test also builds the binary that the
//! end-to-end tests drive, with the same features as the rest of `cargo test`.)

use std::path::Path;
use std::process::{Command, Output};

fn run_headless(db: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_normdesk-desktop"))
        .env("NORMDESK_DB", db)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("normdesk-desktop runs")
}

#[test]
fn a_database_from_a_newer_normdesk_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let out = run_headless(&db);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stderr.contains("newer Normdesk") && stderr.contains("newer.db"),
        "stderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99, "the newer database was not touched");
}

#[test]
fn without_a_display_it_says_how_to_run_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_headless(&dir.path().join("normdesk.db"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stderr.contains("no display") && stderr.contains("xvfb-run"),
        "stderr: {stderr}"
    );
}
