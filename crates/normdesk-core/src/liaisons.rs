//! The liaison register: relationships between our committees and outside organisations (or
//! other committees), each with a category, a representative, an established date and the date
//! of the last review — and the rule for when a review is due.
//!
//! *Review due* on `today`: the last review was 2 years or more before `today`; or, never
//! reviewed, the liaison was established 2 years or more before `today`. A liaison with neither
//! date is not flagged (there is nothing to count from). "2 years" is the calendar date two years
//! on (29 February counts to 28 February).

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use specta::Type;

use crate::enums::LiaisonCategory;
use crate::error::Result;
use crate::projects::{RefLabel, parse_id};
use crate::schema::LIAISON;
use crate::typed::{self, to_fields};
use crate::validate::parse_date;
use crate::writer::Writer;

/// Every editable field of a liaison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LiaisonInput {
    pub organisation_id: Option<String>,
    pub committee_id: Option<String>,
    pub category: LiaisonCategory,
    pub representative_id: Option<String>,
    pub established_date: Option<String>,
    pub last_review_date: Option<String>,
    pub note: String,
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Liaison {
    pub id: String,
    #[serde(flatten)]
    pub fields: LiaisonInput,
}

/// One row of the liaison register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LiaisonRow {
    pub id: String,
    pub organisation: Option<RefLabel>,
    pub committee: Option<RefLabel>,
    pub category: LiaisonCategory,
    pub representative: Option<RefLabel>,
    pub established_date: Option<String>,
    pub last_review_date: Option<String>,
    /// When the next review falls due (None when neither date is known).
    pub review_due_date: Option<String>,
    pub review_due: bool,
    pub note: String,
    pub sample: bool,
}

/// Filters for the liaison register.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct LiaisonQuery {
    pub committee_id: Option<String>,
    pub organisation_id: Option<String>,
    /// Only liaisons due for review on `today`.
    pub due_only: bool,
    pub today: Option<String>,
}

pub fn create(w: &mut Writer<'_>, input: LiaisonInput) -> Result<String> {
    w.create(&LIAISON, to_fields(&input)?)
}

pub fn update(w: &mut Writer<'_>, id: &str, input: LiaisonInput) -> Result<()> {
    w.update(&LIAISON, &parse_id(id)?, to_fields(&input)?)
        .map(drop)
}

/// Records a review on `date` (YYYY-MM-DD).
pub fn mark_reviewed(w: &mut Writer<'_>, id: &str, date: &str) -> Result<()> {
    let mut values = Map::new();
    values.insert("last_review_date".into(), Value::String(date.to_owned()));
    w.update(&LIAISON, &parse_id(id)?, values).map(drop)
}

pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&LIAISON, &parse_id(id)?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Liaison> {
    let id = parse_id(id)?;
    Ok(Liaison {
        fields: typed::get(conn, &LIAISON, &id)?,
        id,
    })
}

/// The date the next review falls due: two years after the last review, else after the
/// liaison was established.
pub fn review_due_date(established: Option<&str>, last_review: Option<&str>) -> Option<String> {
    let base = last_review
        .and_then(parse_date)
        .or_else(|| established.and_then(parse_date))?;
    let year = base.year() + 2;
    let due = NaiveDate::from_ymd_opt(year, base.month(), base.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, base.month(), base.day() - 1))?;
    Some(due.format("%Y-%m-%d").to_string())
}

/// Whether a review is due on `today` (see the module's rule).
pub fn review_due(established: Option<&str>, last_review: Option<&str>, today: &str) -> bool {
    review_due_date(established, last_review).is_some_and(|due| due.as_str() <= today)
}

/// The liaison register, by organisation then committee.
pub fn list(conn: &Connection, q: &LiaisonQuery) -> Result<Vec<LiaisonRow>> {
    let today = typed::today_or_now(q.today.as_deref())?;
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.organisation_id, o.acronym, l.committee_id, c.reference, l.category, l.representative_id,
                nullif(trim(coalesce(p.name_zh, '') || ' ' || coalesce(p.name_en, '')), ''),
                l.established_date, l.last_review_date, l.note, l.sample
         FROM liaison l
         LEFT JOIN organisation o ON o.id = l.organisation_id AND o.deleted = 0
         LEFT JOIN committee c ON c.id = l.committee_id AND c.deleted = 0
         LEFT JOIN person p ON p.id = l.representative_id AND p.deleted = 0
         WHERE l.deleted = 0 AND (?1 IS NULL OR l.committee_id = ?1) AND (?2 IS NULL OR l.organisation_id = ?2)
         ORDER BY o.acronym IS NULL, o.acronym, c.reference, l.id",
    )?;
    let label = |id: Option<String>, text: Option<String>| match (id, text) {
        (Some(id), Some(label)) => Some(RefLabel { id, label }),
        _ => None,
    };
    let rows = stmt.query_map(
        [q.committee_id.as_deref(), q.organisation_id.as_deref()],
        |r| {
            let established: Option<String> = r.get(8)?;
            let last: Option<String> = r.get(9)?;
            let due_date = review_due_date(established.as_deref(), last.as_deref());
            Ok(LiaisonRow {
                id: r.get(0)?,
                organisation: label(r.get(1)?, r.get(2)?),
                committee: label(r.get(3)?, r.get(4)?),
                category: LiaisonCategory::parse(&r.get::<_, String>(5)?)
                    .unwrap_or(LiaisonCategory::A),
                representative: label(r.get(6)?, r.get(7)?),
                review_due: due_date.as_deref().is_some_and(|d| d <= today.as_str()),
                review_due_date: due_date,
                established_date: established,
                last_review_date: last,
                note: r.get(10)?,
                sample: r.get(11)?,
            })
        },
    )?;
    let mut out: Vec<LiaisonRow> = rows.collect::<Result<_, _>>()?;
    if q.due_only {
        out.retain(|l| l.review_due);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_falls_due_two_years_after_the_last_review_or_the_start() {
        let cases = [
            (None, Some("2024-03-01"), "2026-02-28", false),
            (None, Some("2024-03-01"), "2026-03-01", true),
            (Some("2013-04-17"), None, "2026-01-01", true),
            (Some("2025-06-01"), None, "2026-01-01", false),
            (Some("2013-04-17"), Some("2025-06-01"), "2026-01-01", false),
            (None, Some("2024-02-29"), "2026-02-28", true),
            (None, None, "2099-01-01", false),
        ];
        for (established, last, today, due) in cases {
            assert_eq!(
                review_due(established, last, today),
                due,
                "{established:?} {last:?} {today}"
            );
        }
    }
}
