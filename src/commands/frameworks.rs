//! `vakwijzer frameworks`: the frameworks there are, with their size and source.

use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::Result;
use crate::cli::FrameworksArgs;
use crate::framework::DocumentKind;
use crate::render::list::ListFormat;
use crate::render::list::{self, List};
use crate::t;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    competencies: usize,
    indicators: usize,
    questions: usize,
    /// Whether a self-scan can be made of it (it has indicators) and an interview (questions);
    /// a framework with neither, like `wmo`, is shown and linked only.
    scannable: bool,
    interviewable: bool,
    source: &'a str,
    file: &'a str,
}

pub fn run(context: &Context, args: &FrameworksArgs, out: &mut dyn Write) -> Result<()> {
    let format = args.format;
    let library = context.library_of(&[DocumentKind::Framework])?;
    let rows: Vec<Row> = library
        .frameworks
        .iter()
        .map(|f| {
            let indicators = f.competencies.iter().map(|c| c.indicators.len()).sum();
            let questions = f.competencies.iter().map(|c| c.questions.len()).sum();
            Row {
                id: &f.id,
                name: &f.name,
                competencies: f.competencies.len(),
                indicators,
                questions,
                scannable: indicators > 0,
                interviewable: questions > 0,
                source: &f.source,
                file: library.framework_file(&f.id),
            }
        })
        .collect();
    let header = vec![
        t!("frameworks.id"),
        t!("frameworks.name"),
        t!("frameworks.competencies"),
        t!("frameworks.indicators"),
        t!("frameworks.questions"),
        t!("frameworks.uses"),
        t!("frameworks.source"),
        t!("frameworks.file"),
    ];
    let bundled = t!("data.bundled_prefix");
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            vec![
                row.id.to_string(),
                row.name.to_string(),
                row.competencies.to_string(),
                row.indicators.to_string(),
                row.questions.to_string(),
                uses(row),
                if format == ListFormat::Table {
                    short_source(row.source)
                } else {
                    row.source.to_string()
                },
                if row.file.starts_with(&bundled) {
                    t!("frameworks.bundled")
                } else {
                    row.file.to_string()
                },
            ]
        })
        .collect();
    let mut list = List {
        headers: header,
        rows: cells,
    };
    if format != ListFormat::Table {
        writeln!(out, "{}", list::render(&list, &rows, format, context.width))?;
        return Ok(());
    }
    // The terminal has no room for the column of uses: what cannot be scanned or
    // interviewed is said below the table instead.
    list.headers.remove(USES);
    for row in &mut list.rows {
        row.remove(USES);
    }
    writeln!(out, "{}", list::render(&list, &rows, format, context.width))?;
    for row in rows.iter().filter(|r| !r.scannable || !r.interviewable) {
        writeln!(out, "{}: {}", row.id, uses(row))?;
    }
    Ok(())
}

/// The column of uses, which the terminal table leaves out.
const USES: usize = 5;

/// What a framework can be used for: "zelfscan, interview", or shown and linked only.
fn uses(row: &Row) -> String {
    let uses: Vec<String> = [
        (row.scannable, t!("frameworks.use_scan")),
        (row.interviewable, t!("frameworks.use_interview")),
    ]
    .into_iter()
    .filter_map(|(can, text)| can.then_some(text))
    .collect();
    if uses.is_empty() {
        t!("frameworks.use_show_only")
    } else {
        uses.join(", ")
    }
}

/// Longest short source, in characters, before it is cut off with "…".
const SHORT_SOURCE: usize = 60;

/// The source as the table shows it: its first part (up to a `;` or `:` outside brackets and
/// quotes), without remarks in brackets, cut at a word near 60 characters. `show` and
/// `--format json` give the whole source.
fn short_source(source: &str) -> String {
    let mut depth = 0usize;
    let mut quoted = false;
    let mut short = String::new();
    for c in source.chars() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => {
                depth -= 1;
                continue;
            }
            ';' | ':' if !quoted && depth == 0 => break,
            _ => {}
        }
        if depth == 0 {
            short.push(c);
        }
    }
    let short = short.split_whitespace().collect::<Vec<_>>().join(" ");
    if short.chars().count() <= SHORT_SOURCE {
        return short;
    }
    let mut cut = String::new();
    for word in short.split(' ') {
        if cut.chars().count() + word.chars().count() + 1 > SHORT_SOURCE {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    format!("{}…", cut.trim_end_matches([',', ' ']))
}

#[cfg(test)]
mod tests {
    use super::short_source;

    #[test]
    fn a_short_source_is_the_first_part_without_remarks() {
        assert_eq!(
            short_source("Movisie, “Samenwerken in de wijk”: 7 generieke competenties"),
            "Movisie, “Samenwerken in de wijk”"
        );
        assert_eq!(
            short_source("Bijlage 2 “BoKS (matrix)” in “Opbrengsten” (Rotterdam; 2015); verder"),
            "Bijlage 2 “BoKS (matrix)” in “Opbrengsten”"
        );
        let long = short_source(&"woord ".repeat(30));
        assert!(long.ends_with("woord…"), "{long}");
        assert!(long.chars().count() <= 61, "{long}");
    }
}
