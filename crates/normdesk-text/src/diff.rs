//! Readable, clause-aware diffs between two texts (two revisions, or a revision and the current
//! text): lines are compared first, then each changed passage word by word for Latin script and
//! character by character for Chinese, and every change is shown under the clause it falls in.
//! Also the minimal splices that turn one text into another, for the editor.

use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, DiffTag, capture_diff_deadline, capture_diff_slices};
use specta::Type;

use std::borrow::Cow;

use crate::markup::{self, Heading, is_cjk, utf16_len};

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

/// The lines as the diff matches them: a heading stands for its depth and title, not its
/// number. The editor numbers clauses itself, so a clause inserted above renumbers those after
/// it, and nobody changed them.
fn line_keys<'a>(lines: &[&'a str], headings: &[Heading]) -> Vec<Cow<'a, str>> {
    let mut keys: Vec<Cow<str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
    for h in headings {
        let i = h.line as usize;
        if let Some(line) = lines.get(i) {
            let end = if line.ends_with('\n') { "\n" } else { "" };
            keys[i] = Cow::Owned(format!("\u{1}{:?} {} {}{end}", h.kind, h.depth, h.title));
        }
    }
    keys
}

/// The index of the heading of the clause that `line` (0-based, in the newer text) belongs to.
fn clause_at(headings: &[Heading], line: usize) -> Option<usize> {
    headings
        .partition_point(|h| h.line as usize <= line)
        .checked_sub(1)
}

/// The clause-aware diff from `old` to `new`. Lines are matched first (headings by title, see
/// [`line_keys`]); each changed passage is then diffed token by token, and its tokens are put
/// under the clause of the new line they fall in. Deleted text shows under the clause it was
/// deleted from (the one before, for a whole deleted clause); clauses written in a passage that
/// had none are shown as added, each under its own heading.
pub fn diff(old: &str, new: &str) -> TextDiff {
    let (a, b) = (split_lines(old), split_lines(new));
    let (old_headings, headings) = (markup::outline(old), markup::outline(new));
    let (ka, kb) = (line_keys(&a, &old_headings), line_keys(&b, &headings));
    let first_heading = |hs: &[Heading], lines: std::ops::Range<usize>| {
        let i = hs.partition_point(|h| (h.line as usize) < lines.start);
        hs.get(i)
            .map(|h| h.line as usize)
            .filter(|l| *l < lines.end)
            .unwrap_or(lines.end)
    };
    let mut walk = Walk {
        out: TextDiff {
            clauses: Vec::new(),
            words_added: 0,
            words_removed: 0,
        },
        headings: &headings,
        clause: None,
        line: 0,
        line_start: true,
        spans: Vec::new(),
    };
    for (tag, o, n) in ranges(&capture_diff_slices(Algorithm::Myers, &ka, &kb)) {
        if tag == DiffTag::Equal {
            continue;
        }
        // Until a token of the newer text says otherwise, the change is at the end of the line
        // before it (a deletion), in that line's clause.
        walk.clause = n.start.checked_sub(1).and_then(|l| clause_at(&headings, l));
        (walk.line, walk.line_start) = (n.start, true);
        // The lines before the first heading on each side go together; the rest on the side
        // that has headings are whole clauses, added or deleted (or, both having some, diffed).
        let (oh, nh) = (
            first_heading(&old_headings, o.clone()),
            first_heading(&headings, n.clone()),
        );
        let pieces = if oh == o.end {
            [(o.start..oh, n.start..nh), (o.end..o.end, nh..n.end)]
        } else if nh == n.end {
            [(o.start..oh, n.start..nh), (oh..o.end, n.end..n.end)]
        } else {
            [(o.start..oh, n.start..nh), (oh..o.end, nh..n.end)]
        };
        for (po, pn) in pieces {
            let (old_text, new_text) = (a[po].concat(), b[pn].concat());
            for (kind, token) in token_ops(&tokens(&old_text), &tokens(&new_text)) {
                walk.feed(kind, token);
            }
        }
        walk.end_hunk();
    }
    walk.out
}

