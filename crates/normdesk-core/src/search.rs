//! Full-text search over every register, in Chinese and English, with SQLite FTS5.
//!
//! FTS5's word tokenizers see a run of Chinese characters as one word, and its trigram tokenizer
//! cannot answer two-character queries from the index. So the indexed text is prepared here:
//! Latin words stay as they are, and each run of CJK characters becomes its overlapping bigrams
//! plus its last character ("无人驾驶" → "无人 人驾 驾驶 驶"). A query is prepared the same way:
//! a CJK run becomes a phrase of its bigrams (which must stand next to each other, so it matches
//! exactly that substring), a single CJK character and every Latin word become prefix terms. All
//! terms must match.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use crate::error::Result;
use crate::schema::EntitySpec;
use crate::writer::load;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // kana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // hangul
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0x20000..=0x3134F) // extensions B–G
}

/// Splits text into runs: (is_cjk, run). Anything that is neither a CJK character nor
/// alphanumeric separates runs.
fn runs(text: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let cjk = is_cjk(c);
        if !cjk && !c.is_alphanumeric() {
            if out.last().is_some_and(|(_, r)| !r.is_empty()) {
                out.push((false, String::new()));
            }
            continue;
        }
        match out.last_mut() {
            Some((kind, run)) if *kind == cjk || run.is_empty() => {
                *kind = cjk;
                run.push(c);
            }
            _ => out.push((cjk, c.to_string())),
        }
    }
    out.retain(|(_, r)| !r.is_empty());
    out
}

/// The text stored in the index for a document.
pub fn index_text(text: &str) -> String {
    let mut tokens: Vec<String> = Vec::new();
    for (cjk, run) in runs(text) {
        if cjk {
            let chars: Vec<char> = run.chars().collect();
            tokens.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
            tokens.push(chars[chars.len() - 1].to_string());
        } else {
            tokens.push(run);
        }
    }
    tokens.join(" ")
}

/// The FTS5 MATCH expression for a query, or `None` when the query has nothing to search for.
/// Every term is quoted, so no query text can be read as FTS5 syntax.
pub fn match_expr(query: &str) -> Option<String> {
    let mut terms = Vec::new();
    for (cjk, run) in runs(query) {
        let chars: Vec<char> = run.chars().collect();
        if cjk && chars.len() >= 2 {
            let bigrams: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
            terms.push(format!("\"{}\"", bigrams.join(" ")));
        } else {
            terms.push(format!("\"{}\"*", run));
        }
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// The FTS5 table of a kind, if the kind is searchable.
pub fn fts_table(spec: &EntitySpec) -> Option<String> {
    spec.fields
        .iter()
        .any(|f| f.search)
        .then(|| format!("{}_fts", spec.name))
}

/// SQL that selects the rowids of `spec`'s records matching the MATCH expression bound at
/// `param` ("?1"), for `rowid IN (…)`.
pub fn rowids_matching(spec: &EntitySpec, param: &str) -> Option<String> {
    fts_table(spec).map(|t| format!("SELECT rowid FROM {t} WHERE {t} MATCH {param}"))
}

/// Rewrites the index entry of one record (removes it when the record is deleted).
pub fn reindex(conn: &Connection, spec: &EntitySpec, id: &str) -> Result<()> {
    index(conn, spec, id, false)
}

/// Writes the index entry of one record; `new`: the record was created in this transaction and
/// not indexed yet, so there is no old entry to remove (a bulk import's records).
pub fn index(conn: &Connection, spec: &EntitySpec, id: &str, new: bool) -> Result<()> {
    let Some(table) = fts_table(spec) else {
        return Ok(());
    };
    let rowid: Option<i64> = conn
        .prepare_cached(&format!("SELECT rowid FROM {} WHERE id = ?1", spec.table()))?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let Some(rowid) = rowid else { return Ok(()) };
    if !new {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE rowid = ?1"))?
            .execute([rowid])?;
    }
    let Some(record) = load(conn, spec, id)? else {
        return Ok(());
    };
    let text: Vec<&str> = spec
        .fields
        .iter()
        .filter(|f| f.search)
        .filter_map(|f| record.get(f.name).and_then(Value::as_str))
        .collect();
    let body = index_text(&text.join(" "));
    conn.prepare_cached(&format!(
        "INSERT INTO {table} (rowid, body) VALUES (?1, ?2)"
    ))?
    .execute(params![rowid, body])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_text_splits_cjk_into_bigrams() {
        let cases = [
            (
                "无人驾驶航空器系统",
                "无人 人驾 驾驶 驶航 航空 空器 器系 系统 统",
            ),
            ("ISO/CD 21384-5 无人机", "ISO CD 21384 5 无人 人机 机"),
            ("Unmanned aircraft", "Unmanned aircraft"),
            ("深圳", "深圳 圳"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(index_text(text), want, "{text}");
        }
    }

    #[test]
    fn queries_become_quoted_terms() {
        let cases = [
            ("航空器", Some("\"航空 空器\"")),
            ("航", Some("\"航\"*")),
            ("aircraft 系统", Some("\"aircraft\"* AND \"系统\"")),
            ("\" OR *", Some("\"OR\"*")),
            ("\"*)(", None),
            ("  ", None),
        ];
        for (query, want) in cases {
            assert_eq!(match_expr(query).as_deref(), want, "{query}");
        }
    }
}
