//! The disclosure policy of team reports: every figure a team report publishes is released here,
//! rounded or withheld by one set of rules, so that a reader with the report and a calculator
//! cannot work out one person's score. Renderers only get [`Figure`]s and [`Count`]s, which only
//! this module makes.
//!
//! The rules, and the attack each one stops:
//! - no minimum, maximum, median or other quantile: each of those *is* one person's score;
//! - means, changes and spreads rounded (one decimal from [`FINE_GROUP`] people, half points
//!   below): two reports of nearly the same people, published at different times, differ by one
//!   person, and `mean × n − earlier mean × (n − 1)` gives that person's score unless the
//!   rounding leaves more than a scale point of doubt (`tests/disclosure.rs` computes it);
//! - a group of 3 or 4 shows only its mean and how many are below target;
//! - `--since` compares only the people in both rounds when a few joined or left
//!   ([`Policy::basis`]).

use std::collections::HashMap;

use serde::Serialize;

use crate::framework::Scale;

/// Groups of this many people or more get means to one decimal; smaller ones to half points.
pub const FINE_GROUP: usize = 10;

/// Groups smaller than this (only shown with `--min-group 3` or `4`) show their mean and how
/// many are below target, nothing else: with three people a spread or a distribution tells
/// each of them the other two's scores.
pub const FULL_FIGURES_GROUP: usize = 5;

/// A mean, change, gap or spread as published: rounded by the policy. Only this module makes
/// one, so no renderer can print a figure the policy did not release.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Figure(f64);

impl Figure {
    pub fn value(self) -> f64 {
        self.0
    }
}

/// A number of people as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Count(usize);

impl Count {
    pub fn get(self) -> usize {
        self.0
    }
}

/// How finely a figure is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    Tenth,
    Half,
    /// The single statements of a 360 report: integer answers of a few raters.
    Whole,
}

impl Precision {
    /// For a figure over `people` people.
    fn of_group(people: usize) -> Precision {
        if people >= FINE_GROUP {
            Precision::Tenth
        } else {
            Precision::Half
        }
    }

    fn step(self) -> f64 {
        match self {
            Precision::Tenth => 0.1,
            Precision::Half => 0.5,
            Precision::Whole => 1.0,
        }
    }

    /// The coarser of two.
    fn coarser(self, other: Precision) -> Precision {
        if self.step() >= other.step() {
            self
        } else {
            other
        }
    }
}

/// Rounds to the step, halves away from zero; the last rounding to tenths only takes off the
/// binary noise of the multiplication (0.30000000000000004), so JSON shows 0.3.
fn round(value: f64, precision: Precision) -> Figure {
    let step = precision.step();
    let rounded = (value / step).round() * step;
    Figure(((rounded * 10.0).round() / 10.0) + 0.0)
}

/// People per scale point.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct PointCount {
    pub point: u8,
    pub count: Count,
}

/// What a team report shows of one competency in one group.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CompetencyStats {
    /// People with a score for this competency.
    pub scans: Count,
    pub mean: Figure,
    /// Population standard deviation (the team is described, not sampled), to half points;
    /// absent for groups of 3 or 4.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sd: Option<Figure>,
    /// People per scale point, each score at the nearest point (halves up); absent for groups
    /// of 3 or 4.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution: Option<Vec<PointCount>>,
    /// People who answered every statement of the competency with "not applicable"; absent for
    /// groups of 3 or 4.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<Count>,
    /// People whose score is at a scale point below target.
    pub below_target: Option<Count>,
    /// Target minus the published mean: positive means below target.
    pub gap: Option<Figure>,
    /// max(gap, 0) × people below target.
    pub need: Option<Figure>,
}

/// The change of a competency's mean since the earlier round.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Change {
    /// Not shown: too few people in the earlier round (or in both rounds), or withheld here.
    pub withheld: bool,
    pub previous_mean: Option<Figure>,
    pub change: Option<Figure>,
}

impl Change {
    pub fn withheld() -> Change {
        Change {
            withheld: true,
            previous_mean: None,
            change: None,
        }
    }
}

