//! Liaison statements through the core API: the state machine as a table, threads without
//! cycles, the event log written on every path, attachments with their digest and size limit,
//! and refusals that name the field and leave the store unchanged.

use normdesk_core::enums::{Direction, Purpose, StatementState};
use normdesk_core::schema::{ATTACHMENT, STATEMENT};
use normdesk_core::statements::{self, StatementInput};
use normdesk_core::{CoreError, Source, Store, attachments, dump, records};
use serde_json::json;

fn input(state: StatementState) -> StatementInput {
    StatementInput {
        direction: Direction::Incoming,
        title: "Request for comments on vertiport terms".into(),
        from_party: "ISO/TC 20/SC 16".into(),
        to_party: "Shenzhen mirror committee".into(),
        committee_id: None,
        liaison_id: None,
        purpose: Purpose::Action,
        deadline: Some("2026-12-15".into()),
        state,
        in_response_to: None,
        body: String::new(),
        sample: false,
    }
}

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.set_display_name("Secretariat PC 3").unwrap();
    store
}

fn create(store: &mut Store, input: StatementInput) -> String {
    store
        .write(Source::Ui, |w| statements::create(w, input))
        .unwrap()
}

#[test]
fn the_state_machine_allows_exactly_its_moves_and_names_the_next_states() {
    use StatementState::*;
    let all = [Pending, Approved, Posted, Dead];
    let allowed = [
        (Pending, Approved),
        (Pending, Dead),
        (Approved, Posted),
        (Approved, Dead),
        (Posted, Dead),
        (Dead, Pending),
    ];
    let mut store = store();
    for from in all {
        for to in all.into_iter().filter(|to| *to != from) {
            let id = create(&mut store, input(from));
            let before = dump::dump(store.conn()).unwrap();
            let result = store.write(Source::Ui, |w| statements::set_state(w, &id, to));
            if allowed.contains(&(from, to)) {
                assert!(result.is_ok(), "{from} → {to}: {result:?}");
                assert_eq!(
                    statements::get(store.conn(), &id, None)
                        .unwrap()
                        .statement
                        .fields
                        .state,
                    to
                );
            } else {
                match result {
                    Err(CoreError::Validation { field, message }) => {
                        assert_eq!(field, "state", "{from} → {to}");
                        let next: Vec<&str> = statements::next_states(from)
                            .iter()
                            .map(|s| s.as_str())
                            .collect();
                        assert!(
                            message.contains(&format!("the next states are: {}", next.join(", "))),
                            "{message}"
                        );
                    }
                    other => panic!("{from} → {to} was not refused: {other:?}"),
                }
                assert_eq!(
                    dump::dump(store.conn()).unwrap(),
                    before,
                    "{from} → {to} changed the store"
                );
            }
        }
    }
    // The CLI's generic `set` takes the same path.
    let id = create(&mut store, input(Posted));
    let values = records::parse_assignments(&STATEMENT, &["state=approved".into()]).unwrap();
    let err = store
        .write(Source::Cli, |w| records::set(w, &STATEMENT, &id, values))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("state: a statement cannot go from posted to approved"),
        "{err}"
    );
}

