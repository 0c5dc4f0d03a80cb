//! `normdesk import-csv KIND FILE [--dry-run] [--json]`: imports a spreadsheet (CSV, or XLSX by
//! its extension) into one register. The file is read and checked first; when any row is bad,
//! nothing is written and the one error line names the file, the rows and the columns. With
//! `--dry-run` the plan is printed and nothing is written either way.

use std::io::Write;
use std::path::PathBuf;

use normdesk_core::Source;
use normdesk_core::exchange::{self, ImportPreview, RowAction};

use super::Context;
use crate::failure::Failure;

#[derive(clap::Args)]
#[command(
    after_help = "The header row names the columns: `id` (optional) and the kind's fields, as `export-csv` \
writes them. References may be ids or keys: a committee's reference, an organisation's acronym, a person's e-mail."
)]
pub struct Args {
    /// The register: organisation, committee, person, training, membership, project, liaison, statement, target
    kind: String,
    /// The file: .csv (UTF-8, as Excel's "CSV UTF-8") or .xlsx
    file: PathBuf,
    /// Check the file and print what would change; write nothing
    #[arg(long)]
    dry_run: bool,
    /// Print the plan as one JSON object
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    exchange::kind(&args.kind)?;
    let bytes = exchange::read_file(&args.file)?;
    let name = args.file.to_string_lossy().into_owned();
    let mut store = ctx.open()?;
    let preview = if args.dry_run {
        exchange::preview(store.conn(), &args.kind, &name, &bytes)?
    } else {
        store.write(Source::Import, |w| {
            exchange::import(w, &args.kind, &name, &bytes)
        })?
    };
    if !preview.ok() {
        return Err(Failure::Refused(preview.refusal()));
    }
    if args.json {
        crate::output::json(out, &preview)?;
    } else {
        summary(out, &preview, args.dry_run)?;
    }
    Ok(())
}

fn summary(out: &mut dyn Write, p: &ImportPreview, dry_run: bool) -> std::io::Result<()> {
    let verb = if dry_run { "would create" } else { "created" };
    let updated = if dry_run { "would update" } else { "updated" };
    writeln!(
        out,
        "{}: {} rows; {verb} {}, {updated} {}, {} unchanged",
        p.file, p.rows, p.create, p.update, p.unchanged
    )?;
    for change in p.changes.iter().filter(|c| c.action == RowAction::Update) {
        writeln!(
            out,
            "  row {}: {} {}: {}",
            change.row,
            p.kind,
            change.id,
            change.fields.join(", ")
        )?;
    }
    Ok(())
}
