//! `normdesk import FILE [--dry-run] [--json]`: verifies the whole bundle, then applies it in one
//! transaction and prints what happened — per record kind: new, changed, deleted, conflicting,
//! unchanged; who made the changes; conflicts and waiting changes. `--dry-run` prints the same
//! plan and changes nothing. Importing a bundle again changes nothing and says so.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;

use normdesk_core::sync::apply::ImportReport;

use super::Context;
use crate::failure::Failure;
use crate::output::{self, Align, Table};

#[derive(clap::Args)]
pub struct Args {
    /// The bundle file (.ndbundle)
    file: PathBuf,
    /// Verify and show the plan; change nothing
    #[arg(long)]
    dry_run: bool,
    /// Print the plan as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let mut store = ctx.open()?;
    let mut go = |_| ControlFlow::Continue(());
    let report = if args.dry_run {
        normdesk_sync::preview(&mut store, &args.file, &mut go)?
    } else {
        normdesk_sync::import(&mut store, &args.file, &mut go)?
    };
    if args.json {
        output::json(out, &report)?;
    } else {
        print(&report, out)?;
    }
    Ok(())
}

fn print(r: &ImportReport, out: &mut dyn Write) -> std::io::Result<()> {
    let from = if r.origin.name.is_empty() {
        &r.origin.id
    } else {
        &r.origin.name
    };
    if r.already_imported {
        return writeln!(
            out,
            "{} from {from} was imported before; nothing changed",
            r.file_name
        );
    }
    writeln!(out, "bundle {} from {from}", r.file_name)?;
    let mut table = Table::new([
        "kind",
        "new",
        "changed",
        "deleted",
        "conflicting",
        "unchanged",
    ]);
    for column in 1..6 {
        table = table.align(column, Align::Right);
    }
    for k in &r.kinds {
        table.row(vec![
            k.kind.clone(),
            k.new.to_string(),
            k.changed.to_string(),
            k.deleted.to_string(),
            k.conflicting.to_string(),
            k.unchanged.to_string(),
        ]);
    }
    table.write(out)?;
    let authors: Vec<String> = r
        .authors
        .iter()
        .map(|a| {
            format!(
                "{} ({})",
                if a.replica.name.is_empty() {
                    &a.replica.id
                } else {
                    &a.replica.name
                },
                a.changes
            )
        })
        .collect();
    writeln!(out, "changes by: {}", authors.join(", "))?;
    let c = &r.changes;
    writeln!(
        out,
        "changes: {} in all, {} applied, {} superseded, {} already here, {} waiting for earlier changes",
        c.total, c.applied, c.superseded, c.duplicate, c.pending
    )?;
    writeln!(
        out,
        "conflicts: {} new, {} open (see `normdesk conflicts`)",
        r.new_conflicts, r.open_conflicts
    )?;
    if r.attachments > 0 {
        writeln!(out, "attachment files arrived: {}", r.attachments)?;
    }
    for warning in &r.warnings {
        writeln!(out, "warning: {warning}")?;
    }
    if r.dry_run {
        writeln!(out, "dry run: nothing was changed")
    } else {
        writeln!(out, "imported")
    }
}
