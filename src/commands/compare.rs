//! `vakwijzer compare <interview files>`: candidates side by side, ranked by overall score,
//! with the number of interviewer disagreements per candidate.

use std::collections::BTreeMap;
use std::io::Write;

use super::Context;
use super::output::emit;
use super::report::{
    LoadedDecision, check_decisions_have_interviews, check_vacancy_framework, decision_on,
    given_files, load_interviews, split_decisions, split_vacancy,
};
use crate::cli::CompareArgs;
use crate::error::Error;
use crate::framework::{Framework, Library};
use crate::render::render;
use crate::report::scorecard::{self, Scorecard};
use crate::result::interview::LoadedInterview;
use crate::vacancy::Vacancy;
use crate::{Result, t};

pub fn run(context: &Context, args: &CompareArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let given = given_files(&args.files)?;
    let (files, vacancy) = split_vacancy(&library, &given, args.vacancy.as_deref())?;
    let (files, decisions) = split_decisions(&library, &files)?;
    let interviews = load_interviews(&library, &files)?;
    let framework = framework_of(&library, &interviews)?;
    check_vacancy_framework(vacancy.as_ref(), &framework.id)?;
    let vacancy = vacancy.as_ref().map(|(_, v)| v);
    let scorecards = scorecards(&library, framework, interviews, vacancy, &decisions)?;
    let comparison = scorecard::compare(framework, &scorecards, vacancy);
    let rendered = render(&comparison, args.format.into(), &context.render_options())?;
    // The -o file may replace none of the inputs, the vacancy included.
    let inputs: Vec<_> = given.iter().chain(&args.vacancy).cloned().collect();
    emit(rendered, &args.output, &inputs, out)
}

/// The one framework of the interviews; two are refused with a file of each named.
pub(crate) fn framework_of<'a>(
    library: &'a Library,
    interviews: &[LoadedInterview],
) -> Result<&'a Framework> {
    let first = &interviews[0];
    if let Some(other) = interviews
        .iter()
        .find(|i| i.result.framework != first.result.framework)
    {
        return Err(Error::Usage(t!(
            "scorecard.other_framework",
            a = first.path.display(),
            b = other.path.display()
        )));
    }
    library.framework(&first.result.framework)
}

/// A scorecard per candidate, in the order of their names, each from the interviews of their
/// panel, with the decision on them among `decisions`.
pub(crate) fn scorecards(
    library: &Library,
    framework: &Framework,
    interviews: Vec<LoadedInterview>,
    vacancy: Option<&Vacancy>,
    decisions: &[LoadedDecision],
) -> Result<Vec<Scorecard>> {
    let mut panels: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for interview in interviews {
        panels
            .entry(interview.result.candidate.clone())
            .or_default()
            .push(interview);
    }
    let candidates: Vec<&str> = panels.keys().map(String::as_str).collect();
    check_decisions_have_interviews(decisions, &candidates)?;
    panels
        .iter()
        .map(|(candidate, panel)| {
            let decision = decision_on(decisions, candidate, &framework.id)?;
            scorecard::build(library, framework, panel, vacancy, decision)
        })
        .collect()
}
