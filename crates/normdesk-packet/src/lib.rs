//! Normdesk's packet renderer: typed packet data in, PDF bytes out.
//!
//! The data is [`normdesk_core::packets::data::PacketData`], assembled from the store by
//! `normdesk_core::packets::assemble`; this crate only typesets it. It never touches the
//! database or Tauri. The engine is typst used as a library ([`world`] is our `World`); the
//! templates are `.typ` files in `templates/` that read the data as JSON from `sys.inputs`; the
//! fonts are loaded explicitly from a folder ([`fonts`]). Every typst warning is an error, so a
//! missing font family never falls back silently.
//!
//! Output: A4 (the comments table landscape), fonts embedded as subsets, text selectable and
//! searchable, tagged PDF. Deterministic: the creation date is [`RenderOptions::timestamp`]
//! (`SOURCE_DATE_EPOCH` via [`RenderOptions::from_env`]) or else the packet's date at midnight
//! UTC, and the document identifier is derived from the packet's kind and record, so the same
//! data gives the same bytes.
//!
//! Example (`examples/render.rs` does this headless):
//! ```no_run
//! # use normdesk_packet::{Fonts, RenderOptions, render_pdf};
//! # fn demo(data: &normdesk_core::packets::data::PacketData) -> Result<(), normdesk_packet::PacketError> {
//! let fonts = Fonts::load_default()?; // once; reuse for every packet
//! let pdf: Vec<u8> = render_pdf(&fonts, data, &RenderOptions::from_env())?;
//! # Ok(()) }
//! ```

mod error;
pub mod fonts;
pub mod output;
pub mod sample;
mod templates;
mod world;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Timelike};
use normdesk_core::packets::data::{self, Assembled, PacketData, PacketPhase, PacketProgress};
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

pub use error::PacketError;
pub use fonts::Fonts;
pub use output::OutputFile;

/// How a packet is rendered besides its data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// The PDF's creation date, in seconds since 1970-01-01 UTC. `None`: the packet's date at
    /// 00:00 UTC.
    pub timestamp: Option<i64>,
}

impl RenderOptions {
    /// Takes the creation date from `SOURCE_DATE_EPOCH` when it is set (reproducible builds'
    /// convention); an unreadable value is ignored.
    pub fn from_env() -> Self {
        RenderOptions {
            timestamp: source_date_epoch(),
        }
    }
}

/// `SOURCE_DATE_EPOCH` as seconds, when set to an integer.
pub fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse().ok())
}

/// A rendered packet.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
}

/// Renders a packet, reporting each phase to `progress` before it starts; `progress` returning
/// `ControlFlow::Break(())` cancels (between phases: a layout in progress runs to its end).
pub fn render(
    fonts: &Fonts,
    data: &PacketData,
    options: &RenderOptions,
    progress: &mut dyn FnMut(PacketProgress) -> ControlFlow<()>,
) -> Result<Rendered, PacketError> {
    let mut step = stepper(progress, 2);
    step(PacketPhase::Layout, 0)?;
    let (world, document) = compile(fonts, data)?;

    step(PacketPhase::Export, 1)?;
    let kind = data.kind();
    let timestamp = match options.timestamp {
        Some(secs) => utc(secs),
        None => Some(packet_day(&data.date)),
    }
    .map(Timestamp::new_utc);
    let pdf_options = PdfOptions {
        ident: Smart::Custom(format!("normdesk/{}/{}", kind.as_str(), data.source.id)),
        creator: Smart::Custom(Some(format!("Normdesk {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &pdf_options)
        .map_err(|errors| PacketError::Export(diagnostics(&world, &errors)))?;
    Ok(Rendered {
        pdf,
        pages: document.pages().len(),
    })
}

/// One page as SVG, for showing a packet on screen and printing it through the system's print
/// dialog (the webview prints what it shows). Width and height in typographic points.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgPage {
    pub svg: String,
    pub width_pt: f64,
    pub height_pt: f64,
}

/// Renders a packet's pages as SVG (typst-svg: the same layout as the PDF, text as glyph
/// outlines), reporting the layout and then every page to `progress` (phase `export`, step
/// `n` of the page count), which can cancel between pages.
pub fn render_svg(
    fonts: &Fonts,
    data: &PacketData,
    progress: &mut dyn FnMut(PacketProgress) -> ControlFlow<()>,
) -> Result<Vec<SvgPage>, PacketError> {
    stepper(progress, 1)(PacketPhase::Layout, 0)?;
    let (_world, document) = compile(fonts, data)?;
    let pages = document.pages();
    let mut step = stepper(progress, pages.len() as u32);
    pages
        .iter()
        .enumerate()
        .map(|(n, page)| {
            step(PacketPhase::Export, n as u32)?;
            let size = page.frame.size();
            Ok(SvgPage {
                svg: typst_svg::svg(page, &typst_svg::SvgOptions::default()),
                width_pt: size.x.to_pt(),
                height_pt: size.y.to_pt(),
            })
        })
        .collect()
}

/// `progress` as a phase reporter over `steps` steps that turns a `Break` into `Cancelled`.
fn stepper(
    progress: &mut dyn FnMut(PacketProgress) -> ControlFlow<()>,
    steps: u32,
) -> impl FnMut(PacketPhase, u32) -> Result<(), PacketError> + '_ {
    move |phase, step| match progress(PacketProgress { phase, step, steps }) {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(()) => Err(PacketError::Cancelled),
    }
}

/// Lays the packet out with its kind's template. Every warning is an error.
fn compile<'a>(
    fonts: &'a Fonts,
    data: &PacketData,
) -> Result<(world::PacketWorld<'a>, PagedDocument), PacketError> {
    let main = templates::main_for(data.kind());
    let json = serde_json::to_string(data)?;
    let world = world::PacketWorld::new(fonts, main, json, &data.figures, packet_day(&data.date));
    let warned = typst::compile::<PagedDocument>(&world);
    let mut messages = diagnostics(&world, &warned.warnings);
    match warned.output {
        Ok(doc) if messages.is_empty() => Ok((world, doc)),
        Ok(_) => Err(PacketError::Template {
            template: main.into(),
            messages,
        }),
        Err(errors) => {
            messages.extend(diagnostics(&world, &errors));
            Err(PacketError::Template {
                template: main.into(),
                messages,
            })
        }
    }
}

/// What [`save`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub path: PathBuf,
    pub pages: usize,
    pub bytes: usize,
}

