//! Readable, clause-aware diffs between two texts (two revisions, or a revision and the current
//! text): lines are compared first, then each changed passage word by word for Latin script and
//! character by character for Chinese, and every change is shown under the clause it falls in.
//! Also the minimal splices that turn one text into another, for the editor.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, DiffTag, capture_diff_slices};
use specta::Type;

use crate::markup::{self, is_cjk, utf16_len};

/// Equal, added or removed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    Same,
    Added,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Span {
    pub kind: SpanKind,
    pub text: String,
}

/// The changes under one clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ClauseDiff {
    /// The clause's number in the newer text (`""` before the first clause).
    pub clause: String,
    pub title: String,
    /// Where the clause starts in the newer text (UTF-16 units), to jump there.
    pub pos: u32,
    /// The changed passages of the clause, each a run of spans.
    pub hunks: Vec<Vec<Span>>,
}

/// A whole diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TextDiff {
    pub clauses: Vec<ClauseDiff>,
    /// Words (Chinese characters count one each) added and removed.
    pub words_added: u32,
    pub words_removed: u32,
}

/// An edit of the text as the editor makes it: delete `delete` units at `pos`, insert `insert`.
/// Positions are UTF-16 code units; a list of splices applies in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Splice {
    pub pos: u32,
    pub delete: u32,
    pub insert: String,
}

/// Tokens for the inline diff: a Latin word, a run of spaces, one CJK character, or one other
/// character (punctuation).
pub fn tokens(text: &str) -> Vec<&str> {
    let class = |c: char| -> u8 {
        if is_cjk(c) {
            0
        } else if c.is_alphanumeric() || c == '_' {
            1
        } else if c.is_whitespace() && c != '\n' {
            2
        } else {
            3
        }
    };
    let mut out = Vec::new();
    let mut run: Option<(usize, u8)> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if let Some((s, prev)) = run {
            if prev == k && (k == 1 || k == 2) {
                continue;
            }
            out.push(&text[s..i]);
            run = None;
        }
        if k == 1 || k == 2 {
            run = Some((i, k));
        } else {
            out.push(&text[i..i + c.len_utf8()]);
        }
    }
    if let Some((s, _)) = run {
        out.push(&text[s..]);
    }
    out
}

fn is_word(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| is_cjk(c) || c.is_alphanumeric())
}

/// A diff's operations with their old and new ranges recomputed from running cursors (the
/// indexes `similar` gives an insert or delete after a change are not always where the previous
/// operation ended).
pub fn ranges(ops: &[DiffOp]) -> Vec<(DiffTag, std::ops::Range<usize>, std::ops::Range<usize>)> {
    let (mut o, mut n) = (0, 0);
    ops.iter()
        .map(|op| {
            let (ol, nl) = (op.old_range().len(), op.new_range().len());
            let r = (op.tag(), o..o + ol, n..n + nl);
            o += ol;
            n += nl;
            r
        })
        .collect()
}

/// Lines with their terminators, so joining them gives the text back.
fn split_lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The clause-aware diff from `old` to `new`.
pub fn diff(old: &str, new: &str) -> TextDiff {
    let (a, b) = (split_lines(old), split_lines(new));
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    let headings = markup::outline(new);
    let mut out = TextDiff {
        clauses: Vec::new(),
        words_added: 0,
        words_removed: 0,
    };
    for (tag, o, n) in ranges(&ops) {
        if tag == DiffTag::Equal {
            continue;
        }
        let old_text: String = a[o.clone()].concat();
        let new_text: String = b[n.clone()].concat();
        let (ta, tb) = (tokens(&old_text), tokens(&new_text));
        let mut spans: Vec<Span> = Vec::new();
        let mut push = |kind: SpanKind, text: &str| match spans.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => spans.push(Span {
                kind,
                text: text.to_owned(),
            }),
        };
        for inner in capture_diff_slices(Algorithm::Myers, &ta, &tb) {
            match inner {
                DiffOp::Equal { old_index, len, .. } => {
                    push(SpanKind::Same, &ta[old_index..old_index + len].concat())
                }
                DiffOp::Delete {
                    old_index, old_len, ..
                } => {
                    out.words_removed += ta[old_index..old_index + old_len]
                        .iter()
                        .filter(|t| is_word(t))
                        .count() as u32;
                    push(
                        SpanKind::Removed,
                        &ta[old_index..old_index + old_len].concat(),
                    );
                }
                DiffOp::Insert {
                    new_index, new_len, ..
                } => {
                    out.words_added += tb[new_index..new_index + new_len]
                        .iter()
                        .filter(|t| is_word(t))
                        .count() as u32;
                    push(
                        SpanKind::Added,
                        &tb[new_index..new_index + new_len].concat(),
                    );
                }
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    out.words_removed += ta[old_index..old_index + old_len]
                        .iter()
                        .filter(|t| is_word(t))
                        .count() as u32;
                    out.words_added += tb[new_index..new_index + new_len]
                        .iter()
                        .filter(|t| is_word(t))
                        .count() as u32;
                    push(
                        SpanKind::Removed,
                        &ta[old_index..old_index + old_len].concat(),
                    );
                    push(
                        SpanKind::Added,
                        &tb[new_index..new_index + new_len].concat(),
                    );
                }
            }
        }
        // The clause the change falls in: the last heading at or before its first new line.
        let line = n.start as u32;
        let heading = headings.iter().rev().find(|h| h.line <= line);
        let (clause, title, pos) = heading
            .map(|h| (h.number.clone(), h.title.clone(), h.pos))
            .unwrap_or_default();
        match out.clauses.last_mut() {
            Some(last) if last.clause == clause && last.pos == pos => last.hunks.push(spans),
            _ => out.clauses.push(ClauseDiff {
                clause,
                title,
                pos,
                hunks: vec![spans],
            }),
        }
    }
    out
}

