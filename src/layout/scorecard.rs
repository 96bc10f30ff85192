//! The candidate scorecard laid out: every interviewer's rating per competency with the
//! panel's mean, spread and "bespreken", the notes per question and each interviewer's advice.

use super::{BarChart, Block, Cell, ColumnKind, Document, Table, day};
use crate::render::number;
use crate::report::scorecard::Scorecard;
use crate::t;

impl crate::render::Report for Scorecard {
    const NAME: &'static str = "scorecard";

    fn layout(&self) -> Document {
        layout(self)
    }

    fn records(&self) -> Option<crate::records::Records> {
        Some(crate::records::scorecard(self))
    }
}

pub fn layout(card: &Scorecard) -> Document {
    let (min, max) = card.scale_range;
    let mut blocks = Vec::new();
    if !card.complete {
        blocks.push(Block::notice(t!("scorecard.incomplete")));
    }
    blocks.extend(card.warnings.iter().map(Block::notice));
    let bars = BarChart {
        labels: card.competencies.iter().map(|r| r.name.clone()).collect(),
        values: card.competencies.iter().map(|r| r.panel.mean).collect(),
        targets: vec![],
        min,
        max,
        value_legend: t!("scorecard.mean"),
        target_legend: String::new(),
    };
    blocks.push(Block::chart(bars, t!("chart.scorecard")));
    blocks.push(Block::Table(ratings(card)));
    blocks.push(Block::paragraph(format!(
        "{}: {} · {}: {}",
        t!("scorecard.overall"),
        number(card.overall),
        t!("scorecard.flagged"),
        card.flagged
    )));
    blocks.push(Block::heading(2, t!("scorecard.notes")));
    let mut notes = Vec::new();
    for row in &card.competencies {
        for rating in &row.ratings {
            for (question, note) in rating.notes.iter().filter(|(_, n)| !n.is_empty()) {
                notes.push(format!(
                    "{}, {} — {question}: “{note}”",
                    row.name, rating.interviewer
                ));
            }
        }
    }
    if !notes.is_empty() {
        blocks.push(Block::bullets(notes));
    }
    blocks.push(Block::heading(2, t!("scorecard.advice")));
    let pairs = card
        .advice
        .iter()
        .map(|a| {
            let mut text = a.advice.clone().unwrap_or_else(|| "—".to_string());
            if let Some(motivation) = &a.motivation {
                text.push_str(&format!(" — “{motivation}”"));
            }
            (a.interviewer.clone(), text)
        })
        .collect();
    blocks.push(Block::KeyValues { pairs });
    Document {
        title: format!("{} — {}", t!("scorecard.title"), card.candidate),
        meta: vec![
            card.framework_name.clone(),
            format!(
                "{}: {}",
                t!("scorecard.interviewers"),
                card.interviewers.join(", ")
            ),
        ],
        author: card.interviewers.join(", "),
        subject: card.framework_name.clone(),
        date: day(card.dates.iter().max().map_or("", String::as_str)),
        personal_data: true,
        blocks,
    }
}

fn ratings(card: &Scorecard) -> Table {
    let mut columns = vec![(t!("report.competency"), ColumnKind::Name)];
    // A rating is a whole number, or "nb" when not rated.
    columns.extend(
        card.interviewers
            .iter()
            .map(|i| (i.clone(), ColumnKind::Number)),
    );
    columns.extend([
        (t!("scorecard.mean"), ColumnKind::Score),
        (t!("scorecard.spread"), ColumnKind::Number),
        (String::new(), ColumnKind::Text),
    ]);
    let mut table = Table::new(columns);
    table.rows = card
        .competencies
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::from(row.name.as_str())];
            cells.extend(row.ratings.iter().map(|r| match r.rating {
                Some(rating) => Cell::Count(usize::from(rating)),
                None => Cell::Text(t!("interview.not_rated")),
            }));
            cells.push(Cell::Score(row.panel.mean));
            cells.push(
                row.panel
                    .spread
                    .map_or(Cell::from("—"), |s| Cell::Count(usize::from(s))),
            );
            cells.push(if row.panel.discuss {
                Cell::Text(t!("scorecard.discuss"))
            } else {
                Cell::from("")
            });
            cells
        })
        .collect();
    table
}
