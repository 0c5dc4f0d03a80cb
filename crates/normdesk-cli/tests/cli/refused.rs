//! Refused input, as a table of cases: each must exit non-zero with one line on stderr that
//! names the field (or what is wrong), print nothing on stdout, and leave `dump` byte-identical.

use crate::support::Nd;

/// A valid `new project` line; a case replaces or adds some of its fields.
const PROJECT: &[(&str, &str)] = &[
    ("reference", "ISO/CD 21384-9"),
    ("title_en", "Unmanned aircraft systems — Part 9"),
    ("tier", "international"),
    ("deliverable", "IS"),
    ("our_role", "lead"),
    ("stage", "30.20"),
    ("start_date", "2026-01-01"),
];

/// `new project` with the valid fields, `changes` replacing or adding some.
fn new_project(changes: &[(&str, &str)]) -> Vec<String> {
    let mut fields: Vec<(String, String)> = PROJECT
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for (name, value) in changes {
        match fields.iter_mut().find(|(k, _)| k == name) {
            Some(field) => field.1 = value.to_string(),
            None => fields.push((name.to_string(), value.to_string())),
        }
    }
    let mut args = vec!["new".to_owned(), "project".to_owned()];
    args.extend(fields.into_iter().map(|(k, v)| format!("{k}={v}")));
    args
}

fn words(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_owned).collect()
}

struct Case {
    what: &'static str,
    args: Vec<String>,
    /// Expected exit code: 1 refused by Normdesk, 2 a command line clap cannot parse.
    code: i32,
    /// stderr must contain this (the field's name, or what is wrong).
    mentions: &'static str,
}

fn case(what: &'static str, args: Vec<String>, code: i32, mentions: &'static str) -> Case {
    Case {
        what,
        args,
        code,
        mentions,
    }
}

