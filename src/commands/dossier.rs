//! `vakwijzer dossier FOLDERS|FILES... -o FILE.pdf`: the whole file of a vacancy (the
//! comparison, each candidate's scorecard, every interview in full, the decisions), or with
//! `--candidate NAME` only that candidate's interviews and decision.

use std::io::Write;

use super::Context;
use super::compare::{framework_of, scorecards};
use super::output::emit;
use super::report::{check_vacancy_framework, load_interviews, split_decisions, split_vacancy};
use crate::cli::DossierArgs;
use crate::error::Error;
use crate::render::render;
use crate::report::dossier::{CandidateFile, Dossier, in_full};
use crate::report::scorecard;
use crate::result::interview::InterviewResult;
use crate::result::record::scale_of;
use crate::{Result, t};

pub fn run(context: &Context, args: &DossierArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let given = crate::scans::find_files(&args.paths)?;
    let (files, vacancy) = split_vacancy(&library, &given, None)?;
    let (files, decisions) = split_decisions(&library, &files)?;
    let mut interviews = load_interviews(&library, &files)?;
    let framework = framework_of(&library, &interviews)?;
    check_vacancy_framework(vacancy.as_ref(), &framework.id)?;
    let vacancy = vacancy.as_ref().map(|(_, v)| v);
    if let Some(name) = &args.candidate {
        interviews.retain(|i| crate::person::same_person(&i.result.candidate, name));
        if interviews.is_empty() {
            return Err(Error::Usage(t!("dossier.no_candidate", candidate = name)));
        }
    }
    let results: Vec<InterviewResult> = interviews.iter().map(|i| i.result.clone()).collect();
    let decisions: Vec<_> = decisions
        .into_iter()
        .filter(|d| results.iter().any(|r| r.candidate == d.result.candidate))
        .collect();
    let cards = scorecards(&library, framework, interviews, vacancy, &decisions)?;
    let scale = scale_of::<InterviewResult>(&library, framework)?;
    let only = args.candidate.as_ref().map(|_| cards[0].candidate.clone());
    let comparison = only
        .is_none()
        .then(|| scorecard::compare(framework, &cards, vacancy));
    let candidates = cards
        .into_iter()
        .map(|card| CandidateFile {
            candidate: card.candidate.clone(),
            interviews: results
                .iter()
                .filter(|r| r.candidate == card.candidate)
                .map(|r| in_full(framework, scale, r))
                .collect(),
            show_scorecard: only.is_none(),
            scorecard: card,
        })
        .collect();
    let dossier = Dossier {
        framework_name: framework.name.clone(),
        vacancy: vacancy.map(|v| v.name.clone()),
        comparison,
        candidates,
        only,
        date: results
            .iter()
            .map(|r| r.updated.clone())
            .max()
            .unwrap_or_default(),
    };
    let rendered = render(&dossier, args.format.into(), &context.render_options())?;
    // The -o file may replace none of the files read.
    emit(rendered, &args.output, &given, out)
}
