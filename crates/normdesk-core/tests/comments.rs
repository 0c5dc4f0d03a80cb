//! Ballot comments: XLSX and CSV round trips in the template's column order, and sheets refused
//! with their row and column (wrong columns, unknown type or disposition) with nothing written.

mod common;

use normdesk_core::comments::{self, CommentInput, TEMPLATE_COLUMNS};
use normdesk_core::enums::{CommentType, Disposition};
use normdesk_core::exchange::Format;
use normdesk_core::{Source, Store, dump, projects};
use serde_json::json;

fn store_with_project() -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    let p = store
        .write(Source::Ui, |w| {
            projects::create(w, common::project(json!({})))
        })
        .unwrap();
    (store, p)
}

fn comment(
    p: &str,
    mb: &str,
    clause: &str,
    kind: CommentType,
    disposition: Disposition,
) -> CommentInput {
    CommentInput {
        project_id: p.to_owned(),
        revision_id: None,
        mb: mb.into(),
        line: "12".into(),
        clause: clause.into(),
        paragraph: "Table 1".into(),
        kind,
        comment: "第一行\n\"quoted\", with a comma".into(),
        proposed_change: "Replace \"shall\" by \"should\".".into(),
        observation: String::new(),
        disposition,
    }
}

#[test]
fn comments_round_trip_through_xlsx_and_csv_in_template_order() {
    for format in [Format::Xlsx, Format::Csv] {
        let (mut a, p) = store_with_project();
        let made = [
            comment(
                &p,
                "DE",
                "10.1",
                CommentType::Te,
                Disposition::AcceptedWithModification,
            ),
            comment(&p, "CN", "2", CommentType::Ed, Disposition::Open),
            comment(&p, "US", "General", CommentType::Ge, Disposition::Noted),
            comment(&p, "FR", "A.1", CommentType::Te, Disposition::NotAccepted),
        ];
        a.write(Source::Ui, |w| {
            made.iter()
                .try_for_each(|c| comments::create(w, c).map(drop))
        })
        .unwrap();
        let listed: Vec<String> = comments::list(a.conn(), &p, None)
            .unwrap()
            .iter()
            .map(|c| c.fields.clause.clone())
            .collect();
        assert_eq!(listed, ["General", "2", "10.1", "A.1"]);
        let bytes = comments::export(a.conn(), &p, None, format).unwrap();
        let name = if format == Format::Csv {
            "c.csv"
        } else {
            "c.xlsx"
        };
        let (mut b, q) = store_with_project();
        b.write(Source::Import, |w| {
            comments::import(w, name, &bytes, &q, None)
        })
        .unwrap();
        let strip = |s: &Store, p: &str| -> Vec<CommentInput> {
            comments::list(s.conn(), p, None)
                .unwrap()
                .into_iter()
                .map(|c| CommentInput {
                    project_id: String::new(),
                    ..c.fields
                })
                .collect()
        };
        assert_eq!(strip(&a, &p), strip(&b, &q), "{format:?}");
        if format == Format::Csv {
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                text.starts_with(&format!(
                    "\u{feff}{},Disposition\r\n",
                    TEMPLATE_COLUMNS.join(",")
                )),
                "{text}"
            );
        }
    }
}

