//! The candidate scorecard: per competency every interviewer's rating and notes, the mean and
//! the spread, with a 2-point disagreement flagged "bespreken"; and each interviewer's advice.
//! With a vacancy, the total weighted by its weights and its must-haves checked. Also the
//! comparison of candidates built from their scorecards.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::framework::{Framework, Library, Scale};
use crate::result::decision::DecisionResult;
use crate::result::interview::{InterviewResult, LoadedInterview};
use crate::score::{PanelScore, mean_of, panel_score, round2};
use crate::t;
use crate::vacancy::Vacancy;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Scorecard {
    pub candidate: String,
    pub framework: String,
    pub framework_name: String,
    pub interviewers: Vec<String>,
    pub dates: Vec<String>,
    pub competencies: Vec<ScorecardRow>,
    /// The mean of the competencies' means, every competency weighing the same.
    pub overall: Option<f64>,
    /// The name of the vacancy the candidate is weighed for, if any.
    pub vacancy: Option<String>,
    /// With a vacancy: the competencies' means weighted by its weights.
    pub weighted: Option<f64>,
    /// With a vacancy: each must-have and whether it is met.
    pub must_haves: Vec<MustHave>,
    /// How many competencies are flagged for discussion.
    pub flagged: usize,
    /// The flagged competencies with the ratings that differ.
    pub disputes: Vec<Dispute>,
    pub advice: Vec<AdviceEntry>,
    /// What the panel agreed after discussing the interviews, if a decision was given.
    pub decision: Option<PanelDecision>,
    pub complete: bool,
    pub warnings: Vec<String>,
    /// Who of the vacancy's panel did not interview the candidate, and who interviewed without
    /// being on it.
    pub panel_notes: Vec<String>,
    /// The lowest and highest point of the interview scale, which charts span.
    #[serde(skip)]
    pub scale_range: (f64, f64),
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScorecardRow {
    pub id: String,
    pub name: String,
    /// How much the competency weighs in the weighted total (1 without a vacancy).
    pub weight: f64,
    pub ratings: Vec<InterviewerRating>,
    #[serde(flatten)]
    pub panel: PanelScore,
    /// With a decision: the rating the panel agreed on (none for "niet beoordeeld").
    pub agreed: Option<u8>,
    pub agreed_reason: Option<String>,
    /// The agreed rating is a point or more from the mechanical mean.
    pub agreed_differs: bool,
}

/// An agreed rating this far from the mechanical mean, or further, is flagged: the panel's
/// discussion moved the rating, which the mean of separate ratings predicts better.
pub const DECISION_DIFFERENCE: f64 = 1.0;

/// The panel's decision on the candidate (`kind: decision`).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PanelDecision {
    /// The decision in the reader's language, and as the file has it (`tweede-gesprek`).
    pub decision: Option<String>,
    pub decision_id: Option<String>,
    pub advice: Option<String>,
    pub advice_id: Option<String>,
    pub motivation: Option<String>,
    pub participants: Vec<String>,
    /// The day of the discussion.
    pub date: Option<String>,
    /// How many agreed ratings are a point or more from the mechanical mean.
    pub differs: usize,
    pub complete: bool,
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

/// A vacancy's must-have: the panel's mean on a competency at least `minimum`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct MustHave {
    pub competency: String,
    pub name: String,
    pub minimum: f64,
    pub mean: Option<f64>,
    /// Not met when below the minimum, or when nobody rated the competency.
    pub met: bool,
}

/// A competency on which the interviewers differ by the disagreement threshold or more.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Dispute {
    pub competency: String,
    pub name: String,
    /// (interviewer, rating) of those who rated it, in the order of the interviews.
    pub ratings: Vec<(String, u8)>,
}

impl Dispute {
    /// "Creativiteit: 2 en 4".
    pub fn text(&self) -> String {
        let ratings: Vec<String> = self.ratings.iter().map(|(_, r)| r.to_string()).collect();
        format!("{}: {}", self.name, joined(&ratings))
    }
}

