//! The personal scan report laid out: scores against targets (radar, table, bars), strengths,
//! development points with the person's note and schooling suggestions, progress.

use super::{BarChart, Block, Cell, ColumnKind, Document, RadarChart, Table, TrendChart, day};
use crate::render::{number, signed};
use crate::report::personal::{
    CompetencyResult, DevelopmentPoint, PersonalReport, StatementAnswer,
};
use crate::report::personal::{Move, Moves, Trend};
use crate::report::suggestions::{Because, BoksSuggestion, LinkOrigin, Suggestion, alone};
use crate::score::round2;
use crate::t;

impl crate::render::Report for PersonalReport {
    const NAME: &'static str = "personal";

    fn layout(&self) -> Document {
        layout(self)
    }

    fn records(&self) -> Option<crate::records::Records> {
        Some(crate::records::personal(self))
    }
}

pub fn layout(report: &PersonalReport) -> Document {
    let mut meta = vec![report.framework_name.clone(), report.date.clone()];
    if let Some(role) = &report.role {
        meta.push(format!("{}: {role}", t!("report.targets_of")));
    }
    if !report.complete {
        meta.push(t!("report.incomplete"));
    }
    let mut blocks: Vec<Block> = report.warnings.iter().map(Block::notice).collect();
    let (radar, bars) = charts(report);
    let radar_caption = match &report.progress {
        Some(progress) => t!("chart.radar_previous", date = &progress.previous_date),
        None => t!("chart.radar"),
    };
    blocks.push(Block::chart(radar, radar_caption));
    blocks.push(Block::Table(scores(report)));
    blocks.push(Block::chart(bars, t!("chart.bars")));
    blocks.extend(levels(report));
    blocks.extend(statements(report));
    blocks.push(Block::heading(2, t!("report.strengths")));
    if report.strengths.is_empty() {
        blocks.push(Block::paragraph(t!("report.none_yet")));
    } else {
        let items = report
            .strengths
            .iter()
            .map(|s| with_note(format!("{} ({})", s.name, number(s.score)), &s.note))
            .collect();
        blocks.push(Block::bullets(items));
    }
    blocks.push(Block::heading(2, t!("report.development_points")));
    for point in &report.development_points {
        blocks.extend(development_point(report, point));
    }
    if let Some(trend) = &report.trend {
        blocks.extend(progress(report, trend));
    }
    if let Some(plan) = &report.plan {
        blocks.extend(super::plan::blocks(plan));
    }
    blocks.extend(appendix(report));
    Document {
        title: format!("{} — {}", t!("report.personal_title"), report.name),
        meta,
        author: report.name.clone(),
        subject: report.framework_name.clone(),
        date: day(&report.date),
        personal_data: true,
        blocks,
    }
}

/// "Grootste groei sinds 2026-05-12: Durf, +1,20." and the same for the decline.
fn move_lines(moves: &Moves) -> Vec<String> {
    let since = &moves.since;
    let words = |m: &Move| (alone(&m.name), signed(Some(m.change)));
    let growth = match moves.growth.as_ref().map(words) {
        Some((name, change)) => t!(
            "report.trend_growth",
            since = since,
            name = name,
            change = change
        ),
        None => t!("report.trend_no_growth", since = since),
    };
    let decline = match moves.decline.as_ref().map(words) {
        Some((name, change)) => t!(
            "report.trend_decline",
            since = since,
            name = name,
            change = change
        ),
        None => t!("report.trend_no_decline", since = since),
    };
    vec![growth, decline]
}

