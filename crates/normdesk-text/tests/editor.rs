//! The editor's path: a pause's splices are numbered in the same change (`apply_numbered`), and a
//! document loaded apart from the store (`stored` + `Drafts::load_stored`) serves later edits.

mod common;

use normdesk_core::Store;
use normdesk_text::diff::Splice;
use normdesk_text::drafts::{self, Drafts};

fn draft(store: &mut Store) -> String {
    common::project_draft(store, "international", "ISO/CD 2", "IS", "en")
}

fn insert(pos: u32, text: &str) -> Splice {
    Splice {
        pos,
        delete: 0,
        insert: text.into(),
    }
}

/// Applies the splices to `text` as the editor does (UTF-16 positions, in order).
fn spliced(text: &str, splices: &[Splice]) -> String {
    let mut units: Vec<u16> = text.encode_utf16().collect();
    for s in splices {
        let at = s.pos as usize;
        units.splice(at..at + s.delete as usize, s.insert.encode_utf16());
    }
    String::from_utf16(&units).unwrap()
}

#[test]
fn a_pause_is_numbered_in_the_same_change_and_the_editor_gets_the_renumbering() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let d = draft(&mut store);
    let mut cache = Drafts::new();
    // (typed, text the editor shows after applying the returned splices)
    let steps = [
        (insert(0, "1 Scope\n"), "1 Scope\n"),
        (insert(8, "5 Terms\n"), "1 Scope\n2 Terms\n"),
        (
            insert(16, "7.4 Vertiport\nNOTE 3 A pad.\n"),
            "1 Scope\n2 Terms\n2.1 Vertiport\nNOTE A pad.\n",
        ),
        (
            insert(0, "9 Foreword\n"),
            "1 Foreword\n2 Scope\n3 Terms\n3.1 Vertiport\nNOTE A pad.\n",
        ),
    ];
    let mut editor = String::new();
    for (typed, want) in steps {
        editor = spliced(&editor, std::slice::from_ref(&typed));
        let outcome = drafts::apply_numbered(&mut store, &mut cache, &d, &[typed], None).unwrap();
        editor = spliced(&editor, &outcome.splices);
        assert_eq!(editor, want);
        assert_eq!(drafts::text(store.conn(), &d).unwrap(), want);
        assert_eq!(outcome.length as usize, want.encode_utf16().count());
    }
    // Nothing to number: no splices back.
    let end = editor.encode_utf16().count() as u32;
    let outcome =
        drafts::apply_numbered(&mut store, &mut cache, &d, &[insert(end, "Text.")], None).unwrap();
    assert!(outcome.splices.is_empty());
}

#[test]
fn a_document_loaded_apart_from_the_store_takes_the_next_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("n.db")).unwrap();
    let d = draft(&mut store);
    drafts::apply(
        &mut store,
        &mut Drafts::new(),
        &d,
        &[insert(0, "1 范围\n")],
        None,
    )
    .unwrap();
    let mut cache = Drafts::new();
    let stored = drafts::stored(store.conn(), &d).unwrap();
    assert!(stored.is_some());
    cache.load_stored(stored).unwrap();
    drafts::apply(&mut store, &mut cache, &d, &[insert(5, "本文件")], None).unwrap();
    assert_eq!(drafts::text(store.conn(), &d).unwrap(), "1 范围\n本文件");
    // A document changed elsewhere since it was read is loaded again at the next edit.
    let old = drafts::stored(store.conn(), &d).unwrap();
    drafts::apply(
        &mut store,
        &mut Drafts::new(),
        &d,
        &[insert(0, "前言\n")],
        None,
    )
    .unwrap();
    cache.load_stored(old).unwrap();
    drafts::apply(&mut store, &mut cache, &d, &[insert(0, "0")], None).unwrap();
    assert_eq!(
        drafts::text(store.conn(), &d).unwrap(),
        "0前言\n1 范围\n本文件"
    );
}
