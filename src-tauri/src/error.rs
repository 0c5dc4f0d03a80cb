//! The error the UI sees. Inside, the core has one rich `CoreError`; at the IPC edge it becomes a
//! small, stable `{ kind, message, field }` with an explicit mapping, so the UI can branch on
//! `kind` and put `message` next to the form field named by `field`.

use normdesk_core::CoreError;
use normdesk_packet::PacketError;
use normdesk_sync::SyncError;
use normdesk_text::TextError;
use serde::Serialize;
use specta::Type;

/// What went wrong, coarsely, for the UI to branch on. Serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ApiErrorKind {
    /// A value was refused; `field` names it.
    Validation,
    NotFound,
    /// The database was written by a newer Normdesk.
    NewerSchema,
    Io,
    Database,
    /// A bundle file that is damaged, hostile or not a bundle; the message names file and problem.
    Refused,
    /// Long work stopped at the person's request; nothing was changed.
    Cancelled,
    /// The packet fonts are missing or do not load (a damaged install, a wrong NORMDESK_FONTS);
    /// no packet is made with other fonts.
    Fonts,
    /// A bug in the shell (e.g. a poisoned lock); the message says what.
    Internal,
}

/// The error of every command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub kind: ApiErrorKind,
    /// Ready to show: names the bad input and the next step.
    pub message: String,
    /// The snake_case form field a validation error belongs to.
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(kind: ApiErrorKind, message: impl Into<String>) -> Self {
        ApiError {
            kind,
            message: message.into(),
            field: None,
        }
    }

    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        ApiError {
            kind: ApiErrorKind::Validation,
            message: message.into(),
            field: Some(field.to_owned()),
        }
    }
}

impl From<CoreError> for ApiError {
    fn from(error: CoreError) -> Self {
        let message = error.to_string();
        match error {
            // The field is reported separately, so the message is shown without the "field: " prefix.
            CoreError::Validation { field, message } => ApiError {
                kind: ApiErrorKind::Validation,
                message,
                field: Some(field),
            },
            CoreError::NotFound { .. } => ApiError::new(ApiErrorKind::NotFound, message),
            CoreError::InUse { .. } => ApiError::validation("id", message),
            CoreError::NewerSchema { .. } => ApiError::new(ApiErrorKind::NewerSchema, message),
            CoreError::Io { .. } => ApiError::new(ApiErrorKind::Io, message),
            CoreError::Sqlite(_)
            | CoreError::Corrupt(_)
            | CoreError::NotADatabase { .. }
            | CoreError::Busy => ApiError::new(ApiErrorKind::Database, message),
        }
    }
}

impl From<SyncError> for ApiError {
    fn from(error: SyncError) -> Self {
        let message = error.to_string();
        match error {
            SyncError::Core(core) => ApiError::from(core),
            SyncError::Refused { .. } => ApiError::new(ApiErrorKind::Refused, message),
            SyncError::Newer { .. } => ApiError::new(ApiErrorKind::NewerSchema, message),
            SyncError::Io { .. } => ApiError::new(ApiErrorKind::Io, message),
            SyncError::Cancelled => ApiError::new(ApiErrorKind::Cancelled, message),
        }
    }
}

impl From<TextError> for ApiError {
    fn from(error: TextError) -> Self {
        ApiError::from(error.into_core())
    }
}

