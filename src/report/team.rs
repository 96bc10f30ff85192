//! The team report: per competency how a team scores against target, and a schooling plan
//! ranked by need. Built from one score per person per competency; no name enters this model,
//! and every figure in it is released by the disclosure policy (`super::disclosure`).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

pub use super::disclosure::{Basis, Change, CompetencyStats, Count, Figure, Identity, PointCount};
use super::disclosure::{PersonKey, Policy};
use super::suggestions::{self, Audience, Suggestion};
use crate::framework::{Competency, Framework, Library, Role, Scale};
use crate::result::ScanResult;
use crate::scans::{Interner, SkipReason, Skipped};
use crate::score::{CompetencyScore, score_competency};

/// The smallest group shown unless `--min-group` says otherwise.
pub const DEFAULT_MIN_GROUP: usize = 5;

/// `--min-group` below this is refused: in a group of two, each knows the other's score.
pub const LOWEST_MIN_GROUP: usize = 3;

/// The optional field of a scan result a report can be split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum GroupField {
    Team,
    Role,
}

impl GroupField {
    fn value_of(self, member: &Member) -> Option<&str> {
        match self {
            GroupField::Team => member.team.as_deref(),
            GroupField::Role => member.role.as_deref(),
        }
    }
}

/// One person's scan reduced to what a team report may use: the grouping fields, the date,
/// the scores, and who they are only as a key to match rounds by (never shown). The name
/// itself is dropped here, before anything is counted. Small, since a report may hold a
/// hundred thousand: the texts many share are shared, and each score is one mark.
#[derive(Debug, Clone)]
pub struct Member {
    pub identity: Identity,
    pub team: Option<Arc<str>>,
    pub role: Option<Arc<str>>,
    pub date: Arc<str>,
    /// Per competency of the framework, in its order.
    pub marks: Box<[Mark]>,
}

/// What one person's scan says of one competency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The scan did not ask it.
    NotAsked,
    /// Asked, and no statement answered.
    Unanswered,
    /// Asked, and every statement answered "not applicable".
    NotApplicable,
    /// The score in hundredths: `score::round2` of the mean, so nothing is lost.
    Score(u16),
}

impl Mark {
    fn of(score: &CompetencyScore) -> Mark {
        match score.score {
            // A mean of points of at most 255, rounded to hundredths: a whole number below
            // 25,500 once multiplied, which divides back to the same f64.
            Some(value) => Mark::Score((value * 100.0).round() as u16),
            None if score.not_applicable > 0 => Mark::NotApplicable,
            None => Mark::Unanswered,
        }
    }

    pub fn score(self) -> Option<f64> {
        match self {
            Mark::Score(hundredths) => Some(f64::from(hundredths) / 100.0),
            _ => None,
        }
    }
}

impl Member {
    /// The member a scan of `framework` makes; `texts` shares the team, role and date.
    pub fn from_scan(framework: &Framework, result: &ScanResult, texts: &mut Interner) -> Member {
        let mut field = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| texts.get(v))
        };
        let (team, role) = (field(&result.team), field(&result.role));
        let identity = if crate::result::contribution::is_anonymous(result) {
            Identity::Anonymous
        } else {
            PersonKey::of_name(&result.name).map_or(Identity::Unnamed, Identity::Named)
        };
        // What `score::score_scan` scores, in the framework's order.
        let asked = framework.scan_competencies(&result.competencies);
        let marks = framework
            .competencies
            .iter()
            .map(|competency| {
                if asked.iter().any(|a| std::ptr::eq(*a, competency)) {
                    Mark::of(&score_competency(competency, &result.answers, None))
                } else {
                    Mark::NotAsked
                }
            })
            .collect();
        Member {
            identity,
            team,
            role,
            date: texts.get(result.date()),
            marks,
        }
    }

    /// The mark of the framework's competency at `index`.
    fn mark(&self, index: usize) -> Mark {
        self.marks.get(index).copied().unwrap_or(Mark::NotAsked)
    }
}

