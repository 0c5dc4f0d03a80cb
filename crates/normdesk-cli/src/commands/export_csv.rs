//! `normdesk export-csv KIND FILE`: writes every live record of a register to a spreadsheet —
//! CSV (UTF-8 with a BOM so Excel reads Chinese, CRLF, RFC 4180 quoting) or, when FILE ends in
//! `.xlsx`, an XLSX workbook. The header is `id` and the kind's field names; `import-csv` reads
//! the same shape back.

use std::io::Write;
use std::path::PathBuf;

use normdesk_core::exchange;

use super::Context;
use crate::failure::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// The register: organisation, committee, person, training, membership, project, liaison, statement, target
    kind: String,
    /// The file to write (.csv or .xlsx); an existing file is replaced
    file: PathBuf,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    exchange::kind(&args.kind)?;
    exchange::Format::from_name(&args.file.to_string_lossy())?;
    let store = ctx.open()?;
    let rows = exchange::export_to(store.conn(), &args.kind, &args.file)?;
    writeln!(
        out,
        "wrote {rows} {} records to {}",
        args.kind,
        args.file.display()
    )?;
    Ok(())
}
