//! Packets, the store's side: the pre-flight rules as a table (each row: a change to a complete
//! packet and the item codes it must raise), and `assemble` against a real store — unknown ids,
//! kinds that do not fit the record, and the data that comes through.

use normdesk_core::packets::data::*;
use normdesk_core::packets::{assemble, kinds_for, preflight};
use normdesk_core::projects::{self, ProjectInput};
use normdesk_core::{Source, Store};
use serde_json::json;

fn person(id: &str) -> PersonInfo {
    PersonInfo {
        id: id.into(),
        name_zh: "李明".into(),
        name_en: "Li Ming".into(),
        email: "li@example.org".into(),
        phone: String::new(),
        organisation: "SIST".into(),
        organisation_zh: "深圳市标准技术研究院".into(),
        expertise: String::new(),
        role: None,
    }
}

fn project() -> ProjectInfo {
    ProjectInfo {
        id: "p".into(),
        reference: "ISO/NP 1".into(),
        title_en: "Title".into(),
        title_zh: "标题".into(),
        tier: "international".into(),
        deliverable: "IS".into(),
        stage: "10.00".into(),
        stage_en: String::new(),
        stage_zh: String::new(),
        stage_cn_process: String::new(),
        committee: Some(CommitteeInfo {
            id: "c".into(),
            reference: "ISO/TC 1".into(),
            title_en: String::new(),
            title_zh: String::new(),
            secretariat: "SAC".into(),
            organisation: "ISO".into(),
            organisation_en: String::new(),
            organisation_zh: "深圳市标准化协会".into(),
        }),
        leader: Some(person("l")),
        track_months: Some(36),
        start_date: None,
        target_date: Some("2027-01-01".into()),
        limit_date: None,
        scope: "Scope".into(),
        purpose: "Purpose".into(),
        relevant_documents: String::new(),
        known_patents: "None known.".into(),
        liaisons_engaged: String::new(),
        history: Vec::new(),
    }
}

fn wrap(content: PacketContent) -> PacketData {
    PacketData {
        source: RecordRef {
            kind: "project".into(),
            id: "p".into(),
        },
        date: "2026-03-02".into(),
        title: "t".into(),
        content,
        figures: Vec::new(),
    }
}

fn nwip(f: impl FnOnce(&mut NwipPacket)) -> PacketData {
    let mut p = NwipPacket {
        project: project(),
        draft_attached: false,
        outline: Vec::new(),
        plan: Vec::new(),
        proposer: "SIST".into(),
        experts: (0..5).map(|i| person(&format!("e{i}"))).collect(),
    };
    f(&mut p);
    wrap(PacketContent::Nwip(p))
}

fn draft(f: impl FnOnce(&mut DraftPacket)) -> PacketData {
    let mut p = DraftPacket {
        project: project(),
        text: DraftText {
            draft_id: Some("d".into()),
            lang: "en".into(),
            blocks: vec![Block::Heading {
                number: "1".into(),
                level: 1,
                text: "Scope".into(),
            }],
        },
        published: false,
    };
    f(&mut p);
    wrap(PacketContent::Draft(p))
}

fn row(mb: &str, comment: &str) -> CommentRow {
    CommentRow {
        id: "x".into(),
        label: String::new(),
        mb: mb.into(),
        line: String::new(),
        clause: "1".into(),
        paragraph: String::new(),
        kind: normdesk_core::enums::CommentType::Te,
        comment: comment.into(),
        proposed_change: String::new(),
        observation: String::new(),
    }
}

fn comments(rows: Vec<CommentRow>) -> PacketData {
    wrap(PacketContent::Comments(CommentsPacket {
        project: project(),
        document: String::new(),
        count: rows.len() as u32,
        groups: normdesk_core::packets::group_by_clause(rows),
    }))
}

fn liaison(f: impl FnOnce(&mut LiaisonPacket)) -> PacketData {
    use normdesk_core::enums::{Direction, Purpose, StatementState};
    let mut p = LiaisonPacket {
        id: "s".into(),
        title: "T".into(),
        direction: Direction::Outgoing,
        from_party: "SC 16".into(),
        to_party: "TC 292".into(),
        purpose: Purpose::Comment,
        deadline: Some("2026-04-01".into()),
        state: StatementState::Pending,
        committee: None,
        liaison: None,
        contacts: vec![person("r")],
        in_response_to: None,
        body: "Body".into(),
        attachments: Vec::new(),
    };
    f(&mut p);
    wrap(PacketContent::Liaison(p))
}

