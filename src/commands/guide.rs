//! `vakwijzer guide <framework>`: the interview guide to print and take into the room.

use std::io::Write;

use super::Context;
use crate::Result;
use crate::cli::GuideFormat;
use crate::render::template::Templates;
use crate::report::guide;

pub fn run(
    context: &Context,
    framework_id: &str,
    competencies: &[String],
    format: GuideFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let library = context.library()?;
    let framework = library.framework(framework_id)?;
    let guide = guide::build(&library, framework, competencies)?;
    let templates = Templates::load(context.templates.as_deref())?;
    let name = match format {
        GuideFormat::Md => "guide.md",
        GuideFormat::Txt => "guide.txt",
    };
    write!(out, "{}", templates.render(name, &guide)?)?;
    Ok(())
}
