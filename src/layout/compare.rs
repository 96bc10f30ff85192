//! The comparison of candidates laid out: ranked by total (weighted for the vacancy when
//! there is one), a column per competency (numbered, with a legend, since the names are long),
//! the vacancy's weights and the must-haves not met, each disputed competency with its
//! ratings, and every interviewer's advice.

use super::scorecard::{must_have_blocks, weighting_note};
use super::{BarChart, Block, Cell, ColumnKind, Document, Table, day};
use crate::render::short_number;
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
    let weighed = comparison.vacancy.is_some();
    columns.push((t!("scorecard.overall"), ColumnKind::Score));
    if weighed {
        columns.extend([
            (t!("scorecard.weighted"), ColumnKind::Score),
            (t!("compare.failed_short"), ColumnKind::Number),
        ]);
    }
    columns.push((t!("compare.flagged_short"), ColumnKind::Number));
    let mut table = Table::new(columns);
    table.rows = comparison
        .candidates
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::from(row.candidate.as_str()), Cell::Count(row.rank)];
            cells.extend(row.means.iter().map(|m| Cell::Score(*m)));
            cells.push(Cell::Score(row.overall));
            if weighed {
                cells.push(Cell::Score(row.weighted));
                cells.push(Cell::Count(row.failed().count()));
            }
            cells.push(Cell::Count(row.flagged));
            cells
        })
        .collect();
    let legend: Vec<String> = comparison
        .competencies
        .iter()
        .enumerate()
        // A no-break space: a narrow terminal never leaves "C4" at the end of a line.
        .map(|(index, (_, name))| format!("C{}\u{a0}{name}", index + 1))
        .collect();
    let (min, max) = comparison.scale_range;
    let bars = BarChart {
        labels: comparison
            .candidates
            .iter()
            .map(|c| c.candidate.clone())
            .collect(),
        values: comparison
            .candidates
            .iter()
            .map(|c| if weighed { c.weighted } else { c.overall })
            .collect(),
        targets: vec![],
        min,
        max,
        value_legend: if weighed {
            t!("scorecard.weighted")
        } else {
            t!("scorecard.overall")
        },
        target_legend: String::new(),
    };
    let mut blocks: Vec<Block> = comparison
        .candidates
        .iter()
        .flat_map(|c| c.panel_notes.iter().map(Block::notice))
        .collect();
    blocks.extend([
        Block::chart(bars, t!("chart.comparison")),
        Block::Table(table),
        Block::paragraph(legend.join(" · ")),
        Block::note(t!("compare.legend")),
        weighting_note(comparison.vacancy.as_ref().map(|v| v.name.as_str())),
    ]);
    blocks.extend(vacancy_blocks(comparison));
    blocks.push(Block::heading(2, t!("scorecard.disputes")));
    let disputes: Vec<String> = comparison
        .candidates
        .iter()
        .flat_map(|c| {
            c.disputes
                .iter()
                .map(move |d| format!("{} — {}", c.candidate, d.text()))
        })
        .collect();
    if disputes.is_empty() {
        blocks.push(Block::paragraph(t!("scorecard.no_disputes")));
    } else {
        blocks.push(Block::bullets(disputes));
    }
    blocks.extend(decisions(comparison));
    blocks.push(Block::heading(2, t!("compare.advice")));
    blocks.push(Block::Table(advice(comparison)));
    let mut meta = vec![comparison.framework_name.clone()];
    if let Some(vacancy) = &comparison.vacancy {
        meta.push(t!("scorecard.vacancy", vacancy = &vacancy.name));
    }
    Document {
        title: t!("compare.title"),
        meta,
        author: "vakwijzer".to_string(),
        subject: comparison.framework_name.clone(),
        date: day(&comparison.date),
        personal_data: true,
        blocks,
    }
}

/// The vacancy's weights and must-haves per competency, and the must-haves not met.
fn vacancy_blocks(comparison: &Comparison) -> Vec<Block> {
    let Some(vacancy) = &comparison.vacancy else {
        return Vec::new();
    };
    let mut weights = Table::new([
        (t!("report.competency"), ColumnKind::Name),
        (t!("scorecard.weight"), ColumnKind::Number),
        (t!("compare.minimum"), ColumnKind::Number),
    ]);
    weights.rows = vacancy
        .competencies
        .iter()
        .map(|c| {
            vec![
                Cell::from(c.name.as_str()),
                Cell::Text(short_number(c.weight)),
                Cell::Text(c.minimum.map_or_else(|| "—".to_string(), short_number)),
            ]
        })
        .collect();
    let mut blocks = vec![
        Block::heading(2, t!("compare.weights")),
        Block::Table(weights),
    ];
    let failed: Vec<Block> = comparison
        .candidates
        .iter()
        .flat_map(|c| {
            let failed: Vec<_> = c.failed().cloned().collect();
            must_have_blocks(&failed, Some(&c.candidate))
        })
        .collect();
    if !failed.is_empty() {
        blocks.push(Block::heading(2, t!("compare.failed")));
        blocks.extend(failed);
    }
    blocks
}

/// Per candidate with a decision, in rank order: the decision, and each agreed rating beside
/// the mechanical mean, flagged when a point or more apart.
fn decisions(comparison: &Comparison) -> Vec<Block> {
    let decided: Vec<_> = comparison
        .candidates
        .iter()
        .filter(|c| c.decision.is_some() || c.agreed.iter().any(Option::is_some))
        .collect();
    if decided.is_empty() {
        return Vec::new();
    }
    let mut table = Table::new([
        (t!("compare.candidate"), ColumnKind::Name),
        (t!("report.competency"), ColumnKind::Name),
        (t!("scorecard.mean"), ColumnKind::Score),
        (t!("decision.agreed"), ColumnKind::Number),
        (String::new(), ColumnKind::Text),
    ]);
    for candidate in &decided {
        for (index, (id, name)) in comparison.competencies.iter().enumerate() {
            let Some(agreed) = candidate.agreed[index] else {
                continue;
            };
            let flag = if candidate.agreed_differs.contains(id) {
                t!("decision.differs_short")
            } else {
                String::new()
            };
            table.rows.push(vec![
                Cell::from(candidate.candidate.as_str()),
                Cell::from(name.as_str()),
                Cell::Score(candidate.means[index]),
                Cell::Count(usize::from(agreed)),
                Cell::Text(flag),
            ]);
        }
    }
    let mut blocks = vec![Block::heading(2, t!("compare.decisions"))];
    blocks.extend(decided.iter().map(|c| {
        let decision = c.decision.clone().unwrap_or_else(|| "—".to_string());
        Block::paragraph(format!("{}: {decision}", c.candidate))
    }));
    blocks.push(Block::Table(table));
    blocks.push(Block::note(t!("decision.legend")));
    blocks
}

/// Per candidate, in rank order, each interviewer's advice.
fn advice(comparison: &Comparison) -> Table {
    let mut table = Table::new([
        (t!("compare.candidate"), ColumnKind::Name),
        (t!("compare.interviewer"), ColumnKind::Name),
        (t!("compare.advice_column"), ColumnKind::Text),
    ]);
    table.rows = comparison
        .candidates
        .iter()
        .flat_map(|c| {
            c.advice_by.iter().map(|a| {
                vec![
                    Cell::from(c.candidate.as_str()),
                    Cell::from(a.interviewer.as_str()),
                    Cell::Text(a.advice.clone().unwrap_or_else(|| "—".to_string())),
                ]
            })
        })
        .collect();
    table
}
