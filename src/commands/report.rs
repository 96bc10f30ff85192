//! `vakwijzer report <files>`: for scans the personal report of the newest, with the progress
//! over the earlier scans of the same person and framework; for interviews the candidate's
//! scorecard.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Context;
use super::output::emit;
use crate::cli::ReportArgs;
use crate::error::Error;
use crate::framework::Library;
use crate::render::render;
use crate::report::personal;
use crate::report::scorecard;
use crate::result::decision::DecisionResult;
use crate::result::{self, LoadedScan, ResultKind, interview, plan};
use crate::vacancy::{self, Vacancy};
use crate::{Result, t};

pub fn run(context: &Context, args: &ReportArgs, out: &mut dyn Write) -> Result<()> {
    let (role, format, output) = (args.role.as_deref(), args.format, &args.output);
    let library = context.library()?;
    let given = given_files(&args.files)?;
    let (files, vacancy) = split_vacancy(&library, &given, args.vacancy.as_deref())?;
    let (files, decisions) = split_decisions(&library, &files)?;
    let files = &files;
    let kinds: Vec<ResultKind> = files
        .iter()
        .map(|path| result::read_text(path).and_then(|text| result::peek_kind(path, &text)))
        .collect::<Result<_>>()?;
    // Ratings of others make it a 360 report: the self-scans and the ratings about them.
    let (ratings, others): (Vec<_>, Vec<_>) = files
        .iter()
        .cloned()
        .zip(kinds)
        .partition(|(_, kind)| *kind == ResultKind::Rating);
    let ratings: Vec<PathBuf> = ratings.into_iter().map(|(file, _)| file).collect();
    let (files, kinds): (Vec<PathBuf>, Vec<ResultKind>) = others.into_iter().unzip();
    let files = &files;
    if !ratings.is_empty() && kinds.is_empty() {
        return Err(Error::Usage(t!("feedback.no_scan")));
    }
    if kinds.iter().any(|k| *k != kinds[0]) || (!ratings.is_empty() && kinds[0] != ResultKind::Scan)
    {
        return Err(Error::Usage(t!("report.mixed_kinds")));
    }
    if kinds[0] == ResultKind::Interview {
        return scorecard(context, &library, args, files, vacancy, &decisions, out);
    }
    if let Some(decision) = decisions.first() {
        return Err(Error::Usage(t!(
            "decision.with_scans",
            path = decision.path.display()
        )));
    }
    if let Some((path, _)) = vacancy {
        return Err(Error::Usage(t!(
            "vacancy.with_scans",
            path = path.display()
        )));
    }
    let scans = load_scans(&library, files)?;
    if !ratings.is_empty() {
        return super::feedback::run(context, &library, args, &scans, &ratings, out);
    }
    let current = &scans[0];
    let warnings: Vec<String> = scans.iter().flat_map(|s| s.warnings.clone()).collect();
    for warning in &warnings {
        super::warn(warning);
    }
    let framework = library.framework(&current.result.framework)?;
    let (role, note) =
        library.role_of_result(&framework.id, role, current.result.role.as_deref())?;
    if let Some(note) = note {
        eprintln!("vakwijzer: {}: {note}", current.path.display());
    }
    let mut report = personal::build(
        &library,
        framework,
        role,
        &current.result,
        &scans[1..].iter().map(|s| &s.result).collect::<Vec<_>>(),
        warnings,
    );
    let mut inputs = files.clone();
    if let Some(plan) = &args.plan {
        report.plan = Some(plan_section(&library, plan, &scans)?);
        inputs.push(plan.clone());
    }
    let rendered = render(&report, format.into(), &context.render_options())?;
    emit(rendered, output, &inputs, out)
}

