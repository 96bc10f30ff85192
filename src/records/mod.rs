//! The machine formats of each report: JSON is the report model itself with its `schema` and
//! `kind` (its field names are an interface: add, never rename); CSV and XLSX write the rows
//! one records function per report gives, typed, so that a spreadsheet reads numbers as
//! numbers. The columns are documented in docs/formats.md.

mod compare;
mod feedback;
pub mod json;
mod panel;
mod personal;
mod scorecard;
mod team;

pub use compare::records as compare;
pub use feedback::records as feedback;
pub use panel::{leniency, records as panel};
pub use personal::records as personal;
pub use scorecard::{advice, records as scorecard};
pub use team::{plan, records as team};

use crate::error::Result;
use crate::i18n::{self, Lang};

/// One value of a record, kept typed so a spreadsheet can read numbers as numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Text(String),
    /// A score: two decimals, as every output rounds it; empty for none.
    Number(Option<f64>),
    /// A figure a team report publishes: one decimal, as the disclosure policy rounds it;
    /// empty for none.
    Figure(Option<f64>),
    /// Empty for none.
    Count(Option<usize>),
    Flag(bool),
}

impl Field {
    /// The decimals the value is shown with, for a number.
    pub fn decimals(&self) -> Option<usize> {
        match self {
            Field::Number(_) => Some(2),
            Field::Figure(_) => Some(1),
            Field::Count(_) => Some(0),
            Field::Text(_) | Field::Flag(_) => None,
        }
    }

    /// The value as a number, for a number that is there.
    pub fn value(&self) -> Option<f64> {
        match self {
            Field::Number(value) | Field::Figure(value) => *value,
            Field::Count(count) => count.map(|c| c as f64),
            Field::Text(_) | Field::Flag(_) => None,
        }
    }

    /// The cell as the CSV of `style` writes it.
    fn csv_text(&self, style: &CsvStyle) -> String {
        match (self, self.decimals()) {
            (Field::Text(text), _) => text.clone(),
            (Field::Flag(flag), _) => style.flag(*flag).to_string(),
            (field, Some(decimals)) => field
                .value()
                .map(|v| format!("{v:.decimals$}").replace('.', style.decimal))
                .unwrap_or_default(),
            (_, None) => String::new(),
        }
    }
}

impl From<&str> for Field {
    fn from(text: &str) -> Field {
        Field::Text(text.to_string())
    }
}

impl From<&String> for Field {
    fn from(text: &String) -> Field {
        Field::Text(text.clone())
    }
}

impl From<usize> for Field {
    fn from(count: usize) -> Field {
        Field::Count(Some(count))
    }
}

/// A column: its stable id (in English, as the en CSV has always named it) and its header in
/// the language of the output.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub id: String,
    pub header: String,
}

impl Column {
    /// A column of every report of its kind, its header from the catalogue (`column.ID`).
    pub fn fixed(id: &str) -> Column {
        Column {
            id: id.to_string(),
            header: i18n::text(&format!("column.{id}")),
        }
    }

    /// A column named by the data: a competency, a scale point.
    pub fn named(id: impl Into<String>, header: impl Into<String>) -> Column {
        Column {
            id: id.into(),
            header: header.into(),
        }
    }
}

/// A table of records: the columns and the rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Field>>,
}

impl Records {
    /// Records with the fixed columns `ids`.
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Records {
        Records {
            columns: ids.into_iter().map(Column::fixed).collect(),
            rows: Vec::new(),
        }
    }

    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.header.clone()).collect()
    }
}

/// How the spreadsheet of the language opens a CSV by a double click. Dutch Excel and
/// LibreOffice in a Dutch locale split on `;` (the comma is the decimal separator), read "3,20"
/// as a number and "3.20" as text, and take a file without a byte order mark for Windows-1252
/// ("Yılmaz" becomes "YÄ±lmaz"). The English CSV is the one vakwijzer always wrote, which
/// programs read: `,`, `.`, `true`/`false`, no mark.
struct CsvStyle {
    delimiter: u8,
    decimal: &'static str,
    byte_order_mark: bool,
    flags: [&'static str; 2],
}

impl CsvStyle {
    fn of(lang: Lang) -> CsvStyle {
        match lang {
            // A flag as 1 or 0: a number in every spreadsheet (SOM counts them), where "WAAR"
            // is a boolean only to Excel.
            Lang::Nl => CsvStyle {
                delimiter: b';',
                decimal: ",",
                byte_order_mark: true,
                flags: ["0", "1"],
            },
            Lang::En => CsvStyle {
                delimiter: b',',
                decimal: ".",
                byte_order_mark: false,
                flags: ["false", "true"],
            },
        }
    }

    fn flag(&self, flag: bool) -> &'static str {
        self.flags[usize::from(flag)]
    }
}

/// The records as CSV for the spreadsheet of the current language, every cell through the one
/// CSV writer (`escape::csv_document`).
pub fn csv(records: &Records) -> Result<String> {
    let style = CsvStyle::of(i18n::current());
    let rows = records
        .rows
        .iter()
        .map(|row| row.iter().map(|f| f.csv_text(&style)).collect::<Vec<_>>());
    let document = crate::escape::csv_document(
        std::iter::once(records.headers()).chain(rows),
        style.delimiter,
    )?;
    Ok(if style.byte_order_mark {
        format!("\u{FEFF}{document}")
    } else {
        document
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_the_decimal_separator_and_their_decimals() {
        let nl = CsvStyle::of(Lang::Nl);
        let en = CsvStyle::of(Lang::En);
        for (field, dutch, english) in [
            (Field::Number(Some(3.2)), "3,20", "3.20"),
            (Field::Number(Some(-0.5)), "-0,50", "-0.50"),
            (Field::Figure(Some(3.5)), "3,5", "3.5"),
            (Field::Figure(None), "", ""),
            (Field::Count(Some(12)), "12", "12"),
            (Field::Flag(true), "1", "true"),
            (Field::Flag(false), "0", "false"),
            (Field::from("3.20"), "3.20", "3.20"),
        ] {
            assert_eq!(field.csv_text(&nl), dutch, "{field:?}");
            assert_eq!(field.csv_text(&en), english, "{field:?}");
        }
    }
}
