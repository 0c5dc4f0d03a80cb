//! The typed input of a packet: what the renderer (`normdesk-packet`) typesets and what the
//! Packets screen shows. Plain data with every label already resolved (names, stage names,
//! committee references), so rendering needs no database. These types cross IPC and are the
//! JSON the templates read through `sys.inputs`: field names here are the templates' names.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::enums::{CommentType, Direction, Purpose, Role, StatementState};

/// The five kinds of packet. Wire names are the CLI's `KIND` argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum PacketKind {
    /// New work item proposal (ISO Form 4 content), with the expert list and a cover letter.
    #[serde(rename = "nwip")]
    Nwip,
    /// A draft for circulation: cover, contents, numbered clauses.
    #[serde(rename = "draft")]
    Draft,
    /// The compiled comments in the 8-column template, landscape.
    #[serde(rename = "comments")]
    Comments,
    /// A liaison statement: envelope and body.
    #[serde(rename = "liaison")]
    Liaison,
    /// A group standard application (立项申请书) with its drafting explanation (编制说明).
    #[serde(rename = "group-application")]
    GroupApplication,
}

impl PacketKind {
    pub const ALL: &'static [&'static str] =
        &["nwip", "draft", "comments", "liaison", "group-application"];

    pub fn as_str(self) -> &'static str {
        match self {
            PacketKind::Nwip => "nwip",
            PacketKind::Draft => "draft",
            PacketKind::Comments => "comments",
            PacketKind::Liaison => "liaison",
            PacketKind::GroupApplication => "group-application",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "nwip" => Some(PacketKind::Nwip),
            "draft" => Some(PacketKind::Draft),
            "comments" => Some(PacketKind::Comments),
            "liaison" => Some(PacketKind::Liaison),
            "group-application" => Some(PacketKind::GroupApplication),
            _ => None,
        }
    }

    /// The record kind a packet of this kind is made from ("project" or "statement").
    pub fn record_kind(self) -> &'static str {
        match self {
            PacketKind::Liaison => "statement",
            _ => "project",
        }
    }
}

impl std::fmt::Display for PacketKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the Packets screen (or the CLI) asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PacketRequest {
    pub kind: PacketKind,
    /// The project's id, or the statement's for `liaison`.
    pub id: String,
    /// The packet's date (`YYYY-MM-DD`), printed on it and used by the date rules; defaults to
    /// the local date. The CLI sets it from `SOURCE_DATE_EPOCH` when that is set.
    #[serde(default)]
    pub date: Option<String>,
    /// Which draft text (`en` or `zh`) a draft packet prints; defaults to Chinese for Chinese
    /// tiers and English otherwise, falling back to whichever exists.
    #[serde(default)]
    pub lang: Option<String>,
}

/// A record a packet is made from or a pre-flight item points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RecordRef {
    /// "project", "statement", "committee", "person", "draft"
    pub kind: String,
    pub id: String,
}

/// A committee as printed: reference and titles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CommitteeInfo {
    pub id: String,
    pub reference: String,
    pub title_en: String,
    pub title_zh: String,
    /// The secretariat (member body), e.g. "SAC".
    pub secretariat: String,
    /// The organisation's acronym ("ISO"), empty when none.
    pub organisation: String,
    /// The organisation's names, for group standards (the association).
    pub organisation_en: String,
    pub organisation_zh: String,
}

/// A person as printed in a list, a letter or an envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PersonInfo {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub email: String,
    pub phone: String,
    /// The organisation's acronym, or its name when it has none.
    pub organisation: String,
    pub organisation_zh: String,
    pub expertise: String,
    /// The role that puts the person on a list (an expert list, a contacts list).
    pub role: Option<Role>,
}

/// A project as every packet about it heads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ProjectInfo {
    pub id: String,
    pub reference: String,
    pub title_en: String,
    pub title_zh: String,
    /// Wire name of the tier ("international" … "enterprise").
    pub tier: String,
    /// Wire name of the deliverable ("IS", "GB/T", "T", …).
    pub deliverable: String,
    /// Harmonized stage code and its names.
    pub stage: String,
    pub stage_en: String,
    pub stage_zh: String,
    /// The Chinese process name (起草, 征求意见, …).
    pub stage_cn_process: String,
    pub committee: Option<CommitteeInfo>,
    pub leader: Option<PersonInfo>,
    pub track_months: Option<u32>,
    pub start_date: Option<String>,
    pub target_date: Option<String>,
    pub limit_date: Option<String>,
    pub scope: String,
    pub purpose: String,
    pub relevant_documents: String,
    pub known_patents: String,
    pub liaisons_engaged: String,
    /// Stage history, oldest first.
    pub history: Vec<Milestone>,
}

