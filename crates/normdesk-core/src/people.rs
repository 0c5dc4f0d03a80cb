//! The people register: the directory (names in Chinese and Latin script, organisation,
//! contacts, expertise tags), training records, and a person's page — every role held or ended
//! with its term, the projects the person leads, and the training. Roles themselves are
//! memberships ([`crate::memberships`]).

use rusqlite::{Connection, params_from_iter, types::Value as Sql};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use specta::Type;

use crate::enums::{Role, Tier};
use crate::error::Result;
use crate::projects::{RefLabel, parse_id};
use crate::schema::{ORGANISATION, PERSON, TRAINING};
use crate::typed::{self, ref_label, to_fields};
use crate::writer::Writer;
use crate::{enums::OurRole, search};

/// Every editable field of a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PersonInput {
    pub name_zh: String,
    pub name_en: String,
    pub email: String,
    pub phone: String,
    pub organisation_id: Option<String>,
    /// Comma-separated tags: "unmanned aircraft, airworthiness".
    pub expertise: String,
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Person {
    pub id: String,
    #[serde(flatten)]
    pub fields: PersonInput,
}

/// A training record: a course a person took and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Training {
    pub id: String,
    pub person_id: String,
    pub course: String,
    pub date: Option<String>,
}

/// One row of the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PersonRow {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub email: String,
    pub phone: String,
    /// The organisation's acronym.
    pub organisation: Option<String>,
    pub expertise: String,
    /// Roles not ended on `today`.
    pub current_roles: u32,
    pub trained: bool,
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct PersonQuery {
    /// Chinese substrings and English words over names, e-mail and expertise.
    pub search: String,
    pub organisation_id: Option<String>,
    pub offset: u32,
    /// 0 = 100 rows; at most 1,000.
    pub limit: u32,
    pub today: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PersonPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<PersonRow>,
}

/// A role a person holds or held, with its term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RoleRow {
    pub membership_id: String,
    pub committee_id: String,
    pub committee_reference: String,
    pub committee_title_en: String,
    pub committee_title_zh: String,
    pub role: Role,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub current: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LedProject {
    pub id: String,
    pub reference: String,
    pub title_en: String,
    pub title_zh: String,
    pub tier: Tier,
    pub stage: String,
    pub our_role: OurRole,
}

/// A person's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PersonDetail {
    pub person: Person,
    pub organisation: Option<RefLabel>,
    /// Current roles first (latest start first), then ended ones (latest end first).
    pub roles: Vec<RoleRow>,
    /// Projects whose leader this person is, by reference.
    pub projects: Vec<LedProject>,
    /// Oldest first.
    pub training: Vec<Training>,
}

pub fn create(w: &mut Writer<'_>, input: PersonInput) -> Result<String> {
    w.create(&PERSON, to_fields(&input)?)
}

pub fn update(w: &mut Writer<'_>, id: &str, input: PersonInput) -> Result<()> {
    w.update(&PERSON, &parse_id(id)?, to_fields(&input)?)
        .map(drop)
}

/// Deletes a person with their training records; refused while roles, projects or liaisons
/// refer to them.
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&PERSON, &parse_id(id)?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Person> {
    let id = parse_id(id)?;
    Ok(Person {
        fields: typed::get(conn, &PERSON, &id)?,
        id,
    })
}

/// Adds a training record (course, date) to a person.
pub fn add_training(
    w: &mut Writer<'_>,
    person_id: &str,
    course: &str,
    date: Option<&str>,
) -> Result<String> {
    let mut values = Map::new();
    values.insert("person_id".into(), Value::String(parse_id(person_id)?));
    values.insert("course".into(), Value::String(course.to_owned()));
    values.insert(
        "date".into(),
        date.map_or(Value::Null, |d| Value::String(d.to_owned())),
    );
    w.create(&TRAINING, values)
}

pub fn remove_training(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&TRAINING, &parse_id(id)?)
}

