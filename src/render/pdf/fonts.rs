//! The typefaces a PDF is set in — Liberation Sans Regular and Bold (SIL Open Font License, see
//! `fonts/LICENSE-LiberationSans.txt`) — their advance widths for measuring text, and the subsets
//! of them that get embedded.
//!
//! The built-in PDF fonts are never used: they know only Windows-1252 and printpdf turns every
//! other character into `?` without a word. The subsetting is done here with allsorts (which
//! printpdf depends on anyway) rather than by printpdf, whose own subsetting needs its
//! `text_layout` feature and with it a layout engine and a font-discovery crate we do not use.

use std::collections::BTreeSet;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};

use crate::Error;

const REGULAR_TTF: &[u8] = include_bytes!("../../../fonts/LiberationSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../fonts/LiberationSans-Bold.ttf");

/// The two weights text can be set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    /// The PostScript name of the face, which the PDF names the font by.
    pub fn postscript_name(self) -> &'static str {
        match self {
            Weight::Regular => "LiberationSans",
            Weight::Bold => "LiberationSans-Bold",
        }
    }

    fn font_program(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR_TTF,
            Weight::Bold => BOLD_TTF,
        }
    }
}

/// The metrics of one weight: advance widths by character, in em.
struct Face {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advance widths of U+0000..U+00FF, looked up once: nearly all text is in this range and
    /// wrapping measures every word several times.
    latin: [f32; 256],
}

impl Face {
    fn load(weight: Weight) -> Result<Face, Error> {
        let face = ttf_parser::Face::parse(weight.font_program(), 0)
            .map_err(|e| Error::Pdf(format!("embedded font {weight:?}: {e}")))?;
        let units_per_em = f32::from(face.units_per_em());
        let mut loaded = Face {
            face,
            units_per_em,
            latin: [0.0; 256],
        };
        for code in 0u8..=255 {
            loaded.latin[usize::from(code)] = loaded.lookup(char::from(code));
        }
        Ok(loaded)
    }

    /// The advance of `c` in em. A character the font lacks is drawn as the .notdef glyph, so
    /// it is measured as one too.
    fn lookup(&self, c: char) -> f32 {
        let glyph = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let advance = self.face.glyph_hor_advance(glyph).unwrap_or(0);
        f32::from(advance) / self.units_per_em
    }

    fn advance(&self, c: char) -> f32 {
        match self.latin.get(c as usize) {
            Some(width) => *width,
            None => self.lookup(c),
        }
    }
}

/// Both weights, parsed from the embedded font programs.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    pub fn load() -> Result<Fonts, Error> {
        Ok(Fonts {
            regular: Face::load(Weight::Regular)?,
            bold: Face::load(Weight::Bold)?,
        })
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The width of `text` set in `weight` at `size` points, in points. No kerning: the PDF
    /// writer places glyphs at their plain advances, so this is exactly what ends up on paper.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let face = self.face(weight);
        text.chars().map(|c| face.advance(c)).sum::<f32>() * size
    }

    /// The font program of `weight` cut down to the glyphs of `chars`, with a Unicode cmap so
    /// the PDF writer can find each character's glyph in it.
    pub fn subset(&self, weight: Weight, chars: &BTreeSet<char>) -> Result<Vec<u8>, Error> {
        self.subset_with(weight, chars, SubsetProfile::Pdf)
    }

    /// The same for a web page: browsers refuse a font without the tables every OpenType font
    /// must have (name, OS/2, post), which a PDF does without.
    pub fn web_subset(&self, weight: Weight, chars: &BTreeSet<char>) -> Result<Vec<u8>, Error> {
        self.subset_with(weight, chars, SubsetProfile::Minimal)
    }

    fn subset_with(
        &self,
        weight: Weight,
        chars: &BTreeSet<char>,
        profile: SubsetProfile,
    ) -> Result<Vec<u8>, Error> {
        let face = &self.face(weight).face;
        // allsorts wants .notdef first and no duplicates; composite glyphs (the accented
        // letters) pull in their components by themselves.
        let glyphs: BTreeSet<u16> = chars
            .iter()
            .filter_map(|c| face.glyph_index(*c))
            .map(|glyph| glyph.0)
            .filter(|glyph| *glyph != 0)
            .collect();
        let ids: Vec<u16> = std::iter::once(0).chain(glyphs).collect();
        let failed = |e: &dyn std::fmt::Debug| Error::Pdf(format!("font subset {weight:?}: {e:?}"));
        let font_data = ReadScope::new(weight.font_program())
            .read::<FontData<'_>>()
            .map_err(|e| failed(&e))?;
        let provider = font_data.table_provider(0).map_err(|e| failed(&e))?;
        subset(&provider, &ids, &profile, CmapTarget::Unicode).map_err(|e| failed(&e))
    }
}

/// Six capital letters naming a subset by what is in it, so the same text gets the same tag
/// and different subsets get different ones (a PDF's subset prefix, ISO 32000-1, 9.6.4; a web
/// page's font family).
pub fn subset_tag(weight: Weight, chars: &BTreeSet<char>) -> String {
    // FNV-1a over the weight and the characters.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let codes = std::iter::once(weight as u32).chain(chars.iter().map(|c| u32::from(*c)));
    for code in codes {
        hash ^= u64::from(code);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_weights_cover_dutch_text_and_typography() {
        for weight in [Weight::Regular, Weight::Bold] {
            let face = ttf_parser::Face::parse(weight.font_program(), 0).unwrap();
            for c in "ëïéüèöáó‘’“”–—•…€ÉËÏ".chars() {
                assert!(face.glyph_index(c).is_some(), "{weight:?} lacks {c:?}");
            }
        }
    }

    #[test]
    fn the_postscript_names_are_the_fonts_own() {
        for weight in [Weight::Regular, Weight::Bold] {
            let face = ttf_parser::Face::parse(weight.font_program(), 0).unwrap();
            let name = face
                .names()
                .into_iter()
                .filter(|name| name.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
                .find_map(|name| name.to_string())
                .unwrap();
            assert_eq!(name, weight.postscript_name());
        }
    }

    #[test]
    fn widths_add_up_and_bold_is_wider() {
        let fonts = Fonts::load().unwrap();
        let word = fonts.width("zelfreflectie", Weight::Regular, 10.0);
        let halves = fonts.width("zelf", Weight::Regular, 10.0)
            + fonts.width("reflectie", Weight::Regular, 10.0);
        assert!((word - halves).abs() < 1e-3);
        assert!(fonts.width("zelfreflectie", Weight::Bold, 10.0) > word);
        // Liberation Sans is metric-compatible with Arial: "H" is 0.722 em.
        assert!((fonts.width("H", Weight::Regular, 1000.0) - 722.0).abs() < 1.0);
    }

    #[test]
    fn a_subset_is_small_and_keeps_the_characters() {
        let fonts = Fonts::load().unwrap();
        let chars: BTreeSet<char> = "Coëfficiënt “goed” – 1 / 2".chars().collect();
        let bytes = fonts.subset(Weight::Regular, &chars).unwrap();
        assert!(bytes.len() < 40_000, "subset is {} bytes", bytes.len());
        let subset = ttf_parser::Face::parse(&bytes, 0).unwrap();
        for c in chars {
            assert!(subset.glyph_index(c).is_some(), "{c:?} lost in the subset");
        }
    }
}
