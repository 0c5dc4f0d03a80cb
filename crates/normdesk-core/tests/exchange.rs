//! Spreadsheet exchange through the core API: CSV and XLSX round trips into an empty store,
//! human keys for references, updates by id, and a table of bad files — each refused with the
//! file, row and column named, and nothing written.

use normdesk_core::demo::{self, demo_id};
use normdesk_core::exchange::{self, Format, RowAction};
use normdesk_core::{Source, Store, dump};
use serde_json::Value;

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store).unwrap();
    store
}

/// The records of one kind from `dump`.
fn records(store: &Store, kind: &str) -> Value {
    let all: Value = serde_json::from_str(&dump::dump(store.conn()).unwrap()).unwrap();
    all[kind].clone()
}

fn import(
    store: &mut Store,
    kind: &str,
    file: &str,
    bytes: &[u8],
) -> normdesk_core::Result<exchange::ImportPreview> {
    store.write(Source::Import, |w| exchange::import(w, kind, file, bytes))
}

#[test]
fn csv_is_excel_shaped_and_round_trips_into_an_empty_store() {
    let source = demo_store();
    let (bytes, n) = exchange::export(source.conn(), "person", Format::Csv).unwrap();
    assert_eq!(n, 5);
    assert!(bytes.starts_with(
        b"\xEF\xBB\xBFid,name_zh,name_en,email,phone,organisation_id,expertise,sample\r\n"
    ));
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains("\"unmanned aircraft, airworthiness\""),
        "a comma in a cell is quoted: {text}"
    );
    assert!(
        text.lines().count() == 6 && text.split("\r\n").count() == 7,
        "CRLF after every row"
    );

    let mut empty = Store::open_in_memory().unwrap();
    let preview = import(&mut empty, "person", "people.csv", &bytes).unwrap();
    assert_eq!(
        (preview.create, preview.update, preview.unchanged),
        (5, 0, 0)
    );
    assert_eq!(records(&empty, "person"), records(&source, "person"));
    let again = import(&mut empty, "person", "people.csv", &bytes).unwrap();
    assert_eq!(
        (again.create, again.update, again.unchanged),
        (0, 0, 5),
        "importing twice changes nothing"
    );
}

#[test]
fn xlsx_round_trips_every_register_of_the_demo() {
    let source = demo_store();
    let mut copy = Store::open_in_memory().unwrap();
    for kind in [
        "organisation",
        "committee",
        "person",
        "training",
        "membership",
        "liaison",
        "target",
    ] {
        let (bytes, _) = exchange::export(source.conn(), kind, Format::Xlsx).unwrap();
        assert!(bytes.starts_with(b"PK"), "{kind}: not a zip");
        let preview = import(&mut copy, kind, &format!("{kind}.xlsx"), &bytes).unwrap();
        assert!(preview.ok(), "{kind}: {:?}", preview.errors);
        assert_eq!(records(&copy, kind), records(&source, kind), "{kind}");
    }
}

#[test]
fn references_take_human_keys_and_rows_with_an_id_update() {
    let mut store = demo_store();
    let csv = "person_id,committee_id,role,start_date\r\n\
               LI.MING@example.org,iso/tc 20/sc 16,convenor,2026-01-05\r\n\
               chen.jing@example.org,ISO/IEC  JTC 1/SC 42,chair,\r\n";
    let preview = import(&mut store, "membership", "roles.csv", csv.as_bytes()).unwrap();
    assert_eq!(preview.create, 2);
    let page =
        normdesk_core::people::page(store.conn(), &demo_id("person", "li-ming"), None).unwrap();
    assert!(
        page.roles
            .iter()
            .any(|r| r.role == normdesk_core::enums::Role::Convenor
                && r.committee_reference == "ISO/TC 20/SC 16")
    );

    let committees = "reference,kind,membership,organisation_id,parent_id\n\
                      ISO/TC 20/SC 16/WG 4,WG,P,ISO,ISO/TC 20/SC 16\n\
                      ISO/TC 20/SC 16/WG 4/AHG 1,AHG,none,ISO,ISO/TC 20/SC 16/WG 4\n";
    let preview = import(&mut store, "committee", "wg.csv", committees.as_bytes()).unwrap();
    assert_eq!(
        preview.create, 2,
        "a row may name a parent created above it"
    );

    let li = demo_id("person", "li-ming");
    let update = format!("id,phone\n{li},+86 755 0000 0000\n");
    let preview = import(&mut store, "person", "phones.csv", update.as_bytes()).unwrap();
    assert_eq!(preview.changes[0].action, RowAction::Update);
    assert_eq!(preview.changes[0].fields, ["phone"]);
    assert_eq!(
        normdesk_core::people::get(store.conn(), &li)
            .unwrap()
            .fields
            .phone,
        "+86 755 0000 0000"
    );
}