/// A dated step: a stage history entry or a planned milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Milestone {
    pub label_en: String,
    pub label_zh: String,
    pub date: Option<String>,
    pub note: String,
}

/// One block of a draft's text, as the draft packet prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A numbered clause heading: number "4.2.1" (level 3), or an annex ("Annex A", level 1).
    Heading {
        number: String,
        level: u32,
        text: String,
    },
    /// A paragraph of running text.
    Paragraph { text: String },
    /// A note or an example ("NOTE 1 …", "注1：…", "EXAMPLE …", "示例：…"), printed smaller.
    Note { label: String, text: String },
    /// An item of a list ("a) …", "— …", "- …").
    Item { label: String, text: String },
    /// A table: consecutive `|` rows; the first row is the header.
    Table { rows: Vec<Vec<String>> },
    /// A table's caption ("Table 1 — Pads", "表1 …").
    Caption { text: String },
    /// A figure reference (`[[figure: name]]`): the project's attachment of that name. `file`
    /// is the image's name among [`PacketData::figures`] when it is embedded; otherwise the
    /// packet prints a placeholder and `status` says why (pre-flight warns).
    Figure {
        name: String,
        #[serde(default)]
        file: Option<String>,
        #[serde(default)]
        status: FigureStatus,
    },
}

/// Whether a figure's image could be embedded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FigureStatus {
    /// The project has an image attachment of that name: it is printed.
    Embedded,
    /// The project has no attachment of that name (or it is not looked up for this kind).
    #[default]
    Missing,
    /// The attachment is not a PNG, JPEG, GIF or SVG image.
    NotImage,
    /// The attachment's bytes have not arrived on this workstation yet (sync).
    NotArrived,
}

/// An image a packet embeds: its virtual file name (`figures/1.png`) and bytes. Never crosses
/// IPC and is not part of the templates' JSON; the renderer serves it as a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FigureFile {
    pub file: String,
    pub bytes: Vec<u8>,
}

/// A draft text split into blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DraftText {
    pub draft_id: Option<String>,
    /// "en" or "zh".
    pub lang: String,
    pub blocks: Vec<Block>,
}

/// New work item proposal: ISO Form 4 content, the expert list and a cover letter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct NwipPacket {
    pub project: ProjectInfo,
    /// Whether a draft text exists (Form 4 "preparatory work": a draft is attached).
    pub draft_attached: bool,
    /// The draft's clause headings (an outline), when a draft exists.
    pub outline: Vec<Block>,
    /// Target dates: start, target, limit.
    pub plan: Vec<Milestone>,
    /// The proposer (the leader's organisation, or our committee's secretariat).
    pub proposer: String,
    /// People with a current role in the project's committee, leader first.
    pub experts: Vec<PersonInfo>,
}

/// A draft for circulation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DraftPacket {
    pub project: ProjectInfo,
    pub text: DraftText,
    /// Published (stage 60.60 or later): no "DRAFT" mark.
    pub published: bool,
}

/// One comment, one row of the 8-column template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CommentRow {
    pub id: String,
    /// "CN-001": MB and a running number.
    pub label: String,
    pub mb: String,
    pub line: String,
    pub clause: String,
    pub paragraph: String,
    #[serde(rename = "type")]
    pub kind: CommentType,
    pub comment: String,
    pub proposed_change: String,
    pub observation: String,
}

/// Comments on one clause ("General" first, then clause order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CommentGroup {
    pub clause: String,
    pub comments: Vec<CommentRow>,
}

/// The compiled comments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CommentsPacket {
    pub project: ProjectInfo,
    /// The document commented on: the revision's name ("CD"), else the project reference.
    pub document: String,
    pub groups: Vec<CommentGroup>,
    pub count: u32,
}

