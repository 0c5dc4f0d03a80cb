//! Our own `typst::World`: the templates compiled into the binary as virtual files, the packet
//! data in `sys.inputs.data` (JSON), its images (draft figures, read from the store by the
//! core) as virtual files too, the loaded fonts, and a fixed "today" (the packet's date).
//! Nothing is read from disk or the network while a packet compiles.
//!
//! Written here rather than taken from `typst-as-lib`: the trait has seven small methods, and
//! owning them keeps us on typst's own release cadence with one dependency fewer, and lets us
//! refuse every file access outside the templates.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue, Str};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use normdesk_core::packets::data::FigureFile;

use crate::fonts::Fonts;
use crate::templates::TEMPLATES;

pub(crate) struct PacketWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: FileId,
    sources: Vec<(FileId, Source)>,
    /// The packet's images (draft figures) under their virtual names.
    files: Vec<(FileId, Bytes)>,
    today: Datetime,
}

fn file_id(name: &str) -> FileId {
    let path = VirtualPath::new(name).expect("template names are valid virtual paths");
    FileId::new(RootedPath::new(VirtualRoot::Project, path))
}

impl<'a> PacketWorld<'a> {
    pub(crate) fn new(
        fonts: &'a Fonts,
        main: &str,
        data_json: String,
        figures: &[FigureFile],
        today: Datetime,
    ) -> Self {
        let inputs: Dict = [(Str::from("data"), data_json.into_value())]
            .into_iter()
            .collect();
        let library = Library::builder().with_inputs(inputs).build();
        let sources = TEMPLATES
            .iter()
            .map(|(name, text)| {
                let id = file_id(name);
                (id, Source::new(id, (*text).to_owned()))
            })
            .collect();
        let files = figures
            .iter()
            .map(|f| (file_id(&f.file), Bytes::new(f.bytes.clone())))
            .collect();
        PacketWorld {
            library: LazyHash::new(library),
            fonts,
            main: file_id(main),
            sources,
            files,
            today,
        }
    }
}

impl World for PacketWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, s)| s.clone())
            .ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some((_, bytes)) = self.files.iter().find(|(i, _)| *i == id) {
            return Ok(bytes.clone());
        }
        self.source(id)
            .map(|s| Bytes::from_string(s.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
