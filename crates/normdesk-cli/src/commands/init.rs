//! `normdesk init [--name NAME]`: creates the database and this workstation's replica id if they
//! are missing (running it again is harmless) and optionally names the workstation.

use std::io::Write;

use serde_json::json;

use super::Context;
use crate::failure::Failure;
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// The workstation's display name (the person at it), shown to colleagues on bundles
    #[arg(long)]
    name: Option<String>,
    /// Print a JSON object instead of lines
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let path = ctx.db_path()?;
    let mut store = normdesk_core::Store::open(&path)?;
    let identity = store.ensure_identity(args.name.as_deref())?;
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    let database = path.display().to_string();
    if args.json {
        output::json(
            out,
            &json!({"database": database, "replica_id": identity.replica_id, "name": identity.name}),
        )?;
    } else {
        output::fields(
            out,
            [
                ("database", database),
                ("replica_id", identity.replica_id),
                ("name", identity.name),
            ],
        )?;
    }
    Ok(())
}