fn group(f: impl FnOnce(&mut GroupApplicationPacket)) -> PacketData {
    let mut p = GroupApplicationPacket {
        project: project(),
        association: "深圳市标准化协会".into(),
        drafting_units: vec!["SIST".into()],
        drafters: vec![person("l")],
        plan: Vec::new(),
        outline: vec![Block::Heading {
            number: "1".into(),
            level: 1,
            text: "范围".into(),
        }],
        comments_received: 0,
        comments_open: 0,
    };
    f(&mut p);
    wrap(PacketContent::GroupApplication(p))
}

/// (what, packet, expected item codes with severity: "E:" error, "W:" warning)
fn table() -> Vec<(&'static str, PacketData, Vec<&'static str>)> {
    vec![
        ("complete nwip", nwip(|_| {}), vec![]),
        (
            "no scope",
            nwip(|p| p.project.scope = " ".into()),
            vec!["E:no_scope"],
        ),
        (
            "no leader",
            nwip(|p| p.project.leader = None),
            vec!["E:no_leader"],
        ),
        (
            "leader without contact",
            nwip(|p| p.project.leader.as_mut().unwrap().email.clear()),
            vec!["W:leader_no_contact"],
        ),
        (
            "4 experts",
            nwip(|p| {
                p.experts.pop();
            }),
            vec!["W:few_experts"],
        ),
        (
            "no title, purpose, committee",
            nwip(|p| {
                p.project.title_en.clear();
                p.project.purpose.clear();
                p.project.committee = None;
            }),
            vec!["E:no_title_en", "E:no_purpose", "E:no_committee"],
        ),
        (
            "target in the past",
            nwip(|p| p.project.target_date = Some("2026-01-01".into())),
            vec!["W:target_date_past"],
        ),
        (
            "no track, target, patents, proposer",
            nwip(|p| {
                p.project.track_months = None;
                p.project.target_date = None;
                p.project.known_patents.clear();
                p.proposer.clear();
            }),
            vec![
                "W:no_track",
                "W:no_target_date",
                "W:no_patent_statement",
                "W:no_proposer",
            ],
        ),
        (
            "errors sort before warnings",
            nwip(|p| {
                p.experts.clear();
                p.project.scope.clear();
            }),
            vec!["E:no_scope", "W:few_experts"],
        ),
        ("complete draft", draft(|_| {}), vec![]),
        (
            "empty draft",
            draft(|p| p.text.blocks.clear()),
            vec!["E:empty_draft"],
        ),
        (
            "draft without clauses",
            draft(|p| p.text.blocks = vec![Block::Paragraph { text: "x".into() }]),
            vec!["W:no_clauses"],
        ),
        (
            "draft without titles or committee",
            draft(|p| {
                p.project.title_zh.clear();
                p.project.title_en.clear();
                p.project.committee = None;
            }),
            vec!["W:no_title_en", "W:no_title_zh", "W:no_committee"],
        ),
        ("comments", comments(vec![row("DE", "x")]), vec![]),
        ("no comments", comments(vec![]), vec!["E:no_comments"]),
        (
            "comments without MB or text",
            comments(vec![row("", "x"), row("DE", "")]),
            vec!["W:comments_no_mb", "W:comments_empty"],
        ),
        ("liaison", liaison(|_| {}), vec![]),
        (
            "liaison deadline in the past",
            liaison(|p| p.deadline = Some("2026-03-01".into())),
            vec!["W:deadline_past"],
        ),
        (
            "a past deadline of a posted statement is history",
            liaison(|p| {
                p.deadline = Some("2026-03-01".into());
                p.state = normdesk_core::enums::StatementState::Posted;
            }),
            vec![],
        ),
        (
            "liaison without body, to, from",
            liaison(|p| {
                p.body.clear();
                p.to_party.clear();
                p.from_party.clear();
            }),
            vec!["E:empty_body", "E:no_to", "E:no_from"],
        ),
        (
            "action without deadline, no contacts, dead",
            liaison(|p| {
                p.deadline = None;
                p.contacts.clear();
                p.state = normdesk_core::enums::StatementState::Dead;
            }),
            vec!["W:no_deadline", "W:statement_dead", "W:no_contacts"],
        ),
        ("group application", group(|_| {}), vec![]),
        (
            "group without Chinese title, scope, purpose, leader",
            group(|p| {
                p.project.title_zh.clear();
                p.project.scope.clear();
                p.project.purpose.clear();
                p.project.leader = None;
            }),
            vec!["E:no_title_zh", "E:no_scope", "E:no_purpose", "E:no_leader"],
        ),
        (
            "group without association, units, outline",
            group(|p| {
                p.association.clear();
                p.drafting_units.clear();
                p.outline.clear();
            }),
            vec![
                "W:no_association",
                "W:no_drafting_units",
                "W:no_draft_outline",
            ],
        ),
    ]
}