/// Who a change is computed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Everyone of both rounds: the same people, or so many joined or left that no one person
    /// is the difference.
    Full,
    /// Only the people in both rounds: a few joined or left, and the difference would be them.
    PeopleInBoth,
    /// Everyone, rounded to half points: anonymous contributions cannot be matched.
    Unmatched,
    /// Not shown: fewer than the minimum were in both rounds.
    Withheld,
}

/// Who a person is across rounds: their normalised name (`crate::person`). It is compared,
/// never shown: `Debug` hides it, and it has no `Serialize`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PersonKey(String);

impl PersonKey {
    /// None for an empty name: a scan without a name is nobody to match.
    pub fn of_name(name: &str) -> Option<PersonKey> {
        let name = crate::person::normalized_name(name);
        (!name.is_empty()).then_some(PersonKey(name))
    }
}

impl std::fmt::Debug for PersonKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonKey(..)")
    }
}

/// Who one scan is, as far as matching rounds goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    Named(PersonKey),
    /// A scan without a name: its own person, matched with no one.
    Unnamed,
    /// An anonymous contribution (`vakwijzer share --anonymous`).
    Anonymous,
}

/// The pairs of indexes (now, then) of the people in both rounds, matched by name; a name that
/// occurs twice in a round matches nothing, as it cannot say which one is who.
fn matches(now: &[&Identity], then: &[&Identity]) -> Vec<(usize, usize)> {
    let before = unique_names(then);
    let mut pairs: Vec<(usize, usize)> = unique_names(now)
        .into_iter()
        .filter_map(|(key, index)| Some((index?, (*before.get(key)?)?)))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// Each name of a round with its index; none for a name that occurs more than once.
fn unique_names<'a>(people: &[&'a Identity]) -> HashMap<&'a PersonKey, Option<usize>> {
    let mut seen: HashMap<&PersonKey, Option<usize>> = HashMap::new();
    for (index, person) in people.iter().enumerate() {
        if let Identity::Named(key) = person {
            seen.entry(key)
                .and_modify(|slot| *slot = None)
                .or_insert(Some(index));
        }
    }
    seen
}

/// The policy with the report's minimum group size.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub min_group: usize,
}

impl Policy {
    /// Whether a group of this many people may be shown at all.
    pub fn shows(&self, people: usize) -> bool {
        people >= self.min_group
    }

    /// The figures of one competency over the scores `values` (one per person), or none when
    /// fewer than the minimum have a score. `not_applicable` counts the people without one.
    pub fn competency(
        &self,
        values: &[f64],
        not_applicable: usize,
        target: Option<f64>,
        scale: &Scale,
    ) -> Option<CompetencyStats> {
        if !self.shows(values.len()) {
            return None;
        }
        let people = values.len();
        let precision = Precision::of_group(people);
        let mean = round(mean(values), precision);
        let below = target.map(|t| Count(below_target(values, t, scale)));
        let gap = target.map(|t| round(t - mean.0, precision));
        let need = gap.zip(below).map(|(gap, below)| need(gap, below));
        let full = people >= FULL_FIGURES_GROUP;
        Some(CompetencyStats {
            scans: Count(people),
            mean,
            sd: full.then(|| round(population_sd(values), Precision::Half)),
            distribution: full.then(|| distribution(values, scale)),
            not_applicable: full.then_some(Count(not_applicable)),
            below_target: below,
            gap,
            need,
        })
    }

    /// Who the change of a group is computed over, and the matched people (indexes now, then).
    /// The rounds differ by who left plus who joined; unnamed scans never match, so they count
    /// as both.
    pub fn basis(&self, now: &[&Identity], then: &[&Identity]) -> (Basis, Vec<(usize, usize)>) {
        let anonymous = |people: &[&Identity]| people.iter().any(|p| **p == Identity::Anonymous);
        if anonymous(now) || anonymous(then) {
            return (Basis::Unmatched, Vec::new());
        }
        let pairs = matches(now, then);
        let differ = (now.len() - pairs.len()) + (then.len() - pairs.len());
        if differ == 0 || differ >= self.min_group {
            (Basis::Full, pairs)
        } else if pairs.len() < self.min_group {
            (Basis::Withheld, pairs)
        } else {
            (Basis::PeopleInBoth, pairs)
        }
    }

