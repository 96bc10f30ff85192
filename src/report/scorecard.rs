//! The candidate scorecard: per competency every interviewer's rating and notes, the mean and
//! the spread, with a 2-point disagreement flagged "bespreken"; and each interviewer's advice.
//! Also the comparison of candidates built from their scorecards.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::framework::{Framework, Library};
use crate::layout::chart::scale_range;
use crate::result::interview::{InterviewResult, LoadedInterview};
use crate::score::{PanelScore, mean_of, panel_score};
use crate::t;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Scorecard {
    pub candidate: String,
    pub framework: String,
    pub framework_name: String,
    pub interviewers: Vec<String>,
    pub dates: Vec<String>,
    pub competencies: Vec<ScorecardRow>,
    pub overall: Option<f64>,
    /// How many competencies are flagged for discussion.
    pub flagged: usize,
    pub advice: Vec<AdviceEntry>,
    pub complete: bool,
    pub warnings: Vec<String>,
    /// The lowest and highest point of the interview scale, which charts span.
    #[serde(skip)]
    pub scale_range: (f64, f64),
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScorecardRow {
    pub id: String,
    pub name: String,
    pub ratings: Vec<InterviewerRating>,
    #[serde(flatten)]
    pub panel: PanelScore,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct InterviewerRating {
    pub interviewer: String,
    /// None when not rated (or not yet).
    pub rating: Option<u8>,
    pub observed: usize,
    pub indicators: usize,
    /// (question, note) for every question asked.
    pub notes: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AdviceEntry {
    pub interviewer: String,
    pub advice: Option<String>,
    pub motivation: Option<String>,
}

/// Checks that the interviews belong together: one framework, one candidate, one interview
/// per interviewer. Mixing is refused with the files named.
pub fn check_panel(interviews: &[LoadedInterview]) -> Result<()> {
    let Some(first) = interviews.first() else {
        return Ok(());
    };
    for other in &interviews[1..] {
        let (a, b) = (first.path.display(), other.path.display());
        if other.result.framework != first.result.framework {
            return Err(Error::Usage(t!("scorecard.other_framework", a = a, b = b)));
        }
        if other.result.candidate != first.result.candidate {
            return Err(Error::Usage(t!("scorecard.other_candidate", a = a, b = b)));
        }
    }
    for (index, interview) in interviews.iter().enumerate() {
        if let Some(twice) = interviews[..index]
            .iter()
            .find(|i| i.result.interviewer == interview.result.interviewer)
        {
            return Err(Error::Usage(t!(
                "scorecard.same_interviewer",
                a = twice.path.display(),
                b = interview.path.display()
            )));
        }
    }
    Ok(())
}

/// The competencies a panel rated: those any interview asks (all with questions when none).
fn panel_competencies<'a>(
    framework: &'a Framework,
    interviews: &[&InterviewResult],
) -> Vec<&'a crate::framework::Competency> {
    let everything = interviews.iter().any(|i| i.competencies.is_empty());
    framework
        .competencies
        .iter()
        .filter(|c| !c.questions.is_empty())
        .filter(|c| everything || interviews.iter().any(|i| i.competencies.contains(&c.id)))
        .collect()
}

pub fn build(
    library: &Library,
    framework: &Framework,
    interviews: &[LoadedInterview],
) -> Result<Scorecard> {
    check_panel(interviews)?;
    let results: Vec<&InterviewResult> = interviews.iter().map(|i| &i.result).collect();
    let competencies: Vec<ScorecardRow> = panel_competencies(framework, &results)
        .into_iter()
        .map(|competency| {
            let ratings: Vec<InterviewerRating> = results
                .iter()
                .map(|result| {
                    let record = result.ratings.get(&competency.id);
                    let notes = record
                        .map(|r| {
                            r.asked
                                .iter()
                                .filter_map(|id| {
                                    let question =
                                        competency.questions.iter().find(|q| &q.id == id)?;
                                    let note = r.notes.get(id).cloned().unwrap_or_default();
                                    Some((question.text.clone(), note))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    InterviewerRating {
                        interviewer: result.interviewer.clone(),
                        rating: record.and_then(|r| r.rating).and_then(|r| r.score()),
                        observed: record.map_or(0, |r| r.observed.len()),
                        indicators: competency.indicators.len(),
                        notes,
                    }
                })
                .collect();
            let given: Vec<Option<u8>> = ratings.iter().map(|r| r.rating).collect();
            ScorecardRow {
                id: competency.id.clone(),
                name: competency.name.clone(),
                ratings,
                panel: panel_score(&given),
            }
        })
        .collect();
    let first = &results[0];
    Ok(Scorecard {
        candidate: first.candidate.clone(),
        framework: framework.id.clone(),
        framework_name: framework.name.clone(),
        interviewers: results.iter().map(|r| r.interviewer.clone()).collect(),
        dates: results.iter().map(|r| r.date().to_string()).collect(),
        overall: mean_of(competencies.iter().map(|c| c.panel.mean)),
        flagged: competencies.iter().filter(|c| c.panel.discuss).count(),
        advice: results
            .iter()
            .map(|r| AdviceEntry {
                interviewer: r.interviewer.clone(),
                advice: r.advice.map(|a| a.label()),
                motivation: r.motivation.clone(),
            })
            .collect(),
        complete: results.iter().all(|r| r.complete),
        competencies,
        warnings: interviews.iter().flat_map(|i| i.warnings.clone()).collect(),
        scale_range: scale_range(library.scale(&framework.scales.interview)),
    })
}

/// Candidates side by side: means per competency, overall score, flagged disagreements.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    pub framework: String,
    pub framework_name: String,
    pub competencies: Vec<(String, String)>,
    /// Best overall score first.
    pub candidates: Vec<CandidateRow>,
    /// The newest interview date of all candidates.
    #[serde(skip)]
    pub date: String,
    /// The lowest and highest point of the interview scale, which charts span.
    #[serde(skip)]
    pub scale_range: (f64, f64),
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CandidateRow {
    pub rank: usize,
    pub candidate: String,
    pub interviewers: usize,
    pub means: Vec<Option<f64>>,
    pub overall: Option<f64>,
    pub flagged: usize,
    pub advice: Vec<String>,
}

/// Builds the comparison from the scorecards of several candidates (one framework).
pub fn compare(framework: &Framework, scorecards: &[Scorecard]) -> Comparison {
    let competencies: Vec<(String, String)> = framework
        .competencies
        .iter()
        .filter(|c| {
            scorecards
                .iter()
                .any(|s| s.competencies.iter().any(|r| r.id == c.id))
        })
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let mut candidates: Vec<CandidateRow> = scorecards
        .iter()
        .map(|card| CandidateRow {
            rank: 0,
            candidate: card.candidate.clone(),
            interviewers: card.interviewers.len(),
            means: competencies
                .iter()
                .map(|(id, _)| {
                    card.competencies
                        .iter()
                        .find(|r| &r.id == id)
                        .and_then(|r| r.panel.mean)
                })
                .collect(),
            overall: card.overall,
            flagged: card.flagged,
            advice: card
                .advice
                .iter()
                .filter_map(|a| a.advice.clone())
                .collect(),
        })
        .collect();
    // Highest overall first; candidates without a score last; ties by name for a stable order.
    candidates.sort_by(|a, b| {
        let key = |c: &CandidateRow| c.overall.unwrap_or(f64::NEG_INFINITY);
        key(b)
            .partial_cmp(&key(a))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.candidate.cmp(&b.candidate))
    });
    for (index, row) in candidates.iter_mut().enumerate() {
        row.rank = index + 1;
    }
    Comparison {
        framework: framework.id.clone(),
        framework_name: framework.name.clone(),
        competencies,
        candidates,
        date: scorecards
            .iter()
            .flat_map(|c| c.dates.iter())
            .max()
            .cloned()
            .unwrap_or_default(),
        scale_range: scorecards.first().map_or((1.0, 5.0), |c| c.scale_range),
    }
}
