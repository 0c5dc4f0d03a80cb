//! Sync through the real binary: export and import between two temporary databases, importing
//! again, a dry run, conflicts and their resolution travelling back, and a refused bundle.

use crate::support::Nd;

/// The one bundle file `export` wrote into `dir`.
fn bundle_in(dir: &std::path::Path) -> String {
    let found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ndbundle"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let path = found[0].display().to_string();
    std::fs::rename(&found[0], format!("{path}.sent")).unwrap();
    format!("{path}.sent")
}

fn pair() -> (Nd, Nd) {
    let (a, b) = (Nd::new(), Nd::new());
    a.ok(&["init", "--name", "Li Ming"]);
    b.ok(&["init", "--name", "Chen Jing"]);
    (a, b)
}

#[test]
fn export_and_import_between_two_databases() {
    let (a, b) = pair();
    a.ok(&["demo"]);
    let out = a.ok(&["export", "--out", a.dir().to_str().unwrap()]);
    assert!(
        out.starts_with("wrote ") && out.contains("-LiMing-full.ndbundle"),
        "{out}"
    );
    let file = bundle_in(a.dir());
    let before = b.dump();
    let plan = b.json(&["import", &file, "--dry-run", "--json"]);
    assert_eq!(plan["dry_run"], true);
    assert!(plan["changes"]["applied"].as_u64().unwrap() > 100);
    assert_eq!(b.dump(), before, "a dry run changes nothing");
    let text = b.ok(&["import", &file]);
    assert!(
        text.contains("project ") && text.contains("imported"),
        "{text}"
    );
    assert_eq!(a.dump(), b.dump());
    let again = b.ok(&["import", &file]);
    assert!(
        again.contains("was imported before; nothing changed"),
        "{again}"
    );
    b.ok(&["check"]);
}

#[test]
fn a_conflict_is_listed_resolved_and_the_resolution_travels_back() {
    let (a, b) = pair();
    let org = a.new_record("organisation", &["acronym=SAC", "kind=national_body"]);
    let full = a.dir().join("full.ndbundle");
    a.ok(&["export", "--out", full.to_str().unwrap()]);
    b.ok(&["import", full.to_str().unwrap()]);
    a.ok(&["set", "organisation", &org, "country=CN"]);
    b.ok(&["set", "organisation", &org, "country=China"]);
    let to_a = b.dir().join("to-a.ndbundle");
    b.ok(&[
        "export",
        "--out",
        to_a.to_str().unwrap(),
        "--peer",
        "Li Ming",
    ]);
    a.ok(&["import", to_a.to_str().unwrap()]);
    let to_b = a.dir().join("to-b.ndbundle");
    a.ok(&[
        "export",
        "--out",
        to_b.to_str().unwrap(),
        "--peer",
        "Chen Jing",
    ]);
    b.ok(&["import", to_b.to_str().unwrap()]);
    assert_eq!(a.dump(), b.dump());

    let list = b.json(&["conflicts", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let id = list[0]["id"].as_str().unwrap().to_owned();
    let table = b.ok(&["conflicts"]);
    assert!(
        table.contains("country") && table.contains("Li Ming") && table.contains("Chen Jing"),
        "{table}"
    );
    // B keeps its own value, whichever stamp won.
    b.ok(&["resolve", &id, "--keep", "local"]);
    assert_eq!(
        b.json(&["show", "organisation", &org, "--json"])["country"],
        "China"
    );
    assert_eq!(b.ok(&["conflicts"]), "no conflicts\n");
    let back = b.dir().join("back.ndbundle");
    b.ok(&[
        "export",
        "--out",
        back.to_str().unwrap(),
        "--peer",
        "Li Ming",
    ]);
    a.ok(&["import", back.to_str().unwrap()]);
    assert_eq!(a.json(&["conflicts", "--json"]), serde_json::json!([]));
    assert_eq!(a.dump(), b.dump());
}

#[test]
fn a_damaged_bundle_is_refused_in_one_line_and_changes_nothing() {
    let (a, b) = pair();
    a.ok(&["demo"]);
    let file = a.dir().join("x.ndbundle");
    a.ok(&["export", "--out", file.to_str().unwrap()]);
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.truncate(bytes.len() - 100);
    std::fs::write(&file, bytes).unwrap();
    let before = b.dump();
    let run = b.run(&["import", file.to_str().unwrap()]);
    run.assert_fails(1);
    assert!(
        run.stderr.contains("bundle x.ndbundle: ") && run.stderr.contains("nothing was imported"),
        "{}",
        run.stderr
    );
    assert_eq!(b.dump(), before);
    let run = b.run(&[
        "resolve",
        "0193c3a0-0000-7000-8000-000000000001",
        "--keep",
        "local",
    ]);
    run.assert_fails(1);
    assert!(run.stderr.contains("no open conflict"), "{}", run.stderr);
    let run = b.run(&["export", "--out", "x", "--peer", "Nobody"]);
    run.assert_fails(1);
    assert!(
        run.stderr.contains("no colleague 'Nobody'"),
        "{}",
        run.stderr
    );
}
