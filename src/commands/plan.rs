//! `vakwijzer plan SCAN`: the development plan (POP) after a scan, in a terminal, from piped
//! lines or from an answers file; `--resume FILE` goes on where it stopped.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::Context;
use super::session::{self, Opened};
use crate::cli::{PlanArgs, SessionArgs};
use crate::error::Error;
use crate::framework::{Framework, Library};
use crate::questionnaire::engine::{self, Outcome};
use crate::questionnaire::keyed::KeyedPrompter;
use crate::questionnaire::plan::{Candidate, PlanSession};
use crate::questionnaire::prompt::{LinePrompter, Prompter, TerminalPrompter};
use crate::render::number;
use crate::report::personal;
use crate::report::suggestions::{self, Audience, Suggestion};
use crate::result::plan::{self, PlanResult};
use crate::result::{self, Record, ScanResult};
use crate::{Result, t};

pub fn run(context: &Context, args: &PlanArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let mut prompter: Box<dyn Prompter> = match &args.answers {
        Some(path) => {
            let text = result::read_text(path)?;
            Box::new(KeyedPrompter::parse(&path.display().to_string(), &text)?)
        }
        None if std::io::stdin().is_terminal() => {
            Box::new(TerminalPrompter::new(std::io::stdout(), context.width))
        }
        None => Box::new(LinePrompter::new(std::io::stdin().lock(), "stdin")),
    };
    let lifecycle = SessionArgs {
        competencies: Vec::new(),
        out: args.out.clone(),
        resume: args.resume.clone(),
    };
    // A new plan needs its scan, read before anything is written; one gone on with finds it
    // where the plan says.
    let mut scan = None;
    let new = || {
        let Some(scan_path) = &args.scan else {
            return Err(Error::Usage(t!("plan.scan_needed")));
        };
        let loaded = result::load_scan(scan_path, &library)?;
        for warning in &loaded.warnings {
            super::warn(warning);
        }
        let framework = library.framework(&loaded.result.framework)?;
        let mut result = PlanResult::new(framework, &loaded.result, scan_path, Path::new("."));
        // A default name is in the current folder whatever its number, so the path to the
        // scan is the same from each.
        let at = args
            .out
            .clone()
            .unwrap_or_else(|| PathBuf::from(format!("{}.yaml", result.file_stem())));
        result.scan = plan::relative_path(scan_path, &at);
        scan = Some(loaded.result);
        Ok(result)
    };
    let Some(begun) = session::begin(&lifecycle, &library, out, new)? else {
        return Ok(());
    };
    let Opened { result, file } = begun.open(&lifecycle, prompter.as_mut())?;
    let scan = match scan {
        Some(scan) => Some(scan),
        None => plan_scan(&result, file.path(), &library),
    };
    let framework = library.framework(&result.framework)?;
    let candidates = candidates(&library, framework, scan.as_ref())?;
    if prompter.interactive() {
        writeln!(out, "{}", t!("plan.welcome", name = &result.name))?;
    }
    let mut session = PlanSession::new(candidates, result, file);
    let outcome = engine::run(&mut session, prompter.as_mut())?;
    let path = session.file.path().display().to_string();
    match outcome {
        Outcome::Complete => {
            writeln!(out, "\n{}", t!("plan.saved", path = &path))?;
            let scan = session.result.scan_path(session.file.path());
            let hint = t!("plan.report_hint", path = &path, scan = scan.display());
            writeln!(out, "{hint}")?;
        }
        Outcome::Stopped => {
            writeln!(out, "\n{}", t!("plan.stopped", path = &path))?;
            writeln!(out, "{}", t!("plan.resume_hint", path = &path))?;
        }
    }
    Ok(())
}

/// The scan a plan follows from, when it is still where the plan says and the same scan.
fn plan_scan(plan: &PlanResult, path: &Path, library: &Library) -> Option<ScanResult> {
    let at = plan.scan_path(path);
    let scan = result::load_scan(&at, library).ok().map(|s| s.result);
    let scan = scan.filter(|s| plan::scan_fingerprint(s) == plan.scan_fingerprint);
    if scan.is_none() {
        super::warn(t!(
            "plan.scan_not_found",
            plan = path.display(),
            scan = at.display()
        ));
    }
    scan
}

/// What the plan may take up: the scan's development points, with the methods they suggest;
/// when it has none (or the scan is gone), every competency of the framework.
fn candidates(
    library: &Library,
    framework: &Framework,
    scan: Option<&ScanResult>,
) -> Result<Vec<Candidate>> {
    let names = |list: &[Suggestion]| list.iter().map(|s| s.name.clone()).collect();
    if let Some(scan) = scan {
        let (role, _) = library.role_of_result(&framework.id, None, scan.role.as_deref())?;
        let report = personal::build(library, framework, role, scan, &[], Vec::new());
        let points: Vec<Candidate> = report
            .development_points
            .iter()
            .map(|p| Candidate {
                id: p.id.clone(),
                name: p.name.clone(),
                label: t!(
                    "plan.point_label",
                    name = p.name.trim_end_matches('.'),
                    score = number(p.score),
                    target = number(p.target)
                ),
                suggestions: names(&p.suggestions),
            })
            .collect();
        if !points.is_empty() {
            return Ok(points);
        }
    }
    Ok(framework
        .competencies
        .iter()
        .filter(|c| !c.indicators.is_empty())
        .map(|c| Candidate {
            id: c.id.clone(),
            name: c.name.clone(),
            label: c.name.clone(),
            suggestions: {
                let all = suggestions::candidates(library, &framework.id, &c.id, Audience::Person);
                names(&suggestions::pick(vec![all]).concat())
            },
        })
        .collect())
}
