//! Draft texts through real bundles: two workstations editing different clauses of a 300-clause
//! bilingual draft both keep their edits; the same sentence rewritten on both sides is flagged
//! for review on both, as one item whose confirmation travels on (A → B → C); a draft made on one workstation arrives with its text and is never made
//! twice; a damaged draft entry is refused before anything is written; unchanged drafts are not
//! carried again.

mod support;

use normdesk_core::sync::conflicts;
use normdesk_text::drafts::{self, Drafts};
use normdesk_text::reviews;
use serde_json::json;
use support::{Desk, Parts, go};

/// A 300-clause draft text (1 … 30, each with 9 sub-clauses) in English or Chinese.
fn long_text(lang: &str) -> String {
    let mut s = String::new();
    for c in 1..=30 {
        if lang == "zh" {
            s.push_str(&format!("{c} 第{c}章\n"));
        } else {
            s.push_str(&format!("{c} Clause {c}\n"));
        }
        for sub in 1..=9 {
            if lang == "zh" {
                s.push_str(&format!(
                    "{c}.{sub} 要求{sub}\n无人驾驶航空器的垂直起降场应符合第{c}.{sub}条的要求。\n"
                ));
            } else {
                s.push_str(&format!("{c}.{sub} Requirement {sub}\nThe vertiport shall meet the requirements of {c}.{sub}.\n"));
            }
        }
    }
    s
}

/// Inserts `what` at the end of the paragraph of clause `clause`.
fn edit_clause(desk: &mut Desk, cache: &mut Drafts, draft: &str, clause: &str, what: &str) {
    let text = drafts::text(desk.store.conn(), draft).unwrap();
    let hit = drafts::clause_position(desk.store.conn(), draft, clause)
        .unwrap()
        .unwrap();
    let start = normdesk_text::markup::byte_of(&text, hit.pos as usize);
    // the end of the paragraph after the heading: the second line end
    let heading_end = start + text[start..].find('\n').unwrap() + 1;
    let para_end = heading_end + text[heading_end..].find('\n').unwrap();
    let pos = normdesk_text::markup::utf16_len(&text[..para_end]) as u32;
    let splice = normdesk_text::diff::Splice {
        pos,
        delete: 0,
        insert: what.to_owned(),
    };
    drafts::apply(&mut desk.store, cache, draft, &[splice], None).unwrap();
}

fn project(desk: &mut Desk) -> String {
    desk.seed()[4].clone()
}

#[test]
fn two_workstations_editing_different_clauses_of_a_300_clause_bilingual_draft_both_keep_their_edits()
 {
    let (mut a, mut b) = (Desk::new("Li Ming"), Desk::new("Chen Jing"));
    let (mut ca, mut cb) = (Drafts::new(), Drafts::new());
    let p = project(&mut a);
    let en = drafts::create(&mut a.store, &p, "en").unwrap();
    let zh = drafts::create(&mut a.store, &p, "zh").unwrap();
    drafts::set_text(&mut a.store, &mut ca, &en, &long_text("en")).unwrap();
    drafts::set_text(&mut a.store, &mut ca, &zh, &long_text("zh")).unwrap();
    assert_eq!(normdesk_text::markup::outline(&long_text("en")).len(), 300);
    let report = b.import(&a.export(None));
    assert_eq!(report.drafts, 2);
    assert_eq!(drafts::text(b.store.conn(), &zh).unwrap(), long_text("zh"));

    edit_clause(&mut a, &mut ca, &en, "3.2", " Li Ming was here.");
    edit_clause(&mut a, &mut ca, &zh, "3.2", "（李明补充）");
    edit_clause(&mut b, &mut cb, &en, "27.8", " Chen Jing too.");
    edit_clause(&mut b, &mut cb, &zh, "27.8", "（陈静补充）");
    let to_b = a.export(Some(&b));
    let to_a = b.export(Some(&a));
    let rb = b.import(&to_b);
    let ra = a.import(&to_a);
    assert_eq!(
        (ra.drafts, rb.drafts, ra.text_reviews, rb.text_reviews),
        (2, 2, 0, 0)
    );
    for draft in [&en, &zh] {
        let (ta, tb) = (
            drafts::text(a.store.conn(), draft).unwrap(),
            drafts::text(b.store.conn(), draft).unwrap(),
        );
        assert_eq!(ta, tb);
        assert!(reviews::list(a.store.conn(), draft).unwrap().is_empty());
    }
    let en_text = drafts::text(a.store.conn(), &en).unwrap();
    assert!(
        en_text.contains("requirements of 3.2. Li Ming was here.\n")
            && en_text.contains("of 27.8. Chen Jing too.\n")
    );
    let zh_text = drafts::text(a.store.conn(), &zh).unwrap();
    assert!(
        zh_text.contains("第3.2条的要求。（李明补充）\n")
            && zh_text.contains("第27.8条的要求。（陈静补充）\n")
    );
    // The plain copies are the texts (packets read them), the dumps equal, no record conflicts.
    assert_eq!(a.dump(), b.dump());
    assert!(a.dump().contains("李明补充"));
    assert!(conflicts::list(a.store.conn()).unwrap().is_empty());
    // Opening on B (a cache that held the old document) shows the merged text.
    assert_eq!(
        drafts::open(&mut b.store, &mut cb, &zh).unwrap().text,
        zh_text
    );
}

