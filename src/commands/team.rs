//! `vakwijzer team <FOLDER|FILE...>`: the anonymous team report of a round of self-scans, with
//! a schooling plan, optionally split by team or role and compared with an earlier round.

use std::io::Write;

use super::Context;
use super::output::emit;
use crate::cli::TeamArgs;
use crate::error::Error;
use crate::framework::{Framework, Library};
use crate::render;
use crate::report::team::{self, FrameworkChoice, LOWEST_MIN_GROUP, Member, Round};
use crate::scans;
use crate::{Result, t};

pub fn run(context: &Context, options: &TeamArgs, out: &mut dyn Write) -> Result<()> {
    if options.min_group < LOWEST_MIN_GROUP {
        return Err(Error::Usage(t!(
            "team.min_group_too_low",
            lowest = LOWEST_MIN_GROUP
        )));
    }
    // Loaded once, for every file of both rounds.
    let library = context.library()?;
    let files = scans::find_files(&options.paths)?;
    if files.is_empty() {
        return Err(Error::Usage(t!("team.no_files")));
    }
    let (parsed, skipped) = scans::read_all(&files);
    let (framework, choice) = match &options.framework {
        Some(id) => (library.framework(id)?, FrameworkChoice::Given),
        None => match scans::most_common_framework(&parsed, &library) {
            Ok(framework) => (framework, FrameworkChoice::MostFiles),
            Err(error) => {
                // Say what was wrong with each file before giving up: the files that are no
                // scan, and the scans that are unfinished or of a framework not known.
                let mut all = skipped;
                all.extend(scans::unusable(&parsed, &library));
                all.sort_by(|a, b| a.file.cmp(&b.file));
                tell_skipped(&all, "");
                return Err(error);
            }
        },
    };
    let scale = library
        .scale(&framework.scales.self_scan)
        .ok_or_else(|| Error::Usage(t!("scan.no_scale", framework = &framework.id)))?;
    let current = round(parsed, skipped, framework, &library, "");
    let earlier = match &options.since {
        Some(folder) => {
            let (parsed, skipped) =
                scans::read_all(&scans::find_files(std::slice::from_ref(folder))?);
            let prefix = format!("{}: ", t!("team.earlier_round"));
            Some(round(parsed, skipped, framework, &library, &prefix))
        }
        None => None,
    };
    let report = team::build(
        &library,
        framework,
        scale,
        current,
        earlier,
        team::Options {
            role: match &options.role {
                Some(id) => Some(library.role(&framework.id, id)?),
                None => None,
            },
            min_group: options.min_group,
            by: options.by,
            choice,
        },
    );
    // Wrapped to the terminal like the report (a narrow terminal shows stderr too).
    for hint in render::team::hints(&report) {
        let hint = crate::wrap::wrap_lines(&format!("vakwijzer: {hint}"), context.width);
        eprintln!("{}", hint.trim_end());
    }
    let rendered = render::render(&report, options.format.into(), &context.render_options())?;
    emit(rendered, &options.output, &files, out)
}

/// The usable scans of `framework` as members (names dropped), and every file skipped. Which
/// files were skipped, and the warnings, go to stderr here and not into the report, which is
/// shared: file names may hold names.
fn round(
    parsed: Vec<scans::Parsed>,
    mut skipped: Vec<scans::Skipped>,
    framework: &Framework,
    library: &Library,
    prefix: &str,
) -> Round {
    let (loaded, mut unusable) = scans::select(parsed, framework, library);
    skipped.append(&mut unusable);
    skipped.sort_by(|a, b| a.file.cmp(&b.file));
    tell_skipped(&skipped, prefix);
    for warning in loaded.iter().flat_map(|scan| &scan.warnings) {
        super::warn(format!("{prefix}{warning}"));
    }
    Round {
        members: loaded
            .iter()
            .map(|scan| Member::from_scan(framework, &scan.result))
            .collect(),
        skipped,
        scans_with_remarks: loaded.iter().filter(|s| !s.warnings.is_empty()).count(),
    }
}

fn tell_skipped(skipped: &[scans::Skipped], prefix: &str) {
    for skip in skipped {
        let line = render::team::skipped_line(skip);
        super::warn(format!("{prefix}{}: {line}", t!("team.skipped_file")));
    }
}
