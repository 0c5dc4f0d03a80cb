//! `normdesk check [--json]`: SQLite's integrity check, dangling references and the schema
//! version. Exits non-zero when it finds problems.

use std::io::Write;

use serde_json::json;

use super::Context;
use crate::failure::Failure;
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// Print {ok, schema_version, supported_version, problems}
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let store = ctx.open()?;
    let report = normdesk_core::check::check(store.conn())?;
    if args.json {
        output::json(
            out,
            &json!({
                "ok": report.ok(),
                "schema_version": report.schema_version,
                "supported_version": report.supported_version,
                "problems": report.problems,
            }),
        )?;
    } else {
        writeln!(
            out,
            "schema version: {} (this Normdesk knows up to {})",
            report.schema_version, report.supported_version
        )?;
        if report.ok() {
            writeln!(out, "no problems found")?;
        }
        for problem in &report.problems {
            writeln!(out, "problem: {problem}")?;
        }
    }
    if report.ok() {
        Ok(())
    } else {
        let n = report.problems.len();
        Err(Failure::Refused(format!(
            "check found {n} problem{}",
            if n == 1 { "" } else { "s" }
        )))
    }
}
