//! Turns laid-out pages into PDF bytes with printpdf: the metadata, the embedded font subsets,
//! and each primitive as PDF operations. The only file that knows printpdf's types.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Polygon, PolygonRing, Pt,
    TextItem, TextMatrix, WindingOrder,
};

use super::document::Document;
use super::flow::lay_out;
use super::fonts::{Fonts, Weight, subset_tag};
use super::layout::{Color, PAGE_HEIGHT, PAGE_WIDTH, Page, Point, Primitive, Stroke, TextRun};
use crate::Error;

/// `document` as a PDF: A4 portrait, Liberation Sans embedded as subsets, page numbers in the
/// footer, and title, author, subject and dates in the metadata.
pub fn render(document: &Document) -> Result<Vec<u8>, Error> {
    let fonts = Fonts::load()?;
    let pages = lay_out(document, &fonts);
    let date = metadata_date(&document.date)?;

    let mut pdf = PdfDocument::new(&document.title);
    let info = &mut pdf.metadata.info;
    info.author = document.author.clone();
    info.subject = document.subject.clone();
    info.creator = "vakwijzer".to_string();
    info.producer = format!("vakwijzer {} (printpdf)", env!("CARGO_PKG_VERSION"));
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;

    let font_ids = embed_fonts(&mut pdf, &fonts, &pages)?;
    let pdf_pages = pages
        .iter()
        .map(|page| {
            PdfPage::new(
                Mm::from(Pt(PAGE_WIDTH)),
                Mm::from(Pt(PAGE_HEIGHT)),
                PageWriter::new(&font_ids).write(page),
            )
        })
        .collect();
    let options = PdfSaveOptions {
        optimize: true,
        // The fonts are subset already (see fonts.rs); printpdf's own subsetting would need
        // its `text_layout` feature.
        subset_fonts: false,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let mut file = pdf
        .with_pages(pdf_pages)
        .to_lopdf_document(&options, &mut warnings);
    let errors: Vec<String> = warnings
        .into_iter()
        .filter(|warning| warning.severity == PdfParseErrorSeverity::Error)
        .map(|warning| warning.msg)
        .collect();
    if !errors.is_empty() {
        return Err(Error::Pdf(errors.join("; ")));
    }
    drop_empty_info_entries(&mut file);
    add_outline(&mut file, &pages);
    set_reading_preferences(&mut file, &document.language)?;
    file.compress();
    let mut bytes = Vec::new();
    file.save_to(&mut bytes)
        .map_err(|e| Error::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// printpdf writes every document-information entry it knows, filled or not. An empty
/// `GTS_PDFXVersion` makes readers take the file for PDF/X (pdfinfo: "PDF subtype: PDF/X"),
/// which it is not; so the empty entries go.
fn drop_empty_info_entries(file: &mut lopdf::Document) {
    let Ok(id) = file
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    else {
        return;
    };
    let Ok(info) = file.get_dictionary_mut(id) else {
        return;
    };
    // Text entries are UTF-16 with a byte-order mark, so an empty one is just the mark.
    let empty: Vec<Vec<u8>> = info
        .iter()
        .filter(|(_, value)| {
            matches!(value, lopdf::Object::String(text, _)
                if text.is_empty() || text.as_slice() == [0xFE, 0xFF])
        })
        .map(|(key, _)| key.clone())
        .collect();
    for key in empty {
        info.remove(&key);
    }
}

/// The outline (bookmarks) from the headings of the pages, nested by level: a heading goes
/// under the nearest heading before it of a higher level.
fn add_outline(file: &mut lopdf::Document, pages: &[Page]) {
    let page_ids = file.get_pages();
    // The open entries by level: the last bookmark seen at each level, top level first.
    let mut open: Vec<(u8, u32)> = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let Some(page_id) = u32::try_from(index + 1)
            .ok()
            .and_then(|number| page_ids.get(&number))
        else {
            continue;
        };
        for bookmark in &page.bookmarks {
            while open
                .last()
                .is_some_and(|(level, _)| *level >= bookmark.level)
            {
                open.pop();
            }
            let parent = open.last().map(|(_, id)| *id);
            let entry = lopdf::Bookmark::new(bookmark.title.clone(), [0.0; 3], 0, *page_id);
            let id = file.add_bookmark(entry, parent);
            open.push((bookmark.level, id));
        }
    }
    if let Some(outline) = file.build_outline()
        && let Ok(catalog) = file.catalog_mut()
    {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", lopdf::Object::Name(b"UseOutlines".to_vec()));
    }
}

/// The document language (`/Lang`), and the title rather than the file name in the viewer's
/// title bar (`DisplayDocTitle`), as PDF/UA asks.
fn set_reading_preferences(file: &mut lopdf::Document, language: &str) -> Result<(), Error> {
    let catalog = file
        .catalog_mut()
        .map_err(|e| Error::Pdf(format!("no document catalog: {e}")))?;
    if !language.is_empty() {
        catalog.set("Lang", lopdf::text_string(language));
    }
    let mut preferences = lopdf::Dictionary::new();
    preferences.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", preferences);
    Ok(())
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`, taken as UTC.
fn metadata_date(text: &str) -> Result<printpdf::DateTime, Error> {
    let parsed: jiff::civil::DateTime = text.trim().parse().map_err(|e| {
        Error::Pdf(format!(
            "document date {text:?} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS ({e})"
        ))
    })?;
    // jiff keeps its fields in range (month 1..=12, hour 0..=23, …), so the casts cannot
    // truncate.
    Ok(printpdf::DateTime {
        date: printpdf::Date {
            year: i32::from(parsed.year()),
            month: parsed.month() as u8,
            day: parsed.day() as u8,
        },
        time: printpdf::Time {
            hour: parsed.hour() as u8,
            minute: parsed.minute() as u8,
            second: parsed.second() as u8,
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    })
}

/// Embeds a subset of each weight the pages use, with exactly the characters they use.
fn embed_fonts(
    pdf: &mut PdfDocument,
    fonts: &Fonts,
    pages: &[Page],
) -> Result<BTreeMap<Weight, FontId>, Error> {
    let mut used: BTreeMap<Weight, BTreeSet<char>> = BTreeMap::new();
    for run in pages.iter().flat_map(Page::texts) {
        used.entry(run.weight).or_default().extend(run.text.chars());
    }
    let mut ids = BTreeMap::new();
    for (weight, chars) in used {
        let program = fonts.subset(weight, &chars)?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&program, 0, &mut warnings).ok_or_else(|| {
            Error::Pdf(format!(
                "the {weight:?} font subset does not parse: {warnings:?}"
            ))
        })?;
        // printpdf only tags the fonts it subsets itself; readers show the tag as "subset".
        parsed.font_name = Some(format!(
            "{}+{}",
            subset_tag(weight, &chars),
            weight.postscript_name()
        ));
        ids.insert(weight, pdf.add_font(&parsed));
    }
    Ok(ids)
}

fn pdf_color(color: Color) -> printpdf::Color {
    printpdf::Color::Rgb(printpdf::Rgb {
        r: color.r,
        g: color.g,
        b: color.b,
        icc_profile: None,
    })
}

fn pdf_point(point: &Point) -> LinePoint {
    LinePoint {
        p: printpdf::Point {
            x: Pt(point.x),
            y: Pt(point.y),
        },
        bezier: false,
    }
}

/// The operations of one page. It remembers the colours, line style and font in force, so
/// each is set only when it changes.
struct PageWriter<'a> {
    fonts: &'a BTreeMap<Weight, FontId>,
    ops: Vec<Op>,
    in_text: bool,
    font: Option<(Weight, f32)>,
    fill: Option<Color>,
    stroke: Option<Stroke>,
}

impl<'a> PageWriter<'a> {
    fn new(fonts: &'a BTreeMap<Weight, FontId>) -> Self {
        PageWriter {
            fonts,
            ops: Vec::new(),
            in_text: false,
            font: None,
            fill: None,
            stroke: None,
        }
    }

    fn write(mut self, page: &Page) -> Vec<Op> {
        for item in &page.items {
            match item {
                Primitive::Text(run) => self.text(run),
                Primitive::Line { points, stroke } => {
                    self.end_text();
                    self.set_stroke(*stroke);
                    self.ops.push(Op::DrawLine {
                        line: Line {
                            points: points.iter().map(pdf_point).collect(),
                            is_closed: false,
                        },
                    });
                }
                Primitive::Rect {
                    x,
                    y,
                    width,
                    height,
                    fill,
                    stroke,
                } => {
                    let corners = [
                        Point { x: *x, y: *y },
                        Point {
                            x: x + width,
                            y: *y,
                        },
                        Point {
                            x: x + width,
                            y: y + height,
                        },
                        Point {
                            x: *x,
                            y: y + height,
                        },
                    ];
                    self.shape(&corners, *fill, *stroke);
                }
                Primitive::Polygon {
                    points,
                    fill,
                    stroke,
                } => self.shape(points, *fill, *stroke),
            }
        }
        self.end_text();
        self.ops
    }

    fn text(&mut self, run: &TextRun) {
        let Some(font) = self.fonts.get(&run.weight) else {
            return;
        };
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
            self.font = None;
        }
        if self.font != Some((run.weight, run.size)) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(run.size),
            });
            self.font = Some((run.weight, run.size));
        }
        self.set_fill(run.color);
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(run.x), Pt(run.baseline)),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(run.text.clone())],
        });
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn shape(&mut self, points: &[Point], fill: Option<Color>, stroke: Option<Stroke>) {
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return,
        };
        self.end_text();
        if let Some(fill) = fill {
            self.set_fill(fill);
        }
        if let Some(stroke) = stroke {
            self.set_stroke(stroke);
        }
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: points.iter().map(pdf_point).collect(),
                }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    fn set_fill(&mut self, color: Color) {
        if self.fill != Some(color) {
            self.ops.push(Op::SetFillColor {
                col: pdf_color(color),
            });
            self.fill = Some(color);
        }
    }

    fn set_stroke(&mut self, stroke: Stroke) {
        let previous = self.stroke;
        if previous.map(|p| p.color) != Some(stroke.color) {
            self.ops.push(Op::SetOutlineColor {
                col: pdf_color(stroke.color),
            });
        }
        if previous.map(|p| p.width) != Some(stroke.width) {
            self.ops.push(Op::SetOutlineThickness {
                pt: Pt(stroke.width),
            });
        }
        if previous.map_or(stroke.dashed, |p| p.dashed != stroke.dashed) {
            let dash = if stroke.dashed {
                LineDashPattern::new(0.0, &[3.0, 2.0])
            } else {
                LineDashPattern::solid()
            };
            self.ops.push(Op::SetLineDashPattern { dash });
        }
        self.stroke = Some(stroke);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_tags_are_six_capitals_and_differ_by_content() {
        let some: BTreeSet<char> = "abc".chars().collect();
        let more: BTreeSet<char> = "abcd".chars().collect();
        let tag = subset_tag(Weight::Regular, &some);
        assert_eq!(tag.len(), 6);
        assert!(tag.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(tag, subset_tag(Weight::Regular, &some));
        assert_ne!(tag, subset_tag(Weight::Regular, &more));
        assert_ne!(tag, subset_tag(Weight::Bold, &some));
    }

    #[test]
    fn the_metadata_date_comes_from_the_document() {
        let date = metadata_date("2026-11-23").unwrap();
        assert_eq!(
            (date.date.year, date.date.month, date.date.day),
            (2026, 11, 23)
        );
        let date = metadata_date("2026-05-01T14:30:05").unwrap();
        assert_eq!(
            (date.time.hour, date.time.minute, date.time.second),
            (14, 30, 5)
        );
        assert!(matches!(metadata_date("gisteren"), Err(Error::Pdf(_))));
        assert!(matches!(metadata_date(""), Err(Error::Pdf(_))));
    }
}