#[test]
fn preflight_rules_as_a_table() {
    let mut failures = Vec::new();
    for (what, data, expected) in table() {
        let items = preflight::check(&data);
        let got: Vec<String> = items
            .iter()
            .map(|i| {
                format!(
                    "{}:{}",
                    if i.severity == Severity::Error {
                        "E"
                    } else {
                        "W"
                    },
                    i.key.trim_start_matches("packet.preflight.")
                )
            })
            .collect();
        if got != expected {
            failures.push(format!("{what}: expected {expected:?}, got {got:?}"));
        }
        for i in &items {
            assert!(
                !i.message.is_empty() && !i.field.is_empty() && !i.record.id.is_empty(),
                "{what}: {i:?}"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn few_experts_points_at_the_committee_with_its_numbers() {
    let items = preflight::check(&nwip(|p| p.experts.truncate(2)));
    let item = &items[0];
    assert_eq!(
        (
            item.record.kind.as_str(),
            item.record.id.as_str(),
            item.field.as_str()
        ),
        ("committee", "c", "members")
    );
    let args: Vec<(&str, &str)> = item
        .args
        .iter()
        .map(|a| (a.name.as_str(), a.value.as_str()))
        .collect();
    assert_eq!(args, [("count", "2"), ("min", "5")]);
    assert!(
        item.message.contains("only 2 expert(s)"),
        "{}",
        item.message
    );
}

fn store_with_project(tier: &str, deliverable: &str, reference: &str) -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    store.ensure_identity(Some("test")).unwrap();
    let input: ProjectInput = serde_json::from_value(json!({
        "reference": reference, "title_en": "Title", "title_zh": "标题", "tier": tier, "deliverable": deliverable,
        "committee_id": null, "our_role": "lead", "leader_id": null, "stage": "20.00", "track_months": null,
        "start_date": null, "target_date": null, "limit_date": null, "scope": "", "purpose": "",
        "relevant_documents": "", "known_patents": "", "liaisons_engaged": "", "sample": false
    }))
    .unwrap();
    let id = store
        .write(Source::Cli, |w| projects::create(w, input))
        .unwrap();
    (store, id)
}

fn request(kind: PacketKind, id: &str) -> PacketRequest {
    PacketRequest {
        kind,
        id: id.into(),
        date: Some("2026-03-02".into()),
        lang: None,
    }
}

#[test]
fn assemble_refuses_unknown_ids_and_kinds_that_do_not_fit() {
    let (store, id) = store_with_project("group", "T", "T/SZSA 12-2026");
    let conn = store.conn();
    let unknown = "0195a000-0000-7000-8000-0000000000ff";
    let err = assemble(conn, &request(PacketKind::Draft, unknown))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no project with id"), "{err}");
    let err = assemble(conn, &request(PacketKind::Liaison, unknown))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no statement with id"), "{err}");
    let err = assemble(conn, &request(PacketKind::Liaison, &id))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("cannot be made from project") && err.contains("group-application"),
        "{err}"
    );
    let err = assemble(conn, &request(PacketKind::Nwip, &id))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("does not apply") && err.contains("group"),
        "{err}"
    );
    let err = assemble(conn, &request(PacketKind::Nwip, "nonsense"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a record id"), "{err}");
}

#[test]
fn assemble_brings_the_project_and_its_preflight() {
    let (store, id) = store_with_project("group", "T", "T/SZSA 12-2026");
    let a = assemble(store.conn(), &request(PacketKind::GroupApplication, &id)).unwrap();
    assert_eq!(a.data.kind(), PacketKind::GroupApplication);
    assert_eq!(a.data.date, "2026-03-02");
    let PacketContent::GroupApplication(g) = &a.data.content else {
        panic!()
    };
    assert_eq!(g.project.reference, "T/SZSA 12-2026");
    assert_eq!(g.project.stage_cn_process, "起草");
    assert!(a.blocked());
    let keys: Vec<&str> = a.preflight.iter().map(|i| i.key.as_str()).collect();
    assert!(
        keys.contains(&"packet.preflight.no_scope") && keys.contains(&"packet.preflight.no_leader"),
        "{keys:?}"
    );

    // A draft packet of a project without a draft is refused as empty; the JSON round-trips.
    let d = assemble(store.conn(), &request(PacketKind::Draft, &id)).unwrap();
    assert_eq!(d.preflight[0].key, "packet.preflight.empty_draft");
    let PacketContent::Draft(p) = &d.data.content else {
        panic!()
    };
    assert_eq!(
        p.text.lang, "zh",
        "a group standard's draft is Chinese by default"
    );
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Assembled>(&json).unwrap(), d);
}

/// A draft record for `project` with `body` as its plain text (what normdesk-text keeps in
/// `draft.body`; the document itself is not needed to make a packet).
fn add_draft(store: &mut Store, project: &str, lang: &str, body: &str) -> String {
    let id = store
        .write(Source::Cli, |w| {
            let mut values = serde_json::Map::new();
            values.insert("project_id".into(), json!(project));
            values.insert("lang".into(), json!(lang));
            w.create(&normdesk_core::schema::DRAFT, values)
        })
        .unwrap();
    store
        .conn()
        .execute("UPDATE draft SET body = ?1 WHERE id = ?2", [body, &id])
        .unwrap();
    id
}

/// The smallest valid PNG (1×1, grey).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b,
    0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x68, 0x00, 0x00, 0x00,
    0x82, 0x00, 0x81, 0x77, 0xcd, 0x72, 0xb6, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

#[test]
fn draft_figures_embed_attached_images_and_warn_about_the_rest() {
    let (mut store, id) = store_with_project("international", "IS", "ISO/CD 21384-5");
    add_draft(
        &mut store,
        &id,
        "en",
        "1 Scope\n[[figure: pad.png]]\n[[figure: absent.png]]\n[[figure: minutes.pdf]]\n[[figure: pad.png]]",
    );
    store
        .write(Source::Cli, |w| {
            normdesk_core::attachments::add(w, "project", &id, "pad.png", None, PNG)?;
            normdesk_core::attachments::add(w, "project", &id, "minutes.pdf", None, b"%PDF-1.4")
        })
        .unwrap();
    let a = assemble(store.conn(), &request(PacketKind::Draft, &id)).unwrap();
    let PacketContent::Draft(d) = &a.data.content else {
        panic!()
    };
    let figures: Vec<(&str, Option<&str>, FigureStatus)> = d
        .text
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure { name, file, status } => Some((name.as_str(), file.as_deref(), *status)),
            _ => None,
        })
        .collect();
    assert_eq!(
        figures,
        [
            ("pad.png", Some("figures/1.png"), FigureStatus::Embedded),
            ("absent.png", None, FigureStatus::Missing),
            ("minutes.pdf", None, FigureStatus::NotImage),
            ("pad.png", Some("figures/1.png"), FigureStatus::Embedded),
        ]
    );
    assert_eq!(
        a.data.figures,
        [FigureFile {
            file: "figures/1.png".into(),
            bytes: PNG.to_vec()
        }],
        "an image named twice is embedded once"
    );
    let warnings: Vec<(&str, &str, &str)> = a
        .preflight
        .iter()
        .filter(|i| i.key.starts_with("packet.preflight.figure"))
        .map(|i| (i.key.as_str(), i.field.as_str(), i.args[0].value.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (
                "packet.preflight.figure_missing",
                "attachments",
                "absent.png"
            ),
            (
                "packet.preflight.figure_not_image",
                "attachments",
                "minutes.pdf"
            ),
        ]
    );
    assert!(!a.blocked(), "a missing figure is a warning");
    // The images never travel in the JSON (IPC, templates).
    assert!(!serde_json::to_string(&a).unwrap().contains("figures\":"));
}

#[test]
fn kinds_for_offers_only_what_applies_to_the_record() {
    for (tier, deliverable, reference, kinds) in [
        (
            "international",
            "IS",
            "ISO 1",
            vec![PacketKind::Nwip, PacketKind::Draft, PacketKind::Comments],
        ),
        (
            "group",
            "T",
            "T/SZSA 12-2026",
            vec![
                PacketKind::GroupApplication,
                PacketKind::Draft,
                PacketKind::Comments,
            ],
        ),
        (
            "national",
            "GB/T",
            "GB/T 1-2026",
            vec![PacketKind::Draft, PacketKind::Comments],
        ),
    ] {
        let (store, id) = store_with_project(tier, deliverable, reference);
        assert_eq!(kinds_for(store.conn(), &id).unwrap(), kinds, "{tier}");
    }
    let (store, _) = store_with_project("group", "T", "T/SZSA 12-2026");
    let err = kinds_for(store.conn(), "0195a000-0000-7000-8000-0000000000ff")
        .unwrap_err()
        .to_string();
    assert!(err.contains("no project or statement"), "{err}");
}
