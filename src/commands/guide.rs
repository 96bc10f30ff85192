//! `vakwijzer guide <framework>`: the interview guide to print and take into the room.

use std::io::Write;

use super::Context;
use super::output::emit;
use crate::Result;
use crate::cli::GuideArgs;
use crate::render::render;
use crate::report::guide;

pub fn run(context: &Context, args: &GuideArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let framework = library.framework(&args.framework)?;
    let selection = guide::Selection {
        competencies: args.competencies.clone(),
        questions: args.questions.clone(),
    };
    let guide = guide::build(&library, framework, &selection)?;
    let rendered = render(&guide, args.format.into(), &context.render_options())?;
    emit(rendered, &args.output, &[], out)
}
