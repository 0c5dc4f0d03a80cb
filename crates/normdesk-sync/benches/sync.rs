//! `make bench`: sync at 100,000 records (40,000 projects, 20,000 people, 40,000 memberships,
//! with their committees and organisations). Prints each figure with its ratio to a baseline
//! measured in the same run (absolute times on shared machines drift):
//! - export of a full bundle against `sqlite3 .dump` of the same store (target: ≥ 50% of its speed);
//! - import of that bundle into an empty store against a raw rusqlite insert of the same rows —
//!   records, change log, field stamps — with prepared statements in one transaction into a new
//!   store (same schema and settings) (≥ 30%): the median of 3 runs of each, alternating
//!   (NORMDESK_BENCH_RUNS=n), with each run's ratio;
//! - an incremental bundle of 1,000 changes into the 100,000-record store (≤ 300 ms);
//! - peak memory (maxrss) of a child process importing the full bundle (≤ 200 MB): the release
//!   `normdesk` binary when built, else this benchmark re-run as the child.
//!
//! `NORMDESK_BENCH_DB=path` keeps the generated store there and reuses it on the next run.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use normdesk_core::sync::Replica;
use normdesk_core::{Source, Store, schema};
use rusqlite::Connection;
use serde_json::{Map, Value, json};

const PROJECTS: usize = 40_000;
const PEOPLE: usize = 20_000;
const MEMBERSHIPS: usize = 40_000;