impl From<PacketError> for ApiError {
    fn from(error: PacketError) -> Self {
        let message = error.to_string();
        match error {
            PacketError::FontsNotFound { .. } | PacketError::Font { .. } => {
                ApiError::new(ApiErrorKind::Fonts, message)
            }
            PacketError::Blocked(_) => ApiError::validation("preflight", message),
            PacketError::Output { .. } => ApiError::validation("path", message),
            PacketError::Cancelled => ApiError::new(ApiErrorKind::Cancelled, message),
            PacketError::Template { .. } | PacketError::Export(_) | PacketError::Data(_) => {
                ApiError::new(ApiErrorKind::Internal, message)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_map_to_stable_kinds() {
        let cases: Vec<(CoreError, ApiErrorKind, Option<&str>)> = vec![
            (
                CoreError::invalid("reference", "cannot be empty"),
                ApiErrorKind::Validation,
                Some("reference"),
            ),
            (
                CoreError::not_found("project", "x"),
                ApiErrorKind::NotFound,
                None,
            ),
            (
                CoreError::InUse {
                    kind: "committee".into(),
                    id: "c".into(),
                    by: vec!["project p".into()],
                },
                ApiErrorKind::Validation,
                Some("id"),
            ),
            (
                CoreError::NewerSchema {
                    path: "/tmp/n.db".into(),
                    found: 9,
                    supported: 1,
                },
                ApiErrorKind::NewerSchema,
                None,
            ),
            (
                CoreError::io("/tmp/x", std::io::Error::other("disk full")),
                ApiErrorKind::Io,
                None,
            ),
            (
                CoreError::Corrupt("bad row".into()),
                ApiErrorKind::Database,
                None,
            ),
            (
                CoreError::Sqlite(rusqlite_error()),
                ApiErrorKind::Database,
                None,
            ),
        ];
        for (core, kind, field) in cases {
            let shown = core.to_string();
            let api = ApiError::from(core);
            assert_eq!(api.kind, kind, "{shown}");
            assert_eq!(api.field.as_deref(), field, "{shown}");
            assert!(!api.message.is_empty());
        }
    }

    #[test]
    fn validation_message_has_no_field_prefix() {
        let api = ApiError::from(CoreError::invalid(
            "title_en",
            "the English title cannot be empty",
        ));
        assert_eq!(api.message, "the English title cannot be empty");
    }

    #[test]
    fn serialises_as_the_ui_expects() {
        let json =
            serde_json::to_string(&ApiError::validation("language", "pick zh-CN or en")).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"validation","message":"pick zh-CN or en","field":"language"}"#
        );
    }

    #[test]
    fn sync_errors_map_to_stable_kinds() {
        let cases: Vec<(SyncError, ApiErrorKind, Option<&str>)> = vec![
            (
                SyncError::Refused {
                    file: "a.ndbundle".into(),
                    problem: "checksum mismatch".into(),
                },
                ApiErrorKind::Refused,
                None,
            ),
            (
                SyncError::Newer {
                    file: "a.ndbundle".into(),
                    what: "format version",
                    found: 2,
                    supported: 1,
                },
                ApiErrorKind::NewerSchema,
                None,
            ),
            (
                SyncError::Io {
                    path: "/media/usb/a.ndbundle".into(),
                    source: std::io::Error::other("read-only"),
                },
                ApiErrorKind::Io,
                None,
            ),
            (SyncError::Cancelled, ApiErrorKind::Cancelled, None),
            (
                SyncError::Core(CoreError::invalid("peer", "no colleague 'x' is known here")),
                ApiErrorKind::Validation,
                Some("peer"),
            ),
        ];
        for (sync, kind, field) in cases {
            let shown = sync.to_string();
            let api = ApiError::from(sync);
            assert_eq!(api.kind, kind, "{shown}");
            assert_eq!(api.field.as_deref(), field, "{shown}");
        }
        let refused = ApiError::from(SyncError::Refused {
            file: "a.ndbundle".into(),
            problem: "not a zip file".into(),
        });
        assert!(refused.message.contains("a.ndbundle") && refused.message.contains("not a zip"));
    }

    #[test]
    fn packet_errors_map_to_stable_kinds() {
        let cases: Vec<(PacketError, ApiErrorKind, Option<&str>)> = vec![
            (
                PacketError::Font {
                    path: "/opt/normdesk/fonts/NotoSerifCJKsc-Regular.otf".into(),
                    reason: "No such file or directory".into(),
                },
                ApiErrorKind::Fonts,
                None,
            ),
            (
                PacketError::FontsNotFound {
                    looked: vec!["/opt/normdesk/fonts".into()],
                },
                ApiErrorKind::Fonts,
                None,
            ),
            (
                PacketError::Blocked(vec!["the project has no scope".into()]),
                ApiErrorKind::Validation,
                Some("preflight"),
            ),
            (
                PacketError::Output {
                    path: "/proc/p.pdf".into(),
                    reason: "No such file or directory".into(),
                },
                ApiErrorKind::Validation,
                Some("path"),
            ),
            (PacketError::Cancelled, ApiErrorKind::Cancelled, None),
            (
                PacketError::Export(vec!["broken".into()]),
                ApiErrorKind::Internal,
                None,
            ),
        ];
        for (packet, kind, field) in cases {
            let shown = packet.to_string();
            let api = ApiError::from(packet);
            assert_eq!(api.kind, kind, "{shown}");
            assert_eq!(api.field.as_deref(), field, "{shown}");
            assert_eq!(
                api.message, shown,
                "the message is the renderer's own sentence"
            );
        }
    }

    fn rusqlite_error() -> rusqlite::Error {
        rusqlite::Error::QueryReturnedNoRows
    }
}
