//! Opening, migrating and backing up databases: frozen old-schema fixtures must upgrade with their
//! rows intact to exactly the fresh schema; newer databases are refused; identities persist.

use normdesk_core::store::SCHEMA_VERSION;
use normdesk_core::{CoreError, Store, check, demo, dump, projects};
use rusqlite::Connection;

fn schema_of(conn: &Connection) -> Vec<(String, String, Option<String>)> {
    conn.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn v1_fixture_upgrades_with_its_rows_to_the_fresh_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch(include_str!("fixtures/create_v1_db.sql"))
        .unwrap();

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let detail = projects::get(store.conn(), "0193c3a0-0000-7000-8000-0000000000f1").unwrap();
    assert_eq!(detail.project.fields.reference, "ISO/CD 21384-5");
    assert_eq!(
        detail.committee.map(|c| c.label),
        Some("ISO/TC 20/SC 16 Unmanned aircraft systems".into())
    );
    assert_eq!(detail.history.len(), 1);
    assert_eq!(store.identity().unwrap().name, "Fixture workstation");
    let found = projects::list(
        store.conn(),
        &projects::ProjectQuery {
            search: "航空器".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 1);
    assert!(check::check(store.conn()).unwrap().ok());

    let fresh = Store::open_in_memory().unwrap();
    assert_eq!(
        schema_of(store.conn()),
        schema_of(fresh.conn()),
        "an upgraded database differs from a fresh one"
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE x (a); PRAGMA user_version = 99;")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(err @ CoreError::NewerSchema { found: 99, .. }) => {
            assert!(err.to_string().contains("update Normdesk"), "{err}")
        }
        Err(other) => panic!("expected NewerSchema, got {other}"),
        Ok(_) => panic!("a newer database was opened"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(
        &path,
        "these are not the tables you are looking for".repeat(100),
    )
    .unwrap();
    let err = Store::open(&path)
        .err()
        .expect("a text file opened as a database");
    assert!(matches!(err, CoreError::NotADatabase { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("notes.db is not a Normdesk database"),
        "{err}"
    );
}

#[test]
fn identity_and_settings_persist_across_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/normdesk.db");
    let first = {
        let mut store = Store::open(&path).unwrap();
        store.set_display_name("Secretariat PC 3").unwrap();
        store.set_setting("language", "zh-CN").unwrap();
        store.identity().unwrap()
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.identity().unwrap(), first);
    assert_eq!(first.name, "Secretariat PC 3");
    assert_eq!(store.setting("language").unwrap().as_deref(), Some("zh-CN"));
    assert!(uuid::Uuid::parse_str(&first.replica_id).is_ok());
}

#[test]
fn display_name_rules() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(matches!(
        store.set_display_name("  "),
        Err(CoreError::Validation { .. })
    ));
    assert!(matches!(
        store.set_display_name(&"名".repeat(81)),
        Err(CoreError::Validation { .. })
    ));
}

#[test]
fn backup_copies_everything_and_refuses_to_overwrite_the_open_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("normdesk.db");
    let mut store = Store::open(&path).unwrap();
    demo::load(&mut store).unwrap();
    let backup = dir.path().join("backup.db");
    store.backup_to(&backup).unwrap();
    let copy = Store::open(&backup).unwrap();
    assert_eq!(
        dump::dump(copy.conn()).unwrap(),
        dump::dump(store.conn()).unwrap()
    );
    assert!(matches!(
        store.backup_to(&path),
        Err(CoreError::Validation { .. })
    ));
}

#[test]
fn demo_loads_once_and_two_stores_dump_the_same_bytes() {
    let mut a = Store::open_in_memory().unwrap();
    let mut b = Store::open_in_memory().unwrap();
    let added = demo::load(&mut a).unwrap();
    assert!(added > 50, "demo added only {added} records");
    assert_eq!(
        demo::load(&mut a).unwrap(),
        0,
        "loading the demo twice added records"
    );
    demo::load(&mut b).unwrap();
    assert_eq!(dump::dump(a.conn()).unwrap(), dump::dump(b.conn()).unwrap());
    let stats = dump::stats(a.conn()).unwrap();
    assert!(stats["project"].as_i64().unwrap() >= 12);
    assert!(check::check(a.conn()).unwrap().ok());
}

#[test]
fn seeding_happens_on_a_new_database_only() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(demo::seed_if_new(&mut store).unwrap());
    let id = demo::demo_id("project", "ISO/CD 21384-5");
    store
        .write(normdesk_core::Source::Ui, |w| projects::delete(w, &id))
        .unwrap();
    assert!(!demo::seed_if_new(&mut store).unwrap());
    assert!(
        projects::get(store.conn(), &id).is_err(),
        "a deleted demo project came back"
    );
}

#[test]
fn a_locked_database_says_it_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("normdesk.db");
    let mut store = Store::open(&path).unwrap();
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("BEGIN IMMEDIATE; INSERT INTO setting (key, value) VALUES ('x', 'y');")
        .unwrap();
    store
        .conn()
        .busy_timeout(std::time::Duration::from_millis(50))
        .unwrap();
    let err = store
        .write(normdesk_core::Source::Cli, |_| Ok(()))
        .unwrap_err();
    assert!(matches!(err, CoreError::Busy), "{err}");
    assert!(err.to_string().contains("try again"), "{err}");
}
