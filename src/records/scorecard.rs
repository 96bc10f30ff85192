//! The scorecard as records: one row per competency and interviewer.

use super::{Field, Records};
use crate::report::scorecard::Scorecard;

pub fn records(card: &Scorecard) -> Records {
    let mut records = Records::new([
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
        "weight",
        "minimum",
        "agreed",
        "agreed_differs",
    ]);
    for row in &card.competencies {
        let minimum = card
            .must_haves
            .iter()
            .find(|m| m.competency == row.id)
            .map(|m| m.minimum);
        for rating in &row.ratings {
            records.rows.push(vec![
                Field::from(&card.candidate),
                Field::from(&row.id),
                Field::from(&row.name),
                Field::from(&rating.interviewer),
                Field::Count(rating.rating.map(usize::from)),
                Field::from(rating.observed),
                Field::from(rating.indicators),
                Field::Number(row.panel.mean),
                Field::Count(row.panel.spread.map(usize::from)),
                Field::Flag(row.panel.discuss),
                Field::Number(Some(row.weight)),
                Field::Number(minimum),
                Field::Count(row.agreed.map(usize::from)),
                Field::Flag(row.agreed_differs),
            ]);
        }
    }
    records
}

/// Each interviewer's advice and motivation: a sheet of its own in the XLSX.
pub fn advice(card: &Scorecard) -> Records {
    let mut records = Records::new(["candidate", "interviewer", "advice", "motivation"]);
    for entry in &card.advice {
        records.rows.push(vec![
            Field::from(&card.candidate),
            Field::from(&entry.interviewer),
            Field::Text(entry.advice.clone().unwrap_or_default()),
            Field::Text(entry.motivation.clone().unwrap_or_default()),
        ]);
    }
    records
}
