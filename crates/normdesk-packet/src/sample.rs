//! Sample packets of every kind, with fixed ids and dates: the headless example renders them,
//! the golden tests check them, the bench scales the draft up. Made as plain data (no store).

use normdesk_core::enums::{CommentType, Direction, Purpose, Role, StatementState};
use normdesk_core::packets::data::*;
use normdesk_core::packets::{group_by_clause, text};

pub const DATE: &str = "2026-03-02";
pub const PROJECT_ID: &str = "0195a000-0000-7000-8000-000000000001";
pub const STATEMENT_ID: &str = "0195a000-0000-7000-8000-000000000002";

fn person(n: u32, zh: &str, en: &str, org: &str, org_zh: &str, role: Role) -> PersonInfo {
    PersonInfo {
        id: format!("0195a000-0000-7000-8000-0000000001{n:02}"),
        name_zh: zh.into(),
        name_en: en.into(),
        email: format!("{}@example.org", en.to_lowercase().replace(' ', ".")),
        phone: format!("+86 755 8300 00{n:02}"),
        organisation: org.into(),
        organisation_zh: org_zh.into(),
        expertise: "unmanned aircraft".into(),
        role: Some(role),
    }
}

pub fn experts() -> Vec<PersonInfo> {
    vec![
        person(
            1,
            "李明",
            "Li Ming",
            "SIST",
            "深圳市标准技术研究院",
            Role::ProjectLeader,
        ),
        person(
            2,
            "王芳",
            "Wang Fang",
            "CAAC",
            "中国民用航空局",
            Role::Expert,
        ),
        person(
            3,
            "陈静",
            "Chen Jing",
            "DJI",
            "深圳市大疆创新科技有限公司",
            Role::Expert,
        ),
        person(4, "", "Anna Müller", "DIN", "", Role::Expert),
        person(5, "", "James Carter", "ANSI", "", Role::Expert),
        person(
            6,
            "赵磊",
            "Zhao Lei",
            "SIST",
            "深圳市标准技术研究院",
            Role::Member,
        ),
    ]
}

fn committee(group: bool) -> CommitteeInfo {
    if group {
        CommitteeInfo {
            id: "0195a000-0000-7000-8000-000000000201".into(),
            reference: "SZSA/TC 3".into(),
            title_en: "Low-altitude economy".into(),
            title_zh: "低空经济标准化技术委员会".into(),
            secretariat: "SIST".into(),
            organisation: "SZSA".into(),
            organisation_en: "Shenzhen Standardization Association".into(),
            organisation_zh: "深圳市标准化协会".into(),
        }
    } else {
        CommitteeInfo {
            id: "0195a000-0000-7000-8000-000000000200".into(),
            reference: "ISO/TC 20/SC 16".into(),
            title_en: "Unmanned aircraft systems".into(),
            title_zh: "无人驾驶航空器系统".into(),
            secretariat: "ANSI".into(),
            organisation: "ISO".into(),
            organisation_en: "International Organization for Standardization".into(),
            organisation_zh: "国际标准化组织".into(),
        }
    }
}

fn milestone(en: &str, zh: &str, date: &str, note: &str) -> Milestone {
    Milestone {
        label_en: en.into(),
        label_zh: zh.into(),
        date: Some(date.into()),
        note: note.into(),
    }
}

/// An international project at the committee draft stage.
pub fn project() -> ProjectInfo {
    ProjectInfo {
        id: PROJECT_ID.into(),
        reference: "ISO/CD 21384-5".into(),
        title_en: "Unmanned aircraft systems — Part 5: Police operations".into(),
        title_zh: "无人驾驶航空器系统 第5部分：警务运行".into(),
        tier: "international".into(),
        deliverable: "IS".into(),
        stage: "30.20".into(),
        stage_en: "CD study/ballot initiated".into(),
        stage_zh: "委员会草案研究/投票开始".into(),
        stage_cn_process: "征求意见".into(),
        committee: Some(committee(false)),
        leader: experts().into_iter().next(),
        track_months: Some(36),
        start_date: Some("2025-06-01".into()),
        target_date: Some("2028-06-01".into()),
        limit_date: Some("2028-12-01".into()),
        scope: "This document specifies requirements for the safe operation of unmanned aircraft systems (UAS) by police and public-safety services.\n\nIt applies to operations in urban areas, including at night.".into(),
        purpose: "Police forces operate UAS under diverse national rules. A common standard reduces training costs and eases cross-border cooperation.".into(),
        relevant_documents: "ISO 21384-3:2019 Unmanned aircraft systems — Part 3: Operational procedures\nGB/T 38152-2019 无人驾驶航空器系统术语".into(),
        known_patents: "None known.".into(),
        liaisons_engaged: "ISO/TC 292 Security and resilience; ICAO UAS panel".into(),
        history: vec![
            milestone("00.00 Proposal received", "00.00 收到新项目提案", "2025-06-01", "Proposal from SAC"),
            milestone("10.99 New project approved", "10.99 新项目批准", "2025-09-15", ""),
            milestone("30.20 CD ballot initiated", "30.20 委员会草案投票开始", "2026-02-01", "CD 1"),
        ],
    }
}

