//! A vacancy (`kind: vacancy`): what one opening asks of its candidates. It names the
//! framework, how much each competency weighs, the must-haves (a minimum mean rating of the
//! panel) and who sits on the panel. `compare` and the scorecard read it among their inputs to
//! give a weighted total and flag a must-have a candidate does not meet.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem, Result};
use crate::framework::positions::{Positions, Step};
use crate::framework::{Framework, Library};
use crate::input::{from_yaml, read_limited};
use crate::render::short_number;
use crate::t;

/// A vacancy file is small; anything larger is no vacancy.
const MAX_VACANCY_BYTES: u64 = 256 * 1024;

/// A competency's weight when the vacancy does not give one.
pub const DEFAULT_WEIGHT: f64 = 1.0;

/// A vacancy as checked against its framework.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vacancy {
    pub name: String,
    pub framework: String,
    /// Competency id -> weight (0 or more); competencies not named weigh `DEFAULT_WEIGHT`.
    pub weights: BTreeMap<String, f64>,
    /// Competency id -> the lowest mean rating of the panel that meets the requirement.
    pub must_haves: BTreeMap<String, f64>,
    /// The interviewers of this vacancy; empty when it does not say.
    pub panel: Vec<String>,
}

impl Vacancy {
    pub fn weight(&self, competency: &str) -> f64 {
        self.weights
            .get(competency)
            .copied()
            .unwrap_or(DEFAULT_WEIGHT)
    }
}

/// The file as written, before it is checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VacancyFile {
    #[allow(dead_code)]
    kind: String,
    name: String,
    framework: String,
    #[serde(default)]
    weights: BTreeMap<String, f64>,
    #[serde(default)]
    must_haves: BTreeMap<String, f64>,
    #[serde(default)]
    panel: Vec<String>,
}

/// Whether `text` says it is a vacancy (`kind: vacancy` at the top level).
pub fn is_vacancy(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Header {
        kind: Option<serde_yaml::Value>,
    }
    serde_yaml::from_str::<Header>(text)
        .ok()
        .and_then(|h| h.kind)
        .is_some_and(|kind| kind.as_str() == Some("vacancy"))
}

/// Reads a file's text if it is a vacancy; `None` for any other file (an interview, say).
pub fn read_if_vacancy(path: &Path) -> Result<Option<String>> {
    let text = crate::result::read_text(path)?;
    Ok(is_vacancy(&text).then_some(text))
}

/// Reads and checks the vacancy at `path`.
pub fn load(path: &Path, library: &Library) -> Result<Vacancy> {
    let text = read_limited(path, MAX_VACANCY_BYTES)?;
    parse(&path.display().to_string(), &text, library)
}

/// Checks a vacancy's text: every problem at its line, all of them at once.
pub fn parse(file: &str, text: &str, library: &Library) -> Result<Vacancy> {
    let raw: VacancyFile = from_yaml(file, text).map_err(|p| Error::Problems(vec![p]))?;
    let positions = Positions::new(text);
    let mut problems = Vec::new();
    let mut problem = |path: &[Step], key: bool, message: String, hint: Option<String>| {
        let at = if key {
            positions.key(path)
        } else {
            positions.value(path)
        };
        let problem = Problem::new(file, at, message);
        problems.push(match hint {
            Some(hint) => problem.with_hint(hint),
            None => problem,
        });
    };
    if raw.name.trim().is_empty() {
        problem(
            &[Step::Key("name")],
            false,
            t!("vacancy.empty_name"),
            Some(t!("vacancy.empty_name_hint")),
        );
    }
    let Ok(framework) = library.framework(&raw.framework) else {
        let known: Vec<&str> = library.frameworks.iter().map(|f| f.id.as_str()).collect();
        problem(
            &[Step::Key("framework")],
            false,
            t!("vacancy.unknown_framework", framework = &raw.framework),
            Some(t!("validate.known_ids", ids = known.join(", "))),
        );
        return Err(Error::Problems(problems));
    };
    let rated: Vec<&str> = interview_competencies(framework);
    let known = t!("validate.known_ids", ids = rated.join(", "));
    for (section, values) in [("weights", &raw.weights), ("must_haves", &raw.must_haves)] {
        for id in values.keys() {
            if !rated.contains(&id.as_str()) {
                problem(
                    &[Step::Key(section), Step::Key(id)],
                    true,
                    t!(
                        "vacancy.unknown_competency",
                        competency = id,
                        framework = &framework.id
                    ),
                    Some(known.clone()),
                );
            }
        }
    }
    for (id, weight) in &raw.weights {
        if !weight.is_finite() || *weight < 0.0 {
            problem(
                &[Step::Key("weights"), Step::Key(id)],
                false,
                t!(
                    "vacancy.bad_weight",
                    weight = short_number(*weight),
                    competency = id
                ),
                Some(t!("vacancy.bad_weight_hint")),
            );
        }
    }
    let all_zero = framework_weights(&raw.weights, &rated).all(|w| w == 0.0);
    if all_zero && !rated.is_empty() {
        problem(
            &[Step::Key("weights")],
            true,
            t!("vacancy.no_weight"),
            Some(t!("vacancy.bad_weight_hint")),
        );
    }
    let (min, max) = crate::framework::Scale::range_of(library.scale(&framework.scales.interview));
    for (id, minimum) in &raw.must_haves {
        if !minimum.is_finite() || *minimum < min || *minimum > max {
            problem(
                &[Step::Key("must_haves"), Step::Key(id)],
                false,
                t!(
                    "vacancy.bad_minimum",
                    minimum = short_number(*minimum),
                    competency = id,
                    min = short_number(min),
                    max = short_number(max)
                ),
                Some(t!(
                    "vacancy.bad_minimum_hint",
                    min = short_number(min),
                    max = short_number(max)
                )),
            );
        }
    }
    for (index, name) in raw.panel.iter().enumerate() {
        let earlier = raw.panel[..index]
            .iter()
            .any(|other| crate::person::same_person(other, name));
        let message = if name.trim().is_empty() {
            t!("vacancy.empty_panel_name")
        } else if earlier {
            t!("vacancy.panel_twice", name = name)
        } else {
            continue;
        };
        problem(
            &[Step::Key("panel"), Step::Index(index)],
            false,
            message,
            None,
        );
    }
    if !problems.is_empty() {
        return Err(Error::Problems(problems));
    }
    Ok(Vacancy {
        name: raw.name.trim().to_string(),
        framework: raw.framework,
        weights: raw.weights,
        must_haves: raw.must_haves,
        panel: raw.panel,
    })
}

