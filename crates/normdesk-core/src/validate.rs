//! Validation of field values and of whole records. Field rules come from the schema table
//! ([`crate::schema`]); record rules (a reference that fits its tier, a limit date after the
//! start) live here. Every error names the field and says what is expected.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::enums::{StatementState, Tier};
use crate::error::{CoreError, Result};
use crate::schema::{EntitySpec, FieldKind, FieldSpec};
use crate::stages;

/// Checks one field value and returns it normalised (single-line text trimmed).
pub fn field(spec: &FieldSpec, value: &Value) -> Result<Value> {
    let name = spec.name;
    let bad = |message: String| Err(CoreError::invalid(name, message));
    match (spec.kind, value) {
        (FieldKind::Line { max }, Value::String(text)) => {
            let text = text.trim();
            if text.contains(['\n', '\r']) {
                return bad("must be a single line".into());
            }
            check_len(name, text, max)?;
            Ok(Value::String(text.to_owned()))
        }
        (FieldKind::Text { max }, Value::String(text)) => {
            check_len(name, text, max)?;
            Ok(Value::String(text.clone()))
        }
        (FieldKind::Line { .. } | FieldKind::Text { .. }, Value::Null) => {
            Ok(Value::String(String::new()))
        }
        (FieldKind::Enum(values), Value::String(text)) if values.contains(&text.as_str()) => {
            Ok(value.clone())
        }
        (FieldKind::Enum(values), _) => {
            let named: Vec<&str> = values.iter().copied().filter(|v| !v.is_empty()).collect();
            let empty = if named.len() < values.len() {
                " (or leave it empty)"
            } else {
                ""
            };
            bad(format!(
                "unknown value {}; use one of: {}{empty}",
                show(value),
                named.join(", ")
            ))
        }
        (FieldKind::Stage, Value::String(code)) if stages::find(code).is_some() => {
            Ok(value.clone())
        }
        (FieldKind::Stage, _) => bad(format!(
            "unknown stage code {}; use a harmonized code such as 30.20 (see `normdesk stages`)",
            show(value)
        )),
        (
            FieldKind::Date
            | FieldKind::Ref(_)
            | FieldKind::OwnerRef { .. }
            | FieldKind::Int { .. }
            | FieldKind::OneOf(_),
            Value::Null,
        ) => Ok(Value::Null),
        (FieldKind::Date, Value::String(text)) if text.is_empty() => Ok(Value::Null),
        (FieldKind::Date, Value::String(text)) => match parse_date(text) {
            Some(_) => Ok(value.clone()),
            None => bad(format!(
                "{} is not a date; write it as YYYY-MM-DD",
                show(value)
            )),
        },
        (FieldKind::Ref(_) | FieldKind::OwnerRef { .. }, Value::String(text))
            if text.is_empty() =>
        {
            Ok(Value::Null)
        }
        (FieldKind::Ref(_) | FieldKind::OwnerRef { .. }, Value::String(text)) => {
            match uuid::Uuid::parse_str(text) {
                Ok(id) => Ok(Value::String(id.hyphenated().to_string())),
                Err(_) => {
                    let kind = match spec.kind {
                        FieldKind::Ref(kind) => kind,
                        _ => "record",
                    };
                    bad(format!("{} is not a {kind} id (a UUID)", show(value)))
                }
            }
        }
        (FieldKind::Int { min, max }, Value::Number(n)) => match n.as_i64() {
            Some(v) if (min..=max).contains(&v) => Ok(Value::from(v)),
            _ => bad(format!(
                "{n} is out of range; use a whole number from {min} to {max}"
            )),
        },
        (FieldKind::OneOf(allowed), Value::Number(n)) => match n.as_i64() {
            Some(v) if allowed.contains(&v) => Ok(Value::from(v)),
            _ => bad(format!(
                "{n} is not allowed; use one of: {}",
                join_numbers(allowed)
            )),
        },
        (FieldKind::Bool, Value::Bool(_)) => Ok(value.clone()),
        (FieldKind::Timestamp, Value::String(text))
            if chrono::DateTime::parse_from_rfc3339(text).is_ok() =>
        {
            Ok(value.clone())
        }
        (FieldKind::Timestamp, _) => bad(format!("{} is not a timestamp (RFC 3339)", show(value))),
        (kind, _) => bad(format!("{} is not {}", show(value), expected(kind))),
    }
}

