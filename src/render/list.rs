//! A list of things (frameworks, roles, methods) in every list format: a terminal table,
//! Markdown, CSV from the same rows of text, and JSON from the records themselves.

use serde::Serialize;

use super::table::{self, Cell};
use crate::escape;

/// The formats a list is given in (`--format` of `frameworks`, `roles`, `methods`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Md,
    Json,
    Csv,
}

/// One list: the column titles, and per row its cells as text (the first one a name).
pub struct List {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The list in `format`; `records` is what JSON gives, the whole of each thing.
pub fn render<T: Serialize>(list: &List, records: &T, format: ListFormat, width: u16) -> String {
    match format {
        ListFormat::Table => table(list, width),
        ListFormat::Md => markdown(list),
        ListFormat::Csv => csv(list),
        ListFormat::Json => super::to_json(records),
    }
}

fn table(list: &List, width: u16) -> String {
    let cells: Vec<Vec<Cell>> = list
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(n, text)| {
                    let text = escape::terminal_text(text).into_owned();
                    if n == 0 {
                        Cell::name(text)
                    } else if text.parse::<f64>().is_ok() {
                        Cell::number(text)
                    } else {
                        Cell::text(text)
                    }
                })
                .collect()
        })
        .collect();
    table::render(&list.headers, &cells, width)
}

fn markdown(list: &List) -> String {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(
        list.headers
            .iter()
            .map(|h| escape::markdown_text(h))
            .collect(),
    );
    out.push_str(&line(
        list.headers.iter().map(|_| "---".to_string()).collect(),
    ));
    for row in &list.rows {
        out.push_str(&line(
            row.iter().map(|c| escape::markdown_text(c)).collect(),
        ));
    }
    out
}

/// The list through the one CSV writer of the reports, in the spreadsheet style of the
/// language; a whole number is a number there, the rest text.
fn csv(list: &List) -> String {
    use crate::records::{Column, Field, Records};
    let records = Records {
        columns: list
            .headers
            .iter()
            .map(|h| Column::named(h.clone(), h.clone()))
            .collect(),
        rows: list
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell.parse::<usize>() {
                        Ok(count) => Field::from(count),
                        Err(_) => Field::from(cell),
                    })
                    .collect()
            })
            .collect(),
    };
    // Writing to memory fails only on rows of unequal length, which the lists do not have.
    crate::records::csv(&records)
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> List {
        List {
            headers: vec!["id".into(), "naam".into()],
            rows: vec![vec!["a".into(), "=1+1 | b".into()]],
        }
    }

    #[test]
    fn every_format_escapes_what_it_must() {
        let md = render(&list(), &(), ListFormat::Md, 80);
        assert_eq!(md, "| id | naam |\n| --- | --- |\n| a | =1+1 \\| b |\n");
        let csv = render(&list(), &(), ListFormat::Csv, 80);
        assert_eq!(csv, "\u{FEFF}id;naam\na;'=1+1 | b", "Dutch, the default");
    }
}
