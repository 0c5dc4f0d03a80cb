//! `normdesk export --out FILE [--peer REPLICA] [--json]`: writes a bundle — for a colleague
//! (named by display name or replica id: only what they lack, judged from their last bundle) or
//! a full one. `--out` may be a folder; the file then gets a name that says who, when and what.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;

use super::Context;
use crate::failure::Failure;
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// The bundle file to write, or a folder to write it into
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The colleague it is for (display name or replica id); without it, a full bundle
    #[arg(long, value_name = "REPLICA")]
    peer: Option<String>,
    /// Print {bundle_id, file, recipient, changes, by_kind}
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let mut store = ctx.open()?;
    let peer = match &args.peer {
        Some(who) => Some(normdesk_sync::find_peer(&store, who)?),
        None => None,
    };
    let report = normdesk_sync::export(&mut store, &args.out, peer.as_ref(), &mut |_| {
        ControlFlow::Continue(())
    })?;
    if args.json {
        output::json(out, &report)?;
    } else {
        let what = match &report.recipient {
            Some(r) => format!("for {}", r.name),
            None => "full bundle".to_owned(),
        };
        writeln!(
            out,
            "wrote {} ({} changes, {} attachment files, {what})",
            report.file, report.changes, report.attachments
        )?;
        if report.attachments_left_out > 0 {
            writeln!(
                out,
                "{} attachment files did not fit (384 MiB of files per bundle) and were left out; the colleague sees them as not arrived",
                report.attachments_left_out
            )?;
        }
    }
    Ok(())
}
