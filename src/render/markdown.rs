//! A document as Markdown (CommonMark with GitHub's tables and task lists). Every text of the
//! document is escaped here, so no name, note or data text can become Markdown syntax.

use crate::escape::markdown_text as text;
use crate::layout::{Block, Document, Table};

/// Lines to write on, as wide as a page of Markdown shows comfortably.
const WRITE_LINE: usize = 60;

pub fn render(document: &Document) -> String {
    let mut out = format!("# {}\n", text(&document.title));
    if !document.meta.is_empty() {
        let meta: Vec<String> = document.meta.iter().map(|m| text(m)).collect();
        out.push_str(&format!("\n*{}*\n", meta.join(" · ")));
    }
    for block in &document.blocks {
        if let Some(markdown) = block_markdown(block) {
            out.push('\n');
            out.push_str(&markdown);
        }
    }
    out
}

fn block_markdown(block: &Block) -> Option<String> {
    let lines = |items: &[String], marker: &str| {
        items
            .iter()
            .map(|item| format!("{marker}{}\n", text(item)))
            .collect::<String>()
    };
    Some(match block {
        Block::Heading { level, text: title } => {
            format!(
                "{} {}\n",
                "#".repeat(usize::from((*level).clamp(1, 6))),
                text(title)
            )
        }
        Block::Paragraph { text: body } => format!("{}\n", text(body)),
        Block::Notice { text: body } => format!("> {}\n", text(body)),
        Block::Note { text: body } => format!("*{}*\n", text(body)),
        Block::Bullets { items } => lines(items, "- "),
        Block::Checkboxes { items } => lines(items, "- [ ] "),
        Block::KeyValues { pairs } => pairs
            .iter()
            .map(|(label, value)| {
                let value = if value.is_empty() {
                    "\\_".repeat(WRITE_LINE / 2)
                } else {
                    text(value)
                };
                format!("- **{}:** {value}\n", text(label))
            })
            .collect(),
        Block::Table(table) => table_markdown(table),
        // A chart's figures are in the table next to it.
        Block::Chart { .. }
        | Block::PageBreak
        | Block::KeepTogether { .. }
        | Block::RunningHead { .. } => return None,
        Block::WriteLines { label, lines } => {
            let rule = format!("{}\n", "_".repeat(WRITE_LINE));
            format!("{}\n\n{}", text(label), rule.repeat(*lines))
        }
        Block::RatingBoxes {
            label,
            values,
            legend,
        } => {
            let boxes: Vec<String> = values.iter().map(|v| format!("☐ {}", text(v))).collect();
            let mut out = format!("**{}:** {}\n", text(label), boxes.join(" "));
            if !legend.is_empty() {
                out.push_str(&format!("\n*{}*\n", text(legend)));
            }
            out
        }
    })
}

fn table_markdown(table: &Table) -> String {
    let row = |cells: Vec<String>| {
        let cells: Vec<String> = cells.iter().map(|c| text(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut out = row(table.headers());
    let rules: Vec<&str> = table
        .numeric()
        .iter()
        .map(|numeric| if *numeric { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("|{}|\n", rules.join("|")));
    for cells in table.texts() {
        out.push_str(&row(cells));
    }
    out
}
