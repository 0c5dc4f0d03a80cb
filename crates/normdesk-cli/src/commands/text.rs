//! `normdesk text get ID [--lang en|zh]` writes a draft's stored text to standard output exactly,
//! byte for byte; `normdesk text set ID --file F [--lang …]` replaces it by a file's text as a
//! minimal edit (so it merges like typing), creating the project's draft in that language if it
//! has none. ID is a project id or a draft id. A file that is not UTF-8 is refused; nothing is
//! written.

use std::io::Write;
use std::path::PathBuf;

use normdesk_text::drafts::{self, Drafts};

use super::{Context, record_id};
use crate::failure::Failure;

#[derive(clap::Subcommand)]
pub enum Args {
    /// Write the draft's text to standard output, exactly as stored
    Get {
        /// A project id (its draft in --lang) or a draft id
        id: String,
        /// The draft's language (en or zh); default: the project's only draft, else en
        #[arg(long)]
        lang: Option<String>,
    },
    /// Replace the draft's text by a UTF-8 file's text (as a minimal edit)
    Set {
        id: String,
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        lang: Option<String>,
    },
}

fn text_error(e: normdesk_text::TextError) -> Failure {
    Failure::from(e.into_core())
}

/// The draft an id names: a draft id, or a project's draft in `lang`.
fn resolve(
    conn: &rusqlite::Connection,
    id: &str,
    lang: Option<&str>,
) -> Result<Option<(String, String)>, Failure> {
    let is_draft: bool = conn
        .query_row(
            "SELECT EXISTS(SELECT 1 FROM draft WHERE id = ?1 AND deleted = 0)",
            [id],
            |r| r.get(0),
        )
        .map_err(normdesk_core::CoreError::from)?;
    if is_draft {
        return Ok(Some((id.to_owned(), String::new())));
    }
    let project_exists: bool = conn
        .query_row(
            "SELECT EXISTS(SELECT 1 FROM project WHERE id = ?1 AND deleted = 0)",
            [id],
            |r| r.get(0),
        )
        .map_err(normdesk_core::CoreError::from)?;
    if !project_exists {
        return Err(normdesk_core::CoreError::not_found("project or draft", id).into());
    }
    let lang = match lang {
        Some(l) if l == "en" || l == "zh" => l.to_owned(),
        Some(l) => {
            return Err(normdesk_core::CoreError::invalid(
                "lang",
                format!("unknown language '{l}'; use en or zh"),
            )
            .into());
        }
        None => {
            let all = drafts::list(conn, id).map_err(text_error)?;
            if all.len() == 1 {
                all[0].lang.clone()
            } else {
                "en".to_owned()
            }
        }
    };
    Ok(drafts::find(conn, id, &lang)
        .map_err(text_error)?
        .map(|d| (d, lang)))
}

pub fn run(ctx: &Context, args: Args, out: &mut dyn Write) -> Result<(), Failure> {
    match args {
        Args::Get { id, lang } => {
            let id = record_id(&id)?;
            let store = ctx.open()?;
            let Some((draft, _)) = resolve(store.conn(), &id, lang.as_deref())? else {
                return Err(normdesk_core::CoreError::invalid(
                    "lang",
                    format!("project {id} has no draft in {}; create one with `normdesk text set {id} --file F`", lang.unwrap_or_else(|| "en".into())),
                )
                .into());
            };
            let text = drafts::text(store.conn(), &draft).map_err(text_error)?;
            out.write_all(text.as_bytes())?;
            Ok(())
        }
        Args::Set { id, file, lang } => {
            let id = record_id(&id)?;
            let bytes = std::fs::read(&file).map_err(|e| normdesk_core::CoreError::io(&file, e))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                normdesk_core::CoreError::invalid(
                    "file",
                    format!(
                        "{}: is not UTF-8 text (byte {} is not UTF-8 — perhaps GBK/GB18030); save it as UTF-8 and try again; nothing was written",
                        file.display(),
                        e.utf8_error().valid_up_to()
                    ),
                )
            })?;
            let mut store = ctx.open()?;
            let draft = match resolve(store.conn(), &id, lang.as_deref())? {
                Some((draft, _)) => draft,
                None => drafts::create(&mut store, &id, lang.as_deref().unwrap_or("en"))
                    .map_err(text_error)?,
            };
            drafts::set_text(&mut store, &mut Drafts::new(), &draft, &text).map_err(text_error)?;
            Ok(())
        }
    }
}
