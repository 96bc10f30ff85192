//! The charts of the reports as data (labels, values, targets, legends), built once per
//! report and drawn alike as SVG for HTML (`svg.rs`) and as vector graphics in the PDF
//! (`pdf/chart.rs`), both from the same geometry.

use crate::framework::Scale;
use crate::render::pdf::{BarChart, HeatMap, RadarChart};
use crate::render::team::TeamView;
use crate::report::personal::PersonalReport;
use crate::report::scorecard::{Comparison, Scorecard};
use crate::t;

/// The lowest and highest point of a scale (1 to 5 when there is none).
pub fn range(scale: Option<&Scale>) -> (f64, f64) {
    scale.map_or((1.0, 5.0), |s| (f64::from(s.min()), f64::from(s.max())))
}

/// The personal report's radar (with the earlier scan as a second outline when the report
/// has one) and its bars, score against target per competency.
pub fn personal(report: &PersonalReport, scale: Option<&Scale>) -> (RadarChart, BarChart) {
    let (min, max) = range(scale);
    let labels: Vec<String> = report.competencies.iter().map(|c| c.name.clone()).collect();
    let values: Vec<Option<f64>> = report.competencies.iter().map(|c| c.score).collect();
    let targets: Vec<Option<f64>> = report.competencies.iter().map(|c| c.target).collect();
    let (previous, previous_legend) = match &report.progress {
        Some(progress) => (
            report
                .competencies
                .iter()
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

/// The panel's mean per competency.
pub fn scorecard(card: &Scorecard, scale: Option<&Scale>) -> BarChart {
    let (min, max) = range(scale);
    BarChart {
        labels: card.competencies.iter().map(|r| r.name.clone()).collect(),
        values: card.competencies.iter().map(|r| r.panel.mean).collect(),
        targets: vec![],
        min,
        max,
        value_legend: t!("scorecard.mean"),
        target_legend: String::new(),
    }
}

/// The overall score per candidate, in ranking order.
pub fn comparison(comparison: &Comparison) -> BarChart {
    BarChart {
        labels: comparison
            .candidates
            .iter()
            .map(|c| c.candidate.clone())
            .collect(),
        values: comparison.candidates.iter().map(|c| c.overall).collect(),
        targets: vec![],
        min: 1.0,
        max: 5.0,
        value_legend: t!("scorecard.overall"),
        target_legend: String::new(),
    }
}

/// How many people gave which score, per competency; withheld rows stay grey.
pub fn team(view: &TeamView) -> HeatMap {
    HeatMap {
        rows: view.heat.rows.clone(),
        columns: view.heat.columns.clone(),
        cells: view.heat.cells.clone(),
        withheld: view.heat.withheld.clone(),
    }
}
