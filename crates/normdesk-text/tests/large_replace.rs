//! `text set` of a large text (issue 5): replacing a megabyte draft's whole text by a file with a
//! few scattered edits stays a minimal edit — one splice per edit, not the whole text again — so
//! it merges with a colleague's concurrent typing like typing does.

mod common;

use normdesk_core::Store;
use normdesk_text::doc::{Doc, new_actor};
use normdesk_text::drafts::{self, Drafts};
use normdesk_text::store;

fn draft(store: &mut Store) -> String {
    common::project_draft(store, "international", "ISO/CD 3", "IS", "en")
}

/// About a megabyte of numbered clauses with English and Chinese paragraphs and notes.
fn megabyte() -> String {
    let mut s = String::new();
    for c in 1..=99 {
        s.push_str(&format!("{c} Clause {c}\n"));
        for sub in 1..=62 {
            s.push_str(&format!(
                "{c}.{sub} Requirement {sub}\nThe vertiport shall meet the requirements of {c}.{sub}; 垂直起降场应符合第{c}.{sub}条的要求，并保持表面平整。\nNOTE The pad shall be level.\n"
            ));
        }
    }
    s
}

#[test]
fn a_megabyte_replaced_with_scattered_edits_is_one_splice_per_edit_and_merges() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.db")).unwrap();
    let d = draft(&mut store);
    let text = megabyte();
    assert!(text.len() > 1 << 20, "{} bytes", text.len());

    // Into the empty draft: one insertion.
    let outcome = drafts::set_text(&mut store, &mut Drafts::new(), &d, &text).unwrap();
    assert_eq!(outcome.splices.len(), 1);
    assert_eq!(drafts::text(store.conn(), &d).unwrap(), text);

    // A colleague's copy of the document, typing in clause 50 meanwhile.
    let (am, chunks) = store::read(store.conn(), &d).unwrap().unwrap();
    let mut colleague = Doc::load(&am, &chunks, Some(&new_actor())).unwrap();
    let heading = "50.7 Requirement 7\n";
    let at = text.find(heading).unwrap() + heading.len();
    let at16 = text[..at].encode_utf16().count();
    colleague.splice(at16, 0, "Added by a colleague. ").unwrap();
    colleague.commit("colleague");

    // Here: the same text with every 97th "shall" made "shall not", every 89th 要求 made 规定
    // and a word deleted in clause 80.
    let mut edits = 0;
    let mut edit_every = |text: &str, word: &str, n: usize, by: &str| {
        let mut out = String::new();
        for (i, part) in text.split(word).enumerate() {
            if i > 0 {
                out.push_str(if i % n == 0 { by } else { word });
                edits += usize::from(i % n == 0);
            }
            out.push_str(part);
        }
        out
    };
    let edited = edit_every(&text, "shall", 97, "shall not");
    let edited = edit_every(&edited, "要求", 89, "规定");
    let edited = edited.replacen(
        "80.3 Requirement 3\nThe vertiport",
        "80.3 Requirement 3\nThe",
        1,
    );
    edits += 1;
    let outcome = drafts::set_text(&mut store, &mut Drafts::new(), &d, &edited).unwrap();
    assert!(
        outcome.splices.len() <= edits,
        "{} splices for {edits} edits",
        outcome.splices.len()
    );
    let changed: usize = outcome
        .splices
        .iter()
        .map(|s| s.delete as usize + s.insert.len())
        .sum();
    assert!(
        changed <= edits * 10,
        "{changed} units changed for {edits} edits"
    );
    assert_eq!(drafts::text(store.conn(), &d).unwrap(), edited);

    // Both sides' edits are kept when the documents merge.
    let (am, chunks) = store::read(store.conn(), &d).unwrap().unwrap();
    let mut here = Doc::load(&am, &chunks, Some(&new_actor())).unwrap();
    here.merge(&mut colleague).unwrap();
    let at = edited.find(heading).unwrap() + heading.len();
    let mut want = edited.clone();
    want.insert_str(at, "Added by a colleague. ");
    assert!(here.text() == want, "the merged text lost an edit");
}
