//! `vakwijzer frameworks`: the frameworks there are, with their size and source.

use std::io::Write;

use comfy_table::ColumnConstraint;
use serde::Serialize;

use super::{Context, to_json};
use crate::Result;
use crate::cli::ListFormat;
use crate::render::table::new_table;
use crate::t;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    competencies: usize,
    indicators: usize,
    questions: usize,
    source: &'a str,
    file: &'a str,
}

pub fn run(context: &Context, format: ListFormat, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let rows: Vec<Row> = library
        .frameworks
        .iter()
        .map(|f| Row {
            id: &f.id,
            name: &f.name,
            competencies: f.competencies.len(),
            indicators: f.competencies.iter().map(|c| c.indicators.len()).sum(),
            questions: f.competencies.iter().map(|c| c.questions.len()).sum(),
            source: &f.source,
            file: library.framework_file(&f.id),
        })
        .collect();
    if format == ListFormat::Json {
        writeln!(out, "{}", to_json(&rows))?;
        return Ok(());
    }
    let mut table = new_table(context.width);
    table.set_header(vec![
        t!("frameworks.id"),
        t!("frameworks.name"),
        t!("frameworks.competencies"),
        t!("frameworks.indicators"),
        t!("frameworks.questions"),
        t!("frameworks.source"),
        t!("frameworks.file"),
    ]);
    let bundled = t!("data.bundled_prefix");
    for row in &rows {
        table.add_row(vec![
            row.id.to_string(),
            row.name.to_string(),
            row.competencies.to_string(),
            row.indicators.to_string(),
            row.questions.to_string(),
            row.source.to_string(),
            if row.file.starts_with(&bundled) {
                t!("frameworks.bundled")
            } else {
                row.file.to_string()
            },
        ]);
    }
    // Ids and counts never wrap; the long texts take the remaining width.
    for index in [0, 2, 3, 4] {
        if let Some(column) = table.column_mut(index) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    writeln!(out, "{table}")?;
    Ok(())
}
