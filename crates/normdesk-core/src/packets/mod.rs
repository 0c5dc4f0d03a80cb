//! Packets, the store's side: gather what a packet prints into typed, label-resolved data
//! ([`data`]) and check it before it is made ([`preflight`]). Typesetting is not here: the
//! `normdesk-packet` crate turns [`data::PacketData`] into PDF bytes, so the core never builds or
//! links the typesetter.
//!
//! Entry point: [`assemble`] (a Tauri command or the CLI calls it in one line), which refuses an
//! unknown id and a kind that does not apply to the record, and returns the data with its
//! pre-flight list.

pub mod data;
mod load;
pub mod preflight;
pub mod text;

use rusqlite::Connection;

use crate::enums::{Role, Tier};
use crate::error::{CoreError, Result};
use crate::projects::parse_id;
use crate::{liaisons, statements, typed};
use data::*;

/// Gathers a packet's data and its pre-flight list.
///
/// Errors: a malformed or unknown id (`NotFound` names the record kind the packet needs), and a
/// kind that does not apply to the record (`Validation` on `kind`: a `liaison` packet for a
/// project, a `nwip` for a group standard, …).
pub fn assemble(conn: &Connection, req: &PacketRequest) -> Result<Assembled> {
    let id = parse_id(&req.id)?;
    let date = typed::today_or_now(req.date.as_deref())?;
    let wanted = req.kind.record_kind();
    let other = if wanted == "project" {
        "statement"
    } else {
        "project"
    };
    if !load::exists(conn, wanted, &id)? {
        if load::exists(conn, other, &id)? {
            return Err(kind_mismatch(req.kind, other, &id, None));
        }
        return Err(CoreError::not_found(wanted, &id));
    }
    let data = match req.kind {
        PacketKind::Liaison => liaison(conn, &id, &date)?,
        kind => {
            let (project, tier) = load::project(conn, &id)?;
            check_tier(kind, tier, &id)?;
            project_packet(conn, kind, project, tier, &date, req.lang.as_deref())?
        }
    };
    let preflight = preflight::check(&data);
    Ok(Assembled { data, preflight })
}

fn kind_mismatch(kind: PacketKind, record: &str, id: &str, detail: Option<&str>) -> CoreError {
    let fits = match record {
        "statement" => "liaison".to_owned(),
        _ => "nwip, draft, comments or group-application".to_owned(),
    };
    let detail = detail.map(|d| format!(" ({d})")).unwrap_or_default();
    CoreError::invalid(
        "kind",
        format!(
            "a {kind} packet cannot be made from {record} {id}{detail}; for a {record} use {fits}"
        ),
    )
}

/// The kinds of packet that can be made from a record: for a project those its tier allows
/// ([`applies`]), for a statement `liaison`. Errors: a malformed id, or neither a project nor a
/// statement with it (`NotFound` on "record").
pub fn kinds_for(conn: &Connection, id: &str) -> Result<Vec<PacketKind>> {
    let id = parse_id(id)?;
    if load::exists(conn, "statement", &id)? {
        return Ok(vec![PacketKind::Liaison]);
    }
    if !load::exists(conn, "project", &id)? {
        return Err(CoreError::not_found("project or statement", &id));
    }
    let (_, tier) = load::project(conn, &id)?;
    Ok(PROJECT_KINDS
        .iter()
        .copied()
        .filter(|k| applies(*k, tier))
        .collect())
}

/// The kinds made from a project, in the order the Packets screen offers them.
const PROJECT_KINDS: [PacketKind; 4] = [
    PacketKind::Nwip,
    PacketKind::GroupApplication,
    PacketKind::Draft,
    PacketKind::Comments,
];

/// Which project tiers each kind applies to: Form 4 is for international and regional work,
/// the 立项申请书 for group (association) standards; drafts and comments for any project.
pub fn applies(kind: PacketKind, tier: Tier) -> bool {
    match kind {
        PacketKind::Nwip => matches!(tier, Tier::International | Tier::Regional),
        PacketKind::GroupApplication => tier == Tier::Group,
        PacketKind::Liaison => false,
        _ => true,
    }
}