/// The progress over every scan: the largest moves in words, a table with a column per scan
/// and the change since the previous (and the first), and a small chart per competency.
fn progress(report: &PersonalReport, trend: &Trend) -> Vec<Block> {
    let first = trend.dates.first().cloned().unwrap_or_default();
    let mut blocks = vec![Block::heading(
        2,
        t!("report.progress_since", date = &first),
    )];
    let mut lines = move_lines(&trend.since_previous);
    if let Some(since_first) = &trend.since_first {
        lines.extend(move_lines(since_first));
    }
    blocks.push(Block::bullets(lines));
    let mut columns = vec![(t!("report.competency"), ColumnKind::Name)];
    columns.extend(trend.dates.iter().map(|d| (d.clone(), ColumnKind::Score)));
    let with_first = trend.since_first.is_some();
    // With more than two scans, which change is which is said by its date.
    let since_previous = match trend.dates.iter().rev().nth(1) {
        Some(date) if with_first => t!("report.since", date = date),
        _ => t!("report.change"),
    };
    columns.push((since_previous, ColumnKind::Change));
    if with_first {
        columns.push((t!("report.since", date = &first), ColumnKind::Change));
    }
    let mut table = Table::new(columns);
    let previous = trend.dates.len().saturating_sub(2);
    table.rows = trend
        .rows
        .iter()
        .map(|row| {
            let now = row.scores.last().copied().flatten();
            let change = |from: usize| {
                let then = row.scores.get(from).copied().flatten();
                then.zip(now).map(|(a, b)| round2(b - a))
            };
            let mut cells = vec![Cell::from(row.name.as_str())];
            cells.extend(row.scores.iter().map(|s| Cell::Score(*s)));
            cells.push(Cell::Change(change(previous)));
            if with_first {
                cells.push(Cell::Change(change(0)));
            }
            cells
        })
        .collect();
    blocks.push(Block::Table(table));
    let (min, max) = report.scale_range;
    let chart = TrendChart {
        labels: trend.rows.iter().map(|r| r.name.clone()).collect(),
        rounds: trend.dates.clone(),
        values: trend.rows.iter().map(|r| r.scores.clone()).collect(),
        targets: report.competencies.iter().map(|c| c.score.target).collect(),
        min,
        max,
        value_legend: t!("chart.trend_scores"),
        target_legend: t!("report.target"),
    };
    blocks.push(Block::chart(chart, t!("chart.trend")));
    blocks
}

/// Per competency the highest level of the role reached and what the next one asks; nothing
/// when the role has no levels.
fn levels(report: &PersonalReport) -> Vec<Block> {
    if report.levels.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::heading(2, t!("report.levels_title"))];
    if let Some(note) = &report.levels_note {
        blocks.push(Block::note(note.clone()));
    }
    let mut table = Table::new([
        (t!("report.competency"), ColumnKind::Name),
        (t!("report.level_reached"), ColumnKind::Text),
        (t!("report.level_next"), ColumnKind::Text),
    ]);
    table.rows = report
        .levels
        .iter()
        .map(|row| {
            let next = match &row.next {
                Some(next) => format!("{next}: {}", number(row.next_target)),
                None => t!("report.level_top"),
            };
            let reached = row.reached.clone().unwrap_or_else(|| t!("report.none_yet"));
            vec![
                Cell::from(row.name.as_str()),
                Cell::Text(reached),
                Cell::Text(next),
            ]
        })
        .collect();
    blocks.push(Block::Table(table));
    blocks
}

/// "3/4", or "3/4 (1 n.v.t.)" when statements were marked not applicable.
pub fn answered(answered: usize, not_applicable: usize, statements: usize) -> String {
    if not_applicable == 0 {
        format!("{answered}/{statements}")
    } else {
        format!(
            "{answered}/{statements} ({not_applicable} {})",
            t!("report.not_applicable")
        )
    }
}

/// The scores against the targets: the report's first table, and the summary at the end of a
/// scan.
pub fn scores(report: &PersonalReport) -> Table {
    let mut table = Table::new([
        (t!("report.competency"), ColumnKind::Name),
        (t!("report.score"), ColumnKind::Score),
        (t!("report.target"), ColumnKind::Score),
        // Words, but kept on one line and aligned as the figures they are.
        (t!("report.gap"), ColumnKind::Change),
        (t!("report.answered"), ColumnKind::Number),
    ]);
    table.rows = report
        .competencies
        .iter()
        .map(|c| &c.score)
        .map(|c| {
            vec![
                Cell::from(c.name.as_str()),
                Cell::Score(c.score),
                Cell::Score(c.target),
                Cell::Text(gap_words(c.gap)),
                Cell::Text(answered(c.answered, c.not_applicable, c.statements)),
            ]
        })
        .collect();
    table
}

