//! The panel's agreement as records: one row per competency with its ICC (the form and the
//! reading by their ids, as in the JSON); and one per interviewer with the leniency, a sheet of
//! its own in the XLSX.

use super::{Field, Records};
use crate::report::panel::PanelAgreement;

pub fn records(panel: &PanelAgreement) -> Records {
    let mut records = Records::new([
        "competency",
        "competency_name",
        "icc_form",
        "icc",
        "icc_reading",
        "candidates",
        "ratings",
        "not_rated",
    ]);
    for c in &panel.competencies {
        records.rows.push(vec![
            Field::from(&c.id),
            Field::from(&c.name),
            Field::from(c.form.map_or("", |f| f.label())),
            Field::Number(c.icc),
            Field::from(c.reading.map_or("", |r| r.id())),
            Field::from(c.candidates),
            Field::from(c.ratings),
            Field::from(c.not_rated),
        ]);
    }
    records
}

pub fn leniency(panel: &PanelAgreement) -> Records {
    let mut records = Records::new(["interviewer", "ratings", "leniency", "not_rated"]);
    for l in &panel.leniency {
        records.rows.push(vec![
            Field::from(&l.interviewer),
            Field::from(l.ratings),
            Field::Number(l.leniency),
            Field::from(l.not_rated),
        ]);
    }
    records
}
