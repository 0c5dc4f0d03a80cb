//! One replicated field change as it travels between workstations (one line of a bundle's
//! `changes.jsonl`) and its checks. The line's shape is a contract (docs/bundle-format.md):
//! fields are never renamed and their meaning never changes.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::schema::{self, EntitySpec};
use crate::validate;

/// The stamp of a change: hybrid logical clock and the replica that made it. Stamps are totally
/// ordered by `(hlc, replica)`, which is how the later of two concurrent changes is chosen.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    pub hlc: u64,
    pub replica: String,
}

/// One field change. `(replica, seq)` identifies it; `prev` is the stamp of the value its author
/// saw (none for a field of a new record); `resolves` lists stamps it supersedes besides `prev`
/// (both sides of a resolved conflict; for a delete, the fields it saw).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub replica: String,
    pub seq: u64,
    pub hlc: u64,
    pub entity: String,
    pub row: String,
    pub field: String,
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolves: Vec<Stamp>,
    /// Where the author's write came from (`ui`, `cli`, `import`, `demo`, `resolve`); informative.
    #[serde(default)]
    pub source: String,
}

/// The most stamps one change may list in `resolves` (a delete lists each field of its record).
pub const MAX_RESOLVES: usize = 256;
/// The largest `hlc` or `seq` accepted (SQLite stores them as signed 64-bit integers).
const MAX_INT: u64 = i64::MAX as u64;

impl Change {
    pub fn stamp(&self) -> Stamp {
        Stamp {
            hlc: self.hlc,
            replica: self.replica.clone(),
        }
    }

    /// The record kind's schema, once [`Change::check`] has passed.
    pub fn spec(&self) -> Option<&'static EntitySpec> {
        schema::ENTITIES
            .iter()
            .copied()
            .find(|e| e.name == self.entity)
    }

    /// Checks everything that can be checked without the store: ids, numbers, a known kind and
    /// field, and a value its field accepts exactly as Normdesk stores it. The message names the
    /// kind, record and field.
    pub fn check(&self) -> Result<(), String> {
        check_id(&self.replica).map_err(|e| format!("replica {e}"))?;
        if self.seq == 0 || self.seq > MAX_INT {
            return Err(format!("seq {} is out of range", self.seq));
        }
        check_hlc(self.hlc)?;
        let Some(spec) = self.spec() else {
            let names: Vec<&str> = schema::ENTITIES.iter().map(|e| e.name).collect();
            return Err(format!(
                "unknown record kind '{}' (this Normdesk knows: {})",
                self.entity,
                names.join(", ")
            ));
        };
        check_id(&self.row).map_err(|e| format!("{} id {e}", self.entity))?;
        let at = format!("{} {} field '{}'", self.entity, self.row, self.field);
        if self.field == "deleted" {
            if !self.value.is_boolean() {
                return Err(format!("{at}: {} is not true or false", self.value));
            }
        } else {
            let Some(field) = spec.field(&self.field) else {
                return Err(format!(
                    "{} {}: unknown field '{}'",
                    self.entity, self.row, self.field
                ));
            };
            let normal = validate::field(field, &self.value).map_err(|e| format!("{at}: {e}"))?;
            if normal != self.value {
                return Err(format!(
                    "{at}: the value {} is not stored the way Normdesk writes it",
                    short(&self.value)
                ));
            }
        }
        if let Some(prev) = &self.prev {
            check_stamp(prev).map_err(|e| format!("{at}: prev {e}"))?;
        }
        if self.resolves.len() > MAX_RESOLVES {
            return Err(format!(
                "{at}: resolves lists {} stamps; the limit is {MAX_RESOLVES}",
                self.resolves.len()
            ));
        }
        for stamp in &self.resolves {
            check_stamp(stamp).map_err(|e| format!("{at}: resolves {e}"))?;
        }
        if self.source.len() > 16
            || !self
                .source
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_')
        {
            return Err(format!(
                "{at}: source '{}' is not a known kind of write",
                short(&Value::String(self.source.clone()))
            ));
        }
        Ok(())
    }

    /// The line of `changes.jsonl` for a change stored in `change_log` (value and resolves are
    /// stored as JSON text and copied as they are, so exporting needs no parsing).
    #[allow(clippy::too_many_arguments)]
    pub fn write_line(
        out: &mut String,
        replica: &str,
        seq: u64,
        hlc: u64,
        entity: &str,
        row: &str,
        field: &str,
        value_json: &str,
        prev: Option<(u64, &str)>,
        resolves_json: Option<&str>,
        source: &str,
    ) {
        use std::fmt::Write;
        out.push_str("{\"replica\":");
        push_str(out, replica);
        let _ = write!(out, ",\"seq\":{seq},\"hlc\":{hlc},\"entity\":");
        push_str(out, entity);
        out.push_str(",\"row\":");
        push_str(out, row);
        out.push_str(",\"field\":");
        push_str(out, field);
        out.push_str(",\"value\":");
        out.push_str(value_json);
        if let Some((hlc, replica)) = prev {
            let _ = write!(out, ",\"prev\":{{\"hlc\":{hlc},\"replica\":");
            push_str(out, replica);
            out.push('}');
        }
        if let Some(resolves) = resolves_json.filter(|r| *r != "[]") {
            out.push_str(",\"resolves\":");
            out.push_str(resolves);
        }
        out.push_str(",\"source\":");
        push_str(out, source);
        out.push_str("}\n");
    }
}

