//! Ballot comments in the 8-column ISO/IEC/CEN/CENELEC commenting template (DOMAIN.md §4.1) plus
//! the secretariat's disposition: typed records for the comments pane (written through the
//! writer, so they travel in bundles), the compiled table in clause order, and exchange as XLSX
//! or CSV **in the template's column order** — what a secretariat sends and expects back.
//!
//! An imported sheet is checked whole first (header, every row's type, disposition and field
//! lengths, each refusal naming its row and column); nothing is written unless every row is good.

use std::cmp::Ordering;
use std::path::Path;

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use specta::Type;

use crate::enums::{CommentType, Disposition};
use crate::error::{CoreError, Result};
use crate::exchange::{Format, table};
use crate::schema::COMMENT;
use crate::writer::Writer;
use crate::{projects, validate};

/// The template's eight columns, in order, as the template heads them.
pub const TEMPLATE_COLUMNS: [&str; 8] = [
    "MB/NC",
    "Line number",
    "Clause/Subclause",
    "Paragraph/Figure/Table",
    "Type of comment",
    "Comments",
    "Proposed change",
    "Observations of the secretariat",
];
/// The optional ninth column Normdesk adds after the template's eight.
pub const DISPOSITION_COLUMN: &str = "Disposition";
/// The field behind each template column.
const FIELDS: [&str; 8] = [
    "mb",
    "line",
    "clause",
    "paragraph",
    "type",
    "comment",
    "proposed_change",
    "observation",
];

/// One ballot comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Comment {
    pub id: String,
    #[serde(flatten)]
    pub fields: CommentInput,
}

/// A comment's fields, as a form or a sheet row gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CommentInput {
    pub project_id: String,
    /// The revision commented on (WD1, CD …), if known.
    pub revision_id: Option<String>,
    /// Member body or national committee (`DE`, `CN`, a liaison's acronym).
    pub mb: String,
    pub line: String,
    /// `4.2`, `A.1`, or `General`.
    pub clause: String,
    /// Paragraph, figure or table.
    pub paragraph: String,
    #[serde(rename = "type")]
    pub kind: CommentType,
    pub comment: String,
    pub proposed_change: String,
    /// Observations of the secretariat.
    pub observation: String,
    /// Typed as a string in TypeScript: the undecided value is the empty string, which specta
    /// cannot name as an enum variant. The UI offers `Disposition::ALL`.
    #[specta(type = String)]
    pub disposition: Disposition,
}

impl CommentInput {
    fn to_map(&self) -> Map<String, Value> {
        let mut m = Map::new();
        let text = |s: &str| Value::String(s.to_owned());
        m.insert("project_id".into(), text(&self.project_id));
        m.insert(
            "revision_id".into(),
            self.revision_id.as_deref().map(text).unwrap_or(Value::Null),
        );
        m.insert("mb".into(), text(&self.mb));
        m.insert("line".into(), text(&self.line));
        m.insert("clause".into(), text(&self.clause));
        m.insert("paragraph".into(), text(&self.paragraph));
        m.insert("type".into(), text(self.kind.as_str()));
        m.insert("comment".into(), text(&self.comment));
        m.insert("proposed_change".into(), text(&self.proposed_change));
        m.insert("observation".into(), text(&self.observation));
        m.insert("disposition".into(), text(self.disposition.as_str()));
        m
    }

    /// The eight template cells and the disposition, as exported.
    fn cells(&self) -> Vec<String> {
        vec![
            self.mb.clone(),
            self.line.clone(),
            self.clause.clone(),
            self.paragraph.clone(),
            self.kind.as_str().to_owned(),
            self.comment.clone(),
            self.proposed_change.clone(),
            self.observation.clone(),
            disposition_label(self.disposition).to_owned(),
        ]
    }
}

/// What every comment needs, as the template's guidance asks (DOMAIN.md §4.1): who comments,
/// where (a clause, or `General`), and the comment. Each refusal names its field.
pub fn check(input: &CommentInput) -> Result<()> {
    let missing = [
        (
            "mb",
            &input.mb,
            "give the member body or national committee: a two-letter country code such as DE or CN, or a liaison's acronym",
        ),
        (
            "clause",
            &input.clause,
            "give the clause or subclause (4.2, A.1), or General when the comment concerns the whole document",
        ),
        ("comment", &input.comment, "write the comment"),
    ];
    match missing.iter().find(|(_, value, _)| value.trim().is_empty()) {
        Some((field, _, message)) => Err(CoreError::invalid(*field, *message)),
        None => Ok(()),
    }
}

