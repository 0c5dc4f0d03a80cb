//! `normdesk show KIND ID [--json]`: one record, as `field: value` lines or as one JSON object
//! with `id` and every field.

use std::io::Write;

use normdesk_core::records;

use super::{Context, kind, record_id};
use crate::failure::Failure;
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// The record kind (project, committee, person, …)
    kind: String,
    /// The record's id (a UUID)
    id: String,
    /// Print one JSON object
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let spec = kind(&args.kind)?;
    let id = record_id(&args.id)?;
    let store = ctx.open()?;
    let record = records::show(store.conn(), spec, &id)?;
    if args.json {
        output::json(out, &record)?;
    } else {
        output::fields(
            out,
            record
                .iter()
                .map(|(name, value)| (name.as_str(), records::display(value))),
        )?;
    }
    Ok(())
}
