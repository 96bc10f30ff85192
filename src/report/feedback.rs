//! The 360 report: per competency the person's own score beside how others rate them, per kind
//! of rater, with blind spots and hidden strengths named. Self is never averaged with others.
//! No rater's name enters this model, and every figure of others is released by the disclosure
//! rules (`super::disclosure::rated`): a kind is shown from its minimum, the kinds below theirs
//! are merged as "anderen" when that reaches the minimum, the rest is withheld without a count.
//!
//! What a reader who knows every other rater's scores can work out, and why it is no more than
//! the rounding allows: see /work/notes/issue-23.md and `tests/feedback.rs`.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::disclosure::rated;
pub use super::disclosure::{Count, Figure};
use crate::framework::{Competency, Framework, RaterKind, Scale};
use crate::result::rating::RatingResult;
use crate::result::{Answer, ScanResult};
use crate::score::score_competency;

/// The group of the small kinds merged, in files and JSON.
pub const OTHERS: &str = "anderen";

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FeedbackReport {
    /// The person rated, as their self-scan names them.
    pub name: String,
    pub framework: String,
    pub framework_name: String,
    /// The day of the self-scan.
    pub date: String,
    /// The day of the earlier self-scan shown beside it, if any.
    pub previous_date: Option<String>,
    /// Who rated, per kind: a count from the kind's minimum, else only that it is withheld.
    pub raters: Vec<RaterGroup>,
    pub competencies: Vec<CompetencyFeedback>,
    /// Others' examples, only of kinds shown in full, without names, in an order that does
    /// not follow the files.
    pub notes: Vec<OthersNote>,
    /// How far self and others must differ to be named: a third of the scale's range.
    pub finding_threshold: f64,
    /// Findings about the input (another framework version, dropped answers).
    pub warnings: Vec<String>,
    /// The lowest and highest point of the scale, which charts span.
    #[serde(skip)]
    pub scale_range: (f64, f64),
}

/// The raters of one kind (or "anderen") over the whole report.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RaterGroup {
    /// The kind's id, or "anderen".
    pub kind: String,
    pub name: String,
    /// None when withheld: a small group's size is not shown either.
    pub ratings: Option<Count>,
    pub withheld: bool,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CompetencyFeedback {
    pub id: String,
    pub name: String,
    /// The person's own score (mean of their answered statements); never mixed with others.
    #[serde(rename = "self")]
    pub own: Option<f64>,
    /// The own score of the earlier self-scan, when one is given.
    pub previous_self: Option<f64>,
    /// Others, by kind: each kind shown, then "anderen" (the small kinds merged).
    pub others: Vec<GroupFigure>,
    /// All others shown, made of the published figures (`rated::combined`).
    pub others_all: Option<Figure>,
    /// Self minus all others.
    pub difference: Option<Figure>,
    pub finding: Option<Finding>,
    /// With a finding: the (at most three) statements with the largest difference that way.
    pub statements: Vec<StatementGap>,
}

/// One group's figure of one competency.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GroupFigure {
    pub kind: String,
    pub name: String,
    pub raters: Option<Count>,
    pub mean: Option<Figure>,
    pub withheld: bool,
}

/// Self and others far apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// Self higher than others by a third of the scale's range or more ("blinde vlek").
    BlindSpot,
    /// Others higher than self by as much ("verborgen kracht").
    HiddenStrength,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct StatementGap {
    pub id: String,
    pub text: String,
    #[serde(rename = "self")]
    pub own: Option<u8>,
    /// Others' mean answer, to whole points.
    pub others: Figure,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct OthersNote {
    pub competency: String,
    pub competency_name: String,
    pub text: String,
}

/// The blind-spot rule: self above others by at least a third of the range of the scale
/// (`min`..`max`) is a blind spot, others above self by as much a hidden strength.
pub fn finding(own: f64, others: f64, min: f64, max: f64) -> Option<Finding> {
    let threshold = threshold(min, max);
    // The figures are rounded to tenths; a hair below the threshold is binary noise.
    let difference = own - others;
    if difference >= threshold - 1e-9 {
        Some(Finding::BlindSpot)
    } else if -difference >= threshold - 1e-9 {
        Some(Finding::HiddenStrength)
    } else {
        None
    }
}

fn threshold(min: f64, max: f64) -> f64 {
    (max - min) / 3.0
}

/// One rating reduced to what the report may use: its kind and answers; the name is dropped.
pub struct Rater<'a> {
    pub kind: &'a RaterKind,
    pub answers: &'a BTreeMap<String, Answer>,
    pub notes: &'a BTreeMap<String, String>,
}

