//! `vakwijzer compare <interview files>`: candidates side by side, ranked by overall score,
//! with the number of interviewer disagreements per candidate.

use std::collections::BTreeMap;
use std::io::Write;

use super::Context;
use super::output::emit;
use super::report::{check_vacancy_framework, load_interviews, split_vacancy};
use crate::cli::CompareArgs;
use crate::error::Error;
use crate::render::render;
use crate::report::scorecard;
use crate::{Result, t};

pub fn run(context: &Context, args: &CompareArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let (files, vacancy) = split_vacancy(&library, &args.files, args.vacancy.as_deref())?;
    let interviews = load_interviews(&library, &files)?;
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
    let framework = library.framework(&first.result.framework)?;
    check_vacancy_framework(vacancy.as_ref(), &framework.id)?;
    let vacancy = vacancy.as_ref().map(|(_, v)| v);
    // One panel per candidate, in the order the files were given.
    let mut panels: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for interview in interviews {
        panels
            .entry(interview.result.candidate.clone())
            .or_default()
            .push(interview);
    }
    let scorecards: Vec<scorecard::Scorecard> = panels
        .values()
        .map(|panel| scorecard::build(&library, framework, panel, vacancy))
        .collect::<Result<_>>()?;
    let comparison = scorecard::compare(framework, &scorecards, vacancy);
    let rendered = render(&comparison, args.format.into(), &context.render_options())?;
    // The -o file may replace none of the inputs, the vacancy included.
    let inputs: Vec<_> = args.files.iter().chain(&args.vacancy).cloned().collect();
    emit(rendered, &args.output, &inputs, out)
}