    /// The change of the mean from `then` to `now` (one score per person, the same people or
    /// not as the basis says), or withheld when either has fewer than the minimum. The change is
    /// the difference of the two rounded means, rounded as the smaller group's: it tells
    /// nothing the two means would not.
    pub fn change(&self, now: &[f64], then: &[f64], basis: Basis) -> Change {
        if basis == Basis::Withheld || !self.shows(now.len()) || !self.shows(then.len()) {
            return Change::withheld();
        }
        let precision_of = |people: usize| match basis {
            Basis::Unmatched => Precision::Half,
            _ => Precision::of_group(people),
        };
        let (now_precision, then_precision) = (precision_of(now.len()), precision_of(then.len()));
        let current = round(mean(now), now_precision);
        let previous = round(mean(then), then_precision);
        Change {
            withheld: false,
            previous_mean: Some(previous),
            change: Some(round(
                current.0 - previous.0,
                now_precision.coarser(then_precision),
            )),
        }
    }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn population_sd(values: &[f64]) -> f64 {
    let mean = mean(values);
    let variance =
        values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len().max(1) as f64;
    variance.sqrt()
}

/// The scale point a score counts at: the nearest, halves going up (3.5 is 4), because a person
/// who is halfway reaches the higher point as often as not.
fn point_of(value: f64, scale: &Scale) -> f64 {
    let (min, max) = (f64::from(scale.min()), f64::from(scale.max()));
    (value + 0.5).floor().clamp(min, max)
}

/// People per scale point.
fn distribution(values: &[f64], scale: &Scale) -> Vec<PointCount> {
    scale
        .points
        .iter()
        .map(|p| PointCount {
            point: p.value,
            count: Count(
                values
                    .iter()
                    .filter(|v| point_of(**v, scale) == f64::from(p.value))
                    .count(),
            ),
        })
        .collect()
}

/// People whose score counts at a point below target. Counted at the point, as in the
/// distribution, so the count says nothing the distribution does not: counted on the exact
/// score it would tell, of a person added between two reports, on which side of the target
/// within their point they are.
fn below_target(values: &[f64], target: f64, scale: &Scale) -> usize {
    values
        .iter()
        .filter(|v| point_of(**v, scale) < target)
        .count()
}

/// The need for schooling: how far the mean is below target (never less than nothing) times
/// the people below target, so a small gap for many weighs like a large gap for a few. Made of
/// published figures only.
fn need(gap: Figure, below: Count) -> Figure {
    Figure((gap.0.max(0.0) * below.0 as f64 * 10.0).round() / 10.0 + 0.0)
}

/// The figures of a 360 report (`crate::report::feedback`), by the same rules: a group of
/// raters (a kind, or the small kinds merged as "anderen") is shown only from its minimum, as
/// a rounded mean and a count; the single statements behind a blind spot, whose answers are
/// whole points given by a few raters, only to whole points.
pub mod rated {
    use super::{Count, Figure, Precision, mean, round};

    /// A group's mean and number of raters, or none below `minimum`.
    pub fn group(values: &[f64], minimum: usize) -> Option<(Count, Figure)> {
        (values.len() >= minimum.max(1)).then(|| {
            let precision = Precision::of_group(values.len());
            (Count(values.len()), round(mean(values), precision))
        })
    }

    /// The mean over published groups, weighed by their published counts: made of published
    /// figures only, so it tells nothing they do not; rounded as the coarsest of them.
    pub fn combined(groups: &[(Count, Figure)]) -> Option<Figure> {
        let raters: usize = groups.iter().map(|(n, _)| n.0).sum();
        if raters == 0 {
            return None;
        }
        let sum: f64 = groups.iter().map(|(n, m)| n.0 as f64 * m.0).sum();
        let precision = groups
            .iter()
            .map(|(n, _)| Precision::of_group(n.0))
            .fold(Precision::Tenth, Precision::coarser);
        Some(round(sum / raters as f64, precision))
    }

    /// The mean answer of a statement over the raters who answered it, to whole points, or
    /// none below `minimum`.
    pub fn statement(values: &[f64], minimum: usize) -> Option<Figure> {
        (values.len() >= minimum.max(1)).then(|| round(mean(values), Precision::Whole))
    }

