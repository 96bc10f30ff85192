//! The panel's agreement across candidates: per competency an intraclass correlation with its
//! reading (Koo & Li 2016), per interviewer the leniency (mean difference from the panel's
//! mean) and how often they gave "niet beoordeeld", and every candidate's competency that fewer
//! than two interviewers rated. Built from the candidates' scorecards.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::report::scorecard::Scorecard;
use crate::score::round2;
use crate::t;

/// The fewest candidates an agreement can be computed over: with two, the spread between
/// candidates rests on one difference.
pub const MIN_CANDIDATES: usize = 3;
/// The fewest interviewers: agreement needs someone to agree with.
pub const MIN_INTERVIEWERS: usize = 2;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PanelAgreement {
    pub framework: String,
    pub framework_name: String,
    /// The candidates, in the order of their names.
    pub candidates: Vec<String>,
    /// Every interviewer, in the order first met.
    pub interviewers: Vec<String>,
    pub competencies: Vec<CompetencyAgreement>,
    pub leniency: Vec<InterviewerLeniency>,
    /// Each candidate's competency rated by fewer than two interviewers.
    pub coverage: Vec<CoverageGap>,
    /// How many "niet beoordeeld" ratings the figures leave out, over all competencies.
    pub not_rated: usize,
    /// The newest interview date.
    #[serde(skip)]
    pub date: String,
}

/// The form of intraclass correlation (Shrout & Fleiss 1979).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub enum IccForm {
    /// Two-way random effects, absolute agreement, one rater: every candidate was rated by
    /// the same interviewers.
    #[serde(rename = "ICC(2,1)")]
    TwoWay,
    /// One-way random effects, one rater: the candidates were rated by different interviewers.
    #[serde(rename = "ICC(1,1)")]
    OneWay,
}

impl IccForm {
    pub fn label(self) -> &'static str {
        match self {
            IccForm::TwoWay => "ICC(2,1)",
            IccForm::OneWay => "ICC(1,1)",
        }
    }
}

/// How reliable an ICC is, by Koo & Li (2016): below .5 poor, .5 to .75 moderate, .75 to .9
/// good, above .9 excellent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    Poor,
    Moderate,
    Good,
    Excellent,
}

impl Reading {
    pub fn of(icc: f64) -> Reading {
        if icc < 0.5 {
            Reading::Poor
        } else if icc < 0.75 {
            Reading::Moderate
        } else if icc <= 0.9 {
            Reading::Good
        } else {
            Reading::Excellent
        }
    }

