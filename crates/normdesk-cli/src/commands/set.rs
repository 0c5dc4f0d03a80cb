//! `normdesk set KIND ID field=value …`: changes fields of a record in one transaction. Prints
//! nothing on success; refused input writes nothing.

use normdesk_core::{Source, records};

use super::{Context, kind, record_id};
use crate::failure::Failure;

#[derive(clap::Args)]
#[command(after_long_help = super::fields_help())]
pub struct Args {
    /// The record kind (project, committee, person, …)
    kind: String,
    /// The record's id (a UUID)
    id: String,
    /// The fields to change, e.g. stage=40.20 limit_date=2027-06-30
    #[arg(value_name = "FIELD=VALUE", required = true)]
    values: Vec<String>,
}

pub fn run(ctx: &Context, args: Args) -> Result<(), Failure> {
    let spec = kind(&args.kind)?;
    let id = record_id(&args.id)?;
    let values = records::parse_assignments(spec, &args.values)?;
    let mut store = ctx.open()?;
    store.write(Source::Cli, |w| records::set(w, spec, &id, values))?;
    Ok(())
}
