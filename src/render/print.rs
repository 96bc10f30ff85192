//! The reports as printable documents: each report model becomes a `pdf::Document` (blocks
//! of headings, tables, charts and form fields); `pdf::render` draws it. Adding a report adds
//! a function here and never touches the PDF primitives.

use crate::render::charts;
use crate::render::pdf::{Block, Document, Table};
use crate::render::team::TeamView;
use crate::t;

/// The language the document is written in: the catalogue's.
fn language() -> String {
    crate::i18n::current().code().to_string()
}

/// The date part of a timestamp, for the PDF metadata.
fn day(date: &str) -> String {
    date.get(..10).unwrap_or(date).to_string()
}

/// The team report: notices, the heat map, the table per section and the ranked plan.
pub fn team(view: &TeamView, date: &str) -> Document {
    let mut blocks = vec![Block::Title {
        title: view.title.clone(),
        lines: view.notices.clone(),
    }];
    if let Some(withheld) = &view.withheld {
        blocks.push(Block::Paragraph(withheld.clone()));
    } else {
        blocks.push(Block::HeatMap(charts::team(view)));
        let columns = view.header.len();
        // competency, n, mean, sd, distribution, target, below, change
        let mut widths = vec![2.6, 0.5, 0.7, 0.6, 1.8, 0.7, 0.8, 0.9];
        widths.truncate(columns);
        let mut align_right = vec![false];
        align_right.extend(std::iter::repeat_n(true, columns.saturating_sub(1)));
        for (index, section) in view.sections.iter().enumerate() {
            if let Some(title) = &section.title {
                blocks.push(Block::Heading(2, title.clone()));
            }
            blocks.push(Block::Table(Table {
                header: view.header.clone(),
                rows: section.rows.clone(),
                widths: widths.clone(),
                align_right: align_right.clone(),
            }));
            if index == 0 {
                blocks.push(Block::Paragraph(view.legend.clone()));
                blocks.push(Block::Heading(2, t!("team.plan_title")));
                if let Some(intro) = &view.plan_intro {
                    blocks.push(Block::Paragraph(intro.clone()));
                }
                for entry in &view.plan {
                    blocks.push(Block::Heading(3, entry.line.clone()));
                    blocks.push(Block::Bullets(entry.suggestions.clone()));
                }
            }
        }
    }
    blocks.push(Block::Paragraph(view.footer.clone()));
    Document {
        title: view.title.clone(),
        author: "vakwijzer".to_string(),
        subject: t!("team.title"),
        date: day(date),
        language: language(),
        // Anonymous: no names, and groups too small to tell people apart are withheld.
        footer: String::new(),
        blocks,
    }
}
