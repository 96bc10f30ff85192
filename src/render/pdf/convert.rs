//! A report's document as the PDF's own document: the same blocks, in the same order, with
//! column widths measured from the table's contents.

use super::document::{Block, Document, Table};
use crate::layout::{self, Chart};

pub fn from_layout(document: &layout::Document) -> Document {
    let mut blocks = vec![Block::Title {
        title: document.title.clone(),
        lines: document.meta.clone(),
    }];
    blocks.extend(document.blocks.iter().map(block));
    Document {
        title: document.title.clone(),
        author: document.author.clone(),
        subject: document.subject.clone(),
        date: document.date.clone(),
        language: crate::i18n::current().code().to_string(),
        footer: if document.personal_data {
            crate::t!("pdf.confidential")
        } else {
            String::new()
        },
        blocks,
    }
}

fn block(block: &layout::Block) -> Block {
    use layout::Block as B;
    match block {
        // The PDF knows three heading sizes; a lead-in line takes the smallest.
        B::Heading { level, text } => Block::Heading((*level).min(3), text.clone()),
        B::Paragraph { text } | B::Notice { text } | B::Note { text } => {
            Block::Paragraph(text.clone())
        }
        B::Bullets { items } => Block::Bullets(items.clone()),
        B::KeyValues { pairs } => Block::KeyValues(pairs.clone()),
        B::Table(table) => Block::Table(Table {
            header: table.headers(),
            rows: table.texts(),
            widths: widths(table),
            align_right: table.numeric(),
        }),
        B::Chart { chart, .. } => match chart {
            Chart::Radar(radar) => Block::RadarChart(radar.clone()),
            Chart::Bars(bars) => Block::BarChart(bars.clone()),
            Chart::Heat(heat) => Block::HeatMap(heat.clone()),
            Chart::Trend(trend) => Block::TrendChart(trend.clone()),
        },
        B::WriteLines { label, lines } => Block::WriteLines {
            label: label.clone(),
            lines: *lines,
        },
        B::Checkboxes { items } => Block::Checkboxes(items.clone()),
        B::RatingBoxes {
            label,
            values,
            legend,
        } => Block::RatingBoxes {
            label: label.clone(),
            values: values.clone(),
            legend: legend.clone(),
        },
        B::PageBreak => Block::PageBreak,
        B::KeepTogether { blocks } => Block::KeepTogether(*blocks),
        B::RunningHead { text } => Block::RunningHead(text.clone()),
    }
}

/// Relative column widths: each column as wide as its longest cell or header word, within
/// bounds, so a long text column takes the room and numbers stay narrow.
fn widths(table: &layout::Table) -> Vec<f32> {
    let texts = table.texts();
    table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let header = column
                .header
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            let cells = texts
                .iter()
                .filter_map(|row| row.get(index))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0);
            header.max(cells).clamp(3, 40) as f32
        })
        .collect()
}
