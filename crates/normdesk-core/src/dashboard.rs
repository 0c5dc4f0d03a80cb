//! The dashboard: what needs attention on a given day, and the programme targets with their
//! progress. Each section gives its total and the first [`SECTION_ROWS`] items, most urgent first:
//!
//! - statements whose deadline is within the next 14 days or has passed, still pending or
//!   approved (posted and dead ones need nothing);
//! - liaisons due for review ([`crate::liaisons`] has the rule);
//! - projects past their limit date and not published (stage below 60.60, not cancelled);
//! - memberships ending within 60 days (from today to today + 60, inclusive).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::enums::{Direction, Purpose, Role, StatementState};
use crate::error::Result;
use crate::liaisons::{self, LiaisonQuery, LiaisonRow};
use crate::targets::{self, TargetProgress};
use crate::typed::{add_days, days_between, today_or_now};

/// Items shown per section (the total says how many there are).
pub const SECTION_ROWS: usize = 50;

/// Days ahead for statement deadlines and membership ends.
pub const DEADLINE_DAYS: i64 = 14;
pub const ENDING_DAYS: i64 = 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DueStatement {
    pub id: String,
    pub title: String,
    pub direction: Direction,
    pub purpose: Purpose,
    pub state: StatementState,
    pub deadline: String,
    /// Negative when overdue.
    pub days_left: i32,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct OverdueProject {
    pub id: String,
    pub reference: String,
    pub title_en: String,
    pub title_zh: String,
    pub stage: String,
    pub limit_date: String,
    pub days_over: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct EndingMembership {
    pub id: String,
    pub person_id: String,
    pub person: String,
    pub committee_id: String,
    pub committee: String,
    pub role: Role,
    pub end_date: String,
    pub days_left: i32,
}

/// A section: how many items there are, and the first ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Section<T> {
    pub total: u32,
    pub items: Vec<T>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Dashboard {
    pub today: String,
    pub statements: Section<DueStatement>,
    pub liaisons: Section<LiaisonRow>,
    pub projects: Section<OverdueProject>,
    pub memberships: Section<EndingMembership>,
    pub targets: Vec<TargetProgress>,
}

/// The dashboard for `today` (YYYY-MM-DD; defaults to the local date).
pub fn dashboard(conn: &Connection, today: Option<&str>) -> Result<Dashboard> {
    let today = today_or_now(today)?;
    let horizon = add_days(&today, DEADLINE_DAYS)?;
    let ending = add_days(&today, ENDING_DAYS)?;
    let limit = SECTION_ROWS as i64;

    let open = "deleted = 0 AND state IN ('pending', 'approved') AND deadline IS NOT NULL AND deadline <= ?1";
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM statement WHERE {open}"))?
        .query_row([&horizon], |r| r.get(0))?;
    let items = conn
        .prepare_cached(&format!(
            "SELECT id, title, direction, purpose, state, deadline FROM statement WHERE {open}
             ORDER BY deadline, id LIMIT ?2"
        ))?
        .query_map(rusqlite::params![horizon, limit], |r| {
            let deadline: String = r.get(5)?;
            let days = days_between(&today, &deadline) as i32;
            Ok(DueStatement {
                id: r.get(0)?,
                title: r.get(1)?,
                direction: Direction::parse(&r.get::<_, String>(2)?).unwrap_or(Direction::Incoming),
                purpose: Purpose::parse(&r.get::<_, String>(3)?).unwrap_or(Purpose::Information),
                state: StatementState::parse(&r.get::<_, String>(4)?)
                    .unwrap_or(StatementState::Pending),
                deadline,
                days_left: days,
                overdue: days < 0,
            })
        })?
        .collect::<Result<_, _>>()?;
    let statements = Section { total, items };

    let mut due = liaisons::list(
        conn,
        &LiaisonQuery {
            due_only: true,
            today: Some(today.clone()),
            ..Default::default()
        },
    )?;
    due.sort_by(|a, b| a.review_due_date.cmp(&b.review_due_date));
    let liaisons = Section {
        total: due.len() as u32,
        items: due.into_iter().take(SECTION_ROWS).collect(),
    };

    let late = "deleted = 0 AND (limit_date IS NULL) = 0 AND limit_date < ?1 AND stage < '60.60' AND stage NOT GLOB '*.98'";
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM project WHERE {late}"))?
        .query_row([&today], |r| r.get(0))?;
    let items = conn
        .prepare_cached(&format!(
            "SELECT id, reference, title_en, title_zh, stage, limit_date FROM project WHERE {late}
             ORDER BY (limit_date IS NULL), limit_date, reference, id LIMIT ?2"
        ))?
        .query_map(rusqlite::params![today, limit], |r| {
            let limit_date: String = r.get(5)?;
            Ok(OverdueProject {
                id: r.get(0)?,
                reference: r.get(1)?,
                title_en: r.get(2)?,
                title_zh: r.get(3)?,
                stage: r.get(4)?,
                days_over: days_between(&limit_date, &today) as i32,
                limit_date,
            })
        })?
        .collect::<Result<_, _>>()?;
    let projects = Section { total, items };

    let ends = "m.deleted = 0 AND m.end_date BETWEEN ?1 AND ?2";
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM membership m WHERE {ends}"))?
        .query_row([&today, &ending], |r| r.get(0))?;
    let items = conn
        .prepare_cached(&format!(
            "SELECT m.id, m.person_id, trim(coalesce(p.name_zh, '') || ' ' || coalesce(p.name_en, '')), m.committee_id,
                    coalesce(c.reference, ''), m.role, m.end_date
             FROM membership m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN committee c ON c.id = m.committee_id
             WHERE {ends} ORDER BY m.end_date, m.id LIMIT ?3"
        ))?
        .query_map(rusqlite::params![today, ending, limit], |r| {
            let end_date: String = r.get(6)?;
            Ok(EndingMembership {
                id: r.get(0)?,
                person_id: r.get(1)?,
                person: r.get(2)?,
                committee_id: r.get(3)?,
                committee: r.get(4)?,
                role: Role::parse(&r.get::<_, String>(5)?).unwrap_or(Role::Member),
                days_left: days_between(&today, &end_date) as i32,
                end_date,
            })
        })?
        .collect::<Result<_, _>>()?;
    let memberships = Section { total, items };

    Ok(Dashboard {
        targets: targets::progress(conn)?,
        today,
        statements,
        liaisons,
        projects,
        memberships,
    })
}