/// How the framework of the report was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FrameworkChoice {
    /// With `--framework`.
    Given,
    /// The framework most usable files have.
    MostFiles,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TeamReport {
    pub framework: String,
    pub framework_name: String,
    pub framework_choice: FrameworkChoice,
    /// The role whose targets are used.
    pub role: Option<String>,
    pub min_group: usize,
    pub scale: Vec<ScalePointLabel>,
    pub not_applicable: Option<String>,
    pub team: Section,
    /// Dates of the first and the last scan (none when the team is withheld).
    pub period: Option<(String, String)>,
    pub split: Option<Split>,
    /// Competencies below target, the greatest need first.
    pub plan: Vec<PlanEntry>,
    pub since: Option<Since>,
    /// How many files were skipped, per reason. Which files is told on stderr only: file names
    /// may hold names (`vakwijzer scan` names a file after the person), and a report is shared.
    pub skipped: Vec<SkipCount>,
    /// Scans used with a remark (made with another version of the framework).
    pub scans_with_remarks: usize,
    /// The disclosure policy in one sentence, as every team output shows it.
    pub policy: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SkipCount {
    pub reason: SkipReason,
    pub count: usize,
}

/// The skipped files counted per reason, in the order of the reasons.
pub fn count_skipped(skipped: &[Skipped]) -> Vec<SkipCount> {
    let mut counts: BTreeMap<SkipReason, usize> = BTreeMap::new();
    for skip in skipped {
        *counts.entry(skip.reason).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(reason, count)| SkipCount { reason, count })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ScalePointLabel {
    pub value: u8,
    pub label: String,
}

/// The report of one group of people (or the whole team).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Section {
    /// Number of scans; none when the group is withheld, so a small size is never shown.
    pub scans: Option<usize>,
    pub withheld: bool,
    pub competencies: Vec<CompetencyRow>,
    /// Who the changes are computed over, with `--since`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_basis: Option<Basis>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CompetencyRow {
    pub id: String,
    pub name: String,
    pub target: Option<f64>,
    /// Fewer than `min_group` scores (or hidden so a withheld group cannot be worked out).
    pub withheld: bool,
    pub stats: Option<CompetencyStats>,
    /// The change since the earlier round, with `--since`.
    pub change: Option<Change>,
}

/// The report split by a field, or why it was not split.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Split {
    pub field: GroupField,
    /// Empty when the split is refused.
    pub groups: Vec<GroupSection>,
    pub refused: Option<Refusal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GroupSection {
    /// The field's value; none for the people who left it empty.
    pub value: Option<String>,
    #[serde(flatten)]
    pub section: Section,
    /// The group's own schooling plan, from its figures as the policy shows them.
    pub plan: Vec<PlanEntry>,
}

/// How many groups are below the minimum: neither their names nor their sizes, since a
/// reader who learns that a group of one value exists has learnt about its few people.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Refusal {
    pub too_small: usize,
    pub too_small_earlier: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct PlanEntry {
    pub rank: usize,
    pub id: String,
    pub name: String,
    pub mean: Figure,
    pub target: f64,
    pub gap: Figure,
    pub below_target: Count,
    pub scans: Count,
    pub need: Figure,
    /// Whether the plan works this competency out: the [`PLAN_IN_FULL`] greatest needs are,
    /// the others are named only.
    pub in_full: bool,
    /// At most three activities, learning together first, none repeated in the plan; empty
    /// for a competency not worked out.
    pub suggestions: Vec<Suggestion>,
}

/// How many competencies of a plan are worked out with activities; the rest are named.
pub const PLAN_IN_FULL: usize = 3;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Since {
    pub scans: Option<usize>,
    pub withheld: bool,
    pub period: Option<(String, String)>,
    pub skipped: Vec<SkipCount>,
}

/// The people of one round and the files that could not be used.
#[derive(Debug, Clone, Default)]
pub struct Round {
    pub members: Vec<Member>,
    pub skipped: Vec<Skipped>,
    /// Scans used with a remark (made with another version of the framework).
    pub scans_with_remarks: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The role whose targets everyone is measured against (`--role`); else the default,
    /// and with `--by role` each group its own.
    pub role: Option<&'a Role>,
    pub min_group: usize,
    pub by: Option<GroupField>,
    pub choice: FrameworkChoice,
}

/// The competencies with a need, the greatest first; equal needs by the larger gap, then in
/// the framework's order.
pub fn rank_by_need(rows: &[CompetencyRow]) -> Vec<&CompetencyRow> {
    let key = |r: &CompetencyRow| {
        let stats = r.stats.as_ref();
        (
            stats.and_then(|s| s.need).map_or(0.0, Figure::value),
            stats.and_then(|s| s.gap).map_or(0.0, Figure::value),
        )
    };
    let mut ranked: Vec<&CompetencyRow> = rows.iter().filter(|r| key(r).0 > 0.0).collect();
    ranked.sort_by(|a, b| {
        let (need_a, gap_a) = key(a);
        let (need_b, gap_b) = key(b);
        need_b.total_cmp(&need_a).then(gap_b.total_cmp(&gap_a))
    });
    ranked
}

// ---- building the report ----

#[derive(Clone)]
struct Context<'a> {
    /// With `--by role`, each role's own targets, by role id: a group is measured against the
    /// targets of the role it is (empty when `--role` sets one role for everyone).
    role_targets: BTreeMap<&'a str, &'a BTreeMap<String, f64>>,
    /// The competencies anyone in the round was asked, with their place in the framework (where
    /// a member's mark for it is); the others get no row at all.
    competencies: Vec<(usize, &'a Competency)>,
    scale: &'a Scale,
    targets: Option<&'a BTreeMap<String, f64>>,
    policy: Policy,
}

impl Context<'_> {
    /// The target of a competency. The one place a target is looked up, so that targets per
    /// group (each role its own) change only this.
    fn target(&self, competency: &Competency) -> Option<f64> {
        self.targets.and_then(|t| t.get(&competency.id)).copied()
    }
}

