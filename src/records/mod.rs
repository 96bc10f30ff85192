//! The machine formats of each report: JSON is the report model itself with its `schema` and
//! `kind` (its field names are an interface: add, never rename); CSV writes the rows one records
//! function per report gives, with ids and dot decimals, whatever the language.

mod compare;
pub mod json;
mod personal;
mod scorecard;

pub use compare::records as compare;
pub use personal::records as personal;
pub use scorecard::records as scorecard;

use crate::error::Result;

/// One value of a record, kept typed so a spreadsheet can read numbers as numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Text(String),
    /// Two decimals; empty for none.
    Number(Option<f64>),
    /// Empty for none.
    Count(Option<usize>),
    Flag(bool),
}

impl Field {
    pub fn text(&self) -> String {
        match self {
            Field::Text(text) => text.clone(),
            Field::Number(value) => value.map(|v| format!("{v:.2}")).unwrap_or_default(),
            Field::Count(count) => count.map(|c| c.to_string()).unwrap_or_default(),
            Field::Flag(flag) => flag.to_string(),
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

/// A table of records: the column names (stable ids, in English) and the rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Field>>,
}

impl Records {
    pub fn new<S: ToString>(header: impl IntoIterator<Item = S>) -> Records {
        Records {
            header: header.into_iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }
}

/// The records as CSV, every cell through the one CSV writer (`escape::csv_document`).
pub fn csv(records: &Records) -> Result<String> {
    let rows = records
        .rows
        .iter()
        .map(|row| row.iter().map(Field::text).collect::<Vec<_>>());
    crate::render::escape::csv_document(std::iter::once(records.header.clone()).chain(rows))
}
