//! Where the default database lives. The desktop app and the CLI share one rule so that
//! `normdesk` without `--db` opens the app's own database.

use std::path::PathBuf;

/// The application identifier; also the folder name under the user's data directory.
pub const APP_ID: &str = "org.normdesk.desktop";
/// The database file name inside that folder.
pub const DB_FILE: &str = "normdesk.db";
/// Environment variable that overrides the default database path.
pub const DB_ENV: &str = "NORMDESK_DB";

/// `$NORMDESK_DB` if set, else `<data dir>/org.normdesk.desktop/normdesk.db`
/// (on Linux `~/.local/share/org.normdesk.desktop/normdesk.db`).
pub fn default_db_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    dirs::data_dir().map(|dir| dir.join(APP_ID).join(DB_FILE))
}