/// The gap as words no reader can read the wrong way round: "0,80 onder doel", "0,20 boven
/// doel", "op doel"; "—" without a target. (`gap` is the target minus the score.)
pub fn gap_words(gap: Option<f64>) -> String {
    match gap {
        None => "—".to_string(),
        Some(gap) if gap > 0.0 => t!("report.below_target", gap = number(Some(gap))),
        Some(gap) if gap < 0.0 => t!("report.above_target", gap = number(Some(-gap))),
        Some(_) => t!("report.on_target"),
    }
}

/// "3 soms": an answer as the person gave it, with the scale's word for it.
fn answer_text(statement: &StatementAnswer) -> String {
    let value = statement
        .answer
        .map(|a| a.to_string())
        .unwrap_or_else(|| "—".to_string());
    match &statement.label {
        Some(label) if statement.answer != Some(crate::result::Answer::NotApplicable) => {
            format!("{value} {label}")
        }
        Some(label) => label.clone(),
        None => value,
    }
}

/// `laagst — 2 zelden: “statement” (+1 met hetzelfde antwoord)`: the first of the statements
/// that share an answer, and how many more do.
fn statement_line(which: &str, statements: &[&StatementAnswer]) -> Option<String> {
    let first = statements.first()?;
    let mut line = format!("{which} — {}: “{}”", answer_text(first), first.text);
    if statements.len() > 1 {
        line.push_str(&format!(
            " ({})",
            t!("report.statements_tied", count = statements.len() - 1)
        ));
    }
    Some(line)
}

/// The line on a competency's lowest statement; when every answer is the same, that.
fn lowest_line(competency: &CompetencyResult) -> Option<String> {
    let lowest = competency.lowest();
    match lowest.as_slice() {
        [first, _, ..] if competency.highest().is_empty() => Some(t!(
            "report.statements_same",
            count = lowest.len(),
            answer = answer_text(first)
        )),
        _ => statement_line(&t!("report.statement_lowest"), &lowest),
    }
}

/// The lines on a competency's lowest and highest statements.
fn statement_lines(competency: &CompetencyResult) -> Vec<String> {
    let mut lines: Vec<String> = lowest_line(competency).into_iter().collect();
    lines.extend(statement_line(
        &t!("report.statement_highest"),
        &competency.highest(),
    ));
    lines
}

/// Per competency its lowest and highest statements with the answers: what the score is made
/// of, for the conversation about it.
fn statements(report: &PersonalReport) -> Vec<Block> {
    let mut blocks = vec![Block::heading(2, t!("report.statements_title"))];
    for competency in &report.competencies {
        let lines = statement_lines(competency);
        if lines.is_empty() {
            continue;
        }
        blocks.push(Block::heading(
            3,
            format!(
                "{} ({})",
                competency.score.name,
                number(competency.score.score)
            ),
        ));
        blocks.push(Block::bullets(lines));
    }
    blocks
}

/// The radar (with the earlier scan as a second outline when there is one) and the bars,
/// score against target per competency.
fn charts(report: &PersonalReport) -> (RadarChart, BarChart) {
    let (min, max) = report.scale_range;
    let competencies = || report.competencies.iter().map(|c| &c.score);
    let labels: Vec<String> = competencies().map(|c| c.name.clone()).collect();
    let values: Vec<Option<f64>> = competencies().map(|c| c.score).collect();
    let targets: Vec<Option<f64>> = competencies().map(|c| c.target).collect();
    let (previous, previous_legend) = match &report.progress {
        Some(progress) => (
            competencies()
                .map(|c| {
                    progress
                        .rows
                        .iter()
                        .find(|row| row.id == c.id)
                        .and_then(|row| row.previous)
                })
                .collect(),
            t!("chart.previous_scan", date = &progress.previous_date),
        ),
        None => (Vec::new(), String::new()),
    };
    let radar = RadarChart {
        labels: labels.clone(),
        values: values.clone(),
        targets: targets.clone(),
        previous,
        min,
        max,
        value_legend: t!("report.score"),
        target_legend: t!("report.target"),
        previous_legend,
    };
    let bars = BarChart {
        labels,
        values,
        targets,
        min,
        max,
        value_legend: t!("report.score"),
        target_legend: t!("report.target"),
    };
    (radar, bars)
}

