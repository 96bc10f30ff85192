//! Development plan files (`kind: plan`, a POP): the competencies chosen from a scan's
//! development points, per competency the goal, the actions, by when, with what support and how
//! the person will notice it worked, and optionally a core quadrant. Linked to the scan it
//! follows from by that scan's path (relative to the plan file) and fingerprint.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Record, ResultKind, ScanResult};
use crate::error::Problem;
use crate::framework::{Framework, Scale};
use crate::input::Locator;
use crate::t;

/// At most this many actions per goal: a plan is something to do, not a wish list.
pub const MAX_ACTIONS: usize = 3;

super::result_struct! {
    /// A development plan after a scan: the goals chosen and, optionally, a core quadrant.
    pub struct PlanResult {
        who {
            pub name: String,
        }
        /// The scan the plan follows from: its path relative to the plan file's folder.
        pub scan: String,
        /// The scan's fingerprint (see [`scan_fingerprint`]), to tell when the file at that
        /// path is another scan than the plan was made from.
        pub scan_fingerprint: String,
        /// The date the scan was started, as the report shows it.
        pub scan_date: String,
        /// The competencies chosen, in the order chosen; `None` until chosen.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub chosen: Option<Vec<String>>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub goals: Vec<Goal>,
        /// Whether the person fills in a core quadrant; `None` until asked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub quadrant_wanted: Option<bool>,
        #[serde(default, skip_serializing_if = "Quadrant::is_empty")]
        pub quadrant: Quadrant,
    }
}

/// One development goal. Each field is `None` until asked, so that `--resume` asks the rest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub competency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// The actions, picked from the suggestions or typed; `None` until asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<String>,
    /// How the person will notice that it worked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// Ofman's core quadrant: a line each.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quadrant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kernkwaliteit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valkuil: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uitdaging: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allergie: Option<String>,
}

/// The four fields of the quadrant, by the ids files and catalogue use.
pub const QUADRANT_FIELDS: [&str; 4] = ["kernkwaliteit", "valkuil", "uitdaging", "allergie"];

impl Quadrant {
    pub fn is_empty(&self) -> bool {
        QUADRANT_FIELDS.iter().all(|f| self.field(f).is_none())
    }

    pub fn field(&self, id: &str) -> Option<&String> {
        match id {
            "kernkwaliteit" => self.kernkwaliteit.as_ref(),
            "valkuil" => self.valkuil.as_ref(),
            "uitdaging" => self.uitdaging.as_ref(),
            "allergie" => self.allergie.as_ref(),
            _ => None,
        }
    }

    pub fn field_mut(&mut self, id: &str) -> Option<&mut Option<String>> {
        match id {
            "kernkwaliteit" => Some(&mut self.kernkwaliteit),
            "valkuil" => Some(&mut self.valkuil),
            "uitdaging" => Some(&mut self.uitdaging),
            "allergie" => Some(&mut self.allergie),
            _ => None,
        }
    }
}

impl PlanResult {
    /// A new plan after `scan`, which is at `scan_path`, to be saved at `plan_path`.
    pub fn new(
        framework: &Framework,
        scan: &ScanResult,
        scan_path: &Path,
        plan_path: &Path,
    ) -> Self {
        PlanResult {
            name: scan.name.clone(),
            scan: relative_path(scan_path, plan_path),
            scan_fingerprint: scan_fingerprint(scan),
            scan_date: scan.date().to_string(),
            ..PlanResult::begin(framework, Vec::new())
        }
    }

    /// Where the plan's scan is, for a plan file at `plan_path`.
    pub fn scan_path(&self, plan_path: &Path) -> PathBuf {
        match plan_path.parent() {
            Some(parent) => parent.join(&self.scan),
            None => PathBuf::from(&self.scan),
        }
    }
}

