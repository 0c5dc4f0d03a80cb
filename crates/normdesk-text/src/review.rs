//! Finding passages that both sides of a merge changed (SYNC.md: a character-level merge can
//! produce text no one wrote). Texts are compared line by line — a paragraph is a line in the
//! markup, and a long Chinese paragraph is one line — against their common ancestor; where the
//! changed line ranges of the two sides overlap, the passage needs review.

use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// A passage both sides changed: the ancestor's, each side's and the merged version of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    pub base: String,
    pub ours: String,
    pub theirs: String,
    pub merged: String,
    /// First line of the passage in the merged text (0-based).
    pub merged_line: usize,
}

fn lines(t: &str) -> Vec<&str> {
    t.split_inclusive('\n').collect()
}

type Op = (DiffTag, Range<usize>, Range<usize>);

fn ops(base: &[&str], other: &[&str]) -> Vec<Op> {
    crate::diff::ranges(&capture_diff_slices(Algorithm::Myers, base, other))
}

/// The base line ranges a side changed (an insertion is an empty range at its position).
fn changed(ops: &[Op]) -> Vec<Range<usize>> {
    ops.iter()
        .filter(|o| o.0 != DiffTag::Equal)
        .map(|o| o.1.clone())
        .collect()
}

fn touch(a: &Range<usize>, b: &Range<usize>) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (false, false) => a.start < b.end && b.start < a.end,
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
    }
}

/// Where base line `i` starts on the other side.
fn map_start(ops: &[Op], i: usize, other_len: usize) -> usize {
    for (tag, o, n) in ops {
        if (o.start <= i && i < o.end) || (o.is_empty() && o.start == i) {
            return if *tag == DiffTag::Equal {
                n.start + (i - o.start)
            } else {
                n.start
            };
        }
    }
    other_len
}

/// Where base line `e` (exclusive end) ends on the other side.
fn map_end(ops: &[Op], e: usize) -> usize {
    for (tag, o, n) in ops.iter().rev() {
        if (o.start < e && e <= o.end) || (o.is_empty() && o.start == e) {
            return if *tag == DiffTag::Equal {
                n.start + (e - o.start)
            } else {
                n.end
            };
        }
    }
    0
}

/// The passages of `base` that both `ours` and `theirs` changed, with their versions.
pub fn overlaps(base: &str, ours: &str, theirs: &str, merged: &str) -> Vec<Overlap> {
    let (b, o, t, m) = (lines(base), lines(ours), lines(theirs), lines(merged));
    let (ops_o, ops_t, ops_m) = (ops(&b, &o), ops(&b, &t), ops(&b, &m));
    let (co, ct) = (changed(&ops_o), changed(&ops_t));
    let mut regions: Vec<Range<usize>> = Vec::new();
    for a in &co {
        for x in &ct {
            if touch(a, x) {
                regions.push(a.start.min(x.start)..a.end.max(x.end));
            }
        }
    }
    regions.sort_by_key(|r| (r.start, r.end));
    let mut merged_regions: Vec<Range<usize>> = Vec::new();
    for r in regions {
        match merged_regions.last_mut() {
            Some(last) if r.start < last.end || (r.start == last.start) => {
                last.end = last.end.max(r.end)
            }
            _ => merged_regions.push(r),
        }
    }
    merged_regions
        .into_iter()
        .map(|r| {
            let side = |ops: &[Op], lines: &[&str]| -> (usize, String) {
                let s = map_start(ops, r.start, lines.len());
                let e = map_end(ops, r.end).max(s);
                (s, lines[s..e.min(lines.len())].concat())
            };
            let (merged_line, merged_text) = side(&ops_m, &m);
            Overlap {
                base: b[r.clone()].concat(),
                ours: side(&ops_o, &o).1,
                theirs: side(&ops_t, &t).1,
                merged: merged_text,
                merged_line,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_table() {
        let base = "1 Scope\n产品应符合表2的要求。\nThe pad is flat.\n2 End\n";
        // (ours, theirs, merged, passages flagged)
        let cases: &[(&str, &str, &str, &[&str])] = &[
            // different paragraphs: nothing to review
            (
                "1 Scope\n产品应符合表3的要求。\nThe pad is flat.\n2 End\n",
                "1 Scope\n产品应符合表2的要求。\nThe pad is level.\n2 End\n",
                "1 Scope\n产品应符合表3的要求。\nThe pad is level.\n2 End\n",
                &[],
            ),
            // both rewrote the same sentence (the merge wrote what no one wrote)
            (
                "1 Scope\n产品应符合表2的要求。\nThe pad is flat.\n2 End\n"
                    .replace("应符合表2的要求", "宜符合表1的规定")
                    .leak(),
                "1 Scope\n产品应符合表2的要求。\nThe pad is flat.\n2 End\n"
                    .replace("要求", "规定")
                    .leak(),
                "1 Scope\n产品宜符合表1的规定。\nThe pad is flat.\n2 End\n",
                &["产品应符合表2的要求。\n"],
            ),
            // both inserted a paragraph at the same place
            (
                "1 Scope\n产品应符合表2的要求。\nThe pad is flat.\nOurs.\n2 End\n",
                "1 Scope\n产品应符合表2的要求。\nThe pad is flat.\nTheirs.\n2 End\n",
                "1 Scope\n产品应符合表2的要求。\nThe pad is flat.\nOurs.\nTheirs.\n2 End\n",
                &[""],
            ),
            // one side only: nothing
            (
                base,
                "1 Scope\nX\nThe pad is flat.\n2 End\n",
                "1 Scope\nX\nThe pad is flat.\n2 End\n",
                &[],
            ),
        ];
        for (ours, theirs, merged, want) in cases {
            let got = overlaps(base, ours, theirs, merged);
            let bases: Vec<&str> = got.iter().map(|o| o.base.as_str()).collect();
            assert_eq!(&bases, want, "ours {ours:?} theirs {theirs:?}");
        }
        let got = overlaps(
            base,
            "1 Scope\nA.\nThe pad is flat.\n2 End\n",
            "1 Scope\nB.\nThe pad is flat.\n2 End\n",
            "1 Scope\nAB.\nThe pad is flat.\n2 End\n",
        );
        assert_eq!(
            (
                got[0].ours.as_str(),
                got[0].theirs.as_str(),
                got[0].merged.as_str(),
                got[0].merged_line
            ),
            ("A.\n", "B.\n", "AB.\n", 1)
        );
    }
}
