//! Scoring: pure functions from a framework, targets and results to numbers. A competency's
//! score is the mean of its answered statements ("not applicable" left out); the gap is the
//! target minus the score.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::framework::{Competency, Framework};
use crate::result::{Answer, ScanResult};

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CompetencyScore {
    pub id: String,
    pub name: String,
    /// Mean of the answered statements; none when nothing was answered.
    pub score: Option<f64>,
    /// Statements answered with a score.
    pub answered: usize,
    pub not_applicable: usize,
    /// How many statements the competency has (the personal report lists them instead).
    #[serde(skip)]
    pub statements: usize,
    pub target: Option<f64>,
    /// Target minus score: positive means below target.
    pub gap: Option<f64>,
}

/// Rounds to two decimals, so that reports and files show the same number.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

pub fn score_competency(
    competency: &Competency,
    answers: &BTreeMap<String, Answer>,
    target: Option<f64>,
) -> CompetencyScore {
    let mut sum = 0u32;
    let mut answered = 0usize;
    let mut not_applicable = 0usize;
    for indicator in &competency.indicators {
        match answers.get(&indicator.id) {
            Some(Answer::Score(value)) => {
                sum += u32::from(*value);
                answered += 1;
            }
            Some(Answer::NotApplicable) => not_applicable += 1,
            None => {}
        }
    }
    let score = (answered > 0).then(|| round2(f64::from(sum) / answered as f64));
    let gap = match (score, target) {
        (Some(score), Some(target)) => Some(round2(target - score)),
        _ => None,
    };
    CompetencyScore {
        id: competency.id.clone(),
        name: competency.name.clone(),
        score,
        answered,
        not_applicable,
        statements: competency.indicators.len(),
        target,
        gap,
    }
}

/// Scores every competency the scan asked.
pub fn score_scan(
    framework: &Framework,
    result: &ScanResult,
    targets: Option<&BTreeMap<String, f64>>,
) -> Vec<CompetencyScore> {
    framework
        .scan_competencies(&result.competencies)
        .into_iter()
        .map(|competency| {
            let target = targets.and_then(|t| t.get(&competency.id)).copied();
            score_competency(competency, &result.answers, target)
        })
        .collect()
}

/// How many strengths and development points a report names at most.
pub const HIGHLIGHTS: usize = 3;

/// The strengths: the competencies at or above their target, ranked by how far above it they
/// are, so that one above target is never passed over for one just at target; equal margins go
/// by the higher score. Competencies without a target come after those with one, by score.
pub fn strengths(scores: &[CompetencyScore]) -> Vec<&CompetencyScore> {
    let mut candidates: Vec<&CompetencyScore> = scores
        .iter()
        .filter(|s| s.score.is_some() && s.gap.is_none_or(|gap| gap <= 0.0))
        .collect();
    // The key, largest first: has a target, the margin above it, the score.
    let key = |s: &CompetencyScore| {
        (
            s.gap.is_some(),
            s.gap.map_or(0.0, |gap| -gap),
            s.score.unwrap_or(f64::MIN),
        )
    };
    candidates.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        kb.0.cmp(&ka.0)
            .then(kb.1.total_cmp(&ka.1))
            .then(kb.2.total_cmp(&ka.2))
    });
    candidates.truncate(HIGHLIGHTS);
    candidates
}

