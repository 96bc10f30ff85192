//! Rendering reports to the output formats. A report is laid out once as a document
//! (`crate::layout`), which the terminal, Markdown, HTML and PDF renderers draw; JSON is the
//! report model and CSV its records (`crate::records`). [`render`] is the one place that picks
//! the renderer for a format.

pub mod charts;
pub mod html;
pub mod list;
pub mod markdown;
pub mod pdf;
pub mod svg;
pub mod table;
pub mod team;
pub mod template;
pub mod terminal;
pub mod xlsx;

use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::layout::Document;
use crate::records::Records;

/// A report that can be rendered: a model that lays itself out as a document and, for the
/// machine formats, is its own JSON and gives its records.
pub trait Report: Serialize {
    /// The name of its templates: `NAME.md.tera`, `NAME.html.tera` (and `NAME.txt.tera`).
    const NAME: &'static str;

    /// The version of its JSON format (`schema`, beside `kind`: the name): raised when a field
    /// changes meaning or goes away; adding a field keeps it.
    const SCHEMA: u32 = 1;

    fn layout(&self) -> Document;

    /// The rows of its CSV; `None` for a report without machine formats (the guide).
    fn records(&self) -> Option<Records> {
        None
    }

    /// The sheets of its XLSX, each a named table: the records first, then any other table
    /// of the report.
    fn sheets(&self) -> Vec<(String, Records)> {
        let name = i18n::text(&format!("xlsx.sheet.{}", Self::NAME));
        self.records().map(|r| (name, r)).into_iter().collect()
    }

    /// What a reader of the CSV must know that its rows cannot say; printed on stderr.
    fn csv_notices(&self) -> Vec<String> {
        Vec::new()
    }
}

/// Every output format. The commands offer those that fit them (see `cli`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The terminal: text with drawn tables, wrapped to the width.
    Table,
    /// Plain text to print, at a fixed width, through the `NAME.txt` template.
    Txt,
    Md,
    Json,
    Csv,
    Html,
    Pdf,
    Xlsx,
}

/// A rendered report: text for every format but PDF and XLSX, which are bytes.
pub enum Rendered {
    Text(String),
    Binary {
        /// The format's name and file extension, for messages.
        format: &'static str,
        bytes: Vec<u8>,
    },
}

/// How to render: the organisation's templates and the terminal width.
pub struct Options<'a> {
    pub templates: Option<&'a Path>,
    pub width: u16,
}

/// Width of plain text meant for paper: it does not follow the terminal.
pub const TEXT_WIDTH: u16 = 90;

/// Renders `report` in `format`.
pub fn render<R: Report>(report: &R, format: Format, options: &Options) -> Result<Rendered> {
    let templates = || template::Templates::load(options.templates);
    let text = match format {
        Format::Json => crate::records::json::json(report),
        Format::Csv => {
            let records = report
                .records()
                .ok_or_else(|| Error::Usage(format!("{}: csv", R::NAME)))?;
            for line in report.csv_notices() {
                eprintln!("vakwijzer: {}", crate::escape::terminal_text(&line));
            }
            crate::records::csv(&records)?
        }
        Format::Table => terminal::render(&report.layout(), options.width),
        Format::Txt => {
            let document = report.layout();
            let text = terminal::render(&document, TEXT_WIDTH);
            templates()?.render_report(
                &format!("{}.txt", R::NAME),
                report,
                &document,
                ("text", &text),
            )?
        }
        Format::Md => {
            let document = report.layout();
            let markdown = markdown::render(&document);
            templates()?.render_report(
                &format!("{}.md", R::NAME),
                report,
                &document,
                ("markdown", &markdown),
            )?
        }
        Format::Html => {
            let document = report.layout();
            templates()?.render_report(&format!("{}.html", R::NAME), report, &document, ("", ""))?
        }
        Format::Pdf => {
            let document = pdf::from_layout(&report.layout());
            return Ok(Rendered::Binary {
                format: "pdf",
                bytes: pdf::render(&document)?,
            });
        }
        Format::Xlsx => {
            let sheets = report.sheets();
            if sheets.is_empty() {
                return Err(Error::Usage(format!("{}: xlsx", R::NAME)));
            }
            for line in report.csv_notices() {
                eprintln!("vakwijzer: {}", crate::escape::terminal_text(&line));
            }
            return Ok(Rendered::Binary {
                format: "xlsx",
                bytes: xlsx::render(&sheets)?,
            });
        }
    };
    Ok(Rendered::Text(text))
}

/// A score for people: two decimals, with the decimal separator of the language; "—" for none.
pub fn number(value: Option<f64>) -> String {
    match value {
        None => "—".to_string(),
        Some(value) => localized(format!("{value:.2}")),
    }
}

/// A figure a team report publishes: one decimal, as the disclosure policy rounds it (to tenths
/// or half points); "—" for none.
pub fn figure(value: Option<crate::report::disclosure::Figure>) -> String {
    match value {
        None => "—".to_string(),
        Some(value) => localized(format!("{:.1}", value.value())),
    }
}

/// A signed figure ("+0,5", "-1,0"); "—" for none.
pub fn signed_figure(value: Option<crate::report::disclosure::Figure>) -> String {
    match value {
        Some(v) if v.value() > 0.0 => format!("+{}", figure(Some(v))),
        other => figure(other),
    }
}

/// A figure someone wrote in a file (a weight, a minimum): at most two decimals, no trailing
/// zeros, with the decimal separator of the language ("2", "1,5", "3,25").
pub fn short_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    localized(text.to_string())
}

fn localized(text: String) -> String {
    match i18n::current() {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A signed difference for people ("+0,50", "-1,20"); "—" for none.
pub fn signed(value: Option<f64>) -> String {
    match value {
        Some(v) if v > 0.0 => format!("+{}", number(Some(v))),
        other => number(other),
    }
}

/// Serializes to pretty JSON; the model types cannot fail to serialize.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}
