//! Liaison statements: incoming and outgoing, their state machine (pending → approved → posted,
//! any → dead, dead → pending; enforced for every write by [`crate::validate::change`]), threads
//! through `in_response_to` (no self-answers or cycles: the writer's reference check), files
//! attached to them, and the append-only event log.
//!
//! The event log is derived: [`audit`] runs inside the writer after every create, change and
//! delete of a statement or of a statement's attachment, so no path (form, CLI `set`, spreadsheet
//! import) can change a statement without an event naming the workstation and what changed.

use rusqlite::{Connection, params_from_iter, types::Value as Sql};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use specta::Type;

use crate::attachments::{self, Attachment};
use crate::enums::{Direction, Purpose, StatementState};
use crate::error::Result;
use crate::projects::{RefLabel, parse_id};
use crate::schema::{COMMITTEE, EntitySpec, LIAISON, STATEMENT, STATEMENT_EVENT};
use crate::typed::{self, ref_label, to_fields};
use crate::writer::{Change, Writer};
use crate::{search, validate};

/// Every editable field of a liaison statement. Dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StatementInput {
    pub direction: Direction,
    pub title: String,
    pub from_party: String,
    pub to_party: String,
    pub committee_id: Option<String>,
    pub liaison_id: Option<String>,
    pub purpose: Purpose,
    /// Required when the purpose is action or comment.
    pub deadline: Option<String>,
    /// Any state on create (recording history); afterwards only along `next_states`.
    pub state: StatementState,
    pub in_response_to: Option<String>,
    pub body: String,
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Statement {
    pub id: String,
    #[serde(flatten)]
    pub fields: StatementInput,
}

/// One entry of a statement's event log: who (the workstation's display name), when (RFC 3339,
/// UTC) and what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StatementEvent {
    pub id: String,
    pub statement_id: String,
    pub at: String,
    pub actor: String,
    pub what: String,
}

/// A statement's page: its fields, what it refers to, its thread, files and history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StatementDetail {
    pub statement: Statement,
    pub committee: Option<RefLabel>,
    pub liaison: Option<RefLabel>,
    pub in_response_to: Option<RefLabel>,
    /// Statements that answer this one, oldest first.
    pub responses: Vec<RefLabel>,
    /// Oldest first.
    pub events: Vec<StatementEvent>,
    pub attachments: Vec<Attachment>,
    /// The states it may move to now.
    pub next_states: Vec<StatementState>,
    /// Deadline passed and not yet posted or dead.
    pub overdue: bool,
}

/// Filters and the page wanted for the statements list.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct StatementQuery {
    pub search: String,
    pub direction: Option<Direction>,
    pub state: Option<StatementState>,
    pub committee_id: Option<String>,
    /// Only pending and approved statements.
    pub open_only: bool,
    pub offset: u32,
    /// 0 = 100 rows; at most 1,000.
    pub limit: u32,
    pub today: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StatementRow {
    pub id: String,
    pub direction: Direction,
    pub title: String,
    pub from_party: String,
    pub to_party: String,
    pub purpose: Purpose,
    pub deadline: Option<String>,
    pub state: StatementState,
    pub committee_reference: Option<String>,
    pub in_response_to: Option<String>,
    pub overdue: bool,
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StatementPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<StatementRow>,
}

pub fn create(w: &mut Writer<'_>, input: StatementInput) -> Result<String> {
    w.create(&STATEMENT, to_fields(&input)?)
}

/// Saves every field; a state change must follow the state machine.
pub fn update(w: &mut Writer<'_>, id: &str, input: StatementInput) -> Result<()> {
    w.update(&STATEMENT, &parse_id(id)?, to_fields(&input)?)
        .map(drop)
}

/// Moves a statement to another state (refused with the allowed next states when illegal).
pub fn set_state(w: &mut Writer<'_>, id: &str, state: StatementState) -> Result<()> {
    let mut values = Map::new();
    values.insert("state".into(), Value::String(state.as_str().into()));
    w.update(&STATEMENT, &parse_id(id)?, values).map(drop)
}

