//! `vakwijzer panel <interview files>`: how well the panel agrees across candidates (an ICC
//! per competency), how mild or strict each interviewer rates, and what too few rated.

use std::io::Write;

use super::Context;
use super::compare::{framework_of, scorecards};
use super::output::emit;
use super::report::load_interviews;
use crate::Result;
use crate::cli::PanelArgs;
use crate::render::render;
use crate::report::panel;

pub fn run(context: &Context, args: &PanelArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let interviews = load_interviews(&library, &args.files)?;
    let framework = framework_of(&library, &interviews)?;
    let scorecards = scorecards(&library, framework, interviews, None, &[])?;
    let agreement = panel::build(&scorecards)?;
    let rendered = render(&agreement, args.format.into(), &context.render_options())?;
    emit(rendered, &args.output, &args.files, out)
}