pub fn create(w: &mut Writer<'_>, input: &CommentInput) -> Result<String> {
    check(input)?;
    w.create(&COMMENT, input.to_map())
}

pub fn update(w: &mut Writer<'_>, id: &str, input: &CommentInput) -> Result<()> {
    check(input)?;
    w.update(&COMMENT, &projects::parse_id(id)?, input.to_map())
        .map(drop)
}

/// Records the secretariat's decision (and, if given, its observation).
pub fn set_disposition(
    w: &mut Writer<'_>,
    id: &str,
    disposition: Disposition,
    observation: Option<&str>,
) -> Result<()> {
    let mut m = Map::new();
    m.insert(
        "disposition".into(),
        Value::String(disposition.as_str().to_owned()),
    );
    if let Some(o) = observation {
        m.insert("observation".into(), Value::String(o.to_owned()));
    }
    w.update(&COMMENT, &projects::parse_id(id)?, m).map(drop)
}

pub fn remove(w: &mut Writer<'_>, id: &str) -> Result<()> {
    w.delete(&COMMENT, &projects::parse_id(id)?)
}

/// A project's live comments (of one revision, if given) in compiled-table order: by clause
/// (numbers compared part by part, `General` first), then member body, then when made.
pub fn list(
    conn: &Connection,
    project_id: &str,
    revision_id: Option<&str>,
) -> Result<Vec<Comment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, project_id, revision_id, mb, line, clause, paragraph, type, comment, proposed_change, observation, disposition
         FROM comment WHERE deleted = 0 AND project_id = ?1 AND (?2 IS NULL OR revision_id = ?2) ORDER BY id",
    )?;
    let rows = stmt.query_map(params![project_id, revision_id], |r| {
        let kind: String = r.get(7)?;
        let disposition: String = r.get(11)?;
        Ok(Comment {
            id: r.get(0)?,
            fields: CommentInput {
                project_id: r.get(1)?,
                revision_id: r.get(2)?,
                mb: r.get(3)?,
                line: r.get(4)?,
                clause: r.get(5)?,
                paragraph: r.get(6)?,
                kind: CommentType::parse(&kind).unwrap_or(CommentType::Ge),
                comment: r.get(8)?,
                proposed_change: r.get(9)?,
                observation: r.get(10)?,
                disposition: Disposition::parse(&disposition).unwrap_or(Disposition::Open),
            },
        })
    })?;
    let mut out: Vec<Comment> = rows.collect::<Result<_, _>>()?;
    out.sort_by(|a, b| {
        clause_order(&a.fields.clause, &b.fields.clause)
            .then_with(|| a.fields.mb.cmp(&b.fields.mb))
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(out)
}

/// Compares clause references the way a compiled table lists them: `General` (or empty) first,
/// then numbers part by part (`2` < `10` < `10.1`), then lettered annex clauses.
pub fn clause_order(a: &str, b: &str) -> Ordering {
    fn key(s: &str) -> (u8, Vec<(u8, u64, String)>) {
        let s = s.trim();
        if s.is_empty() || s.eq_ignore_ascii_case("general") {
            return (0, vec![]);
        }
        let parts = s
            .split(['.', ' '])
            .filter(|p| !p.is_empty())
            .map(|p| match p.parse::<u64>() {
                Ok(n) => (0, n, String::new()),
                Err(_) => (1, 0, p.to_owned()),
            })
            .collect::<Vec<_>>();
        let lettered = parts.first().is_some_and(|p| p.0 == 1);
        (if lettered { 2 } else { 1 }, parts)
    }
    key(a).cmp(&key(b))
}

/// The human label of a disposition, as exported (`Accepted with modification`).
pub fn disposition_label(d: Disposition) -> &'static str {
    match d {
        Disposition::Open => "",
        Disposition::Accepted => "Accepted",
        Disposition::AcceptedWithModification => "Accepted with modification",
        Disposition::AcceptedInPrinciple => "Accepted in principle",
        Disposition::NotAccepted => "Not accepted",
        Disposition::Noted => "Noted",
    }
}

fn parse_disposition(cell: &str) -> Option<Disposition> {
    let c = cell.trim().to_lowercase().replace(['_', '-'], " ");
    Some(match c.as_str() {
        "" => Disposition::Open,
        "accepted" | "accept" => Disposition::Accepted,
        "accepted with modification" | "accepted with modifications" | "partially accepted" => {
            Disposition::AcceptedWithModification
        }
        "accepted in principle" => Disposition::AcceptedInPrinciple,
        "not accepted" | "rejected" => Disposition::NotAccepted,
        "noted" => Disposition::Noted,
        _ => return None,
    })
}