/// `text — jouw voorbeeld: “note”` when the person wrote a note.
fn with_note(text: String, note: &Option<String>) -> String {
    match note {
        Some(note) => format!("{text} — {}: “{note}”", t!("report.your_note")),
        None => text,
    }
}

fn development_point(report: &PersonalReport, point: &DevelopmentPoint) -> Vec<Block> {
    let mut blocks = vec![Block::heading(
        3,
        t!(
            "report.development_line",
            name = &point.name,
            score = number(point.score),
            target = number(point.target),
            gap = gap_words(point.gap)
        ),
    )];
    let competency = report.competencies.iter().find(|c| c.score.id == point.id);
    if let Some(line) = competency.and_then(lowest_line) {
        blocks.push(Block::bullets(vec![line]));
    }
    if let Some(note) = &point.note {
        blocks.push(Block::paragraph(format!(
            "{}: “{note}”",
            t!("report.your_note")
        )));
    }
    blocks.extend(suggestion_blocks(&point.suggestions));
    blocks
}

/// Where a link comes from: "koppeling voorgesteld door vakwijzer", "koppeling uit de bron".
pub fn origin_words(origin: &LinkOrigin) -> String {
    match &origin.proposed_by {
        Some(author) => t!("report.link_proposal", author = author),
        None => t!("report.link_source"),
    }
}

/// `Presentiebenadering (Generieke methoden): gekoppeld aan Aanpassingsvermogen, voorstel van
/// vakwijzer`: what to do, what kind of thing it is, why, and whose link that is.
pub fn suggestion_line(suggestion: &Suggestion) -> String {
    let why = match &suggestion.because {
        // Under the competency's own heading: its name again would only repeat it.
        Because::LinkedMethod { .. } => t!("report.because_method"),
        Because::BoksRow { row, .. } => t!("report.because_boks", row = row),
    };
    let whose = match &suggestion.origin.proposed_by {
        Some(author) => t!("report.origin_proposal", author = author),
        None => t!("report.origin_source"),
    };
    format!(
        "{} ({}): {why}, {whose}",
        suggestion.name, suggestion.category
    )
}

/// The suggestions under a lead-in line; nothing when there are none.
pub fn suggestion_blocks(suggestions: &[Suggestion]) -> Vec<Block> {
    if suggestions.is_empty() {
        return Vec::new();
    }
    vec![
        Block::heading(4, t!("report.suggestions")),
        Block::bullets(suggestions.iter().map(suggestion_line).collect()),
    ]
}

/// The appendix: every BoKS row linked to a development point, once, with all its activities.
fn appendix(report: &PersonalReport) -> Vec<Block> {
    let mut rows: Vec<(&BoksSuggestion, Vec<String>)> = Vec::new();
    for point in &report.development_points {
        // A name that ends a sentence in the source ("Signaleren en agenderen.") in a list.
        let name = alone(&point.name);
        for row in &point.linked_boks {
            match rows.iter_mut().find(|(r, _)| r.cluster == row.cluster) {
                Some((_, points)) => points.push(name.clone()),
                None => rows.push((row, vec![name.clone()])),
            }
        }
    }
    if rows.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![
        Block::heading(2, t!("report.appendix_boks")),
        Block::note(t!("report.appendix_boks_intro")),
    ];
    for (row, points) in rows {
        blocks.push(Block::heading(
            3,
            t!(
                "report.appendix_row",
                row = &row.name,
                points = points.join(", ")
            ),
        ));
        let items = row
            .activities
            .iter()
            .map(|(column, activity)| format!("{} ({column})", alone(activity)))
            .collect();
        blocks.push(Block::bullets(items));
        blocks.push(Block::note(origin_words(&row.origin)));
    }
    blocks
}
