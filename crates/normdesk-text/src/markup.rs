//! The light markup of a standard's text (docs/draft-markup.md): numbered clauses (`1 Scope`,
//! `3.2.1 …`), annexes (`Annex A (normative) …`, `附录A`) with lettered clauses (`A.1`), NOTE and
//! EXAMPLE paragraphs (`NOTE 1 …`, `注1：…`), `|` table rows and `[[figure: name]]` references.
//! Pure text functions: the outline, renumbering (clauses, notes and examples), counts that
//! count Chinese correctly, and the position of a clause for "jump from a comment".
//!
//! Positions are UTF-16 code units from the start of the text, as the editor counts them.

use serde::{Deserialize, Serialize};
use specta::Type;

/// What an outline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum HeadingKind {
    /// `1`, `1.1`, `A.1` …
    Clause,
    /// `Annex A …` / `附录A …`.
    Annex,
}

/// One entry of the outline pane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Heading {
    pub kind: HeadingKind,
    /// `4.2.1`, `A.3`, or the annex letter `A`.
    pub number: String,
    pub title: String,
    /// 1 for `4`, 2 for `4.2` and for `A.1`; an annex is 1.
    pub depth: u32,
    /// Start of the heading's line (UTF-16 units).
    pub pos: u32,
    /// 0-based line number.
    pub line: u32,
}

/// Counts for the status bar. Chinese, Japanese and Korean characters each count as a word, as
/// word processors count them; Latin-script words are runs of letters and digits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Counts {
    pub words: u32,
    /// Characters (Unicode scalar values) other than line breaks.
    pub characters: u32,
    pub characters_no_spaces: u32,
    /// CJK ideographs, kana and hangul.
    pub cjk: u32,
    /// Latin-script (and other non-CJK) words.
    pub latin_words: u32,
    pub paragraphs: u32,
    pub clauses: u32,
}

/// A CJK character: counted as a word on its own, diffed one by one.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // kana
        | 0x3400..=0x4DBF    // ext A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xAC00..=0xD7AF    // hangul
        | 0xF900..=0xFAFF    // compatibility
        | 0x20000..=0x3134F) // ext B–G
}

/// Length of `s` in UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Byte offset of a UTF-16 position in `s` (clamped to the end; inside a surrogate pair it
/// rounds down to the character's start).
pub fn byte_of(s: &str, pos: usize) -> usize {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units >= pos {
            return i;
        }
        units += c.len_utf16();
        if units > pos {
            return i;
        }
    }
    s.len()
}

/// The lines of `s` (split at `\n`, a trailing `\r` kept out of the content) with their UTF-16
/// start positions.
fn lines(s: &str) -> impl Iterator<Item = (u32, &str)> {
    let mut pos = 0u32;
    s.split('\n').map(move |raw| {
        let start = pos;
        pos += utf16_len(raw) as u32 + 1;
        (start, raw.strip_suffix('\r').unwrap_or(raw))
    })
}

/// Parses a clause number at the start of a line (`4`, `4.2.1`, `A.1`): the number's parts and
/// the rest of the line. The rule is the core's, shared with the draft packet.
fn clause_number(line: &str) -> Option<(Vec<String>, &str)> {
    normdesk_core::markup::clause_number(line)
        .map(|(parts, title)| (parts.into_iter().map(str::to_owned).collect(), title))
}

/// An annex heading: `Annex B (informative) …` or `附录B …`. Returns the letter, its byte
/// offset in the line, and the title after it.
fn annex(line: &str) -> Option<(char, usize, &str)> {
    let rest = line
        .strip_prefix("Annex ")
        .or_else(|| line.strip_prefix("附录"))?;
    let trimmed = rest.trim_start();
    let at = line.len() - trimmed.len();
    let letter = trimmed.chars().next().filter(char::is_ascii_uppercase)?;
    let after = &trimmed[1..];
    if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some((letter, at, after.trim_start()))
}

