//! `normdesk list KIND [--query Q] [--json]`: the live records of a kind in label order,
//! optionally only those that match a search (Chinese or English words).
//!
//! The table shows the id, the label fields and every short field; long text (scope, body…)
//! is left out and long cells are cut — `--json` and `show` give everything.

use std::io::Write;

use normdesk_core::records;
use normdesk_core::schema::EntitySpec;
use serde_json::{Map, Value};

use super::{Context, kind};
use crate::failure::Failure;
use crate::output::{self, MAX_CELL, Table};

#[derive(clap::Args)]
pub struct Args {
    /// The record kind: project, committee, person, membership, organisation, liaison, statement, comment, …
    kind: String,
    /// Only records matching these words (in any language)
    #[arg(long, short)]
    query: Option<String>,
    /// Print a JSON array of objects with `id` and every field
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    let spec = kind(&args.kind)?;
    let store = ctx.open()?;
    let rows = records::list(store.conn(), spec, args.query.as_deref())?;
    if args.json {
        output::json(out, &rows)?;
    } else {
        table(spec, &rows).write(out)?;
    }
    Ok(())
}

/// The columns a person reads in a listing: id, label fields, then the other short fields.
fn columns(spec: &EntitySpec) -> Vec<&'static str> {
    let mut names = vec!["id"];
    names.extend(spec.label.iter().copied());
    for field in spec.fields {
        if !records::is_long(spec, field.name) && !names.contains(&field.name) {
            names.push(field.name);
        }
    }
    names
}

fn table(spec: &EntitySpec, rows: &[Map<String, Value>]) -> Table {
    let names = columns(spec);
    let mut table = Table::new(names.iter().copied());
    for row in rows {
        let cells = names
            .iter()
            .map(|name| {
                let text = row.get(*name).map(records::display).unwrap_or_default();
                if *name == "id" {
                    text
                } else {
                    output::clip(&text, MAX_CELL)
                }
            })
            .collect();
        table.row(cells);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_columns_lead_with_id_and_reference_and_leave_out_long_text() {
        let names = columns(&normdesk_core::schema::PROJECT);
        assert_eq!(&names[..4], ["id", "reference", "title_en", "title_zh"]);
        assert!(names.contains(&"stage") && names.contains(&"limit_date"));
        assert!(!names.contains(&"scope") && !names.contains(&"purpose"));
    }
}