/// The scans of one person and framework, the newest first: the newest is the report, the
/// older ones are what progress is measured from.
fn load_scans(library: &Library, files: &[PathBuf]) -> Result<Vec<LoadedScan>> {
    let mut scans: Vec<LoadedScan> = files
        .iter()
        .map(|path| result::load_scan(path, library))
        .collect::<Result<_>>()?;
    scans.sort_by(|a, b| b.result.started.cmp(&a.result.started));
    let current = &scans[0];
    for earlier in &scans[1..] {
        if earlier.result.framework != current.result.framework {
            return Err(Error::Usage(t!(
                "report.other_framework",
                a = current.path.display(),
                b = earlier.path.display()
            )));
        }
        if earlier.result.name != current.result.name {
            return Err(Error::Usage(t!(
                "report.other_person",
                a = current.path.display(),
                b = earlier.path.display()
            )));
        }
    }
    Ok(scans)
}

/// The plan of `--plan` for the report of `scans` (the newest first): of the same person and
/// framework, with its own scan found among them or at the path the plan names.
fn plan_section(
    library: &Library,
    path: &std::path::Path,
    scans: &[LoadedScan],
) -> Result<crate::report::plan::PlanSection> {
    let loaded = result::record::load::<plan::PlanResult>(path, library)?;
    for warning in &loaded.warnings {
        super::warn(warning);
    }
    let plan = &loaded.result;
    let current = &scans[0];
    if plan.framework != current.result.framework || plan.name != current.result.name {
        return Err(Error::Usage(t!(
            "plan.other_scan",
            plan = path.display(),
            scan = current.path.display()
        )));
    }
    let same =
        |scan: &crate::result::ScanResult| plan::scan_fingerprint(scan) == plan.scan_fingerprint;
    let given = scans.iter().map(|s| &s.result).find(|s| same(s)).cloned();
    let plan_scan = given.or_else(|| {
        let at = plan.scan_path(path);
        let found = result::load_scan(&at, library).ok().map(|s| s.result);
        let found = found.filter(|s| same(s));
        if found.is_none() {
            super::warn(t!(
                "plan.scan_not_found",
                plan = path.display(),
                scan = at.display()
            ));
        }
        found
    });
    let framework = library.framework(&plan.framework)?;
    Ok(crate::report::plan::build(
        framework,
        plan,
        plan_scan.as_ref(),
        &current.result,
    ))
}

/// Reads interview files (all of one framework) with their warnings printed once.
pub(crate) fn load_interviews(
    library: &Library,
    files: &[PathBuf],
) -> Result<Vec<interview::LoadedInterview>> {
    let interviews: Vec<interview::LoadedInterview> = files
        .iter()
        .map(|path| interview::load(path, library))
        .collect::<Result<_>>()?;
    for warning in interviews.iter().flat_map(|i| &i.warnings) {
        super::warn(warning);
    }
    Ok(interviews)
}

/// A vacancy and the file it came from.
pub(crate) type LoadedVacancy = (PathBuf, Vacancy);

/// The inputs split into the interviews (or scans) and the vacancy: the one given with
/// `--vacancy`, or a file among the inputs that says `kind: vacancy`. Two are refused.
/// The files given on the command line, a folder (a round of 360 feedback, a vacancy's
/// interviews) standing for the results below it; `report`, `compare` and `panel` take them so.
pub(crate) fn given_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if paths.iter().any(|p| p.is_dir()) {
        crate::scans::find_files(paths)
    } else {
        Ok(paths.to_vec())
    }
}

pub(crate) fn split_vacancy(
    library: &Library,
    files: &[PathBuf],
    flag: Option<&Path>,
) -> Result<(Vec<PathBuf>, Option<LoadedVacancy>)> {
    let mut rest = Vec::new();
    let mut found: Vec<PathBuf> = flag.map(Path::to_path_buf).into_iter().collect();
    for path in files {
        if vacancy::read_if_vacancy(path)?.is_some() {
            found.push(path.clone());
        } else {
            rest.push(path.clone());
        }
    }
    if let [a, b, ..] = found.as_slice() {
        return Err(Error::Usage(t!(
            "vacancy.two_vacancies",
            a = a.display(),
            b = b.display()
        )));
    }
    if rest.is_empty() {
        return Err(Error::Usage(t!("vacancy.no_interviews")));
    }
    let vacancy = match found.pop() {
        Some(path) => {
            let loaded = vacancy::load(&path, library)?;
            Some((path, loaded))
        }
        None => None,
    };
    Ok((rest, vacancy))
}