/// Walks the tokens of one changed passage, filling hunks under the clauses they fall in.
struct Walk<'h> {
    out: TextDiff,
    headings: &'h [Heading],
    /// The clause the hunk being filled is under (`None`: before the first clause).
    clause: Option<usize>,
    /// The line of the newer text the next same or added token is in, and whether it starts it.
    line: usize,
    line_start: bool,
    spans: Vec<Span>,
}

impl Walk<'_> {
    fn feed(&mut self, kind: SpanKind, token: &str) {
        if kind != SpanKind::Removed {
            if self.line_start {
                let here = clause_at(self.headings, self.line);
                if here != self.clause {
                    self.end_hunk();
                    self.clause = here;
                }
            }
            self.line_start = token == "\n";
            self.line += usize::from(self.line_start);
        }
        if is_word(token) {
            match kind {
                SpanKind::Added => self.out.words_added += 1,
                SpanKind::Removed => self.out.words_removed += 1,
                SpanKind::Same => {}
            }
        }
        match self.spans.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(token),
            _ => self.spans.push(Span {
                kind,
                text: token.to_owned(),
            }),
        }
    }

    /// Files the hunk being filled under its clause (a hunk of unchanged text only is dropped).
    fn end_hunk(&mut self) {
        let spans = std::mem::take(&mut self.spans);
        if spans.iter().all(|s| s.kind == SpanKind::Same) {
            return;
        }
        let (clause, title, pos) = self
            .clause
            .map(|i| &self.headings[i])
            .map(|h| (h.number.clone(), h.title.clone(), h.pos))
            .unwrap_or_default();
        match self.out.clauses.last_mut() {
            Some(last) if last.clause == clause && last.pos == pos => last.hunks.push(spans),
            _ => self.out.clauses.push(ClauseDiff {
                clause,
                title,
                pos,
                hunks: vec![spans],
            }),
        }
    }
}

/// The tokens of a changed passage, each as same, removed or added, in reading order.
fn token_ops<'a>(ta: &[&'a str], tb: &[&'a str]) -> Vec<(SpanKind, &'a str)> {
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, ta, tb) {
        let (old, new) = (op.old_range(), op.new_range());
        match op.tag() {
            DiffTag::Equal => out.extend(ta[old].iter().map(|t| (SpanKind::Same, *t))),
            _ => {
                out.extend(ta[old].iter().map(|t| (SpanKind::Removed, *t)));
                out.extend(tb[new].iter().map(|t| (SpanKind::Added, *t)));
            }
        }
    }
    out
}

/// How long [`splices`] may search for the smallest edit. Only a text rewritten nearly everywhere
/// gets near it (a megabyte with scattered edits takes milliseconds); past it the remaining
/// passages are replaced whole, which is still a correct edit, just a coarser one.
const DIFF_BUDGET: Duration = Duration::from_secs(2);

/// The splices that turn `old` into `new` with as little change as a character diff finds;
/// applied in order (they run from the end of the text backwards, so each position is valid
/// in the text as the previous splices left it).
///
/// Fast on large texts: the common start and end are skipped, the rest is compared line by line,
/// and only the changed lines character by character — a diff over every character of a
/// megabyte costs (length × edits) and took minutes.
pub fn splices(old: &str, new: &str) -> Vec<Splice> {
    let deadline = Some(Instant::now() + DIFF_BUDGET);
    let prefix = common_prefix(old, new);
    let suffix = common_suffix(&old[prefix..], &new[prefix..]);
    let (a, b) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let (la, lb) = (split_lines(a), split_lines(b));
    let ops = capture_diff_deadline(
        Algorithm::Myers,
        &la,
        0..la.len(),
        &lb,
        0..lb.len(),
        deadline,
    );
    let mut out: Vec<Splice> = Vec::new();
    let mut pos = utf16_len(&old[..prefix]) as u32;
    for (tag, o, n) in ranges(&ops) {
        let old_text: String = la[o].concat();
        let new_text: String = lb[n].concat();
        match tag {
            DiffTag::Equal => {}
            DiffTag::Replace => char_splices(&old_text, &new_text, pos, deadline, &mut out),
            DiffTag::Delete | DiffTag::Insert => out.push(Splice {
                pos,
                delete: len16(&old_text),
                insert: new_text,
            }),
        }
        pos += len16(&old_text);
    }
    out.reverse();
    out
}