fn withheld_row(competency: &Competency, target: Option<f64>) -> CompetencyRow {
    CompetencyRow {
        id: competency.id.clone(),
        name: competency.name.clone(),
        target,
        withheld: true,
        stats: None,
        change: None,
    }
}

/// The report of a group of people; withheld as a whole below the minimum, and per competency
/// where fewer people than the minimum have a score.
fn section(context: &Context, members: &[&Member]) -> Section {
    let group_withheld = !context.policy.shows(members.len());
    let competencies = context
        .competencies
        .iter()
        .map(|&(at, competency)| {
            let target = context.target(competency);
            if group_withheld {
                return withheld_row(competency, target);
            }
            let values: Vec<f64> = members.iter().filter_map(|m| m.mark(at).score()).collect();
            let not_applicable = members
                .iter()
                .filter(|m| m.mark(at) == Mark::NotApplicable)
                .count();
            match context
                .policy
                .competency(&values, not_applicable, target, context.scale)
            {
                Some(stats) => CompetencyRow {
                    id: competency.id.clone(),
                    name: competency.name.clone(),
                    target,
                    withheld: false,
                    stats: Some(stats),
                    change: None,
                },
                None => withheld_row(competency, target),
            }
        })
        .collect();
    Section {
        scans: (!group_withheld).then_some(members.len()),
        withheld: group_withheld,
        competencies,
        change_basis: None,
    }
}

