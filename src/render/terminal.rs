//! A document as plain text for the terminal (and the plain-text guide): headings underlined,
//! lists indented, tables drawn by `render::table`, every line wrapped to the width. Charts
//! are left out: their figures are in the tables.

use crate::escape;
use crate::layout::{Block, ColumnKind, Document, Table};
use crate::render::table::{self, Cell};
use crate::wrap::wrap;

pub fn render(document: &Document, width: u16) -> String {
    let mut out = wrap(&document.title, width);
    out.push('\n');
    if !document.meta.is_empty() {
        out.push_str(&wrap(&document.meta.join(" · "), width));
        out.push('\n');
    }
    let mut after_heading = false;
    for block in &document.blocks {
        let Some(text) = block_text(block, width) else {
            continue;
        };
        // A heading stays with what follows it, unless that is a heading too; other blocks are
        // set apart by an empty line.
        let heading = matches!(block, Block::Heading { .. });
        if !after_heading || heading {
            out.push('\n');
        }
        out.push_str(&text);
        after_heading = heading;
    }
    // Nothing from a file or a person may move the cursor or recolour the terminal; the
    // renderer itself writes no control character but the line feed.
    escape::terminal_text(&out).into_owned()
}

/// Text wrapped to the width with continuation lines indented by `hang` more than the first.
fn hanging(prefix: &str, text: &str, hang: usize, width: u16) -> String {
    let indent = " ".repeat(hang);
    let options = textwrap::Options::new(usize::from(width))
        .initial_indent(prefix)
        .subsequent_indent(&indent);
    format!("{}\n", textwrap::fill(text, options))
}

fn block_text(block: &Block, width: u16) -> Option<String> {
    let list = |items: &[String], marker: &str| {
        items
            .iter()
            .map(|item| {
                hanging(
                    &format!("  {marker}"),
                    item,
                    2 + marker.chars().count(),
                    width,
                )
            })
            .collect::<String>()
    };
    Some(match block {
        Block::Heading { level, text } if *level <= 2 => {
            let title = wrap(text, width);
            let long = title.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            format!("{title}\n{}\n", "─".repeat(long))
        }
        // A lead-in line introduces the list under it.
        Block::Heading { level: 4.., text } => format!("{}\n", wrap(&format!("{text}:"), width)),
        Block::Heading { text, .. } => format!("{}\n", wrap(text, width)),
        Block::Paragraph { text } | Block::Note { text } => format!("{}\n", wrap(text, width)),
        Block::Notice { text } => hanging("! ", text, 2, width),
        Block::Bullets { items } => list(items, "• "),
        Block::Checkboxes { items } => list(items, "[ ] "),
        Block::KeyValues { pairs } => pairs
            .iter()
            .map(|(label, value)| {
                let value = if value.is_empty() {
                    "_".repeat(30)
                } else {
                    value.clone()
                };
                hanging(&format!("{label}: "), &value, 2, width)
            })
            .collect(),
        Block::Table(table) => format!("{}\n", table_text(table, width)),
        Block::Chart { .. } | Block::KeepTogether { .. } | Block::RunningHead { .. } => {
            return None;
        }
        Block::WriteLines { label, lines } => {
            let rule = format!("   {}\n", "_".repeat(usize::from(width).saturating_sub(6)));
            format!("{}{}", hanging("", label, 3, width), rule.repeat(*lines))
        }
        Block::RatingBoxes {
            label,
            values,
            legend,
        } => {
            let boxes: Vec<String> = values.iter().map(|v| format!("[ ] {v}")).collect();
            let mut out = hanging(&format!("{label}: "), &boxes.join("  "), 2, width);
            if !legend.is_empty() {
                out.push_str(&hanging("  ", legend, 2, width));
            }
            out
        }
        Block::PageBreak => format!("{}\n", "═".repeat(usize::from(width).min(80))),
    })
}

/// A table handed to `render::table`, which fits it to the width: names and figures are kept
/// whole, text wraps at spaces.
fn table_text(drawn: &Table, width: u16) -> String {
    let rows: Vec<Vec<Cell>> = drawn
        .texts()
        .into_iter()
        .map(|row| {
            row.into_iter()
                .zip(&drawn.columns)
                .map(|(text, column)| match column.kind {
                    ColumnKind::Text => Cell::text(text),
                    ColumnKind::Name => Cell::name(text),
                    ColumnKind::Number | ColumnKind::Score | ColumnKind::Change => {
                        Cell::number(text)
                    }
                })
                .collect()
        })
        .collect();
    // A table laid out per record starts with an empty line; the document spaces its blocks.
    table::render(&drawn.headers(), &rows, width)
        .trim_start_matches('\n')
        .to_string()
}
