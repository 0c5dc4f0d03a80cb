//! The projects list query: filters, search, sort and one page, with the total count. Every
//! filter binds parameters; column names come only from the fixed [`ProjectSort`] match.

use rusqlite::{Connection, params_from_iter, types::Value as Sql};

use super::types::{ProjectPage, ProjectQuery, ProjectRow, ProjectSort};
use crate::enums::{Deliverable, OurRole, Tier};
use crate::error::{CoreError, Result};
use crate::{search, stages};

/// The default and largest page sizes.
pub const DEFAULT_PAGE: u32 = 100;
pub const MAX_PAGE: u32 = 1_000;

/// One page of projects for the list, and how many match in all.
pub fn list(conn: &Connection, q: &ProjectQuery) -> Result<ProjectPage> {
    let today = q.today.clone().unwrap_or_else(super::today);
    let mut filters: Vec<String> = vec!["p.deleted = 0".into()];
    let mut args: Vec<Sql> = Vec::new();
    // The search index holds live projects only, so with nothing but a search the total is the
    // number of index matches: no table row needs reading to count.
    let mut count_sql = None;
    let bind = |args: &mut Vec<Sql>, v: Sql| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(expr) = search::match_expr(&q.search) {
        let n = bind(&mut args, Sql::Text(expr));
        filters.push(format!(
            "p.rowid IN (SELECT rowid FROM project_fts WHERE project_fts MATCH {n})"
        ));
        count_sql = Some(format!(
            "SELECT count(*) FROM project_fts WHERE project_fts MATCH {n}"
        ));
    }
    if let Some(tier) = q.tier {
        let n = bind(&mut args, Sql::Text(Tier::as_str(tier).into()));
        filters.push(format!("p.tier = {n}"));
    }
    if let Some(d) = q.deliverable {
        let n = bind(&mut args, Sql::Text(Deliverable::as_str(d).into()));
        filters.push(format!("p.deliverable = {n}"));
    }
    if let Some(key) = q.stage_group.as_deref().filter(|k| !k.is_empty()) {
        let group = stages::group_by_key(key).ok_or_else(|| {
            CoreError::invalid("stage_group", format!("unknown stage group '{key}'"))
        })?;
        // A range, not GLOB: a bound GLOB pattern cannot use the stage index.
        let from = bind(&mut args, Sql::Text(format!("{}.00", group.group)));
        let to = bind(&mut args, Sql::Text(format!("{}.99", group.group)));
        filters.push(format!("p.stage BETWEEN {from} AND {to}"));
    }
    if let Some(c) = q.committee_id.as_deref().filter(|c| !c.is_empty()) {
        let n = bind(&mut args, Sql::Text(c.into()));
        filters.push(format!("p.committee_id = {n}"));
    }
    if let Some(r) = q.our_role {
        let n = bind(&mut args, Sql::Text(OurRole::as_str(r).into()));
        filters.push(format!("p.our_role = {n}"));
    }
    // `today` is checked to be a plain date, so it can stand in the SQL text: the overdue
    // expression then needs no parameter in both the count and the page query.
    let today = crate::validate::parse_date(&today).ok_or_else(|| {
        CoreError::invalid(
            "today",
            format!("'{today}' is not a date; write it as YYYY-MM-DD"),
        )
    })?;
    let overdue =
        format!("(p.limit_date < '{today}' AND p.stage < '60.60' AND p.stage NOT GLOB '*.98')");
    if q.overdue {
        filters.push(overdue.clone());
    }
    let filter_sql = filters.join(" AND ");

    let count_sql = match count_sql {
        Some(sql) if filters.len() == 2 => sql,
        _ => format!("SELECT count(*) FROM project p WHERE {filter_sql}"),
    };
    let total: u32 = conn
        .prepare_cached(&count_sql)?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;

    // Each order matches an index of 0001_init.sql exactly, so a page is read off the index.
    // Empty dates sort after all dates (before them when descending).
    let dir = if q.descending { "DESC" } else { "ASC" };
    let order = match q.sort {
        ProjectSort::Reference => format!("p.reference {dir}, p.id {dir}"),
        ProjectSort::Title => format!("p.title_en {dir}, p.reference {dir}, p.id {dir}"),
        ProjectSort::Stage => format!("p.stage {dir}, p.reference {dir}, p.id {dir}"),
        ProjectSort::TargetDate => {
            format!(
                "p.target_date IS NULL {dir}, p.target_date {dir}, p.reference {dir}, p.id {dir}"
            )
        }
        ProjectSort::LimitDate => {
            format!("p.limit_date IS NULL {dir}, p.limit_date {dir}, p.reference {dir}, p.id {dir}")
        }
    };
    let limit = match q.limit {
        0 => DEFAULT_PAGE,
        n => n.min(MAX_PAGE),
    };
    let sql = format!(
        "SELECT p.id, p.reference, p.title_en, p.title_zh, p.tier, p.deliverable, p.stage, p.our_role,
                c.reference, p.target_date, p.limit_date, {overdue}, p.sample
         FROM project p LEFT JOIN committee c ON c.id = p.committee_id
         WHERE {filter_sql}
         ORDER BY {order}
         LIMIT {limit} OFFSET {}",
        q.offset
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(args.iter()), |r| {
            Ok(ProjectRow {
                id: r.get(0)?,
                reference: r.get(1)?,
                title_en: r.get(2)?,
                title_zh: r.get(3)?,
                tier: parse_enum(r.get::<_, String>(4)?, Tier::parse, Tier::International),
                deliverable: parse_enum(
                    r.get::<_, String>(5)?,
                    Deliverable::parse,
                    Deliverable::Is,
                ),
                stage: r.get(6)?,
                our_role: parse_enum(r.get::<_, String>(7)?, OurRole::parse, OurRole::Participate),
                committee_reference: r.get(8)?,
                target_date: r.get(9)?,
                limit_date: r.get(10)?,
                overdue: r.get::<_, Option<bool>>(11)?.unwrap_or(false),
                sample: r.get(12)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ProjectPage {
        total,
        offset: q.offset,
        rows,
    })
}

/// Stored enum values are validated on write; a value this build does not know (written by a
/// newer version) shows as `fallback` rather than failing the whole list.
fn parse_enum<T>(text: String, parse: fn(&str) -> Option<T>, fallback: T) -> T {
    parse(&text).unwrap_or(fallback)
}