#[test]
fn the_same_sentence_rewritten_on_both_sides_is_flagged_for_review_with_both_versions() {
    let (mut a, mut b) = (Desk::new("Li Ming"), Desk::new("Chen Jing"));
    let (mut ca, mut cb) = (Drafts::new(), Drafts::new());
    let p = project(&mut a);
    let zh = drafts::create(&mut a.store, &p, "zh").unwrap();
    drafts::set_text(
        &mut a.store,
        &mut ca,
        &zh,
        "1 范围\n产品应符合表2的要求。\n2 其他\n不变。\n",
    )
    .unwrap();
    b.import(&a.export(None));
    drafts::set_text(
        &mut a.store,
        &mut ca,
        &zh,
        "1 范围\n产品应符合表2的规定。\n2 其他\n不变。\n",
    )
    .unwrap();
    drafts::set_text(
        &mut b.store,
        &mut cb,
        &zh,
        "1 范围\n产品宜符合表1的要求。\n2 其他\n不变。\n",
    )
    .unwrap();
    let (to_b, to_a) = (a.export(Some(&b)), b.export(Some(&a)));
    assert_eq!(b.import(&to_b).text_reviews, 1);
    assert_eq!(a.import(&to_a).text_reviews, 1);
    let merged = drafts::text(a.store.conn(), &zh).unwrap();
    assert_eq!(merged, drafts::text(b.store.conn(), &zh).unwrap());
    let items = reviews::list(a.store.conn(), &zh).unwrap();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(
        (item.clause.as_str(), item.base.as_str()),
        ("1", "产品应符合表2的要求。\n")
    );
    assert_eq!(
        (item.ours.as_str(), item.ours_author.as_str()),
        ("产品应符合表2的规定。\n", "Li Ming")
    );
    assert_eq!(
        (item.theirs.as_str(), item.theirs_author.as_str()),
        ("产品宜符合表1的要求。\n", "Chen Jing")
    );
    assert!(merged.contains(item.merged.trim_end()), "{merged}");
    reviews::confirm(a.store.conn(), &item.id).unwrap();
    assert!(reviews::list(a.store.conn(), &zh).unwrap().is_empty());
    assert_eq!(reviews::list(b.store.conn(), &zh).unwrap().len(), 1);
}

/// Li Ming and Chen Jing rewrite the same sentence of a draft Li Ming made and exchange
/// bundles: both flag the passage. Returns the draft.
fn both_rewrite_one_sentence(a: &mut Desk, b: &mut Desk) -> String {
    let (mut ca, mut cb) = (Drafts::new(), Drafts::new());
    let p = project(a);
    let zh = drafts::create(&mut a.store, &p, "zh").unwrap();
    let text = "1 范围\n产品应符合表2的要求。\n2 其他\n不变。\n";
    drafts::set_text(&mut a.store, &mut ca, &zh, text).unwrap();
    b.import(&a.export(None));
    let ours = text.replace("要求", "规定");
    drafts::set_text(&mut a.store, &mut ca, &zh, &ours).unwrap();
    let theirs = text.replace("应符合表2", "宜符合表1");
    drafts::set_text(&mut b.store, &mut cb, &zh, &theirs).unwrap();
    let (to_b, to_a) = (a.export(Some(b)), b.export(Some(a)));
    assert_eq!(b.import(&to_b).text_reviews, 1);
    assert_eq!(a.import(&to_a).text_reviews, 1);
    zh
}

