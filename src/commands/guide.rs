//! `vakwijzer guide <framework>`: the interview guide to print and take into the room.

use std::io::Write;

use super::output::{Rendered, emit};

use super::Context;
use crate::Result;
use crate::cli::{GuideFormat, OutputArgs};
use crate::render::table::wrap_lines;
use crate::render::template::Templates;
use crate::report::guide;

/// Width of the plain-text guide: it is printed, so it does not follow the terminal.
const TEXT_WIDTH: u16 = 90;

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
    let templates = Templates::load(context.templates.as_deref())?;
    let rendered = match format {
        GuideFormat::Md => Rendered::Text(templates.render("guide.md", &guide)?),
        GuideFormat::Txt => Rendered::Text(wrap_lines(
            &templates.render("guide.txt", &guide)?,
            TEXT_WIDTH,
        )),
        GuideFormat::Html => Rendered::Text(templates.render("guide.html", &guide)?),
        GuideFormat::Pdf => {
            let document = crate::render::print::guide(&guide, &crate::result::now());
            let pdf = crate::render::pdf::render(&document)?;
            Rendered::Binary(pdf)
        }
    };
    emit(rendered, output, &[], out)
}
