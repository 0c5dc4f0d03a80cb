//! `normdesk resolve ID --keep local|incoming`: keeps one side of a conflict. The resolution is
//! an ordinary change: it travels in the next bundles and closes the conflict everywhere.

use std::io::Write;

use normdesk_core::sync::conflicts::{self, Keep};

use super::Context;
use crate::failure::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// The conflict's id (from `normdesk conflicts`)
    id: String,
    /// Which value to keep: the one made here (local) or the one from the other workstation
    #[arg(long, value_enum)]
    keep: Side,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Side {
    Local,
    Incoming,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let mut store = ctx.open()?;
    let list = conflicts::list(store.conn())?;
    let conflict = list
        .iter()
        .find(|c| c.id == args.id.trim())
        .ok_or_else(|| {
            Failure::Refused(format!(
                "there is no open conflict {}; list them with `normdesk conflicts`",
                args.id.trim()
            ))
        })?;
    let (local, _) = super::conflicts::sides(&conflict.current, &conflict.other);
    let local_is_current = std::ptr::eq(local, &conflict.current);
    let keep = match (args.keep, local_is_current) {
        (Side::Local, true) | (Side::Incoming, false) => Keep::Current,
        _ => Keep::Other,
    };
    let change = conflicts::resolve(&mut store, &conflict.id, keep)?;
    writeln!(
        out,
        "kept {} for {} {} {}; the resolution travels with your next bundles",
        normdesk_core::records::display(&change.value),
        conflict.entity,
        conflict.row_id,
        conflict.field
    )?;
    Ok(())
}
