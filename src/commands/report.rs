//! `vakwijzer report <scan> [<earlier scan>]`: the personal report, with the progress between
//! two scans of the same person and framework.

use std::io::Write;
use std::path::PathBuf;

use super::{Context, to_json};
use crate::cli::ReportFormat;
use crate::error::Error;
use crate::render;
use crate::report::personal;
use crate::result::{self, LoadedScan};
use crate::{Result, t};

pub fn run(
    context: &Context,
    files: &[PathBuf],
    format: ReportFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let library = context.library()?;
    let mut scans: Vec<LoadedScan> = files
        .iter()
        .map(|path| result::load_scan(path, &library))
        .collect::<Result<_>>()?;
    if scans.len() > 2 {
        return Err(Error::Usage(t!("report.too_many_scans")));
    }
    // The newest scan is the report; an older one is what progress is measured from.
    scans.sort_by(|a, b| b.result.started.cmp(&a.result.started));
    let current = &scans[0];
    let previous = scans.get(1);
    if let Some(previous) = previous {
        if previous.result.framework != current.result.framework {
            return Err(Error::Usage(t!(
                "report.other_framework",
                a = current.path.display(),
                b = previous.path.display()
            )));
        }
        if previous.result.name != current.result.name {
            return Err(Error::Usage(t!(
                "report.other_person",
                a = current.path.display(),
                b = previous.path.display()
            )));
        }
    }
    let warnings: Vec<String> = scans.iter().flat_map(|s| s.warnings.clone()).collect();
    for warning in &warnings {
        eprintln!("vakwijzer: {warning}");
    }
    let framework = library.framework(&current.result.framework)?;
    let report = personal::build(
        &library,
        framework,
        &current.result,
        previous.map(|p| &p.result),
        warnings,
    );
    let text = match format {
        ReportFormat::Table => render::personal::table(&report, context.width),
        ReportFormat::Md => render::personal::markdown(&report),
        ReportFormat::Json => to_json(&report),
        ReportFormat::Csv => render::personal::csv(&report)?,
    };
    writeln!(out, "{}", text.trim_end())?;
    Ok(())
}