fn go(_: normdesk_sync::Progress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

fn obj(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

fn generate(store: &mut Store) -> usize {
    let mut n = 0;
    store
        .write(Source::Cli, |w| {
            let orgs: Vec<String> = (0..100)
                .map(|i| w.create(&schema::ORGANISATION, obj(json!({"acronym": format!("ORG{i}"), "kind": "consortium", "name_zh": "深圳标准联盟"}))))
                .collect::<Result<_, _>>()?;
            let tcs: Vec<String> = (0..200)
                .map(|i| {
                    w.create(
                        &schema::COMMITTEE,
                        obj(json!({"reference": format!("ISO/TC {i}"), "title_en": "Unmanned aircraft systems", "title_zh": "无人驾驶航空器系统",
                                   "kind": "TC", "membership": "P", "organisation_id": orgs[i % orgs.len()]})),
                    )
                })
                .collect::<Result<_, _>>()?;
            let people: Vec<String> = (0..PEOPLE)
                .map(|i| {
                    w.create(
                        &schema::PERSON,
                        obj(json!({"name_zh": format!("专家{i}"), "name_en": format!("Expert {i}"), "email": format!("e{i}@example.org"),
                                   "organisation_id": orgs[i % orgs.len()], "expertise": "drones, water reuse"})),
                    )
                })
                .collect::<Result<_, _>>()?;
            for i in 0..MEMBERSHIPS {
                w.create(
                    &schema::MEMBERSHIP,
                    obj(json!({"person_id": people[i % PEOPLE], "committee_id": tcs[(i * 7) % tcs.len()], "role": "expert", "start_date": "2025-01-01"})),
                )?;
            }
            for i in 0..PROJECTS {
                w.create(
                    &schema::PROJECT,
                    obj(json!({"reference": format!("ISO/CD {}-{}", 10_000 + i, i % 9 + 1), "title_en": format!("Unmanned aircraft systems part {i}"),
                               "title_zh": "无人驾驶航空器系统 数据质量", "tier": "international", "deliverable": "IS", "our_role": "lead",
                               "stage": "30.20", "committee_id": tcs[i % tcs.len()], "leader_id": people[i % PEOPLE], "track_months": 36,
                               "start_date": "2025-01-01", "target_date": "2027-06-01", "limit_date": "2028-01-01",
                               "scope": "Requirements for vertiports and their operation."})),
                )?;
            }
            n = 100 + 200 + PEOPLE + MEMBERSHIPS + PROJECTS;
            Ok(())
        })
        .unwrap();
    n
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// `sqlite3 FILE .dump > /dev/null`, or `None` when the sqlite3 program is missing.
fn sqlite3_dump(db: &Path) -> Option<Duration> {
    let start = Instant::now();
    let status = std::process::Command::new("sqlite3")
        .arg(db)
        .arg(".dump")
        .stdout(std::process::Stdio::null())
        .status()
        .ok()?;
    status.success().then(|| start.elapsed())
}

/// Inserts the source's rows (records, change log, field stamps) into `target` (a new store, so
/// the same schema and connection settings as an import's) with prepared statements in one
/// transaction; the rows are read before the clock starts.
fn raw_insert(source: &Connection, target: &Connection) -> Duration {
    let mut tables: Vec<(String, usize, Vec<Vec<rusqlite::types::Value>>)> = Vec::new();
    let mut names: Vec<String> = schema::ENTITIES.iter().map(|e| e.name.to_owned()).collect();
    names.extend(["change_log".to_owned(), "field_state".to_owned()]);
    for table in names {
        let mut stmt = source.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let width = stmt.column_count();
        let rows: Vec<Vec<rusqlite::types::Value>> = stmt
            .query_map([], |r| (0..width).map(|i| r.get(i)).collect())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        tables.push((table, width, rows));
    }
    let start = Instant::now();
    let tx = target.unchecked_transaction().unwrap();
    for (table, width, rows) in &tables {
        let marks = vec!["?"; *width].join(", ");
        let mut stmt = tx
            .prepare(&format!("INSERT INTO {table} VALUES ({marks})"))
            .unwrap();
        for row in rows {
            stmt.execute(rusqlite::params_from_iter(row)).unwrap();
        }
    }
    tx.commit().unwrap();
    start.elapsed()
}

/// Peak resident memory (MiB) of a child importing `bundle` into a new store in `dir`.
fn child_import_peak(bundle: &Path, dir: &Path) -> (f64, &'static str) {
    let db = dir.join("memory.db");
    let cli = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"))
        .join("release/normdesk");
    let (mut cmd, what) = if cli.exists() {
        let mut c = std::process::Command::new(&cli);
        c.arg("--db").arg(&db).arg("import").arg(bundle);
        (c, "the release normdesk binary")
    } else {
        let mut c = std::process::Command::new(std::env::current_exe().unwrap());
        c.env("NORMDESK_BENCH_CHILD_IMPORT", bundle)
            .env("NORMDESK_BENCH_CHILD_DB", &db);
        (
            c,
            "this benchmark as the child (build normdesk-cli in release to measure the CLI)",
        )
    };
    #[allow(clippy::zombie_processes)] // reaped by wait4 below, which also gives its rusage
    let child = cmd.stdout(std::process::Stdio::null()).spawn().unwrap();
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, filling a zeroed rusage.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert!(pid > 0 && status == 0, "the child import failed");
    (usage.ru_maxrss as f64 / 1024.0, what)
}

fn main() {
    if let (Some(bundle), Some(db)) = (
        std::env::var_os("NORMDESK_BENCH_CHILD_IMPORT"),
        std::env::var_os("NORMDESK_BENCH_CHILD_DB"),
    ) {
        let mut store = Store::open(Path::new(&db)).unwrap();
        normdesk_sync::import(&mut store, Path::new(&bundle), &mut go).unwrap();
        return;
    }
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let keep = std::env::var_os("NORMDESK_BENCH_DB").map(PathBuf::from);
    let dir = std::env::temp_dir().join(format!("normdesk-sync-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = keep.clone().unwrap_or_else(|| dir.join("source.db"));
    let reuse = keep.is_some() && path.exists();
    let mut source = Store::open(&path).unwrap();
    source.set_display_name("Li Ming").unwrap();
    if !reuse {
        let start = Instant::now();
        let n = generate(&mut source);
        println!(
            "generated {n} records through the replicated writer in {}",
            secs(start.elapsed())
        );
    }
    let changes: i64 = source
        .conn()
        .query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))
        .unwrap();
    source
        .conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();

    // Export.
    let bundle = dir.join("full.ndbundle");
    let start = Instant::now();
    let report = normdesk_sync::export(&mut source, &bundle, None, &mut go).unwrap();
    let export = start.elapsed();
    let size = std::fs::metadata(&bundle).unwrap().len() as f64 / 1048576.0;
    match sqlite3_dump(&path) {
        Some(dump) => println!(
            "export full bundle: {} changes, {size:.1} MiB, {}  sqlite3 .dump {}  speed ratio {:.0}%  (target >= 50%)",
            report.changes,
            secs(export),
            secs(dump),
            100.0 * dump.as_secs_f64() / export.as_secs_f64()
        ),
        None => println!(
            "export full bundle: {} changes, {size:.1} MiB, {}  (sqlite3 not found: no ratio; install Debian's sqlite3)",
            report.changes,
            secs(export)
        ),
    }

    // Peak memory of a child importing the full bundle, measured while this process is still
    // small (on Linux a child's maxrss also counts the image it was forked from).
    let (peak, what) = child_import_peak(&bundle, &dir);
    println!(
        "peak memory importing the full bundle: {peak:.0} MiB maxrss, measured on {what}  (target <= 200 MB)"
    );

    // Verification alone (part of every import).
    let start = Instant::now();
    normdesk_sync::inspect(&bundle, &mut go).unwrap();
    println!(
        "verify the full bundle (zip, checksums, every change checked): {}",
        secs(start.elapsed())
    );

    // Import into an empty store, and the raw baseline of the same rows into another, alternating
    // so that a load coming and going on a shared machine weighs on both; the figure is the
    // ratio of the medians.
    let runs: usize = std::env::var("NORMDESK_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let (mut imports, mut baselines) = (Vec::new(), Vec::new());
    let mut target = None;
    for run in 0..runs {
        let target_path = dir.join(format!("target-{run}.db"));
        let mut store = Store::open(&target_path).unwrap();
        store.set_display_name("Chen Jing").unwrap();
        let start = Instant::now();
        normdesk_sync::import(&mut store, &bundle, &mut go).unwrap();
        imports.push(start.elapsed());
        let raw_path = dir.join(format!("raw-{run}.db"));
        let raw = Store::open(&raw_path).unwrap();
        baselines.push(raw_insert(store.conn(), raw.conn()));
        drop(raw);
        remove_db(&raw_path);
        if let Some((old, old_path)) = target.replace((store, target_path)) {
            drop(old);
            remove_db(&old_path);
        }
    }
    let (mut target, target_path) = target.expect("at least one run");
    let each: Vec<String> = imports
        .iter()
        .zip(&baselines)
        .map(|(i, b)| format!("{:.0}%", 100.0 * b.as_secs_f64() / i.as_secs_f64()))
        .collect();
    let (import, baseline) = (median(&imports), median(&baselines));
    println!(
        "import full bundle into an empty store, median of {runs} runs alternating with the baseline: {} ({:.0} changes/s)  \
         raw insert of the same rows {}  throughput ratio {:.0}% (per run: {})  (target >= 30%)",
        secs(import),
        changes as f64 / import.as_secs_f64(),
        secs(baseline),
        100.0 * baseline.as_secs_f64() / import.as_secs_f64(),
        each.join(" ")
    );
    assert_eq!(
        normdesk_core::dump::dump(source.conn()).unwrap(),
        normdesk_core::dump::dump(target.conn()).unwrap()
    );

    // 1,000 changes into the 100,000-record store.
    let ids: Vec<String> = source
        .conn()
        .prepare("SELECT id FROM project LIMIT 1000")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    source
        .write(Source::Ui, |w| {
            for (i, id) in ids.iter().enumerate() {
                w.update(
                    &schema::PROJECT,
                    id,
                    obj(json!({"title_en": format!("Revised title {i}")})),
                )?;
            }
            Ok(())
        })
        .unwrap();
    // The target's bundle tells the source what it holds.
    let back = dir.join("back.ndbundle");
    let peer = Replica {
        id: target.identity().unwrap().replica_id,
        name: "Chen Jing".into(),
    };
    normdesk_sync::export(&mut target, &back, None, &mut go).unwrap();
    normdesk_sync::import(&mut source, &back, &mut go).unwrap();
    let small = dir.join("small.ndbundle");
    let start = Instant::now();
    let r = normdesk_sync::export(&mut source, &small, Some(&peer), &mut go).unwrap();
    let small_export = start.elapsed();
    let start = Instant::now();
    let done = normdesk_sync::import(&mut target, &small, &mut go).unwrap();
    let small_import = start.elapsed();
    println!(
        "incremental bundle of {} changes into a {}-record store: import {:.0} ms (applied {}), export {:.0} ms  (target: import <= 300 ms)",
        r.changes,
        PROJECTS + PEOPLE + MEMBERSHIPS + 300,
        small_import.as_secs_f64() * 1e3,
        done.changes.applied,
        small_export.as_secs_f64() * 1e3
    );

    drop((source, target));
    remove_db(&target_path);
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        for f in [
            "full.ndbundle",
            "back.ndbundle",
            "small.ndbundle",
            "memory.db",
        ] {
            let _ = std::fs::remove_file(dir.join(f));
        }
    }
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

/// Removes a database file with its WAL and side files.
fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm", ".install"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
