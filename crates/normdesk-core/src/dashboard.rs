//! The dashboard: what needs attention on a given day, and the programme targets with their
//! progress. Each section gives its total and the first [`SECTION_ROWS`] items, most urgent first:
//!
//! - statements whose deadline is within the next 14 days or has passed, still pending or
//!   approved (posted and dead ones need nothing);
//! - liaisons due for review ([`crate::liaisons`] has the rule);
//! - projects past their limit date and not published (stage below 60.60, not cancelled);
//! - memberships ending within 60 days (from today to today + 60, inclusive).
//!
//! Statements, projects and roles are read through the partial indexes of migration 0002, so a
//! section reads only the rows it counts or shows (a test checks the query plans).

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

// Each section's condition, shared by its count and its items. The conditions state the
// partial indexes' WHERE clauses term for term (migration 0002), so SQLite can use them.

/// Open statements (pending or approved) whose deadline is on or before ?1 (index
/// `statement_open_deadline`).
macro_rules! statements_due {
    () => {
        "deleted = 0 AND state IN ('pending', 'approved') AND deadline IS NOT NULL AND deadline <= ?1"
    };
}
const STATEMENTS_DUE_COUNT: &str =
    concat!("SELECT count(*) FROM statement WHERE ", statements_due!());
const STATEMENTS_DUE: &str = concat!(
    "SELECT id, title, direction, purpose, state, deadline FROM statement WHERE ",
    statements_due!(),
    " ORDER BY deadline, id LIMIT ?2"
);

/// Live projects neither published nor cancelled whose limit date is before ?1 (index
/// `project_unpublished_by_limit`; `limit_date < ?1` leaves out projects without one).
macro_rules! projects_late {
    () => {
        "deleted = 0 AND stage < '60.60' AND stage NOT GLOB '*.98' AND limit_date < ?1"
    };
}
const PROJECTS_LATE_COUNT: &str = concat!("SELECT count(*) FROM project WHERE ", projects_late!());
const PROJECTS_LATE: &str = concat!(
    "SELECT id, reference, title_en, title_zh, stage, limit_date FROM project WHERE ",
    projects_late!(),
    " ORDER BY limit_date, reference, id LIMIT ?2"
);

/// Live roles ending between ?1 and ?2 inclusive (index `membership_by_end`).
macro_rules! roles_ending {
    () => {
        "m.deleted = 0 AND m.end_date IS NOT NULL AND m.end_date BETWEEN ?1 AND ?2"
    };
}
const ROLES_ENDING_COUNT: &str =
    concat!("SELECT count(*) FROM membership m WHERE ", roles_ending!());
const ROLES_ENDING: &str = concat!(
    "SELECT m.id, m.person_id, trim(coalesce(p.name_zh, '') || ' ' || coalesce(p.name_en, '')), m.committee_id,
            coalesce(c.reference, ''), m.role, m.end_date
     FROM membership m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN committee c ON c.id = m.committee_id
     WHERE ",
    roles_ending!(),
    " ORDER BY m.end_date, m.id LIMIT ?3"
);

/// The dashboard for `today` (YYYY-MM-DD; defaults to the local date).
pub fn dashboard(conn: &Connection, today: Option<&str>) -> Result<Dashboard> {
    let today = today_or_now(today)?;
    let horizon = add_days(&today, DEADLINE_DAYS)?;
    let ending = add_days(&today, ENDING_DAYS)?;
    let limit = SECTION_ROWS as i64;

    let total: u32 = conn
        .prepare_cached(STATEMENTS_DUE_COUNT)?
        .query_row([&horizon], |r| r.get(0))?;
    let items = conn
        .prepare_cached(STATEMENTS_DUE)?
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

    let total: u32 = conn
        .prepare_cached(PROJECTS_LATE_COUNT)?
        .query_row([&today], |r| r.get(0))?;
    let items = conn
        .prepare_cached(PROJECTS_LATE)?
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

    let total: u32 = conn
        .prepare_cached(ROLES_ENDING_COUNT)?
        .query_row([&today, &ending], |r| r.get(0))?;
    let items = conn
        .prepare_cached(ROLES_ENDING)?
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The query plan's lines, as `EXPLAIN QUERY PLAN` words them.
    fn plan(conn: &Connection, sql: &str) -> String {
        let params: Vec<&str> = vec!["2026-11-27"; sql.matches('?').count()];
        conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(rusqlite::params_from_iter(params), |r| {
                r.get::<_, String>(3)
            })
            .unwrap()
            .collect::<std::result::Result<Vec<_>, _>>()
            .unwrap()
            .join(" / ")
    }

    #[test]
    fn each_section_reads_its_index_in_order() {
        let store = crate::Store::open_in_memory().unwrap();
        let cases = [
            (
                STATEMENTS_DUE_COUNT,
                "SEARCH statement USING COVERING INDEX statement_open_deadline",
            ),
            (
                STATEMENTS_DUE,
                "SEARCH statement USING INDEX statement_open_deadline",
            ),
            (
                PROJECTS_LATE_COUNT,
                "SEARCH project USING COVERING INDEX project_unpublished_by_limit",
            ),
            (
                PROJECTS_LATE,
                "SEARCH project USING INDEX project_unpublished_by_limit",
            ),
            (
                ROLES_ENDING_COUNT,
                "SEARCH m USING COVERING INDEX membership_by_end",
            ),
            (ROLES_ENDING, "SEARCH m USING INDEX membership_by_end"),
        ];
        for (sql, wanted) in cases {
            let plan = plan(store.conn(), sql);
            assert!(
                plan.starts_with(wanted),
                "{sql}\n  plan: {plan}\n  wanted: {wanted}"
            );
            assert!(
                !plan.contains("TEMP B-TREE"),
                "sorted without the index: {plan}"
            );
        }
    }
}
