//! Spreadsheet exchange through the real binary: `export-csv` then `import-csv` into an empty
//! store gives the same records; a dry run writes nothing; a bad file is refused in one line that
//! names the file, row and column, and changes nothing.

use serde_json::Value;

use crate::support::Nd;

/// The records of one kind in `normdesk dump`.
fn kind_in_dump(nd: &Nd, kind: &str) -> Value {
    let dump: Value = serde_json::from_slice(&nd.dump()).expect("dump is JSON");
    dump[kind].clone()
}

#[test]
fn people_exported_to_csv_import_into_an_empty_store_as_the_same_records() {
    let source = Nd::with_demo();
    let file = source.dir().join("people.csv");
    let file = file.to_str().unwrap();
    assert_eq!(
        source.ok(&["export-csv", "person", file]),
        format!("wrote 5 person records to {file}\n")
    );
    let bytes = std::fs::read(file).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFid,name_zh,name_en,email,"),
        "UTF-8 BOM and the header"
    );

    let target = Nd::new();
    target.ok(&["init"]);
    let before = target.dump();
    let plan = target.json(&["import-csv", "person", file, "--dry-run", "--json"]);
    assert_eq!(
        (plan["create"].as_u64(), plan["rows"].as_u64()),
        (Some(5), Some(5))
    );
    assert_eq!(target.dump(), before, "a dry run wrote something");

    let out = target.ok(&["import-csv", "person", file]);
    assert!(
        out.contains("5 rows; created 5, updated 0, 0 unchanged"),
        "{out}"
    );
    assert_eq!(
        kind_in_dump(&target, "person"),
        kind_in_dump(&source, "person")
    );
    let again = target.ok(&["import-csv", "person", file]);
    assert!(
        again.contains("created 0, updated 0, 5 unchanged"),
        "{again}"
    );
}

#[test]
fn xlsx_goes_both_ways_by_the_file_name() {
    let source = Nd::with_demo();
    let file = source.dir().join("committees.xlsx");
    let file = file.to_str().unwrap();
    source.ok(&[
        "export-csv",
        "organisation",
        &file.replace("committees", "orgs"),
    ]);
    source.ok(&["export-csv", "committee", file]);
    assert!(std::fs::read(file).unwrap().starts_with(b"PK"));
    let target = Nd::new();
    target.ok(&[
        "import-csv",
        "organisation",
        &file.replace("committees", "orgs"),
    ]);
    target.ok(&["import-csv", "committee", file]);
    assert_eq!(
        kind_in_dump(&target, "committee"),
        kind_in_dump(&source, "committee")
    );
}

#[test]
fn a_bad_file_is_refused_in_one_line_naming_row_and_column_and_changes_nothing() {
    let nd = Nd::with_demo();
    let cases = [
        (
            "roles.csv",
            "person_id,committee_id,role\nli.ming@example.org,ISO/TC 20,chairman\n".as_bytes(),
            "row 2, column role: unknown value 'chairman'; use one of: chair",
        ),
        (
            "roles.csv",
            b"person_id,committee_id,role\nnobody@example.org,ISO/TC 20,chair\n",
            "row 2, column person_id: no person has the email 'nobody@example.org'",
        ),
        (
            "roles.csv",
            b"person_id,committee\nli.ming@example.org,ISO/TC 20\n",
            "column committee: unknown column",
        ),
        (
            "roles.csv",
            b"person_id,committee_id\nli.ming@example.org,ISO/TC 20\n",
            "column role: required column is missing",
        ),
        (
            "roles.csv",
            b"person_id,committee_id,role\n\xc0\xed\xc3\xf7,ISO/TC 20,chair\n",
            "is not UTF-8 text",
        ),
    ];
    let before = nd.dump();
    for (name, bytes, want) in cases {
        let file = nd.dir().join(name);
        std::fs::write(&file, bytes).unwrap();
        for extra in [&[][..], &["--dry-run"]] {
            let mut args = vec!["import-csv", "membership", file.to_str().unwrap()];
            args.extend_from_slice(extra);
            let run = nd.run(&args);
            run.assert_fails(1);
            assert!(run.stderr.contains(want), "{want}\n in {}", run.stderr);
            assert!(
                run.stderr.contains("roles.csv: "),
                "the file is named: {}",
                run.stderr
            );
        }
    }
    assert_eq!(nd.dump(), before, "a refused import changed the store");
    for (args, want) in [
        (
            vec!["import-csv", "comment", "x.csv"],
            "'comment' cannot be exchanged",
        ),
        (
            vec!["export-csv", "person", "people.txt"],
            "name a .csv or .xlsx file",
        ),
        (
            vec!["import-csv", "person", "/nonexistent/people.csv"],
            "/nonexistent/people.csv",
        ),
    ] {
        let run = nd.run(&args);
        run.assert_fails(1);
        assert!(run.stderr.contains(want), "{want}\n in {}", run.stderr);
    }
}
