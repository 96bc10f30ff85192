//! `vakwijzer team <FOLDER|FILE...>`: the anonymous team report of a round of self-scans, with
//! a schooling plan, optionally split by team or role and compared with an earlier round.

use std::io::Write;

use super::Context;
use super::output::emit;
use crate::cli::TeamArgs;
use crate::error::Error;
use crate::framework::Framework;
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
    // Each file is kept as the member it makes, its text dropped once read.
    let keep: &scans::Keep<Member> = &Member::from_scan;
    let read = scans::read_all(&files, &library, options.framework.as_deref(), keep);
    let (framework, choice) = match &options.framework {
        Some(id) => (library.framework(id)?, FrameworkChoice::Given),
        None => match scans::most_common_framework(&read, &library) {
            Ok(framework) => (framework, FrameworkChoice::MostFiles),
            Err(error) => {
                // Say what was wrong with each file before giving up: the files that are no
                // scan, and the scans that are unfinished or of a framework not known.
                let mut all = scans::unusable(read, &library);
                all.sort_by(|a, b| a.file.cmp(&b.file));
                tell_skipped(&all, "");
                return Err(error);
            }
        },
    };
    let scale = library
        .scale(&framework.scales.self_scan)
        .ok_or_else(|| Error::Usage(t!("scan.no_scale", framework = &framework.id)))?;
    let current = round(read, framework, "");
    let earlier = match &options.since {
        Some(folder) => {
            let files = scans::find_files(std::slice::from_ref(folder))?;
            let read = scans::read_all(&files, &library, Some(&framework.id), keep);
            let prefix = format!("{}: ", t!("team.earlier_round"));
            Some(round(read, framework, &prefix))
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
fn round(read: scans::Read<Member>, framework: &Framework, prefix: &str) -> Round {
    let (usable, mut skipped) = scans::select(read, framework);
    skipped.sort_by(|a, b| a.file.cmp(&b.file));
    tell_skipped(&skipped, prefix);
    for warning in usable.iter().flat_map(|scan| &scan.warnings) {
        super::warn(format!("{prefix}{warning}"));
    }
    Round {
        scans_with_remarks: usable.iter().filter(|s| !s.warnings.is_empty()).count(),
        members: usable.into_iter().map(|scan| scan.record).collect(),
        skipped,
    }
}

fn tell_skipped(skipped: &[scans::Skipped], prefix: &str) {
    for skip in skipped {
        let line = render::team::skipped_line(skip);
        super::warn(format!("{prefix}{}: {line}", t!("team.skipped_file")));
    }
}
