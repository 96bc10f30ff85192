//! The panel's agreement laid out: per competency the form of ICC, its value and reading with
//! how many candidates and ratings it rests on and how many "niet beoordeeld" it leaves out;
//! per interviewer the leniency and the "niet beoordeeld" count; the coverage gaps.

use super::{Block, Cell, ColumnKind, Document, Table, day};
use crate::report::panel::PanelAgreement;
use crate::t;

impl crate::render::Report for PanelAgreement {
    const NAME: &'static str = "panel";

    fn layout(&self) -> Document {
        layout(self)
    }

    fn records(&self) -> Option<crate::records::Records> {
        Some(crate::records::panel(self))
    }

    /// The competencies, and the interviewers.
    fn sheets(&self) -> Vec<(String, crate::records::Records)> {
        vec![
            (t!("xlsx.sheet.panel"), crate::records::panel(self)),
            (t!("xlsx.sheet.leniency"), crate::records::leniency(self)),
        ]
    }
}

pub fn layout(panel: &PanelAgreement) -> Document {
    let mut blocks = Vec::new();
    if panel.not_rated > 0 {
        blocks.push(Block::notice(t!(
            "panel.not_rated_left_out",
            count = panel.not_rated
        )));
    }
    blocks.push(Block::heading(2, t!("panel.agreement")));
    let mut table = Table::new([
        (t!("report.competency"), ColumnKind::Name),
        (t!("panel.form"), ColumnKind::Name),
        (t!("panel.icc"), ColumnKind::Score),
        (t!("panel.reading"), ColumnKind::Name),
        (t!("panel.candidates"), ColumnKind::Number),
        (t!("panel.ratings"), ColumnKind::Number),
        (t!("interview.not_rated"), ColumnKind::Number),
    ]);
    table.rows = panel
        .competencies
        .iter()
        .map(|c| {
            vec![
                Cell::from(c.name.as_str()),
                Cell::from(c.form.map_or("—", |f| f.label())),
                Cell::Score(c.icc),
                Cell::Text(match (c.reading, c.form) {
                    (Some(reading), _) => reading.label(),
                    (None, Some(_)) => t!("panel.no_variance"),
                    (None, None) => t!("panel.too_few_rated"),
                }),
                Cell::Count(c.candidates),
                Cell::Count(c.ratings),
                Cell::Count(c.not_rated),
            ]
        })
        .collect();
    blocks.push(Block::Table(table));
    blocks.push(Block::note(t!("panel.forms")));
    blocks.push(Block::note(t!("panel.koo_li")));
    blocks.push(Block::heading(2, t!("panel.interviewers")));
    let mut table = Table::new([
        (t!("compare.interviewer"), ColumnKind::Name),
        (t!("panel.ratings"), ColumnKind::Number),
        (t!("panel.leniency"), ColumnKind::Change),
        (t!("interview.not_rated"), ColumnKind::Number),
    ]);
    table.rows = panel
        .leniency
        .iter()
        .map(|l| {
            vec![
                Cell::from(l.interviewer.as_str()),
                Cell::Count(l.ratings),
                Cell::Change(l.leniency),
                Cell::Count(l.not_rated),
            ]
        })
        .collect();
    blocks.push(Block::Table(table));
    blocks.push(Block::note(t!("panel.leniency_legend")));
    blocks.push(Block::heading(2, t!("panel.coverage")));
    if panel.coverage.is_empty() {
        blocks.push(Block::paragraph(t!("panel.coverage_complete")));
    } else {
        blocks.extend(panel.coverage.iter().map(|gap| {
            Block::notice(t!(
                "panel.coverage_gap",
                candidate = &gap.candidate,
                competency = &gap.name,
                count = gap.rated_by
            ))
        }));
    }
    Document {
        title: t!("panel.title"),
        meta: vec![
            panel.framework_name.clone(),
            t!("panel.meta_candidates", count = panel.candidates.len()),
            format!(
                "{}: {}",
                t!("scorecard.interviewers"),
                panel.interviewers.join(", ")
            ),
        ],
        author: panel.interviewers.join(", "),
        subject: panel.framework_name.clone(),
        date: day(&panel.date),
        personal_data: true,
        blocks,
    }
}
