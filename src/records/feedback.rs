//! The 360 report as records: one row per competency and group of raters (self first, then
//! each kind shown, "anderen", and all others); a withheld figure is an empty cell. Only
//! figures the disclosure rules released (`Figure`, `Count`) are written for others.

use super::{Field, Records};
use crate::report::feedback::{FeedbackReport, Finding};

pub fn records(report: &FeedbackReport) -> Records {
    let mut records = Records::new([
        "framework",
        "competency",
        "competency_name",
        "group",
        "withheld",
        "raters",
        "mean",
        "finding",
    ]);
    let finding = |f: Option<Finding>| match f {
        Some(Finding::BlindSpot) => "blind_spot",
        Some(Finding::HiddenStrength) => "hidden_strength",
        None => "",
    };
    for competency in &report.competencies {
        let row = |group: &str, withheld, raters, mean, found: &str| {
            vec![
                Field::from(&report.framework),
                Field::from(&competency.id),
                Field::from(&competency.name),
                Field::from(group),
                Field::Flag(withheld),
                Field::Count(raters),
                mean,
                Field::from(found),
            ]
        };
        records
            .rows
            .push(row("self", false, None, Field::Number(competency.own), ""));
        for group in &competency.others {
            records.rows.push(row(
                &group.kind,
                group.withheld,
                group.raters.map(|c| c.get()),
                Field::Figure(group.mean.map(|m| m.value())),
                "",
            ));
        }
        records.rows.push(row(
            "others_all",
            competency.others_all.is_none(),
            None,
            Field::Figure(competency.others_all.map(|m| m.value())),
            finding(competency.finding),
        ));
    }
    records
}
