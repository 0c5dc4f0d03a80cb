//! The Packets screen's commands: which kinds a record can make, the pre-flight list, Save as
//! PDF and the pages for Print. Gathering is the core's (`normdesk_core::packets`), typesetting
//! and writing the packet crate's (`normdesk_packet`); these are adapters.
//!
//! Making a packet takes a while: it runs on a blocking thread (never the main thread), holds
//! the store only while the data is gathered, and reports [`PacketProgress`] through the
//! caller's `Channel`. The fonts are loaded on first use from the app's resource folder (the
//! bundle's `fonts/`, see tauri.conf.json) or `$NORMDESK_FONTS`, and kept; a font that does
//! not load is an error the screen shows (kind `fonts`), never a fallback.

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::{Arc, Mutex};

use normdesk_core::packets::data::{
    Assembled, PacketKind, PacketPhase, PacketProgress, PacketRequest,
};
use normdesk_core::packets::{self};
use normdesk_packet::{Fonts, RenderOptions, SvgPage};
use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use super::{Db, lock};
use crate::error::{ApiError, ApiErrorKind};

/// The packet fonts once loaded (managed state; a failed load is retried next time).
#[derive(Default)]
pub struct PacketFonts(Mutex<Option<Arc<Fonts>>>);

/// A saved packet, for the screen's confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SavedPacket {
    pub path: String,
    pub pages: u32,
    pub bytes: u32,
}

/// One page to print: SVG, and its size in whole points (A4 portrait 595 × 842, landscape
/// 842 × 595).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct PrintPage {
    pub svg: String,
    pub width_pt: u32,
    pub height_pt: u32,
}

impl From<SvgPage> for PrintPage {
    fn from(p: SvgPage) -> Self {
        PrintPage {
            svg: p.svg,
            width_pt: p.width_pt.round() as u32,
            height_pt: p.height_pt.round() as u32,
        }
    }
}

/// The fonts, loaded on first use: `$NORMDESK_FONTS`, else the resource folder's `fonts/`,
/// else the places `normdesk_packet::fonts::locate_from` knows.
fn fonts(app: &AppHandle) -> Result<Arc<Fonts>, ApiError> {
    let state = app.state::<PacketFonts>();
    let mut slot = state.0.lock().map_err(|_| {
        ApiError::new(
            ApiErrorKind::Internal,
            "loading the packet fonts failed earlier; restart Normdesk",
        )
    })?;
    if let Some(fonts) = slot.as_ref() {
        return Ok(fonts.clone());
    }
    let resources = app.path().resource_dir().ok();
    let fonts = Arc::new(Fonts::load_from(resources.as_deref())?);
    *slot = Some(fonts.clone());
    Ok(fonts)
}

/// Gathers the packet under the store's lock (released before typesetting), reporting it.
fn assemble(
    app: &AppHandle,
    request: &PacketRequest,
    progress: &Channel<PacketProgress>,
) -> Result<Assembled, ApiError> {
    let _ = progress.send(PacketProgress {
        phase: PacketPhase::Assemble,
        step: 0,
        steps: 1,
    });
    let db = app.state::<Db>();
    let store = lock(&db)?;
    Ok(packets::assemble(store.conn(), request)?)
}

/// Forwards progress to the screen (a closed window cannot receive; the work goes on).
fn reporter(
    channel: &Channel<PacketProgress>,
) -> impl FnMut(PacketProgress) -> ControlFlow<()> + '_ {
    move |p| {
        let _ = channel.send(p);
        ControlFlow::Continue(())
    }
}

/// Runs `work` on a blocking thread, so the window stays responsive.
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppHandle) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(move || work(&app))
        .await
        .map_err(|e| {
            ApiError::new(
                ApiErrorKind::Internal,
                format!("making the packet stopped: {e}"),
            )
        })?
}

#[tauri::command]
#[specta::specta]
pub async fn packet_kinds(db: State<'_, Db>, id: String) -> Result<Vec<PacketKind>, ApiError> {
    Ok(packets::kinds_for(lock(&db)?.conn(), &id)?)
}

#[tauri::command]
#[specta::specta]
pub async fn packet_preflight(
    db: State<'_, Db>,
    request: PacketRequest,
) -> Result<Assembled, ApiError> {
    Ok(packets::assemble(lock(&db)?.conn(), &request)?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_packet(
    app: AppHandle,
    request: PacketRequest,
    path: String,
    on_progress: Channel<PacketProgress>,
) -> Result<SavedPacket, ApiError> {
    blocking(app, move |app| {
        let assembled = assemble(app, &request, &on_progress)?;
        let saved = normdesk_packet::save(
            &*fonts(app)?,
            &assembled,
            Path::new(&path),
            &RenderOptions::from_env(),
            &mut reporter(&on_progress),
        )?;
        Ok(SavedPacket {
            path: saved.path.display().to_string(),
            pages: saved.pages as u32,
            bytes: saved.bytes as u32,
        })
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn packet_pages(
    app: AppHandle,
    request: PacketRequest,
    on_progress: Channel<PacketProgress>,
) -> Result<Vec<PrintPage>, ApiError> {
    blocking(app, move |app| {
        let assembled = assemble(app, &request, &on_progress)?;
        normdesk_packet::refuse_blocked(&assembled)?;
        let pages = normdesk_packet::render_svg(
            &*fonts(app)?,
            &assembled.data,
            &mut reporter(&on_progress),
        )?;
        Ok(pages.into_iter().map(PrintPage::from).collect())
    })
    .await
}
