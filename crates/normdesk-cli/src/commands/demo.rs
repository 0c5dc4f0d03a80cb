//! `normdesk demo`: loads the demo data set. Its records have stable ids, so loading it again
//! (or on another workstation) adds nothing new.

use std::io::Write;

use serde_json::json;

use super::Context;
use crate::failure::Failure;
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// Print {"added": N} instead of a sentence
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let mut store = ctx.open()?;
    let added = normdesk_core::demo::load(&mut store)?;
    if args.json {
        output::json(out, &json!({ "added": added }))?;
    } else {
        let noun = if added == 1 { "record" } else { "records" };
        writeln!(out, "added {added} demo {noun}")?;
    }
    Ok(())
}
