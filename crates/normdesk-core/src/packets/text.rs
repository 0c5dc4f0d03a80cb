//! A draft's stored text (`draft.body`, the plain copy the draft editor keeps) split into the
//! blocks a packet prints. The markup is the one of `docs/draft-markup.md`, recognised line by
//! line with the same rules as the editor's outline (clause numbers come from `crate::markup`,
//! which `normdesk-text`'s outline uses too): clause headings (`4`, `4.2.1`, `A.1` + title; a sub-clause number alone
//! takes the next line, the term, as its title), annexes (`Annex A …`, `附录A…`), notes and
//! examples (`NOTE 2 …`, `注1：…`, `EXAMPLE …`, `示例：…`), `|` table rows with a `Table 1 — …`
//! caption, `[[figure: name]]`; every other line is a paragraph ("paragraphs are lines"), and
//! `a)`/`—` lines are list items. Pure: no database, no typesetter.

use super::data::{Block, FigureStatus};
use crate::markup::clause_number;

/// Splits a draft body into blocks.
pub fn parse(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut pending_number: Option<(String, u32)> = None;
    for raw in body.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim();
        if trimmed.starts_with('|') {
            table.push(row(trimmed));
            continue;
        }
        if !table.is_empty() {
            blocks.push(Block::Table {
                rows: std::mem::take(&mut table),
            });
        }
        if trimmed.is_empty() {
            continue;
        }
        if let Some((number, level)) = pending_number.take() {
            blocks.push(Block::Heading {
                number,
                level,
                text: trimmed.to_owned(),
            });
            continue;
        }
        if let Some(heading) = annex(line) {
            blocks.push(heading);
        } else if let Some((parts, title)) = clause_number(line) {
            let (number, level) = (parts.join("."), parts.len() as u32);
            if title.is_empty() {
                pending_number = Some((number, level));
            } else {
                blocks.push(Block::Heading {
                    number,
                    level,
                    text: title.trim_end().to_owned(),
                });
            }
        } else if let Some(name) = figure(trimmed) {
            blocks.push(Block::Figure {
                name,
                file: None,
                status: FigureStatus::Missing,
            });
        } else if is_caption(trimmed) {
            blocks.push(Block::Caption {
                text: trimmed.to_owned(),
            });
        } else if let Some((label, text)) = note(trimmed) {
            blocks.push(Block::Note { label, text });
        } else if let Some((label, text)) = item(trimmed) {
            blocks.push(Block::Item { label, text });
        } else {
            blocks.push(Block::Paragraph {
                text: trimmed.to_owned(),
            });
        }
    }
    if !table.is_empty() {
        blocks.push(Block::Table { rows: table });
    }
    if let Some((number, level)) = pending_number {
        blocks.push(Block::Heading {
            number,
            level,
            text: String::new(),
        });
    }
    blocks
}

/// Only the headings: a draft's outline.
pub fn outline(blocks: &[Block]) -> Vec<Block> {
    blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }))
        .cloned()
        .collect()
}

/// The number and title of the last heading, "7.3 Marking".
pub fn last_clause(blocks: &[Block]) -> Option<String> {
    blocks.iter().rev().find_map(|b| match b {
        Block::Heading { number, text, .. } => Some(format!("{number} {text}").trim().to_owned()),
        _ => None,
    })
}

/// "Annex A (informative) Examples", "附录A（规范性）试验方法".
fn annex(line: &str) -> Option<Block> {
    let (word, rest) = if let Some(rest) = line.strip_prefix("Annex ") {
        ("Annex ", rest)
    } else {
        ("附录", line.strip_prefix("附录")?)
    };
    let trimmed = rest.trim_start();
    let letter = trimmed.chars().next().filter(char::is_ascii_uppercase)?;
    let after = &trimmed[1..];
    if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(Block::Heading {
        number: format!("{word}{letter}"),
        level: 1,
        text: after.trim().to_owned(),
    })
}

fn row(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_owned()).collect()
}

fn figure(line: &str) -> Option<String> {
    let inner = line.strip_prefix("[[")?.strip_suffix("]]")?;
    let name = inner.trim().strip_prefix("figure:")?;
    Some(name.trim().to_owned())
}

fn is_caption(line: &str) -> bool {
    let number_follows = |rest: &str| {
        rest.trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())
    };
    line.strip_prefix("Table ").is_some_and(number_follows)
        || line.strip_prefix("Figure ").is_some_and(number_follows)
        || line.strip_prefix('表').is_some_and(number_follows)
        || line.strip_prefix('图').is_some_and(number_follows)
}

