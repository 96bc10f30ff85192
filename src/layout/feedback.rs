//! The 360 report laid out: who rated (per kind, withheld ones without a count), self beside
//! others on a radar and in a table, the blind spots and hidden strengths with their
//! statements, and others' examples without names.

use super::{Block, Cell, ColumnKind, Document, RadarChart, Table, day};
use crate::render::{figure, number, signed_figure};
use crate::report::feedback::{CompetencyFeedback, FeedbackReport, Finding, GroupFigure};
use crate::t;

impl crate::render::Report for FeedbackReport {
    const NAME: &'static str = "feedback";

    fn layout(&self) -> Document {
        layout(self)
    }

    fn records(&self) -> Option<crate::records::Records> {
        Some(crate::records::feedback(self))
    }
}

pub fn layout(report: &FeedbackReport) -> Document {
    let mut meta = vec![report.framework_name.clone(), report.date.clone()];
    meta.extend(report.raters.iter().map(|group| match group.ratings {
        Some(count) => format!("{}: {}", group.name, count.get()),
        None => format!("{}: {}", group.name, t!("feedback.too_few")),
    }));
    let mut blocks: Vec<Block> = report.warnings.iter().map(Block::notice).collect();
    blocks.push(Block::paragraph(t!(
        "feedback.intro",
        threshold = crate::render::short_number(report.finding_threshold)
    )));
    if report.raters.iter().any(|g| g.withheld) {
        blocks.push(Block::notice(t!("feedback.withheld_notice")));
    }
    blocks.push(Block::chart(radar(report), t!("feedback.radar")));
    blocks.push(Block::Table(table(report)));
    for (finding, heading, none) in [
        (
            Finding::BlindSpot,
            t!("feedback.blind_spots"),
            t!("feedback.no_blind_spots"),
        ),
        (
            Finding::HiddenStrength,
            t!("feedback.hidden_strengths"),
            t!("feedback.no_hidden_strengths"),
        ),
    ] {
        blocks.push(Block::heading(2, heading));
        let found: Vec<&CompetencyFeedback> = report
            .competencies
            .iter()
            .filter(|c| c.finding == Some(finding))
            .collect();
        if found.is_empty() {
            blocks.push(Block::paragraph(none));
        }
        for competency in found {
            blocks.extend(finding_blocks(competency));
        }
    }
    blocks.extend(notes(report));
    Document {
        title: format!("{} — {}", t!("feedback.title"), report.name),
        meta,
        author: report.name.clone(),
        subject: report.framework_name.clone(),
        date: day(&report.date),
        personal_data: true,
        blocks,
    }
}

/// The groups that have a column: every kind or "anderen" that any competency has.
fn columns(report: &FeedbackReport) -> Vec<(String, String)> {
    let mut columns: Vec<(String, String)> = Vec::new();
    for group in report.competencies.iter().flat_map(|c| &c.others) {
        if !columns.iter().any(|(kind, _)| *kind == group.kind) {
            columns.push((group.kind.clone(), group.name.clone()));
        }
    }
    // "anderen" last, as in every competency.
    columns.sort_by_key(|(kind, _)| kind == crate::report::feedback::OTHERS);
    columns
}

/// A group's cell: "3,5 (4)", the mean and the number of raters; "te weinig" when withheld.
fn group_cell(group: Option<&GroupFigure>) -> Cell {
    match group {
        Some(GroupFigure {
            raters: Some(raters),
            mean: Some(mean),
            ..
        }) => Cell::Text(format!("{} ({})", figure(Some(*mean)), raters.get())),
        Some(_) => Cell::Text(t!("feedback.too_few_cell")),
        None => Cell::Text("—".to_string()),
    }
}

fn table(report: &FeedbackReport) -> Table {
    let groups = columns(report);
    let mut headers = vec![
        (t!("report.competency"), ColumnKind::Name),
        (t!("feedback.self"), ColumnKind::Score),
    ];
    if report.previous_date.is_some() {
        headers.push((t!("feedback.previous_self"), ColumnKind::Score));
    }
    headers.extend(
        groups
            .iter()
            .map(|(_, name)| (name.clone(), ColumnKind::Number)),
    );
    headers.push((t!("feedback.others_all"), ColumnKind::Score));
    headers.push((t!("feedback.difference"), ColumnKind::Change));
    headers.push((t!("feedback.finding"), ColumnKind::Text));
    let mut table = Table::new(headers);
    for competency in &report.competencies {
        let mut row = vec![
            Cell::from(competency.name.as_str()),
            Cell::Score(competency.own),
        ];
        if report.previous_date.is_some() {
            row.push(Cell::Score(competency.previous_self));
        }
        for (kind, _) in &groups {
            row.push(group_cell(
                competency.others.iter().find(|g| &g.kind == kind),
            ));
        }
        row.push(Cell::Text(figure(competency.others_all)));
        row.push(Cell::Text(signed_figure(competency.difference)));
        row.push(Cell::Text(finding_word(competency.finding)));
        table.rows.push(row);
    }
    table
}

fn finding_word(finding: Option<Finding>) -> String {
    match finding {
        Some(Finding::BlindSpot) => t!("feedback.blind_spot"),
        Some(Finding::HiddenStrength) => t!("feedback.hidden_strength"),
        None => String::new(),
    }
}

fn radar(report: &FeedbackReport) -> RadarChart {
    let (min, max) = report.scale_range;
    let competencies = &report.competencies;
    RadarChart {
        labels: competencies.iter().map(|c| c.name.clone()).collect(),
        values: competencies.iter().map(|c| c.own).collect(),
        targets: Vec::new(),
        previous: competencies
            .iter()
            .map(|c| c.others_all.map(|f| f.value()))
            .collect(),
        min,
        max,
        value_legend: t!("feedback.self"),
        target_legend: String::new(),
        previous_legend: t!("feedback.others_all"),
    }
}

fn finding_blocks(competency: &CompetencyFeedback) -> Vec<Block> {
    let mut blocks = vec![Block::heading(3, competency.name.clone())];
    blocks.push(Block::paragraph(t!(
        "feedback.finding_line",
        own = number(competency.own),
        others = figure(competency.others_all),
        difference = signed_figure(competency.difference)
    )));
    if !competency.statements.is_empty() {
        blocks.push(Block::heading(4, t!("feedback.statements")));
        let items = competency
            .statements
            .iter()
            .map(|s| {
                let own = s.own.map_or_else(|| "—".to_string(), |v| v.to_string());
                t!(
                    "feedback.statement_line",
                    text = &s.text,
                    own = own,
                    others = crate::render::short_number(s.others.value())
                )
            })
            .collect();
        blocks.push(Block::bullets(items));
    }
    blocks
}

fn notes(report: &FeedbackReport) -> Vec<Block> {
    let mut blocks = vec![Block::heading(2, t!("feedback.notes"))];
    if report.notes.is_empty() {
        blocks.push(Block::paragraph(t!("feedback.no_notes")));
        return blocks;
    }
    blocks.push(Block::note(t!("feedback.notes_intro")));
    let mut current: Option<&str> = None;
    let mut items = Vec::new();
    for note in &report.notes {
        if current != Some(note.competency.as_str()) {
            if !items.is_empty() {
                blocks.push(Block::bullets(std::mem::take(&mut items)));
            }
            blocks.push(Block::heading(3, note.competency_name.clone()));
            current = Some(note.competency.as_str());
        }
        items.push(format!("“{}”", note.text));
    }
    blocks.push(Block::bullets(items));
    blocks
}