impl<'a> Rater<'a> {
    pub fn of(rating: &'a RatingResult, kind: &'a RaterKind) -> Rater<'a> {
        Rater {
            kind,
            answers: &rating.answers,
            notes: &rating.notes,
        }
    }
}

/// The kinds in the order of the library, those with raters only.
fn kinds_present<'a>(kinds: &'a [RaterKind], raters: &[Rater]) -> Vec<&'a RaterKind> {
    kinds
        .iter()
        .filter(|k| raters.iter().any(|r| r.kind.id == k.id))
        .collect()
}

/// The minimum of "anderen": the largest minimum of the kinds merged into it.
fn merged_minimum(kinds: &[&RaterKind]) -> usize {
    kinds
        .iter()
        .map(|k| k.minimum)
        .max()
        .unwrap_or(crate::framework::MIN_RATERS)
        .max(crate::framework::MIN_RATERS)
}

/// How the raters split into groups for one set of values per rater (a competency's scores,
/// or one per rating for the summary): each kind at its minimum, the others merged.
struct Split<'a> {
    shown: Vec<(&'a RaterKind, Vec<f64>)>,
    merged: Vec<f64>,
    merged_kinds: Vec<&'a RaterKind>,
}

fn split<'a>(
    kinds: &[&'a RaterKind],
    raters: &[Rater],
    value: impl Fn(&Rater) -> Option<f64>,
) -> Split<'a> {
    let mut out = Split {
        shown: Vec::new(),
        merged: Vec::new(),
        merged_kinds: Vec::new(),
    };
    for kind in kinds {
        let values: Vec<f64> = raters
            .iter()
            .filter(|r| r.kind.id == kind.id)
            .filter_map(&value)
            .collect();
        if values.len() >= kind.minimum.max(crate::framework::MIN_RATERS) {
            out.shown.push((kind, values));
        } else if !values.is_empty() {
            out.merged.extend(values);
            out.merged_kinds.push(kind);
        }
    }
    out
}

/// Builds the 360 report of `own` (the newest self-scan; `previous` an earlier one) from the
/// ratings about the person.
pub fn build(
    framework: &Framework,
    scale: &Scale,
    kinds: &[RaterKind],
    own: &ScanResult,
    previous: Option<&ScanResult>,
    raters: &[Rater],
    warnings: Vec<String>,
) -> FeedbackReport {
    let (min, max) = (f64::from(scale.min()), f64::from(scale.max()));
    let present = kinds_present(kinds, raters);
    let summary = split(&present, raters, |_| Some(0.0));
    let mut groups: Vec<RaterGroup> = summary
        .shown
        .iter()
        .map(|(kind, values)| RaterGroup {
            kind: kind.id.clone(),
            name: kind.name.clone(),
            ratings: rated::group(values, 1).map(|(n, _)| n),
            withheld: false,
        })
        .collect();
    let merged_min = merged_minimum(&summary.merged_kinds);
    if !summary.merged_kinds.is_empty() {
        let shown = summary.merged.len() >= merged_min;
        groups.push(RaterGroup {
            kind: OTHERS.to_string(),
            name: crate::t!("feedback.others_group"),
            ratings: shown
                .then(|| rated::group(&summary.merged, 1).map(|(n, _)| n))
                .flatten(),
            withheld: !shown,
        });
    }
    let competencies = framework
        .scan_competencies(&own.competencies)
        .into_iter()
        .map(|competency| {
            competency_feedback(competency, own, previous, &present, raters, (min, max))
        })
        .collect();
    FeedbackReport {
        name: own.name.clone(),
        framework: framework.id.clone(),
        framework_name: framework.name.clone(),
        date: own.date().to_string(),
        previous_date: previous.map(|p| p.date().to_string()),
        raters: groups,
        competencies,
        notes: others_notes(framework, &summary, raters),
        finding_threshold: crate::score::round2(threshold(min, max)),
        warnings,
        scale_range: (min, max),
    }
}

