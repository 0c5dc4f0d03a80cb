//! Merge properties: random concurrent edits on two to four replicas of one draft document,
//! exchanged in a random order, converge to one text, and every edit that did not overlap
//! another replica's is kept exactly (each replica edits only its own lines here).
//! `PROPTEST_CASES` sets the number of cases (default 256).

use normdesk_text::doc::{Doc, new_actor};
use normdesk_text::markup::utf16_len;
use proptest::prelude::*;

const LINES: usize = 8;

#[derive(Debug, Clone)]
enum Edit {
    Insert {
        line: usize,
        at: usize,
        text: String,
    },
    Delete {
        line: usize,
        at: usize,
        len: usize,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..LINES, 0..40usize, "[a-z 中文表2。]{1,6}").prop_map(|(line, at, text)| Edit::Insert {
            line,
            at,
            text
        }),
        (0..LINES, 0..40usize, 1..5usize).prop_map(|(line, at, len)| Edit::Delete {
            line,
            at,
            len
        }),
    ]
}

/// Applies an edit to the line it names, if this replica owns it; returns the new line.
fn apply(doc: &mut Doc, lines: &mut [String], e: &Edit, owner: usize, replicas: usize) {
    let line = match e {
        Edit::Insert { line, .. } | Edit::Delete { line, .. } => *line,
    };
    if line % replicas != owner {
        return;
    }
    let chars: Vec<char> = lines[line].chars().collect();
    let start: usize = lines[..line].iter().map(|l| utf16_len(l) + 1).sum();
    match e {
        Edit::Insert { at, text, .. } => {
            let at = (*at).min(chars.len());
            let offset = utf16_len(&chars[..at].iter().collect::<String>());
            doc.splice(start + offset, 0, text).unwrap();
            lines[line] = chars[..at]
                .iter()
                .chain(text.chars().collect::<Vec<_>>().iter())
                .chain(chars[at..].iter())
                .collect();
        }
        Edit::Delete { at, len, .. } => {
            if chars.is_empty() {
                return;
            }
            let at = (*at).min(chars.len() - 1);
            let end = (at + len).min(chars.len());
            let offset = utf16_len(&chars[..at].iter().collect::<String>());
            let del = utf16_len(&chars[at..end].iter().collect::<String>());
            doc.splice(start + offset, del, "").unwrap();
            lines[line] = chars[..at].iter().chain(chars[end..].iter()).collect();
        }
    }
    doc.commit("pause");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)))]

    #[test]
    fn concurrent_edits_converge_and_keep_every_non_overlapping_edit(
        replicas in 2..=4usize,
        edits in proptest::collection::vec(proptest::collection::vec(edit(), 0..12), 4),
        order in proptest::collection::vec((0..4usize, 0..4usize), 0..10),
    ) {
        let base: Vec<String> = (0..LINES).map(|i| format!("{} 第{i}条 line {i} text", i + 1)).collect();
        let mut seed = Doc::create(&new_actor());
        seed.splice(0, 0, &base.join("\n")).unwrap();
        seed.commit("seed");
        let bytes = seed.save();
        let mut docs: Vec<Doc> = (0..replicas).map(|_| Doc::load(&bytes, &[], Some(&new_actor())).unwrap()).collect();
        let mut mine: Vec<Vec<String>> = vec![base.clone(); replicas];
        for r in 0..replicas {
            for e in &edits[r] {
                apply(&mut docs[r], &mut mine[r], e, r, replicas);
            }
        }
        // Some exchanges in a random order (whole saves, as bundles carry them), then everyone
        // receives everyone's document.
        for (from, to) in order {
            let (from, to) = (from % replicas, to % replicas);
            if from != to {
                let save = docs[from].save();
                docs[to].merge(&mut Doc::load(&save, &[], None).unwrap()).unwrap();
            }
        }
        for from in 0..replicas {
            for to in 0..replicas {
                if from != to {
                    let save = docs[from].save();
                    docs[to].merge(&mut Doc::load(&save, &[], None).unwrap()).unwrap();
                }
            }
        }
        let text = docs[0].text();
        for d in &docs[1..] {
            prop_assert_eq!(&d.text(), &text);
        }
        let want: Vec<String> = (0..LINES).map(|i| mine[i % replicas][i].clone()).collect();
        prop_assert_eq!(text, want.join("\n"));
    }
}
