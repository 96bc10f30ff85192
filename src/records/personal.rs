//! The personal report as records: one row per competency, with the ids of its lowest and
//! highest statements (space-separated when several share the answer) and, over earlier scans,
//! a `score_YYYY-MM-DD` column per earlier scan, the first first.

use super::{Column, Field, Records};
use crate::report::personal::{PersonalReport, StatementAnswer};
use crate::report::plan::{PlanGoal, PlanSection};
use crate::result::Answer;

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
        "lowest_statements",
        "lowest_answer",
        "highest_statements",
        "highest_answer",
    ]);
    // Every scan but the report's own (its score is `score`).
    let earlier = report
        .trend
        .as_ref()
        .map_or(&[][..], |t| &t.dates[..t.dates.len().saturating_sub(1)]);
    records.columns.extend(
        earlier
            .iter()
            .map(|date| Column::named(format!("score_{date}"), format!("score_{date}"))),
    );
    for result in &report.competencies {
        let c = &result.score;
        let ids = |list: &[&StatementAnswer]| {
            list.iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        // The lowest and highest are of the statements answered with a point: a number.
        let answer = |list: &[&StatementAnswer]| {
            Field::Count(list.first().and_then(|s| match s.answer {
                Some(Answer::Score(point)) => Some(usize::from(point)),
                _ => None,
            }))
        };
        let (lowest, highest) = (result.lowest(), result.highest());
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
            Field::Text(ids(&lowest)),
            answer(&lowest),
            Field::Text(ids(&highest)),
            answer(&highest),
        ]);
        let trend = report
            .trend
            .as_ref()
            .and_then(|t| t.rows.iter().find(|r| r.id == c.id));
        if let Some(row) = records.rows.last_mut() {
            row.extend(
                (0..earlier.len())
                    .map(|n| Field::Number(trend.and_then(|t| t.scores.get(n).copied().flatten()))),
            );
        }
    }
    if let Some(plan) = &report.plan {
        add_plan(&mut records, report, plan);
    }
    records
}

/// With `--plan`: per competency row what the plan says for it (empty where it has no goal),
/// and the change since the plan's scan at a follow-up.
fn add_plan(records: &mut Records, report: &PersonalReport, plan: &PlanSection) {
    records.columns.extend(
        [
            "plan_goal",
            "plan_actions",
            "plan_by",
            "plan_support",
            "plan_evidence",
            "plan_change",
        ]
        .map(super::Column::fixed),
    );
    for (row, result) in records.rows.iter_mut().zip(&report.competencies) {
        let goal = plan.goals.iter().find(|g| g.competency == result.score.id);
        let text = |f: fn(&PlanGoal) -> Option<&String>| {
            Field::Text(goal.and_then(f).cloned().unwrap_or_default())
        };
        row.push(text(|g| g.goal.as_ref()));
        row.push(Field::Text(
            goal.map(|g| g.actions.join("; ")).unwrap_or_default(),
        ));
        row.push(text(|g| g.by.as_ref()));
        row.push(text(|g| g.support.as_ref()));
        row.push(text(|g| g.evidence.as_ref()));
        row.push(Field::Number(goal.and_then(|g| g.change)));
    }
}