fn competency_feedback(
    competency: &Competency,
    own: &ScanResult,
    previous: Option<&ScanResult>,
    kinds: &[&RaterKind],
    raters: &[Rater],
    (min, max): (f64, f64),
) -> CompetencyFeedback {
    let score =
        |answers: &BTreeMap<String, Answer>| score_competency(competency, answers, None).score;
    let split = split(kinds, raters, |r| score(r.answers));
    let mut others: Vec<GroupFigure> = split
        .shown
        .iter()
        .map(|(kind, values)| {
            let (raters, mean) = rated::group(values, kind.minimum).unzip();
            GroupFigure {
                kind: kind.id.clone(),
                name: kind.name.clone(),
                raters,
                mean,
                withheld: mean.is_none(),
            }
        })
        .collect();
    if !split.merged_kinds.is_empty() {
        let (raters, mean) =
            rated::group(&split.merged, merged_minimum(&split.merged_kinds)).unzip();
        others.push(GroupFigure {
            kind: OTHERS.to_string(),
            name: crate::t!("feedback.others_group"),
            raters,
            mean,
            withheld: mean.is_none(),
        });
    }
    let published: Vec<(Count, Figure)> =
        others.iter().filter_map(|g| g.raters.zip(g.mean)).collect();
    let others_all = rated::combined(&published);
    let own_score = score(&own.answers);
    let difference = own_score
        .zip(others_all)
        .map(|(o, a)| rated::difference(o, a));
    let finding = own_score
        .zip(others_all)
        .and_then(|(o, a)| finding(o, a.value(), min, max));
    // The statements are taken over the raters of the groups shown only.
    let shown_raters: Vec<&Rater> = raters
        .iter()
        .filter(|r| {
            others.iter().any(|g| {
                !g.withheld
                    && (g.kind == r.kind.id
                        || (g.kind == OTHERS
                            && split.merged_kinds.iter().any(|k| k.id == r.kind.id)))
            })
        })
        .collect();
    let statements = match finding {
        Some(finding) => statement_gaps(competency, own, &shown_raters, finding, kinds),
        None => Vec::new(),
    };
    CompetencyFeedback {
        id: competency.id.clone(),
        name: competency.name.clone(),
        own: own_score,
        previous_self: previous.and_then(|p| score(&p.answers)),
        others,
        others_all,
        difference,
        finding,
        statements,
    }
}

/// How many statements a finding names at most.
pub const FINDING_STATEMENTS: usize = 3;

/// The statements behind a finding: the largest difference that way first, made of the
/// published (whole-point) figures only; equal ones in the framework's order.
fn statement_gaps(
    competency: &Competency,
    own: &ScanResult,
    raters: &[&Rater],
    finding: Finding,
    kinds: &[&RaterKind],
) -> Vec<StatementGap> {
    let minimum = merged_minimum(kinds);
    let mut gaps: Vec<(f64, StatementGap)> = competency
        .indicators
        .iter()
        .filter_map(|item| {
            let own_answer = match own.answers.get(&item.id) {
                Some(Answer::Score(v)) => Some(*v),
                _ => None,
            };
            let values: Vec<f64> = raters
                .iter()
                .filter_map(|r| match r.answers.get(&item.id) {
                    Some(Answer::Score(v)) => Some(f64::from(*v)),
                    _ => None,
                })
                .collect();
            let others = rated::statement(&values, minimum)?;
            let own_value = f64::from(own_answer?);
            let gap = match finding {
                Finding::BlindSpot => own_value - others.value(),
                Finding::HiddenStrength => others.value() - own_value,
            };
            (gap > 0.0).then(|| {
                let statement = StatementGap {
                    id: item.id.clone(),
                    text: item.text.clone(),
                    own: own_answer,
                    others,
                };
                (gap, statement)
            })
        })
        .collect();
    // A stable sort keeps the framework's order among equal differences.
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
    gaps.into_iter()
        .take(FINDING_STATEMENTS)
        .map(|(_, s)| s)
        .collect()
}

