//! Generates Tauri's context and an `allow-<command>` permission for each of the app's own
//! commands, which `capabilities/main.json` grants to the main window.

const COMMANDS: &[&str] = &[
    "app_info",
    "set_display_name",
    "set_language",
    "backup_database",
    "stages",
    "lookups",
    "list_projects",
    "get_project",
    "create_project",
    "update_project",
    "delete_project",
    "change_stage",
    "sync_overview",
    "sync_history",
    "bundle_file_name",
    "export_bundle",
    "preview_bundle",
    "import_bundle",
    "cancel_sync",
    "list_conflicts",
    "resolve_conflict",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}