/// The splices that turn `old` into `new` with as little change as a character diff finds;
/// applied in order (they run from the end of the text backwards, so each position is valid
/// in the text as the previous splices left it).
pub fn splices(old: &str, new: &str) -> Vec<Splice> {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    // UTF-16 offset of each old char index.
    let mut offsets = Vec::with_capacity(a.len() + 1);
    let mut u = 0u32;
    for c in &a {
        offsets.push(u);
        u += c.len_utf16() as u32;
    }
    offsets.push(u);
    // Positions come from a cursor over the old text advanced by each op's lengths (an insert's
    // own `old_index` is not always where the preceding delete ended).
    let mut out: Vec<Splice> = Vec::new();
    let mut cursor = 0usize;
    for op in &ops {
        let (old_len, new_range) = (op.old_range().len(), op.new_range());
        if op.tag() != DiffTag::Equal {
            let insert: String = b[new_range].iter().collect();
            let pos = offsets[cursor];
            let delete = offsets[cursor + old_len] - pos;
            out.push(Splice {
                pos,
                delete,
                insert,
            });
        }
        cursor += old_len;
    }
    out.reverse();
    out
}

/// Applies splices to a string (the editor's side, for tests and the CLI).
pub fn apply_splices(text: &str, splices: &[Splice]) -> String {
    let mut s = text.to_owned();
    for sp in splices {
        let start = markup::byte_of(&s, sp.pos as usize);
        let end = markup::byte_of(&s, (sp.pos + sp.delete) as usize);
        s.replace_range(start..end, &sp.insert);
    }
    s
}

/// UTF-16 length, as a u32 for IPC.
pub fn len16(text: &str) -> u32 {
    utf16_len(text) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_diffs_by_word_and_chinese_by_character() {
        let d = diff(
            "1 Scope\nThe pad shall be flat.\n",
            "1 Scope\nThe pad should be level.\n",
        );
        let spans = &d.clauses[0].hunks[0];
        let removed: Vec<&str> = spans
            .iter()
            .filter(|s| s.kind == SpanKind::Removed)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(removed, ["shall", "flat"]);
        assert_eq!(d.clauses[0].clause, "1");
        let d = diff(
            "1 范围\n产品应符合表2的要求。\n",
            "1 范围\n产品宜符合表2的规定。\n",
        );
        let changed: Vec<(SpanKind, &str)> = d.clauses[0].hunks[0]
            .iter()
            .filter(|s| s.kind != SpanKind::Same)
            .map(|s| (s.kind, s.text.as_str()))
            .collect();
        assert_eq!(
            changed,
            [
                (SpanKind::Removed, "应"),
                (SpanKind::Added, "宜"),
                (SpanKind::Removed, "要求"),
                (SpanKind::Added, "规定")
            ]
        );
        assert_eq!((d.words_added, d.words_removed), (3, 3));
    }

    #[test]
    fn changes_are_grouped_under_their_clauses() {
        let old = "1 A\nx\n2 B\ny\n2.1 C\nz\n";
        let new = "1 A\nx\n2 B\ny2\n2.1 C\nz2\n";
        let d = diff(old, new);
        let clauses: Vec<&str> = d.clauses.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(clauses, ["2", "2.1"]);
        assert!(diff(old, old).clauses.is_empty());
    }

    #[test]
    fn splices_turn_old_into_new() {
        let cases = [
            ("", "abc"),
            ("abc", ""),
            ("1 Scope\r\nold 𠀀 text\n", "1 Scope\r\nnew 𠀀 text!\n"),
            ("数据交换格式", "离线数据交换格式"),
        ];
        for (old, new) in cases {
            let s = splices(old, new);
            assert_eq!(apply_splices(old, &s), new, "{old:?} -> {new:?}");
        }
        assert_eq!(
            splices("数据交换格式", "离线数据交换格式"),
            [Splice {
                pos: 0,
                delete: 0,
                insert: "离线".into()
            }]
        );
    }
}
