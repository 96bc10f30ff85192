//! The comparison as records: one row per candidate, one column per competency.

use super::{Field, Records};
use crate::report::scorecard::Comparison;

pub fn records(comparison: &Comparison) -> Records {
    let mut header = vec![
        "rank".to_string(),
        "candidate".to_string(),
        "interviewers".to_string(),
    ];
    header.extend(comparison.competencies.iter().map(|(id, _)| id.clone()));
    header.extend(["overall".to_string(), "flagged".to_string()]);
    let mut records = Records::new(header);
    for row in &comparison.candidates {
        let mut record = vec![
            Field::from(row.rank),
            Field::from(&row.candidate),
            Field::from(row.interviewers),
        ];
        record.extend(row.means.iter().map(|m| Field::Number(*m)));
        record.extend([Field::Number(row.overall), Field::from(row.flagged)]);
        records.rows.push(record);
    }
    records
}
