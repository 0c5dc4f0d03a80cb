//! `normdesk stats [--json]`: the number of live records of each kind.

use std::io::Write;

use super::Context;
use crate::failure::Failure;
use crate::output::{self, Align, Table};

#[derive(clap::Args)]
pub struct Args {
    /// Print a JSON object {kind: count}
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let store = ctx.open()?;
    let counts = normdesk_core::dump::stats(store.conn())?;
    if args.json {
        output::json(out, &counts)?;
        return Ok(());
    }
    let mut table = Table::new(["kind", "count"]).align(1, Align::Right);
    for (kind, count) in &counts {
        table.row(vec![kind.clone(), count.to_string()]);
    }
    table.write(out)?;
    Ok(())
}