/// Adds the change of each shown competency since the earlier round, over the people the
/// policy says: everyone, or only the people in both rounds.
fn add_changes(context: &Context, current: &mut Section, now: &[&Member], then: &[&Member]) {
    fn identities<'a>(members: &[&'a Member]) -> Vec<&'a Identity> {
        members.iter().map(|m| &m.identity).collect()
    }
    let (basis, pairs) = if context.policy.shows(then.len()) {
        context.policy.basis(&identities(now), &identities(then))
    } else {
        (Basis::Withheld, Vec::new())
    };
    let (now, then): (Vec<&Member>, Vec<&Member>) = match basis {
        Basis::PeopleInBoth => pairs.iter().map(|&(n, t)| (now[n], then[t])).unzip(),
        _ => (now.to_vec(), then.to_vec()),
    };
    // A section has a row per competency of the context, in its order.
    for (row, &(at, _)) in current.competencies.iter_mut().zip(&context.competencies) {
        let values = |members: &[&Member]| -> Vec<f64> {
            members.iter().filter_map(|m| m.mark(at).score()).collect()
        };
        row.change = Some(match row.stats {
            Some(_) => context.policy.change(&values(&now), &values(&then), basis),
            None => Change::withheld(),
        });
    }
    current.change_basis = Some(basis);
}

/// Where one group withholds a competency (or its change), every group does: otherwise the
/// whole team's figure minus the shown groups would give away the withheld one.
fn suppress_complements(groups: &mut [GroupSection]) {
    let Some(first) = groups.first() else { return };
    for index in 0..first.section.competencies.len() {
        let row = |g: &GroupSection| g.section.competencies.get(index).cloned();
        let stats_hidden = groups
            .iter()
            .any(|g| row(g).is_none_or(|r| r.stats.is_none()));
        let change_hidden = groups.iter().any(|g| {
            row(g)
                .and_then(|r| r.change)
                .is_some_and(|change| change.withheld)
        });
        for group in groups.iter_mut() {
            let Some(row) = group.section.competencies.get_mut(index) else {
                continue;
            };
            if stats_hidden {
                row.stats = None;
                row.withheld = true;
            }
            if (stats_hidden || change_hidden) && row.change.is_some() {
                row.change = Some(Change::withheld());
            }
        }
    }
}

/// Members per value of the field, the values in order and the people without one last.
fn groups_of(members: &[Member], field: GroupField) -> Vec<(Option<String>, Vec<&Member>)> {
    let mut named: BTreeMap<&str, Vec<&Member>> = BTreeMap::new();
    let mut without = Vec::new();
    for member in members {
        match field.value_of(member) {
            Some(value) => named.entry(value).or_default().push(member),
            None => without.push(member),
        }
    }
    let mut groups: Vec<(Option<String>, Vec<&Member>)> = named
        .into_iter()
        .map(|(value, members)| (Some(value.to_string()), members))
        .collect();
    if !without.is_empty() {
        groups.push((None, without));
    }
    groups
}

/// Splits by `field` only when every group (the people without a value being a group too, as
/// the whole team minus the others would show them) meets the minimum, in both rounds.
fn split(
    context: &Context,
    field: GroupField,
    current: &[Member],
    earlier: Option<&[Member]>,
) -> Split {
    let now = groups_of(current, field);
    let then = earlier.map(|e| groups_of(e, field)).unwrap_or_default();
    let mut values: Vec<Option<String>> = now.iter().map(|(v, _)| v.clone()).collect();
    for (value, _) in &then {
        if !values.contains(value) {
            values.push(value.clone());
        }
    }
    let size = |groups: &[(Option<String>, Vec<&Member>)], value: &Option<String>| {
        groups
            .iter()
            .find(|(v, _)| v == value)
            .map_or(0, |(_, m)| m.len())
    };
    let too_small = |groups: &[(Option<String>, Vec<&Member>)]| {
        values
            .iter()
            .filter(|v| !context.policy.shows(size(groups, v)))
            .count()
    };
    let refusal = Refusal {
        too_small: too_small(&now),
        too_small_earlier: if earlier.is_some() {
            too_small(&then)
        } else {
            0
        },
    };
    if refusal.too_small > 0 || refusal.too_small_earlier > 0 {
        return Split {
            field,
            groups: Vec::new(),
            refused: Some(refusal),
        };
    }
    let mut groups: Vec<GroupSection> = now
        .iter()
        .map(|(value, members)| {
            let own = (field == GroupField::Role)
                .then_some(value.as_deref())
                .flatten()
                .and_then(|v| context.role_targets.get(v.trim()));
            let group_context;
            let context = match own {
                Some(targets) => {
                    group_context = Context {
                        targets: Some(targets),
                        ..context.clone()
                    };
                    &group_context
                }
                None => context,
            };
            let mut report = section(context, members);
            if earlier.is_some() {
                let before = then
                    .iter()
                    .find(|(v, _)| v == value)
                    .map_or(&[][..], |(_, m)| m.as_slice());
                add_changes(context, &mut report, members, before);
            }
            GroupSection {
                value: value.clone(),
                section: report,
                plan: Vec::new(),
            }
        })
        .collect();
    suppress_complements(&mut groups);
    Split {
        field,
        groups,
        refused: None,
    }
}

