//! Rendering report models and content to the output formats.

pub mod charts;
pub mod escape;
pub mod pdf;
pub mod personal;
pub mod print;
pub mod scorecard;
pub mod svg;
pub mod table;
pub mod team;
pub mod template;

use crate::i18n::{self, Lang};

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

/// A TMA driver as people read it: "orde & structuur (inverse)".
pub fn driver_label(driver: &crate::framework::Driver) -> String {
    if driver.inverse {
        format!("{} ({})", driver.name, crate::t!("show.inverse"))
    } else {
        driver.name.clone()
    }
}
