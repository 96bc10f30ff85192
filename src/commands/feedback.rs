//! `vakwijzer report SELF [EARLIER...] RATINGS...`: the 360 report, when ratings of others
//! (`kind: rating`) are among the files. Messages name files, never a rater.

use std::io::Write;
use std::path::PathBuf;

use super::Context;
use super::output::emit;
use crate::cli::ReportArgs;
use crate::error::{Error, Problem};
use crate::framework::Library;
use crate::input::Locator;
use crate::render::render;
use crate::report::feedback::{self, Rater};
use crate::result::rating::RatingResult;
use crate::result::record::{load, scale_of};
use crate::result::{Loaded, LoadedScan, ScanResult};
use crate::{Result, t};

/// The 360 report of `scans` (the self-scans, newest first, checked to be of one person and
/// framework) and the rating files `ratings`.
pub fn run(
    context: &Context,
    library: &Library,
    args: &ReportArgs,
    scans: &[LoadedScan],
    ratings: &[PathBuf],
    out: &mut dyn Write,
) -> Result<()> {
    if args.plan.is_some() || args.vacancy.is_some() {
        return Err(Error::Usage(t!("feedback.no_plan_or_vacancy")));
    }
    let own = &scans[0];
    let framework = library.framework(&own.result.framework)?;
    let mut warnings: Vec<String> = scans.iter().flat_map(|s| s.warnings.clone()).collect();
    let mut used: Vec<Loaded<RatingResult>> = Vec::new();
    for path in ratings {
        let loaded = load::<RatingResult>(path, library)?;
        warnings.extend(loaded.warnings.iter().cloned());
        let rating = &loaded.result;
        if rating.framework != own.result.framework {
            return Err(Error::Usage(t!(
                "report.other_framework",
                a = own.path.display(),
                b = path.display()
            )));
        }
        if !crate::person::same_person(&rating.about, &own.result.name) {
            return Err(Error::Usage(t!(
                "feedback.other_person",
                rating = path.display(),
                scan = own.path.display()
            )));
        }
        if library.rater_kind(&rating.rater_kind).is_err() {
            let text = crate::result::read_text(path)?;
            let position = Locator::new(&text).key_line("rater_kind");
            let known: Vec<&str> = library.raters.iter().map(|k| k.id.as_str()).collect();
            let message = t!(
                "rating.unknown_kind",
                id = &rating.rater_kind,
                known = known.join(", ")
            );
            let problem = Problem::new(&path.display().to_string(), position, message);
            return Err(Error::Problems(vec![problem]));
        }
        if !rating.complete {
            super::warn(t!("feedback.incomplete", path = path.display()));
            continue;
        }
        used.push(loaded);
    }
    let used = newest_per_rater(used);
    for warning in &warnings {
        super::warn(warning);
    }
    let raters: Vec<Rater> = used
        .iter()
        .filter_map(|l| {
            let kind = library.rater_kind(&l.result.rater_kind).ok()?;
            Some(Rater::of(&l.result, kind))
        })
        .collect();
    let scale = scale_of::<ScanResult>(library, framework)?;
    let previous = scans.get(1).map(|s| &s.result);
    let report = feedback::build(
        framework,
        scale,
        &library.raters,
        &own.result,
        previous,
        &raters,
        warnings,
    );
    let rendered = render(&report, args.format.into(), &context.render_options())?;
    let inputs: Vec<PathBuf> = scans
        .iter()
        .map(|s| s.path.clone())
        .chain(ratings.iter().cloned())
        .collect();
    emit(rendered, &args.output, &inputs, out)
}

/// One rating per rater: a rater who rated twice (the same name and kind) counts once, with
/// the newest; said on stderr by file, without the name. Ratings without a name each count.
fn newest_per_rater(mut ratings: Vec<Loaded<RatingResult>>) -> Vec<Loaded<RatingResult>> {
    ratings.sort_by(|a, b| b.result.started.cmp(&a.result.started));
    let mut kept: Vec<Loaded<RatingResult>> = Vec::new();
    for rating in ratings {
        let key = |l: &Loaded<RatingResult>| {
            let name = l.result.rater_name.as_deref().unwrap_or_default();
            let name = crate::person::normalized_name(name);
            (!name.is_empty()).then(|| (name, l.result.rater_kind.clone()))
        };
        let same =
            key(&rating).and_then(|k| kept.iter().find(|other| key(other) == Some(k.clone())));
        match same {
            Some(newer) => super::warn(t!(
                "feedback.same_rater",
                older = rating.path.display(),
                newer = newer.path.display()
            )),
            None => kept.push(rating),
        }
    }
    kept
}