/// Parses a field from the text a person typed (`field=value` on the CLI, a CSV cell).
pub fn parse_text(spec: &FieldSpec, text: &str) -> Result<Value> {
    let value = match spec.kind {
        FieldKind::Bool => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Value::Bool(true),
            "false" | "no" | "0" | "" => Value::Bool(false),
            _ => {
                return Err(CoreError::invalid(
                    spec.name,
                    format!("'{text}' is not true or false"),
                ));
            }
        },
        FieldKind::Int { .. } | FieldKind::OneOf(_) => match text.trim() {
            "" => Value::Null,
            t => match t.parse::<i64>() {
                Ok(v) => Value::from(v),
                Err(_) => {
                    return Err(CoreError::invalid(
                        spec.name,
                        format!("'{text}' is not a whole number"),
                    ));
                }
            },
        },
        _ => Value::String(text.to_owned()),
    };
    field(spec, &value)
}

/// Parses `YYYY-MM-DD` strictly.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Checks a whole record (all fields present, after defaults) against the record rules.
pub fn record(spec: &EntitySpec, values: &Map<String, Value>) -> Result<()> {
    for field in spec.fields.iter().filter(|f| f.required) {
        let empty = match values.get(field.name) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            _ => false,
        };
        if empty {
            return Err(CoreError::invalid(field.name, "is required"));
        }
    }
    match spec.name {
        "project" => project(values),
        "membership" => date_order(
            values,
            "start_date",
            "end_date",
            "the end date is before the start date",
        ),
        "statement" => statement(values),
        "person" => person(values),
        "liaison" => date_order(
            values,
            "established_date",
            "last_review_date",
            "the last review is before the liaison was established",
        ),
        "attachment" => attachment(values),
        _ => Ok(()),
    }
}