fn parse_type(cell: &str) -> Option<CommentType> {
    Some(match cell.trim().to_lowercase().as_str() {
        "ge" | "general" => CommentType::Ge,
        "te" | "technical" => CommentType::Te,
        "ed" | "editorial" => CommentType::Ed,
        _ => return None,
    })
}

/// The compiled comments as a sheet in the template's column order plus `Disposition`.
pub fn export(
    conn: &Connection,
    project_id: &str,
    revision_id: Option<&str>,
    format: Format,
) -> Result<Vec<u8>> {
    let rows: Vec<Vec<String>> = list(conn, project_id, revision_id)?
        .iter()
        .map(|c| c.fields.cells())
        .collect();
    let mut header: Vec<&str> = TEMPLATE_COLUMNS.to_vec();
    header.push(DISPOSITION_COLUMN);
    match format {
        Format::Csv => table::write_csv(&header, &rows),
        Format::Xlsx => table::write_xlsx("Comments", &header, &rows),
    }
}

/// Writes [`export`] to `path` (`.csv` or `.xlsx`); returns the number of comments.
pub fn export_to(
    conn: &Connection,
    project_id: &str,
    revision_id: Option<&str>,
    path: &Path,
) -> Result<u32> {
    let name = path.display().to_string();
    let bytes = export(conn, project_id, revision_id, Format::from_name(&name)?)?;
    std::fs::write(path, bytes).map_err(|e| CoreError::io(path, e))?;
    Ok(list(conn, project_id, revision_id)?.len() as u32)
}

fn same_heading(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// A problem with one cell of an imported sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CellProblem {
    /// The column as the template heads it (`Type of comment`), or empty for the whole row.
    pub column: String,
    pub message: String,
}

/// One row of an imported sheet: its comment when every cell is good, else its problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PreviewRow {
    /// The row number as a spreadsheet shows it (the header is row 1).
    pub row: u32,
    /// The row's cells as read, in the template's column order.
    pub cells: Vec<String>,
    pub comment: Option<CommentInput>,
    pub problems: Vec<CellProblem>,
}

/// What importing a sheet would do, for the preview; nothing is written to make it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CommentsPreview {
    pub file: String,
    /// A problem with the sheet as a whole (its columns); the rows are not read then.
    pub sheet_problem: Option<String>,
    pub rows: Vec<PreviewRow>,
}

impl CommentsPreview {
    /// The first problem as one message naming file, row and column, if there is one.
    pub fn first_problem(&self) -> Option<String> {
        if let Some(p) = &self.sheet_problem {
            return Some(format!("{}: {p}", self.file));
        }
        self.rows.iter().find_map(|r| {
            r.problems.first().map(|p| {
                if p.column.is_empty() {
                    format!("{}: row {}: {}", self.file, r.row, p.message)
                } else {
                    format!(
                        "{}: row {}, column '{}': {}",
                        self.file, r.row, p.column, p.message
                    )
                }
            })
        })
    }
}

/// Checks the sheet's header: the template's eight columns in order, and maybe `Disposition`.
/// Returns whether the disposition column is there.
fn check_header(header: &[String]) -> std::result::Result<bool, String> {
    let want = TEMPLATE_COLUMNS.join(" | ");
    let has_disposition = header.len() == 9 && same_heading(&header[8], DISPOSITION_COLUMN);
    if header.len() != 8 && !has_disposition {
        return Err(format!(
            "has {} columns; a comments sheet has the template's 8 columns in this order (and may add {DISPOSITION_COLUMN}): {want}",
            header.len()
        ));
    }
    for (i, (got, expected)) in header.iter().zip(TEMPLATE_COLUMNS).enumerate() {
        if !same_heading(got, expected) {
            return Err(format!(
                "column {} is headed '{got}' but the template has '{expected}' there; the columns must be, in order: {want}",
                i + 1
            ));
        }
    }
    Ok(has_disposition)
}

