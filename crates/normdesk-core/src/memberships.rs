//! Memberships: a person's role in a committee with its term. The rules (a known role, an end
//! on or after the start, a live person and committee) are the schema's and `validate.rs`'s,
//! applied by the writer on every path; this module is the typed door for forms and the shell.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use specta::Type;

use crate::enums::Role;
use crate::error::Result;
use crate::projects::parse_id;
use crate::schema::MEMBERSHIP;
use crate::typed::{self, to_fields};
use crate::writer::Writer;

/// Every editable field of a membership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MembershipInput {
    pub person_id: String,
    pub committee_id: String,
    pub role: Role,
    pub start_date: Option<String>,
    /// Empty while the role is held; an ended role stays as history.
    pub end_date: Option<String>,
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Membership {
    pub id: String,
    #[serde(flatten)]
    pub fields: MembershipInput,
}

pub fn create(w: &mut Writer<'_>, input: MembershipInput) -> Result<String> {
    w.create(&MEMBERSHIP, to_fields(&input)?)
}

pub fn update(w: &mut Writer<'_>, id: &str, input: MembershipInput) -> Result<()> {
    w.update(&MEMBERSHIP, &parse_id(id)?, to_fields(&input)?)
        .map(drop)
}

/// Ends a role on `date` (YYYY-MM-DD); refused when that is before the start.
pub fn end(w: &mut Writer<'_>, id: &str, date: &str) -> Result<()> {
    let mut values = Map::new();
    values.insert("end_date".into(), Value::String(date.to_owned()));
    w.update(&MEMBERSHIP, &parse_id(id)?, values).map(drop)
}

/// Deletes a membership outright (ending it keeps the history; this does not).
pub fn delete(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&MEMBERSHIP, &parse_id(id)?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Membership> {
    let id = parse_id(id)?;
    Ok(Membership {
        fields: typed::get(conn, &MEMBERSHIP, &id)?,
        id,
    })
}
