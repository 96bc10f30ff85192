//! What a PDF says, independent of how it is drawn: metadata and a list of blocks, top to
//! bottom. Reports build one of these; `render` turns it into a PDF.

/// A document to render.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (UTC): the creation and modification date in the
    /// metadata. The caller sets it (the date of the scan, say), never the clock, so the same
    /// input gives the same PDF.
    pub date: String,
    /// The language of the text (`nl`, `en`), for readers and screen readers (`/Lang`).
    pub language: String,
    /// A line in the footer of every page, such as a confidentiality notice; empty for none.
    pub footer: String,
    pub blocks: Vec<Block>,
}

/// One piece of a document. Blocks are stacked top to bottom and start a new page when they do
/// not fit: paragraphs, lists, key–value rows, tables and ruled lines continue on the next page;
/// titles, charts and boxes move there whole (a chart taller than a page is not split).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The title of the document with lines saying who, what and when under it. It does not
    /// start a page of its own; follow it with `PageBreak` for a separate title page.
    Title {
        title: String,
        lines: Vec<String>,
    },
    /// A heading of level 1 (largest) to 3; it is kept on a page with what follows it.
    Heading(u8, String),
    Paragraph(String),
    Bullets(Vec<String>),
    /// Label–value rows, such as "Naam: Sanne de Vries"; an empty value is a line to write on.
    KeyValues(Vec<(String, String)>),
    Table(Table),
    RadarChart(RadarChart),
    BarChart(BarChart),
    HeatMap(HeatMap),
    TrendChart(TrendChart),
    /// A label with empty ruled lines under it, to write notes on.
    WriteLines {
        label: String,
        lines: usize,
    },
    /// Tick boxes, one per label.
    Checkboxes(Vec<String>),
    /// A label with a row of boxes to tick, one per value (usually "1" to "5").
    RatingBoxes {
        label: String,
        values: Vec<String>,
        /// A line in small print under the boxes, on the same page; empty for none.
        legend: String,
    },
    PageBreak,
    /// The next so many blocks on one page: a new page first when they do not fit on this
    /// one but fit on an empty one.
    KeepTogether(usize),
    /// A line that heads every page started from here on, until the next one (empty: none),
    /// saying which section the page continues. Given at the top of a fresh page, it replaces
    /// the head that page was started with, so a section's own first page carries none.
    RunningHead(String),
    /// Empty space, in millimetres.
    Spacer(f32),
}

/// A table that may run over several pages; each page repeats the header row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Relative column widths (`[3.0, 1.0, 1.0]`: the first column takes three fifths). Missing
    /// or non-positive entries count as 1.
    pub widths: Vec<f32>,
    /// Columns whose cells are right-aligned (numbers); missing entries are left-aligned.
    pub align_right: Vec<bool>,
}

pub use crate::layout::chart::{BarChart, HeatMap, RadarChart, TrendChart};