/// "2", "2 en 4", "2, 3 en 4".
pub fn joined(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), t!("word.and")),
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AdviceEntry {
    pub interviewer: String,
    /// The advice in the reader's language.
    pub advice: Option<String>,
    /// The advice as the result file has it (`zeker-wel`), for machine formats.
    pub advice_id: Option<String>,
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
    vacancy: Option<&Vacancy>,
    decision: Option<&DecisionResult>,
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
            let panel = panel_score(&given);
            let agreed = decision.and_then(|d| d.agreed_score(&competency.id));
            ScorecardRow {
                id: competency.id.clone(),
                name: competency.name.clone(),
                weight: vacancy
                    .map_or(crate::vacancy::DEFAULT_WEIGHT, |v| v.weight(&competency.id)),
                ratings,
                agreed,
                agreed_reason: decision
                    .and_then(|d| d.agreed.get(&competency.id)?.reason.clone())
                    .filter(|r| !r.is_empty()),
                agreed_differs: differs(agreed, panel.mean),
                panel,
            }
        })
        .collect();
    let first = &results[0];
    let interviewers: Vec<String> = results.iter().map(|r| r.interviewer.clone()).collect();
    Ok(Scorecard {
        candidate: first.candidate.clone(),
        framework: framework.id.clone(),
        framework_name: framework.name.clone(),
        dates: results.iter().map(|r| r.date().to_string()).collect(),
        overall: mean_of(competencies.iter().map(|c| c.panel.mean)),
        vacancy: vacancy.map(|v| v.name.clone()),
        weighted: vacancy.and_then(|_| weighted_mean(&competencies)),
        must_haves: vacancy.map_or_else(Vec::new, |v| must_haves(v, framework, &competencies)),
        flagged: competencies.iter().filter(|c| c.panel.discuss).count(),
        disputes: competencies.iter().filter_map(dispute).collect(),
        panel_notes: vacancy.map_or_else(Vec::new, |v| {
            panel_notes(v, &first.candidate, &interviewers)
        }),
        interviewers,
        advice: results
            .iter()
            .map(|r| AdviceEntry {
                interviewer: r.interviewer.clone(),
                advice: r.advice.map(|a| a.label()),
                advice_id: r.advice.map(|a| a.id().to_string()),
                motivation: r.motivation.clone(),
            })
            .collect(),
        complete: results.iter().all(|r| r.complete),
        decision: decision.map(|d| panel_decision(d, &competencies)),
        competencies,
        warnings: interviews.iter().flat_map(|i| i.warnings.clone()).collect(),
        scale_range: Scale::range_of(library.scale(&framework.scales.interview)),
    })
}

/// Whether an agreed rating is a point or more from the mean (a small margin for the rounding
/// of the mean to two decimals).
fn differs(agreed: Option<u8>, mean: Option<f64>) -> bool {
    match (agreed, mean) {
        (Some(agreed), Some(mean)) => {
            (f64::from(agreed) - mean).abs() >= DECISION_DIFFERENCE - 1e-9
        }
        _ => false,
    }
}

fn panel_decision(decision: &DecisionResult, rows: &[ScorecardRow]) -> PanelDecision {
    PanelDecision {
        decision: decision.decision.map(|d| d.label()),
        decision_id: decision.decision.map(|d| d.id().to_string()),
        advice: decision.advice.map(|a| a.label()),
        advice_id: decision.advice.map(|a| a.id().to_string()),
        motivation: decision.motivation.clone().filter(|m| !m.is_empty()),
        participants: decision.participants.clone().unwrap_or_default(),
        date: decision.decided.clone(),
        differs: rows.iter().filter(|r| r.agreed_differs).count(),
        complete: decision.complete,
    }
}

/// The competencies' means weighted: sum(weight × mean) / sum(weight) over the competencies
/// with a mean, so that one nobody rated neither counts as zero nor shifts the others' weight.
fn weighted_mean(rows: &[ScorecardRow]) -> Option<f64> {
    let rated: Vec<(f64, f64)> = rows
        .iter()
        .filter_map(|r| r.panel.mean.map(|m| (r.weight, m)))
        .collect();
    let total: f64 = rated.iter().map(|(w, _)| w).sum();
    (total > 0.0).then(|| round2(rated.iter().map(|(w, m)| w * m).sum::<f64>() / total))
}