fn check_tier(kind: PacketKind, tier: Tier, id: &str) -> Result<()> {
    if applies(kind, tier) {
        return Ok(());
    }
    let what = match kind {
        PacketKind::Nwip => "a new work item proposal is for international or regional projects",
        _ => "a group standard application is for group (association) standards",
    };
    Err(CoreError::invalid(
        "kind",
        format!(
            "a {kind} packet does not apply to project {id}, a {} standard: {what}",
            tier.as_str()
        ),
    ))
}

fn project_packet(
    conn: &Connection,
    kind: PacketKind,
    project: ProjectInfo,
    tier: Tier,
    date: &str,
    lang: Option<&str>,
) -> Result<PacketData> {
    let source = RecordRef {
        kind: "project".into(),
        id: project.id.clone(),
    };
    let leader_id = project.leader.as_ref().map(|l| l.id.clone());
    let people = |conn: &Connection| -> Result<Vec<PersonInfo>> {
        let mut people = match &project.committee {
            Some(c) => load::committee_people(conn, &c.id, date, leader_id.as_deref())?,
            None => Vec::new(),
        };
        // The leader is named even without a role in the committee.
        if let Some(leader) = &project.leader
            && !people.iter().any(|p| p.id == leader.id)
        {
            people.insert(0, leader.clone());
        }
        Ok(people)
    };
    let chinese = !matches!(tier, Tier::International | Tier::Regional);
    let mut figures = Vec::new();
    let (title, content) = match kind {
        PacketKind::Nwip => {
            let draft = load::draft(conn, &project.id, "en", false)?;
            let outline = draft
                .as_ref()
                .map(|d| text::outline(&d.blocks))
                .unwrap_or_default();
            let proposer = project
                .leader
                .as_ref()
                .map(|l| l.organisation.clone())
                .filter(|o| !o.is_empty())
                .or_else(|| {
                    project
                        .committee
                        .as_ref()
                        .map(|c| c.secretariat.clone())
                        .filter(|s| !s.is_empty())
                })
                .unwrap_or_default();
            let experts = people(conn)?;
            let title = format!("{} — New work item proposal", label(&project));
            (
                title,
                PacketContent::Nwip(NwipPacket {
                    draft_attached: draft.as_ref().is_some_and(|d| !d.blocks.is_empty()),
                    outline,
                    plan: plan(&project),
                    proposer,
                    experts,
                    project,
                }),
            )
        }
        PacketKind::Draft => {
            let lang = lang.unwrap_or(if chinese { "zh" } else { "en" });
            let mut text = load::draft(conn, &project.id, lang, false)?.unwrap_or(DraftText {
                draft_id: None,
                lang: lang.to_owned(),
                blocks: Vec::new(),
            });
            figures = load::figures(conn, &project.id, &mut text.blocks)?;
            let published =
                crate::stages::is_closed(&project.stage) && !project.stage.ends_with(".98");
            let title = format!("{} — Draft for circulation", label(&project));
            (
                title,
                PacketContent::Draft(DraftPacket {
                    published,
                    text,
                    project,
                }),
            )
        }
        PacketKind::Comments => {
            let (rows, revision) = load::comments(conn, &project.id)?;
            let count = rows.len() as u32;
            let document = match revision {
                Some(r) => format!("{} ({r})", project.reference),
                None => project.reference.clone(),
            };
            let title = format!("{} — Compiled comments", label(&project));
            (
                title,
                PacketContent::Comments(CommentsPacket {
                    document,
                    groups: group_by_clause(rows),
                    count,
                    project,
                }),
            )
        }
        PacketKind::GroupApplication => {
            let draft = load::draft(conn, &project.id, "zh", false)?;
            let outline = draft
                .as_ref()
                .map(|d| text::outline(&d.blocks))
                .unwrap_or_default();
            let drafters = people(conn)?;
            let mut drafting_units: Vec<String> = Vec::new();
            for p in &drafters {
                let unit = if p.organisation_zh.is_empty() {
                    &p.organisation
                } else {
                    &p.organisation_zh
                };
                if !unit.is_empty() && !drafting_units.contains(unit) {
                    drafting_units.push(unit.clone());
                }
            }
            let association = project
                .committee
                .as_ref()
                .map(|c| {
                    if c.organisation_zh.is_empty() {
                        c.organisation_en.clone()
                    } else {
                        c.organisation_zh.clone()
                    }
                })
                .unwrap_or_default();
            let (comments_received, comments_open) = load::comment_counts(conn, &project.id)?;
            let title = format!("{} — 团体标准立项申请书及编制说明", label(&project));
            (
                title,
                PacketContent::GroupApplication(GroupApplicationPacket {
                    association,
                    drafting_units,
                    drafters,
                    plan: plan(&project),
                    outline,
                    comments_received,
                    comments_open,
                    project,
                }),
            )
        }
        PacketKind::Liaison => unreachable!("liaison packets are assembled from statements"),
    };
    Ok(PacketData {
        source,
        date: date.to_owned(),
        title,
        content,
        figures,
    })
}

