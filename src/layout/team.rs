//! The anonymous team report laid out: what was read and how, the heat map, the table of the
//! whole team, the schooling plan, then each group of an accepted split; a refused split and
//! the disclosure policy are notices, in the same place in every format. The texts come from
//! `render::team`, which the notices of the CSV share.

use super::personal::suggestion_line;
use super::{Block, Cell, ColumnKind, Document, Table, day};
use crate::render::team::{
    self as texts, basis_lines, groups, input_lines, intro_lines, no_plan, plan_line, refusal_line,
    row_cells, since_line,
};
use crate::report::team::{PlanEntry, Section, TeamReport};
use crate::t;

impl crate::render::Report for TeamReport {
    const NAME: &'static str = "team";

    fn layout(&self) -> Document {
        layout(self)
    }

    fn records(&self) -> Option<crate::records::Records> {
        Some(crate::records::team(self))
    }

    /// The competencies, and the schooling plan when there is one.
    fn sheets(&self) -> Vec<(String, crate::records::Records)> {
        let mut sheets = vec![(t!("xlsx.sheet.team"), crate::records::team(self))];
        if !self.plan.is_empty() {
            sheets.push((t!("xlsx.sheet.plan"), crate::records::plan(self)));
        }
        sheets
    }

    /// A spreadsheet gets only the rows; what a reader must know goes to stderr.
    fn csv_notices(&self) -> Vec<String> {
        let mut lines = texts::notices(self);
        lines.push(self.policy.clone());
        lines
    }
}

fn section_table(report: &TeamReport, section: &Section) -> Table {
    let with_change = report.since.is_some();
    let header = texts::header(report, with_change);
    let mut table = Table::new(header.into_iter().enumerate().map(|(index, h)| {
        let kind = if index == 0 {
            ColumnKind::Name
        } else {
            ColumnKind::Number
        };
        (h, kind)
    }));
    table.rows = section
        .competencies
        .iter()
        .map(|row| {
            row_cells(row, with_change)
                .into_iter()
                .map(Cell::Text)
                .collect()
        })
        .collect();
    table
}

/// A schooling plan: the greatest needs worked out (each a heading at `level` with its
/// activities), the other competencies below target by name. The whole team's plan says how
/// it is made; a group's plan follows it.
fn plan_blocks(report: &TeamReport, plan: &[PlanEntry], level: u8) -> Vec<Block> {
    if let Some(reason) = no_plan(report, plan) {
        return vec![Block::paragraph(reason)];
    }
    let mut blocks = Vec::new();
    if level == 3 {
        blocks.push(Block::note(t!("team.plan_intro")));
    }
    for entry in plan.iter().filter(|e| e.in_full) {
        blocks.push(Block::heading(level, plan_line(entry, &entry.name)));
        if entry.suggestions.is_empty() {
            blocks.push(Block::paragraph(t!("team.plan_no_activities")));
        } else {
            let items = entry.suggestions.iter().map(suggestion_line).collect();
            blocks.push(Block::bullets(items));
        }
    }
    let rest: Vec<&str> = plan
        .iter()
        .filter(|e| !e.in_full)
        .map(|e| e.name.as_str())
        .collect();
    if !rest.is_empty() {
        blocks.push(Block::paragraph(t!(
            "team.plan_rest",
            names = rest.join(", ")
        )));
    }
    blocks
}

pub fn layout(report: &TeamReport) -> Document {
    let mut blocks = vec![Block::bullets(intro_lines(report))];
    if report.team.withheld {
        blocks.push(Block::notice(t!(
            "team.withheld_team",
            n = report.min_group
        )));
    } else {
        let mut lines: Vec<String> = since_line(report).into_iter().collect();
        lines.extend(basis_lines(report));
        blocks.extend(lines.into_iter().map(Block::paragraph));
        let view = texts::view(report);
        blocks.push(Block::chart(
            crate::render::charts::team(&view),
            t!("chart.heat"),
        ));
        blocks.push(Block::Table(section_table(report, &report.team)));
        blocks.push(Block::note(t!("team.legend")));
        blocks.push(Block::heading(2, t!("team.plan_title")));
        blocks.extend(plan_blocks(report, &report.plan, 3));
        if let Some(line) = report.split.as_ref().and_then(|s| refusal_line(report, s)) {
            blocks.push(Block::notice(line));
        }
        let plans = report.split.iter().flat_map(|s| &s.groups).map(|g| &g.plan);
        for ((title, section), plan) in groups(report).into_iter().zip(plans) {
            blocks.push(Block::heading(2, title));
            blocks.push(Block::Table(section_table(report, section)));
            blocks.push(Block::heading(3, t!("team.plan_title")));
            blocks.extend(plan_blocks(report, plan, 4));
        }
    }
    let input = input_lines(report);
    if !input.is_empty() {
        blocks.push(Block::bullets(input));
    }
    blocks.push(Block::note(report.policy.clone()));
    let date = report
        .period
        .as_ref()
        .map_or_else(crate::result::now, |(_, last)| last.clone());
    Document {
        title: format!("{} · {}", t!("team.title"), report.framework_name),
        meta: Vec::new(),
        author: "vakwijzer".to_string(),
        subject: t!("team.title"),
        date: day(&date),
        // Anonymous: no names, and groups too small to tell people apart are withheld.
        personal_data: false,
        blocks,
    }
}