#[test]
fn bad_sheets_are_refused_with_row_and_column_and_nothing_is_written() {
    let head = TEMPLATE_COLUMNS.join(",");
    let cases = [
        (
            "wrong column",
            "MB/NC,Line number,Clause,Paragraph/Figure/Table,Type of comment,Comments,Proposed change,Observations of the secretariat\nDE,1,2,,te,x,,\n"
                .to_owned(),
            "column 3 is headed 'Clause'",
        ),
        (
            "too few columns",
            "MB/NC,Line number\nDE,1\n".to_owned(),
            "has 2 columns",
        ),
        (
            "unknown type",
            format!("{head}\nDE,1,2,,te,ok,,\nFR,3,4,,tech,x,,\n"),
            "row 3, column 'Type of comment': unknown comment type 'tech'",
        ),
        (
            "unknown disposition",
            format!("{head},Disposition\nDE,1,2,,te,x,,,maybe\n"),
            "row 2, column 'Disposition': unknown disposition 'maybe'",
        ),
        (
            "no member body",
            format!("{head}\n,1,2,,te,x,,\n"),
            "row 2, column 'MB/NC': give the member body",
        ),
        (
            "line too long",
            format!("{head}\n{},1,2,,te,x,,\n", "M".repeat(101)),
            "row 2, column 'MB/NC'",
        ),
    ];
    for (what, csv, says) in cases {
        let (mut s, p) = store_with_project();
        let before = dump::dump(s.conn()).unwrap();
        let err = s
            .write(Source::Import, |w| {
                comments::import(w, "sheet.csv", csv.as_bytes(), &p, None)
            })
            .unwrap_err()
            .to_string();
        assert!(err.contains(says), "{what}: {err}");
        assert_eq!(dump::dump(s.conn()).unwrap(), before, "{what}");
    }
}

#[test]
fn the_preview_lists_every_bad_row_with_all_its_columns_and_writes_nothing() {
    let (s, p) = store_with_project();
    let head = TEMPLATE_COLUMNS.join(",");
    let csv = format!(
        "{head},Disposition\nDE,1,2,,te,good,,,Noted\nFR,3,4,,tech,x,,,maybe\nCN,5,6,,ed,fine,,,\n"
    );
    let before = dump::dump(s.conn()).unwrap();
    let preview = comments::preview("nc.csv", csv.as_bytes(), &p, Some("rev-1")).unwrap();
    assert_eq!(dump::dump(s.conn()).unwrap(), before);
    assert_eq!(preview.sheet_problem, None);
    let rows: Vec<(u32, bool, Vec<&str>)> = preview
        .rows
        .iter()
        .map(|r| {
            (
                r.row,
                r.comment.is_some(),
                r.problems.iter().map(|x| x.column.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (2, true, vec![]),
            (3, false, vec!["Type of comment", "Disposition"]),
            (4, true, vec![]),
        ]
    );
    let good = preview.rows[0].comment.as_ref().unwrap();
    assert_eq!(
        (good.revision_id.as_deref(), good.disposition),
        (Some("rev-1"), Disposition::Noted)
    );
    assert_eq!(
        preview.first_problem().as_deref(),
        Some(
            "nc.csv: row 3, column 'Type of comment': unknown comment type 'tech'; use ge, te or ed"
        )
    );
    let wrong = comments::preview("nc.csv", b"MB/NC,Line\nDE,1\n", &p, None).unwrap();
    assert!(wrong.rows.is_empty());
    assert!(
        wrong
            .sheet_problem
            .as_deref()
            .unwrap()
            .starts_with("has 2 columns"),
        "{wrong:?}"
    );
}

#[test]
fn a_comment_without_member_body_clause_or_text_is_refused_by_field() {
    let (mut s, p) = store_with_project();
    let good = comment(&p, "DE", "4.2", CommentType::Te, Disposition::Open);
    for (field, blank) in [
        (
            "mb",
            CommentInput {
                mb: " ".into(),
                ..good.clone()
            },
        ),
        (
            "clause",
            CommentInput {
                clause: String::new(),
                ..good.clone()
            },
        ),
        (
            "comment",
            CommentInput {
                comment: String::new(),
                ..good.clone()
            },
        ),
    ] {
        let before = dump::dump(s.conn()).unwrap();
        let err = s
            .write(Source::Ui, |w| comments::create(w, &blank))
            .unwrap_err();
        match err {
            normdesk_core::CoreError::Validation { field: f, .. } => assert_eq!(f, field),
            other => panic!("{field}: {other}"),
        }
        assert_eq!(dump::dump(s.conn()).unwrap(), before, "{field}");
    }
}