/// A fingerprint of what a scan says (framework, person, start, answers, notes), not of its
/// file: saving it again unchanged keeps it, another scan or changed answers do not.
pub fn scan_fingerprint(scan: &ScanResult) -> String {
    let canonical = serde_json::to_vec(&(
        &scan.framework,
        &scan.name,
        &scan.started,
        &scan.answers,
        &scan.notes,
    ))
    .unwrap_or_default();
    let digest = Sha256::digest(&canonical);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `target` as a path relative to the folder of `file` ("../scans/sanne.yaml"), so that the
/// plan and its scan can be moved together. Both are made absolute first; where they share
/// no root (another drive), the absolute path is kept.
pub fn relative_path(target: &Path, file: &Path) -> String {
    let absolute = |p: &Path| {
        std::path::absolute(p)
            .map(|p| normalize(&p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let target = absolute(target);
    let base = absolute(&folder_of(file));
    let (t, b): (Vec<Component>, Vec<Component>) =
        (target.components().collect(), base.components().collect());
    if t.first() != b.first() {
        return target.display().to_string();
    }
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut relative = PathBuf::new();
    for _ in common..b.len() {
        relative.push("..");
    }
    for component in &t[common..] {
        relative.push(component);
    }
    relative.display().to_string()
}

/// A path without `.` and with each `..` taken back (`std::path::absolute` keeps them).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

impl Record for PlanResult {
    const KIND: ResultKind = ResultKind::Plan;

    fn not_this_kind() -> String {
        t!("plan.not_a_plan")
    }

    fn already_complete(path: &Path) -> String {
        t!("plan.already_complete", path = path.display())
    }

    /// A plan rates nothing; it is read with the scale of the scan it follows from.
    fn scale_id(framework: &Framework) -> &str {
        &framework.scales.self_scan
    }

    fn texts(&self) -> Vec<(&str, &str)> {
        let mut texts: Vec<(&str, &str)> = vec![("name", &self.name), ("scan", &self.scan)];
        for goal in &self.goals {
            texts.extend(goal.goal.as_deref().map(|t| ("goal", t)));
            texts.extend(goal.by.as_deref().map(|t| ("by", t)));
            texts.extend(goal.support.as_deref().map(|t| ("support", t)));
            texts.extend(goal.evidence.as_deref().map(|t| ("evidence", t)));
            texts.extend(
                goal.actions
                    .iter()
                    .flatten()
                    .map(|a| ("actions", a.as_str())),
            );
        }
        for field in QUADRANT_FIELDS {
            texts.extend(self.quadrant.field(field).map(|t| (field, t.as_str())));
        }
        texts
    }

    /// Goals for a competency the framework no longer has are dropped, with a warning.
    fn check_answers(
        &mut self,
        framework: &Framework,
        _scale: &Scale,
        _file: &str,
        _locator: &Locator,
    ) -> (Vec<Problem>, Vec<String>) {
        let known = |id: &String| framework.competencies.iter().any(|c| &c.id == id);
        let mut dropped: Vec<String> = self
            .goals
            .iter()
            .map(|g| &g.competency)
            .chain(self.chosen.iter().flatten())
            .filter(|id| !known(id))
            .cloned()
            .collect();
        dropped.dedup();
        self.goals.retain(|g| known(&g.competency));
        if let Some(chosen) = &mut self.chosen {
            chosen.retain(|id| known(id));
        }
        (Vec::new(), dropped)
    }

    fn file_stem(&self) -> String {
        format!(
            "plan-{}-{}-{}",
            self.framework,
            super::slug(&self.name),
            self.date()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scan_is_named_relative_to_the_plan_file() {
        let rel = |t: &str, f: &str| relative_path(Path::new(t), Path::new(f));
        assert_eq!(rel("/a/scans/s.yaml", "/a/plans/p.yaml"), "../scans/s.yaml");
        assert_eq!(rel("/a/s.yaml", "/a/p.yaml"), "s.yaml");
        assert_eq!(rel("/a/b/c/s.yaml", "/a/p.yaml"), "b/c/s.yaml");
        assert_eq!(rel("/a/./x/../s.yaml", "/a/p.yaml"), "s.yaml");
        let plan = Path::new("/a/plans/p.yaml");
        assert_eq!(
            normalize(&Path::new("/a/plans").join("../scans/s.yaml")),
            normalize(Path::new("/a/scans/s.yaml"))
        );
        assert_eq!(folder_of(plan), Path::new("/a/plans"));
    }
}
