//! The anonymous team report laid out: what was read and how, the heat map, the table of the
//! whole team, the schooling plan, then each group of an accepted split; a refused split and
//! the disclosure policy are notices, in the same place in every format. The texts come from
//! `render::team`, which the CSV shares.

use super::{Block, Cell, ColumnKind, Document, Table, day};
use crate::render::team::{
    self as texts, basis_lines, groups, input_lines, intro_lines, no_plan, plan_line, refusal_line,
    row_cells, since_line, suggestion_lines,
};
use crate::report::team::{Section, TeamReport};
use crate::t;

impl crate::render::Report for TeamReport {
    const NAME: &'static str = "team";

    fn layout(&self) -> Document {
        layout(self)
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
        match no_plan(report) {
            Some(reason) => blocks.push(Block::paragraph(reason)),
            None => {
                blocks.push(Block::note(t!("team.plan_intro")));
                for entry in &report.plan {
                    blocks.push(Block::heading(3, plan_line(entry, &entry.name)));
                    let items = suggestion_lines(&entry.suggestions)
                        .into_iter()
                        .map(|line| line.trim().to_string())
                        .collect();
                    blocks.push(Block::bullets(items));
                }
            }
        }
        if let Some(line) = report.split.as_ref().and_then(|s| refusal_line(report, s)) {
            blocks.push(Block::notice(line));
        }
        for (title, section) in groups(report) {
            blocks.push(Block::heading(2, title));
            blocks.push(Block::Table(section_table(report, section)));
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
