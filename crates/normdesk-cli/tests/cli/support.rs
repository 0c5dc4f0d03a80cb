//! Running the binary: a temporary database per test, the captured outcome of one run, and the
//! output rules every command shares (one line on stderr on failure, nothing on stdout).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A fresh, empty place for a database; removed when dropped.
pub struct Nd {
    dir: tempfile::TempDir,
    pub db: PathBuf,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub stdout_bytes: Vec<u8>,
}

impl Nd {
    /// A database path in a new temporary folder (the file does not exist yet).
    pub fn new() -> Nd {
        let dir = tempfile::tempdir().expect("temporary folder");
        let db = dir.path().join("normdesk.db");
        Nd { dir, db }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A database with `init` done and the demo data loaded.
    pub fn with_demo() -> Nd {
        let nd = Nd::new();
        nd.ok(&["init", "--name", "Test workstation"]);
        nd.ok(&["demo"]);
        nd
    }

    /// Runs `normdesk --db <db> ARGS…` with no `$NORMDESK_DB` in the environment.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_normdesk"));
        cmd.arg("--db").arg(&self.db).args(args);
        run_command(cmd)
    }

    /// Runs and insists on success; returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert!(
            run.code == 0,
            "normdesk {args:?} failed with {}: {}",
            run.code,
            run.stderr
        );
        run.stdout
    }

    /// Runs and parses standard output as JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("normdesk {args:?} printed no JSON ({e}): {out}"))
    }

    /// The exact bytes of `normdesk dump`.
    pub fn dump(&self) -> Vec<u8> {
        let run = self.run(&["dump"]);
        assert_eq!(run.code, 0, "dump failed: {}", run.stderr);
        run.stdout_bytes
    }

    /// Creates a record and returns its id.
    pub fn new_record<S: AsRef<str>>(&self, kind: &str, fields: &[S]) -> String {
        let mut args = vec!["new", kind];
        args.extend(fields.iter().map(AsRef::as_ref));
        let out = self.ok(&args);
        assert!(
            is_bare_uuid_line(&out),
            "`new` printed {out:?}, not an id alone on its line"
        );
        out.trim_end().to_owned()
    }
}

/// Runs a prepared command with `$NORMDESK_DB` removed unless the test set it.
pub fn run_command(mut cmd: Command) -> Run {
    if !cmd.get_envs().any(|(k, _)| k == "NORMDESK_DB") {
        cmd.env_remove("NORMDESK_DB");
    }
    cmd.env("RUST_BACKTRACE", "1");
    let output = cmd.output().expect("the normdesk binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        stdout_bytes: output.stdout,
    }
}

impl Run {
    /// The failure rules: the expected exit code, nothing on stdout, exactly one line on stderr
    /// starting `normdesk: ` (so no panic message, backtrace or debug dump). Returns what is wrong.
    pub fn failure_problems(&self, code: i32) -> Vec<String> {
        let mut problems = Vec::new();
        if self.code != code {
            problems.push(format!("exit code {} instead of {code}", self.code));
        }
        if !self.stdout.is_empty() {
            problems.push(format!("printed on stdout: {:?}", self.stdout));
        }
        if self.stderr.lines().count() != 1 || !self.stderr.ends_with('\n') {
            problems.push(format!("stderr is not exactly one line: {:?}", self.stderr));
        }
        if !self.stderr.starts_with("normdesk: ") {
            problems.push(format!(
                "stderr does not start with 'normdesk: ': {:?}",
                self.stderr
            ));
        }
        for noise in [
            "panicked",
            "backtrace",
            "RUST_BACKTRACE",
            "Error {",
            "Validation {",
        ] {
            if self.stderr.contains(noise) {
                problems.push(format!("stderr contains {noise:?}: {:?}", self.stderr));
            }
        }
        problems
    }

    /// Asserts the failure rules (see [`Run::failure_problems`]).
    pub fn assert_fails(&self, code: i32) {
        let problems = self.failure_problems(code);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

/// `new` prints a UUID alone on its line, in lower-case hyphenated form.
pub fn is_bare_uuid_line(text: &str) -> bool {
    let Some(id) = text.strip_suffix('\n') else {
        return false;
    };
    is_uuid(id)
}

pub fn is_uuid(id: &str) -> bool {
    id.len() == 36
        && id.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_digit() || ('a'..='f').contains(&c),
        })
}

/// The value of a `name: value` line in text output.
pub fn field_line<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
}

#[test]
fn uuid_lines_are_recognised() {
    assert!(is_bare_uuid_line("0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d\n"));
    assert!(!is_bare_uuid_line("0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d"));
    assert!(!is_bare_uuid_line(
        "id: 0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d\n"
    ));
    assert!(!is_bare_uuid_line(
        "0193c3a0-8f1e-7c2a-9d4b-5e6f7a8b9c0d\n\n"
    ));
}
