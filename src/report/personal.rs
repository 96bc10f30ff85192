//! The personal scan report: scores against targets, strengths, development points with the
//! person's notes and schooling suggestions, and the progress since an earlier scan.

use serde::Serialize;

use super::suggestions::{Suggestions, suggestions};
use crate::framework::{Framework, Library};
use crate::result::ScanResult;
use crate::score::{CompetencyScore, development_points, round2, score_scan, strengths};

#[derive(Debug, Clone, Serialize)]
pub struct PersonalReport {
    pub name: String,
    pub framework: String,
    pub framework_name: String,
    pub date: String,
    pub role: Option<String>,
    pub complete: bool,
    pub competencies: Vec<CompetencyScore>,
    pub strengths: Vec<Highlight>,
    pub development_points: Vec<DevelopmentPoint>,
    pub progress: Option<Progress>,
    /// Findings about the input (another framework version, dropped answers).
    pub warnings: Vec<String>,
    /// The lowest and highest point of the scan's scale, which charts span.
    #[serde(skip)]
    pub scale_range: (f64, f64),
}

#[derive(Debug, Clone, Serialize)]
pub struct Highlight {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    pub target: Option<f64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DevelopmentPoint {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    pub target: Option<f64>,
    pub gap: Option<f64>,
    pub note: Option<String>,
    pub suggestions: Suggestions,
}

#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub previous_date: String,
    pub rows: Vec<ProgressRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgressRow {
    pub id: String,
    pub name: String,
    pub previous: Option<f64>,
    pub current: Option<f64>,
    pub change: Option<f64>,
}

/// Builds the report of `current`, with the progress since `previous` when given.
pub fn build(
    library: &Library,
    framework: &Framework,
    current: &ScanResult,
    previous: Option<&ScanResult>,
    warnings: Vec<String>,
) -> PersonalReport {
    let role = library.default_role(&framework.id);
    let targets = role.and_then(|r| r.targets.get(&framework.id));
    let scores = score_scan(framework, current, targets);
    let highlight = |s: &CompetencyScore| Highlight {
        id: s.id.clone(),
        name: s.name.clone(),
        score: s.score,
        target: s.target,
        note: current.notes.get(&s.id).cloned(),
    };
    let development = development_points(&scores)
        .into_iter()
        .map(|s| DevelopmentPoint {
            id: s.id.clone(),
            name: s.name.clone(),
            score: s.score,
            target: s.target,
            gap: s.gap,
            note: current.notes.get(&s.id).cloned(),
            suggestions: suggestions(library, &framework.id, &s.id),
        })
        .collect();
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
        competencies: scores,
        progress,
        warnings,
        scale_range: crate::layout::chart::scale_range(library.scale(&framework.scales.self_scan)),
    }
}
