//! Decision files (`kind: decision`): what a panel agreed on one candidate after discussing the
//! interviews: per competency the agreed rating and the reason, the final advice, the decision
//! (aannemen, afwijzen, tweede gesprek), who took part and when. The interviews themselves are
//! never changed: the decision sits beside them, and the scorecard shows both.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::interview::{Advice, Rating, check_rating};
use super::{Record, ResultKind, slug};
use crate::error::Problem;
use crate::framework::{Framework, Scale};
use crate::input::Locator;
use crate::t;

/// What the panel decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Aannemen,
    Afwijzen,
    TweedeGesprek,
}

impl Decision {
    pub const ALL: [Decision; 3] = [
        Decision::Aannemen,
        Decision::Afwijzen,
        Decision::TweedeGesprek,
    ];

    /// The value in a decision file and in machine formats.
    pub fn id(self) -> &'static str {
        match self {
            Decision::Aannemen => "aannemen",
            Decision::Afwijzen => "afwijzen",
            Decision::TweedeGesprek => "tweede-gesprek",
        }
    }

    pub fn label(self) -> String {
        match self {
            Decision::Aannemen => t!("decision.aannemen"),
            Decision::Afwijzen => t!("decision.afwijzen"),
            Decision::TweedeGesprek => t!("decision.tweede_gesprek"),
        }
    }
}

/// The rating the panel agreed on for one competency, and why.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreed {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

super::result_struct! {
    /// The panel's decision on one candidate.
    pub struct DecisionResult {
        who {
            pub candidate: String,
        }
        /// Whose interviews the decision was taken on, as they named themselves.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub interviewers: Vec<String>,
        /// Competency id -> the agreed rating and the reason.
        #[serde(default, deserialize_with = "super::unique_keys")]
        pub agreed: BTreeMap<String, Agreed>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub advice: Option<Advice>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub decision: Option<Decision>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub motivation: Option<String>,
        /// Who took part in the discussion; `None` until asked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub participants: Option<Vec<String>>,
        /// The day of the discussion (`YYYY-MM-DD`); `None` until asked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub decided: Option<String>,
    }
}

impl DecisionResult {
    /// The rating agreed for `competency`, a score; none when not agreed or "niet beoordeeld".
    pub fn agreed_score(&self, competency: &str) -> Option<u8> {
        self.agreed.get(competency)?.rating?.score()
    }
}

impl Record for DecisionResult {
    const KIND: ResultKind = ResultKind::Decision;

    fn not_this_kind() -> String {
        t!("result.not_a_decision")
    }

    fn already_complete(path: &Path) -> String {
        t!("decision.already_complete", path = path.display())
    }

    fn scale_id(framework: &Framework) -> &str {
        &framework.scales.interview
    }

    fn texts(&self) -> Vec<(&str, &str)> {
        let mut texts: Vec<(&str, &str)> = vec![("candidate", &self.candidate)];
        texts.extend(
            self.interviewers
                .iter()
                .map(|i| ("interviewers", i.as_str())),
        );
        texts.extend(self.motivation.as_deref().map(|m| ("motivation", m)));
        texts.extend(self.decided.as_deref().map(|d| ("decided", d)));
        for person in self.participants.iter().flatten() {
            texts.push(("participants", person));
        }
        for (id, agreed) in &self.agreed {
            texts.extend(agreed.reason.as_deref().map(|r| (id.as_str(), r)));
        }
        texts
    }

    /// Agreed ratings on the interview scale; a competency the framework no longer has is
    /// dropped.
    fn check_answers(
        &mut self,
        framework: &Framework,
        scale: &Scale,
        file: &str,
        locator: &Locator,
    ) -> (Vec<Problem>, Vec<String>) {
        let mut dropped = Vec::new();
        self.agreed.retain(|id, _| {
            let known = framework.competencies.iter().any(|c| &c.id == id);
            if !known {
                dropped.push(id.clone());
            }
            known
        });
        let problems = self
            .agreed
            .values()
            .filter_map(|a| check_rating(a.rating, scale, file, locator))
            .collect();
        (problems, dropped)
    }

    fn file_stem(&self) -> String {
        let candidate = slug(&self.candidate);
        format!("decision-{}-{candidate}-{}", self.framework, self.date())
    }
}