/// The competencies an interview rates: those with questions.
fn interview_competencies(framework: &Framework) -> Vec<&str> {
    framework
        .competencies
        .iter()
        .filter(|c| !c.questions.is_empty())
        .map(|c| c.id.as_str())
        .collect()
}

fn framework_weights<'a>(
    weights: &'a BTreeMap<String, f64>,
    competencies: &'a [&'a str],
) -> impl Iterator<Item = f64> + 'a {
    competencies
        .iter()
        .map(|id| weights.get(*id).copied().unwrap_or(DEFAULT_WEIGHT))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        Library::load(None).unwrap()
    }

    fn problems(text: &str) -> Vec<Problem> {
        match parse("vacature.yaml", text, &library()) {
            Err(Error::Problems(problems)) => problems,
            other => panic!("{other:?}"),
        }
    }

    const GOOD: &str = "kind: vacancy\nname: Generalist Woensel\nframework: eindhoven\n\
        weights:\n  coachen: 2\n  netwerken: 1.5\nmust_haves:\n  coachen: 3.5\n\
        panel:\n  - Ans de Groot\n  - Pieter Smit\n";

    #[test]
    fn a_vacancy_gives_weights_with_one_for_the_rest() {
        let vacancy = parse("v.yaml", GOOD, &library()).unwrap();
        assert_eq!(vacancy.weight("coachen"), 2.0);
        assert_eq!(vacancy.weight("durf"), DEFAULT_WEIGHT);
        assert_eq!(vacancy.must_haves["coachen"], 3.5);
        assert_eq!(vacancy.panel.len(), 2);
        assert!(is_vacancy(GOOD));
        assert!(!is_vacancy("kind: interview\n"));
    }

    #[test]
    fn every_problem_is_placed_at_its_line() {
        let text = "kind: vacancy\nname: ''\nframework: eindhoven\nweights:\n  coachen: -1\n  \
            koken: 2\nmust_haves:\n  durf: 7\npanel:\n  - Ans\n  - ans\n";
        let found: Vec<(usize, String)> = problems(text)
            .into_iter()
            .map(|p| (p.line, p.message))
            .collect();
        let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 6, 5, 8, 11], "{found:#?}");
        assert!(found[1].1.contains("'koken'"), "{found:#?}");
        assert!(found[3].1.contains('7'), "{found:#?}");
    }

    #[test]
    fn an_unknown_framework_or_field_is_refused() {
        let found = problems("kind: vacancy\nname: x\nframework: nergens\n");
        assert_eq!(found[0].line, 3);
        assert!(found[0].message.contains("nergens"));
        let found = problems("kind: vacancy\nname: x\nframework: eindhoven\ngewicht: 2\n");
        assert_eq!(found[0].line, 4, "{found:?}");
        let found = problems(
            "kind: vacancy\nname: x\nframework: eindhoven\nweights:\n  aanpassingsvermogen: 0\n  \
             creativiteit: 0\n  durf: 0\n  coachen: 0\n  netwerken: 0\n  samenwerken: 0\n  \
             zelfontwikkeling: 0\n  overtuigingskracht: 0\n",
        );
        assert_eq!(found[0].line, 4, "{found:?}");
    }
}
