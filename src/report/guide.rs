//! The interview guide a panel takes into the room: per competency the definition, TMA drivers,
//! remarks, the questions with room for notes, the indicators to listen for, STAR prompts and
//! the rating scale with its anchors.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::framework::{Competency, Driver, Framework, Library, ScalePoint};
use crate::t;

#[derive(Debug, Clone, Serialize)]
pub struct Guide {
    pub framework: String,
    pub framework_name: String,
    pub source: String,
    pub scale_name: String,
    pub scale: Vec<ScalePoint>,
    pub star: Vec<StarPrompt>,
    pub competencies: Vec<GuideCompetency>,
    /// Whether this is a short guide of chosen questions rather than the whole framework.
    pub chosen: bool,
    /// The advice an interviewer gives at the end, as the interview result records it.
    pub advice: Vec<String>,
    pub references: Vec<(String, String)>,
    /// When the guide was made, for the PDF's document information.
    #[serde(skip)]
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StarPrompt {
    pub letter: String,
    pub label: String,
    pub prompt: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuideCompetency {
    pub id: String,
    pub number: Option<u32>,
    pub name: String,
    pub definition: Option<String>,
    pub drivers: Vec<String>,
    pub remarks: Vec<String>,
    pub questions: Vec<GuideItem>,
    pub indicators: Vec<GuideItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuideItem {
    pub id: String,
    /// Its place in the competency, from 1: the number an interviewer types for it.
    pub number: usize,
    pub text: String,
    pub reference: Option<String>,
}

/// The STAR prompts (situatie, taak, actie, resultaat) from the catalogue.
pub fn star_prompts() -> Vec<StarPrompt> {
    [
        ("S", t!("star.s"), t!("star.s_prompt")),
        ("T", t!("star.t"), t!("star.t_prompt")),
        ("A", t!("star.a"), t!("star.a_prompt")),
        ("R", t!("star.r"), t!("star.r_prompt")),
    ]
    .into_iter()
    .map(|(letter, label, prompt)| StarPrompt {
        letter: letter.to_string(),
        label,
        prompt,
    })
    .collect()
}

fn competency(c: &Competency) -> GuideCompetency {
    let items = |items: &[crate::framework::Item]| {
        items
            .iter()
            .enumerate()
            .map(|(index, i)| GuideItem {
                id: i.id.clone(),
                number: index + 1,
                text: i.text.clone(),
                reference: i.reference.clone(),
            })
            .collect()
    };
    GuideCompetency {
        id: c.id.clone(),
        number: c.number,
        name: c.name.clone(),
        definition: c.definition.clone(),
        drivers: c.drivers.iter().map(Driver::label).collect(),
        remarks: c.remarks.clone(),
        questions: items(&c.questions),
        indicators: items(&c.indicators),
    }
}

/// Which competencies and questions a guide holds: every competency with questions when
/// nothing is chosen; else each named competency whole, and of the others only the named
/// questions (a short guide of the panel's choice).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub competencies: Vec<String>,
    pub questions: Vec<String>,
}

impl Selection {
    fn is_empty(&self) -> bool {
        self.competencies.is_empty() && self.questions.is_empty()
    }

    /// The competency as this selection shows it, if at all.
    fn apply(&self, c: &Competency) -> Option<GuideCompetency> {
        if c.questions.is_empty() {
            return None;
        }
        let mut shown = competency(c);
        if self.is_empty() || self.competencies.contains(&c.id) {
            return Some(shown);
        }
        shown.questions.retain(|q| self.questions.contains(&q.id));
        (!shown.questions.is_empty()).then_some(shown)
    }
}

/// A question id of the framework, or a message naming the ones there are.
fn check_question(framework: &Framework, id: &str) -> Result<()> {
    let questions = framework.competencies.iter().flat_map(|c| &c.questions);
    if questions.clone().any(|q| q.id == id) {
        return Ok(());
    }
    // The ids of one competency when the id starts like one, else the first of each.
    let prefix = id.split('.').next().unwrap_or(id);
    let mut known: Vec<&str> = questions
        .clone()
        .map(|q| q.id.as_str())
        .filter(|q| q.split('.').next() == Some(prefix))
        .collect();
    if known.is_empty() {
        known = framework
            .competencies
            .iter()
            .filter_map(|c| c.questions.first())
            .map(|q| q.id.as_str())
            .collect();
        known.push("…");
    }
    Err(Error::Usage(t!(
        "guide.unknown_question",
        id = id,
        framework = &framework.id,
        known = known.join(", ")
    )))
}

/// The guide for the chosen competencies and questions (all with questions when none are
/// chosen).
pub fn build(library: &Library, framework: &Framework, selection: &Selection) -> Result<Guide> {
    for id in &selection.competencies {
        framework.find_competency(id)?;
    }
    for id in &selection.questions {
        check_question(framework, id)?;
    }
    let competencies: Vec<GuideCompetency> = framework
        .competencies
        .iter()
        .filter_map(|c| selection.apply(c))
        .collect();
    if competencies.is_empty() {
        return Err(Error::Usage(t!(
            "guide.no_questions",
            framework = &framework.id
        )));
    }
    let scale = library
        .scale(&framework.scales.interview)
        .ok_or_else(|| Error::Usage(t!("scan.no_scale", framework = &framework.id)))?;
    Ok(Guide {
        framework: framework.id.clone(),
        framework_name: framework.name.clone(),
        source: framework.source.clone(),
        scale_name: scale.name.clone(),
        scale: scale.points.clone(),
        star: star_prompts(),
        competencies,
        chosen: !selection.questions.is_empty(),
        advice: crate::result::interview::Advice::ALL
            .iter()
            .map(|a| a.label())
            .collect(),
        references: framework
            .references
            .iter()
            .map(|r| (r.id.clone(), r.text.clone()))
            .collect(),
        date: crate::result::now(),
    })
}
