//! The pre-flight rules: what is missing (an error: the packet would be unusable and is not
//! made) or doubtful (a warning: shown, the packet can still be made) before a packet is made.
//! Pure functions of the assembled [`PacketData`] and its date, so they are tested as a table
//! without a database. Each item names the record and field to jump to, a message key with
//! arguments for the UI's translations (`packet.preflight.<code>`), and an English message.

use super::data::*;
use crate::enums::{Purpose, StatementState};

/// At least this many experts should be named on a new work item proposal (ISO: 4 or 5
/// P-members nominating experts, depending on the committee's size).
pub const MIN_EXPERTS: usize = 5;

/// Runs the rules for the packet's kind. Errors first, then warnings.
pub fn check(data: &PacketData) -> Vec<PreflightItem> {
    let mut out = Items {
        items: Vec::new(),
        source: data.source.clone(),
    };
    let date = data.date.as_str();
    match &data.content {
        PacketContent::Nwip(p) => nwip(&mut out, p, date),
        PacketContent::Draft(p) => draft(&mut out, p),
        PacketContent::Comments(p) => comments(&mut out, p),
        PacketContent::Liaison(p) => liaison(&mut out, p, date),
        PacketContent::GroupApplication(p) => group(&mut out, p, date),
    }
    let mut items = out.items;
    items.sort_by_key(|i| i.severity);
    items
}

struct Items {
    items: Vec<PreflightItem>,
    source: RecordRef,
}

impl Items {
    fn push(
        &mut self,
        severity: Severity,
        record: Option<RecordRef>,
        field: &str,
        code: &str,
        args: &[(&str, String)],
        message: String,
    ) {
        self.items.push(PreflightItem {
            severity,
            record: record.unwrap_or_else(|| self.source.clone()),
            field: field.to_owned(),
            key: format!("packet.preflight.{code}"),
            args: args
                .iter()
                .map(|(n, v)| MessageArg {
                    name: (*n).to_owned(),
                    value: v.clone(),
                })
                .collect(),
            message,
        });
    }

    fn error(&mut self, field: &str, code: &str, message: &str) {
        self.push(Severity::Error, None, field, code, &[], message.to_owned());
    }

    fn warn(&mut self, field: &str, code: &str, message: &str) {
        self.push(
            Severity::Warning,
            None,
            field,
            code,
            &[],
            message.to_owned(),
        );
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn person_ref(p: &PersonInfo) -> Option<RecordRef> {
    Some(RecordRef {
        kind: "person".into(),
        id: p.id.clone(),
    })
}

fn committee_ref(p: &ProjectInfo) -> Option<RecordRef> {
    p.committee.as_ref().map(|c| RecordRef {
        kind: "committee".into(),
        id: c.id.clone(),
    })
}

/// Target dates: missing is doubtful, and so is one already past on the packet's date.
fn target(out: &mut Items, p: &ProjectInfo, date: &str) {
    match p.target_date.as_deref() {
        None => out.warn(
            "target_date",
            "no_target_date",
            "the project has no target date: the project plan will show none",
        ),
        Some(t) if t < date => out.push(
            Severity::Warning,
            None,
            "target_date",
            "target_date_past",
            &[("date", t.to_owned())],
            format!("the target date {t} is in the past; set a new one"),
        ),
        Some(_) => {}
    }
}

fn nwip(out: &mut Items, p: &NwipPacket, date: &str) {
    let pr = &p.project;
    if blank(&pr.title_en) {
        out.error(
            "title_en",
            "no_title_en",
            "the project has no English title (Form 4, item 1)",
        );
    }
    if blank(&pr.scope) {
        out.error(
            "scope",
            "no_scope",
            "the project has no scope (Form 4, item 2)",
        );
    }
    if blank(&pr.purpose) {
        out.error(
            "purpose",
            "no_purpose",
            "the project has no purpose and justification (Form 4, item 3)",
        );
    }
    if pr.committee.is_none() {
        out.error(
            "committee_id",
            "no_committee",
            "the project has no committee: the proposal has no secretariat to go to",
        );
    }
    match &pr.leader {
        None => out.error(
            "leader_id",
            "no_leader",
            "the project has no project leader (Form 4, item 15)",
        ),
        Some(l) if blank(&l.email) && blank(&l.phone) => out.push(
            Severity::Warning,
            person_ref(l),
            "email",
            "leader_no_contact",
            &[("name", display_name(l))],
            format!(
                "the project leader {} has no e-mail or phone",
                display_name(l)
            ),
        ),
        Some(_) => {}
    }
    if p.experts.len() < MIN_EXPERTS {
        let n = p.experts.len();
        out.push(
            Severity::Warning,
            committee_ref(pr),
            "members",
            "few_experts",
            &[("count", n.to_string()), ("min", MIN_EXPERTS.to_string())],
            format!("only {n} expert(s) named; a new work item needs at least {MIN_EXPERTS} (add members to the committee)"),
        );
    }
    if pr.track_months.is_none() {
        out.warn(
            "track_months",
            "no_track",
            "no development track (18, 24, 36 or 48 months) is chosen (Form 4, item 6)",
        );
    }
    target(out, pr, date);
    if blank(&pr.known_patents) {
        out.warn(
            "known_patents",
            "no_patent_statement",
            "known patents are not stated; write \"none known\" if there are none (Form 4, item 8)",
        );
    }
    if blank(&p.proposer) {
        out.warn("leader_id", "no_proposer", "the proposer is not known: give the leader an organisation or the committee a secretariat");
    }
}

fn draft(out: &mut Items, p: &DraftPacket) {
    let pr = &p.project;
    let draft_ref = p.text.draft_id.as_ref().map(|id| RecordRef {
        kind: "draft".into(),
        id: id.clone(),
    });
    if p.text.blocks.is_empty() {
        let lang = p.text.lang.clone();
        out.push(
            Severity::Error,
            draft_ref.clone(),
            "body",
            "empty_draft",
            &[("lang", lang.clone())],
            format!("the draft text ({lang}) is empty; write the draft first"),
        );
    } else if !p
        .text
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Heading { .. }))
    {
        out.push(
            Severity::Warning,
            draft_ref,
            "body",
            "no_clauses",
            &[],
            "the draft has no numbered clauses (lines such as \"1 Scope\"): it will print without contents".to_owned(),
        );
    }
    for b in &p.text.blocks {
        if let Block::Figure { name, status, .. } = b {
            let (code, why) = match status {
                FigureStatus::Embedded => continue,
                FigureStatus::Missing => (
                    "figure_missing",
                    "the project has no attachment of that name",
                ),
                FigureStatus::NotImage => (
                    "figure_not_image",
                    "the attachment is not a PNG, JPEG, GIF or SVG image",
                ),
                FigureStatus::NotArrived => (
                    "figure_not_arrived",
                    "the attachment has not arrived on this workstation yet",
                ),
            };
            out.push(
                Severity::Warning,
                None,
                "attachments",
                code,
                &[("name", name.clone())],
                format!("figure {name}: {why}; the packet prints a placeholder"),
            );
        }
    }
    if blank(&pr.title_en) {
        out.warn(
            "title_en",
            "no_title_en",
            "the project has no English title: the cover shows only the Chinese one",
        );
    }
    if blank(&pr.title_zh) {
        out.warn(
            "title_zh",
            "no_title_zh",
            "the project has no Chinese title: the cover shows only the English one",
        );
    }
    if pr.committee.is_none() {
        out.warn(
            "committee_id",
            "no_committee",
            "the project has no committee: the cover names none",
        );
    }
}

