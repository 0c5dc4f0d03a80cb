//! The registers' commands (issue 3): committees, people and their roles and training,
//! organisations, liaisons, liaison statements and their attachments. Each is one core call
//! (writes inside `Store::write` from the UI, then the page the screen shows next); `today` is
//! left to the core, which takes the workstation's local date.

use std::path::Path;

use normdesk_core::Source;
use normdesk_core::attachments::{self, Attachment};
use normdesk_core::committees::{self, CommitteeInput, CommitteeNode, CommitteePage};
use normdesk_core::enums::StatementState;
use normdesk_core::liaisons::{self, Liaison, LiaisonInput, LiaisonQuery, LiaisonRow};
use normdesk_core::memberships::{self, MembershipInput};
use normdesk_core::organisations::{self, Organisation, OrganisationInput, OrganisationRow};
use normdesk_core::people::{self, PersonDetail, PersonInput, PersonPage, PersonQuery};
use normdesk_core::statements::{
    self, StatementDetail, StatementInput, StatementPage, StatementQuery,
};
use tauri::State;

use super::{Db, lock};
use crate::error::ApiError;

// ---- committees ----

#[tauri::command]
#[specta::specta]
pub async fn committee_tree(db: State<'_, Db>) -> Result<Vec<CommitteeNode>, ApiError> {
    Ok(committees::tree(lock(&db)?.conn())?)
}

#[tauri::command]
#[specta::specta]
pub async fn committee_page(db: State<'_, Db>, id: String) -> Result<CommitteePage, ApiError> {
    Ok(committees::page(lock(&db)?.conn(), &id, None)?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_committee(
    db: State<'_, Db>,
    input: CommitteeInput,
) -> Result<String, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| committees::create(w, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_committee(
    db: State<'_, Db>,
    id: String,
    input: CommitteeInput,
) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| committees::update(w, &id, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_committee(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| committees::delete(w, &id))?)
}

// ---- people, roles, training ----

#[tauri::command]
#[specta::specta]
pub async fn list_people(db: State<'_, Db>, query: PersonQuery) -> Result<PersonPage, ApiError> {
    Ok(people::list(lock(&db)?.conn(), &query)?)
}

#[tauri::command]
#[specta::specta]
pub async fn person_page(db: State<'_, Db>, id: String) -> Result<PersonDetail, ApiError> {
    Ok(people::page(lock(&db)?.conn(), &id, None)?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_person(db: State<'_, Db>, input: PersonInput) -> Result<String, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| people::create(w, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_person(
    db: State<'_, Db>,
    id: String,
    input: PersonInput,
) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| people::update(w, &id, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_person(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| people::delete(w, &id))?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_training(
    db: State<'_, Db>,
    person_id: String,
    course: String,
    date: Option<String>,
) -> Result<String, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| {
        people::add_training(w, &person_id, &course, date.as_deref())
    })?)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_training(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| people::remove_training(w, &id))?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_membership(
    db: State<'_, Db>,
    input: MembershipInput,
) -> Result<String, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| memberships::create(w, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn end_membership(db: State<'_, Db>, id: String, date: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| memberships::end(w, &id, &date))?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_membership(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| memberships::delete(w, &id))?)
}

// ---- organisations ----

#[tauri::command]
#[specta::specta]
pub async fn list_organisations(
    db: State<'_, Db>,
    search: String,
    in_city_only: bool,
) -> Result<Vec<OrganisationRow>, ApiError> {
    Ok(organisations::list(
        lock(&db)?.conn(),
        &search,
        in_city_only,
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_organisation(db: State<'_, Db>, id: String) -> Result<Organisation, ApiError> {
    Ok(organisations::get(lock(&db)?.conn(), &id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_organisation(
    db: State<'_, Db>,
    input: OrganisationInput,
) -> Result<String, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| organisations::create(w, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_organisation(
    db: State<'_, Db>,
    id: String,
    input: OrganisationInput,
) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| organisations::update(w, &id, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_organisation(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| organisations::delete(w, &id))?)
}

// ---- liaisons ----

#[tauri::command]
#[specta::specta]
pub async fn list_liaisons(
    db: State<'_, Db>,
    query: LiaisonQuery,
) -> Result<Vec<LiaisonRow>, ApiError> {
    Ok(liaisons::list(lock(&db)?.conn(), &query)?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_liaison(db: State<'_, Db>, id: String) -> Result<Liaison, ApiError> {
    Ok(liaisons::get(lock(&db)?.conn(), &id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_liaison(db: State<'_, Db>, input: LiaisonInput) -> Result<String, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| liaisons::create(w, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_liaison(
    db: State<'_, Db>,
    id: String,
    input: LiaisonInput,
) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| liaisons::update(w, &id, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn mark_liaison_reviewed(
    db: State<'_, Db>,
    id: String,
    date: String,
) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| liaisons::mark_reviewed(w, &id, &date))?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_liaison(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| liaisons::delete(w, &id))?)
}

// ---- liaison statements and their files ----

#[tauri::command]
#[specta::specta]
pub async fn list_statements(
    db: State<'_, Db>,
    query: StatementQuery,
) -> Result<StatementPage, ApiError> {
    Ok(statements::list(lock(&db)?.conn(), &query)?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_statement(db: State<'_, Db>, id: String) -> Result<StatementDetail, ApiError> {
    Ok(statements::get(lock(&db)?.conn(), &id, None)?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_statement(
    db: State<'_, Db>,
    input: StatementInput,
) -> Result<String, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| statements::create(w, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_statement(
    db: State<'_, Db>,
    id: String,
    input: StatementInput,
) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| statements::update(w, &id, input))?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_statement_state(
    db: State<'_, Db>,
    id: String,
    state: StatementState,
) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| statements::set_state(w, &id, state))?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_statement(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| statements::delete(w, &id))?)
}

/// Attaches the file at `path` (chosen in the open dialog) to a statement.
#[tauri::command]
#[specta::specta]
pub async fn attach_file(
    db: State<'_, Db>,
    statement_id: String,
    path: String,
) -> Result<Attachment, ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| {
        attachments::add_file(w, "statement", &statement_id, Path::new(&path))
    })?)
}

/// Writes an attachment's bytes (checked against its digest) to `path` (from the save dialog).
#[tauri::command]
#[specta::specta]
pub async fn save_attachment(
    db: State<'_, Db>,
    id: String,
    path: String,
) -> Result<Attachment, ApiError> {
    Ok(attachments::save_to(
        lock(&db)?.conn(),
        &id,
        Path::new(&path),
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_attachment(db: State<'_, Db>, id: String) -> Result<(), ApiError> {
    Ok(lock(&db)?.write(Source::Ui, |w| attachments::remove(w, &id))?)
}
