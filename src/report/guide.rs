//! The interview guide a panel takes into the room: per competency the definition, TMA drivers,
//! remarks, the questions with room for notes, the indicators to listen for, STAR prompts and
//! the rating scale with its anchors.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::framework::{Competency, Framework, Library, ScalePoint};
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
    let item = |i: &crate::framework::Item| GuideItem {
        id: i.id.clone(),
        text: i.text.clone(),
        reference: i.reference.clone(),
    };
    GuideCompetency {
        id: c.id.clone(),
        number: c.number,
        name: c.name.clone(),
        definition: c.definition.clone(),
        drivers: c.drivers.iter().map(crate::render::driver_label).collect(),
        remarks: c.remarks.clone(),
        questions: c.questions.iter().map(item).collect(),
        indicators: c.indicators.iter().map(item).collect(),
    }
}

/// The guide for the named competencies (all with questions when none are named).
pub fn build(library: &Library, framework: &Framework, ids: &[String]) -> Result<Guide> {
    for id in ids {
        crate::commands::show::find_competency(framework, id)?;
    }
    let competencies: Vec<GuideCompetency> = framework
        .competencies
        .iter()
        .filter(|c| !c.questions.is_empty())
        .filter(|c| ids.is_empty() || ids.contains(&c.id))
        .map(competency)
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
        references: framework
            .references
            .iter()
            .map(|r| (r.id.clone(), r.text.clone()))
            .collect(),
        date: crate::result::now(),
    })
}