fn comments(out: &mut Items, p: &CommentsPacket) {
    if p.count == 0 {
        out.error(
            "comments",
            "no_comments",
            "the project has no comments to compile",
        );
        return;
    }
    let all = || p.groups.iter().flat_map(|g| g.comments.iter());
    let no_mb = all().filter(|c| blank(&c.mb)).count();
    if no_mb > 0 {
        out.push(
            Severity::Warning,
            None,
            "mb",
            "comments_no_mb",
            &[("count", no_mb.to_string())],
            format!("{no_mb} comment(s) have no MB/NC (the two-letter country code or the liaison's acronym)"),
        );
    }
    let empty = all().filter(|c| blank(&c.comment)).count();
    if empty > 0 {
        out.push(
            Severity::Warning,
            None,
            "comment",
            "comments_empty",
            &[("count", empty.to_string())],
            format!("{empty} comment(s) have no text in the Comments column"),
        );
    }
}

fn liaison(out: &mut Items, p: &LiaisonPacket, date: &str) {
    if blank(&p.body) {
        out.error("body", "empty_body", "the statement has no body");
    }
    if blank(&p.to_party) {
        out.error("to_party", "no_to", "the statement has no addressee (To)");
    }
    if blank(&p.from_party) {
        out.error(
            "from_party",
            "no_from",
            "the statement has no sender (From)",
        );
    }
    let open = matches!(p.state, StatementState::Pending | StatementState::Approved);
    match p.deadline.as_deref() {
        None if matches!(p.purpose, Purpose::Action | Purpose::Comment) => out.warn(
            "deadline",
            "no_deadline",
            "the statement asks for action or comment but has no deadline",
        ),
        Some(d) if open && d < date => out.push(
            Severity::Warning,
            None,
            "deadline",
            "deadline_past",
            &[("date", d.to_owned())],
            format!("the deadline {d} is in the past"),
        ),
        _ => {}
    }
    if p.state == StatementState::Dead {
        out.warn(
            "state",
            "statement_dead",
            "the statement is dead (withdrawn)",
        );
    }
    if p.contacts.is_empty() {
        out.warn(
            "liaison_id",
            "no_contacts",
            "no contacts: the statement has no liaison representative and its committee no chair or committee manager",
        );
    }
}

fn group(out: &mut Items, p: &GroupApplicationPacket, date: &str) {
    let pr = &p.project;
    if blank(&pr.title_zh) {
        out.error(
            "title_zh",
            "no_title_zh",
            "the project has no Chinese title (标准名称)",
        );
    }
    if blank(&pr.scope) {
        out.error("scope", "no_scope", "the project has no scope (适用范围)");
    }
    if blank(&pr.purpose) {
        out.error(
            "purpose",
            "no_purpose",
            "the project has no purpose and justification (目的和意义)",
        );
    }
    if pr.leader.is_none() {
        out.error(
            "leader_id",
            "no_leader",
            "the project has no project leader (项目负责人)",
        );
    }
    if blank(&p.association) {
        out.warn("committee_id", "no_association", "the association is not known: give the project a committee that belongs to the association");
    }
    if p.drafting_units.is_empty() {
        out.push(
            Severity::Warning,
            committee_ref(pr),
            "members",
            "no_drafting_units",
            &[],
            "no drafting units (起草单位): the drafters have no organisation".to_owned(),
        );
    }
    if p.outline.is_empty() {
        out.warn("draft", "no_draft_outline", "there is no Chinese draft with clauses: the drafting explanation cannot list the main content");
    }
    target(out, pr, date);
}

fn display_name(p: &PersonInfo) -> String {
    format!("{} {}", p.name_zh, p.name_en).trim().to_owned()
}
