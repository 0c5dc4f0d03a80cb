//! The project record as the UI and the CLI see it. These types cross the IPC boundary: the
//! TypeScript in `ui/src/bindings.ts` is generated from them.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::enums::{Deliverable, OurRole, Tier};

/// A standard being drafted or tracked. Dates are `YYYY-MM-DD`; ids are UUID strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Project {
    pub id: String,
    #[serde(flatten)]
    pub fields: ProjectInput,
}

/// Every editable field of a project (what a form or `new project` supplies).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ProjectInput {
    /// "ISO/CD 21384-5", "DB4403/T 298-2022", "T/SZS 12-2026"
    pub reference: String,
    pub title_en: String,
    pub title_zh: String,
    pub tier: Tier,
    pub deliverable: Deliverable,
    pub committee_id: Option<String>,
    pub our_role: OurRole,
    pub leader_id: Option<String>,
    /// Harmonized stage code, "30.20". Changing it appends to the stage history.
    pub stage: String,
    /// Development track in months: 18, 24, 36 or 48.
    pub track_months: Option<u32>,
    pub start_date: Option<String>,
    pub target_date: Option<String>,
    pub limit_date: Option<String>,
    pub scope: String,
    /// Purpose and justification (Form 4).
    pub purpose: String,
    pub relevant_documents: String,
    pub known_patents: String,
    pub liaisons_engaged: String,
    /// Marks demo and sample records.
    pub sample: bool,
}

/// One entry of a project's stage history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StageEvent {
    pub id: String,
    pub project_id: String,
    pub code: String,
    pub date: String,
    pub note: String,
}

/// A request to move a project to another stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct StageChange {
    pub code: String,
    pub date: String,
    pub note: String,
}

/// A reference to another record with a human label, for pickers and detail panes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RefLabel {
    pub id: String,
    pub label: String,
}

/// A project with what its detail pane shows besides its fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ProjectDetail {
    pub project: Project,
    /// Oldest first.
    pub history: Vec<StageEvent>,
    pub committee: Option<RefLabel>,
    pub leader: Option<RefLabel>,
    pub overdue: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ProjectSort {
    #[default]
    Reference,
    Title,
    Stage,
    TargetDate,
    LimitDate,
}

/// What the projects list shows: filters, search, sort and the page wanted.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct ProjectQuery {
    /// Chinese substrings and English words; empty = no search.
    pub search: String,
    pub tier: Option<Tier>,
    pub deliverable: Option<Deliverable>,
    /// A stage group key: "preliminary", "proposal", … "withdrawal".
    pub stage_group: Option<String>,
    pub committee_id: Option<String>,
    pub our_role: Option<OurRole>,
    /// Only projects whose limit date has passed and that are not published.
    pub overdue: bool,
    pub sort: ProjectSort,
    pub descending: bool,
    pub offset: u32,
    /// Rows wanted; 0 means the default page of 100, at most 1,000.
    pub limit: u32,
    /// "Today" for the overdue rule; defaults to the local date.
    pub today: Option<String>,
}

/// One row of the projects list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ProjectRow {
    pub id: String,
    pub reference: String,
    pub title_en: String,
    pub title_zh: String,
    pub tier: Tier,
    pub deliverable: Deliverable,
    pub stage: String,
    pub our_role: OurRole,
    pub committee_reference: Option<String>,
    pub target_date: Option<String>,
    pub limit_date: Option<String>,
    pub overdue: bool,
    pub sample: bool,
}

/// A page of the projects list and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ProjectPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<ProjectRow>,
}

/// Choices for the reference fields of the project form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Lookups {
    pub committees: Vec<RefLabel>,
    pub people: Vec<RefLabel>,
}
