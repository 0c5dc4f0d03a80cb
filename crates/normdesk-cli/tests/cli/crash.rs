//! Crash safety: the real binary importing a large bundle is killed (SIGKILL) at random moments;
//! every time the database afterwards holds exactly what it held before or exactly what a
//! complete import gives, and passes `normdesk check`. 50 trials.

use std::process::Command;
use std::time::{Duration, Instant};

use normdesk_core::{Source, Store, schema};
use serde_json::json;

use crate::support::{Nd, run_command};

#[test]
fn killing_an_import_at_any_moment_leaves_the_store_before_or_after() {
    // The sender: enough records that an import takes a while.
    let sender = Nd::new();
    {
        let mut store = Store::open(&sender.db).unwrap();
        store
            .write(Source::Cli, |w| {
                for i in 0..2500 {
                    let fields = json!({"acronym": format!("ORG{i}"), "kind": "consortium", "name_en": format!("Organisation number {i}")});
                    w.create(&schema::ORGANISATION, fields.as_object().unwrap().clone())?;
                }
                Ok(())
            })
            .unwrap();
    }
    let bundle = sender.dir().join("big.ndbundle");
    sender.ok(&["export", "--out", bundle.to_str().unwrap()]);

    // The receiver as it is before, and after a complete import.
    let pristine = Nd::new();
    pristine.ok(&["init", "--name", "Receiver"]);
    pristine.new_record("organisation", &["acronym=LOCAL", "kind=government"]);
    let before = pristine.dump();
    let trial_db = |n: usize| {
        let path = pristine.dir().join(format!("trial-{n}.db"));
        std::fs::copy(&pristine.db, &path).unwrap();
        path
    };
    let full = trial_db(999);
    let started = Instant::now();
    let done = run_command({
        let mut c = Command::new(env!("CARGO_BIN_EXE_normdesk"));
        c.arg("--db").arg(&full).arg("import").arg(&bundle);
        c
    });
    assert_eq!(done.code, 0, "{}", done.stderr);
    let span = started.elapsed().as_millis() as u64 + 20;
    let after = run_command({
        let mut c = Command::new(env!("CARGO_BIN_EXE_normdesk"));
        c.arg("--db").arg(&full).arg("dump");
        c
    })
    .stdout_bytes;
    assert_ne!(before, after);

    let (mut seen_before, mut seen_after) = (0, 0);
    let mut seed = 0x9e3779b97f4a7c15u64;
    for n in 0..50 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = (seed >> 33) % span;
        let db = trial_db(n);
        let mut child = Command::new(env!("CARGO_BIN_EXE_normdesk"))
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&bundle)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let check = run_command({
            let mut c = Command::new(env!("CARGO_BIN_EXE_normdesk"));
            c.arg("--db").arg(&db).arg("check");
            c
        });
        assert_eq!(
            check.code, 0,
            "trial {n} (killed after {delay} ms): check failed: {}{}",
            check.stdout, check.stderr
        );
        let dump = run_command({
            let mut c = Command::new(env!("CARGO_BIN_EXE_normdesk"));
            c.arg("--db").arg(&db).arg("dump");
            c
        })
        .stdout_bytes;
        if dump == before {
            seen_before += 1;
        } else if dump == after {
            seen_after += 1;
        } else {
            panic!(
                "trial {n} (killed after {delay} ms): the store is neither before nor after the import"
            );
        }
        let _ = std::fs::remove_file(&db);
    }
    eprintln!("crash trials: {seen_before} before, {seen_after} after");
    assert_eq!(seen_before + seen_after, 50);
}
