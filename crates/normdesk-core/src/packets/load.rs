//! The queries that gather a packet's content from the store: a project with its labels resolved,
//! a committee's current people, a draft's text, a project's comments, a statement with its
//! contacts. Read-only; each takes `&Connection`.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use super::data::{
    Block, CommentRow, CommitteeInfo, DraftText, FigureFile, FigureStatus, Milestone, PersonInfo,
    ProjectInfo,
};
use super::text;
use crate::enums::{Role, Tier};
use crate::error::Result;
use crate::projects;
use crate::stages;

/// Whether a live row with this id exists in `table` (a fixed table name).
pub(super) fn exists(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = ?1 AND deleted = 0");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(super) fn project(conn: &Connection, id: &str) -> Result<(ProjectInfo, Tier)> {
    let detail = projects::get(conn, id)?;
    let f = detail.project.fields;
    let stage = stages::find(&f.stage);
    let group = stages::GROUPS.iter().find(|g| f.stage.starts_with(g.group));
    let committee = f
        .committee_id
        .as_deref()
        .map(|c| committee(conn, c))
        .transpose()?
        .flatten();
    let leader = f
        .leader_id
        .as_deref()
        .map(|p| person(conn, p, Some(Role::ProjectLeader)))
        .transpose()?
        .flatten();
    let history = detail
        .history
        .iter()
        .map(|e| {
            let s = stages::find(&e.code);
            Milestone {
                label_en: format!("{} {}", e.code, s.map_or("", |s| s.name_en)),
                label_zh: format!("{} {}", e.code, s.map_or("", |s| s.name_zh)),
                date: Some(e.date.clone()),
                note: e.note.clone(),
            }
        })
        .collect();
    let info = ProjectInfo {
        id: detail.project.id,
        reference: f.reference,
        title_en: f.title_en,
        title_zh: f.title_zh,
        tier: f.tier.as_str().to_owned(),
        deliverable: f.deliverable.as_str().to_owned(),
        stage_en: stage.map_or("", |s| s.name_en).to_owned(),
        stage_zh: stage.map_or("", |s| s.name_zh).to_owned(),
        stage_cn_process: group.map_or("", |g| g.cn_process).to_owned(),
        stage: f.stage,
        committee,
        leader,
        track_months: f.track_months,
        start_date: f.start_date,
        target_date: f.target_date,
        limit_date: f.limit_date,
        scope: f.scope,
        purpose: f.purpose,
        relevant_documents: f.relevant_documents,
        known_patents: f.known_patents,
        liaisons_engaged: f.liaisons_engaged,
        history,
    };
    Ok((info, f.tier))
}

/// A committee with its organisation's names; `None` when the reference dangles.
pub(super) fn committee(conn: &Connection, id: &str) -> Result<Option<CommitteeInfo>> {
    Ok(conn
        .prepare_cached(
            "SELECT c.id, c.reference, c.title_en, c.title_zh, c.secretariat,
                    coalesce(o.acronym, ''), coalesce(o.name_en, ''), coalesce(o.name_zh, '')
             FROM committee c LEFT JOIN organisation o ON o.id = c.organisation_id AND o.deleted = 0
             WHERE c.id = ?1 AND c.deleted = 0",
        )?
        .query_row([id], |r| {
            Ok(CommitteeInfo {
                id: r.get(0)?,
                reference: r.get(1)?,
                title_en: r.get(2)?,
                title_zh: r.get(3)?,
                secretariat: r.get(4)?,
                organisation: r.get(5)?,
                organisation_en: r.get(6)?,
                organisation_zh: r.get(7)?,
            })
        })
        .optional()?)
}

const PERSON_COLUMNS: &str = "p.id, p.name_zh, p.name_en, p.email, p.phone, p.expertise,
    coalesce(nullif(o.acronym, ''), o.name_en, ''), coalesce(nullif(o.name_zh, ''), o.name_en, '')";

fn person_row(r: &rusqlite::Row<'_>, role: Option<Role>) -> rusqlite::Result<PersonInfo> {
    Ok(PersonInfo {
        id: r.get(0)?,
        name_zh: r.get(1)?,
        name_en: r.get(2)?,
        email: r.get(3)?,
        phone: r.get(4)?,
        expertise: r.get(5)?,
        organisation: r.get(6)?,
        organisation_zh: r.get(7)?,
        role,
    })
}

/// A person with their organisation; `None` when the reference dangles.
pub(super) fn person(
    conn: &Connection,
    id: &str,
    role: Option<Role>,
) -> Result<Option<PersonInfo>> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM person p
         LEFT JOIN organisation o ON o.id = p.organisation_id AND o.deleted = 0
         WHERE p.id = ?1 AND p.deleted = 0"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |r| person_row(r, role))
        .optional()?)
}

