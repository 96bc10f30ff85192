//! Interview result files: one per interviewer per candidate, with the questions asked, notes,
//! indicators observed, the rating per competency and the overall advice. Saved like scans.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Loaded, Record, ResultKind, slug};
use crate::error::{Problem, Result};
use crate::framework::{Framework, Library, Scale};
use crate::input::Locator;
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

    /// The value in a result file and in machine formats: `zeker-niet` .. `geen-besluit`.
    pub fn id(self) -> &'static str {
        match self {
            Advice::ZekerNiet => "zeker-niet",
            Advice::Niet => "niet",
            Advice::Wel => "wel",
            Advice::ZekerWel => "zeker-wel",
            Advice::GeenBesluit => "geen-besluit",
        }
    }

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

super::result_struct! {
    /// One interviewer's record of one candidate.
    pub struct InterviewResult {
        who {
            pub candidate: String,
            pub interviewer: String,
        }
        /// Competency id -> what was recorded.
        #[serde(default, deserialize_with = "super::unique_keys")]
        pub ratings: BTreeMap<String, CompetencyRecord>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub advice: Option<Advice>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub motivation: Option<String>,
    }
}

impl InterviewResult {
    pub fn new(
        framework: &Framework,
        candidate: &str,
        interviewer: &str,
        competencies: Vec<String>,
    ) -> Self {
        InterviewResult {
            candidate: candidate.to_string(),
            interviewer: interviewer.to_string(),
            ..InterviewResult::begin(framework, competencies)
        }
    }
}

impl Record for InterviewResult {
    const KIND: ResultKind = ResultKind::Interview;

    fn not_this_kind() -> String {
        t!("result.not_an_interview")
    }

    fn already_complete(path: &Path) -> String {
        t!("interview.already_complete", path = path.display())
    }

    fn scale_id(framework: &Framework) -> &str {
        &framework.scales.interview
    }

    fn texts(&self) -> Vec<(&str, &str)> {
        let mut texts: Vec<(&str, &str)> = vec![
            ("candidate", &self.candidate),
            ("interviewer", &self.interviewer),
        ];
        texts.extend(self.motivation.as_deref().map(|m| ("motivation", m)));
        for record in self.ratings.values() {
            texts.extend(record.notes.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
        texts
    }

    /// Ratings on the interview scale; a competency the framework no longer has is dropped,
    /// and so are questions and indicators of a competency that it no longer has.
    fn check_answers(
        &mut self,
        framework: &Framework,
        scale: &Scale,
        file: &str,
        locator: &Locator,
    ) -> (Vec<Problem>, Vec<String>) {
        let mut problems = Vec::new();
        let mut dropped = Vec::new();
        self.ratings.retain(|competency_id, record| {
            let Some(competency) = framework
                .competencies
                .iter()
                .find(|c| &c.id == competency_id)
            else {
                dropped.push(competency_id.clone());
                return false;
            };
            problems.extend(check_rating(record.rating, scale, file, locator));
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
        (problems, dropped)
    }

    fn file_stem(&self) -> String {
        let (candidate, interviewer) = (slug(&self.candidate), slug(&self.interviewer));
        let framework = &self.framework;
        format!(
            "interview-{framework}-{candidate}-{interviewer}-{}",
            self.date()
        )
    }
}

/// A rating that is not on the interview scale, as a problem at its line.
pub(crate) fn check_rating(
    rating: Option<Rating>,
    scale: &Scale,
    file: &str,
    locator: &Locator,
) -> Option<Problem> {
    let Some(Rating::Score(value)) = rating else {
        return None;
    };
    if scale.point(value).is_some() {
        return None;
    }
    let position = locator.key_value("rating", &value.to_string(), 0);
    let expected = format!(
        "{}-{} {} {NOT_RATED}",
        scale.min(),
        scale.max(),
        t!("word.or")
    );
    let message = t!(
        "scan.answer_out_of_range",
        answer = value,
        expected = expected
    );
    Some(Problem::new(file, position, message))
}

/// An interview result read from a file, checked against the framework it was made with.
pub type LoadedInterview = Loaded<InterviewResult>;

/// Reads and checks an interview result: known framework, ratings on the interview scale,
/// ids that exist (unknown ones are dropped with a warning, as for scans).
pub fn load(path: &Path, library: &Library) -> Result<LoadedInterview> {
    super::record::load(path, library)
}
