//! `normdesk conflicts [--json]`: the open conflicts — fields two workstations changed
//! concurrently and deletes that met edits — with both values, who and when.

use std::io::Write;

use normdesk_core::records;
use normdesk_core::sync::conflicts::{self, Side};

use super::Context;
use crate::failure::Failure;
use crate::output::{self, MAX_CELL, Table};

#[derive(clap::Args)]
pub struct Args {
    /// Print a JSON array of conflicts
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let store = ctx.open()?;
    let list = conflicts::list(store.conn())?;
    if args.json {
        output::json(out, &list)?;
        return Ok(());
    }
    if list.is_empty() {
        writeln!(out, "no conflicts")?;
        return Ok(());
    }
    let mut table = Table::new(["id", "record", "field", "local", "incoming"]);
    for c in &list {
        let (local, incoming) = sides(&c.current, &c.other);
        table.row(vec![
            c.id.clone(),
            output::clip(&format!("{} {}", c.entity, c.label), MAX_CELL),
            c.field.clone(),
            describe(local),
            describe(incoming),
        ]);
    }
    table.write(out)?;
    writeln!(
        out,
        "keep one side with `normdesk resolve ID --keep local|incoming`"
    )?;
    Ok(())
}

/// Local is the side made at this workstation (the value shown now when neither or both are).
pub fn sides<'a>(current: &'a Side, other: &'a Side) -> (&'a Side, &'a Side) {
    if other.local && !current.local {
        (other, current)
    } else {
        (current, other)
    }
}

fn describe(side: &Side) -> String {
    let who = if side.by.name.is_empty() {
        &side.by.id
    } else {
        &side.by.name
    };
    let value = if side.field == "deleted" {
        if side.value == serde_json::Value::Bool(true) {
            "deleted".to_owned()
        } else {
            "kept".to_owned()
        }
    } else {
        output::clip(&records::display(&side.value), MAX_CELL)
    };
    format!("{value} ({who}, {})", side.at)
}