fn label(p: &ProjectInfo) -> String {
    let title = if p.title_en.is_empty() {
        &p.title_zh
    } else {
        &p.title_en
    };
    if p.reference.is_empty() {
        title.clone()
    } else {
        p.reference.clone()
    }
}

/// The project plan: start, target (publication) and limit dates.
fn plan(p: &ProjectInfo) -> Vec<Milestone> {
    let m = |en: &str, zh: &str, date: &Option<String>| Milestone {
        label_en: en.to_owned(),
        label_zh: zh.to_owned(),
        date: date.clone(),
        note: String::new(),
    };
    vec![
        m("Project start", "项目启动", &p.start_date),
        m(
            "Target date for publication",
            "计划发布日期",
            &p.target_date,
        ),
        m("Limit date", "完成期限", &p.limit_date),
    ]
}

/// Comments grouped by clause: "General" (or no clause) first, then clause order (1 < 1.1 < 2 <
/// 10 < A.1, [`crate::comments::clause_order`]); within a clause, in the order given.
pub fn group_by_clause(rows: Vec<CommentRow>) -> Vec<CommentGroup> {
    let mut groups: Vec<CommentGroup> = Vec::new();
    for row in rows {
        let clause = clause_key(&row.clause);
        match groups.iter_mut().find(|g| g.clause == clause) {
            Some(g) => g.comments.push(row),
            None => groups.push(CommentGroup {
                clause,
                comments: vec![row],
            }),
        }
    }
    groups.sort_by(|a, b| crate::comments::clause_order(&a.clause, &b.clause));
    groups
}

fn clause_key(clause: &str) -> String {
    let c = clause.trim();
    if c.is_empty() || c.eq_ignore_ascii_case("general") || c == "总体" {
        "General".to_owned()
    } else {
        c.to_owned()
    }
}

fn liaison(conn: &Connection, id: &str, date: &str) -> Result<PacketData> {
    let detail = statements::get(conn, id, Some(date))?;
    let s = detail.statement.fields;
    let committee = s
        .committee_id
        .as_deref()
        .map(|c| load::committee(conn, c))
        .transpose()?
        .flatten();
    let mut contacts: Vec<PersonInfo> = Vec::new();
    let mut liaison_label = None;
    if let Some(lid) = s.liaison_id.as_deref() {
        let l = liaisons::get(conn, lid)?;
        let org = detail
            .liaison
            .as_ref()
            .map(|r| r.label.clone())
            .unwrap_or_default();
        liaison_label = Some(
            format!("{org} — category {}", l.fields.category.as_str())
                .trim_start_matches(" — ")
                .to_owned(),
        );
        if let Some(rep) = l.fields.representative_id.as_deref()
            && let Some(p) = load::person(conn, rep, Some(Role::LiaisonRep))?
        {
            contacts.push(p);
        }
    }
    if let Some(c) = &committee {
        for p in load::committee_people(conn, &c.id, date, None)? {
            if matches!(p.role, Some(Role::Chair | Role::CommitteeManager))
                && !contacts.iter().any(|x| x.id == p.id)
            {
                contacts.push(p);
            }
        }
    }
    let title = format!("Liaison statement — {}", s.title);
    Ok(PacketData {
        source: RecordRef {
            kind: "statement".into(),
            id: id.to_owned(),
        },
        date: date.to_owned(),
        title,
        content: PacketContent::Liaison(LiaisonPacket {
            id: id.to_owned(),
            title: s.title,
            direction: s.direction,
            from_party: s.from_party,
            to_party: s.to_party,
            purpose: s.purpose,
            deadline: s.deadline,
            state: s.state,
            committee,
            liaison: liaison_label,
            contacts,
            in_response_to: detail.in_response_to.map(|r| r.label),
            body: s.body,
            attachments: detail.attachments.into_iter().map(|a| a.name).collect(),
        }),
        figures: Vec::new(),
    })
}
