//! The baseline of the startup benchmark (`make bench`, tests/bench/startup.mjs): a bare Tauri
//! window built the same way as `normdesk-desktop` — same crate, features, configuration, CSP and
//! embedded `ui/dist` — that shows a static page with no script, no database and no commands.
//! Normdesk's start to its first painted projects list is measured against this window's start
//! to its loaded page, in the same run.

fn main() {
    let app = tauri::Builder::default()
        .setup(|app| {
            tauri::WebviewWindowBuilder::new(
                app,
                "main",
                tauri::WebviewUrl::App("startup-baseline.html".into()),
            )
            .title("Normdesk startup baseline")
            .inner_size(1280.0, 800.0)
            .build()?;
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("the bare window starts");
    app.run(|_, _| {});
}
