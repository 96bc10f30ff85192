//! The personal scan report: scores against targets, strengths, development points with the
//! person's notes and schooling suggestions, and the progress since an earlier scan.

use serde::Serialize;

use super::suggestions::{self, Audience, BoksSuggestion, Suggestion};
use crate::framework::{Framework, Library, Role, Scale};
use crate::result::{Answer, ScanResult};
use crate::score::{CompetencyScore, development_points, round2, score_scan, strengths};

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PersonalReport {
    pub name: String,
    pub framework: String,
    pub framework_name: String,
    pub date: String,
    pub role: Option<String>,
    pub complete: bool,
    pub competencies: Vec<CompetencyResult>,
    pub strengths: Vec<Highlight>,
    pub development_points: Vec<DevelopmentPoint>,
    pub progress: Option<Progress>,
    /// Every scan's scores, the first first, and the largest moves; with earlier scans only.
    pub trend: Option<Trend>,
    /// Per competency the highest level of the role reached and what the next asks; empty
    /// when the role has no levels for this framework.
    pub levels: Vec<LevelRow>,
    /// Who proposes the levels, when the source does not set them ("voorgesteld door vakwijzer").
    pub levels_note: Option<String>,
    /// Findings about the input (another framework version, dropped answers).
    pub warnings: Vec<String>,
    /// The development plan shown with the report (`--plan`), with the change since at a
    /// follow-up scan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<super::plan::PlanSection>,
    /// The lowest and highest point of the scan's scale, which charts span.
    #[serde(skip)]
    pub scale_range: (f64, f64),
}

/// A competency's score with the statements behind it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CompetencyResult {
    #[serde(flatten)]
    pub score: CompetencyScore,
    /// Every statement of the competency in the framework's order, with the answer given.
    pub statements: Vec<StatementAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct StatementAnswer {
    pub id: String,
    pub text: String,
    /// A point on the scale or "nvt"; none when the statement was not answered.
    pub answer: Option<Answer>,
    /// The scale's label of the answer ("vaak", "n.v.t.").
    pub label: Option<String>,
}

impl StatementAnswer {
    fn score(&self) -> Option<u8> {
        match self.answer {
            Some(Answer::Score(value)) => Some(value),
            _ => None,
        }
    }
}

impl CompetencyResult {
    /// The statements answered with the lowest score, in the framework's order.
    pub fn lowest(&self) -> Vec<&StatementAnswer> {
        let low = self
            .statements
            .iter()
            .filter_map(StatementAnswer::score)
            .min();
        self.with_score(low)
    }

    /// The statements answered with the highest score; none when every answer is the same
    /// (then there is no highest apart from the lowest).
    pub fn highest(&self) -> Vec<&StatementAnswer> {
        let scores = || self.statements.iter().filter_map(StatementAnswer::score);
        let high = scores().max();
        if high == scores().min() {
            return Vec::new();
        }
        self.with_score(high)
    }

    fn with_score(&self, score: Option<u8>) -> Vec<&StatementAnswer> {
        match score {
            Some(score) => self
                .statements
                .iter()
                .filter(|s| s.score() == Some(score))
                .collect(),
            None => Vec::new(),
        }
    }
}