/// Refuses a vacancy of another framework than the interviews'.
pub(crate) fn check_vacancy_framework(
    vacancy: Option<&LoadedVacancy>,
    framework: &str,
) -> Result<()> {
    match vacancy {
        Some((path, vacancy)) if vacancy.framework != framework => Err(Error::Usage(t!(
            "vacancy.other_framework",
            vacancy = path.display(),
            framework = &vacancy.framework,
            interviews = framework
        ))),
        _ => Ok(()),
    }
}

/// A decision and the file it came from.
pub(crate) type LoadedDecision = result::Loaded<DecisionResult>;

/// The inputs split into the rest and the decisions (`kind: decision`) among them, read and
/// checked, their warnings told.
pub(crate) fn split_decisions(
    library: &Library,
    files: &[PathBuf],
) -> Result<(Vec<PathBuf>, Vec<LoadedDecision>)> {
    let mut rest = Vec::new();
    let mut decisions = Vec::new();
    for path in files {
        if result::result_kind_of(path) == Some("decision") {
            let loaded = result::record::load::<DecisionResult>(path, library)?;
            for warning in &loaded.warnings {
                super::warn(warning);
            }
            decisions.push(loaded);
        } else {
            rest.push(path.clone());
        }
    }
    if rest.is_empty() && !decisions.is_empty() {
        return Err(Error::Usage(t!("decision.no_interviews")));
    }
    Ok((rest, decisions))
}

/// The decision on `candidate` among `decisions`, checked to be of `framework`; two on the
/// same candidate are refused.
pub(crate) fn decision_on<'a>(
    decisions: &'a [LoadedDecision],
    candidate: &str,
    framework: &str,
) -> Result<Option<&'a DecisionResult>> {
    let mut found = decisions.iter().filter(|d| d.result.candidate == candidate);
    let Some(first) = found.next() else {
        return Ok(None);
    };
    if let Some(second) = found.next() {
        return Err(Error::Usage(t!(
            "decision.twice",
            a = first.path.display(),
            b = second.path.display(),
            candidate = candidate
        )));
    }
    if first.result.framework != framework {
        return Err(Error::Usage(t!(
            "decision.other_framework",
            path = first.path.display(),
            framework = framework
        )));
    }
    Ok(Some(&first.result))
}

/// Refuses a decision on a candidate none of the interviews is about.
pub(crate) fn check_decisions_have_interviews(
    decisions: &[LoadedDecision],
    candidates: &[&str],
) -> Result<()> {
    match decisions
        .iter()
        .find(|d| !candidates.contains(&d.result.candidate.as_str()))
    {
        Some(decision) => Err(Error::Usage(t!(
            "decision.other_candidate",
            path = decision.path.display(),
            candidate = &decision.result.candidate
        ))),
        None => Ok(()),
    }
}

/// The scorecard of one candidate from the interviews of their panel, with the panel's
/// decision when one is given.
fn scorecard(
    context: &Context,
    library: &Library,
    args: &ReportArgs,
    files: &[PathBuf],
    vacancy: Option<LoadedVacancy>,
    decisions: &[LoadedDecision],
    out: &mut dyn Write,
) -> Result<()> {
    let interviews = load_interviews(library, files)?;
    scorecard::check_panel(&interviews)?;
    let framework = library.framework(&interviews[0].result.framework)?;
    check_vacancy_framework(vacancy.as_ref(), &framework.id)?;
    let vacancy = vacancy.as_ref().map(|(_, v)| v);
    let candidate = interviews[0].result.candidate.as_str();
    check_decisions_have_interviews(decisions, &[candidate])?;
    let decision = decision_on(decisions, candidate, &framework.id)?;
    let card = scorecard::build(library, framework, &interviews, vacancy, decision)?;
    let rendered = render(&card, args.format.into(), &context.render_options())?;
    // The -o file may replace none of the inputs, the vacancy included.
    let inputs: Vec<PathBuf> = args.files.iter().chain(&args.vacancy).cloned().collect();
    emit(rendered, &args.output, &inputs, out)
}
