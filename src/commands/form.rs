//! `vakwijzer form FRAMEWORK`: the self-scan as one HTML file to fill in in a browser, offline;
//! what it saves is a scan result like `scan` writes.

use std::io::Write;

use super::Context;
use super::output::{Rendered, emit};
use crate::Result;
use crate::cli::FormArgs;
use crate::error::Error;
use crate::form;
use crate::questionnaire::input;
use crate::render::template::Templates;
use crate::result::ScanResult;
use crate::result::record::scale_of;
use crate::t;

pub fn run(context: &Context, args: &FormArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let framework = library.framework(&args.framework)?;
    let scale = scale_of::<ScanResult>(&library, framework)?;
    if framework.scan_competencies(&[]).is_empty() {
        return Err(Error::Usage(t!(
            "scan.nothing_to_ask",
            framework = &framework.id
        )));
    }
    // As `scan --role`: a role names the targets, and a framework without roles keeps the
    // role only to group the team report.
    let role = match &args.role {
        None => None,
        Some(id) if library.roles_of(&framework.id).is_empty() => {
            input::check_argument("--role", id)?;
            Some((id.clone(), id.clone()))
        }
        Some(id) => {
            let role = library.role(&framework.id, id)?;
            Some((role.id.clone(), role.name.clone()))
        }
    };
    let form = form::build(framework, scale, role);
    let templates = Templates::load(context.templates.as_deref())?;
    let html = form::render(&form, &templates)?;
    emit(Rendered::Text(html), &args.output, &[], out)
}