/// The draft text of the sample project: `sections` main clauses, each with subclauses, mixed
/// English and Chinese, notes and lists (about 2 pages per 3 sections).
pub fn draft_body(sections: usize) -> String {
    let mut body = String::from(
        "1 Scope\nThis document specifies requirements for the safe operation of unmanned aircraft systems by police services. 本文件规定了警务无人驾驶航空器系统安全运行的要求。\n\n\
         2 Normative references\nThere are no normative references in this document.\n\n\
         3 Terms and definitions\n3.1\nremote pilot\nperson who controls the flight of an unmanned aircraft 遥控驾驶员\n\n",
    );
    for s in 4..4 + sections {
        body.push_str(&format!("{s} Operational requirements, group {s}\n"));
        for sub in 1..=3 {
            body.push_str(&format!(
                "{s}.{sub} Procedure {s}.{sub} 程序\n\
                 The operator shall establish a procedure for each phase of flight, covering pre-flight inspection, \
                 launch, the mission itself, recovery and the post-flight report. The procedure shall name the remote pilot \
                 in command and the observer, and shall be reviewed after every incident. \
                 运营人应为飞行的每个阶段建立程序，包括飞行前检查、起飞、任务执行、回收和飞行后报告。程序应指定机长和观察员，并在每次事件后进行评审。\n\n\
                 a) the pre-flight inspection shall follow the manufacturer's checklist;\n\
                 b) 飞行前检查应遵循制造商的检查单；\n\
                 c) the post-flight report shall be kept for at least two years.\n\
                 NOTE {sub} Local rules can require a longer period. 地方规定可能要求更长的保存期限。\n",
            ));
        }
    }
    body.push_str("Table 1 — Minimum crew 最少机组\n| Operation 运行 | Pilots 驾驶员 | Observers 观察员 |\n| Day, visual line of sight | 1 | 0 |\n| Night 夜间 | 1 | 1 |\n| Beyond visual line of sight | 2 | 1 |\n[[figure: crew-positions.svg]]\nFigure 1 — Crew positions 机组位置\n[[figure: site-plan.png]]\n");
    body.push_str(&format!("{} Marking and records\nRecords shall be kept in a form that can be audited. 记录应以可审核的形式保存。\n", 4 + sections));
    body
}

fn data(kind_title: &str, source: RecordRef, content: PacketContent) -> PacketData {
    PacketData {
        source,
        date: DATE.into(),
        title: kind_title.to_owned(),
        content,
        figures: Vec::new(),
    }
}

/// The sample draft's one attached figure (an SVG drawn without text, so it needs no font).
pub const CREW_POSITIONS_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="480" height="200" viewBox="0 0 480 200">
<rect x="1" y="1" width="478" height="198" fill="#f4f6f8" stroke="#445566" stroke-width="2"/>
<circle cx="120" cy="100" r="34" fill="#3b6ea5"/><circle cx="240" cy="100" r="34" fill="#3b6ea5"/>
<circle cx="360" cy="100" r="34" fill="#a53b3b"/>
<path d="M154 100 H206 M274 100 H326" stroke="#445566" stroke-width="4" stroke-dasharray="8 6"/>
</svg>
"##;