/// Every statement of the competencies the scan asked, with its answer, per competency.
fn statements(
    framework: &Framework,
    scale: Option<&Scale>,
    result: &ScanResult,
) -> Vec<Vec<StatementAnswer>> {
    framework
        .scan_competencies(&result.competencies)
        .into_iter()
        .map(|competency| {
            competency
                .indicators
                .iter()
                .map(|item| {
                    let answer = result.answers.get(&item.id).copied();
                    let label = answer.and_then(|a| match a {
                        Answer::Score(v) => scale?.point(v).map(|p| p.label.clone()),
                        Answer::NotApplicable => scale?.not_applicable.clone(),
                    });
                    StatementAnswer {
                        id: item.id.clone(),
                        text: item.text.clone(),
                        answer,
                        label,
                    }
                })
                .collect()
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Highlight {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    pub target: Option<f64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DevelopmentPoint {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    pub target: Option<f64>,
    pub gap: Option<f64>,
    pub note: Option<String>,
    /// At most three things to do, best first, none suggested for another point as well.
    pub suggestions: Vec<Suggestion>,
    /// The whole BoKS rows the competency is linked to (the report's appendix).
    pub linked_boks: Vec<BoksSuggestion>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Progress {
    pub previous_date: String,
    pub rows: Vec<ProgressRow>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ProgressRow {
    pub id: String,
    pub name: String,
    pub previous: Option<f64>,
    pub current: Option<f64>,
    pub change: Option<f64>,
}

/// The scores over every scan of the person, oldest first.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Trend {
    /// The date of each scan, the first first; the last is the report's own.
    pub dates: Vec<String>,
    pub rows: Vec<TrendRow>,
    /// The largest growth and decline since the previous scan.
    pub since_previous: Moves,
    /// The same since the first scan; none when the previous scan is the first.
    pub since_first: Option<Moves>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TrendRow {
    pub id: String,
    pub name: String,
    /// One per date; none where that scan has no score.
    pub scores: Vec<Option<f64>>,
}

/// The competencies that moved most since a scan.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Moves {
    /// The date of the scan the moves are counted from.
    pub since: String,
    /// The largest rise, if any competency rose; the first in the framework's order on a tie.
    pub growth: Option<Move>,
    /// The largest fall, if any fell.
    pub decline: Option<Move>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Move {
    pub id: String,
    pub name: String,
    pub change: f64,
}

/// The largest rise and fall between the scores at `from` and the last scores.
pub fn moves(rows: &[TrendRow], from: usize, since: &str) -> Moves {
    let changes: Vec<Move> = rows
        .iter()
        .filter_map(|row| {
            let then = row.scores.get(from).copied().flatten()?;
            let now = row.scores.last().copied().flatten()?;
            Some(Move {
                id: row.id.clone(),
                name: row.name.clone(),
                change: round2(now - then),
            })
        })
        .collect();
    // The first of the largest: `max_by` would keep the last of equals.
    let pick = |better: fn(f64, f64) -> bool| {
        changes
            .iter()
            .fold(None::<&Move>, |best, m| match best {
                Some(b) if !better(m.change, b.change) => Some(b),
                _ => Some(m),
            })
            .cloned()
    };
    Moves {
        since: since.to_string(),
        growth: pick(|a, b| a > b).filter(|m| m.change > 0.0),
        decline: pick(|a, b| a < b).filter(|m| m.change < 0.0),
    }
}

fn trend(framework: &Framework, scans: &[&ScanResult], now: &[CompetencyScore]) -> Trend {
    let scored: Vec<Vec<CompetencyScore>> = scans
        .iter()
        .map(|scan| score_scan(framework, scan, None))
        .collect();
    let rows: Vec<TrendRow> = now
        .iter()
        .map(|competency| TrendRow {
            id: competency.id.clone(),
            name: competency.name.clone(),
            scores: scored
                .iter()
                .map(|scores| {
                    scores
                        .iter()
                        .find(|s| s.id == competency.id)
                        .and_then(|s| s.score)
                })
                .collect(),
        })
        .collect();
    let dates: Vec<String> = scans.iter().map(|s| s.date().to_string()).collect();
    let last = dates.len().saturating_sub(1);
    let previous = last.saturating_sub(1);
    Trend {
        since_previous: moves(&rows, previous, &dates[previous]),
        since_first: (previous > 0).then(|| moves(&rows, 0, &dates[0])),
        dates,
        rows,
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LevelRow {
    pub id: String,
    pub name: String,
    /// The highest level whose target the score meets.
    pub reached: Option<String>,
    /// The next level up, and its target for this competency.
    pub next: Option<String>,
    pub next_target: Option<f64>,
}

/// Per competency with a score: the highest level of `role` whose target it meets (levels are
/// ordered, the first the lowest), and the first level above that asks for more.
pub fn level_rows(
    role: Option<&Role>,
    framework: &str,
    scores: &[CompetencyScore],
) -> Vec<LevelRow> {
    let levels: Vec<_> = role
        .map(|r| {
            r.levels
                .iter()
                .filter_map(|l| Some((l, l.targets.get(framework)?)))
                .collect()
        })
        .unwrap_or_default();
    if levels.is_empty() {
        return Vec::new();
    }
    scores
        .iter()
        .map(|score| {
            let target = |n: usize| levels[n].1.get(&score.id).copied();
            let meets = |n: usize| match (score.score, target(n)) {
                (Some(s), Some(t)) => s + 1e-9 >= t,
                _ => false,
            };
            let reached = (0..levels.len()).rev().find(|&n| meets(n));
            let next = (reached.map_or(0, |n| n + 1)..levels.len()).find(|&n| target(n).is_some());
            LevelRow {
                id: score.id.clone(),
                name: score.name.clone(),
                reached: reached.map(|n| levels[n].0.name.clone()),
                next: next.map(|n| levels[n].0.name.clone()),
                next_target: next.and_then(target),
            }
        })
        .collect()
}

/// The development points of a scan, furthest below target first, each with its suggestions
/// (at most three, none repeated across the points) and its linked BoKS rows.
pub fn development_points_of(
    library: &Library,
    framework: &Framework,
    role: Option<&Role>,
    scan: &ScanResult,
) -> Vec<DevelopmentPoint> {
    let targets = role.and_then(|r| r.targets.get(&framework.id));
    points(
        library,
        framework,
        scan,
        &score_scan(framework, scan, targets),
    )
}

fn points(
    library: &Library,
    framework: &Framework,
    scan: &ScanResult,
    scores: &[CompetencyScore],
) -> Vec<DevelopmentPoint> {
    let chosen = development_points(scores);
    let mut suggestions = suggestions::for_competencies(
        library,
        &framework.id,
        chosen.iter().map(|s| s.id.as_str()),
        Audience::Person,
    )
    .into_iter();
    chosen
        .into_iter()
        .map(|s| DevelopmentPoint {
            id: s.id.clone(),
            name: s.name.clone(),
            score: s.score,
            target: s.target,
            gap: s.gap,
            note: scan.notes.get(&s.id).cloned(),
            suggestions: suggestions.next().unwrap_or_default(),
            linked_boks: suggestions::linked_boks(library, &framework.id, &s.id),
        })
        .collect()
}

/// Builds the report of `current`, with the progress since the `earlier` scans (any order)
/// when there are any: the previous one on the radar, all of them in the trend.
pub fn build(
    library: &Library,
    framework: &Framework,
    role: Option<&Role>,
    current: &ScanResult,
    earlier: &[&ScanResult],
    warnings: Vec<String>,
) -> PersonalReport {
    let mut scans: Vec<&ScanResult> = earlier.to_vec();
    scans.sort_by(|a, b| a.started.cmp(&b.started));
    let previous = scans.last().copied();
    scans.push(current);
    let targets = role.and_then(|r| r.targets.get(&framework.id));
    let scores = score_scan(framework, current, targets);
    let scale = library.scale(&framework.scales.self_scan);
    let highlight = |s: &CompetencyScore| Highlight {
        id: s.id.clone(),
        name: s.name.clone(),
        score: s.score,
        target: s.target,
        note: current.notes.get(&s.id).cloned(),
    };
    let development = points(library, framework, current, &scores);
    let progress = previous.map(|previous| {
        let before = score_scan(framework, previous, targets);
        Progress {
            previous_date: previous.date().to_string(),
            rows: scores
                .iter()
                .map(|now| {
                    let then = before.iter().find(|b| b.id == now.id).and_then(|b| b.score);
                    ProgressRow {
                        id: now.id.clone(),
                        name: now.name.clone(),
                        previous: then,
                        current: now.score,
                        change: then.zip(now.score).map(|(a, b)| round2(b - a)),
                    }
                })
                .collect(),
        }
    });
    PersonalReport {
        name: current.name.clone(),
        framework: framework.id.clone(),
        framework_name: framework.name.clone(),
        date: current.date().to_string(),
        role: role.map(|r| r.name.clone()),
        complete: current.complete,
        strengths: strengths(&scores).into_iter().map(highlight).collect(),
        development_points: development,
        levels: level_rows(role, &framework.id, &scores),
        levels_note: role
            .and_then(|r| {
                r.levels
                    .iter()
                    .find(|l| l.origin != crate::framework::Origin::Source)
            })
            .map(|l| crate::t!("report.levels_proposed", author = library.author(l.origin))),
        trend: previous.map(|_| trend(framework, &scans, &scores)),
        competencies: scores
            .into_iter()
            .zip(statements(framework, scale, current))
            .map(|(score, statements)| CompetencyResult { score, statements })
            .collect(),
        progress,
        warnings,
        plan: None,
        scale_range: Scale::range_of(scale),
    }
}