/// The vacancy's must-haves in the framework's order, each against the panel's mean.
fn must_haves(vacancy: &Vacancy, framework: &Framework, rows: &[ScorecardRow]) -> Vec<MustHave> {
    framework
        .competencies
        .iter()
        .filter_map(|c| {
            let minimum = *vacancy.must_haves.get(&c.id)?;
            let mean = rows
                .iter()
                .find(|r| r.id == c.id)
                .and_then(|r| r.panel.mean);
            Some(MustHave {
                competency: c.id.clone(),
                name: c.name.clone(),
                minimum,
                mean,
                met: mean.is_some_and(|m| m >= minimum),
            })
        })
        .collect()
}

fn dispute(row: &ScorecardRow) -> Option<Dispute> {
    row.panel.discuss.then(|| Dispute {
        competency: row.id.clone(),
        name: row.name.clone(),
        ratings: row
            .ratings
            .iter()
            .filter_map(|r| Some((r.interviewer.clone(), r.rating?)))
            .collect(),
    })
}

/// What the vacancy's panel says about who interviewed `candidate`.
fn panel_notes(vacancy: &Vacancy, candidate: &str, interviewers: &[String]) -> Vec<String> {
    if vacancy.panel.is_empty() {
        return Vec::new();
    }
    let on_panel = |name: &str| {
        vacancy
            .panel
            .iter()
            .any(|p| crate::person::same_person(p, name))
    };
    let missing = vacancy
        .panel
        .iter()
        .filter(|p| {
            !interviewers
                .iter()
                .any(|i| crate::person::same_person(i, p))
        })
        .map(|p| {
            t!(
                "vacancy.not_interviewed",
                interviewer = p,
                candidate = candidate
            )
        });
    let outside = interviewers.iter().filter(|i| !on_panel(i)).map(|i| {
        t!(
            "vacancy.not_on_panel",
            interviewer = i,
            candidate = candidate
        )
    });
    missing.chain(outside).collect()
}

