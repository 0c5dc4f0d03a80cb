//! `normdesk dump`: all live data as canonical JSON, exactly the bytes the core makes — two
//! databases with the same data print the same bytes.

use std::io::Write;

use super::Context;
use crate::failure::Failure;

pub fn run(ctx: &Context, out: &mut dyn Write) -> Result<(), Failure> {
    let store = ctx.open()?;
    let text = normdesk_core::dump::dump(store.conn())?;
    out.write_all(text.as_bytes())?;
    Ok(())
}
