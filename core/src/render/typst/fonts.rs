//! The fonts shipped with the crate: Typst's own (Libertinus Serif, New
//! Computer Modern, DejaVu Sans Mono) and Inter for the sans-serif templates
//! (SIL Open Font License, see `fonts/LICENSE-Inter.txt`).
//!
//! Only the font book (names and coverage) is built up front; a font's
//! outlines are read the first time a document uses it.

use typst::foundations::Bytes;
use typst::text::{Font, FontInfo};
use typst_kit::fonts::{FontSource, FontStore};

/// Inter, the sans-serif family of the `modern` and `compact` templates.
const INTER: [&[u8]; 4] = [
    include_bytes!("fonts/Inter-Regular.otf"),
    include_bytes!("fonts/Inter-Italic.otf"),
    include_bytes!("fonts/Inter-SemiBold.otf"),
    include_bytes!("fonts/Inter-Bold.otf"),
];

/// One face of a font file, parsed on first use.
struct Face {
    data: Bytes,
    index: u32,
}

impl FontSource for Face {
    fn load(&self) -> Option<Font> {
        Font::new(self.data.clone(), self.index)
    }
}

/// Adds every face of `data` to `store`; data that holds no font is skipped.
pub(crate) fn add(store: &mut FontStore, data: Bytes) {
    for index in 0.. {
        let Some(info) = FontInfo::new(&data, index) else {
            return;
        };
        store.push((
            Face {
                data: data.clone(),
                index,
            },
            info,
        ));
    }
}

/// The shipped fonts.
pub(crate) fn shipped() -> FontStore {
    let mut store = FontStore::new();
    for data in INTER.into_iter().chain(typst_assets::fonts()) {
        add(&mut store, Bytes::new(data));
    }
    store
}
