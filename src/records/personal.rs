//! The personal report as records: one row per competency.

use super::{Field, Records};
use crate::report::personal::PersonalReport;

pub fn records(report: &PersonalReport) -> Records {
    let mut records = Records::new([
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
    ]);
    for c in &report.competencies {
        let progress = report
            .progress
            .as_ref()
            .and_then(|p| p.rows.iter().find(|r| r.id == c.id));
        records.rows.push(vec![
            Field::from(&report.name),
            Field::from(&report.framework),
            Field::from(&report.date),
            Field::from(&c.id),
            Field::from(&c.name),
            Field::Number(c.score),
            Field::Number(c.target),
            Field::Number(c.gap),
            Field::from(c.answered),
            Field::from(c.not_applicable),
            Field::from(c.statements),
            Field::Flag(report.strengths.iter().any(|s| s.id == c.id)),
            Field::Flag(report.development_points.iter().any(|d| d.id == c.id)),
            Field::Number(progress.and_then(|p| p.previous)),
            Field::Number(progress.and_then(|p| p.change)),
        ]);
    }
    records
}