#[test]
fn bad_files_are_refused_naming_file_row_and_column_and_write_nothing() {
    let mut store = demo_store();
    let li = demo_id("person", "li-ming");
    store
        .write(Source::Cli, |w| {
            w.create(
                &normdesk_core::schema::PERSON,
                serde_json::json!({"name_en": "Li Ming 2", "email": "dup@example.org"})
                    .as_object()
                    .unwrap()
                    .clone(),
            )
        })
        .unwrap();
    store
        .write(Source::Cli, |w| {
            w.create(
                &normdesk_core::schema::PERSON,
                serde_json::json!({"name_en": "Li Ming 3", "email": "DUP@example.org"})
                    .as_object()
                    .unwrap()
                    .clone(),
            )
        })
        .unwrap();
    let posted = demo_id("statement", "sc42-ieee-data-quality");
    let before = dump::dump(store.conn()).unwrap();
    let header = "person_id,committee_id,role,start_date,end_date";
    let gbk_row =
        b"person_id,committee_id,role\r\nli.ming@example.org,ISO/TC 20/SC 16,\xd6\xf7\xcf\xaf\r\n"
            .to_vec();
    let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
        ("membership", "a.csv", b"person_id,committee_id\nli.ming@example.org,ISO/TC 20\n".to_vec(), "a.csv: nothing imported; 1 problem(s): column role: required column is missing"),
        ("membership", "b.csv", format!("{header},chairperson\n").into_bytes(), "column chairperson: unknown column; the membership columns are: id, person_id"),
        ("membership", "c.csv", format!("{header}\nli.ming@example.org,ISO/TC 20,chair,,\nli.ming@example.org,ISO/TC 20,chairman,,\n").into_bytes(), "row 3, column role: unknown value 'chairman'; use one of: chair, vice_chair"),
        ("membership", "d.csv", format!("{header}\nli.ming@example.org,ISO/TC 20,chair,2024-05-01,2024-04-30\n").into_bytes(), "row 2, column end_date: the end date is before the start date"),
        ("membership", "e.csv", format!("{header}\nli.ming@example.org,ISO/TC 999,chair,,\n").into_bytes(), "row 2, column committee_id: no committee has the reference 'ISO/TC 999'"),
        ("membership", "f.csv", format!("{header}\ndup@example.org,ISO/TC 20,chair,,\n").into_bytes(), "row 2, column person_id: 'dup@example.org' is the email of 2 person records"),
        ("membership", "g.csv", gbk_row, "g.csv: is not UTF-8 text (line 2"),
        ("membership", "h.csv", format!("{header}\nli.ming@example.org,ISO/TC 20,chair,2024-02-30,\n").into_bytes(), "row 2, column start_date: '2024-02-30' is not a date"),
        ("person", "i.csv", format!("id,name_en\n{li},A\n{li},B\n").into_bytes(), "row 3, column id: the id {li} is already used in row 2".replace("{li}", &li).leak()),
        ("statement", "j.csv", format!("id,state\n{posted},approved\n").into_bytes(), "row 2, column state: a statement cannot go from posted to approved; from posted the next states are: dead"),
        ("statement", "k.csv", b"direction,title,purpose,state\nincoming,Please comment,comment,pending\n".to_vec(), "row 2, column deadline: a statement for comment needs a deadline"),
        ("membership", "l.csv", Vec::new(), "l.csv: is empty"),
        ("membership", "m.csv", b"\xff\xfep\x00".to_vec(), "m.csv: is UTF-16 text"),
        ("membership", "n.xlsx", b"person_id,committee_id,role\n".to_vec(), "n.xlsx: cannot be read as an XLSX workbook"),
        ("membership", "o.txt", b"x".to_vec(), "o.txt: name a .csv or .xlsx file"),
        ("comment", "p.csv", b"x".to_vec(), "'comment' cannot be exchanged as a spreadsheet"),
        ("person", "q.csv", b"name_en,email\nA,a@example.org,extra\n".to_vec(), "row 2: has 3 cells but the header names 2 columns"),
    ];
    for (kind, file, bytes, want) in cases {
        let err = import(&mut store, kind, file, &bytes)
            .unwrap_err()
            .to_string();
        assert!(err.contains(want), "{file}:\n got  {err}\n want {want}");
        if let Ok(preview) = exchange::preview(store.conn(), kind, file, &bytes) {
            assert!(!preview.ok(), "{file}: the preview found nothing wrong");
        }
    }
    assert_eq!(
        dump::dump(store.conn()).unwrap(),
        before,
        "a refused import changed the store"
    );
}
