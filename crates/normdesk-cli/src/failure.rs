//! How the CLI fails: every error becomes exactly one line on standard error,
//! `normdesk: <message>`, and an exit code — 2 for a command line clap cannot parse, 1 for input
//! or data the core refuses. No panics, debug dumps or backtraces reach the user.

use std::io;
use std::process::ExitCode;

use clap::error::ErrorKind;
use normdesk_core::CoreError;

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// The core (or the CLI) refused the input or the data: exit 1.
    Refused(String),
    /// The command line is malformed: exit 2.
    Usage(String),
    /// Standard output was closed early (`normdesk dump | head`): stop quietly.
    ClosedOutput,
}

impl Failure {
    /// Prints the one-line message and gives the exit code.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Refused(message) => {
                eprintln!("normdesk: {}", one_line(&message));
                ExitCode::from(1)
            }
            Failure::Usage(message) => {
                eprintln!("normdesk: {}", one_line(&message));
                ExitCode::from(2)
            }
            Failure::ClosedOutput => ExitCode::SUCCESS,
        }
    }
}

impl From<CoreError> for Failure {
    fn from(err: CoreError) -> Self {
        Failure::Refused(err.to_string())
    }
}

impl From<normdesk_sync::SyncError> for Failure {
    fn from(err: normdesk_sync::SyncError) -> Self {
        Failure::Refused(err.to_string())
    }
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::BrokenPipe {
            Failure::ClosedOutput
        } else {
            Failure::Refused(format!("cannot write the output: {err}"))
        }
    }
}

/// Handles a command line clap refused: help and version are printed as usual; anything else
/// becomes one line with the usage of the command concerned.
pub fn from_clap(err: clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Printing help can only fail on a closed output; there is nothing left to say then.
            let _ = err.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Failure::Usage("a command is missing; run `normdesk --help` to see the commands".into())
                .report()
        }
        _ => Failure::Usage(clap_line(&err.render().to_string())).report(),
    }
}

/// Folds clap's multi-line message ("error: …", details, "tip: …", "Usage: …", "For more
/// information …") into one line.
fn clap_line(rendered: &str) -> String {
    let mut parts = Vec::new();
    let mut usage = None;
    for line in rendered.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(u) = line.strip_prefix("Usage:") {
            usage = Some(u.trim().to_owned());
        } else if line.starts_with("For more information") {
            continue;
        } else {
            parts.push(
                line.strip_prefix("error:")
                    .map(str::trim)
                    .unwrap_or(line)
                    .to_owned(),
            );
        }
    }
    let mut message = parts.join(" ");
    if let Some(usage) = usage {
        message.push_str(&format!("; usage: {usage}"));
    }
    message
}

/// Joins the lines of a message so that it stays on one line.
fn one_line(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("; ")
}

/// A panic is a bug; it is reported in one line without a backtrace.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "normdesk: internal error ({}{place}); please report it",
            one_line(&what)
        );
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_messages_fold_into_one_line_with_usage() {
        let rendered = "error: the following required arguments were not provided:\n  <ID>\n\n\
                        Usage: normdesk show <KIND> <ID>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            clap_line(rendered),
            "the following required arguments were not provided: <ID>; usage: normdesk show <KIND> <ID>"
        );
    }

    #[test]
    fn multi_line_messages_become_one_line() {
        assert_eq!(one_line("first\n\n  second \n"), "first; second");
    }
}