/// One page of the directory, by name (Latin, then Chinese), with the total that match.
pub fn list(conn: &Connection, q: &PersonQuery) -> Result<PersonPage> {
    let today = typed::today_or_now(q.today.as_deref())?;
    let mut filters = vec!["p.deleted = 0".to_owned()];
    let mut args: Vec<Sql> = vec![Sql::Text(today)];
    if let Some(expr) = search::match_expr(&q.search) {
        args.push(Sql::Text(expr));
        filters.push(format!(
            "p.rowid IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?{})",
            args.len()
        ));
    }
    if let Some(org) = q.organisation_id.as_deref().filter(|o| !o.is_empty()) {
        args.push(Sql::Text(org.to_owned()));
        filters.push(format!("p.organisation_id = ?{}", args.len()));
    }
    let filter = filters.join(" AND ");
    let total: u32 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM person p WHERE {filter} AND ?1 IS NOT NULL"
        ))?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    let limit = match q.limit {
        0 => 100,
        n => n.min(1_000),
    };
    let sql = format!(
        "SELECT p.id, p.name_zh, p.name_en, p.email, p.phone, o.acronym, p.expertise,
                (SELECT count(*) FROM membership m WHERE m.person_id = p.id AND m.deleted = 0
                    AND (m.end_date IS NULL OR m.end_date >= ?1)),
                EXISTS(SELECT 1 FROM training t WHERE t.person_id = p.id AND t.deleted = 0), p.sample
         FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id AND o.deleted = 0
         WHERE {filter} ORDER BY p.name_en, p.name_zh, p.id LIMIT {limit} OFFSET {}",
        q.offset
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(args.iter()), |r| {
            Ok(PersonRow {
                id: r.get(0)?,
                name_zh: r.get(1)?,
                name_en: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                organisation: r.get(5)?,
                expertise: r.get(6)?,
                current_roles: r.get(7)?,
                trained: r.get(8)?,
                sample: r.get(9)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(PersonPage {
        total,
        offset: q.offset,
        rows,
    })
}

/// A person's page on `today` (YYYY-MM-DD; defaults to the local date).
pub fn page(conn: &Connection, id: &str, today: Option<&str>) -> Result<PersonDetail> {
    let today = typed::today_or_now(today)?;
    let person = get(conn, id)?;
    let id = person.id.as_str();
    let mut roles: Vec<RoleRow> = conn
        .prepare_cached(
            "SELECT m.id, m.committee_id, coalesce(c.reference, ''), coalesce(c.title_en, ''), coalesce(c.title_zh, ''),
                    m.role, m.start_date, m.end_date
             FROM membership m LEFT JOIN committee c ON c.id = m.committee_id
             WHERE m.person_id = ?1 AND m.deleted = 0",
        )?
        .query_map([id], |r| {
            let end: Option<String> = r.get(7)?;
            Ok(RoleRow {
                membership_id: r.get(0)?,
                committee_id: r.get(1)?,
                committee_reference: r.get(2)?,
                committee_title_en: r.get(3)?,
                committee_title_zh: r.get(4)?,
                role: Role::parse(&r.get::<_, String>(5)?).unwrap_or(Role::Member),
                start_date: r.get(6)?,
                current: end.as_deref().is_none_or(|e| e >= today.as_str()),
                end_date: end,
            })
        })?
        .collect::<Result<_, _>>()?;
    roles.sort_by(|a, b| {
        let key = |r: &RoleRow| {
            (
                !r.current,
                std::cmp::Reverse(if r.current {
                    r.start_date.clone()
                } else {
                    r.end_date.clone()
                }),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.committee_reference.cmp(&b.committee_reference))
    });
    let projects = conn
        .prepare_cached(
            "SELECT id, reference, title_en, title_zh, tier, stage, our_role FROM project
             WHERE leader_id = ?1 AND deleted = 0 ORDER BY reference",
        )?
        .query_map([id], |r| {
            Ok(LedProject {
                id: r.get(0)?,
                reference: r.get(1)?,
                title_en: r.get(2)?,
                title_zh: r.get(3)?,
                tier: Tier::parse(&r.get::<_, String>(4)?).unwrap_or(Tier::International),
                stage: r.get(5)?,
                our_role: OurRole::parse(&r.get::<_, String>(6)?).unwrap_or(OurRole::Participate),
            })
        })?
        .collect::<Result<_, _>>()?;
    let training = conn
        .prepare_cached(
            "SELECT id, person_id, course, date FROM training WHERE person_id = ?1 AND deleted = 0
             ORDER BY date IS NULL, date, rowid",
        )?
        .query_map([id], |r| {
            Ok(Training {
                id: r.get(0)?,
                person_id: r.get(1)?,
                course: r.get(2)?,
                date: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(PersonDetail {
        organisation: ref_label(
            conn,
            &ORGANISATION,
            person.fields.organisation_id.as_deref(),
        )?,
        person,
        roles,
        projects,
        training,
    })
}