/// The outline: every clause and annex heading in order.
pub fn outline(text: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    for (line_no, (pos, line)) in lines(text).enumerate() {
        if let Some((letter, _, title)) = annex(line) {
            out.push(Heading {
                kind: HeadingKind::Annex,
                number: letter.to_string(),
                title: title.to_owned(),
                depth: 1,
                pos,
                line: line_no as u32,
            });
        } else if let Some((parts, title)) = clause_number(line) {
            out.push(Heading {
                kind: HeadingKind::Clause,
                number: parts.join("."),
                title: title.to_owned(),
                depth: parts.len() as u32,
                pos,
                line: line_no as u32,
            });
        }
    }
    out
}

/// Counts words and characters.
pub fn counts(text: &str) -> Counts {
    let mut c = Counts::default();
    let mut in_word = false;
    for ch in text.chars() {
        if ch == '\n' || ch == '\r' {
            in_word = false;
            continue;
        }
        c.characters += 1;
        if !ch.is_whitespace() {
            c.characters_no_spaces += 1;
        }
        if is_cjk(ch) {
            c.cjk += 1;
            in_word = false;
        } else if ch.is_alphanumeric() || (in_word && matches!(ch, '\'' | '’' | '-' | '_')) {
            if !in_word {
                c.latin_words += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    c.words = c.latin_words + c.cjk;
    c.paragraphs = lines(text).filter(|(_, l)| !l.trim().is_empty()).count() as u32;
    c.clauses = outline(text)
        .iter()
        .filter(|h| h.kind == HeadingKind::Clause)
        .count() as u32;
    c
}

/// Where a comment's clause is, for "jump to the clause": the heading whose number is `clause`
/// ("4.2", "Clause 4.2", "4.2, paragraph 3", "A.1", "Annex A", "附录A"). When there is no such
/// clause, its nearest parent that exists (then `exact` is false). `General` or an empty clause
/// is the start of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ClauseHit {
    pub number: String,
    pub pos: u32,
    pub line: u32,
    pub exact: bool,
}

pub fn clause_position(text: &str, clause: &str) -> Option<ClauseHit> {
    let wanted = normalise_clause(clause);
    if wanted.is_empty() || wanted.eq_ignore_ascii_case("general") {
        return Some(ClauseHit {
            number: String::new(),
            pos: 0,
            line: 0,
            exact: true,
        });
    }
    let headings = outline(text);
    let mut try_number = wanted.clone();
    let mut exact = true;
    loop {
        if let Some(h) = headings.iter().find(|h| h.number == try_number) {
            return Some(ClauseHit {
                number: h.number.clone(),
                pos: h.pos,
                line: h.line,
                exact,
            });
        }
        exact = false;
        match try_number.rfind('.') {
            Some(i) => try_number.truncate(i),
            None => return None,
        }
    }
}

fn normalise_clause(clause: &str) -> String {
    let mut s = clause.trim();
    for prefix in [
        "Clause",
        "clause",
        "Subclause",
        "subclause",
        "Annex",
        "annex",
        "附录",
        "第",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start();
        }
    }
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect::<String>()
        .trim_end_matches('.')
        .to_owned()
}

/// NOTE/EXAMPLE labels: (prefix, separator after an English label is a space).
const LABELS: &[&str] = &["NOTE", "EXAMPLE", "注", "示例"];

/// A NOTE/EXAMPLE paragraph: its label and the byte where "label [n]" ends.
fn label(line: &str) -> Option<(&'static str, usize, &str)> {
    for &l in LABELS {
        let Some(rest) = line.strip_prefix(l) else {
            continue;
        };
        if l.is_ascii() {
            if rest.is_empty() {
                return Some((l, l.len(), rest));
            }
            let Some(r2) = rest.strip_prefix([' ', '\t']) else {
                continue;
            };
            let digits = r2.bytes().take_while(u8::is_ascii_digit).count();
            let after = &r2[digits..];
            if digits > 0 && (after.is_empty() || after.starts_with([' ', '\t'])) {
                return Some((l, l.len() + 1 + digits, after));
            }
            return Some((l, l.len(), rest));
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if rest[digits..].starts_with(['：', ':']) {
            return Some((l, l.len() + digits, &rest[digits..]));
        }
    }
    None
}

/// The text with its clauses numbered in order (1, 1.1, 1.1.1 …; within an annex A.1, A.1.1 …,
/// annexes lettered A, B, …) and NOTE/EXAMPLE paragraphs numbered within each clause (a single
/// one unnumbered, as ISO/IEC Directives Part 2 and GB/T 1.1 ask). Only the numbers change.
pub fn renumber(text: &str) -> String {
    let mut out_lines: Vec<String> = Vec::new();
    let all: Vec<&str> = text.split('\n').collect();
    let mut counters: Vec<u32> = Vec::new();
    let mut annex_index: Option<u32> = None;
    let mut annex_count = 0u32;
    // First pass: headings.
    for raw in &all {
        let (line, cr) = match raw.strip_suffix('\r') {
            Some(l) => (l, "\r"),
            None => (*raw, ""),
        };
        if let Some((_, at, _)) = annex(line) {
            annex_count += 1;
            annex_index = Some(annex_count);
            counters = vec![annex_count];
            out_lines.push(format!(
                "{}{}{}{cr}",
                &line[..at],
                letter_of(annex_count),
                &line[at + 1..]
            ));
            continue;
        }
        if let Some((parts, _)) = clause_number(line) {
            let lettered = parts[0].as_bytes()[0].is_ascii_uppercase();
            let number_len: usize = parts.iter().map(String::len).sum::<usize>() + parts.len() - 1;
            let depth = parts.len();
            let renumbered = match (lettered, annex_index) {
                (true, Some(_)) | (false, None) => {
                    counters.truncate(depth);
                    while counters.len() < depth {
                        counters.push(0);
                    }
                    counters[depth - 1] += 1;
                    for c in counters.iter_mut().take(depth - 1) {
                        if *c == 0 {
                            *c = 1;
                        }
                    }
                    Some(
                        counters
                            .iter()
                            .enumerate()
                            .map(|(i, n)| {
                                if i == 0 && lettered {
                                    letter_of(*n)
                                } else {
                                    n.to_string()
                                }
                            })
                            .collect::<Vec<_>>()
                            .join("."),
                    )
                }
                _ => None, // a numbered clause after an annex, or a lettered one outside: left as is
            };
            match renumbered {
                Some(number) => out_lines.push(format!("{number}{}{cr}", &line[number_len..])),
                None => out_lines.push(raw.to_string()),
            }
            continue;
        }
        out_lines.push(raw.to_string());
    }
    // Second pass: NOTE/EXAMPLE numbers within each clause.
    let mut start = 0;
    while start < out_lines.len() {
        let mut end = start + 1;
        while end < out_lines.len() && !is_heading(&out_lines[end]) {
            end += 1;
        }
        for &l in LABELS {
            let idx: Vec<usize> = (start..end)
                .filter(|&i| label(trim_cr(&out_lines[i])).is_some_and(|(x, _, _)| x == l))
                .collect();
            let numbered = idx.len() > 1;
            for (n, &i) in idx.iter().enumerate() {
                let (line, cr) = split_cr(&out_lines[i]);
                let (_, label_end, _) = label(line).expect("found above");
                let rest = &line[label_end..];
                let new_label = match (numbered, l.is_ascii()) {
                    (true, true) => format!("{l} {}", n + 1),
                    (true, false) => format!("{l}{}", n + 1),
                    (false, _) => l.to_owned(),
                };
                out_lines[i] = format!("{new_label}{rest}{cr}");
            }
        }
        start = end;
    }
    out_lines.join("\n")
}

fn is_heading(raw: &str) -> bool {
    let line = trim_cr(raw);
    annex(line).is_some() || clause_number(line).is_some()
}

fn trim_cr(raw: &str) -> &str {
    raw.strip_suffix('\r').unwrap_or(raw)
}

fn split_cr(raw: &str) -> (&str, &str) {
    match raw.strip_suffix('\r') {
        Some(l) => (l, "\r"),
        None => (raw, ""),
    }
}

fn letter_of(n: u32) -> String {
    char::from_u32('A' as u32 + (n.saturating_sub(1) % 26))
        .unwrap_or('Z')
        .to_string()
}

/// A `[[figure: name]]` reference: the attachment (of the draft's project) it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FigureRef {
    pub name: String,
    pub pos: u32,
}

/// Every figure reference in the text.
pub fn figure_refs(text: &str) -> Vec<FigureRef> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("[[figure:") {
        let start = from + i;
        let Some(j) = text[start..].find("]]") else {
            break;
        };
        let name = text[start + 9..start + j].trim().to_owned();
        out.push(FigureRef {
            name,
            pos: utf16_len(&text[..start]) as u32,
        });
        from = start + j + 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_finds_clauses_and_annexes_but_not_numbers_in_prose() {
        let text = "Foreword\n1 Scope\nThis document…\n2\tNormative references\n3 Terms\n3.1\nvertiport\n3.2 pad\n12 000 units\nAnnex A (informative) Examples\nA.1 First\n2024 was a year\n";
        let got: Vec<(String, u32)> = outline(text)
            .into_iter()
            .map(|h| (h.number, h.depth))
            .collect();
        let want: Vec<(String, u32)> = [
            ("1", 1),
            ("2", 1),
            ("3", 1),
            ("3.1", 2),
            ("3.2", 2),
            ("12", 1),
            ("A", 1),
            ("A.1", 2),
        ]
        .iter()
        .map(|(n, d)| (n.to_string(), *d))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn positions_are_utf16_units() {
        let text = "前言𠀀\n1 范围\n";
        let h = &outline(text)[0];
        assert_eq!(h.pos, 5); // 前 言 (1 each) + 𠀀 (a surrogate pair: 2) + newline
        assert_eq!(byte_of(text, h.pos as usize), text.find('1').unwrap());
    }

    #[test]
    fn renumber_table() {
        let cases = [
            (
                "1 Scope\n3 Terms\n3.4 a\n3.9 b\n7 End",
                "1 Scope\n2 Terms\n2.1 a\n2.2 b\n3 End",
            ),
            (
                "1 A\r\n1.1 B\r\n1.1.1 C\r\n5 D\r\n",
                "1 A\r\n1.1 B\r\n1.1.1 C\r\n2 D\r\n",
            ),
            (
                "1 A\nNOTE text\nNOTE 7 more\n2 B\nNOTE 3 only\n",
                "1 A\nNOTE 1 text\nNOTE 2 more\n2 B\nNOTE only\n",
            ),
            (
                "1 范围\n注：一\n注：二\n示例1：只有一个\n",
                "1 范围\n注1：一\n注2：二\n示例：只有一个\n",
            ),
            (
                "1 A\nAnnex C (normative) X\nC.4 Y\nC.4.2 Z\nAnnex F Q\nF.2 R",
                "1 A\nAnnex A (normative) X\nA.1 Y\nA.1.1 Z\nAnnex B Q\nB.1 R",
            ),
            ("no clauses at all\n", "no clauses at all\n"),
        ];
        for (input, want) in cases {
            assert_eq!(renumber(input), want, "renumber({input:?})");
            assert_eq!(renumber(want), want, "already numbered: {want:?}");
        }
    }

    #[test]
    fn counts_count_chinese_characters_as_words() {
        let c = counts("1 Scope\n本文件规定了 vertiport 的要求。\r\n");
        assert_eq!((c.cjk, c.latin_words, c.words), (9, 3, 12));
        assert_eq!(
            c.characters,
            "1 Scope本文件规定了 vertiport 的要求。".chars().count() as u32
        );
        assert_eq!(c.paragraphs, 2);
        assert_eq!(c.clauses, 1);
    }

    #[test]
    fn clause_positions_for_comments() {
        let text = "1 Scope\n4 Req\n4.2 Pads\nAnnex A X\nA.1 Y\n";
        let pos = |c: &str| clause_position(text, c).map(|h| (h.number, h.exact));
        assert_eq!(pos("4.2"), Some(("4.2".into(), true)));
        assert_eq!(pos("Clause 4.2, para 2"), Some(("4.2".into(), true)));
        assert_eq!(pos("4.2.7"), Some(("4.2".into(), false)));
        assert_eq!(pos("A.1"), Some(("A.1".into(), true)));
        assert_eq!(pos("Annex A"), Some(("A".into(), true)));
        assert_eq!(pos("General").map(|h| h.1), Some(true));
        assert_eq!(pos("9"), None);
        assert_eq!(clause_position(text, "4.2").unwrap().pos, 14);
    }
}
