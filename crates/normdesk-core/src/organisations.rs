//! The organisations register: international, regional and national bodies, consortia,
//! alliances, enterprises, government and research units, and whether each has a presence in
//! the city (which feeds the "organisations in the city" target).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::enums::OrgKind;
use crate::error::Result;
use crate::projects::parse_id;
use crate::schema::ORGANISATION;
use crate::search;
use crate::typed::{self, to_fields};
use crate::writer::Writer;

/// Every editable field of an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct OrganisationInput {
    /// "ISO", "IEEE SA"
    pub acronym: String,
    pub name_en: String,
    pub name_zh: String,
    pub kind: OrgKind,
    pub country: String,
    /// Has a presence (office, secretariat, centre) in the city.
    pub in_city: bool,
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Organisation {
    pub id: String,
    #[serde(flatten)]
    pub fields: OrganisationInput,
}

/// One row of the organisations list, with how much refers to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct OrganisationRow {
    pub id: String,
    #[serde(flatten)]
    pub fields: OrganisationInput,
    pub committees: u32,
    pub people: u32,
    pub liaisons: u32,
}

pub fn create(w: &mut Writer<'_>, input: OrganisationInput) -> Result<String> {
    w.create(&ORGANISATION, to_fields(&input)?)
}

pub fn update(w: &mut Writer<'_>, id: &str, input: OrganisationInput) -> Result<()> {
    w.update(&ORGANISATION, &parse_id(id)?, to_fields(&input)?)
        .map(drop)
}

/// Deletes an organisation; refused with the list while committees, people or liaisons refer to it.
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&ORGANISATION, &parse_id(id)?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Organisation> {
    let id = parse_id(id)?;
    Ok(Organisation {
        fields: typed::get(conn, &ORGANISATION, &id)?,
        id,
    })
}

/// Every organisation by acronym, optionally only those matching a search; `in_city_only`
/// keeps those with a presence in the city.
pub fn list(conn: &Connection, search: &str, in_city_only: bool) -> Result<Vec<OrganisationRow>> {
    let matching = search::match_expr(search);
    let filter = if matching.is_some() {
        "AND o.rowid IN (SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH ?1)"
    } else {
        "AND ?1 IS NULL"
    };
    let sql = format!(
        "SELECT o.id, o.acronym, o.name_en, o.name_zh, o.kind, o.country, o.in_city, o.sample,
                (SELECT count(*) FROM committee c WHERE c.organisation_id = o.id AND c.deleted = 0),
                (SELECT count(*) FROM person p WHERE p.organisation_id = o.id AND p.deleted = 0),
                (SELECT count(*) FROM liaison l WHERE l.organisation_id = o.id AND l.deleted = 0)
         FROM organisation o WHERE o.deleted = 0 {filter} AND (?2 = 0 OR o.in_city = 1)
         ORDER BY o.acronym, o.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params![matching, in_city_only], |r| {
        Ok(OrganisationRow {
            id: r.get(0)?,
            fields: OrganisationInput {
                acronym: r.get(1)?,
                name_en: r.get(2)?,
                name_zh: r.get(3)?,
                kind: OrgKind::parse(&r.get::<_, String>(4)?).unwrap_or(OrgKind::InternationalSdo),
                country: r.get(5)?,
                in_city: r.get(6)?,
                sample: r.get(7)?,
            },
            committees: r.get(8)?,
            people: r.get(9)?,
            liaisons: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
