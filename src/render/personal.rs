//! The personal scan report as a terminal table, Markdown and CSV (JSON is the model itself).

use crate::framework::Scale;
use crate::render::svg;
use crate::render::table::{self, Cell, wrap_lines};
use crate::render::{escape, number, signed};
use crate::report::personal::{DevelopmentPoint, PersonalReport};
use crate::report::suggestions::Suggestions;
use crate::{Result, t};

fn title(report: &PersonalReport) -> String {
    let mut line = format!("{} · {}", report.framework_name, report.date);
    if let Some(role) = &report.role {
        line.push_str(&format!(" · {}: {role}", t!("report.targets_of")));
    }
    if !report.complete {
        line.push_str(&format!(" · {}", t!("report.incomplete")));
    }
    line
}

fn score_rows(report: &PersonalReport) -> Vec<Vec<Cell>> {
    report
        .competencies
        .iter()
        .map(|c| {
            vec![
                Cell::name(&c.name),
                Cell::number(number(c.score)),
                Cell::number(number(c.target)),
                Cell::number(signed(c.gap)),
                Cell::number(answered_text(c.answered, c.not_applicable, c.statements)),
            ]
        })
        .collect()
}

/// "4/5", or "4/5 (1 n.v.t.)" when statements were marked not applicable.
fn answered_text(answered: usize, not_applicable: usize, statements: usize) -> String {
    if not_applicable == 0 {
        format!("{answered}/{statements}")
    } else {
        format!(
            "{answered}/{statements} ({not_applicable} {})",
            t!("report.not_applicable")
        )
    }
}

/// Activities joined into one line; a source text's trailing comma or semicolon would
/// double the separator, so it is left off here (the data keeps it).
fn joined(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .map(|item| item.trim_end_matches([',', ';']).to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn score_header() -> Vec<String> {
    vec![
        t!("report.competency"),
        t!("report.score"),
        t!("report.target"),
        t!("report.gap"),
        t!("report.answered"),
    ]
}

/// Lines naming the BoKS activities and methods linked to a competency, indented by two.
pub(crate) fn suggestion_lines(suggestions: &Suggestions) -> Vec<String> {
    let mut lines = Vec::new();
    for row in &suggestions.boks {
        let activities = joined(row.activities.iter().map(|(_, a)| a.clone()));
        lines.push(format!("  BoKS — {}: {activities}", row.name));
    }
    if !suggestions.methods.is_empty() {
        let methods: Vec<String> = suggestions
            .methods
            .iter()
            .map(|m| format!("{} ({})", m.name, m.category))
            .collect();
        lines.push(format!(
            "  {}: {}",
            t!("report.methods"),
            methods.join("; ")
        ));
    }
    if suggestions.status == Some(crate::framework::LinkStatus::Proposal) {
        lines.push(format!("  ({})", t!("report.link_proposal")));
    }
    lines
}

/// Lines describing one development point: where it stands, the note, the suggestions.
fn development_lines(point: &DevelopmentPoint) -> Vec<String> {
    let mut lines = vec![t!(
        "report.development_line",
        name = &point.name,
        score = number(point.score),
        target = number(point.target)
    )];
    if let Some(note) = &point.note {
        lines.push(format!("  {}: “{note}”", t!("report.your_note")));
    }
    lines.extend(suggestion_lines(&point.suggestions));
    lines
}

pub fn table(report: &PersonalReport, width: u16) -> String {
    let mut out = format!(
        "{} — {}\n{}\n",
        t!("report.personal_title"),
        report.name,
        title(report)
    );
    let scores = table::render(&score_header(), &score_rows(report), width);
    out.push_str(&format!("{scores}\n"));
    out.push_str(&format!("\n{}:\n", t!("report.strengths")));
    if report.strengths.is_empty() {
        out.push_str(&format!("  {}\n", t!("report.none_yet")));
    }
    for s in &report.strengths {
        out.push_str(&format!("  • {} ({})\n", s.name, number(s.score)));
        if let Some(note) = &s.note {
            out.push_str(&format!("      {}: “{note}”\n", t!("report.your_note")));
        }
    }
    out.push_str(&format!("\n{}:\n", t!("report.development_points")));
    for point in &report.development_points {
        let lines = development_lines(point);
        out.push_str(&format!("  • {}\n", lines[0]));
        for line in &lines[1..] {
            out.push_str(&format!("    {line}\n"));
        }
    }
    if let Some(progress) = &report.progress {
        out.push_str(&format!(
            "\n{}\n",
            t!("report.progress_since", date = &progress.previous_date)
        ));
        let header = [
            t!("report.competency"),
            progress.previous_date.clone(),
            report.date.clone(),
            t!("report.change"),
        ];
        let rows: Vec<Vec<Cell>> = progress
            .rows
            .iter()
            .map(|row| {
                vec![
                    Cell::name(&row.name),
                    Cell::number(number(row.previous)),
                    Cell::number(number(row.current)),
                    Cell::number(signed(row.change)),
                ]
            })
            .collect();
        out.push_str(&format!("{}\n", table::render(&header, &rows, width)));
    }
    wrap_lines(&out, width)
}

/// One row per competency, machine-readable (dot decimals, ids), for a spreadsheet.
pub fn csv(report: &PersonalReport) -> Result<String> {
    let header = [
        "name",
        "framework",
        "date",
        "competency",
        "competency_name",
        "score",
        "target",
        "gap",
        "answered",
        "not_applicable",
        "statements",
        "strength",
        "development_point",
        "previous",
        "change",
    ]
    .map(String::from);
    let mut records = vec![header.to_vec()];
    let opt = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_default();
    for c in &report.competencies {
        let progress = report
            .progress
            .as_ref()
            .and_then(|p| p.rows.iter().find(|r| r.id == c.id));
        let record = [
            report.name.clone(),
            report.framework.clone(),
            report.date.clone(),
            c.id.clone(),
            c.name.clone(),
            opt(c.score),
            opt(c.target),
            opt(c.gap),
            c.answered.to_string(),
            c.not_applicable.to_string(),
            c.statements.to_string(),
            report.strengths.iter().any(|s| s.id == c.id).to_string(),
            report
                .development_points
                .iter()
                .any(|d| d.id == c.id)
                .to_string(),
            opt(progress.and_then(|p| p.previous)),
            opt(progress.and_then(|p| p.change)),
        ];
        records.push(record.to_vec());
    }
    escape::csv_document(records)
}

/// The radar and bar charts of the report, as SVG for the HTML template.
pub fn charts(
    report: &PersonalReport,
    scale: Option<&Scale>,
) -> Result<Vec<(&'static str, String)>> {
    let (radar, bars) = crate::render::charts::personal(report, scale);
    let radar_name = match &report.progress {
        Some(progress) => t!("chart.radar_previous", date = &progress.previous_date),
        None => t!("chart.radar"),
    };
    Ok(vec![
        ("radar", svg::radar(&radar, &radar_name)?),
        ("bars", svg::bars(&bars, &t!("chart.bars"))?),
    ])
}
