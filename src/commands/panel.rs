//! `vakwijzer panel <interview files>`: how well the panel agrees across candidates (an ICC
//! per competency), how mild or strict each interviewer rates, and what too few rated.

use std::io::Write;

use super::Context;
use super::compare::{framework_of, scorecards};
use super::output::emit;
use super::report::{given_files, load_interviews, split_decisions, split_vacancy};
use crate::Result;
use crate::cli::PanelArgs;
use crate::render::render;
use crate::report::panel;

pub fn run(context: &Context, args: &PanelArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    // A vacancy's folder may hold its vacancy and the panel's decisions: they are no ratings of
    // the interviewers, so the agreement leaves them out.
    let given = given_files(&args.files)?;
    let (files, _) = split_vacancy(&library, &given, None)?;
    let (files, _) = split_decisions(&library, &files)?;
    let interviews = load_interviews(&library, &files)?;
    let framework = framework_of(&library, &interviews)?;
    let scorecards = scorecards(&library, framework, interviews, None, &[])?;
    let agreement = panel::build(&scorecards)?;
    let rendered = render(&agreement, args.format.into(), &context.render_options())?;
    emit(rendered, &args.output, &given, out)
}