/// People with a role in the committee not ended on `today`, one entry per person with their
/// most senior role (chair first, as `Role::ALL` orders them), then by name. `first` (the
/// project leader) is put first when present.
pub(super) fn committee_people(
    conn: &Connection,
    committee_id: &str,
    today: &str,
    first: Option<&str>,
) -> Result<Vec<PersonInfo>> {
    let sql = format!(
        "SELECT {PERSON_COLUMNS}, m.role FROM membership m
         JOIN person p ON p.id = m.person_id AND p.deleted = 0
         LEFT JOIN organisation o ON o.id = p.organisation_id AND o.deleted = 0
         WHERE m.committee_id = ?1 AND m.deleted = 0 AND (m.end_date IS NULL OR m.end_date >= ?2)
         ORDER BY p.name_en, p.name_zh, p.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([committee_id, today], |r| {
        let role: String = r.get(8)?;
        person_row(r, Role::parse(&role))
    })?;
    let rank = |role: Option<Role>| {
        role.map_or(usize::MAX, |r| {
            Role::ALL
                .iter()
                .position(|x| *x == r.as_str())
                .unwrap_or(usize::MAX)
        })
    };
    let mut by_person: HashMap<String, usize> = HashMap::new();
    let mut people: Vec<PersonInfo> = Vec::new();
    for row in rows {
        let row = row?;
        match by_person.get(&row.id) {
            Some(&i) if rank(row.role) < rank(people[i].role) => people[i].role = row.role,
            Some(_) => {}
            None => {
                by_person.insert(row.id.clone(), people.len());
                people.push(row);
            }
        }
    }
    people.sort_by_key(|p| (Some(p.id.as_str()) != first, rank(p.role)));
    Ok(people)
}

/// The stored text of a project's draft in `lang` (`draft.body`), or in the other language when
/// `lang` is only a preference. This is the one seam to the draft-text feature: it reads the
/// plain body the draft keeps, whatever editor wrote it.
pub(super) fn draft(
    conn: &Connection,
    project_id: &str,
    lang: &str,
    strict: bool,
) -> Result<Option<DraftText>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, lang, body FROM draft WHERE project_id = ?1 AND deleted = 0
         ORDER BY lang = ?2 DESC, length(body) > 0 DESC, rowid",
    )?;
    let found = stmt
        .query_row([project_id, lang], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    Ok(found
        .filter(|(_, l, _)| !strict || l == lang)
        .map(|(id, lang, body)| DraftText {
            draft_id: Some(id),
            lang,
            blocks: text::parse(&body),
        }))
}

/// Resolves a draft's figure references (`[[figure: name]]`) against the project's attachments
/// by name: an image (PNG, JPEG, GIF, SVG) becomes a [`FigureFile`] the renderer embeds, and its
/// block is marked [`FigureStatus::Embedded`]; anything else keeps a status saying why the
/// packet prints a placeholder. An image named twice is embedded once.
pub(super) fn figures(
    conn: &Connection,
    project_id: &str,
    blocks: &mut [Block],
) -> Result<Vec<FigureFile>> {
    let attached = crate::attachments::list(conn, "project", project_id)?;
    let mut files: Vec<(String, FigureFile)> = Vec::new();
    for block in blocks {
        let Block::Figure { name, file, status } = block else {
            continue;
        };
        if let Some((_, known)) = files.iter().find(|(n, _)| n == name) {
            *file = Some(known.file.clone());
            *status = FigureStatus::Embedded;
            continue;
        }
        let Some(a) = attached.iter().find(|a| &a.name == name) else {
            *status = FigureStatus::Missing;
            continue;
        };
        let Some(ext) = image_extension(&a.media_type) else {
            *status = FigureStatus::NotImage;
            continue;
        };
        let bytes = match crate::attachments::bytes(conn, &a.id) {
            Ok(bytes) => bytes,
            Err(crate::CoreError::Validation { .. }) => {
                *status = FigureStatus::NotArrived;
                continue;
            }
            Err(e) => return Err(e),
        };
        let figure = FigureFile {
            file: format!("figures/{}.{ext}", files.len() + 1),
            bytes,
        };
        *file = Some(figure.file.clone());
        *status = FigureStatus::Embedded;
        files.push((name.clone(), figure));
    }
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

/// The file extension typst reads an image of this media type by; `None` for other files.
fn image_extension(media_type: &str) -> Option<&'static str> {
    match media_type {
        "image/png" => Some("png"),
        "image/jpeg" => Some("jpg"),
        "image/gif" => Some("gif"),
        "image/svg+xml" => Some("svg"),
        _ => None,
    }
}

/// A project's comments in compiled-table order (`comments::list`: clause, member body, when
/// made), labelled `CN-001` per member body, with the name of the latest revision named on one.
pub(super) fn comments(
    conn: &Connection,
    project_id: &str,
) -> Result<(Vec<CommentRow>, Option<String>)> {
    let list = crate::comments::list(conn, project_id, None)?;
    let mut per_mb: HashMap<String, u32> = HashMap::new();
    let mut revisions: Vec<String> = Vec::new();
    let mut rows = Vec::with_capacity(list.len());
    for c in list {
        let f = c.fields;
        if let Some(r) = f.revision_id.filter(|r| !revisions.contains(r)) {
            revisions.push(r);
        }
        let n = per_mb.entry(f.mb.clone()).or_default();
        *n += 1;
        let prefix = if f.mb.trim().is_empty() {
            "??"
        } else {
            f.mb.trim()
        };
        rows.push(CommentRow {
            label: format!("{prefix}-{n:03}"),
            id: c.id,
            mb: f.mb,
            line: f.line,
            clause: f.clause,
            paragraph: f.paragraph,
            kind: f.kind,
            comment: f.comment,
            proposed_change: f.proposed_change,
            observation: f.observation,
        });
    }
    let mut revision = None;
    for id in revisions {
        let named = conn
            .prepare_cached("SELECT name, coalesce(date, '') FROM revision WHERE id = ?1 AND deleted = 0 AND name != ''")?
            .query_row([&id], |r| Ok((r.get::<_, String>(1)?, r.get::<_, String>(0)?)))
            .optional()?;
        if named.is_some() && (revision.is_none() || named > revision) {
            revision = named;
        }
    }
    Ok((rows, revision.map(|(_, name)| name)))
}

/// How many comments a project has, and how many have no disposition yet.
pub(super) fn comment_counts(conn: &Connection, project_id: &str) -> Result<(u32, u32)> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(disposition = ''), 0) FROM comment WHERE project_id = ?1 AND deleted = 0",
        )?
        .query_row([project_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
}
