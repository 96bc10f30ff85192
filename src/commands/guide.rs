//! `vakwijzer guide <framework>`: the interview guide to print and take into the room.

use std::io::Write;

use super::Context;
use super::output::emit;
use crate::Result;
use crate::cli::{GuideFormat, OutputArgs};
use crate::render::render;
use crate::report::guide;

pub fn run(
    context: &Context,
    framework_id: &str,
    competencies: &[String],
    format: GuideFormat,
    output: &OutputArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let library = context.library()?;
    let framework = library.framework(framework_id)?;
    let guide = guide::build(&library, framework, competencies)?;
    let rendered = render(&guide, format.into(), &context.render_options())?;
    emit(rendered, output, &[], out)
}
