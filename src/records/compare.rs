//! The comparison as records: one row per candidate, one column per competency; then the
//! weighted total, the must-haves not met, the disputed competencies with their ratings and
//! each interviewer's advice, ids and values as the files have them.

use super::{Column, Field, Records};
use crate::report::scorecard::Comparison;

pub fn records(comparison: &Comparison) -> Records {
    let mut records = Records::new(["rank", "candidate", "interviewers"]);
    // A column per competency, named by its id in every language: the ids are the data's.
    records.columns.extend(
        comparison
            .competencies
            .iter()
            .map(|(id, _)| Column::named(id.clone(), id.clone())),
    );
    records.columns.extend(
        [
            "overall",
            "flagged",
            "weighted",
            "must_haves_not_met",
            "disputed",
            "advice",
            "decision",
            "agreed_differs",
        ]
        .map(Column::fixed),
    );
    for row in &comparison.candidates {
        let mut record = vec![
            Field::from(row.rank),
            Field::from(&row.candidate),
            Field::from(row.interviewers),
        ];
        record.extend(row.means.iter().map(|m| Field::Number(*m)));
        let failed: Vec<&str> = row.failed().map(|m| m.competency.as_str()).collect();
        // "creativiteit=2/4", "overtuigingskracht=2/3/4"
        let disputed: Vec<String> = row
            .disputes
            .iter()
            .map(|d| {
                let ratings: Vec<String> = d.ratings.iter().map(|(_, r)| r.to_string()).collect();
                format!("{}={}", d.competency, ratings.join("/"))
            })
            .collect();
        // "Ans de Groot=wel; Pieter Smit=zeker-wel"
        let advice: Vec<String> = row
            .advice_by
            .iter()
            .map(|a| format!("{}={}", a.interviewer, a.advice_id.as_deref().unwrap_or("")))
            .collect();
        record.extend([
            Field::Number(row.overall),
            Field::from(row.flagged),
            Field::Number(row.weighted),
            Field::Text(failed.join(" ")),
            Field::Text(disputed.join(" ")),
            Field::Text(advice.join("; ")),
            Field::Text(row.decision_id.clone().unwrap_or_default()),
            Field::Text(row.agreed_differs.join(" ")),
        ]);
        records.rows.push(record);
    }
    records
}
