//! `normdesk`: the headless command line over Normdesk's core, for scripting, admins and tests.
//!
//! This file parses the command line (clap derive) and dispatches to one module per command in
//! [`commands`]; [`output`] prints tables and JSON; [`failure`] turns every error into one line
//! on standard error and an exit code (2 for a malformed command line, 1 for refused input).
//!
//! *Architecture invariant:* the CLI holds no domain rules. Field names, validation and messages
//! come from `normdesk-core`; a command unpacks its arguments, calls the core and prints.

mod commands;
mod failure;
mod output;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands::Context;
use crate::failure::Failure;

/// Normdesk's command line: the same records and database as the desktop app.
#[derive(Parser)]
#[command(name = "normdesk", version, about, max_term_width = 100)]
struct Cli {
    /// The database file [default: $NORMDESK_DB, else the desktop app's own database]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the database (and this workstation's replica id) if missing; name the workstation
    Init(commands::init::Args),
    /// Load the demo data set (loading it again adds nothing)
    Demo(commands::demo::Args),
    /// Count the records of each kind
    Stats(commands::stats::Args),
    /// The 46 harmonized stage codes with their names
    Stages(commands::stages::Args),
    /// List the records of a kind, optionally only those matching a search
    List(commands::list::Args),
    /// Show one record
    Show(commands::show::Args),
    /// Create a record from field=value pairs; prints its id
    New(commands::new::Args),
    /// Change fields of a record
    Set(commands::set::Args),
    /// Delete a record
    Rm(commands::rm::Args),
    /// All live data as canonical JSON (the same data prints the same bytes)
    Dump,
    /// Integrity check and schema version; fails when problems are found
    Check(commands::check::Args),
    /// Import a register from a spreadsheet (CSV or XLSX); writes nothing unless every row is valid
    ImportCsv(commands::import_csv::Args),
    /// Export a register to a spreadsheet (CSV for Excel, or XLSX)
    ExportCsv(commands::export_csv::Args),
    /// Write a bundle for a colleague (only what they lack) or a full bundle
    Export(commands::export::Args),
    /// Verify a bundle, show the plan and apply it in one transaction
    Import(commands::import::Args),
    /// The open conflicts: fields changed on two workstations at once, deletes that met edits
    Conflicts(commands::conflicts::Args),
    /// Keep one side of a conflict
    Resolve(commands::resolve::Args),
    /// Make a packet (PDF): nwip, draft, comments, liaison or group-application
    Packet(commands::packet::Args),
    /// A project's draft text: `text get ID` prints it byte for byte, `text set ID --file F` replaces it
    #[command(subcommand)]
    Text(commands::text::Args),
}

fn main() -> ExitCode {
    failure::install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return failure::from_clap(err),
    };
    let ctx = Context::new(cli.db);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result =
        dispatch(&ctx, cli.command, &mut out).and_then(|()| out.flush().map_err(Failure::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn dispatch(ctx: &Context, command: Command, out: &mut dyn Write) -> Result<(), Failure> {
    match command {
        Command::Init(args) => commands::init::run(ctx, args, out),
        Command::Demo(args) => commands::demo::run(ctx, args, out),
        Command::Stats(args) => commands::stats::run(ctx, args, out),
        Command::Stages(args) => commands::stages::run(args, out),
        Command::List(args) => commands::list::run(ctx, args, out),
        Command::Show(args) => commands::show::run(ctx, args, out),
        Command::New(args) => commands::new::run(ctx, args, out),
        Command::Set(args) => commands::set::run(ctx, args),
        Command::Rm(args) => commands::rm::run(ctx, args),
        Command::Dump => commands::dump::run(ctx, out),
        Command::Check(args) => commands::check::run(ctx, args, out),
        Command::Export(args) => commands::export::run(ctx, args, out),
        Command::Import(args) => commands::import::run(ctx, args, out),
        Command::Conflicts(args) => commands::conflicts::run(ctx, args, out),
        Command::Resolve(args) => commands::resolve::run(ctx, args, out),
        Command::Packet(args) => commands::packet::run(ctx, args, out),
        Command::Text(args) => commands::text::run(ctx, args, out),
        Command::ImportCsv(args) => commands::import_csv::run(ctx, args, out),
        Command::ExportCsv(args) => commands::export_csv::run(ctx, args, out),
    }
}
