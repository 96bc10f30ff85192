//! A contribution (`vakwijzer share`): the part of a self-scan a trainer needs for a team
//! report, the answers, and not the notes, which are the person's own reflection. With
//! `--anonymous` it holds a random id instead of the name, which `team` cannot match across
//! rounds and `forget --name` cannot find.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Answer, ResultKind, SCHEMA_VERSION, ScanResult, peek_kind};
use crate::error::{Error, Result};
use crate::input::yaml_problem;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    pub schema: u32,
    pub kind: ResultKind,
    pub framework: String,
    /// Fingerprint of the framework's content when the scan was made.
    pub fingerprint: String,
    /// The person's name; absent in an anonymous contribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A random id instead of the name, in an anonymous contribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The day the scan was made (YYYY-MM-DD).
    pub date: String,
    /// The competencies asked; empty means all of the framework.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<String>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

impl Contribution {
    /// The contribution of a finished scan: everything but the notes, and the name only when
    /// not anonymous.
    pub fn from_scan(scan: &ScanResult, anonymous: bool) -> Contribution {
        Contribution {
            schema: SCHEMA_VERSION,
            kind: ResultKind::Contribution,
            framework: scan.framework.clone(),
            fingerprint: scan.fingerprint.clone(),
            name: (!anonymous).then(|| scan.name.clone()),
            id: anonymous.then(random_id),
            team: scan.team.clone(),
            role: scan.role.clone(),
            date: scan.date().to_string(),
            competencies: scan.competencies.clone(),
            answers: scan.answers.clone(),
        }
    }

    pub fn is_anonymous(&self) -> bool {
        self.name.is_none()
    }

    /// As a finished scan without notes, so that a team report reads contributions and scans
    /// alike; an anonymous one has no name, and keeps `kind: contribution` to say so.
    fn into_scan(self) -> ScanResult {
        let started = format!("{}T00:00:00Z", self.date);
        ScanResult {
            schema: self.schema,
            kind: ResultKind::Contribution,
            framework: self.framework,
            fingerprint: self.fingerprint,
            name: self.name.unwrap_or_default(),
            team: self.team,
            role: self.role,
            updated: started.clone(),
            started,
            competencies: self.competencies,
            complete: true,
            answers: self.answers,
            notes: BTreeMap::new(),
        }
    }
}

/// Whether a scan as a team report reads it came from an anonymous contribution.
pub fn is_anonymous(scan: &ScanResult) -> bool {
    scan.kind == ResultKind::Contribution && scan.name.trim().is_empty()
}

/// 64 random bits as hex. `RandomState` is keyed from the operating system's random source, so
/// the id says nothing about the person or the moment; no crate is needed for that.
fn random_id() -> String {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u8(0);
    format!("anoniem-{:016x}", hasher.finish())
}

/// Parses a scan or a contribution, for a team report: a contribution comes back as a finished
/// scan without notes. Scans are tried first, since a team report reads thousands of them.
pub fn parse_scan_or_contribution(path: &Path, text: &str) -> Result<ScanResult> {
    let error = match super::parse_scan(path, text) {
        Ok(scan) => return Ok(scan),
        Err(error) => error,
    };
    if !matches!(peek_kind(path, text), Ok(ResultKind::Contribution)) {
        return Err(error);
    }
    match serde_yaml::from_str::<Contribution>(text) {
        Ok(contribution) => Ok(contribution.into_scan()),
        Err(error) => Err(Error::Problems(vec![yaml_problem(
            &path.display().to_string(),
            text,
            &error,
        )])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan() -> ScanResult {
        ScanResult {
            schema: 1,
            kind: ResultKind::Scan,
            framework: "eindhoven".into(),
            fingerprint: "sha256:d656f8bf80e049ea".into(),
            name: "Sanne de Vries".into(),
            team: Some("Noord".into()),
            role: None,
            started: "2026-11-16T14:00:00Z".into(),
            updated: "2026-11-16T14:09:31Z".into(),
            competencies: vec![],
            complete: true,
            answers: [("durf.i1".to_string(), Answer::Score(4))].into(),
            notes: [("durf".to_string(), "Bij een gezin".to_string())].into(),
        }
    }

    #[test]
    fn a_contribution_has_no_notes_and_an_anonymous_one_no_name() {
        let named = Contribution::from_scan(&scan(), false);
        assert_eq!(named.name.as_deref(), Some("Sanne de Vries"));
        assert_eq!(
            (named.id.as_deref(), named.date.as_str()),
            (None, "2026-11-16")
        );
        let yaml = serde_yaml::to_string(&Contribution::from_scan(&scan(), true)).unwrap();
        assert!(!yaml.contains("Sanne") && !yaml.contains("gezin"), "{yaml}");
        assert!(yaml.contains("id: anoniem-"), "{yaml}");
        let back: Contribution = serde_yaml::from_str(&yaml).unwrap();
        let as_scan = back.into_scan();
        assert!(is_anonymous(&as_scan) && as_scan.notes.is_empty() && as_scan.complete);
        assert!(!is_anonymous(&named.into_scan()));
    }

    #[test]
    fn random_ids_differ() {
        assert_ne!(random_id(), random_id());
    }
}
