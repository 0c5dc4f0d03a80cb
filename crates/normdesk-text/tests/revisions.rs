//! Revisions: name one, a used name refused with nothing written, compare a revision with the
//! current text, and the names offered when the stage changes.

mod common;

use normdesk_core::{Source, Store, dump};
use normdesk_text::drafts::{self, Drafts, Version};

fn draft(tier: &str, reference: &str, deliverable: &str) -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    let d = common::project_draft(&mut store, tier, reference, deliverable, "en");
    (store, d)
}

#[test]
fn name_edit_compare_and_a_used_name_is_refused() {
    let (mut s, d) = draft("international", "ISO/CD 21384-5", "IS");
    let mut cache = Drafts::new();
    drafts::set_text(
        &mut s,
        &mut cache,
        &d,
        "1 Scope\nThe pad shall be flat.\n2 Terms\n",
    )
    .unwrap();
    let wd1 = drafts::name_revision(&mut s, &d, "WD1").unwrap();
    let before = dump::dump(s.conn()).unwrap();
    let err = drafts::name_revision(&mut s, &d, " WD1 ")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("already has a revision named 'WD1'; choose another name, such as WD2"),
        "{err}"
    );
    assert_eq!(dump::dump(s.conn()).unwrap(), before);
    drafts::set_text(
        &mut s,
        &mut cache,
        &d,
        "1 Scope\nThe pad shall be level.\n2 Terms\n",
    )
    .unwrap();
    let diff = drafts::compare(
        s.conn(),
        &d,
        &Version::Revision(wd1.id.clone()),
        &Version::Current,
    )
    .unwrap();
    assert_eq!(diff.clauses.len(), 1);
    assert_eq!(diff.clauses[0].clause, "1");
    assert_eq!((diff.words_added, diff.words_removed), (1, 1));
    assert_eq!(
        drafts::suggest_revision_name(s.conn(), &d, "20.20")
            .unwrap()
            .as_deref(),
        Some("WD2")
    );
    assert_eq!(
        drafts::suggest_revision_name(s.conn(), &d, "40.20")
            .unwrap()
            .as_deref(),
        Some("DIS")
    );
    assert_eq!(
        drafts::suggest_revision_name(s.conn(), &d, "00.00").unwrap(),
        None
    );
    let (s2, d2) = draft("group", "T/CAS 290-2017", "T");
    assert_eq!(
        drafts::suggest_revision_name(s2.conn(), &d2, "30.20")
            .unwrap()
            .as_deref(),
        Some("征求意见稿")
    );
}

#[test]
fn a_revision_shows_the_stage_it_was_named_at_and_who_named_it() {
    let (mut s, d) = draft("international", "ISO/CD 21384-5", "IS");
    s.set_display_name("Li's laptop").unwrap();
    let p: String = s
        .conn()
        .query_row("SELECT project_id FROM draft WHERE id = ?1", [&d], |r| {
            r.get(0)
        })
        .unwrap();
    let cd = drafts::name_revision(&mut s, &d, "CD1").unwrap();
    s.write(Source::Ui, |w| {
        normdesk_core::projects::change_stage(
            w,
            &p,
            normdesk_core::projects::StageChange {
                code: "40.20".into(),
                date: "2026-11-20".into(),
                note: String::new(),
            },
        )
    })
    .unwrap();
    let dis = drafts::name_revision(&mut s, &d, "DIS").unwrap();
    let rows: Vec<(String, Option<String>, String)> = drafts::revisions(s.conn(), &d)
        .unwrap()
        .into_iter()
        .map(|r| (r.name, r.stage, r.author))
        .collect();
    assert_eq!(
        rows,
        [
            ("CD1".into(), Some("30.20".into()), "Li's laptop".into()),
            ("DIS".into(), Some("40.20".into()), "Li's laptop".into()),
        ]
    );
    assert_eq!(
        (cd.stage.as_deref(), dis.stage.as_deref()),
        (Some("30.20"), Some("40.20"))
    );
}

#[test]
fn a_project_lists_its_drafts_revisions_and_what_a_new_stage_offers() {
    let (mut s, en) = draft("international", "ISO/CD 21384-5", "IS");
    let p: String = s
        .conn()
        .query_row("SELECT project_id FROM draft WHERE id = ?1", [&en], |r| {
            r.get(0)
        })
        .unwrap();
    let zh = drafts::create(&mut s, &p, "zh").unwrap();
    drafts::name_revision(&mut s, &en, "CD1").unwrap();
    let listed: Vec<(String, Vec<String>)> = drafts::project_revisions(s.conn(), &p)
        .unwrap()
        .into_iter()
        .map(|d| {
            (
                d.draft.lang,
                d.revisions.into_iter().map(|r| r.name).collect(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [("en".into(), vec!["CD1".into()]), ("zh".into(), vec![])]
    );
    let offers: Vec<(String, Option<String>, Vec<String>)> =
        drafts::revision_offers(s.conn(), &p, "30.99")
            .unwrap()
            .into_iter()
            .map(|o| (o.draft_id, o.name, o.used))
            .collect();
    assert_eq!(
        offers,
        [
            (en, Some("CD2".into()), vec!["CD1".into()]),
            (zh, Some("CD1".into()), vec![])
        ]
    );
}