/// Deletes a statement with its events and attachments; refused while another statement answers it.
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&STATEMENT, &parse_id(id)?)
}

/// Attaches a file to a statement (logged in its events).
pub fn attach(
    w: &mut Writer<'_>,
    id: &str,
    name: &str,
    media_type: Option<&str>,
    bytes: &[u8],
) -> Result<Attachment> {
    attachments::add(w, "statement", id, name, media_type, bytes)
}

/// The states a statement in `state` may move to.
pub fn next_states(state: StatementState) -> Vec<StatementState> {
    validate::next_states(state).to_vec()
}

/// Whether a statement is overdue on `today`: a deadline before today and still open.
pub fn is_overdue(deadline: Option<&str>, state: StatementState, today: &str) -> bool {
    deadline.is_some_and(|d| d < today)
        && matches!(state, StatementState::Pending | StatementState::Approved)
}

/// A statement's page. `today` (YYYY-MM-DD) defaults to the local date.
pub fn get(conn: &Connection, id: &str, today: Option<&str>) -> Result<StatementDetail> {
    let id = parse_id(id)?;
    let today = typed::today_or_now(today)?;
    let fields: StatementInput = typed::get(conn, &STATEMENT, &id)?;
    let responses = conn
        .prepare_cached("SELECT id, title FROM statement WHERE in_response_to = ?1 AND deleted = 0 ORDER BY rowid")?
        .query_map([&id], |r| Ok(RefLabel { id: r.get(0)?, label: r.get(1)? }))?
        .collect::<Result<Vec<_>, _>>()?;
    let events = conn
        .prepare_cached(
            "SELECT id, statement_id, at, actor, what FROM statement_event
             WHERE statement_id = ?1 AND deleted = 0 ORDER BY at, rowid",
        )?
        .query_map([&id], |r| {
            Ok(StatementEvent {
                id: r.get(0)?,
                statement_id: r.get(1)?,
                at: r.get(2)?,
                actor: r.get(3)?,
                what: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(StatementDetail {
        committee: ref_label(conn, &COMMITTEE, fields.committee_id.as_deref())?,
        liaison: ref_label(conn, &LIAISON, fields.liaison_id.as_deref())?,
        in_response_to: ref_label(conn, &STATEMENT, fields.in_response_to.as_deref())?,
        responses,
        events,
        attachments: attachments::list(conn, "statement", &id)?,
        next_states: next_states(fields.state),
        overdue: is_overdue(fields.deadline.as_deref(), fields.state, &today),
        statement: Statement { id, fields },
    })
}

/// One page of statements, open ones by deadline first, with the total that match.
pub fn list(conn: &Connection, q: &StatementQuery) -> Result<StatementPage> {
    let today = typed::today_or_now(q.today.as_deref())?;
    let mut filters = vec!["s.deleted = 0".to_owned()];
    let mut args: Vec<Sql> = Vec::new();
    let bind = |v: Sql, args: &mut Vec<Sql>| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(expr) = search::match_expr(&q.search) {
        let n = bind(Sql::Text(expr), &mut args);
        filters.push(format!(
            "s.rowid IN (SELECT rowid FROM statement_fts WHERE statement_fts MATCH {n})"
        ));
    }
    if let Some(d) = q.direction {
        filters.push(format!(
            "s.direction = {}",
            bind(Sql::Text(d.as_str().into()), &mut args)
        ));
    }
    if let Some(state) = q.state {
        filters.push(format!(
            "s.state = {}",
            bind(Sql::Text(state.as_str().into()), &mut args)
        ));
    }
    if let Some(c) = q.committee_id.as_deref().filter(|c| !c.is_empty()) {
        filters.push(format!(
            "s.committee_id = {}",
            bind(Sql::Text(c.into()), &mut args)
        ));
    }
    if q.open_only {
        filters.push("s.state IN ('pending', 'approved')".into());
    }
    let filter = filters.join(" AND ");
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM statement s WHERE {filter}"))?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    let limit = match q.limit {
        0 => 100,
        n => n.min(1_000),
    };
    let sql = format!(
        "SELECT s.id, s.direction, s.title, s.from_party, s.to_party, s.purpose, s.deadline, s.state, c.reference,
                s.in_response_to, s.sample
         FROM statement s LEFT JOIN committee c ON c.id = s.committee_id
         WHERE {filter}
         ORDER BY s.deadline IS NULL, s.deadline, s.title, s.id LIMIT {limit} OFFSET {}",
        q.offset
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(args.iter()), |r| {
            let state =
                StatementState::parse(&r.get::<_, String>(7)?).unwrap_or(StatementState::Pending);
            let deadline: Option<String> = r.get(6)?;
            Ok(StatementRow {
                id: r.get(0)?,
                direction: Direction::parse(&r.get::<_, String>(1)?).unwrap_or(Direction::Incoming),
                title: r.get(2)?,
                from_party: r.get(3)?,
                to_party: r.get(4)?,
                purpose: Purpose::parse(&r.get::<_, String>(5)?).unwrap_or(Purpose::Information),
                overdue: is_overdue(deadline.as_deref(), state, &today),
                deadline,
                state,
                committee_reference: r.get(8)?,
                in_response_to: r.get(9)?,
                sample: r.get(10)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(StatementPage {
        total,
        offset: q.offset,
        rows,
    })
}

/// Writes the event for a change to a statement or to one of its attachments. Called by the
/// writer for every change; does nothing for other kinds.
pub(crate) fn audit(
    w: &mut Writer<'_>,
    spec: &EntitySpec,
    id: &str,
    change: Change<'_>,
) -> Result<()> {
    let (statement_id, what) = match (spec.name, change) {
        ("statement", Change::Created(r)) => (
            id.to_owned(),
            format!(
                "created: {}, for {}, {}",
                text(r, "direction"),
                text(r, "purpose"),
                text(r, "state")
            ),
        ),
        (
            "statement",
            Change::Updated {
                before,
                after,
                changed,
            },
        ) => (id.to_owned(), describe(before, after, changed)),
        ("attachment", Change::Created(r)) if text(r, "owner_kind") == "statement" => {
            let size = r.get("size").and_then(Value::as_i64).unwrap_or(0);
            (
                text(r, "owner_id").to_owned(),
                format!(
                    "attached {} ({})",
                    text(r, "name"),
                    attachments::human_size(size)
                ),
            )
        }
        ("attachment", Change::Deleted(r)) if text(r, "owner_kind") == "statement" => (
            text(r, "owner_id").to_owned(),
            format!("removed attachment {}", text(r, "name")),
        ),
        _ => return Ok(()),
    };
    let mut values = Map::new();
    values.insert("statement_id".into(), Value::String(statement_id));
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    values.insert("at".into(), Value::String(now));
    values.insert("actor".into(), Value::String(clip(w.actor(), 100)));
    values.insert("what".into(), Value::String(clip(&what, 500)));
    w.create(&STATEMENT_EVENT, values).map(drop)
}

/// "state: pending → approved; deadline: 2026-12-01 → 2026-12-15; changed title, body".
fn describe(before: &Map<String, Value>, after: &Map<String, Value>, changed: &[&str]) -> String {
    let mut parts = Vec::new();
    let mut others = Vec::new();
    for name in changed {
        if matches!(*name, "state" | "deadline" | "purpose" | "direction") {
            let show = |m: &Map<String, Value>| match m.get(*name) {
                Some(Value::String(s)) if !s.is_empty() => s.clone(),
                _ => "none".to_owned(),
            };
            parts.push(format!("{name}: {} → {}", show(before), show(after)));
        } else {
            others.push(*name);
        }
    }
    if !others.is_empty() {
        parts.push(format!("changed {}", others.join(", ")));
    }
    parts.join("; ")
}

fn text<'a>(r: &'a Map<String, Value>, name: &str) -> &'a str {
    r.get(name).and_then(Value::as_str).unwrap_or("")
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        text.chars().take(max - 1).chain(['…']).collect()
    }
}