/// The notes of raters whose kind is shown in full, ordered by a hash of their text: the
/// order of the files (and so of their names or dates) cannot be read from it.
fn others_notes(framework: &Framework, summary: &Split, raters: &[Rater]) -> Vec<OthersNote> {
    let shown = |kind: &RaterKind| summary.shown.iter().any(|(k, _)| k.id == kind.id);
    let mut notes: Vec<(String, OthersNote)> = Vec::new();
    for competency in &framework.competencies {
        for rater in raters.iter().filter(|r| shown(r.kind)) {
            let Some(text) = rater.notes.get(&competency.id) else {
                continue;
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let digest = Sha256::digest(format!("{}\n{text}", competency.id));
            let key: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            notes.push((
                key,
                OthersNote {
                    competency: competency.id.clone(),
                    competency_name: competency.name.clone(),
                    text: text.to_string(),
                },
            ));
        }
    }
    // Grouped by competency in the framework's order, hashed within it.
    let order = |id: &str| framework.competencies.iter().position(|c| c.id == id);
    notes.sort_by(|a, b| {
        order(&a.1.competency)
            .cmp(&order(&b.1.competency))
            .then(a.0.cmp(&b.0))
    });
    notes.into_iter().map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule on the 1-5 scale: a third of the range 4 is 1.33.
    #[test]
    fn blind_spots_and_hidden_strengths_from_a_third_of_the_range() {
        use Finding::*;
        let cases: [(f64, f64, Option<Finding>); 10] = [
            (4.8, 3.0, Some(BlindSpot)),
            (4.5, 3.0, Some(BlindSpot)),
            // 1.3 is less than 4/3.
            (4.3, 3.0, None),
            (4.0, 4.0, None),
            (3.0, 4.3, None),
            (3.0, 4.5, Some(HiddenStrength)),
            (1.0, 5.0, Some(HiddenStrength)),
            (5.0, 1.0, Some(BlindSpot)),
            // Exactly a third (4/3): named.
            (4.0 + 4.0 / 3.0, 4.0, Some(BlindSpot)),
            (2.0, 2.0 + 4.0 / 3.0, Some(HiddenStrength)),
        ];
        for (own, others, expected) in cases {
            assert_eq!(
                finding(own, others, 1.0, 5.0),
                expected,
                "self {own}, others {others}"
            );
        }
        // On a 1-7 scale a third is 2: 1.5 apart is nothing, 2 is a blind spot.
        assert_eq!(finding(5.5, 4.0, 1.0, 7.0), None);
        assert_eq!(finding(6.0, 4.0, 1.0, 7.0), Some(BlindSpot));
    }

    fn kind(id: &str, minimum: usize) -> RaterKind {
        RaterKind {
            id: id.into(),
            name: format!("{id}s"),
            minimum,
            origin: Default::default(),
        }
    }

    /// Competency scores per rater, by hand: collega 3, 4, 2 (mean 3.0); one leidinggevende 5
    /// and two bewoners 1, 3: below their minimum each, together three (mean 3.0) as "anderen".
    #[test]
    fn kinds_below_their_minimum_are_merged_and_no_group_holds_another() {
        let kinds = [
            kind("collega", 3),
            kind("leidinggevende", 3),
            kind("bewoner", 3),
        ];
        let present: Vec<&RaterKind> = kinds.iter().collect();
        let scores = [
            ("collega", 3.0),
            ("collega", 4.0),
            ("collega", 2.0),
            ("leidinggevende", 5.0),
            ("bewoner", 1.0),
            ("bewoner", 3.0),
        ];
        let (no_answers, no_notes) = (BTreeMap::new(), BTreeMap::new());
        let raters: Vec<Rater> = scores
            .iter()
            .map(|(id, _)| Rater {
                kind: kinds.iter().find(|k| k.id == *id).unwrap(),
                answers: &no_answers,
                notes: &no_notes,
            })
            .collect();
        let values: Vec<f64> = scores.iter().map(|(_, v)| *v).collect();
        let index = |r: &Rater| raters.iter().position(|x| std::ptr::eq(x, r));
        let split = split(&present, &raters, |r| index(r).map(|i| values[i]));
        assert_eq!(split.shown.len(), 1);
        assert_eq!(split.shown[0].0.id, "collega");
        assert_eq!(split.shown[0].1, [3.0, 4.0, 2.0]);
        // Merged in the order of the kinds: the lead, then the residents.
        assert_eq!(split.merged, [5.0, 1.0, 3.0]);
        let (n, mean) = rated::group(&split.merged, merged_minimum(&split.merged_kinds)).unwrap();
        // (5 + 1 + 3) / 3 = 3.0.
        assert_eq!((n.get(), mean.value()), (3, 3.0));
        // Without one resident, "anderen" is two: withheld.
        assert_eq!(rated::group(&split.merged[..2], 3), None);
    }

    /// "alle anderen" from the published figures: collega 3.5 over 4 and anderen 2.5 over 3
    /// give (14 + 7.5) / 7 = 3.07 -> 3.0 at half points.
    #[test]
    fn all_others_is_made_of_the_published_figures() {
        use super::super::disclosure::testing::{count, figure};
        let combined = rated::combined(&[(count(4), figure(3.5)), (count(3), figure(2.5))]);
        assert_eq!(combined.map(Figure::value), Some(3.0));
        assert_eq!(rated::combined(&[]), None);
        // A statement's mean to whole points: 4, 4, 5 -> 4.33 -> 4.
        assert_eq!(
            rated::statement(&[4.0, 4.0, 5.0], 3).map(Figure::value),
            Some(4.0)
        );
        assert_eq!(rated::statement(&[4.0, 5.0], 3), None);
    }
}