    /// A difference of a person's own score (exact: their own) and a published figure, to
    /// the figure's precision; it tells no more than the figure.
    pub fn difference(own: f64, published: Figure) -> Figure {
        round(own - published.0, Precision::Tenth)
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Figures and a scale for unit tests here and elsewhere that need a report model by hand.
    use super::{Count, Figure};
    use crate::framework::{Scale, ScalePoint};

    /// The five-point frequency scale with n.v.t., as the bundled self-scan has it.
    pub fn scale() -> Scale {
        Scale {
            id: "frequentie".into(),
            name: "f".into(),
            points: (1..=5)
                .map(|value| ScalePoint {
                    value,
                    label: value.to_string(),
                    anchor: None,
                })
                .collect(),
            not_applicable: Some("n.v.t.".into()),
            origin: Default::default(),
        }
    }

    pub fn figure(value: f64) -> Figure {
        Figure(value)
    }

    pub fn count(value: usize) -> Count {
        Count(value)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::scale;
    use super::*;

    const POLICY: Policy = Policy { min_group: 3 };

    fn stats(values: &[f64], target: Option<f64>) -> CompetencyStats {
        POLICY
            .competency(values, 0, target, &scale())
            .expect("shown")
    }

    fn value(figure: Option<Figure>) -> Option<f64> {
        figure.map(Figure::value)
    }

    /// Every figure below is worked out by hand in the comment above it.
    #[test]
    fn means_are_rounded_to_half_points_below_ten_and_to_tenths_from_ten() {
        // 3 4 2.5 4 3.6: mean 3.42 -> 3.5; sd 0.588 -> 0.5.
        let five = stats(&[3.0, 4.0, 2.5, 4.0, 3.6], None);
        assert_eq!(five.mean.value(), 3.5);
        assert_eq!(value(five.sd), Some(0.5));
        // 3.24 -> 3.0 (3.24 is nearer 3 than 3.5).
        assert_eq!(
            stats(&[3.0, 3.2, 3.4, 3.3, 3.3], None).mean.value(),
            3.5 - 0.5
        );
        // ten people, sum 34.4: mean 3.44 -> 3.4.
        let ten = [3.0, 4.0, 2.5, 4.0, 3.6, 3.0, 4.0, 2.5, 4.0, 3.8];
        assert_eq!(stats(&ten, None).mean.value(), 3.4);
        // 0.1 steps leave no binary noise: 3.45 -> 3.5 (halves away from zero).
        let tenths = [3.4, 3.5, 3.4, 3.5, 3.4, 3.5, 3.4, 3.5, 3.4, 3.5];
        assert_eq!(stats(&tenths, None).mean.value(), 3.5);
    }

    #[test]
    fn no_figure_is_one_persons_score_and_small_groups_show_mean_and_below_only() {
        let json = serde_json::to_value(stats(&[3.0, 4.0, 2.5, 4.0, 3.6], Some(4.0))).unwrap();
        for dropped in ["median", "min", "max"] {
            assert!(json.get(dropped).is_none(), "{dropped} in {json}");
        }
        // 2, 3, 5 (three people, target 4): mean 3.33 -> 3.5; below: 2 and 3; gap 0.5.
        let three = stats(&[2.0, 3.0, 5.0], Some(4.0));
        assert_eq!(three.mean.value(), 3.5);
        assert_eq!(three.below_target, Some(Count(2)));
        assert_eq!(
            (three.sd, three.distribution, three.not_applicable),
            (None, None, None)
        );
        assert_eq!(value(three.gap), Some(0.5));
        // need = gap 0.5 × 2 below.
        assert_eq!(value(three.need), Some(1.0));
        assert_eq!(POLICY.competency(&[2.0, 3.0], 0, None, &scale()), None);
    }

    #[test]
    fn below_target_counts_at_the_scale_point_as_the_distribution_does() {
        // 3.4 counts at 3 (below 4); 3.5 and 3.6 at 4, 4.5 at 5.
        let shown = stats(&[3.4, 3.5, 3.6, 4.5, 2.0], Some(4.0));
        assert_eq!(shown.below_target, Some(Count(2)));
        let counts: Vec<usize> = shown
            .distribution
            .unwrap()
            .iter()
            .map(|c| c.count.get())
            .collect();
        assert_eq!(counts, [0, 1, 1, 2, 1]);
    }

    #[test]
    fn a_change_is_the_difference_of_the_rounded_means_rounded_as_the_smaller_group() {
        let policy = Policy { min_group: 5 };
        let ten = [4.0; 10];
        // then: 3.3 3.3 3.3 3.3 3.3 3.4 (six) -> 3.3167 -> 3.5; now ten times 4.0 -> 4.0.
        let six = [3.3, 3.3, 3.3, 3.3, 3.3, 3.4];
        let change = policy.change(&ten, &six, Basis::Full);
        assert_eq!(value(change.previous_mean), Some(3.5));
        // 4.0 − 3.5 = 0.5, at half points.
        assert_eq!(value(change.change), Some(0.5));
        // Both ten or more: tenths. 4.0 − 3.44 (-> 3.4) = 0.6.
        let then = [3.0, 4.0, 2.5, 4.0, 3.6, 3.0, 4.0, 2.5, 4.0, 3.8];
        assert_eq!(
            value(policy.change(&ten, &then, Basis::Full).change),
            Some(0.6)
        );
        // Anonymous contributions: half points whatever the size: 4.0 − 3.5 = 0.5.
        let unmatched = policy.change(&ten, &then, Basis::Unmatched);
        assert_eq!(value(unmatched.previous_mean), Some(3.5));
        assert_eq!(value(unmatched.change), Some(0.5));
        assert!(policy.change(&ten, &six[..4], Basis::Full).withheld);
        assert!(policy.change(&ten, &then, Basis::Withheld).withheld);
    }

    fn people(names: &[&str]) -> Vec<Identity> {
        names
            .iter()
            .map(|name| match *name {
                "" => Identity::Unnamed,
                "?" => Identity::Anonymous,
                name => Identity::Named(PersonKey::of_name(name).unwrap()),
            })
            .collect()
    }

    fn basis(min_group: usize, now: &[&str], then: &[&str]) -> Basis {
        let (now, then) = (people(now), people(then));
        let now: Vec<&Identity> = now.iter().collect();
        let then: Vec<&Identity> = then.iter().collect();
        Policy { min_group }.basis(&now, &then).0
    }

    #[test]
    fn rounds_are_compared_in_full_over_the_people_in_both_or_not_at_all() {
        let five = ["a", "b", "c", "d", "e"];
        // The same people, however their names are typed: in full.
        assert_eq!(basis(5, &five, &["E", "d ", "C", "b", "a"]), Basis::Full);
        // One joined: differ by 1, five in both: only those five.
        assert_eq!(
            basis(5, &["a", "b", "c", "d", "e", "f"], &five),
            Basis::PeopleInBoth
        );
        // One left and one joined: differ by 2; four in both is too few.
        assert_eq!(basis(5, &["a", "b", "c", "d", "f"], &five), Basis::Withheld);
        // Five joined, one left: differ by 6 >= 5: in full.
        let many = ["a", "b", "c", "d", "f", "g", "h", "i", "j"];
        assert_eq!(basis(5, &many, &five), Basis::Full);
        // A scan without a name matches no one: it left and joined.
        let unnamed = ["a", "b", "c", "d", "e", ""];
        assert_eq!(basis(5, &unnamed, &unnamed), Basis::PeopleInBoth);
        // A name twice in a round matches nothing: b to f are in both, three differ.
        let twice = ["a", "a", "b", "c", "d", "e", "f"];
        assert_eq!(
            basis(5, &twice, &["a", "b", "c", "d", "e", "f"]),
            Basis::PeopleInBoth
        );
        // Anonymous contributions in either round.
        assert_eq!(
            basis(5, &five, &["a", "b", "c", "d", "?"]),
            Basis::Unmatched
        );
    }

    #[test]
    fn a_person_key_never_shows_the_name() {
        let key = PersonKey::of_name("Sanne de Vries").unwrap();
        assert!(!format!("{key:?}").contains("anne"));
        assert_eq!(PersonKey::of_name(" \u{a0}"), None);
    }
}
