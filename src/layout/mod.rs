//! Each report laid out once, as a format-neutral document: a title with meta lines, then
//! blocks (headings, paragraphs, notices, lists, tables with typed columns, charts as data).
//! One file per report turns its model into a `Document`; the renderers in `render` turn a
//! document into a terminal table, Markdown, HTML or PDF, so the formats cannot drift apart.

pub mod chart;
pub mod compare;
pub mod dossier;
pub mod feedback;
pub mod guide;
pub mod panel;
pub mod personal;
pub mod plan;
pub mod scorecard;
pub mod team;

use serde::{Serialize, Serializer};

pub use chart::{BarChart, Chart, HeatMap, RadarChart, TrendChart};

use crate::render::{number, signed};

/// A report as its reader sees it, in any format.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    pub title: String,
    /// Short facts shown under the title (framework, date, who): one line, joined by " · ".
    pub meta: Vec<String>,
    /// Who the document is by or about, what it is about and its date (`YYYY-MM-DD...`), for
    /// the document information of a PDF; the date comes from the input, never the clock.
    pub author: String,
    pub subject: String,
    pub date: String,
    /// Whether it names people with their scores, ratings or notes: printed formats then say
    /// on every page that it is confidential.
    pub personal_data: bool,
    pub blocks: Vec<Block>,
}

/// One piece of a document, top to bottom. Every text is plain text as a person or a data file
/// wrote it: each renderer escapes it for its format and adds its own markup.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Level 1 (largest) to 4 (a lead-in line above a list).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// Something the reader must not miss: a warning about the input, a withheld figure.
    Notice {
        text: String,
    },
    /// A remark in a muted voice: a legend, where a link comes from.
    Note {
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    /// Label–value rows; an empty value is a field to fill in by hand.
    KeyValues {
        pairs: Vec<(String, String)>,
    },
    Table(Table),
    /// A chart and its caption, which says what it shows (the name screen readers read).
    Chart {
        chart: Chart,
        caption: String,
    },
    /// A label with empty lines under it to write on.
    WriteLines {
        label: String,
        lines: usize,
    },
    /// Tick boxes, one per item.
    Checkboxes {
        items: Vec<String>,
    },
    /// A label with a box to tick per value, and a legend under them (what the values mean;
    /// empty for none), kept with the boxes.
    RatingBoxes {
        label: String,
        values: Vec<String>,
        legend: String,
    },
    /// Printed formats start a new page here; the others ignore it.
    PageBreak,
    /// Printed formats keep the next `blocks` blocks on one page (starting a new one when they
    /// do not fit on this one but would on an empty one); the others ignore it.
    KeepTogether {
        blocks: usize,
    },
    /// Printed formats head every page that starts after this point with `text` (the section
    /// it continues, "Coachen (vervolg)"), until the next running head; an empty text ends it.
    /// The others ignore it: they have no pages.
    RunningHead {
        text: String,
    },
}

impl Block {
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            text: text.into(),
        }
    }

    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph { text: text.into() }
    }

    pub fn notice(text: impl Into<String>) -> Block {
        Block::Notice { text: text.into() }
    }

    pub fn note(text: impl Into<String>) -> Block {
        Block::Note { text: text.into() }
    }

    pub fn bullets(items: Vec<String>) -> Block {
        Block::Bullets { items }
    }

    pub fn chart(chart: impl Into<Chart>, caption: impl Into<String>) -> Block {
        Block::Chart {
            chart: chart.into(),
            caption: caption.into(),
        }
    }
}

/// What a column holds, which says how its cells are aligned and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Prose, which may wrap.
    Text,
    /// A name (a person, a competency), kept on one line where it can be.
    Name,
    /// A count or a rank.
    Number,
    /// A score or a mean, two decimals.
    Score,
    /// A signed difference.
    Change,
}

impl ColumnKind {
    /// Numbers line up on the right.
    pub fn is_numeric(self) -> bool {
        !matches!(self, ColumnKind::Text | ColumnKind::Name)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub header: String,
    pub kind: ColumnKind,
}

/// A table: typed columns and rows of cells, one cell per column.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with the given (header, kind) columns and no rows yet.
    pub fn new(columns: impl IntoIterator<Item = (String, ColumnKind)>) -> Table {
        Table {
            columns: columns
                .into_iter()
                .map(|(header, kind)| Column { header, kind })
                .collect(),
            rows: Vec::new(),
        }
    }

    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.header.clone()).collect()
    }

    /// Every cell as the reader sees it.
    pub fn texts(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|row| row.iter().map(Cell::text).collect())
            .collect()
    }

    pub fn numeric(&self) -> Vec<bool> {
        self.columns.iter().map(|c| c.kind.is_numeric()).collect()
    }
}

/// One table cell, kept as a value so that every format writes it the same way.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(usize),
    /// Two decimals in the reader's language; "—" for none.
    Score(Option<f64>),
    /// As a score, with a "+" before a rise.
    Change(Option<f64>),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(count) => count.to_string(),
            Cell::Score(value) => number(*value),
            Cell::Change(value) => signed(*value),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

/// Templates read a cell as the text the reader sees.
impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

/// `text` as the lead-in of a quote: with a colon, unless it ends in its own punctuation
/// (an interview question ends in "?", and "Hoe deed je dat?:" reads as a slip).
pub fn lead_in(text: &str) -> String {
    if text.trim_end().ends_with(['?', '!', '.', ':']) {
        text.trim_end().to_string()
    } else {
        format!("{text}:")
    }
}

/// The date part of a timestamp, for a document's date.
pub fn day(date: &str) -> String {
    date.get(..10).unwrap_or(date).to_string()
}

#[cfg(test)]
mod lead_in_tests {
    use super::lead_in;

    #[test]
    fn a_question_keeps_its_own_mark_and_anything_else_gets_a_colon() {
        assert_eq!(lead_in("Hoe deed je dat?"), "Hoe deed je dat?");
        assert_eq!(lead_in("Geef een voorbeeld."), "Geef een voorbeeld.");
        assert_eq!(lead_in("Jouw aantekening"), "Jouw aantekening:");
    }
}