/// A liaison statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LiaisonPacket {
    pub id: String,
    pub title: String,
    pub direction: Direction,
    pub from_party: String,
    pub to_party: String,
    pub purpose: Purpose,
    pub deadline: Option<String>,
    pub state: StatementState,
    pub committee: Option<CommitteeInfo>,
    /// The liaison's organisation and category ("IEEE SA — category A").
    pub liaison: Option<String>,
    /// The liaison representative, then the committee's chair and committee manager.
    pub contacts: Vec<PersonInfo>,
    /// The statement answered: its title.
    pub in_response_to: Option<String>,
    pub body: String,
    /// Names of attached files (listed, not embedded).
    pub attachments: Vec<String>,
}

/// A group standard application (立项申请书) with its drafting explanation (编制说明).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct GroupApplicationPacket {
    pub project: ProjectInfo,
    /// The association the application goes to (the committee's organisation, in Chinese).
    pub association: String,
    /// The drafting units: the organisations of the drafters, leader's first.
    pub drafting_units: Vec<String>,
    /// The drafters (起草人): people with a current role in the committee, leader first.
    pub drafters: Vec<PersonInfo>,
    pub plan: Vec<Milestone>,
    /// The Chinese draft's clause headings (主要技术内容), when a draft exists.
    pub outline: Vec<Block>,
    /// How many ballot comments were received and how many are not yet dispositioned.
    pub comments_received: u32,
    pub comments_open: u32,
}

/// The packet's content, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "kind")]
pub enum PacketContent {
    #[serde(rename = "nwip")]
    Nwip(NwipPacket),
    #[serde(rename = "draft")]
    Draft(DraftPacket),
    #[serde(rename = "comments")]
    Comments(CommentsPacket),
    #[serde(rename = "liaison")]
    Liaison(LiaisonPacket),
    #[serde(rename = "group-application")]
    GroupApplication(GroupApplicationPacket),
}

/// Everything a packet prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PacketData {
    /// The record it is made from.
    pub source: RecordRef,
    /// The packet's date, `YYYY-MM-DD`.
    pub date: String,
    /// The PDF's title (document information), e.g. "ISO/CD 21384-5 — Draft for circulation".
    pub title: String,
    /// The kind-specific content, tagged with `kind`.
    pub content: PacketContent,
    /// The images the content refers to by `file` (draft figures); not serialised.
    #[serde(skip)]
    pub figures: Vec<FigureFile>,
}

impl PacketData {
    pub fn kind(&self) -> PacketKind {
        match self.content {
            PacketContent::Nwip(_) => PacketKind::Nwip,
            PacketContent::Draft(_) => PacketKind::Draft,
            PacketContent::Comments(_) => PacketKind::Comments,
            PacketContent::Liaison(_) => PacketKind::Liaison,
            PacketContent::GroupApplication(_) => PacketKind::GroupApplication,
        }
    }
}

/// How serious a pre-flight item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The packet would be unusable: making it is refused.
    Error,
    /// Doubtful: shown, and the packet can still be made.
    Warning,
}

/// One argument of a pre-flight message (for the UI's translated text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MessageArg {
    pub name: String,
    pub value: String,
}

/// One thing missing or doubtful before a packet is made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct PreflightItem {
    pub severity: Severity,
    /// The record to open to fix it.
    pub record: RecordRef,
    /// The field to jump to (a schema field name such as "scope", or "members", "body").
    pub field: String,
    /// A stable message key for the UI's translations, e.g. "packet.preflight.no_scope".
    pub key: String,
    pub args: Vec<MessageArg>,
    /// The message in English (the CLI prints it).
    pub message: String,
}

/// The assembled packet and its pre-flight list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Assembled {
    pub data: PacketData,
    /// Errors first, then warnings, each in the order the rules run.
    pub preflight: Vec<PreflightItem>,
}

impl Assembled {
    /// Whether any pre-flight item is an error (the packet must not be made).
    pub fn blocked(&self) -> bool {
        self.preflight.iter().any(|i| i.severity == Severity::Error)
    }
}

/// The phases of making a packet, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PacketPhase {
    /// Gathering the data and running the pre-flight rules.
    Assemble,
    /// Typesetting (most of the time).
    Layout,
    /// Writing the PDF (fonts subset and embedded).
    Export,
    /// Writing the file.
    Save,
}

/// A progress report: the phase about to start, as step `step` of `steps`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PacketProgress {
    pub phase: PacketPhase,
    pub step: u32,
    pub steps: u32,
}