fn push_str(out: &mut String, text: &str) {
    if text
        .bytes()
        .all(|b| b >= 0x20 && b != b'"' && b != b'\\' && b < 0x7f)
    {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&Value::String(text.to_owned()).to_string());
    }
}

fn check_id(text: &str) -> Result<(), String> {
    match uuid::Uuid::parse_str(text) {
        Ok(id) if id.hyphenated().to_string() == text => Ok(()),
        _ => Err(format!(
            "'{}' is not a UUID in lower-case hyphenated form",
            short(&Value::String(text.to_owned()))
        )),
    }
}

fn check_hlc(hlc: u64) -> Result<(), String> {
    if hlc == 0 || hlc > MAX_INT {
        return Err(format!("hlc {hlc} is out of range"));
    }
    Ok(())
}

fn check_stamp(stamp: &Stamp) -> Result<(), String> {
    check_hlc(stamp.hlc)?;
    check_id(&stamp.replica)
}

/// A value cut for a message.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(entity: &str, field: &str, value: Value) -> Change {
        Change {
            replica: "0193c3a0-0000-7000-8000-000000000001".into(),
            seq: 1,
            hlc: 5,
            entity: entity.into(),
            row: "0193c3a0-0000-7000-8000-0000000000f1".into(),
            field: field.into(),
            value,
            prev: None,
            resolves: vec![],
            source: "cli".into(),
        }
    }

    #[test]
    fn checks_name_the_kind_field_and_problem() {
        let cases = [
            (change("project", "reference", json!("ISO/CD 1")), None),
            (change("project", "deleted", json!(true)), None),
            (
                change("projects", "reference", json!("x")),
                Some("unknown record kind 'projects'"),
            ),
            (
                change("project", "colour", json!("x")),
                Some("unknown field 'colour'"),
            ),
            (
                change("project", "stage", json!("99.99")),
                Some("field 'stage': stage: unknown stage code"),
            ),
            (
                change("project", "reference", json!(" padded ")),
                Some("not stored the way Normdesk writes it"),
            ),
            (
                change("project", "reference", json!("x".repeat(101))),
                Some("is 101 characters long; the limit is 100"),
            ),
            (
                change("project", "deleted", json!("yes")),
                Some("is not true or false"),
            ),
            (
                change("project", "track_months", json!(17)),
                Some("17 is not allowed"),
            ),
        ];
        for (c, want) in cases {
            match (c.check(), want) {
                (Ok(()), None) => {}
                (Err(e), Some(w)) => assert!(e.contains(w), "{e} lacks {w}"),
                (got, want) => panic!("{c:?}: got {got:?}, wanted {want:?}"),
            }
        }
        let mut bad = change("project", "reference", json!("ISO/CD 1"));
        bad.row = "0193C3A0-0000-7000-8000-0000000000F1".into();
        assert!(bad.check().unwrap_err().contains("project id"));
    }

    #[test]
    fn written_lines_parse_back_to_the_same_change() {
        let mut c = change("project", "title_zh", json!("无人驾驶 \"quoted\"\n"));
        c.prev = Some(Stamp {
            hlc: 3,
            replica: "0193c3a0-0000-7000-8000-000000000002".into(),
        });
        c.resolves = vec![Stamp {
            hlc: 4,
            replica: "0193c3a0-0000-7000-8000-000000000003".into(),
        }];
        let mut line = String::new();
        let resolves = serde_json::to_string(&c.resolves).unwrap();
        Change::write_line(
            &mut line,
            &c.replica,
            c.seq,
            c.hlc,
            &c.entity,
            &c.row,
            &c.field,
            &c.value.to_string(),
            Some((3, "0193c3a0-0000-7000-8000-000000000002")),
            Some(&resolves),
            &c.source,
        );
        assert!(line.ends_with('\n') && line.lines().count() == 1);
        assert_eq!(serde_json::from_str::<Change>(&line).unwrap(), c);
    }
}
