//! Human keys for references in spreadsheets: a reference cell holds either an id or the key a
//! person knows the record by — a committee's reference ("ISO/TC 20/SC 16"), an organisation's
//! acronym ("IEEE SA"), a person's e-mail, a project's reference, a statement's title. Keys
//! match ignoring case and repeated spaces; a key that matches nothing or more than one record is
//! refused with a message that says so. Records created earlier in the same file count too, so a
//! sub-committee can name a parent created a few rows above it.
//!
//! Each kind's ids and keys are read once per import (one scan), so resolving 100,000 cells costs
//! 100,000 hash lookups.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use crate::error::Result;

/// The field a kind is known by in spreadsheets, if any.
pub fn key_field(kind: &str) -> Option<&'static str> {
    match kind {
        "organisation" => Some("acronym"),
        "committee" => Some("reference"),
        "person" => Some("email"),
        "project" => Some("reference"),
        "statement" => Some("title"),
        _ => None,
    }
}

fn norm(text: &str) -> Cow<'_, str> {
    if !text.is_ascii() {
        return Cow::Owned(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        );
    }
    // ASCII (e-mails, references): one pass, and no copy when the key is already in this form.
    let bytes = text.as_bytes();
    let plain = bytes.iter().enumerate().all(|(i, b)| match b {
        b' ' => i > 0 && i + 1 < bytes.len() && bytes[i + 1] != b' ',
        b => !(*b as char).is_whitespace() && !b.is_ascii_uppercase(),
    });
    if plain {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    Cow::Owned(out)
}

#[derive(Default)]
struct KindKeys {
    live: HashSet<String>,
    deleted: HashSet<String>,
    by_key: HashMap<String, Vec<String>>,
}

/// The ids and keys of the kinds a file refers to, loaded on first use.
pub struct Keys<'c> {
    conn: &'c Connection,
    kinds: HashMap<&'static str, KindKeys>,
}

impl<'c> Keys<'c> {
    pub fn new(conn: &'c Connection) -> Self {
        Keys {
            conn,
            kinds: HashMap::new(),
        }
    }

    fn kind(&mut self, kind: &'static str) -> Result<&mut KindKeys> {
        if !self.kinds.contains_key(kind) {
            let mut keys = KindKeys::default();
            let column = key_field(kind).unwrap_or("NULL");
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT id, deleted, {column} FROM {kind}"))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                if r.get::<_, bool>(1)? {
                    keys.deleted.insert(id);
                    continue;
                }
                if let Some(key) = r
                    .get::<_, Option<String>>(2)?
                    .filter(|k| !k.trim().is_empty())
                {
                    keys.by_key
                        .entry(norm(&key).into_owned())
                        .or_default()
                        .push(id.clone());
                }
                keys.live.insert(id);
            }
            self.kinds.insert(kind, keys);
        }
        Ok(self.kinds.get_mut(kind).expect("inserted above"))
    }

    /// Whether a live record (or one planned earlier in the file) has this id.
    pub fn is_live(&mut self, kind: &'static str, id: &str) -> Result<bool> {
        Ok(self.kind(kind)?.live.contains(id))
    }

    /// Whether this id belonged to a record that was deleted.
    pub fn was_deleted(&mut self, kind: &'static str, id: &str) -> Result<bool> {
        Ok(self.kind(kind)?.deleted.contains(id))
    }

    /// Notes a record the file creates, so later rows can refer to it.
    pub fn add(&mut self, kind: &'static str, id: &str, key: Option<&str>) -> Result<()> {
        let keys = self.kind(kind)?;
        keys.live.insert(id.to_owned());
        if let Some(key) = key.filter(|k| !k.trim().is_empty()) {
            keys.by_key
                .entry(norm(key).into_owned())
                .or_default()
                .push(id.to_owned());
        }
        Ok(())
    }

    /// The id a reference cell names: `Ok(None)` for an empty cell, `Err(message)` when it names
    /// nothing or several records.
    pub fn resolve(
        &mut self,
        kind: &'static str,
        cell: &str,
    ) -> Result<std::result::Result<Option<String>, String>> {
        let text = cell.trim();
        if text.is_empty() {
            return Ok(Ok(None));
        }
        if let Ok(uuid) = uuid::Uuid::parse_str(text) {
            let id = uuid.hyphenated().to_string();
            return Ok(if self.is_live(kind, &id)? {
                Ok(Some(id))
            } else {
                Err(format!("there is no {kind} with id {id}"))
            });
        }
        let Some(field) = key_field(kind) else {
            return Ok(Err(format!(
                "'{text}' is not a {kind} id; a {kind} is named by its id (a UUID) here"
            )));
        };
        let keys = self.kind(kind)?;
        Ok(
            match keys.by_key.get(norm(text).as_ref()).map(Vec::as_slice) {
                None | Some([]) => Err(format!(
                    "no {kind} has the {field} '{text}'; check the spelling or give its id"
                )),
                Some([id]) => Ok(Some(id.clone())),
                Some(ids) => Err(format!(
                    "'{text}' is the {field} of {} {kind} records ({}); give the id instead",
                    ids.len(),
                    ids.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
                )),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::norm;

    /// The key form: words split at any whitespace, joined by one space, lower case.
    fn reference(text: &str) -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    #[test]
    fn keys_match_ignoring_case_and_repeated_spaces() {
        for text in [
            "expert1@example.org",
            "Expert1@Example.org",
            "ISO/TC 20/SC 16",
            "  iso/tc  20/sc\t16 ",
            "iso/tc 20/sc 16 ",
            " iso",
            "a\u{0b}b",
            "a\r\nb",
            "",
            " ",
            "IEEE SA",
            "全国 信息技术  标准化技术委员会",
            "ǅemal Ⅻ",
        ] {
            assert_eq!(norm(text), reference(text), "{text:?}");
        }
    }
}