fn period(members: &[Member]) -> Option<(String, String)> {
    let first = members.iter().map(|m| &m.date).min()?;
    let last = members.iter().map(|m| &m.date).max()?;
    Some((first.to_string(), last.to_string()))
}

/// The schooling plan of a section: the competencies with a need, the greatest first, from
/// the figures the policy released for it (so a group's plan tells nothing its table does
/// not); the first [`PLAN_IN_FULL`] with their activities.
fn plan(library: &Library, framework: &Framework, section: &Section) -> Vec<PlanEntry> {
    let ranked: Vec<&CompetencyRow> = rank_by_need(&section.competencies)
        .into_iter()
        .filter(|row| {
            row.target.is_some()
                && row
                    .stats
                    .as_ref()
                    .is_some_and(|s| s.gap.is_some() && s.below_target.is_some())
        })
        .collect();
    let mut activities = suggestions::for_competencies(
        library,
        &framework.id,
        ranked.iter().take(PLAN_IN_FULL).map(|row| row.id.as_str()),
        Audience::Team,
    )
    .into_iter();
    ranked
        .into_iter()
        .enumerate()
        .filter_map(|(index, row)| {
            let stats = row.stats.as_ref()?;
            Some(PlanEntry {
                rank: index + 1,
                id: row.id.clone(),
                name: row.name.clone(),
                mean: stats.mean,
                target: row.target?,
                gap: stats.gap?,
                below_target: stats.below_target?,
                scans: stats.scans,
                need: stats.need?,
                in_full: index < PLAN_IN_FULL,
                suggestions: activities.next().unwrap_or_default(),
            })
        })
        .collect()
}

