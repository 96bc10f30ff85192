//! The scorecard and the candidate comparison as terminal tables and CSV; Markdown comes from
//! the templates `scorecard.md` and `compare.md`, JSON is the model itself.

use crate::framework::Scale;
use crate::render::svg;
use crate::render::table::{self, Cell, wrap_lines};
use crate::render::{escape, number};
use crate::report::scorecard::{Comparison, Scorecard};
use crate::{Result, t};

fn rating_text(rating: Option<u8>) -> String {
    rating.map_or_else(|| t!("interview.not_rated"), |r| r.to_string())
}

pub fn scorecard_table(card: &Scorecard, width: u16) -> String {
    let mut out = format!(
        "{} — {}\n{} · {}: {}\n",
        t!("scorecard.title"),
        card.candidate,
        card.framework_name,
        t!("scorecard.interviewers"),
        card.interviewers.join(", ")
    );
    if !card.complete {
        out.push_str(&format!("{}\n", t!("scorecard.incomplete")));
    }
    let mut header = vec![t!("report.competency")];
    header.extend(card.interviewers.iter().cloned());
    header.extend([t!("scorecard.mean"), t!("scorecard.spread"), String::new()]);
    let rows: Vec<Vec<Cell>> = card
        .competencies
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::name(&row.name)];
            cells.extend(
                row.ratings
                    .iter()
                    .map(|r| Cell::number(rating_text(r.rating))),
            );
            cells.push(Cell::number(number(row.panel.mean)));
            cells.push(Cell::number(
                row.panel.spread.map_or("—".to_string(), |s| s.to_string()),
            ));
            cells.push(Cell::text(if row.panel.discuss {
                t!("scorecard.discuss")
            } else {
                String::new()
            }));
            cells
        })
        .collect();
    out.push_str(&format!("{}\n", table::render(&header, &rows, width)));
    out.push_str(&format!(
        "{}: {} · {}: {}\n",
        t!("scorecard.overall"),
        number(card.overall),
        t!("scorecard.flagged"),
        card.flagged
    ));
    out.push_str(&format!("\n{}:\n", t!("scorecard.notes")));
    for row in &card.competencies {
        let noted: Vec<_> = row
            .ratings
            .iter()
            .filter(|r| r.notes.iter().any(|(_, n)| !n.is_empty()))
            .collect();
        if noted.is_empty() {
            continue;
        }
        out.push_str(&format!("  {}\n", row.name));
        for rating in noted {
            for (question, note) in rating.notes.iter().filter(|(_, n)| !n.is_empty()) {
                out.push_str(&format!(
                    "    {} — {question}\n      “{note}”\n",
                    rating.interviewer
                ));
            }
        }
    }
    out.push_str(&format!("\n{}:\n", t!("scorecard.advice")));
    for entry in &card.advice {
        let advice = entry.advice.clone().unwrap_or_else(|| "—".to_string());
        out.push_str(&format!("  {}: {advice}\n", entry.interviewer));
        if let Some(motivation) = &entry.motivation {
            out.push_str(&format!("    “{motivation}”\n"));
        }
    }
    wrap_lines(&out, width)
}

pub fn comparison_table(comparison: &Comparison, width: u16) -> String {
    let mut out = format!("{} — {}\n", t!("compare.title"), comparison.framework_name);
    // Competency names are long; the columns are numbered and the legend names them. The
    // candidate comes first: it titles the candidate's block when the table is too wide.
    let mut header = vec![t!("compare.candidate"), "#".to_string()];
    header.extend((1..=comparison.competencies.len()).map(|n| format!("C{n}")));
    header.extend([t!("scorecard.overall"), t!("compare.flagged_short")]);
    let rows: Vec<Vec<Cell>> = comparison
        .candidates
        .iter()
        .map(|row| {
            let mut cells = vec![
                Cell::name(&row.candidate),
                Cell::number(row.rank.to_string()),
            ];
            cells.extend(row.means.iter().map(|m| Cell::number(number(*m))));
            cells.push(Cell::number(number(row.overall)));
            cells.push(Cell::number(row.flagged.to_string()));
            cells
        })
        .collect();
    let table = table::render(&header, &rows, width);
    let legend: Vec<String> = comparison
        .competencies
        .iter()
        .enumerate()
        .map(|(index, (_, name))| format!("C{} {name}", index + 1))
        .collect();
    out.push_str(&format!(
        "{table}\n{}\n{}\n",
        legend.join(" · "),
        t!("compare.legend")
    ));
    wrap_lines(&out, width)
}

/// The panel's mean per competency as bars, for the HTML scorecard.
pub fn scorecard_chart(card: &Scorecard, scale: Option<&Scale>) -> Result<String> {
    svg::bars(
        &crate::render::charts::scorecard(card, scale),
        &t!("chart.scorecard"),
    )
}

/// The overall score per candidate as bars, for the HTML comparison.
pub fn comparison_chart(comparison: &Comparison) -> Result<String> {
    svg::bars(
        &crate::render::charts::comparison(comparison),
        &t!("chart.comparison"),
    )
}

fn opt(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.2}")).unwrap_or_default()
}

/// One row per competency and interviewer.
pub fn scorecard_csv(card: &Scorecard) -> Result<String> {
    let header = [
        "candidate",
        "competency",
        "competency_name",
        "interviewer",
        "rating",
        "observed",
        "indicators",
        "mean",
        "spread",
        "discuss",
    ]
    .map(String::from);
    let mut records = vec![header.to_vec()];
    for row in &card.competencies {
        for rating in &row.ratings {
            records.push(vec![
                card.candidate.clone(),
                row.id.clone(),
                row.name.clone(),
                rating.interviewer.clone(),
                rating.rating.map(|r| r.to_string()).unwrap_or_default(),
                rating.observed.to_string(),
                rating.indicators.to_string(),
                opt(row.panel.mean),
                row.panel.spread.map(|s| s.to_string()).unwrap_or_default(),
                row.panel.discuss.to_string(),
            ]);
        }
    }
    escape::csv_document(records)
}

/// One row per candidate, one column per competency.
pub fn comparison_csv(comparison: &Comparison) -> Result<String> {
    let mut header = vec![
        "rank".to_string(),
        "candidate".to_string(),
        "interviewers".to_string(),
    ];
    header.extend(comparison.competencies.iter().map(|(id, _)| id.clone()));
    header.extend(["overall".to_string(), "flagged".to_string()]);
    let mut records = vec![header];
    for row in &comparison.candidates {
        let mut record = vec![
            row.rank.to_string(),
            row.candidate.clone(),
            row.interviewers.to_string(),
        ];
        record.extend(row.means.iter().map(|m| opt(*m)));
        record.extend([opt(row.overall), row.flagged.to_string()]);
        records.push(record);
    }
    escape::csv_document(records)
}
