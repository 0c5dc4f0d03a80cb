//! The projects register: typed access for the desktop app (detail, list page, stage changes)
//! over the generic writer. SQL for the list lives in [`list`].

mod list;
mod types;

pub use list::list;
pub use types::*;

use rusqlite::Connection;
use serde_json::{Map, Value};

use crate::error::{CoreError, Result};
use crate::schema::{COMMITTEE, PERSON, PROJECT, STAGE_EVENT};
use crate::writer::{Writer, label, load};
use crate::{stages, validate};

/// Today's local date as `YYYY-MM-DD`.
pub fn today() -> String {
    chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// Loads a project with its stage history and the labels of what it refers to.
pub fn get(conn: &Connection, id: &str) -> Result<ProjectDetail> {
    let id = parse_id(id)?;
    let record = load(conn, &PROJECT, &id)?.ok_or_else(|| CoreError::not_found("project", &id))?;
    let fields: ProjectInput = from_record(record)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, project_id, code, date, note FROM stage_event
         WHERE project_id = ?1 AND deleted = 0 ORDER BY date, rowid",
    )?;
    let history = stmt
        .query_map([&id], |r| {
            Ok(StageEvent {
                id: r.get(0)?,
                project_id: r.get(1)?,
                code: r.get(2)?,
                date: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let committee = fields
        .committee_id
        .as_deref()
        .map(|c| ref_label(conn, &COMMITTEE, c))
        .transpose()?;
    let leader = fields
        .leader_id
        .as_deref()
        .map(|p| ref_label(conn, &PERSON, p))
        .transpose()?;
    let overdue = is_overdue(&fields, &today());
    Ok(ProjectDetail {
        project: Project { id, fields },
        history,
        committee,
        leader,
        overdue,
    })
}

/// Whether a project is past its limit date and not yet published.
pub fn is_overdue(p: &ProjectInput, today: &str) -> bool {
    p.limit_date.as_deref().is_some_and(|limit| limit < today) && !stages::is_closed(&p.stage)
}

/// Creates a project; its first stage-history entry records the starting stage.
pub fn create(w: &mut Writer<'_>, input: ProjectInput) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    create_with_id(w, &id, input)?;
    Ok(id)
}

/// Creates a project with a given id (stable ids for demo data).
pub fn create_with_id(w: &mut Writer<'_>, id: &str, input: ProjectInput) -> Result<()> {
    let date = input.start_date.clone().unwrap_or_else(today);
    let stage = input.stage.clone();
    w.create_with_id(&PROJECT, id, to_record(&input)?)?;
    // The first history entry's id follows from the project's, so a project created with a
    // stable id (demo data) has a stable history too.
    let first = uuid::Uuid::new_v5(
        &uuid::Uuid::parse_str(id).unwrap_or_default(),
        b"stage:first",
    )
    .to_string();
    w.create_with_id(
        &STAGE_EVENT,
        &first,
        stage_event_values(id, &stage, &date, ""),
    )
}

/// Saves a project's fields. A changed stage is recorded in the history with today's date.
pub fn update(w: &mut Writer<'_>, id: &str, input: ProjectInput) -> Result<()> {
    set_fields(w, id, to_record(&input)?)
}

/// Changes some fields of a project (the CLI's `set project`). A changed stage is recorded in the
/// history with today's date.
pub fn set_fields(w: &mut Writer<'_>, id: &str, values: Map<String, Value>) -> Result<()> {
    let id = parse_id(id)?;
    let changed = w.update(&PROJECT, &id, values)?;
    if changed.contains(&"stage") {
        let stage = load(w.conn(), &PROJECT, &id)?
            .and_then(|r| r.get("stage").and_then(Value::as_str).map(str::to_owned));
        append_stage_event(w, &id, &stage.unwrap_or_default(), &today(), "")?;
    }
    Ok(())
}

/// Moves a project to another stage on a given date with a note, and records it in the history.
pub fn change_stage(w: &mut Writer<'_>, id: &str, change: StageChange) -> Result<()> {
    let id = parse_id(id)?;
    if stages::find(&change.code).is_none() {
        return Err(CoreError::invalid(
            "code",
            format!(
                "unknown stage code '{}'; pick one of the 46 harmonized codes",
                change.code
            ),
        ));
    }
    if validate::parse_date(&change.date).is_none() {
        return Err(CoreError::invalid(
            "date",
            format!("'{}' is not a date; write it as YYYY-MM-DD", change.date),
        ));
    }
    let mut values = Map::new();
    values.insert("stage".into(), Value::String(change.code.clone()));
    w.update(&PROJECT, &id, values)?;
    append_stage_event(w, &id, &change.code, &change.date, &change.note)
}

/// Deletes a project with its stage history.
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&PROJECT, &parse_id(id)?)
}

/// Committees and people to pick from in the project form, sorted by label.
pub fn lookups(conn: &Connection) -> Result<Lookups> {
    let committees = labels(
        conn,
        "SELECT id, reference || CASE WHEN title_en != '' THEN ' — ' || title_en ELSE '' END FROM committee WHERE deleted = 0 ORDER BY reference",
    )?;
    let people = labels(
        conn,
        "SELECT id, trim(name_zh || ' ' || name_en) FROM person WHERE deleted = 0 ORDER BY name_en, name_zh",
    )?;
    Ok(Lookups { committees, people })
}

fn labels(conn: &Connection, sql: &str) -> Result<Vec<RefLabel>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([], |r| {
        Ok(RefLabel {
            id: r.get(0)?,
            label: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn append_stage_event(
    w: &mut Writer<'_>,
    project_id: &str,
    code: &str,
    date: &str,
    note: &str,
) -> Result<()> {
    w.create(
        &STAGE_EVENT,
        stage_event_values(project_id, code, date, note),
    )
    .map(drop)
}

fn stage_event_values(project_id: &str, code: &str, date: &str, note: &str) -> Map<String, Value> {
    let mut values = Map::new();
    values.insert("project_id".into(), Value::String(project_id.to_owned()));
    values.insert("code".into(), Value::String(code.to_owned()));
    values.insert("date".into(), Value::String(date.to_owned()));
    values.insert("note".into(), Value::String(note.to_owned()));
    values
}

fn ref_label(
    conn: &Connection,
    spec: &'static crate::schema::EntitySpec,
    id: &str,
) -> Result<RefLabel> {
    let text = label(conn, spec, id)?;
    let text = text
        .strip_suffix(&format!(" ({id})"))
        .map(str::to_owned)
        .unwrap_or(text);
    Ok(RefLabel {
        id: id.to_owned(),
        label: text,
    })
}

/// Checks that an id is a UUID and returns it in canonical form.
pub fn parse_id(id: &str) -> Result<String> {
    uuid::Uuid::parse_str(id.trim())
        .map(|u| u.hyphenated().to_string())
        .map_err(|_| CoreError::invalid("id", format!("'{id}' is not a record id (a UUID such as 0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d)")))
}

fn to_record(input: &ProjectInput) -> Result<Map<String, Value>> {
    match serde_json::to_value(input) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(CoreError::Corrupt(
            "a project could not be converted to fields".into(),
        )),
    }
}

fn from_record(record: Map<String, Value>) -> Result<ProjectInput> {
    serde_json::from_value(Value::Object(record))
        .map_err(|e| CoreError::Corrupt(format!("a stored project does not read back: {e}")))
}