/// Builds the team report of `current`, with the change since `earlier` when given.
pub fn build(
    library: &Library,
    framework: &Framework,
    scale: &Scale,
    current: Round,
    earlier: Option<Round>,
    options: Options,
) -> TeamReport {
    let role = options.role.or_else(|| library.default_role(&framework.id));
    let role_targets = match options.role {
        Some(_) => BTreeMap::new(),
        None => library
            .roles_of(&framework.id)
            .into_iter()
            .filter_map(|r| Some((r.id.as_str(), r.targets.get(&framework.id)?)))
            .collect(),
    };
    let scanned = framework.scan_competencies(&[]);
    let asked = |&(at, c): &(usize, &Competency)| {
        scanned.iter().any(|s| std::ptr::eq(*s, c))
            && current.members.iter().any(|m| m.mark(at) != Mark::NotAsked)
    };
    let context = Context {
        role_targets,
        competencies: framework
            .competencies
            .iter()
            .enumerate()
            .filter(asked)
            .collect(),
        scale,
        targets: role.and_then(|r| r.targets.get(&framework.id)),
        policy: Policy {
            min_group: options.min_group,
        },
    };
    let everyone: Vec<&Member> = current.members.iter().collect();
    let mut team = section(&context, &everyone);
    let since = earlier.as_ref().map(|earlier| {
        let before: Vec<&Member> = earlier.members.iter().collect();
        let shown = context.policy.shows(before.len());
        add_changes(&context, &mut team, &everyone, &before);
        Since {
            scans: shown.then_some(before.len()),
            withheld: !shown,
            period: shown.then(|| period(&earlier.members)).flatten(),
            skipped: count_skipped(&earlier.skipped),
        }
    });
    let split = options.by.filter(|_| !team.withheld).map(|field| {
        let mut split = split(
            &context,
            field,
            &current.members,
            earlier.as_ref().map(|e| e.members.as_slice()),
        );
        // After `suppress_complements`: a group's plan uses only what its table shows.
        for group in &mut split.groups {
            group.plan = plan(library, framework, &group.section);
        }
        split
    });
    let scans_with_remarks =
        current.scans_with_remarks + earlier.as_ref().map_or(0, |e| e.scans_with_remarks);
    TeamReport {
        framework: framework.id.clone(),
        framework_name: framework.name.clone(),
        framework_choice: options.choice,
        role: role.map(|r| r.name.clone()),
        min_group: options.min_group,
        scale: scale
            .points
            .iter()
            .map(|p| ScalePointLabel {
                value: p.value,
                label: p.label.clone(),
            })
            .collect(),
        not_applicable: scale.not_applicable.clone(),
        period: (!team.withheld).then(|| period(&current.members)).flatten(),
        plan: plan(library, framework, &team),
        team,
        split,
        since,
        skipped: count_skipped(&current.skipped),
        scans_with_remarks,
        policy: crate::t!("team.policy", n = options.min_group),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::disclosure::testing::{count, figure, scale};

    fn row(id: &str, gap: f64, below: usize) -> CompetencyRow {
        CompetencyRow {
            id: id.into(),
            name: id.into(),
            target: Some(4.0),
            withheld: false,
            stats: Some(CompetencyStats {
                scans: count(10),
                mean: figure(4.0 - gap),
                sd: None,
                distribution: None,
                not_applicable: None,
                below_target: Some(count(below)),
                gap: Some(figure(gap)),
                need: Some(figure(gap.max(0.0) * below as f64)),
            }),
            change: None,
        }
    }

    #[test]
    fn the_plan_ranks_by_need_then_gap_then_framework_order() {
        let rows = vec![
            row("a", 0.5, 2),  // need 1.0
            row("b", 0.25, 8), // need 2.0
            row("c", 1.0, 2),  // need 2.0, larger gap than b
            row("d", -0.3, 3), // above target: no need, not in the plan
            row("e", 0.2, 5),  // need 1.0, smaller gap than a
            row("f", 0.5, 2),  // as a: after a
        ];
        let mut withheld = row("g", 2.0, 9);
        withheld.stats = None;
        let mut all = rows;
        all.push(withheld);
        let ranked: Vec<&str> = rank_by_need(&all).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ranked, ["c", "b", "a", "f", "e"]);
    }

    /// A member with a score (or only "not applicable") for each competency, in order.
    fn member(team: Option<&str>, scores: &[(&str, Option<f64>)]) -> Member {
        Member {
            identity: Identity::Unnamed,
            team: team.map(Into::into),
            role: None,
            date: "2026-11-01".into(),
            marks: scores
                .iter()
                .map(|(_, score)| match score {
                    Some(value) => Mark::Score((value * 100.0) as u16),
                    None => Mark::NotApplicable,
                })
                .collect(),
        }
    }

    fn competency(id: &str) -> Competency {
        Competency {
            id: id.into(),
            number: None,
            name: id.into(),
            cluster: None,
            definition: None,
            drivers: vec![],
            remarks: vec![],
            indicators: vec![crate::framework::Item {
                id: format!("{id}.i1"),
                text: "x".into(),
                reference: None,
                origin: Default::default(),
            }],
            questions: vec![],
            origin: Default::default(),
        }
    }

    #[test]
    fn small_groups_and_competencies_are_withheld_without_their_size() {
        let (a, b) = (competency("a"), competency("b"));
        let scale = scale();
        let context = Context {
            role_targets: BTreeMap::new(),
            competencies: vec![(0, &a), (1, &b)],
            scale: &scale,
            targets: None,
            policy: Policy { min_group: 3 },
        };
        // b has a score from two people only (the third answered n.v.t.).
        let members = [
            member(None, &[("a", Some(3.0)), ("b", Some(4.0))]),
            member(None, &[("a", Some(4.0)), ("b", None)]),
            member(None, &[("a", Some(5.0)), ("b", Some(2.0))]),
        ];
        let everyone: Vec<&Member> = members.iter().collect();
        let report = section(&context, &everyone);
        assert_eq!(report.scans, Some(3));
        assert!(report.competencies[0].stats.is_some());
        assert!(report.competencies[1].withheld);
        assert_eq!(report.competencies[1].stats, None);
        // Two people: the whole group is withheld, and its size is not given.
        let report = section(&context, &everyone[..2]);
        assert!(report.withheld);
        assert_eq!(report.scans, None);
        assert!(report.competencies.iter().all(|c| c.stats.is_none()));
    }

    #[test]
    fn a_split_needs_every_group_large_enough_in_both_rounds() {
        let a = competency("a");
        let scale = scale();
        let context = Context {
            role_targets: BTreeMap::new(),
            competencies: vec![(0, &a)],
            scale: &scale,
            targets: None,
            policy: Policy { min_group: 2 },
        };
        let people = |teams: &[Option<&str>]| -> Vec<Member> {
            teams
                .iter()
                .map(|t| member(*t, &[("a", Some(3.0))]))
                .collect()
        };
        let now = people(&[Some("N"), Some("N"), Some("Z"), Some("Z")]);
        let accepted = split(&context, GroupField::Team, &now, None);
        assert_eq!(accepted.refused, None);
        assert_eq!(accepted.groups.len(), 2);
        // The people without a team are a group too.
        let with_stray = people(&[Some("N"), Some("N"), Some("Z"), Some("Z"), None]);
        let refused = split(&context, GroupField::Team, &with_stray, None);
        assert!(refused.groups.is_empty());
        assert_eq!(refused.refused.unwrap().too_small, 1);
        // Large enough now, but Z was one person in the earlier round.
        let then = people(&[Some("N"), Some("N"), Some("Z")]);
        let refused = split(&context, GroupField::Team, &now, Some(&then));
        let refusal = refused.refused.unwrap();
        assert_eq!((refusal.too_small, refusal.too_small_earlier), (0, 1));
    }

    #[test]
    fn a_competency_withheld_in_one_group_is_withheld_in_all() {
        let (a, b) = (competency("a"), competency("b"));
        let scale = scale();
        let context = Context {
            role_targets: BTreeMap::new(),
            competencies: vec![(0, &a), (1, &b)],
            scale: &scale,
            targets: None,
            policy: Policy { min_group: 2 },
        };
        let members = vec![
            member(Some("N"), &[("a", Some(3.0)), ("b", Some(3.0))]),
            member(Some("N"), &[("a", Some(4.0)), ("b", Some(4.0))]),
            member(Some("Z"), &[("a", Some(2.0)), ("b", Some(5.0))]),
            member(Some("Z"), &[("a", Some(5.0)), ("b", None)]),
        ];
        let result = split(&context, GroupField::Team, &members, None);
        for group in &result.groups {
            assert!(group.section.competencies[0].stats.is_some());
            // Only Z has too few for b, but N's b would give Z's away next to the team's.
            assert!(group.section.competencies[1].withheld, "{:?}", group.value);
        }
    }
}
