//! The dossier of a vacancy: the comparison of the candidates, then per candidate the scorecard,
//! every interview in full and the panel's decision; or, for one candidate (right of access),
//! only their interviews and the decision on them.

use serde::Serialize;

use crate::framework::Framework;
use crate::report::scorecard::{Comparison, Scorecard};
use crate::result::interview::{InterviewResult, Rating};
use crate::t;

#[derive(Debug, Clone, Serialize)]
pub struct Dossier {
    pub framework_name: String,
    /// The vacancy the candidates were interviewed for, if given.
    pub vacancy: Option<String>,
    /// All candidates side by side; none in a dossier of one candidate.
    pub comparison: Option<Comparison>,
    pub candidates: Vec<CandidateFile>,
    /// The one candidate the dossier is limited to (`--candidate`).
    pub only: Option<String>,
    #[serde(skip)]
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CandidateFile {
    pub candidate: String,
    /// The scorecard (with the decision when there is one).
    pub scorecard: Scorecard,
    /// Whether the scorecard is shown: not in a dossier of one candidate, which holds their
    /// interviews and the decision only.
    pub show_scorecard: bool,
    pub interviews: Vec<InterviewInFull>,
}

/// One interview as the interviewer recorded it.
#[derive(Debug, Clone, Serialize)]
pub struct InterviewInFull {
    pub interviewer: String,
    pub date: String,
    pub complete: bool,
    pub competencies: Vec<InterviewedCompetency>,
    pub advice: Option<String>,
    pub motivation: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InterviewedCompetency {
    pub name: String,
    /// "4 goed", "niet beoordeeld", or none when not rated (yet).
    pub rating: Option<String>,
    /// The behaviour indicators seen, as the framework words them.
    pub observed: Vec<String>,
    /// (question, note) for every question asked; the note may be empty.
    pub asked: Vec<(String, String)>,
}

/// The interview `result` in full, in the order of `framework`: every competency it asks.
pub fn in_full(
    framework: &Framework,
    scale: &crate::framework::Scale,
    result: &InterviewResult,
) -> InterviewInFull {
    let competencies = framework
        .interview_competencies(&result.competencies)
        .into_iter()
        .map(|competency| {
            let record = result.ratings.get(&competency.id);
            let rating = record.and_then(|r| r.rating).map(|rating| match rating {
                Rating::Score(value) => match scale.point(value) {
                    Some(point) => format!("{value} {}", point.label),
                    None => value.to_string(),
                },
                Rating::NotRated => t!("interview.not_rated"),
            });
            let observed = competency
                .indicators
                .iter()
                .filter(|i| record.is_some_and(|r| r.observed.contains(&i.id)))
                .map(|i| i.text.clone())
                .collect();
            let asked = competency
                .questions
                .iter()
                .filter(|q| record.is_some_and(|r| r.asked.contains(&q.id)))
                .map(|q| {
                    let note = record.and_then(|r| r.notes.get(&q.id)).cloned();
                    (q.text.clone(), note.unwrap_or_default())
                })
                .collect();
            InterviewedCompetency {
                name: competency.name.clone(),
                rating,
                observed,
                asked,
            }
        })
        .collect();
    InterviewInFull {
        interviewer: result.interviewer.clone(),
        date: crate::layout::day(&result.started),
        complete: result.complete,
        competencies,
        advice: result.advice.map(|a| a.label()),
        motivation: result.motivation.clone(),
    }
}