/// Makes an assembled packet's PDF at `dest`: refused while its pre-flight list has errors,
/// then the output is claimed ([`OutputFile::beside`], so an unwritable path fails before the
/// work), the packet rendered with `progress` (its phases, then [`PacketPhase::Save`]), written
/// and renamed into place. Any failure leaves no file.
pub fn save(
    fonts: &Fonts,
    assembled: &Assembled,
    dest: &Path,
    options: &RenderOptions,
    progress: &mut dyn FnMut(PacketProgress) -> ControlFlow<()>,
) -> Result<Saved, PacketError> {
    refuse_blocked(assembled)?;
    let mut out = OutputFile::beside(dest)?;
    let rendered = render(fonts, &assembled.data, options, progress)?;
    stepper(progress, 1)(PacketPhase::Save, 0)?;
    out.write_all(&rendered.pdf)?;
    Ok(Saved {
        path: out.persist()?,
        pages: rendered.pages,
        bytes: rendered.pdf.len(),
    })
}

/// Refuses a packet whose pre-flight list has errors ([`PacketError::Blocked`], every message).
pub fn refuse_blocked(assembled: &Assembled) -> Result<(), PacketError> {
    let errors: Vec<String> = assembled
        .preflight
        .iter()
        .filter(|i| i.severity == data::Severity::Error)
        .map(|i| i.message.clone())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PacketError::Blocked(errors))
    }
}

/// [`render`] without progress: the PDF bytes.
pub fn render_pdf(
    fonts: &Fonts,
    data: &PacketData,
    options: &RenderOptions,
) -> Result<Vec<u8>, PacketError> {
    render(fonts, data, options, &mut |_| ControlFlow::Continue(())).map(|r| r.pdf)
}

/// Diagnostics as "draft.typ:12: warning: unknown font family: …" lines.
fn diagnostics(world: &dyn World, list: &[SourceDiagnostic]) -> Vec<String> {
    list.iter()
        .map(|d| {
            let what = if d.severity == Severity::Warning {
                "warning"
            } else {
                "error"
            };
            let hints = d
                .hints
                .iter()
                .map(|h| format!(" (hint: {})", h.v))
                .collect::<String>();
            let place = d
                .span
                .id()
                .and_then(|id| {
                    let source = world.source(id).ok()?;
                    let line = source.lines().byte_to_line(world.range(d.span)?.start)?;
                    Some(format!(
                        "{}:{}: ",
                        id.get().vpath().get_without_slash(),
                        line + 1
                    ))
                })
                .unwrap_or_default();
            format!("{place}{what}: {}{hints}", d.message)
        })
        .collect()
}

/// The packet's date as typst's "today"; an unreadable date falls back to 1970-01-01 (the
/// core has validated it already).
fn packet_day(date: &str) -> Datetime {
    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap_or_default();
    Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8).expect("a valid calendar date")
}

fn utc(secs: i64) -> Option<Datetime> {
    let t = DateTime::from_timestamp(secs, 0)?;
    Datetime::from_ymd_hms(
        t.year(),
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second() as u8,
    )
}

/// The UTC calendar date (`YYYY-MM-DD`) of a Unix time: the packet date a caller uses when
/// `SOURCE_DATE_EPOCH` is set, so that the printed date is reproducible too.
pub fn epoch_date(secs: i64) -> Option<String> {
    DateTime::from_timestamp(secs, 0).map(|t| t.format("%Y-%m-%d").to_string())
}
