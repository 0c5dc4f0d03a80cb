//! Normdesk's desktop shell: a thin Tauri adapter over `normdesk-core`. It opens the database,
//! seeds the demo data on first start, creates the main window and serves the IPC commands in
//! [`commands`]. It holds no domain logic.
//!
//! *Architecture invariant:* every command calls one core function; the shell knows no SQL.

pub mod bindings;
pub mod commands;
pub mod error;

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI32, Ordering};

use normdesk_core::{Store, demo, paths};
use tauri::{App, AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

/// The label of the one window; the capability files are bound to it.
pub const MAIN_WINDOW: &str = "main";

/// Set when the app gives up at startup; `run` returns it (Tauri's own exit code is 0 when the
/// event loop ends without a window).
static STARTUP_FAILURE: AtomicI32 = AtomicI32::new(0);

/// Runs the app and returns the process exit code (non-zero when the database could not be
/// opened or Tauri could not start).
pub fn run() -> i32 {
    let commands = bindings::builder();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(commands.invoke_handler())
        .setup(|app| {
            start(app);
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run_return(|_, _| {}).max(STARTUP_FAILURE.load(Ordering::SeqCst)),
        Err(e) => {
            eprintln!("normdesk-desktop: cannot start: {e}");
            1
        }
    }
}

/// Opens the store and the main window, or shows why it cannot and exits with code 1.
fn start(app: &mut App) {
    let opened = open_store(app.handle()).and_then(|store| {
        app.manage(Mutex::new(store));
        open_main_window(app)
    });
    if let Err(message) = opened {
        eprintln!("normdesk-desktop: {message}");
        STARTUP_FAILURE.store(1, Ordering::SeqCst);
        let handle = app.handle().clone();
        app.dialog()
            .message(message)
            .title("Normdesk cannot start")
            .kind(MessageDialogKind::Error)
            .show(move |_| handle.exit(1));
    }
}

/// The database file: `$NORMDESK_DB`, else the user's data directory (which is Tauri's
/// app data directory, since the bundle identifier is the core's `APP_ID`).
fn db_path(app: &AppHandle) -> Result<PathBuf, String> {
    if let Some(path) = paths::default_db_path() {
        return Ok(path);
    }
    let dir = app.path().app_data_dir().map_err(|e| {
        format!(
            "cannot find a data directory for the database ({e}); set {}",
            paths::DB_ENV
        )
    })?;
    Ok(dir.join(paths::DB_FILE))
}

/// Opens (creating and migrating) the database and seeds the demo data on first start.
fn open_store(app: &AppHandle) -> Result<Store, String> {
    let path = db_path(app)?;
    let mut store = Store::open(&path).map_err(|e| e.to_string())?;
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
