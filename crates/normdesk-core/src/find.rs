//! Search across every register from one box: projects, committees, people, organisations,
//! liaisons and statements, grouped by kind, each group with its total and its first hits. The
//! matching is [`crate::search`]'s (Chinese substrings, English word prefixes; every term must
//! match), run on each kind's own FTS table. A liaison is found by its note and also by its
//! organisation's or committee's words ("IEEE" finds the SC 42 ↔ IEEE SA liaison).

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::Result;
use crate::search::match_expr;

/// The kinds the search box covers, in the order their groups are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Project,
    Committee,
    Person,
    Organisation,
    Liaison,
    Statement,
}

/// One hit: what to show and where to go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SearchHit {
    pub id: String,
    pub kind: SearchKind,
    /// "ISO/CD 21384-5", "李明 Li Ming", "IEEE SA ↔ ISO/IEC JTC 1/SC 42"
    pub label: String,
    /// A title, an e-mail, a state and deadline: the line under the label.
    pub secondary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SearchGroup {
    pub kind: SearchKind,
    /// How many records of this kind match.
    pub total: u32,
    pub hits: Vec<SearchHit>,
}

/// Only kinds with at least one hit have a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SearchResults {
    pub query: String,
    pub groups: Vec<SearchGroup>,
}

/// (kind, FROM … WHERE with ?1 = the MATCH expression, label, secondary, order).
const KINDS: &[(SearchKind, &str, &str, &str, &str)] = &[
    (
        SearchKind::Project,
        "project x WHERE x.deleted = 0 AND x.rowid IN (SELECT rowid FROM project_fts WHERE project_fts MATCH ?1)",
        "x.reference",
        "trim(x.title_zh || ' ' || x.title_en)",
        "x.reference",
    ),
    (
        SearchKind::Committee,
        "committee x WHERE x.deleted = 0 AND x.rowid IN (SELECT rowid FROM committee_fts WHERE committee_fts MATCH ?1)",
        "x.reference",
        "trim(x.title_zh || ' ' || x.title_en)",
        "x.reference",
    ),
    (
        SearchKind::Person,
        "person x LEFT JOIN organisation o ON o.id = x.organisation_id AND o.deleted = 0
         WHERE x.deleted = 0 AND x.rowid IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?1)",
        "trim(x.name_zh || ' ' || x.name_en)",
        "trim(x.email || CASE WHEN o.acronym IS NULL THEN '' ELSE ' · ' || o.acronym END)",
        "x.name_en, x.name_zh",
    ),
    (
        SearchKind::Organisation,
        "organisation x WHERE x.deleted = 0 AND x.rowid IN (SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH ?1)",
        "x.acronym",
        "trim(x.name_zh || ' ' || x.name_en)",
        "x.acronym",
    ),
    (
        SearchKind::Liaison,
        "liaison x LEFT JOIN organisation o ON o.id = x.organisation_id AND o.deleted = 0
         LEFT JOIN committee c ON c.id = x.committee_id AND c.deleted = 0
         WHERE x.deleted = 0 AND (x.rowid IN (SELECT rowid FROM liaison_fts WHERE liaison_fts MATCH ?1)
            OR o.rowid IN (SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH ?1)
            OR c.rowid IN (SELECT rowid FROM committee_fts WHERE committee_fts MATCH ?1))",
        "trim(coalesce(o.acronym, '') || ' ↔ ' || coalesce(c.reference, ''))",
        "trim('category ' || x.category || ' ' || x.note)",
        "o.acronym, c.reference",
    ),
    (
        SearchKind::Statement,
        "statement x WHERE x.deleted = 0 AND x.rowid IN (SELECT rowid FROM statement_fts WHERE statement_fts MATCH ?1)",
        "x.title",
        "x.direction || ' · ' || x.state || coalesce(' · ' || x.deadline, '')",
        "x.deadline IS NULL, x.deadline DESC",
    ),
];

/// Searches every register; each group holds at most `per_kind` hits (0 = 5). An empty query
/// finds nothing.
pub fn everywhere(conn: &Connection, query: &str, per_kind: u32) -> Result<SearchResults> {
    let per_kind = if per_kind == 0 { 5 } else { per_kind.min(200) };
    let mut groups = Vec::new();
    if let Some(expr) = match_expr(query) {
        for (kind, from, label, secondary, order) in KINDS {
            let total: u32 = conn
                .prepare_cached(&format!("SELECT count(*) FROM {from}"))?
                .query_row([&expr], |r| r.get(0))?;
            if total == 0 {
                continue;
            }
            let sql = format!(
                "SELECT x.id, {label}, {secondary} FROM {from} ORDER BY {order}, x.id LIMIT ?2"
            );
            let hits = conn
                .prepare_cached(&sql)?
                .query_map(params![expr, per_kind], |r| {
                    Ok(SearchHit {
                        id: r.get(0)?,
                        kind: *kind,
                        label: r.get(1)?,
                        secondary: r.get(2)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            groups.push(SearchGroup {
                kind: *kind,
                total,
                hits,
            });
        }
    }
    Ok(SearchResults {
        query: query.to_owned(),
        groups,
    })
}