/// Embeds [`CREW_POSITIONS_SVG`] for the draft's `crew-positions.svg` figure, as the core does
/// for a project attachment of that name; `site-plan.png` stays missing (a placeholder).
fn attach_figures(data: &mut PacketData) {
    let PacketContent::Draft(d) = &mut data.content else {
        return;
    };
    for block in &mut d.text.blocks {
        if let Block::Figure { name, file, status } = block
            && name == "crew-positions.svg"
        {
            *file = Some("figures/1.svg".into());
            *status = FigureStatus::Embedded;
        }
    }
    data.figures = vec![FigureFile {
        file: "figures/1.svg".into(),
        bytes: CREW_POSITIONS_SVG.as_bytes().to_vec(),
    }];
}

fn project_ref() -> RecordRef {
    RecordRef {
        kind: "project".into(),
        id: PROJECT_ID.into(),
    }
}

pub fn nwip() -> PacketData {
    let blocks = text::parse(&draft_body(3));
    data(
        "ISO/CD 21384-5 — New work item proposal",
        project_ref(),
        PacketContent::Nwip(NwipPacket {
            project: project(),
            draft_attached: true,
            outline: text::outline(&blocks),
            plan: vec![
                milestone("Project start", "项目启动", "2025-06-01", ""),
                milestone(
                    "Target date for publication",
                    "计划发布日期",
                    "2028-06-01",
                    "",
                ),
                milestone("Limit date", "完成期限", "2028-12-01", ""),
            ],
            proposer: "SIST".into(),
            experts: experts(),
        }),
    )
}

/// A draft packet with `sections` generated clauses (see [`draft_body`]), with one embedded
/// figure and one missing.
pub fn draft(sections: usize) -> PacketData {
    let mut data = data(
        "ISO/CD 21384-5 — Draft for circulation",
        project_ref(),
        PacketContent::Draft(DraftPacket {
            project: project(),
            text: DraftText {
                draft_id: Some("0195a000-0000-7000-8000-000000000301".into()),
                lang: "en".into(),
                blocks: text::parse(&draft_body(sections)),
            },
            published: false,
        }),
    );
    attach_figures(&mut data);
    data
}

pub fn comments() -> PacketData {
    let row = |n: u32,
               mb: &str,
               clause: &str,
               kind: CommentType,
               comment: &str,
               change: &str,
               obs: &str| CommentRow {
        id: format!("0195a000-0000-7000-8000-0000000004{n:02}"),
        label: format!("{mb}-{n:03}"),
        mb: mb.into(),
        line: format!("{}", 10 + n * 7),
        clause: clause.into(),
        paragraph: if n.is_multiple_of(2) {
            "Table 1".into()
        } else {
            String::new()
        },
        kind,
        comment: comment.into(),
        proposed_change: change.into(),
        observation: obs.into(),
    };
    let rows = vec![
        row(
            1,
            "CN",
            "5.2",
            CommentType::Te,
            "The inspection interval is not stated. 未规定检查间隔。",
            "Add \"at least every 30 days\".",
            "Accepted.",
        ),
        row(
            2,
            "DE",
            "General",
            CommentType::Ge,
            "The document mixes requirements and recommendations.",
            "Use \"shall\" only for requirements.",
            "Accepted in principle.",
        ),
        row(
            3,
            "US",
            "4.1",
            CommentType::Ed,
            "Typo: \"pilto\".",
            "Replace with \"pilot\".",
            "Accepted.",
        ),
        row(
            4,
            "CN",
            "10.1",
            CommentType::Te,
            "建议增加夜间运行的照明要求。",
            "增加条款 10.1.3：夜间运行时航空器应开启防撞灯。",
            "",
        ),
        row(
            5,
            "GB",
            "4.1",
            CommentType::Te,
            "Night operations need a second observer.",
            "Add a requirement for a second observer at night.",
            "Noted; see 10.1.",
        ),
        row(
            6,
            "FR",
            "A.2",
            CommentType::Ed,
            "Annex title should be informative.",
            "Add \"(informative)\".",
            "Accepted.",
        ),
    ];
    data(
        "ISO/CD 21384-5 — Compiled comments",
        project_ref(),
        PacketContent::Comments(CommentsPacket {
            project: project(),
            document: "ISO/CD 21384-5 (CD 1)".into(),
            count: rows.len() as u32,
            groups: group_by_clause(rows),
        }),
    )
}

