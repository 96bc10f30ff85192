//! Rendering report models and content to the output formats.

pub mod pdf;
pub mod personal;
pub mod table;

use crate::i18n::{self, Lang};

/// A score for people: two decimals, with the decimal separator of the language; "—" for none.
pub fn number(value: Option<f64>) -> String {
    match value {
        None => "—".to_string(),
        Some(value) => {
            let text = format!("{value:.2}");
            match i18n::current() {
                Lang::Nl => text.replace('.', ","),
                Lang::En => text,
            }
        }
    }
}

/// A signed difference for people ("+0,50", "-1,20"); "—" for none.
pub fn signed(value: Option<f64>) -> String {
    match value {
        Some(v) if v > 0.0 => format!("+{}", number(Some(v))),
        other => number(other),
    }
}
