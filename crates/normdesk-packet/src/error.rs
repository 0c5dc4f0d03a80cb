//! The renderer's one error enum. Messages name what failed and what to do next.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum PacketError {
    /// No fonts directory was found where the renderer looks for one.
    #[error("the packet fonts were not found (looked in: {}); set NORMDESK_FONTS to the folder that holds {}", .looked.join(", "), crate::fonts::FILES.join(" and "))]
    FontsNotFound { looked: Vec<String> },

    /// A font file is missing, unreadable or not a font.
    #[error(
        "font {path}: {reason}; reinstall Normdesk or set NORMDESK_FONTS to a folder with the packet fonts"
    )]
    Font { path: PathBuf, reason: String },

    /// The template failed, or the typesetter warned (an unknown font family is a warning in
    /// typst; here every warning is an error, so nothing falls back silently).
    #[error("the {template} template failed: {}", .messages.join("; "))]
    Template {
        template: String,
        messages: Vec<String>,
    },

    /// PDF export failed.
    #[error("PDF export failed: {}", .0.join("; "))]
    Export(Vec<String>),

    #[error("the packet data could not be encoded: {0}")]
    Data(#[from] serde_json::Error),

    /// The pre-flight check found errors: the packet is not made.
    #[error("the packet was not made: {}; fix these first", .0.join("; "))]
    Blocked(Vec<String>),

    /// The packet file cannot be written there (nothing is left behind).
    #[error("cannot write {}: {reason}", .path.display())]
    Output { path: PathBuf, reason: String },

    /// The caller asked to stop.
    #[error("cancelled")]
    Cancelled,
}
