//! `normdesk stages [--json]`: the 46 harmonized stage codes with their English and Chinese
//! names. Reference data; the database is not opened.

use std::io::Write;

use normdesk_core::stages;

use crate::failure::Failure;
use crate::output::{self, Table};

#[derive(clap::Args)]
pub struct Args {
    /// Print a JSON array of {code, group, name_en, name_zh}
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    if args.json {
        output::json(out, &stages::ALL)?;
        return Ok(());
    }
    let mut table = Table::new(["code", "group", "name_en", "name_zh"]);
    for stage in stages::ALL {
        let group = stages::GROUPS
            .iter()
            .find(|g| g.group == stage.group)
            .map(|g| g.key)
            .unwrap_or(stage.group);
        table.row(vec![
            stage.code.into(),
            group.into(),
            stage.name_en.into(),
            stage.name_zh.into(),
        ]);
    }
    table.write(out)?;
    Ok(())
}
