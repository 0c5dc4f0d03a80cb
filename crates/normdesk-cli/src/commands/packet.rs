//! `normdesk packet KIND ID --out FILE.pdf [--lang en|zh] [--date YYYY-MM-DD] [--strict]`: makes
//! a packet (PDF) from a project (`nwip`, `draft`, `comments`, `group-application`) or a
//! liaison statement (`liaison`). The pre-flight list runs first: errors refuse the packet (all
//! of them on one line), warnings are printed on standard error and the packet is made (with
//! `--strict` they refuse it too). The file is written to a temporary file in the same folder
//! and renamed, so a failure at any point leaves no partial file. `SOURCE_DATE_EPOCH` sets the
//! packet's date and the PDF's creation date, so the same data gives the same bytes.

use std::io::Write;
use std::path::PathBuf;

use normdesk_core::packets::data::{PacketKind, PacketRequest, Severity};
use normdesk_core::packets::{self};
use normdesk_packet::{Fonts, OutputFile, PacketError, RenderOptions};

use super::Context;
use crate::failure::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// nwip, draft, comments, liaison or group-application
    #[arg(value_name = "KIND", value_parser = clap::builder::PossibleValuesParser::new(PacketKind::ALL))]
    kind: String,
    /// The project's id (the statement's for `liaison`)
    #[arg(value_name = "ID")]
    id: String,
    /// The PDF file to write
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// Which draft text a draft packet prints (en or zh); by default the project's own language
    #[arg(long, value_name = "LANG", value_parser = ["en", "zh"])]
    lang: Option<String>,
    /// The packet's date (default: today, or the date of SOURCE_DATE_EPOCH when set)
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Refuse the packet when the pre-flight check has warnings too
    #[arg(long)]
    strict: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let kind = PacketKind::parse(&args.kind)
        .ok_or_else(|| Failure::Usage(format!("unknown packet kind '{}'", args.kind)))?;
    // Claim the output first: an unwritable path is reported before any work.
    let mut temp = OutputFile::beside(&args.out).map_err(refused)?;

    let store = ctx.open()?;
    let epoch = normdesk_packet::source_date_epoch();
    let date = args
        .date
        .clone()
        .or_else(|| epoch.and_then(normdesk_packet::epoch_date));
    let request = PacketRequest {
        kind,
        id: args.id.clone(),
        date,
        lang: args.lang.clone(),
    };
    let assembled = packets::assemble(store.conn(), &request)?;

    let (errors, warnings): (Vec<_>, Vec<_>) = assembled
        .preflight
        .iter()
        .partition(|i| i.severity == Severity::Error);
    if !errors.is_empty() || (args.strict && !warnings.is_empty()) {
        // A refusal is one line (the CLI contract): every reason, errors first.
        let mut reasons: Vec<&str> = errors.iter().map(|i| i.message.as_str()).collect();
        if args.strict {
            reasons.extend(warnings.iter().map(|i| i.message.as_str()));
        }
        return Err(Failure::Refused(format!(
            "the {kind} packet was not made: {}; fix these first (no file written)",
            reasons.join("; ")
        )));
    }
    for w in &warnings {
        eprintln!("normdesk: warning: {}", w.message);
    }

    let fonts = Fonts::load_default().map_err(refused)?;
    let rendered = normdesk_packet::render(
        &fonts,
        &assembled.data,
        &RenderOptions { timestamp: epoch },
        &mut |_| std::ops::ControlFlow::Continue(()),
    )
    .map_err(refused)?;
    temp.write_all(&rendered.pdf).map_err(refused)?;
    temp.persist().map_err(refused)?;
    writeln!(
        out,
        "wrote {} ({} page(s), {})",
        args.out.display(),
        rendered.pages,
        assembled.data.title
    )?;
    Ok(())
}

fn refused(e: PacketError) -> Failure {
    Failure::Refused(e.to_string())
}