    /// As JSON and CSV write it, in every language: `poor` .. `excellent`.
    pub fn id(self) -> &'static str {
        match self {
            Reading::Poor => "poor",
            Reading::Moderate => "moderate",
            Reading::Good => "good",
            Reading::Excellent => "excellent",
        }
    }

    pub fn label(self) -> String {
        match self {
            Reading::Poor => t!("panel.reading.poor"),
            Reading::Moderate => t!("panel.reading.moderate"),
            Reading::Good => t!("panel.reading.good"),
            Reading::Excellent => t!("panel.reading.excellent"),
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CompetencyAgreement {
    pub id: String,
    pub name: String,
    /// The form computed; none when too few candidates were rated by two or more.
    pub form: Option<IccForm>,
    /// Rounded to two decimals; none when it cannot be computed (too few candidates, or no
    /// differences at all to measure agreement on).
    pub icc: Option<f64>,
    pub reading: Option<Reading>,
    /// The candidates in the computation: those rated on it by two interviewers or more.
    pub candidates: usize,
    /// The ratings in the computation.
    pub ratings: usize,
    /// The "niet beoordeeld" ratings left out.
    pub not_rated: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct InterviewerLeniency {
    pub interviewer: String,
    /// The ratings they gave (not counting "niet beoordeeld").
    pub ratings: usize,
    /// The mean of (their rating - the panel's mean for that candidate and competency), over
    /// the ratings that someone else rated too; positive is milder than the panel.
    pub leniency: Option<f64>,
    /// How often they gave "niet beoordeeld".
    pub not_rated: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CoverageGap {
    pub candidate: String,
    pub competency: String,
    pub name: String,
    pub rated_by: usize,
}

/// The agreement of the panel that interviewed the candidates of `scorecards` (one each).
/// Fewer than three candidates or two interviewers are refused: there is nothing to measure.
pub fn build(scorecards: &[Scorecard]) -> Result<PanelAgreement> {
    let mut interviewers: Vec<String> = Vec::new();
    for name in scorecards.iter().flat_map(|s| &s.interviewers) {
        if !interviewers.contains(name) {
            interviewers.push(name.clone());
        }
    }
    if scorecards.len() < MIN_CANDIDATES || interviewers.len() < MIN_INTERVIEWERS {
        return Err(Error::Usage(t!(
            "panel.too_few",
            candidates = scorecards.len(),
            interviewers = interviewers.len(),
            min_candidates = MIN_CANDIDATES,
            min_interviewers = MIN_INTERVIEWERS
        )));
    }
    // The competencies in the order of the first scorecard that has them.
    let mut ids: Vec<(String, String)> = Vec::new();
    for row in scorecards.iter().flat_map(|s| &s.competencies) {
        if !ids.iter().any(|(id, _)| id == &row.id) {
            ids.push((row.id.clone(), row.name.clone()));
        }
    }
    let competencies: Vec<CompetencyAgreement> = ids
        .iter()
        .map(|(id, name)| agreement(scorecards, id, name))
        .collect();
    let leniency = interviewers
        .iter()
        .map(|name| leniency_of(scorecards, name))
        .collect();
    let coverage = scorecards
        .iter()
        .flat_map(|card| {
            card.competencies.iter().filter_map(|row| {
                let rated_by = row.ratings.iter().filter(|r| r.rating.is_some()).count();
                (rated_by < 2).then(|| CoverageGap {
                    candidate: card.candidate.clone(),
                    competency: row.id.clone(),
                    name: row.name.clone(),
                    rated_by,
                })
            })
        })
        .collect();
    let first = &scorecards[0];
    Ok(PanelAgreement {
        framework: first.framework.clone(),
        framework_name: first.framework_name.clone(),
        candidates: scorecards.iter().map(|s| s.candidate.clone()).collect(),
        interviewers,
        not_rated: competencies.iter().map(|c| c.not_rated).sum(),
        competencies,
        leniency,
        coverage,
        date: scorecards
            .iter()
            .flat_map(|s| s.dates.iter())
            .max()
            .cloned()
            .unwrap_or_default(),
    })
}

/// The ratings of competency `id` per candidate, each as (interviewer, rating), with the
/// number of "niet beoordeeld" left out.
fn rated(scorecards: &[Scorecard], id: &str) -> (Vec<Vec<(String, f64)>>, usize) {
    let mut not_rated = 0;
    let groups = scorecards
        .iter()
        .filter_map(|card| card.competencies.iter().find(|r| r.id == id))
        .map(|row| {
            not_rated += row.ratings.iter().filter(|r| r.rating.is_none()).count();
            row.ratings
                .iter()
                .filter_map(|r| Some((r.interviewer.clone(), f64::from(r.rating?))))
                .collect()
        })
        .collect();
    (groups, not_rated)
}

fn agreement(scorecards: &[Scorecard], id: &str, name: &str) -> CompetencyAgreement {
    let (groups, not_rated) = rated(scorecards, id);
    // A candidate rated by one interviewer says nothing about agreement (and is flagged).
    let groups: Vec<Vec<(String, f64)>> = groups.into_iter().filter(|g| g.len() >= 2).collect();
    let mut result = CompetencyAgreement {
        id: id.to_string(),
        name: name.to_string(),
        form: None,
        icc: None,
        reading: None,
        candidates: groups.len(),
        ratings: groups.iter().map(Vec::len).sum(),
        not_rated,
    };
    if groups.len() < MIN_CANDIDATES {
        return result;
    }
    fn raters(group: &[(String, f64)]) -> Vec<&str> {
        let mut names: Vec<&str> = group.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names
    }
    let crossed = groups.iter().all(|g| raters(g) == raters(&groups[0]));
    let (form, icc) = if crossed {
        // Every row in the same interviewer order.
        let matrix: Vec<Vec<f64>> = groups
            .iter()
            .map(|g| {
                let mut row = g.clone();
                row.sort_by(|a, b| a.0.cmp(&b.0));
                row.into_iter().map(|(_, r)| r).collect()
            })
            .collect();
        (IccForm::TwoWay, icc_2_1(&matrix))
    } else {
        let values: Vec<Vec<f64>> = groups
            .iter()
            .map(|g| g.iter().map(|(_, r)| *r).collect())
            .collect();
        (IccForm::OneWay, icc_1_1(&values))
    };
    result.form = Some(form);
    // The reading goes by the figure shown, so that 0.75 always reads "good".
    result.icc = icc.map(round2);
    result.reading = result.icc.map(Reading::of);
    result
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// ICC(2,1), two-way random effects, absolute agreement, single rater (Shrout & Fleiss 1979;
/// McGraw & Wong 1996), over `rows` of n candidates by k interviewers, every cell rated:
/// (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n). None when it is undefined: fewer than
/// two rows or columns, or no variance at all.
pub fn icc_2_1(rows: &[Vec<f64>]) -> Option<f64> {
    let n = rows.len();
    let k = rows.first()?.len();
    if n < 2 || k < 2 || rows.iter().any(|r| r.len() != k) {
        return None;
    }
    let all: Vec<f64> = rows.iter().flatten().copied().collect();
    let grand = mean(&all);
    let (n_f, k_f) = (n as f64, k as f64);
    let ss_rows: f64 = rows.iter().map(|r| (mean(r) - grand).powi(2)).sum::<f64>() * k_f;
    let ss_columns: f64 = (0..k)
        .map(|j| (mean(&rows.iter().map(|r| r[j]).collect::<Vec<_>>()) - grand).powi(2))
        .sum::<f64>()
        * n_f;
    let ss_total: f64 = all.iter().map(|x| (x - grand).powi(2)).sum();
    let ss_error = ss_total - ss_rows - ss_columns;
    let ms_rows = ss_rows / (n_f - 1.0);
    let ms_columns = ss_columns / (k_f - 1.0);
    let ms_error = ss_error / ((n_f - 1.0) * (k_f - 1.0));
    let denominator = ms_rows + (k_f - 1.0) * ms_error + k_f * (ms_columns - ms_error) / n_f;
    let icc = (ms_rows - ms_error) / denominator;
    (denominator > 1e-12 && icc.is_finite()).then_some(icc)
}

/// ICC(1,1), one-way random effects, single rater, over `groups` of ratings per candidate
/// (each by its own interviewers, any number): (MSB - MSW) / (MSB + (k0-1) MSW), where
/// MSB = SSB / (n-1), MSW = SSW / (N-n) and, for groups of unequal size,
/// k0 = (N - sum(k_i^2) / N) / (n-1) (k when every group has k). None when undefined.
pub fn icc_1_1(groups: &[Vec<f64>]) -> Option<f64> {
    let n = groups.len();
    let total: usize = groups.iter().map(Vec::len).sum();
    if n < 2 || total <= n || groups.iter().any(Vec::is_empty) {
        return None;
    }
    let (n_f, total_f) = (n as f64, total as f64);
    let all: Vec<f64> = groups.iter().flatten().copied().collect();
    let grand = mean(&all);
    let ss_between: f64 = groups
        .iter()
        .map(|g| g.len() as f64 * (mean(g) - grand).powi(2))
        .sum();
    let ss_within: f64 = groups
        .iter()
        .map(|g| {
            let m = mean(g);
            g.iter().map(|x| (x - m).powi(2)).sum::<f64>()
        })
        .sum();
    let ms_between = ss_between / (n_f - 1.0);
    let ms_within = ss_within / (total_f - n_f);
    let squares: f64 = groups.iter().map(|g| (g.len() as f64).powi(2)).sum();
    let k0 = (total_f - squares / total_f) / (n_f - 1.0);
    let denominator = ms_between + (k0 - 1.0) * ms_within;
    let icc = (ms_between - ms_within) / denominator;
    (denominator > 1e-12 && icc.is_finite()).then_some(icc)
}

/// How `interviewer` rated against the panel: the mean difference from the panel's mean,
/// taken over their ratings of a candidate's competency that someone else rated too (alone,
/// they are the mean), and how often they gave "niet beoordeeld".
fn leniency_of(scorecards: &[Scorecard], interviewer: &str) -> InterviewerLeniency {
    let (mut ratings, mut not_rated, mut differences) = (0, 0, Vec::new());
    for row in scorecards.iter().flat_map(|s| &s.competencies) {
        let Some(own) = row.ratings.iter().find(|r| r.interviewer == interviewer) else {
            continue;
        };
        let Some(rating) = own.rating else {
            not_rated += 1;
            continue;
        };
        ratings += 1;
        let given: Vec<f64> = row
            .ratings
            .iter()
            .filter_map(|r| r.rating.map(f64::from))
            .collect();
        if given.len() >= 2 {
            differences.push(f64::from(rating) - mean(&given));
        }
    }
    InterviewerLeniency {
        interviewer: interviewer.to_string(),
        ratings,
        leniency: (!differences.is_empty()).then(|| round2(mean(&differences))),
        not_rated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icc_forms_agree_with_published_figures() {
        // Shrout & Fleiss (1979), table 2: six targets by four judges; ICC(1,1) = .17 and
        // ICC(2,1) = .29 in their table 4.
        let rows = vec![
            vec![9.0, 2.0, 5.0, 8.0],
            vec![6.0, 1.0, 3.0, 2.0],
            vec![8.0, 4.0, 6.0, 8.0],
            vec![7.0, 1.0, 2.0, 6.0],
            vec![10.0, 5.0, 6.0, 9.0],
            vec![6.0, 2.0, 4.0, 7.0],
        ];
        assert_eq!(icc_2_1(&rows).map(round2), Some(0.29));
        assert_eq!(icc_1_1(&rows).map(round2), Some(0.17));
    }

    #[test]
    fn no_variance_is_no_icc_and_readings_follow_koo_and_li() {
        assert_eq!(
            icc_2_1(&[vec![3.0, 3.0], vec![3.0, 3.0], vec![3.0, 3.0]]),
            None
        );
        assert_eq!(icc_1_1(&[vec![4.0], vec![3.0]]), None);
        assert_eq!(Reading::of(0.49), Reading::Poor);
        assert_eq!(Reading::of(0.5), Reading::Moderate);
        assert_eq!(Reading::of(0.75), Reading::Good);
        assert_eq!(Reading::of(0.9), Reading::Good);
        assert_eq!(Reading::of(0.91), Reading::Excellent);
    }

    #[test]
    fn unequal_groups_use_k0() {
        // Groups {4, 5}, {2, 3}, {3, 3, 3}: N = 7, n = 3, grand mean 23/7.
        // SSB = 2(8.5/7)^2 + 2(5.5/7)^2 + 3(2/7)^2 = (144.5 + 60.5 + 12)/49 = 31/7;
        // MSB = SSB / (n-1) = 31/14.
        // SSW = 0.5 + 0.5 + 0 = 1; MSW = 1/4.
        // k0 = (7 - (4 + 4 + 9)/7) / 2 = (49 - 17) / 14 = 16/7.
        // ICC = (31/14 - 1/4) / (31/14 + (9/7)(1/4)) = (62 - 7)/28 / ((62 + 9)/28) = 55/71.
        let groups = vec![vec![4.0, 5.0], vec![2.0, 3.0], vec![3.0, 3.0, 3.0]];
        let icc = icc_1_1(&groups).unwrap();
        assert!((icc - 55.0 / 71.0).abs() < 1e-9, "{icc}");
    }
}