fn note(line: &str) -> Option<(String, String)> {
    for prefix in ["NOTE", "EXAMPLE", "注", "示例"] {
        let Some(rest) = line.strip_prefix(prefix) else {
            continue;
        };
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let after = rest.trim_start()[digits.len()..].trim_start();
        let (colon, after) = match after.strip_prefix([':', '：']) {
            Some(a) => (true, a.trim_start()),
            None => (false, after),
        };
        let latin = prefix.is_ascii();
        let ok = if latin {
            rest.is_empty() || rest.starts_with([' ', ':'])
        } else {
            colon || !digits.is_empty()
        };
        if ok && !after.is_empty() {
            let sep = if latin && !digits.is_empty() { " " } else { "" };
            return Some((format!("{prefix}{sep}{digits}"), after.to_owned()));
        }
    }
    None
}

fn item(line: &str) -> Option<(String, String)> {
    let (word, rest) = line.split_once(char::is_whitespace)?;
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    let bullet = matches!(word, "—" | "–" | "-" | "•");
    let lettered =
        word.len() == 2 && word.ends_with(')') && word.as_bytes()[0].is_ascii_lowercase();
    let numbered = (2..=3).contains(&word.len())
        && word.ends_with(')')
        && word[..word.len() - 1].bytes().all(|b| b.is_ascii_digit());
    if bullet {
        Some(("—".to_owned(), rest.to_owned()))
    } else if lettered || numbered {
        Some((word.to_owned(), rest.to_owned()))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(number: &str, level: u32, text: &str) -> Block {
        Block::Heading {
            number: number.into(),
            level,
            text: text.into(),
        }
    }
    fn p(text: &str) -> Block {
        Block::Paragraph { text: text.into() }
    }

    #[test]
    fn the_markup_of_docs_draft_markup() {
        let body = "1 Scope\r\nThis document specifies requirements.\n\n3\tTerms and definitions\n3.1\nremote pilot\n\
                    person who controls the flight\n4.2.1\u{3000}标识\n本文件规定了标识要求。\nNOTE 1 Informative.\n注1：资料性。\n\
                    示例：一个示例。\na) first;\n— second.\nTable 1 — Pads\n| Size | Load |\n| 2 m | 5 kg |\n\
                    [[figure: pad-layout.png]]\nAnnex A (informative) Examples\nA.1 Example one\n附录B（规范性）试验\n7\n\
                    5 experts took part.";
        assert_eq!(
            parse(body),
            vec![
                h("1", 1, "Scope"),
                p("This document specifies requirements."),
                h("3", 1, "Terms and definitions"),
                h("3.1", 2, "remote pilot"),
                p("person who controls the flight"),
                h("4.2.1", 3, "标识"),
                p("本文件规定了标识要求。"),
                Block::Note {
                    label: "NOTE 1".into(),
                    text: "Informative.".into()
                },
                Block::Note {
                    label: "注1".into(),
                    text: "资料性。".into()
                },
                Block::Note {
                    label: "示例".into(),
                    text: "一个示例。".into()
                },
                Block::Item {
                    label: "a)".into(),
                    text: "first;".into()
                },
                Block::Item {
                    label: "—".into(),
                    text: "second.".into()
                },
                Block::Caption {
                    text: "Table 1 — Pads".into()
                },
                Block::Table {
                    rows: vec![
                        vec!["Size".into(), "Load".into()],
                        vec!["2 m".into(), "5 kg".into()]
                    ]
                },
                Block::Figure {
                    name: "pad-layout.png".into(),
                    file: None,
                    status: FigureStatus::Missing,
                },
                h("Annex A", 1, "(informative) Examples"),
                h("A.1", 2, "Example one"),
                h("附录B", 1, "（规范性）试验"),
                p("7"),
                // As in the editor's outline: a number and a title make a heading.
                h("5", 1, "experts took part."),
            ]
        );
    }

    #[test]
    fn not_headings() {
        assert_eq!(parse("120 kg"), vec![p("120 kg")]);
        assert_eq!(parse("0 Introduction"), vec![p("0 Introduction")]);
        assert_eq!(parse("Annexes follow"), vec![p("Annexes follow")]);
        assert_eq!(parse("NOTES are kept"), vec![p("NOTES are kept")]);
        assert_eq!(parse("注意安全"), vec![p("注意安全")]);
    }

    #[test]
    fn last_clause_and_outline() {
        let blocks = parse("1 范围\n附录A（规范性）试验方法\nA.2 步骤\n正文");
        assert_eq!(last_clause(&blocks).as_deref(), Some("A.2 步骤"));
        assert_eq!(outline(&blocks).len(), 3);
        assert!(parse("  \n\n").is_empty());
    }
}