/// Bytes at the start both texts share, ending on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let bytes = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    (0..=bytes)
        .rev()
        .find(|&i| a.is_char_boundary(i))
        .unwrap_or(0)
}

/// Bytes at the end both texts share, starting on a character boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    let bytes = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (0..=bytes)
        .rev()
        .find(|&i| a.is_char_boundary(a.len() - i))
        .unwrap_or(0)
}

/// The character-level splices of one changed passage that starts at `base` (UTF-16) in the old
/// text, appended to `out` in text order.
fn char_splices(old: &str, new: &str, base: u32, deadline: Option<Instant>, out: &mut Vec<Splice>) {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    let ops = capture_diff_deadline(Algorithm::Myers, &a, 0..a.len(), &b, 0..b.len(), deadline);
    // UTF-16 offset of each old char index.
    let mut offsets = Vec::with_capacity(a.len() + 1);
    let mut u = base;
    for c in &a {
        offsets.push(u);
        u += c.len_utf16() as u32;
    }
    offsets.push(u);
    for (tag, o, n) in ranges(&ops) {
        if tag != DiffTag::Equal {
            out.push(Splice {
                pos: offsets[o.start],
                delete: offsets[o.end] - offsets[o.start],
                insert: b[n].iter().collect(),
            });
        }
    }
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

    /// Each changed clause with its (kind, text) changes, hunk after hunk.
    fn changes(d: &TextDiff) -> Vec<(&str, Vec<(SpanKind, &str)>)> {
        d.clauses
            .iter()
            .map(|c| {
                let spans = c.hunks.iter().flatten();
                let changed = spans.filter(|s| s.kind != SpanKind::Same);
                (
                    c.clause.as_str(),
                    changed.map(|s| (s.kind, s.text.as_str())).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn an_inserted_clause_is_its_own_and_the_renumbering_after_it_no_change() {
        let old = "3 Requirements\n3.1 Surface\nFlat.\n3.2 Lighting\nLit.\n";
        let new =
            "3 Requirements\n3.1 Surface\nFlat.\n3.2 Drainage\nDrained.\n3.3 Lighting\nLit.\n";
        let d = diff(old, new);
        assert_eq!(
            changes(&d),
            [("3.2", vec![(SpanKind::Added, "3.2 Drainage\nDrained.\n")])]
        );
        assert_eq!(d.clauses[0].title, "Drainage");
        assert_eq!((d.words_added, d.words_removed), (4, 0));
        // A heading whose title changes is a change, its number included.
        let d = diff(old, &new.replace("3.3 Lighting", "3.3 Lights"));
        assert_eq!(changes(&d)[1].0, "3.3");
    }

    #[test]
    fn a_passage_typed_over_a_heading_shows_in_both_clauses() {
        let old = "1 Scope\nPads.\n2 Terms\nNone.\n";
        let new = "1 Scope\nPads and lights.\n2 Lighting\nLit.\n3 Terms\nNone.\n";
        assert_eq!(
            changes(&diff(old, new)),
            [
                ("1", vec![(SpanKind::Added, " and lights")]),
                ("2", vec![(SpanKind::Added, "2 Lighting\nLit.\n")]),
            ]
        );
    }

    #[test]
    fn deletions_show_under_the_clause_they_were_deleted_from() {
        let old = "1 Scope\nPads.\nAlso lights.\n2 Terms\nNone.\n3 Tests\nSome.\n";
        let new = "1 Scope\nPads.\n2 Tests\nSome.\n";
        assert_eq!(
            changes(&diff(old, new)),
            [(
                "1",
                vec![(SpanKind::Removed, "Also lights.\n2 Terms\nNone.\n")]
            )]
        );
        let d = diff("Intro.\n1 Scope\nPads.\n", "1 Scope\nPads.\n");
        assert_eq!(changes(&d), [("", vec![(SpanKind::Removed, "Intro.\n")])]);
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
