//! The development plan as the personal report shows it (`report SCAN --plan PLAN`): per goal
//! what was agreed and, with a scan made after the plan's, the change on its competency since.

use serde::Serialize;

use crate::framework::Framework;
use crate::result::ScanResult;
use crate::result::plan::{PlanResult, QUADRANT_FIELDS};
use crate::score::{round2, score_scan};

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlanSection {
    /// The date of the scan the plan follows from.
    pub scan_date: String,
    /// The plan's scan could not be read (moved, removed, or another scan now at its path):
    /// the plan is shown without the change since.
    pub scan_missing: bool,
    /// The date of the report's scan, when it is later than the plan's: the changes are since.
    pub follow_up_date: Option<String>,
    pub complete: bool,
    pub goals: Vec<PlanGoal>,
    /// The core quadrant, field id and text, when filled in.
    pub quadrant: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlanGoal {
    pub competency: String,
    pub name: String,
    pub goal: Option<String>,
    pub actions: Vec<String>,
    pub by: Option<String>,
    pub support: Option<String>,
    pub evidence: Option<String>,
    /// The competency's score in the plan's scan and in the later one.
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
}

/// The plan with, when `plan_scan` is known and `current` is a later scan, the change per goal.
pub fn build(
    framework: &Framework,
    plan: &PlanResult,
    plan_scan: Option<&ScanResult>,
    current: &ScanResult,
) -> PlanSection {
    let later = plan_scan.filter(|scan| current.started > scan.started);
    let before = later.map(|scan| score_scan(framework, scan, None));
    let after = later.map(|_| score_scan(framework, current, None));
    let score_in = |scores: &Option<Vec<crate::score::CompetencyScore>>, id: &str| {
        scores
            .as_ref()
            .and_then(|s| s.iter().find(|c| c.id == id))
            .and_then(|c| c.score)
    };
    let goals = plan
        .goals
        .iter()
        .map(|goal| {
            let name = framework
                .competencies
                .iter()
                .find(|c| c.id == goal.competency)
                .map_or(goal.competency.clone(), |c| c.name.clone());
            let (b, a) = (
                score_in(&before, &goal.competency),
                score_in(&after, &goal.competency),
            );
            PlanGoal {
                competency: goal.competency.clone(),
                name,
                goal: goal.goal.clone(),
                actions: goal.actions.clone().unwrap_or_default(),
                by: goal.by.clone(),
                support: goal.support.clone(),
                evidence: goal.evidence.clone(),
                before: b,
                after: a,
                change: b.zip(a).map(|(b, a)| round2(a - b)),
            }
        })
        .collect();
    let quadrant = QUADRANT_FIELDS
        .iter()
        .filter_map(|field| {
            let text = plan.quadrant.field(field)?;
            Some((field.to_string(), text.clone()))
        })
        .collect();
    PlanSection {
        scan_date: plan.scan_date.clone(),
        scan_missing: plan_scan.is_none(),
        follow_up_date: later.map(|_| current.date().to_string()),
        complete: plan.complete,
        goals,
        quadrant,
    }
}