pub fn liaison() -> PacketData {
    let mut rep = person(
        7,
        "周婷",
        "Zhou Ting",
        "SIST",
        "深圳市标准技术研究院",
        Role::LiaisonRep,
    );
    rep.phone = String::new();
    let mut chair = person(8, "", "Robert Hughes", "ANSI", "", Role::Chair);
    chair.email = "chair.sc16@example.org".into();
    data(
        "Liaison statement — Request for comments on police UAS operations",
        RecordRef { kind: "statement".into(), id: STATEMENT_ID.into() },
        PacketContent::Liaison(LiaisonPacket {
            id: STATEMENT_ID.into(),
            title: "Request for comments on police UAS operations".into(),
            direction: Direction::Outgoing,
            from_party: "ISO/TC 20/SC 16".into(),
            to_party: "ISO/TC 292 Security and resilience".into(),
            purpose: Purpose::Comment,
            deadline: Some("2026-05-15".into()),
            state: StatementState::Approved,
            committee: Some(committee(false)),
            liaison: Some("ISO/TC 292 — category internal".into()),
            contacts: vec![rep, chair],
            in_response_to: Some("TC 292 N 1204: Interest in public-safety UAS".into()),
            body: "ISO/TC 20/SC 16 thanks ISO/TC 292 for its liaison statement N 1204.\n\nSC 16 has registered ISO/CD 21384-5 on police operations of unmanned aircraft systems and invites TC 292 to comment on clauses 4 and 10 (operational requirements and night operations) by the deadline.\n\n我们期待双方在公共安全领域的继续合作。".into(),
            attachments: vec!["SC16_N0412_CD_21384-5.pdf".into()],
        }),
    )
}

pub fn group_application() -> PacketData {
    let mut project = project();
    project.reference = "T/SZSA 012-2026".into();
    project.title_zh = "低空物流无人机配送服务规范".into();
    project.title_en = "Specification for low-altitude logistics drone delivery services".into();
    project.tier = "group".into();
    project.deliverable = "T".into();
    project.stage = "20.20".into();
    project.stage_en = "Working draft study initiated".into();
    project.stage_zh = "工作草案研究开始".into();
    project.stage_cn_process = "起草".into();
    project.committee = Some(committee(true));
    project.scope = "本文件规定了低空物流无人机配送服务的基本要求、服务流程、安全管理和服务评价。\n\n本文件适用于在深圳市开展的低空物流无人机配送服务。".into();
    project.purpose = "低空物流是深圳市低空经济的重要组成部分。制定本标准有助于规范服务流程，保障飞行安全，提升服务质量。".into();
    project.relevant_documents =
        "GB/T 38152-2019 无人驾驶航空器系统术语\nMH/T 2011-2019 无人机物流配送运行要求".into();
    project.known_patents = "未发现涉及专利。".into();
    project.start_date = Some("2026-03-01".into());
    project.target_date = Some("2026-12-31".into());
    project.limit_date = Some("2027-03-31".into());
    let outline = text::outline(&text::parse(
        "1 范围\n2 规范性引用文件\n3 术语和定义\n4 基本要求\n4.1 服务主体\n4.2 航空器\n5 服务流程\n6 安全管理\n7 服务评价",
    ));
    data(
        "T/SZSA 012-2026 — 团体标准立项申请书及编制说明",
        project_ref(),
        PacketContent::GroupApplication(GroupApplicationPacket {
            association: "深圳市标准化协会".into(),
            drafting_units: vec![
                "深圳市标准技术研究院".into(),
                "中国民用航空局".into(),
                "深圳市大疆创新科技有限公司".into(),
            ],
            drafters: experts()
                .into_iter()
                .filter(|p| !p.name_zh.is_empty())
                .collect(),
            plan: vec![
                milestone("Project start", "项目启动", "2026-03-01", ""),
                milestone(
                    "Target date for publication",
                    "计划发布日期",
                    "2026-12-31",
                    "",
                ),
                milestone("Limit date", "完成期限", "2027-03-31", ""),
            ],
            outline,
            comments_received: 12,
            comments_open: 3,
            project,
        }),
    )
}

/// One sample of each kind, with the kind's CLI name.
pub fn all() -> Vec<(&'static str, PacketData)> {
    vec![
        ("nwip", nwip()),
        ("draft", draft(6)),
        ("comments", comments()),
        ("liaison", liaison()),
        ("group-application", group_application()),
    ]
}
