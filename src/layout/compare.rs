//! The comparison of candidates laid out: ranked by overall score, a column per competency
//! (numbered, with a legend, since the names are long), and the disagreements to discuss.

use super::{BarChart, Block, Cell, ColumnKind, Document, Table, day};
use crate::report::scorecard::Comparison;
use crate::t;

impl crate::render::Report for Comparison {
    const NAME: &'static str = "compare";

    fn layout(&self) -> Document {
        layout(self)
    }

    fn records(&self) -> Option<crate::records::Records> {
        Some(crate::records::compare(self))
    }
}

pub fn layout(comparison: &Comparison) -> Document {
    // The candidate comes first: it titles the candidate's block when the terminal is too
    // narrow for the table.
    let mut columns = vec![
        (t!("compare.candidate"), ColumnKind::Name),
        ("#".to_string(), ColumnKind::Number),
    ];
    columns
        .extend((1..=comparison.competencies.len()).map(|n| (format!("C{n}"), ColumnKind::Score)));
    columns.extend([
        (t!("scorecard.overall"), ColumnKind::Score),
        (t!("compare.flagged_short"), ColumnKind::Number),
    ]);
    let mut table = Table::new(columns);
    table.rows = comparison
        .candidates
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::from(row.candidate.as_str()), Cell::Count(row.rank)];
            cells.extend(row.means.iter().map(|m| Cell::Score(*m)));
            cells.push(Cell::Score(row.overall));
            cells.push(Cell::Count(row.flagged));
            cells
        })
        .collect();
    let legend: Vec<String> = comparison
        .competencies
        .iter()
        .enumerate()
        .map(|(index, (_, name))| format!("C{} {name}", index + 1))
        .collect();
    let (min, max) = comparison.scale_range;
    let bars = BarChart {
        labels: comparison
            .candidates
            .iter()
            .map(|c| c.candidate.clone())
            .collect(),
        values: comparison.candidates.iter().map(|c| c.overall).collect(),
        targets: vec![],
        min,
        max,
        value_legend: t!("scorecard.overall"),
        target_legend: String::new(),
    };
    let blocks = vec![
        Block::chart(bars, t!("chart.comparison")),
        Block::Table(table),
        Block::paragraph(legend.join(" · ")),
        Block::note(t!("compare.legend")),
    ];
    Document {
        title: t!("compare.title"),
        meta: vec![comparison.framework_name.clone()],
        author: "vakwijzer".to_string(),
        subject: comparison.framework_name.clone(),
        date: day(&comparison.date),
        personal_data: true,
        blocks,
    }
}