/// Reads one row's cells into a comment, or every problem of the row.
fn read_row(
    cells: &[String],
    has_disposition: bool,
    project_id: &str,
    revision_id: Option<&str>,
) -> std::result::Result<CommentInput, Vec<CellProblem>> {
    let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
    let mut problems = Vec::new();
    let mut at = |col: usize, message: String| {
        problems.push(CellProblem {
            column: if col < 8 {
                TEMPLATE_COLUMNS[col]
            } else {
                DISPOSITION_COLUMN
            }
            .to_owned(),
            message,
        })
    };
    let mut texts: Vec<String> = Vec::with_capacity(8);
    for (col, name) in FIELDS.iter().enumerate() {
        if col == 4 {
            texts.push(String::new());
            continue;
        }
        let spec = COMMENT
            .field(name)
            .expect("template fields are comment fields");
        match validate::field(spec, &Value::String(cell(col).to_owned())) {
            Ok(value) => texts.push(value.as_str().unwrap_or_default().to_owned()),
            Err(CoreError::Validation { message, .. }) => {
                at(col, message);
                texts.push(String::new());
            }
            Err(other) => {
                at(col, other.to_string());
                texts.push(String::new());
            }
        }
    }
    let kind = parse_type(cell(4));
    if kind.is_none() {
        at(
            4,
            format!("unknown comment type '{}'; use ge, te or ed", cell(4)),
        );
    }
    let disposition = if has_disposition {
        parse_disposition(cell(8))
    } else {
        Some(Disposition::Open)
    };
    if disposition.is_none() {
        at(
            8,
            format!(
                "unknown disposition '{}'; use Accepted, Accepted with modification, Accepted in principle, Not accepted, Noted or leave it empty",
                cell(8)
            ),
        );
    }
    let comment = match (kind, disposition) {
        (Some(kind), Some(disposition)) => Some(CommentInput {
            project_id: project_id.to_owned(),
            revision_id: revision_id.map(str::to_owned),
            mb: texts[0].clone(),
            line: texts[1].clone(),
            clause: texts[2].clone(),
            paragraph: texts[3].clone(),
            kind,
            comment: texts[5].clone(),
            proposed_change: texts[6].clone(),
            observation: texts[7].clone(),
            disposition,
        }),
        _ => None,
    };
    if let Some(Err(CoreError::Validation { field, message })) = comment.as_ref().map(check) {
        let col = FIELDS.iter().position(|f| *f == field).unwrap_or(0);
        at(col, message);
    }
    match comment {
        Some(c) if problems.is_empty() => Ok(c),
        _ => Err(problems),
    }
}

/// Reads a comments sheet (`file` names it and picks CSV or XLSX by extension) for the preview:
/// the header checked, then every row with all its problems. Writes nothing.
pub fn preview(
    file: &str,
    bytes: &[u8],
    project_id: &str,
    revision_id: Option<&str>,
) -> Result<CommentsPreview> {
    let sheet = match Format::from_name(file)? {
        Format::Csv => table::read_csv(file, bytes)?,
        Format::Xlsx => table::read_xlsx(file, bytes)?,
    };
    let mut out = CommentsPreview {
        file: file.to_owned(),
        sheet_problem: None,
        rows: Vec::new(),
    };
    let has_disposition = match check_header(&sheet.header) {
        Ok(d) => d,
        Err(problem) => {
            out.sheet_problem = Some(problem);
            return Ok(out);
        }
    };
    for (row, problem) in &sheet.bad_rows {
        out.rows.push(PreviewRow {
            row: *row,
            cells: Vec::new(),
            comment: None,
            problems: vec![CellProblem {
                column: String::new(),
                message: problem.clone(),
            }],
        });
    }
    for (row, cells) in &sheet.rows {
        let (comment, problems) = match read_row(cells, has_disposition, project_id, revision_id) {
            Ok(c) => (Some(c), Vec::new()),
            Err(p) => (None, p),
        };
        out.rows.push(PreviewRow {
            row: *row,
            cells: cells.clone(),
            comment,
            problems,
        });
    }
    out.rows.sort_by_key(|r| r.row);
    Ok(out)
}

/// Reads a comments sheet into comments for `project_id`; the first problem is refused with
/// its file, row and column.
pub fn parse(
    file: &str,
    bytes: &[u8],
    project_id: &str,
    revision_id: Option<&str>,
) -> Result<Vec<CommentInput>> {
    let preview = preview(file, bytes, project_id, revision_id)?;
    if let Some(problem) = preview.first_problem() {
        return Err(CoreError::invalid("file", problem));
    }
    Ok(preview.rows.into_iter().filter_map(|r| r.comment).collect())
}

/// Imports a comments sheet for a project (and revision): checks it whole, then creates every
/// comment through the writer in the caller's transaction. Returns the new ids.
pub fn import(
    w: &mut Writer<'_>,
    file: &str,
    bytes: &[u8],
    project_id: &str,
    revision_id: Option<&str>,
) -> Result<Vec<String>> {
    let project_id = projects::parse_id(project_id)?;
    let comments = parse(file, bytes, &project_id, revision_id)?;
    comments.iter().map(|c| create(w, c)).collect()
}
