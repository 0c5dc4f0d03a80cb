//! Normdesk's desktop shell: a thin Tauri adapter over `normdesk-core`. It opens the database,
//! seeds the demo data on first start, creates the main window and serves the IPC commands in
//! [`commands`]. It holds no domain logic.
//!
//! *Architecture invariant:* every command calls one core function; the shell knows no SQL.

pub mod bindings;
pub mod commands;
pub mod error;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicI32, Ordering};
use std::thread::JoinHandle;

use normdesk_core::{Store, demo, paths};
use tauri::{App, AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

/// The label of the one window; the capability files are bound to it.
pub const MAIN_WINDOW: &str = "main";

/// Set when the app gives up at startup; `run` returns it (Tauri's own exit code is 0 when the
/// event loop ends without a window).
static STARTUP_FAILURE: AtomicI32 = AtomicI32::new(0);

/// Runs the app and returns the process exit code: non-zero when the database cannot be opened,
/// there is no display, or Tauri cannot start.
///
/// The database opens on a thread of its own from the first instant, while GTK and the window
/// start; the window's page can call no command before the store is managed (see [`start`]). A
/// refusal (say, a database written by a newer Normdesk) is reported on stderr even where no
/// window can open, and in a native dialog where one can.
pub fn run() -> i32 {
    let opening = std::thread::spawn(|| paths::default_db_path().map(|path| open_store(&path)));
    if !has_display() {
        if let Some(Err(message)) = joined(opening) {
            eprintln!("normdesk-desktop: {message}");
        } else {
            eprintln!(
                "normdesk-desktop: there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are empty); \
                 run it under a virtual one, e.g. `xvfb-run -a normdesk-desktop`"
            );
        }
        return 1;
    }
    let commands = bindings::builder();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(commands.invoke_handler())
        .setup(move |app| {
            start(app, opening);
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app
            .run_return(|_, _| {})
            .max(STARTUP_FAILURE.load(Ordering::SeqCst)),
        Err(e) => {
            eprintln!("normdesk-desktop: cannot start: {e}");
            1
        }
    }
}

/// What the opening thread found: `None` when the core found no data directory.
type Opened = Option<Result<Store, String>>;

fn joined(opening: JoinHandle<Opened>) -> Opened {
    opening.join().unwrap_or_else(|_| {
        Some(Err(
            "the database could not be opened (the opening thread panicked)".into(),
        ))
    })
}

/// Whether a window can be opened: on Linux and the BSDs that needs an X11 or Wayland display.
fn has_display() -> bool {
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    )) {
        ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty()))
    } else {
        true
    }
}

/// Opens the main window, then manages the store once it has opened, or shows why it cannot and
/// exits with code 1. The window's web process starts loading the page meanwhile; its first
/// command can only be served after `setup` (this function) has returned, when the store is
/// managed. `opening` yields `None` when the core found no data directory; Tauri's path resolver
/// is asked then.
fn start(app: &mut App, opening: JoinHandle<Opened>) {
    let window = open_main_window(app);
    let opened = joined(opening)
        .unwrap_or_else(|| app_data_db_path(app.handle()).and_then(|path| open_store(&path)))
        .and_then(|store| {
            app.manage(Mutex::new(store));
            app.manage(commands::packets::PacketFonts::default());
            app.manage(commands::drafts::DraftCache::default());
            window
        });
    if let Err(message) = opened {
        eprintln!("normdesk-desktop: {message}");
        STARTUP_FAILURE.store(1, Ordering::SeqCst);
        // Hidden, not closed: closing the last window would end the app before the dialog shows.
        if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
            let _ = window.hide();
        }
        let handle = app.handle().clone();
        app.dialog()
            .message(message)
            .title("Normdesk cannot start")
            .kind(MessageDialogKind::Error)
            .show(move |_| handle.exit(1));
    }
}

/// Tauri's app data directory joined with the database file name. It is the core's default
/// location too (the bundle identifier is the core's `APP_ID`), so this is only a fallback.
fn app_data_db_path(app: &AppHandle) -> Result<PathBuf, String> {
    let dir = app.path().app_data_dir().map_err(|e| {
        format!(
            "cannot find a data directory for the database ({e}); set {}",
            paths::DB_ENV
        )
    })?;
    Ok(dir.join(paths::DB_FILE))
}

/// Opens (creating and migrating) the database and seeds the demo data on first start.
fn open_store(path: &Path) -> Result<Store, String> {
    let mut store = Store::open(path).map_err(|e| e.to_string())?;
    demo::seed_if_new(&mut store)
        .map_err(|e| format!("{}: cannot load the demo data: {e}", path.display()))?;
    Ok(store)
}

/// Creates the main window from its configuration (`create: false` in tauri.conf.json, so that
/// no page can call a command before the store is managed).
fn open_main_window(app: &App) -> Result<(), String> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
        .ok_or("tauri.conf.json declares no main window")?;
    tauri::WebviewWindowBuilder::from_config(app.handle(), config)
        .and_then(|builder| builder.build())
        .map(drop)
        .map_err(|e| format!("cannot open the main window: {e}"))
}

#[cfg(test)]
mod tests {
    /// The default database path of the core must be Tauri's app data directory, so the CLI and
    /// the app find the same file.
    #[test]
    fn the_bundle_identifier_is_the_core_app_id() {
        let conf: serde_json::Value = serde_json::from_str(include_str!("../tauri.conf.json"))
            .expect("tauri.conf.json parses");
        assert_eq!(conf["identifier"], normdesk_core::paths::APP_ID);
        let main = &conf["app"]["windows"][0];
        assert_eq!(main["label"], super::MAIN_WINDOW);
    }

    #[test]
    fn the_csp_allows_no_remote_origin_and_no_eval() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        let csp = conf["app"]["security"]["csp"]
            .as_object()
            .expect("a per-directive CSP");
        for (directive, sources) in csp {
            let sources = sources.as_str().unwrap();
            assert!(!sources.contains("unsafe-eval"), "{directive}: {sources}");
            assert!(
                !sources.contains("https:") && !sources.contains('*'),
                "{directive}: {sources}"
            );
        }
        assert_eq!(csp["object-src"], "'none'");
    }
}