/// Checks a change to a live record against the rules that depend on the value before: a
/// statement's state moves only along [`next_states`].
pub fn change(
    spec: &EntitySpec,
    before: &Map<String, Value>,
    after: &Map<String, Value>,
) -> Result<()> {
    if spec.name == "attachment" {
        for name in ["owner_kind", "owner_id", "sha256", "size"] {
            if before.get(name) != after.get(name) {
                return Err(CoreError::invalid(
                    name,
                    "an attachment's file cannot change; remove it and add the new file",
                ));
            }
        }
    }
    if spec.name == "statement" {
        let (from, to) = (text(before, "state"), text(after, "state"));
        if from != to {
            let (Some(from_state), Some(to_state)) =
                (StatementState::parse(from), StatementState::parse(to))
            else {
                return Ok(());
            };
            let allowed = next_states(from_state);
            if !allowed.contains(&to_state) {
                let names: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
                return Err(CoreError::invalid(
                    "state",
                    format!(
                        "a statement cannot go from {from} to {to}; from {from} the next states are: {}",
                        names.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The states a liaison statement may move to from `state`: pending → approved → posted, any
/// state → dead, and dead → pending (resurrected).
pub fn next_states(state: StatementState) -> &'static [StatementState] {
    use StatementState::*;
    match state {
        Pending => &[Approved, Dead],
        Approved => &[Posted, Dead],
        Posted => &[Dead],
        Dead => &[Pending],
    }
}

fn attachment(v: &Map<String, Value>) -> Result<()> {
    let digest = text(v, "sha256");
    if digest.len() != 64
        || !digest
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(CoreError::invalid(
            "sha256",
            format!("'{digest}' is not a SHA-256 digest (64 lower-case hex digits)"),
        ));
    }
    Ok(())
}

fn project(v: &Map<String, Value>) -> Result<()> {
    if text(v, "title_en").is_empty() && text(v, "title_zh").is_empty() {
        return Err(CoreError::invalid(
            "title_en",
            "give a title in English or in Chinese (or both)",
        ));
    }
    let tier = Tier::parse(text(v, "tier")).unwrap_or(Tier::International);
    let reference = text(v, "reference");
    if !reference_fits(tier, reference) {
        return Err(CoreError::invalid(
            "reference",
            format!(
                "'{reference}' does not look like a {} reference; {}",
                tier,
                reference_hint(tier)
            ),
        ));
    }
    let deliverable = text(v, "deliverable");
    if !deliverables_for(tier).contains(&deliverable) {
        return Err(CoreError::invalid(
            "deliverable",
            format!(
                "{deliverable} is not a deliverable of the {tier} tier; use one of: {}",
                deliverables_for(tier).join(", ")
            ),
        ));
    }
    date_order(
        v,
        "start_date",
        "limit_date",
        "the limit date is before the project started",
    )?;
    date_order(
        v,
        "start_date",
        "target_date",
        "the target date is before the project started",
    )
}

fn statement(v: &Map<String, Value>) -> Result<()> {
    let purpose = text(v, "purpose");
    if matches!(purpose, "action" | "comment") && v.get("deadline").is_none_or(Value::is_null) {
        return Err(CoreError::invalid(
            "deadline",
            format!("a statement for {purpose} needs a deadline"),
        ));
    }
    Ok(())
}

fn person(v: &Map<String, Value>) -> Result<()> {
    if text(v, "name_zh").is_empty() && text(v, "name_en").is_empty() {
        return Err(CoreError::invalid(
            "name_en",
            "give the name in Chinese or in Latin script",
        ));
    }
    let email = text(v, "email");
    if !email.is_empty() && !looks_like_email(email) {
        return Err(CoreError::invalid(
            "email",
            format!("'{email}' is not an e-mail address"),
        ));
    }
    Ok(())
}

fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((user, host)) => {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !email.contains(' ')
        }
        None => false,
    }
}

/// The deliverable types that belong to a tier.
pub fn deliverables_for(tier: Tier) -> &'static [&'static str] {
    match tier {
        Tier::International | Tier::Regional => {
            &["IS", "TS", "TR", "PAS", "IWA", "Guide", "Amd", "Cor"]
        }
        Tier::National => &["GB", "GB/T", "GB/Z"],
        Tier::Sector => &["sector"],
        Tier::Local => &["DB", "DB/T"],
        Tier::Group => &["T"],
        Tier::Enterprise => &["Q"],
    }
}

/// Whether a reference has the shape of its tier: "ISO/CD 21384-5", "GB/T 39910-2021",
/// "JB/T 1234-2020", "DB4403/T 298-2022", "T/CAS 290-2017", "Q/SZX 001-2026".
pub fn reference_fits(tier: Tier, reference: &str) -> bool {
    let r = reference.trim();
    if r.is_empty() || r.chars().count() > 100 || !r.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let (head, rest) = match r.split_once(' ') {
        Some((head, rest)) if !rest.trim().is_empty() => (head, rest),
        _ => return false,
    };
    let _ = rest;
    match tier {
        Tier::International => ["ISO", "IEC", "ITU", "IEEE", "IWA"]
            .iter()
            .any(|p| head.starts_with(p)),
        Tier::Regional => head.chars().next().is_some_and(|c| c.is_ascii_uppercase()),
        Tier::National => matches!(head, "GB" | "GB/T" | "GB/Z") || head.starts_with("GB/"),
        Tier::Sector => {
            let code = head
                .strip_suffix("/T")
                .or_else(|| head.strip_suffix("/Z"))
                .unwrap_or(head);
            (2..=4).contains(&code.len())
                && code.chars().all(|c| c.is_ascii_uppercase())
                && !code.starts_with("GB")
                && code != "DB"
        }
        Tier::Local => {
            let code = head.strip_suffix("/T").unwrap_or(head);
            code.strip_prefix("DB").is_some_and(|d| {
                (2..=6).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit())
            })
        }
        Tier::Group => head
            .strip_prefix("T/")
            .is_some_and(|org| !org.is_empty() && org.chars().all(|c| c.is_ascii_alphanumeric())),
        Tier::Enterprise => head.strip_prefix("Q/").is_some_and(|org| !org.is_empty()),
    }
}

fn reference_hint(tier: Tier) -> &'static str {
    match tier {
        Tier::International => "write it like ISO/CD 21384-5, IEC 62443-4-2 or ITU-T Y.4000",
        Tier::Regional => "write it like EN 17640 or CEN/TS 17880",
        Tier::National => "write it like GB/T 39910-2021",
        Tier::Sector => "write it like JB/T 1234-2020 or YY/T 0287-2017",
        Tier::Local => "write it like DB4403/T 298-2022 or DB44/T 1146-2013",
        Tier::Group => "write it like T/CAS 290-2017",
        Tier::Enterprise => "write it like Q/SZX 001-2026",
    }
}

