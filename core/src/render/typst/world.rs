//! The Typst `World`: what a template can see.
//!
//! A template sees exactly three files, at fixed paths so the process-wide
//! file-id table never grows: `/main.typ` (the template), `/resume.typ` (the
//! helpers the built-in templates import) and `/data.json` (the resume as
//! [`TemplateData`](crate::render::TemplateData)). Every other path is
//! "not found": no file system, no packages, no network.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

/// Interns one of the fixed virtual paths.
#[allow(clippy::expect_used)] // constant, valid paths: covered by every test that renders
fn fixed(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("constant virtual path is valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// The template.
pub(crate) static MAIN: LazyLock<FileId> = LazyLock::new(|| fixed("/main.typ"));
/// The helpers the built-in templates import.
pub(crate) static HELPERS: LazyLock<FileId> = LazyLock::new(|| fixed("/resume.typ"));
/// The resume as JSON.
pub(crate) static DATA: LazyLock<FileId> = LazyLock::new(|| fixed("/data.json"));

/// What stays the same across renders: the standard library, the font book
/// and the helpers. Built once per renderer.
pub(crate) struct Shared {
    library: LazyHash<Library>,
    fonts: FontStore,
    helpers: Source,
}

impl Shared {
    /// The standard library, the given fonts and the helper module.
    pub(crate) fn new(fonts: FontStore) -> Self {
        Self {
            library: LazyHash::new(Library::default()),
            fonts,
            helpers: Source::new(*HELPERS, include_str!("../templates/resume.typ").to_owned()),
        }
    }

    /// The font book, for tests and diagnostics.
    pub(crate) fn book(&self) -> &FontBook {
        self.fonts.book()
    }
}

/// One render's view: the shared parts plus this document's template and
/// data. Cheap to build; Typst's memoisation works across views because it
/// tracks what is read, not the view itself.
pub(crate) struct ResumeWorld<'a> {
    shared: &'a Shared,
    main: Source,
    data: Bytes,
}

impl<'a> ResumeWorld<'a> {
    /// A view that compiles `main` over `data`.
    pub(crate) fn new(shared: &'a Shared, main: Source, data: Bytes) -> Self {
        Self { shared, main, data }
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

impl World for ResumeWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.shared.fonts.book()
    }

    fn main(&self) -> FileId {
        *MAIN
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN {
            Ok(self.main.clone())
        } else if id == *HELPERS {
            Ok(self.shared.helpers.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA {
            Ok(self.data.clone())
        } else if id == *MAIN || id == *HELPERS {
            Ok(Bytes::from_string(self.source(id)?.text().to_owned()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