/// The development points: furthest below target first; when fewer than three are below
/// target, the lowest scores that are not strengths fill the list.
pub fn development_points(scores: &[CompetencyScore]) -> Vec<&CompetencyScore> {
    let strong = strengths(scores);
    let mut below: Vec<&CompetencyScore> = scores
        .iter()
        .filter(|s| s.gap.is_some_and(|gap| gap > 0.0))
        .collect();
    below.sort_by(|a, b| {
        b.gap
            .partial_cmp(&a.gap)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    below.truncate(HIGHLIGHTS);
    let mut lowest: Vec<&CompetencyScore> = scores
        .iter()
        .filter(|s| s.score.is_some())
        .filter(|s| !below.iter().any(|b| b.id == s.id))
        .filter(|s| !strong.iter().any(|b| b.id == s.id))
        .collect();
    lowest.sort_by(|a, b| {
        a.score
            .partial_cmp(&b.score)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let room = HIGHLIGHTS.saturating_sub(below.len());
    below.extend(lowest.into_iter().take(room));
    below
}

/// The rating the ticked indicators suggest: the share observed, mapped onto the scale
/// (none observed is the lowest point, all observed the highest). The interviewer decides.
pub fn suggested_rating(observed: usize, total: usize, min: u8, max: u8) -> Option<u8> {
    if total == 0 || max < min {
        return None;
    }
    let share = observed.min(total) as f64 / total as f64;
    let value = f64::from(min) + share * f64::from(max - min);
    Some(value.round() as u8)
}

/// Interviewers whose ratings differ by this much or more should discuss before deciding.
pub const DISAGREEMENT: u8 = 2;

/// The panel's view of one competency: the mean of the given ratings, the spread (highest
/// minus lowest) and whether the spread calls for a discussion.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct PanelScore {
    pub mean: Option<f64>,
    pub spread: Option<u8>,
    pub discuss: bool,
    pub rated_by: usize,
}

/// Combines independent ratings mechanically; "not rated" (None) is left out.
pub fn panel_score(ratings: &[Option<u8>]) -> PanelScore {
    let given: Vec<u8> = ratings.iter().flatten().copied().collect();
    let mean = (!given.is_empty())
        .then(|| round2(given.iter().map(|&r| f64::from(r)).sum::<f64>() / given.len() as f64));
    let spread = match (given.iter().max(), given.iter().min()) {
        (Some(high), Some(low)) if given.len() > 1 => Some(high - low),
        _ => None,
    };
    PanelScore {
        mean,
        spread,
        discuss: spread.is_some_and(|s| s >= DISAGREEMENT),
        rated_by: given.len(),
    }
}

/// The mean of the values present, rounded; none when there are none.
pub fn mean_of(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let present: Vec<f64> = values.into_iter().flatten().collect();
    (!present.is_empty()).then(|| round2(present.iter().sum::<f64>() / present.len() as f64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Item;

    fn competency(id: &str, statements: usize) -> Competency {
        Competency {
            id: id.into(),
            number: None,
            name: id.to_uppercase(),
            cluster: None,
            definition: None,
            drivers: vec![],
            remarks: vec![],
            indicators: (1..=statements)
                .map(|i| Item {
                    id: format!("{id}.i{i}"),
                    text: "x".into(),
                    reference: None,
                    origin: Default::default(),
                })
                .collect(),
            questions: vec![],
            origin: Default::default(),
        }
    }

    fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    use Answer::{NotApplicable as Na, Score};

    /// answers, target -> score, answered, not applicable, gap
    type Case = (
        Vec<(&'static str, Answer)>,
        Option<f64>,
        Option<f64>,
        usize,
        usize,
        Option<f64>,
    );

    /// (answers, target) -> (score, answered, not applicable, gap)
    #[test]
    fn competency_scores() {
        let cases: Vec<Case> = vec![
            // all answered: mean 3.5, target 4 -> gap 0.5
            (
                vec![
                    ("a.i1", Score(3)),
                    ("a.i2", Score(4)),
                    ("a.i3", Score(3)),
                    ("a.i4", Score(4)),
                ],
                Some(4.0),
                Some(3.5),
                4,
                0,
                Some(0.5),
            ),
            // n.v.t. is left out of the mean, and counted
            (
                vec![
                    ("a.i1", Score(5)),
                    ("a.i2", Na),
                    ("a.i3", Score(4)),
                    ("a.i4", Na),
                ],
                Some(4.0),
                Some(4.5),
                2,
                2,
                Some(-0.5),
            ),
            // partial: only what is answered counts
            (
                vec![("a.i1", Score(2))],
                Some(4.0),
                Some(2.0),
                1,
                0,
                Some(2.0),
            ),
            // nothing answered, or only n.v.t.: no score, no gap
            (vec![], Some(4.0), None, 0, 0, None),
            (vec![("a.i1", Na)], Some(4.0), None, 0, 1, None),
            // no target: a score but no gap
            (vec![("a.i1", Score(3))], None, Some(3.0), 1, 0, None),
            // thirds are rounded to two decimals
            (
                vec![("a.i1", Score(3)), ("a.i2", Score(3)), ("a.i3", Score(4))],
                Some(4.0),
                Some(3.33),
                3,
                0,
                Some(0.67),
            ),
        ];
        let a = competency("a", 4);
        for (given, target, score, answered, na, gap) in cases {
            let result = score_competency(&a, &answers(&given), target);
            assert_eq!(
                (
                    result.score,
                    result.answered,
                    result.not_applicable,
                    result.gap
                ),
                (score, answered, na, gap),
                "answers {given:?}, target {target:?}"
            );
        }
    }

    fn score(id: &str, score: f64, target: f64) -> CompetencyScore {
        CompetencyScore {
            id: id.into(),
            name: id.into(),
            score: Some(score),
            answered: 1,
            not_applicable: 0,
            statements: 1,
            target: Some(target),
            gap: Some(round2(target - score)),
        }
    }

    fn untargeted(id: &str, value: f64) -> CompetencyScore {
        CompetencyScore {
            target: None,
            gap: None,
            ..score(id, value, 0.0)
        }
    }

    fn ids(list: Vec<&CompetencyScore>) -> Vec<String> {
        list.iter().map(|s| s.id.clone()).collect()
    }

    /// (scores) -> (strengths, development points), each in its order.
    #[test]
    fn strengths_rank_by_margin_above_target_and_development_points_by_gap() {
        type Case = (Vec<CompetencyScore>, Vec<&'static str>, Vec<&'static str>);
        let cases: Vec<Case> = vec![
            // The case of issue 20: 3,60 against 3,50 is above target and comes first; three
            // exactly at target with higher scores follow, the highest of them first.
            (
                vec![
                    score("at1", 4.0, 4.0),
                    score("at2", 4.2, 4.2),
                    score("at3", 4.5, 4.5),
                    score("above", 3.6, 3.5),
                    score("below", 3.2, 4.0),
                ],
                vec!["above", "at3", "at2"],
                vec!["below", "at1"],
            ),
            // Margins rank, not scores: 4,20 is 0,20 above, 4,80 only 0,30 above a 4,50.
            (
                vec![
                    score("a", 4.8, 4.5),
                    score("b", 2.0, 4.0),
                    score("c", 4.2, 4.0),
                    score("d", 3.5, 4.0),
                    score("e", 4.0, 4.0),
                    score("f", 4.9, 4.0),
                ],
                vec!["f", "a", "c"],
                // b and d are below target; e (the lowest of the rest that is not a strength)
                // fills up.
                vec!["b", "d", "e"],
            ),
            // Equal margins: the higher score first.
            (
                vec![score("a", 4.0, 3.5), score("b", 4.5, 4.0)],
                vec!["b", "a"],
                vec![],
            ),
            // Without targets: by score, after every competency that has a target.
            (
                vec![
                    untargeted("x", 4.9),
                    score("t", 3.0, 3.0),
                    untargeted("y", 3.0),
                ],
                vec!["t", "x", "y"],
                vec![],
            ),
            // Nothing at or above target: no strengths.
            (
                vec![score("a", 3.0, 4.0), score("b", 2.5, 4.0)],
                vec![],
                vec!["b", "a"],
            ),
        ];
        for (scores, strong, development) in cases {
            let names: Vec<_> = scores.iter().map(|s| (&s.id, s.score, s.target)).collect();
            assert_eq!(ids(strengths(&scores)), strong, "strengths of {names:?}");
            assert_eq!(
                ids(development_points(&scores)),
                development,
                "development points of {names:?}"
            );
        }
    }

    #[test]
    fn ticked_indicators_suggest_a_rating() {
        // (observed, total) -> suggestion on a 1-5 scale
        let cases = [
            (0, 5, Some(1)),
            (1, 5, Some(2)),
            (2, 5, Some(3)),
            (3, 5, Some(3)),
            (4, 5, Some(4)),
            (5, 5, Some(5)),
            (2, 4, Some(3)),
            (9, 4, Some(5)),
            (0, 0, None),
        ];
        for (observed, total, expected) in cases {
            assert_eq!(
                suggested_rating(observed, total, 1, 5),
                expected,
                "{observed}/{total}"
            );
        }
    }

    #[test]
    fn panel_scores_flag_a_two_point_disagreement() {
        // ratings -> (mean, spread, discuss)
        type Case<'a> = (&'a [Option<u8>], Option<f64>, Option<u8>, bool);
        let cases: [Case; 6] = [
            (&[Some(4), Some(4)], Some(4.0), Some(0), false),
            (&[Some(3), Some(4)], Some(3.5), Some(1), false),
            (&[Some(2), Some(4)], Some(3.0), Some(2), true),
            (&[Some(5), Some(2), Some(4)], Some(3.67), Some(3), true),
            (&[Some(4), None], Some(4.0), None, false),
            (&[None, None], None, None, false),
        ];
        for (ratings, mean, spread, discuss) in cases {
            let score = panel_score(ratings);
            assert_eq!(
                (score.mean, score.spread, score.discuss),
                (mean, spread, discuss),
                "{ratings:?}"
            );
        }
    }
}