fn date_order(v: &Map<String, Value>, first: &str, second: &str, message: &str) -> Result<()> {
    let a = v.get(first).and_then(Value::as_str).and_then(parse_date);
    let b = v.get(second).and_then(Value::as_str).and_then(parse_date);
    match (a, b) {
        (Some(a), Some(b)) if b < a => {
            Err(CoreError::invalid(second, format!("{message} ({b} < {a})")))
        }
        _ => Ok(()),
    }
}

fn text<'a>(v: &'a Map<String, Value>, name: &str) -> &'a str {
    v.get(name)
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or("")
}

fn check_len(name: &str, text: &str, max: usize) -> Result<()> {
    let len = text.chars().count();
    if len > max {
        return Err(CoreError::invalid(
            name,
            format!("is {len} characters long; the limit is {max}"),
        ));
    }
    Ok(())
}

fn show(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

fn join_numbers(values: &[i64]) -> String {
    values
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn expected(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Line { .. } | FieldKind::Text { .. } => "text",
        FieldKind::Bool => "true or false",
        FieldKind::Int { .. } | FieldKind::OneOf(_) => "a whole number",
        FieldKind::Date => "a date (YYYY-MM-DD)",
        FieldKind::Ref(_) | FieldKind::OwnerRef { .. } => "an id (UUID)",
        _ => "a valid value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_fit_their_tier() {
        let cases = [
            (Tier::International, "ISO/CD 21384-5", true),
            (Tier::International, "ISO/IEC 42001:2023", true),
            (Tier::International, "ITU-T Y.4000", true),
            (Tier::International, "GB/T 39910-2021", false),
            (Tier::International, "ISO", false),
            (Tier::National, "GB/T 39910-2021", true),
            (Tier::National, "GB 4943.1-2022", true),
            (Tier::National, "DB4403/T 298-2022", false),
            (Tier::Sector, "JB/T 1234-2020", true),
            (Tier::Sector, "GB/T 1-2020", false),
            (Tier::Local, "DB4403/T 298-2022", true),
            (Tier::Local, "DB44/T 1146-2013", true),
            (Tier::Local, "DBX/T 1-2020", false),
            (Tier::Group, "T/CAS 290-2017", true),
            (Tier::Group, "T/ 290-2017", false),
            (Tier::Enterprise, "Q/SZX 001-2026", true),
            (Tier::Enterprise, "", false),
        ];
        for (tier, reference, fits) in cases {
            assert_eq!(reference_fits(tier, reference), fits, "{tier} {reference}");
        }
    }

    #[test]
    fn dates_are_strict() {
        for (text, ok) in [
            ("2026-02-28", true),
            ("2026-02-30", false),
            ("2026-2-3", false),
            ("26-02-03", false),
        ] {
            assert_eq!(parse_date(text).is_some(), ok, "{text}");
        }
    }
}
