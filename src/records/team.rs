//! The team report as records: one row per competency, for the whole team and then per group
//! of an accepted split; a withheld figure is an empty cell. Only figures the disclosure policy
//! released (`Figure`, `Count`) are written.

use super::{Column, Field, Records};
use crate::report::team::{Count, Figure, GroupField, Section, TeamReport};
use crate::t;

pub fn records(report: &TeamReport) -> Records {
    let mut records = Records::new([
        "group_field",
        "group",
        "framework",
        "competency",
        "competency_name",
        "withheld",
        "scans",
        "mean",
        "sd",
    ]);
    records.columns.extend(report.scale.iter().map(|p| {
        Column::named(
            format!("count_{}", p.value),
            t!("column.count_point", point = p.value),
        )
    }));
    records.columns.extend(
        [
            "count_nvt",
            "target",
            "below_target",
            "gap",
            "need",
            "plan_rank",
            "previous_mean",
            "change",
        ]
        .map(Column::fixed),
    );
    let mut sections: Vec<(&str, String, &Section)> = vec![("", String::new(), &report.team)];
    if let Some(split) = &report.split {
        let field = match split.field {
            GroupField::Team => "team",
            GroupField::Role => "role",
        };
        for group in &split.groups {
            let value = group.value.clone().unwrap_or_default();
            sections.push((field, value, &group.section));
        }
    }
    let figure = |v: Option<Figure>| Field::Figure(v.map(Figure::value));
    let count = |v: Option<Count>| Field::Count(v.map(Count::get));
    for (field, value, section) in sections {
        for row in &section.competencies {
            let stats = row.stats.as_ref();
            let mut record = vec![
                Field::from(field),
                Field::from(&value),
                Field::from(&report.framework),
                Field::from(&row.id),
                Field::from(&row.name),
                Field::Flag(row.withheld),
                count(stats.map(|s| s.scans)),
                figure(stats.map(|s| s.mean)),
                figure(stats.and_then(|s| s.sd)),
            ];
            for point in &report.scale {
                let points = stats.and_then(|s| s.distribution.as_ref());
                let found = points.and_then(|d| d.iter().find(|c| c.point == point.value));
                record.push(count(found.map(|c| c.count)));
            }
            // The plan ranks the whole team's competencies, not a group's.
            let rank = report
                .plan
                .iter()
                .find(|p| p.id == row.id)
                .filter(|_| field.is_empty())
                .map(|p| p.rank);
            let change = row.change.as_ref().filter(|c| !c.withheld);
            record.extend([
                count(stats.and_then(|s| s.not_applicable)),
                Field::Number(row.target),
                count(stats.and_then(|s| s.below_target)),
                figure(stats.and_then(|s| s.gap)),
                figure(stats.and_then(|s| s.need)),
                Field::Count(rank),
                figure(change.and_then(|c| c.previous_mean)),
                figure(change.and_then(|c| c.change)),
            ]);
            records.rows.push(record);
        }
    }
    records
}

/// The schooling plan, the greatest need first: a sheet of its own in the XLSX.
pub fn plan(report: &TeamReport) -> Records {
    let mut records = Records::new([
        "plan_rank",
        "competency",
        "competency_name",
        "mean",
        "target",
        "gap",
        "below_target",
        "scans",
        "need",
    ]);
    for entry in &report.plan {
        records.rows.push(vec![
            Field::from(entry.rank),
            Field::from(&entry.id),
            Field::from(&entry.name),
            Field::Figure(Some(entry.mean.value())),
            Field::Number(Some(entry.target)),
            Field::Figure(Some(entry.gap.value())),
            Field::from(entry.below_target.get()),
            Field::from(entry.scans.get()),
            Field::Figure(Some(entry.need.value())),
        ]);
    }
    records
}
