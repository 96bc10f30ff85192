//! Rating files (`kind: rating`): a colleague, team lead, resident or partner rates a
//! professional on the statements of the self-scan, for 360-degree feedback. The file is a scan
//! file with three fields more: who it is about, the kind of rater and, optionally, the rater's
//! name. The name is kept in the file only (to tell who still has to respond); no report, file
//! name or message shows it.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Answer, Record, ResultKind, check_statement_answers, slug};
use crate::error::Problem;
use crate::framework::{Framework, Scale};
use crate::input::Locator;
use crate::t;

super::result_struct! {
    /// A rating of someone else on a framework's statements.
    pub struct RatingResult {
        who {
            /// The person rated, as their own scan names them.
            pub about: String,
            /// The kind of rater: an id of the library's `kind: raters` (`collega`, ...).
            pub rater_kind: String,
            /// The rater, for `status`; never shown in a report.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub rater_name: Option<String>,
        }
        /// Item id -> answer; "nvt" is "kan ik niet beoordelen".
        #[serde(default, deserialize_with = "super::unique_keys")]
        pub answers: BTreeMap<String, Answer>,
        /// Competency id -> an example the rater saw.
        #[serde(default, deserialize_with = "super::unique_keys")]
        pub notes: BTreeMap<String, String>,
    }
}

impl Record for RatingResult {
    const KIND: ResultKind = ResultKind::Rating;

    fn not_this_kind() -> String {
        t!("result.not_a_rating")
    }

    fn already_complete(path: &Path) -> String {
        t!("rating.already_complete", path = path.display())
    }

    fn scale_id(framework: &Framework) -> &str {
        &framework.scales.self_scan
    }

    fn texts(&self) -> Vec<(&str, &str)> {
        let mut texts: Vec<(&str, &str)> =
            vec![("about", &self.about), ("rater_kind", &self.rater_kind)];
        texts.extend(self.rater_name.as_deref().map(|n| ("rater_name", n)));
        texts.extend(self.notes.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        texts
    }

    fn check_answers(
        &mut self,
        framework: &Framework,
        scale: &Scale,
        file: &str,
        locator: &Locator,
    ) -> (Vec<Problem>, Vec<String>) {
        check_statement_answers(&mut self.answers, framework, scale, file, locator)
    }

    /// Never the rater's name: file names end up in messages and in `status`.
    fn file_stem(&self) -> String {
        let (framework, about) = (&self.framework, slug(&self.about));
        let kind = slug(&self.rater_kind);
        format!("rating-{framework}-{about}-{kind}-{}", self.date())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_has_no_rater_name() {
        let framework = crate::framework::Library::load(None).unwrap();
        let framework = framework.framework("eindhoven").unwrap();
        let rating = RatingResult {
            about: "Sanne de Vries".into(),
            rater_kind: "collega".into(),
            rater_name: Some("Pieter Smit".into()),
            ..RatingResult::begin(framework, Vec::new())
        };
        let stem = rating.file_stem();
        assert!(
            stem.starts_with("rating-eindhoven-sanne-de-vries-collega-"),
            "{stem}"
        );
        assert!(!stem.contains("pieter") && !stem.contains("smit"), "{stem}");
    }
}
