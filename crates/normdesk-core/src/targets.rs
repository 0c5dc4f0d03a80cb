//! Programme targets (the city plan's defaults are in `demo.rs`; every target is editable) and
//! their progress, computed live from the store. What each measure counts, exactly:
//!
//! - `international_projects` — live projects of the `international` tier whose `our_role` is
//!   `lead`, `co_lead` or `participate` (led or joined), except cancelled ones (stage code
//!   `xx.98`: abandoned, rejected or deleted). Published and withdrawn standards still count:
//!   they were led or joined.
//! - `experts_trained` — live people with at least one live training record.
//! - `organisations_in_city` — live organisations of kind `international_sdo` or `regional_sdo`
//!   whose `in_city` is true.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::enums::Measure;
use crate::error::Result;
use crate::projects::parse_id;
use crate::schema::TARGET;
use crate::typed::{self, to_fields};
use crate::writer::Writer;

/// Every editable field of a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TargetInput {
    pub name_en: String,
    pub name_zh: String,
    pub measure: Measure,
    pub goal: Option<u32>,
    pub deadline: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Target {
    pub id: String,
    #[serde(flatten)]
    pub fields: TargetInput,
}

/// A target with its progress now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TargetProgress {
    pub target: Target,
    /// What the measure counts in the store now.
    pub value: u32,
    /// value / goal in per cent, rounded down, capped at 100; 0 without a goal.
    pub percent: u32,
    pub reached: bool,
}

pub fn create(w: &mut Writer<'_>, input: TargetInput) -> Result<String> {
    w.create(&TARGET, to_fields(&input)?)
}

pub fn update(w: &mut Writer<'_>, id: &str, input: TargetInput) -> Result<()> {
    w.update(&TARGET, &parse_id(id)?, to_fields(&input)?)
        .map(drop)
}

pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&TARGET, &parse_id(id)?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Target> {
    let id = parse_id(id)?;
    Ok(Target {
        fields: typed::get(conn, &TARGET, &id)?,
        id,
    })
}

/// The SQL that counts a measure (see the module's rules).
fn measure_sql(measure: Measure) -> &'static str {
    match measure {
        Measure::InternationalProjects => {
            "SELECT count(*) FROM project WHERE deleted = 0 AND tier = 'international'
             AND our_role IN ('lead', 'co_lead', 'participate') AND stage NOT GLOB '*.98'"
        }
        Measure::ExpertsTrained => {
            "SELECT count(*) FROM person p WHERE p.deleted = 0
             AND EXISTS (SELECT 1 FROM training t WHERE t.person_id = p.id AND t.deleted = 0)"
        }
        Measure::OrganisationsInCity => {
            "SELECT count(*) FROM organisation WHERE deleted = 0 AND in_city = 1
             AND kind IN ('international_sdo', 'regional_sdo')"
        }
    }
}

/// What a measure counts in the store now.
pub fn measure(conn: &Connection, measure: Measure) -> Result<u32> {
    Ok(conn
        .prepare_cached(measure_sql(measure))?
        .query_row([], |r| r.get(0))?)
}

/// Every target with its progress, in name order; each measure is counted once.
pub fn progress(conn: &Connection) -> Result<Vec<TargetProgress>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM target WHERE deleted = 0 ORDER BY name_en, id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut counted: Vec<(Measure, u32)> = Vec::new();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let target = get(conn, &id)?;
        let m = target.fields.measure;
        let value = match counted.iter().find(|(k, _)| *k == m) {
            Some((_, v)) => *v,
            None => {
                let v = measure(conn, m)?;
                counted.push((m, v));
                v
            }
        };
        let goal = target.fields.goal.unwrap_or(0);
        let percent = if goal == 0 {
            0
        } else {
            ((u64::from(value) * 100) / u64::from(goal)).min(100) as u32
        };
        out.push(TargetProgress {
            reached: goal > 0 && value >= goal,
            percent,
            value,
            target,
        });
    }
    Ok(out)
}
