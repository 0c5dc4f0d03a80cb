//! `make bench`: draft texts (issue 5). Prints each figure with its target and, as a baseline
//! from the same run, the time to read the same text's plain copy from SQLite:
//! - opening a 1 MB draft (about 300 pages, with its history) in a fresh program (≤ 300 ms);
//! - one keystroke persisted after an editing pause: `drafts::apply` of one splice (≤ 50 ms);
//! - merging two divergent histories of 1,000 edits each, one change per pause (≤ 500 ms);
//! - the size of a bundle carrying a draft with 1,000 editing pauses;
//! - `text set` of a whole 1 MB text (`drafts::set_text`): into an empty draft, and over the same
//!   text with scattered small edits (a minimal edit either way), against reading the plain copy.

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use normdesk_core::{Source, Store, schema};
use normdesk_text::diff::Splice;
use normdesk_text::doc::{Doc, new_actor};
use normdesk_text::drafts::{self, Drafts};
use serde_json::{Map, Value, json};

fn go(_: normdesk_sync::Progress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

fn project(store: &mut Store) -> String {
    let Value::Object(m) = json!({"reference": "ISO/CD 21384-5", "title_en": "Vertiports", "tier": "international",
        "deliverable": "IS", "our_role": "lead", "stage": "30.20"})
    else {
        unreachable!()
    };
    let m: Map<String, Value> = m;
    store
        .write(Source::Cli, |w| w.create(&schema::PROJECT, m))
        .unwrap()
}

/// About 1 MB of bilingual standard text: 30 clauses × 9 sub-clauses × paragraphs.
fn big_text(bytes: usize) -> String {
    let mut s = String::new();
    let mut c = 0;
    while s.len() < bytes {
        c += 1;
        s.push_str(&format!("{c} Clause {c}\n"));
        for sub in 1..=9 {
            s.push_str(&format!(
                "{c}.{sub} Requirement\nThe vertiport shall meet the requirements of {c}.{sub}; 垂直起降场应符合第{c}.{sub}条的要求，并保持表面平整。 NOTE The pad is level.\n"
            ));
        }
    }
    s
}

/// `text` with every `n`th occurrence of `word` replaced by `by`.
fn every_nth(text: &str, word: &str, n: usize, by: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split(word).enumerate() {
        if i > 0 {
            out.push_str(if i % n == 0 { by } else { word });
        }
        out.push_str(part);
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db).unwrap();
    let p = project(&mut store);
    let draft = drafts::create(&mut store, &p, "en").unwrap();
    let mut cache = Drafts::new();
    let text = big_text(1 << 20);
    // `text set` in a fresh program (the CLI): into the empty draft, then the same text with
    // every 97th "shall" made "shall not" and every 89th 要求 made 规定.
    let t = Instant::now();
    drafts::set_text(&mut store, &mut Drafts::new(), &draft, &text).unwrap();
    let into_empty = t.elapsed();
    let edited = every_nth(
        &every_nth(&text, "shall", 97, "shall not"),
        "要求",
        89,
        "规定",
    );
    let t = Instant::now();
    let outcome = drafts::set_text(&mut store, &mut Drafts::new(), &draft, &edited).unwrap();
    let scattered = t.elapsed();
    let t = Instant::now();
    drafts::text(store.conn(), &draft).unwrap();
    let read = t.elapsed();
    println!(
        "text set of a 1 MB text: into an empty draft {:.0} ms; over it with {} scattered edits {:.0} ms ({} splices; target: seconds at most); reading the plain copy {:.1} ms (×{:.0}, ×{:.0})",
        ms(into_empty),
        edited.matches("shall not").count() + edited.matches("规定").count(),
        ms(scattered),
        outcome.splices.len(),
        ms(read),
        into_empty.as_secs_f64() / read.as_secs_f64().max(1e-9),
        scattered.as_secs_f64() / read.as_secs_f64().max(1e-9)
    );
    drafts::set_text(&mut store, &mut cache, &draft, &text).unwrap();
    // A history: 200 editing pauses spread over the text.
    let units = text.encode_utf16().count() as u32;
    for i in 0..200u32 {
        let pos = (i * 4999) % (units - 10);
        drafts::apply(
            &mut store,
            &mut cache,
            &draft,
            &[Splice {
                pos,
                delete: 0,
                insert: "typed ".into(),
            }],
            None,
        )
        .unwrap();
    }
    drop(store);

    // Open in a fresh program (a new store and cache): load the document, outline and counts.
    let mut opens = Vec::new();
    let mut baseline = Vec::new();
    for _ in 0..5 {
        let mut store = Store::open(&db).unwrap();
        let t = Instant::now();
        let view = drafts::open(&mut store, &mut Drafts::new(), &draft).unwrap();
        opens.push(t.elapsed());
        assert!(view.text.len() >= 1 << 20);
        let t = Instant::now();
        let body = drafts::text(store.conn(), &draft).unwrap();
        baseline.push(t.elapsed());
        assert_eq!(body.len(), view.text.len());
    }
    let open = median(opens);
    let read = median(baseline);
    println!(
        "open a {:.1} MB draft with 200 pauses of history (text, outline, counts): {:.1} ms (target ≤ 300 ms); reading its plain copy: {:.1} ms (×{:.0})",
        text.len() as f64 / 1048576.0,
        ms(open),
        ms(read),
        open.as_secs_f64() / read.as_secs_f64().max(1e-9)
    );

    // Loading the document (preload, or the first edit after open).
    let mut store = Store::open(&db).unwrap();
    let mut cache = Drafts::new();
    drafts::open(&mut store, &mut cache, &draft).unwrap();
    let t = Instant::now();
    drafts::preload(&mut store, &mut cache, &draft).unwrap();
    println!(
        "load the 1 MB draft's document (preload after open, off the critical path): {:.1} ms",
        ms(t.elapsed())
    );
    // A keystroke persisted after a pause (warm editor: the document is loaded): `apply`, and
    // the editor's path `apply_numbered` (the same change, then the clause numbers kept). The
    // baseline is the smallest durable write in the same store: one setting, one transaction.
    let keystroke = |store: &mut Store, cache: &mut Drafts, numbered: bool| {
        let mut keys = Vec::new();
        for i in 0..50u32 {
            let splice = [Splice {
                pos: 1000 + i,
                delete: 0,
                insert: "x".into(),
            }];
            let t = Instant::now();
            if numbered {
                drafts::apply_numbered(store, cache, &draft, &splice, None).unwrap();
            } else {
                drafts::apply(store, cache, &draft, &splice, None).unwrap();
            }
            keys.push(t.elapsed());
        }
        median(keys)
    };
    let plain = keystroke(&mut store, &mut cache, false);
    let numbered = keystroke(&mut store, &mut cache, true);
    let mut writes = Vec::new();
    for i in 0..50 {
        let t = Instant::now();
        store.set_setting("bench", &i.to_string()).unwrap();
        writes.push(t.elapsed());
    }
    let write = median(writes);
    println!(
        "one keystroke persisted after a pause (1 MB draft): {:.1} ms median; with the clause numbers kept (the editor's path): {:.1} ms (target ≤ 50 ms); one durable setting write: {:.2} ms (×{:.0}, ×{:.0})",
        ms(plain),
        ms(numbered),
        ms(write),
        plain.as_secs_f64() / write.as_secs_f64().max(1e-9),
        numbered.as_secs_f64() / write.as_secs_f64().max(1e-9)
    );

    // Two divergent histories of 1,000 edits each, one change per pause, on a 20,000-character seed.
    let seed = big_text(20_000);
    let mut a = Doc::create(&new_actor());
    a.splice(0, 0, &seed).unwrap();
    a.commit("seed");
    let base = a.save();
    let mut b = Doc::load(&base, &[], Some(&new_actor())).unwrap();
    let mut a = Doc::load(&base, &[], Some(&new_actor())).unwrap();
    for (side, doc) in [(0u32, &mut a), (1u32, &mut b)] {
        for i in 0..1000u32 {
            let len = doc.len() as u32;
            let pos = (i * 7919 + side * 3301) % len;
            if i % 5 == 4 && pos + 2 < len {
                doc.splice(pos as usize, 2, "").unwrap();
            } else {
                doc.splice(pos as usize, 0, if side == 0 { "ab" } else { "中文" })
                    .unwrap();
            }
            doc.commit("pause");
        }
    }
    let b_bytes = b.save();
    let t = Instant::now();
    let mut incoming = Doc::load(&b_bytes, &[], None).unwrap();
    a.merge(&mut incoming).unwrap();
    let merge = t.elapsed();
    assert_eq!(a.change_count(), 2001 + 1);
    println!(
        "merge two divergent histories of 1,000 edits each (load + merge): {:.1} ms (target ≤ 500 ms)",
        ms(merge)
    );

    // Bundle size for 1,000 editing pauses on a fresh draft.
    let mut store = Store::open(&dir.path().join("size.db")).unwrap();
    let p = project(&mut store);
    let d = drafts::create(&mut store, &p, "zh").unwrap();
    let mut cache = Drafts::new();
    drafts::set_text(&mut store, &mut cache, &d, &seed).unwrap();
    for i in 0..1000u32 {
        let len = drafts::text(store.conn(), &d)
            .unwrap()
            .encode_utf16()
            .count() as u32;
        drafts::apply(
            &mut store,
            &mut cache,
            &d,
            &[Splice {
                pos: (i * 7919) % len,
                delete: 0,
                insert: "改".into(),
            }],
            None,
        )
        .unwrap();
    }
    let out = dir.path().join("b.ndbundle");
    normdesk_sync::export(&mut store, &out, None, &mut go).unwrap();
    let bundle = std::fs::metadata(&out).unwrap().len();
    let doc_bytes: i64 = store
        .conn()
        .query_row(
            "SELECT length(am) FROM draft_doc WHERE draft_id = ?1",
            [&d],
            |r| r.get(0),
        )
        .unwrap();
    println!(
        "bundle carrying a {}-character draft with 1,000 editing pauses: {:.1} KB (document {:.1} KB, compacted; text alone {:.1} KB)",
        seed.chars().count(),
        bundle as f64 / 1024.0,
        doc_bytes as f64 / 1024.0,
        drafts::text(store.conn(), &d).unwrap().len() as f64 / 1024.0
    );
}
