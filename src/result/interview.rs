//! Interview result files: one per interviewer per candidate, with the questions asked, notes,
//! indicators observed, the rating per competency and the overall advice. Saved like scans.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{ResultFile, ResultKind, SCHEMA_VERSION, fingerprint, now, peek_kind, read_text};
use crate::error::{Error, Problem, Result};
use crate::framework::load::yaml_problem;
use crate::framework::validate::Locator;
use crate::framework::{Framework, Library};
use crate::t;

/// How "niet beoordeeld" (not rated) is written in result files.
pub const NOT_RATED: &str = "nb";

/// A competency's rating on the interview scale, or "not rated" when it did not come up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    Score(u8),
    NotRated,
}

impl Rating {
    pub fn score(self) -> Option<u8> {
        match self {
            Rating::Score(value) => Some(value),
            Rating::NotRated => None,
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rating::Score(value) => write!(f, "{value}"),
            Rating::NotRated => f.write_str(NOT_RATED),
        }
    }
}

impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Rating::Score(value) => serializer.serialize_u8(*value),
            Rating::NotRated => serializer.serialize_str(NOT_RATED),
        }
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let not_rated = |text: &str| (text == NOT_RATED).then_some(Rating::NotRated);
        super::point_or_word(deserializer, Rating::Score, not_rated, NOT_RATED)
    }
}

/// The overall advice, kept apart from the competency ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Advice {
    ZekerNiet,
    Niet,
    Wel,
    ZekerWel,
    GeenBesluit,
}

impl Advice {
    pub const ALL: [Advice; 5] = [
        Advice::ZekerNiet,
        Advice::Niet,
        Advice::Wel,
        Advice::ZekerWel,
        Advice::GeenBesluit,
    ];

    pub fn label(self) -> String {
        match self {
            Advice::ZekerNiet => t!("advice.zeker_niet"),
            Advice::Niet => t!("advice.niet"),
            Advice::Wel => t!("advice.wel"),
            Advice::ZekerWel => t!("advice.zeker_wel"),
            Advice::GeenBesluit => t!("advice.geen_besluit"),
        }
    }
}

/// What one interviewer recorded for one competency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetencyRecord {
    /// Ids of the questions asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asked: Vec<String>,
    /// Question id -> the interviewer's notes.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique_keys"
    )]
    pub notes: BTreeMap<String, String>,
    /// Ids of the behaviour indicators observed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observed: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewResult {
    pub schema: u32,
    pub kind: ResultKind,
    pub framework: String,
    pub fingerprint: String,
    pub candidate: String,
    pub interviewer: String,
    pub started: String,
    pub updated: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<String>,
    pub complete: bool,
    /// Competency id -> what was recorded.
    #[serde(default, deserialize_with = "super::unique_keys")]
    pub ratings: BTreeMap<String, CompetencyRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Advice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motivation: Option<String>,
}

impl InterviewResult {
    pub fn new(
        framework: &Framework,
        candidate: &str,
        interviewer: &str,
        competencies: Vec<String>,
    ) -> Self {
        let now = now();
        InterviewResult {
            schema: SCHEMA_VERSION,
            kind: ResultKind::Interview,
            framework: framework.id.clone(),
            fingerprint: fingerprint(framework),
            candidate: candidate.to_string(),
            interviewer: interviewer.to_string(),
            started: now.clone(),
            updated: now,
            competencies,
            complete: false,
            ratings: BTreeMap::new(),
            advice: None,
            motivation: None,
        }
    }

    pub fn date(&self) -> &str {
        self.started.get(..10).unwrap_or(&self.started)
    }
}

pub fn save(file: &mut ResultFile, result: &InterviewResult) -> Result<()> {
    super::save_yaml(file, result)
}

#[derive(Debug, Clone)]
pub struct LoadedInterview {
    pub path: PathBuf,
    pub result: InterviewResult,
    pub warnings: Vec<String>,
}

/// Reads and checks an interview result: known framework, ratings on the interview scale,
/// ids that exist (unknown ones are dropped with a warning, as for scans).
pub fn load(path: &Path, library: &Library) -> Result<LoadedInterview> {
    let text = read_text(path)?;
    let name = path.display().to_string();
    let locator = Locator::new(&text);
    if peek_kind(path, &text)? != ResultKind::Interview {
        let message = t!("result.not_an_interview");
        return Err(Error::Problems(vec![Problem::new(
            &name,
            locator.key_line("kind"),
            message,
        )]));
    }
    let mut result: InterviewResult = serde_yaml::from_str(&text)
        .map_err(|e| Error::Problems(vec![yaml_problem(&name, &text, &e)]))?;
    if result.schema > SCHEMA_VERSION {
        let message = t!(
            "result.newer_schema",
            schema = result.schema,
            supported = SCHEMA_VERSION
        );
        return Err(Error::Problems(vec![Problem::new(
            &name,
            locator.key_line("schema"),
            message,
        )]));
    }
    let framework = library.framework(&result.framework).map_err(|error| {
        Error::Problems(vec![Problem::new(
            &name,
            locator.key_line("framework"),
            error.to_string(),
        )])
    })?;
    let mut texts: Vec<(&str, &str)> = vec![
        ("candidate", &result.candidate),
        ("interviewer", &result.interviewer),
    ];
    texts.extend(result.motivation.as_deref().map(|m| ("motivation", m)));
    for record in result.ratings.values() {
        texts.extend(record.notes.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    let problems =
        super::check_result_texts(&name, &locator, framework, &result.competencies, &texts);
    if !problems.is_empty() {
        return Err(Error::Problems(problems));
    }
    let scale = library
        .scale(&framework.scales.interview)
        .ok_or_else(|| Error::Usage(t!("scan.no_scale", framework = &framework.id)))?;
    let mut warnings = Vec::new();
    if result.fingerprint != fingerprint(framework) {
        warnings.push(t!(
            "result.other_version",
            path = &name,
            framework = &framework.id
        ));
    }
    let mut problems = Vec::new();
    let mut dropped = Vec::new();
    result.ratings.retain(|competency_id, record| {
        let Some(competency) = framework
            .competencies
            .iter()
            .find(|c| &c.id == competency_id)
        else {
            dropped.push(competency_id.clone());
            return false;
        };
        if let Some(Rating::Score(value)) = record.rating
            && scale.point(value).is_none()
        {
            {
                let position = locator.key_value("rating", &value.to_string(), 0);
                let expected = format!(
                    "{}-{} {} {NOT_RATED}",
                    scale.min(),
                    scale.max(),
                    t!("word.or")
                );
                problems.push(Problem::new(
                    &name,
                    position,
                    t!(
                        "scan.answer_out_of_range",
                        answer = value,
                        expected = expected
                    ),
                ));
            }
        }
        let before = record.asked.len() + record.observed.len();
        record
            .asked
            .retain(|id| competency.questions.iter().any(|q| &q.id == id));
        record
            .observed
            .retain(|id| competency.indicators.iter().any(|i| &i.id == id));
        record
            .notes
            .retain(|id, _| competency.questions.iter().any(|q| &q.id == id));
        if record.asked.len() + record.observed.len() < before {
            dropped.push(competency_id.clone());
        }
        true
    });
    if !problems.is_empty() {
        return Err(Error::Problems(problems));
    }
    if !dropped.is_empty() {
        warnings.push(super::dropped_warning(&name, &locator, &dropped));
    }
    Ok(LoadedInterview {
        path: path.to_path_buf(),
        result,
        warnings,
    })
}