#[test]
fn bad_statements_are_refused_naming_the_field() {
    let mut store = store();
    let first = create(&mut store, input(StatementState::Pending));
    let before = dump::dump(store.conn()).unwrap();
    let missing = "0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d".to_string();
    type Change = Box<dyn Fn(&mut StatementInput)>;
    let cases: Vec<(Change, &str)> = vec![
        (Box::new(|s| s.deadline = None), "deadline"),
        (
            Box::new(|s| (s.purpose, s.deadline) = (Purpose::Comment, None)),
            "deadline",
        ),
        (Box::new(|s| s.title = " ".into()), "title"),
        (
            Box::new(|s| s.deadline = Some("15/12/2026".into())),
            "deadline",
        ),
        (
            Box::new(move |s| s.in_response_to = Some(missing.clone())),
            "in_response_to",
        ),
    ];
    for (change, field) in cases {
        let mut bad = input(StatementState::Pending);
        change(&mut bad);
        match store.write(Source::Ui, |w| statements::create(w, bad)) {
            Err(CoreError::Validation { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected a refusal on {field}, got {other:?}"),
        }
    }
    assert_eq!(
        dump::dump(store.conn()).unwrap(),
        before,
        "a refused statement changed the store"
    );
    let info = StatementInput {
        purpose: Purpose::Information,
        deadline: None,
        ..input(StatementState::Pending)
    };
    assert!(
        store
            .write(Source::Ui, |w| statements::update(w, &first, info.clone()))
            .is_ok(),
        "no deadline needed for information"
    );
}

#[test]
fn a_statement_cannot_answer_itself_or_close_a_loop() {
    let mut store = store();
    let a = create(&mut store, input(StatementState::Pending));
    let b = create(
        &mut store,
        StatementInput {
            in_response_to: Some(a.clone()),
            ..input(StatementState::Pending)
        },
    );
    let c = create(
        &mut store,
        StatementInput {
            in_response_to: Some(b.clone()),
            ..input(StatementState::Pending)
        },
    );
    let before = dump::dump(store.conn()).unwrap();
    for target in [&a, &c] {
        let looped = StatementInput {
            in_response_to: Some(target.clone()),
            ..input(StatementState::Pending)
        };
        match store.write(Source::Ui, |w| statements::update(w, &a, looped)) {
            Err(CoreError::Validation { field, .. }) => assert_eq!(field, "in_response_to"),
            other => panic!("a loop through {target} was not refused: {other:?}"),
        }
    }
    assert_eq!(dump::dump(store.conn()).unwrap(), before);
    let detail = statements::get(store.conn(), &a, None).unwrap();
    assert_eq!(
        detail
            .responses
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        [b.as_str()]
    );
    match store.write(Source::Ui, |w| statements::delete(w, &a)) {
        Err(CoreError::InUse { by, .. }) => assert!(
            by[0].starts_with("statement Request for comments"),
            "{by:?}"
        ),
        other => panic!("deleting an answered statement was not refused: {other:?}"),
    }
}

#[test]
fn every_change_writes_an_event_naming_the_workstation() {
    let mut store = store();
    let id = create(&mut store, input(StatementState::Pending));
    store
        .write(Source::Ui, |w| {
            statements::set_state(w, &id, StatementState::Approved)
        })
        .unwrap();
    let edited = StatementInput {
        title: "Vertiport terms".into(),
        deadline: Some("2026-12-20".into()),
        ..input(StatementState::Approved)
    };
    store
        .write(Source::Ui, |w| statements::update(w, &id, edited))
        .unwrap();
    let att = store
        .write(Source::Ui, |w| {
            statements::attach(w, &id, "C:\\docs\\N123 comments.pdf", None, b"%PDF-1.7")
        })
        .unwrap();
    store
        .write(Source::Ui, |w| attachments::remove(w, &att.id))
        .unwrap();
    let values = records::parse_assignments(&STATEMENT, &["state=posted".into()]).unwrap();
    store
        .write(Source::Cli, |w| records::set(w, &STATEMENT, &id, values))
        .unwrap();

    let detail = statements::get(store.conn(), &id, None).unwrap();
    let events: Vec<&str> = detail.events.iter().map(|e| e.what.as_str()).collect();
    assert_eq!(
        events,
        [
            "created: incoming, for action, pending",
            "state: pending → approved",
            "deadline: 2026-12-15 → 2026-12-20; changed title",
            "attached N123 comments.pdf (8 B)",
            "removed attachment N123 comments.pdf",
            "state: approved → posted",
        ]
    );
    assert!(detail.events.iter().all(|e| e.actor == "Secretariat PC 3"));
    assert!(detail.events.windows(2).all(|w| w[0].at <= w[1].at));
    assert_eq!(detail.next_states, [StatementState::Dead]);
}

#[test]
fn attachments_keep_bytes_with_their_digest_and_go_with_the_statement() {
    let mut store = store();
    let id = create(&mut store, input(StatementState::Pending));
    let att = store
        .write(Source::Ui, |w| {
            statements::attach(w, &id, "abc.txt", None, b"abc")
        })
        .unwrap();
    assert_eq!(
        att.sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!((att.size, att.media_type.as_str()), (3, "text/plain"));
    assert_eq!(attachments::bytes(store.conn(), &att.id).unwrap(), b"abc");
    assert_eq!(
        attachments::list(store.conn(), "statement", &id).unwrap(),
        std::slice::from_ref(&att)
    );
    let logged: String = store
        .conn()
        .query_row(
            "SELECT value FROM change_log WHERE row_id = ?1 AND field = 'sha256'",
            [&att.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        logged,
        format!("\"{}\"", att.sha256),
        "the log carries the digest"
    );
    let dir = tempfile::tempdir().unwrap();
    attachments::save_to(store.conn(), &att.id, &dir.path().join("out.txt")).unwrap();
    assert_eq!(std::fs::read(dir.path().join("out.txt")).unwrap(), b"abc");

    let before = dump::dump(store.conn()).unwrap();
    let too_big = vec![0u8; attachments::MAX_ATTACHMENT_BYTES as usize + 1];
    let err = store
        .write(Source::Ui, |w| {
            statements::attach(w, &id, "scan.tif", None, &too_big)
        })
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("scan.tif is 50.0 MB; an attachment can be at most 50.0 MB"),
        "{err}"
    );
    let bare = json!({"owner_kind": "statement", "owner_id": id, "name": "x", "media_type": "text/plain", "sha256": att.sha256, "size": 3});
    assert!(
        store
            .write(Source::Cli, |w| w
                .create(&ATTACHMENT, bare.as_object().unwrap().clone()))
            .is_err()
    );
    let swap = json!({"sha256": "0".repeat(64)})
        .as_object()
        .unwrap()
        .clone();
    match store.write(Source::Cli, |w| w.update(&ATTACHMENT, &att.id, swap)) {
        Err(CoreError::Validation { field, .. }) => assert_eq!(field, "sha256"),
        other => panic!("an attachment's digest changed: {other:?}"),
    }
    assert_eq!(dump::dump(store.conn()).unwrap(), before);

    store
        .write(Source::Ui, |w| statements::delete(w, &id))
        .unwrap();
    let live: i64 = store
        .conn()
        .query_row("SELECT (SELECT count(*) FROM attachment WHERE deleted = 0) + (SELECT count(*) FROM statement_event WHERE deleted = 0)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(live, 0, "attachments and events go with their statement");
}