/// (confirmed_at is set, confirmed_by) of every review item of a store.
fn confirmations(desk: &Desk) -> Vec<(bool, String)> {
    desk.store
        .conn()
        .prepare("SELECT confirmed_at IS NOT NULL, confirmed_by FROM draft_review ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_review_confirmed_on_one_workstation_is_confirmed_on_the_others_it_reaches_through_bundles() {
    let (mut a, mut b, mut c) = (
        Desk::new("Li Ming"),
        Desk::new("Chen Jing"),
        Desk::new("Wang Fang"),
    );
    let zh = both_rewrite_one_sentence(&mut a, &mut b);
    let item = reviews::list(a.store.conn(), &zh).unwrap().remove(0);
    // Both found the same passage, so both hold the same item.
    let on_b = reviews::list(b.store.conn(), &zh).unwrap();
    assert_eq!(
        on_b.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        [item.id.as_str()]
    );
    // Wang Fang takes Chen Jing's work before anyone confirmed: the passage is flagged there too.
    c.import(&b.export(None));
    assert_eq!(
        reviews::list(c.store.conn(), &zh).unwrap(),
        on_b,
        "the flag travels with the merged text"
    );

    reviews::confirm(a.store.conn(), &item.id).unwrap();
    assert_eq!(confirmations(&a), [(true, "Li Ming".to_owned())]);
    // A → B: Chen Jing sees it confirmed, by Li Ming.
    b.import(&a.export(Some(&b)));
    assert!(reviews::list(b.store.conn(), &zh).unwrap().is_empty());
    assert_eq!(confirmations(&b), [(true, "Li Ming".to_owned())]);
    // B → C: the confirmation passes on.
    c.import(&b.export(None));
    assert!(reviews::list(c.store.conn(), &zh).unwrap().is_empty());
    assert_eq!(confirmations(&c), [(true, "Li Ming".to_owned())]);
    // A bundle that still carries the item open (C's older view) reopens nothing.
    b.import(&c.export(None));
    a.import(&b.export(None));
    for desk in [&a, &b, &c] {
        assert!(reviews::list(desk.store.conn(), &zh).unwrap().is_empty());
        assert_eq!(confirmations(desk), [(true, "Li Ming".to_owned())]);
    }
}

#[test]
fn two_confirmations_of_one_passage_end_as_the_same_one_everywhere() {
    let (mut a, mut b) = (Desk::new("Li Ming"), Desk::new("Chen Jing"));
    let zh = both_rewrite_one_sentence(&mut a, &mut b);
    let id = reviews::list(a.store.conn(), &zh).unwrap().remove(0).id;
    reviews::confirm(a.store.conn(), &id).unwrap();
    reviews::confirm(b.store.conn(), &id).unwrap();
    let (to_b, to_a) = (a.export(Some(&b)), b.export(Some(&a)));
    b.import(&to_b);
    a.import(&to_a);
    assert_eq!(confirmations(&a), confirmations(&b));
}

#[test]
fn a_bundle_with_a_damaged_review_item_is_refused_before_anything_is_written() {
    let (mut a, mut b) = (Desk::new("Li Ming"), Desk::new("Chen Jing"));
    both_rewrite_one_sentence(&mut a, &mut b);
    let bytes = std::fs::read(a.export(None)).unwrap();
    let mut c = Desk::new("Wang Fang");
    let before = c.dump();
    for (line, problem) in [
        ("not json", "reviews.jsonl line 1: not a valid review item"),
        (
            r#"{"id":"x","draft_id":"y","detected_at":"t","clause":"","merged_pos":0,"base":"","ours":"","ours_author":"","theirs":"","theirs_author":"","merged":""}"#,
            "reviews.jsonl line 1: id 'x' is not a lower-case UUID",
        ),
    ] {
        let data = format!("{line}\n").into_bytes();
        let mut parts = Parts::of(&bytes);
        let entries = parts.manifest["entries"].as_array_mut().unwrap();
        entries.retain(|e| e["kind"] == "changes");
        entries.push(json!({"path": "reviews.jsonl", "kind": "draft_reviews", "size": data.len(), "sha256": support::sha(&data)}));
        let path = c.path("damaged.ndbundle");
        std::fs::write(
            &path,
            parts.build_with(vec![support::raw("reviews.jsonl", data)]),
        )
        .unwrap();
        let err = normdesk_sync::import(&mut c.store, &path, &mut go).expect_err("refused");
        assert!(err.to_string().contains(problem), "{err}");
        assert_eq!(c.dump(), before);
        assert!(confirmations(&c).is_empty());
    }
}

#[test]
fn a_draft_arrives_with_its_text_is_never_created_twice_and_unchanged_drafts_are_not_carried_again()
{
    let (mut a, mut b) = (Desk::new("A"), Desk::new("B"));
    let mut ca = Drafts::new();
    let p = project(&mut a);
    let en = drafts::create(&mut a.store, &p, "en").unwrap();
    drafts::set_text(&mut a.store, &mut ca, &en, "1 Scope\nText.\n").unwrap();
    assert!(matches!(
        drafts::create(&mut a.store, &p, "en"),
        Err(normdesk_text::TextError::Exists { .. })
    ));
    b.import(&a.export(Some(&b)));
    let list = drafts::list(b.store.conn(), &p).unwrap();
    assert_eq!(
        (list.len(), list[0].has_text, list[0].id.as_str()),
        (1, true, en.as_str())
    );
    assert!(matches!(
        drafts::create(&mut b.store, &p, "en"),
        Err(normdesk_text::TextError::Exists { .. })
    ));
    // B shows A it holds the same document; A's next bundle for B carries no draft.
    a.import(&b.export(Some(&a)));
    let again = a.export(Some(&b));
    let info = normdesk_sync::inspect(&again, &mut go).unwrap();
    assert_eq!(info.drafts, 0);
    // Importing the same document twice changes nothing.
    let full = a.export(None);
    let before = b.dump();
    b.import(&full);
    assert_eq!(b.dump(), before);
}

#[test]
fn a_draft_record_without_its_text_says_so_and_gets_no_second_document() {
    let mut a = Desk::new("A");
    let p = project(&mut a);
    let id = a.create("draft", json!({"project_id": p, "lang": "en"}));
    let err = drafts::open(&mut a.store, &mut Drafts::new(), &id)
        .err()
        .unwrap();
    assert!(err.to_string().contains("has not arrived"), "{err}");
    let err = drafts::apply(&mut a.store, &mut Drafts::new(), &id, &[], None)
        .err()
        .unwrap();
    assert!(err.to_string().contains("has not arrived"), "{err}");
}

#[test]
fn a_bundle_with_a_damaged_draft_text_is_refused_before_anything_is_written() {
    let (mut a, mut b) = (Desk::new("A"), Desk::new("B"));
    let mut ca = Drafts::new();
    let p = project(&mut a);
    let en = drafts::create(&mut a.store, &p, "en").unwrap();
    drafts::set_text(&mut a.store, &mut ca, &en, "1 Scope\n").unwrap();
    let bytes = std::fs::read(a.export(None)).unwrap();
    let cases: Vec<(&str, Vec<u8>, String, &str)> = vec![
        (
            "garbage bytes",
            b"not automerge".to_vec(),
            format!("drafts/{en}.am"),
            "not a readable draft text",
        ),
        (
            "bad name",
            b"x".to_vec(),
            "drafts/not-a-uuid.am".into(),
            "is not named drafts/<draft id>.am",
        ),
    ];
    let before = b.dump();
    for (what, data, path, says) in cases {
        let mut parts = Parts::of(&bytes);
        let entries = parts.manifest["entries"].as_array_mut().unwrap();
        entries.retain(|e| e["kind"] != "draft_text");
        entries.push(json!({"path": path, "kind": "draft_text", "size": data.len(), "sha256": support::sha(&data)}));
        let file = b.path("bad.ndbundle");
        std::fs::write(&file, parts.build_with(vec![support::raw(&path, data)])).unwrap();
        let err = normdesk_sync::import(&mut b.store, &file, &mut go)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains(says), "{what}: {err}");
        assert_eq!(b.dump(), before, "{what}");
    }
}
