//! `normdesk new KIND field=value …`: creates a record in one transaction and prints its id
//! alone on its line. Refused input writes nothing.

use std::io::Write;

use normdesk_core::{Source, records};

use super::{Context, kind};
use crate::failure::Failure;

#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  normdesk new project reference=\"ISO/CD 21384-5\" title_en=\"Unmanned aircraft systems\" \\\n    tier=international deliverable=IS our_role=lead stage=30.20",
    after_long_help = super::fields_help()
)]
pub struct Args {
    /// The record kind (project, committee, person, …)
    kind: String,
    /// Field values, e.g. reference="ISO/CD 21384-5" tier=international stage=30.20
    #[arg(value_name = "FIELD=VALUE")]
    values: Vec<String>,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let spec = kind(&args.kind)?;
    let values = records::parse_assignments(spec, &args.values)?;
    let mut store = ctx.open()?;
    let id = store.write(Source::Cli, |w| records::create(w, spec, values))?;
    writeln!(out, "{id}")?;
    Ok(())
}
