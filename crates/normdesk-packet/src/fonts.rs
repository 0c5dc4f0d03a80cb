//! The packet fonts: Noto Serif CJK SC Regular and Bold (SIL OFL 1.1, `fonts/OFL.txt`), loaded
//! explicitly from one folder at run time rather than compiled into the binary, so the app and
//! the CLI stay ~48 MB smaller and share one copy. A missing or unreadable file is an error,
//! never a fallback to whatever fonts a machine has.
//!
//! Where the folder is looked for ([`locate_from`]): `$NORMDESK_FONTS`; the app's resource
//! folder when the caller has one (the desktop shell passes Tauri's, where the bundle puts
//! `fonts/`); `fonts/` next to the executable (the CLI's install, and where tauri-build copies
//! the resources in development); `../share/normdesk/fonts` from the executable; and, for
//! development and tests, this crate's own `fonts/` folder.

use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::error::PacketError;

/// The files the renderer needs, in this order.
pub const FILES: &[&str] = &["NotoSerifCJKsc-Regular.otf", "NotoSerifCJKsc-Bold.otf"];

/// The family the templates set; checked to be present after loading.
pub const FAMILY: &str = "Noto Serif CJK SC";

/// The licence that must travel with the font files.
pub const LICENCE: &str = "OFL.txt";

/// Loaded fonts and their book. Load once and reuse for every packet (the warm path).
pub struct Fonts {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
    dir: PathBuf,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts")
            .field("dir", &self.dir)
            .field("faces", &self.fonts.len())
            .finish()
    }
}

impl Fonts {
    /// Loads exactly [`FILES`] from `dir`.
    pub fn load(dir: &Path) -> Result<Fonts, PacketError> {
        let mut fonts = Vec::new();
        for name in FILES {
            let path = dir.join(name);
            let data = std::fs::read(&path).map_err(|e| PacketError::Font {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let font = Font::new(Bytes::new(data), 0).ok_or_else(|| PacketError::Font {
                path: path.clone(),
                reason: "not a font typst can read".into(),
            })?;
            if !font.info().family.eq_ignore_ascii_case(FAMILY) {
                return Err(PacketError::Font {
                    path,
                    reason: format!("its family is '{}', not '{FAMILY}'", font.info().family),
                });
            }
            fonts.push(font);
        }
        let book = FontBook::from_fonts(&fonts);
        Ok(Fonts {
            book: LazyHash::new(book),
            fonts,
            dir: dir.to_owned(),
        })
    }

    /// Finds the fonts folder ([`locate`]) and loads it.
    pub fn load_default() -> Result<Fonts, PacketError> {
        Fonts::load(&locate()?)
    }

    /// Finds the fonts folder, trying `resources/fonts` early ([`locate_from`]), and loads it.
    pub fn load_from(resources: Option<&Path>) -> Result<Fonts, PacketError> {
        Fonts::load(&locate_from(resources)?)
    }

    /// The folder the fonts came from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// The fonts folder for a program without a resource folder (the CLI): [`locate_from`]`(None)`.
pub fn locate() -> Result<PathBuf, PacketError> {
    locate_from(None)
}

/// The fonts folder: the first of the places in the module documentation that holds every file
/// of [`FILES`]; `resources` is the app's resource folder, whose `fonts/` is tried right after
/// `$NORMDESK_FONTS`.
pub fn locate_from(resources: Option<&Path>) -> Result<PathBuf, PacketError> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(dir) = std::env::var_os("NORMDESK_FONTS").filter(|d| !d.is_empty()) {
        // An explicit setting is used as it is, so a wrong one is reported, not skipped.
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = resources {
        candidates.push(dir.join("fonts"));
    }
    if let Ok(exe) = std::env::current_exe()
        && let Some(bin) = exe.parent()
    {
        candidates.push(bin.join("fonts"));
        candidates.push(bin.join("../share/normdesk/fonts"));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts"));
    candidates
        .iter()
        .find(|dir| FILES.iter().all(|f| dir.join(f).is_file()))
        .cloned()
        .ok_or_else(|| PacketError::FontsNotFound {
            looked: candidates.iter().map(|d| d.display().to_string()).collect(),
        })
}
