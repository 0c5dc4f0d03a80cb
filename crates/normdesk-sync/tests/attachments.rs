//! Attachment files travel in bundles as `blobs/<sha256>`: a colleague who imports the bundle
//! can open them; a bundle for a colleague carries only the files of the attachments it
//! sends; the same file attached twice travels once; bytes that do not hash to their name are
//! refused and nothing is written.

mod support;

use normdesk_core::Source;
use normdesk_core::attachments;
use serde_json::json;
use support::{Desk, Parts, entries, go, raw, sha};

/// A statement with a file attached; returns (statement id, attachment id).
fn statement_with_file(desk: &mut Desk, title: &str, name: &str, bytes: &[u8]) -> (String, String) {
    let statement = desk.create(
        "statement",
        json!({"direction": "incoming", "title": title, "purpose": "information", "state": "pending"}),
    );
    let file = attach(desk, &statement, name, bytes);
    (statement, file)
}

fn attach(desk: &mut Desk, statement: &str, name: &str, bytes: &[u8]) -> String {
    desk.store
        .write(Source::Cli, |w| {
            attachments::add(w, "statement", statement, name, None, bytes)
        })
        .unwrap()
        .id
}

fn blob_names(bundle: &std::path::Path) -> Vec<String> {
    entries(&std::fs::read(bundle).unwrap())
        .into_iter()
        .map(|(name, _)| name)
        .filter(|n| n.starts_with("blobs/"))
        .collect()
}

#[test]
fn a_colleague_opens_the_file_after_import_and_a_later_bundle_carries_only_new_files() {
    let mut a = Desk::new("Li Ming");
    let mut b = Desk::new("Chen Jing");
    let minutes = "会议纪要 — minutes of the plenary\n"
        .repeat(200)
        .into_bytes();
    let (_, first) = statement_with_file(&mut a, "Liaison from IEC/TC 65", "minutes.pdf", &minutes);

    let full = a.export(None);
    assert_eq!(blob_names(&full), vec![format!("blobs/{}", sha(&minutes))]);
    let report = b.import(&full);
    assert_eq!(report.attachments, 1);
    assert_eq!(attachments::bytes(b.store.conn(), &first).unwrap(), minutes);
    let saved = b.path("minutes-copy.pdf");
    attachments::save_to(b.store.conn(), &first, &saved).unwrap();
    assert_eq!(std::fs::read(&saved).unwrap(), minutes);

    // B answers, so A knows what B holds; A's next bundle for B carries only the new file.
    let back = b.export(Some(&a));
    a.import(&back);
    let agenda = b"agenda: 1. opening 2. liaisons".to_vec();
    let (_, second) = statement_with_file(&mut a, "Reply to ISO/TC 20", "agenda.txt", &agenda);
    let next = a.export(Some(&b));
    assert_eq!(blob_names(&next), vec![format!("blobs/{}", sha(&agenda))]);
    let info = normdesk_sync::inspect(&next, &mut go).unwrap();
    assert_eq!(info.attachments, 1);
    assert_eq!(b.import(&next).attachments, 1);
    assert_eq!(attachments::bytes(b.store.conn(), &second).unwrap(), agenda);
    assert_eq!(a.dump(), b.dump());

    // Importing again changes nothing.
    assert!(b.import(&next).already_imported);
}

#[test]
fn the_same_file_attached_twice_travels_once_and_fills_both() {
    let mut a = Desk::new("A");
    let mut b = Desk::new("B");
    let bytes = b"the same scanned letter".to_vec();
    let (statement, one) = statement_with_file(&mut a, "Letter", "letter.pdf", &bytes);
    let two = attach(&mut a, &statement, "letter (copy).pdf", &bytes);
    let bundle = a.export(None);
    assert_eq!(blob_names(&bundle).len(), 1);
    assert_eq!(b.import(&bundle).attachments, 2);
    for id in [&one, &two] {
        assert_eq!(attachments::bytes(b.store.conn(), id).unwrap(), bytes);
    }
}

#[test]
fn an_attachment_whose_file_did_not_come_says_so_and_a_later_bundle_brings_it() {
    let mut a = Desk::new("A");
    let mut b = Desk::new("B");
    let bytes = b"scope of the new work item".to_vec();
    let (_, file) = statement_with_file(&mut a, "NWIP", "nwip.txt", &bytes);
    // The bundle without its blob (as a writer that lacked the bytes would make it).
    let good = std::fs::read(a.export(None)).unwrap();
    let mut parts = Parts::of(&good);
    parts.manifest["entries"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["kind"] != "attachment_blob");
    parts.manifest["counts"]
        .as_object_mut()
        .unwrap()
        .remove("attachments");
    parts.manifest["bundle_id"] = json!(uuid::Uuid::now_v7().to_string());
    let without = b.path("without.ndbundle");
    std::fs::write(&without, parts.build()).unwrap();
    assert_eq!(b.import(&without).attachments, 0);
    let err = attachments::bytes(b.store.conn(), &file).unwrap_err();
    assert!(
        err.to_string()
            .contains("has not arrived on this workstation yet"),
        "{err}"
    );

    let full = b.path("full.ndbundle");
    std::fs::write(&full, &good).unwrap();
    assert_eq!(b.import(&full).attachments, 1);
    assert_eq!(attachments::bytes(b.store.conn(), &file).unwrap(), bytes);
}

#[test]
fn bytes_that_do_not_hash_to_their_name_are_refused_and_nothing_is_written() {
    let mut a = Desk::new("A");
    let mut b = Desk::new("B");
    let bytes = b"the real file".to_vec();
    statement_with_file(&mut a, "Real", "real.txt", &bytes);
    let good = std::fs::read(a.export(None)).unwrap();
    // The blob's bytes swapped for others, listed with their own checksum so only the name
    // gives them away.
    let evil = b"something else entirely".to_vec();
    let mut parts = Parts::of(&good);
    let name = format!("blobs/{}", sha(&bytes));
    for e in parts.manifest["entries"].as_array_mut().unwrap() {
        if e["path"] == name.as_str() {
            e["sha256"] = json!(sha(&evil));
            e["size"] = json!(evil.len());
        }
    }
    let file = b.path("swapped.ndbundle");
    std::fs::write(&file, parts.build_with(vec![raw(&name, evil)])).unwrap();
    let before = b.dump();
    let err = normdesk_sync::import(&mut b.store, &file, &mut go).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("bundle swapped.ndbundle: "),
        "{message}"
    );
    assert!(
        message.contains("holds bytes whose SHA-256 is"),
        "{message}"
    );
    assert_eq!(b.dump(), before);
    let stored: i64 = b
        .store
        .conn()
        .query_row("SELECT count(*) FROM attachment", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0);
}