fn cases(project: &str, committee: &str) -> Vec<Case> {
    let set = |fields: &str| words(&format!("set project {project} {fields}"));
    let missing = "0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d";
    vec![
        // ids and kinds
        case(
            "show: non-UUID id",
            words("show project not-a-uuid"),
            1,
            "id",
        ),
        case(
            "set: non-UUID id",
            words("set project 12345 stage=30.20"),
            1,
            "id",
        ),
        case("rm: non-UUID id", words("rm project xyz"), 1, "id"),
        case(
            "show: no such record",
            words(&format!("show project {missing}")),
            1,
            missing,
        ),
        case(
            "rm: no such record",
            words(&format!("rm project {missing}")),
            1,
            missing,
        ),
        case("list: unknown kind", words("list projects"), 1, "kind"),
        case("new: unknown kind", words("new widget name=x"), 1, "widget"),
        case(
            "show: unknown kind",
            words(&format!("show widget {project}")),
            1,
            "kind",
        ),
        // field=value
        case(
            "new: unknown field",
            new_project(&[("colour", "red")]),
            1,
            "colour",
        ),
        case("set: unknown field", set("colour=red"), 1, "colour"),
        case(
            "new: missing =",
            words("new project title_en"),
            1,
            "title_en",
        ),
        case("set: missing =", set("stage"), 1, "stage"),
        case(
            "new: field given twice",
            words("new project stage=30.20 stage=40.20"),
            1,
            "stage",
        ),
        // values
        case(
            "new: bad stage code",
            new_project(&[("stage", "31.00")]),
            1,
            "stage",
        ),
        case("set: bad stage code", set("stage=31.00"), 1, "stage"),
        case(
            "new: unknown tier",
            new_project(&[("tier", "planetary")]),
            1,
            "tier",
        ),
        case("set: unknown tier", set("tier=planetary"), 1, "tier"),
        case(
            "new: enum values are case-sensitive",
            new_project(&[("our_role", "Lead")]),
            1,
            "our_role",
        ),
        case(
            "new: bad date",
            new_project(&[("start_date", "2026-13-01")]),
            1,
            "start_date",
        ),
        case(
            "set: bad date",
            set("target_date=2026-13-01"),
            1,
            "target_date",
        ),
        case(
            "new: sloppy date",
            new_project(&[("limit_date", "2026-6-1")]),
            1,
            "limit_date",
        ),
        case(
            "new: limit before start",
            new_project(&[("limit_date", "2025-12-31")]),
            1,
            "limit_date",
        ),
        case(
            "set: limit before start",
            set("start_date=2026-01-01 limit_date=2020-01-01"),
            1,
            "limit_date",
        ),
        case(
            "new: reference does not fit the tier",
            new_project(&[
                ("tier", "local"),
                ("deliverable", "DB"),
                ("reference", "ISO 1"),
            ]),
            1,
            "reference",
        ),
        case(
            "set: reference does not fit the tier",
            set("reference=GB/T_1"),
            1,
            "reference",
        ),
        case(
            "new: deliverable of another tier",
            new_project(&[("deliverable", "GB/T")]),
            1,
            "deliverable",
        ),
        case(
            "new: track not allowed",
            new_project(&[("track_months", "20")]),
            1,
            "track_months",
        ),
        case(
            "new: track not a number",
            new_project(&[("track_months", "many")]),
            1,
            "track_months",
        ),
        case(
            "new: reference to a non-UUID",
            new_project(&[("leader_id", "li-ming")]),
            1,
            "leader_id",
        ),
        case(
            "new: reference to a missing record",
            new_project(&[("committee_id", missing)]),
            1,
            "committee_id",
        ),
        case(
            "new: required field missing",
            words("new project title_en=Untitled"),
            1,
            "reference",
        ),
        case(
            "new: no title at all",
            new_project(&[("title_en", "")]),
            1,
            "title",
        ),
        case(
            "set: required field emptied",
            set("reference="),
            1,
            "reference",
        ),
        case(
            "new person: bad e-mail",
            words("new person name_en=Li email=li.example.org"),
            1,
            "email",
        ),
        // deleting what others refer to
        case(
            "rm: committee still referred to",
            words(&format!("rm committee {committee}")),
            1,
            "referred to",
        ),
        // searching a kind without searchable fields
        case(
            "list: search a kind that has none",
            words("list membership --query chair"),
            1,
            "query",
        ),
        // the command line itself (clap): exit 2
        case("show: id missing", words("show project"), 2, "<ID>"),
        case(
            "set: no fields",
            words(&format!("set project {project}")),
            2,
            "FIELD=VALUE",
        ),
        case("unknown command", words("frobnicate"), 2, "frobnicate"),
        case("unknown flag", words("list project --bogus"), 2, "--bogus"),
        case("no command", vec![], 2, "command"),
    ]
}

#[test]
fn refused_input_names_the_field_and_changes_nothing() {
    let nd = Nd::with_demo();
    let fields: Vec<String> = PROJECT.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let project = nd.new_record("project", &fields);
    // A committee that a demo project works in: deleting it must be refused.
    let projects = nd.json(&["list", "project", "--json"]);
    let committee = projects
        .as_array()
        .unwrap()
        .iter()
        .find_map(|p| p["committee_id"].as_str())
        .expect("a demo project with a committee")
        .to_owned();
    let before = nd.dump();

    let mut failures = Vec::new();
    for case in cases(&project, &committee) {
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let run = nd.run(&args);
        let mut problems = run.failure_problems(case.code);
        if !run.stderr.contains(case.mentions) {
            problems.push(format!(
                "stderr does not mention {:?}: {:?}",
                case.mentions, run.stderr
            ));
        }
        if nd.dump() != before {
            problems.push("the dump changed".to_owned());
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{} (normdesk {}):\n  {}",
                case.what,
                case.args.join(" "),
                problems.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn refused_input_does_not_create_a_database() {
    let nd = Nd::new();
    for args in [
        &["list", "projects"][..],
        &["show", "project", "not-a-uuid"],
        &["new", "project", "colour=red"],
        &["set", "project", "nope", "stage=30.20"],
        &["rm", "widget", "0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d"],
    ] {
        nd.run(args).assert_fails(1);
        assert!(!nd.db.exists(), "normdesk {args:?} created the database");
    }
}

#[test]
fn an_empty_db_flag_is_a_usage_error() {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_normdesk"));
    cmd.args(["--db", "", "stats"]);
    let run = crate::support::run_command(cmd);
    run.assert_fails(2);
    assert!(run.stderr.contains("--db"), "{}", run.stderr);
}
