//! The packet templates: `.typ` files in `templates/`, compiled into the binary (they are code,
//! a few kilobytes) and served to typst as virtual files. Each kind's template imports
//! `common.typ` and reads the packet data from `sys.inputs.data`.

use normdesk_core::packets::data::PacketKind;

pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("common.typ", include_str!("../templates/common.typ")),
    ("nwip.typ", include_str!("../templates/nwip.typ")),
    ("draft.typ", include_str!("../templates/draft.typ")),
    ("comments.typ", include_str!("../templates/comments.typ")),
    ("liaison.typ", include_str!("../templates/liaison.typ")),
    (
        "group-application.typ",
        include_str!("../templates/group-application.typ"),
    ),
];

/// The main template of a kind.
pub(crate) fn main_for(kind: PacketKind) -> &'static str {
    match kind {
        PacketKind::Nwip => "nwip.typ",
        PacketKind::Draft => "draft.typ",
        PacketKind::Comments => "comments.typ",
        PacketKind::Liaison => "liaison.typ",
        PacketKind::GroupApplication => "group-application.typ",
    }
}
