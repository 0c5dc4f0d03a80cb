//! `normdesk rm KIND ID`: deletes a record (with the records it owns, such as a project's stage
//! history). The core refuses while other records still refer to it, and says which.

use normdesk_core::{Source, records};

use super::{Context, kind, record_id};
use crate::failure::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// The record kind (project, committee, person, …)
    kind: String,
    /// The record's id (a UUID)
    id: String,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), Failure> {
    let spec = kind(&args.kind)?;
    let id = record_id(&args.id)?;
    let mut store = ctx.open()?;
    store.write(Source::Cli, |w| records::remove(w, spec, &id))?;
    Ok(())
}