/// Candidates side by side: means per competency, overall score, flagged disagreements.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    pub framework: String,
    pub framework_name: String,
    pub competencies: Vec<(String, String)>,
    /// The vacancy the candidates are weighed for: its weights and must-haves per competency.
    /// Without one every competency weighs the same.
    pub vacancy: Option<VacancySummary>,
    /// Best total first: the weighted total with a vacancy, else the overall score.
    pub candidates: Vec<CandidateRow>,
    /// The newest interview date of all candidates.
    #[serde(skip)]
    pub date: String,
    /// The lowest and highest point of the interview scale, which charts span.
    #[serde(skip)]
    pub scale_range: (f64, f64),
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VacancySummary {
    pub name: String,
    /// Per competency of the comparison, in its order.
    pub competencies: Vec<VacancyCompetency>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VacancyCompetency {
    pub competency: String,
    pub name: String,
    pub weight: f64,
    pub minimum: Option<f64>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CandidateRow {
    pub rank: usize,
    pub candidate: String,
    pub interviewers: usize,
    pub means: Vec<Option<f64>>,
    pub overall: Option<f64>,
    /// With a vacancy: the weighted total, which ranks.
    pub weighted: Option<f64>,
    /// With a vacancy: every must-have, met or not.
    pub must_haves: Vec<MustHave>,
    pub flagged: usize,
    pub disputes: Vec<Dispute>,
    /// The advice given, in the reader's language (kept as it was; `advice_by` says who).
    pub advice: Vec<String>,
    /// Each interviewer's advice.
    pub advice_by: Vec<AdviceEntry>,
    pub panel_notes: Vec<String>,
    /// With a decision: what the panel decided (in the reader's language, and its id).
    pub decision: Option<String>,
    pub decision_id: Option<String>,
    /// With a decision: per competency of the comparison, the agreed rating.
    pub agreed: Vec<Option<u8>>,
    /// With a decision: the competencies whose agreed rating is a point or more from the mean.
    pub agreed_differs: Vec<String>,
}

impl CandidateRow {
    /// The must-haves the candidate does not meet.
    pub fn failed(&self) -> impl Iterator<Item = &MustHave> {
        self.must_haves.iter().filter(|m| !m.met)
    }
}

/// Builds the comparison from the scorecards of several candidates (one framework), weighed
/// for `vacancy` when there is one (the scorecards were built with it).
pub fn compare(
    framework: &Framework,
    scorecards: &[Scorecard],
    vacancy: Option<&Vacancy>,
) -> Comparison {
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
            weighted: card.weighted,
            must_haves: card.must_haves.clone(),
            flagged: card.flagged,
            disputes: card.disputes.clone(),
            advice: card
                .advice
                .iter()
                .filter_map(|a| a.advice.clone())
                .collect(),
            advice_by: card.advice.clone(),
            panel_notes: card.panel_notes.clone(),
            decision: card.decision.as_ref().and_then(|d| d.decision.clone()),
            decision_id: card.decision.as_ref().and_then(|d| d.decision_id.clone()),
            agreed: competencies
                .iter()
                .map(|(id, _)| {
                    let row = card.competencies.iter().find(|r| &r.id == id)?;
                    row.agreed
                })
                .collect(),
            agreed_differs: card
                .competencies
                .iter()
                .filter(|r| r.agreed_differs)
                .map(|r| r.id.clone())
                .collect(),
        })
        .collect();
    // Highest total first; candidates without a score last; ties by name for a stable order.
    let weighed = vacancy.is_some();
    candidates.sort_by(|a, b| {
        let key = |c: &CandidateRow| {
            let total = if weighed { c.weighted } else { c.overall };
            total.unwrap_or(f64::NEG_INFINITY)
        };
        key(b)
            .partial_cmp(&key(a))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.candidate.cmp(&b.candidate))
    });
    for (index, row) in candidates.iter_mut().enumerate() {
        row.rank = index + 1;
    }
    let vacancy = vacancy.map(|v| VacancySummary {
        name: v.name.clone(),
        competencies: competencies
            .iter()
            .map(|(id, name)| VacancyCompetency {
                competency: id.clone(),
                name: name.clone(),
                weight: v.weight(id),
                minimum: v.must_haves.get(id).copied(),
            })
            .collect(),
    });
    Comparison {
        framework: framework.id.clone(),
        framework_name: framework.name.clone(),
        vacancy,
        competencies,
        candidates,
        date: scorecards
            .iter()
            .flat_map(|c| c.dates.iter())
            .max()
            .cloned()
            .unwrap_or_default(),
        scale_range: scorecards
            .first()
            .map_or(Scale::range_of(None), |c| c.scale_range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(weight: f64, ratings: &[Option<u8>]) -> ScorecardRow {
        ScorecardRow {
            id: String::new(),
            name: String::new(),
            weight,
            ratings: Vec::new(),
            panel: panel_score(ratings),
            agreed: None,
            agreed_reason: None,
            agreed_differs: false,
        }
    }

    #[test]
    fn the_weighted_mean_leaves_out_what_nobody_rated() {
        // (2 × 4 + 1 × 3) / 3 = 11 / 3 = 3.67; the third competency, rated by nobody, counts
        // neither as zero nor with its weight.
        let rows = [
            row(2.0, &[Some(4), Some(4)]),
            row(1.0, &[Some(2), Some(4)]),
            row(5.0, &[None, None]),
        ];
        assert_eq!(weighted_mean(&rows), Some(3.67));
        // Weight 0 leaves a competency out; nothing left is no total.
        assert_eq!(
            weighted_mean(&[row(0.0, &[Some(5)]), row(1.0, &[Some(1)])]),
            Some(1.0)
        );
        assert_eq!(weighted_mean(&[row(0.0, &[Some(5)])]), None);
    }

    #[test]
    fn ratings_are_joined_as_people_write_them() {
        let items = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(joined(&items(&["2"])), "2");
        assert_eq!(joined(&items(&["2", "4"])), "2 en 4");
        assert_eq!(joined(&items(&["2", "3", "4"])), "2, 3 en 4");
    }
}
