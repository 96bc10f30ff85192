//! `vakwijzer decide INTERVIEWS...`: the panel's decision on one candidate after discussing
//! the interviews, in a terminal or from piped lines; `--resume FILE` goes on where it
//! stopped. The interviews are read, never written.

use std::io::{IsTerminal, Write};

use super::Context;
use super::report::load_interviews;
use super::session::{self, Opened};
use crate::cli::{DecideArgs, SessionArgs};
use crate::error::Error;
use crate::questionnaire::decision::{DecisionSession, Discussed};
use crate::questionnaire::engine::{self, Outcome};
use crate::questionnaire::prompt::{LinePrompter, Prompter, TerminalPrompter};
use crate::report::scorecard::{self, Scorecard};
use crate::result::decision::DecisionResult;
use crate::result::record::scale_of;
use crate::{Result, t};

pub fn run(context: &Context, args: &DecideArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let interviews = load_interviews(&library, &args.files)?;
    scorecard::check_panel(&interviews)?;
    let framework = library.framework(&interviews[0].result.framework)?;
    let card = scorecard::build(&library, framework, &interviews, None, None)?;
    let mut prompter: Box<dyn Prompter> = if std::io::stdin().is_terminal() {
        Box::new(TerminalPrompter::new(std::io::stdout(), context.width))
    } else {
        Box::new(LinePrompter::new(std::io::stdin().lock(), "stdin"))
    };
    let lifecycle = SessionArgs {
        competencies: Vec::new(),
        out: args.out.clone(),
        resume: args.resume.clone(),
    };
    let new = || {
        Ok(DecisionResult {
            candidate: card.candidate.clone(),
            interviewers: card.interviewers.clone(),
            ..DecisionResult::begin(framework, Vec::new())
        })
    };
    let Some(begun) = session::begin(&lifecycle, &library, out, new)? else {
        return Ok(());
    };
    let Opened { result, file } = begun.open(&lifecycle, prompter.as_mut())?;
    if result.candidate != card.candidate || result.framework != card.framework {
        return Err(Error::Usage(t!(
            "decide.other_candidate",
            path = file.path().display(),
            candidate = &result.candidate
        )));
    }
    let scale = scale_of::<DecisionResult>(&library, framework)?;
    if prompter.interactive() {
        writeln!(out, "{}", t!("decide.welcome", candidate = &card.candidate))?;
    }
    let mut session = DecisionSession::new(discussed(&card), scale, result, file);
    let outcome = engine::run(&mut session, prompter.as_mut())?;
    let path = session.file.path().display().to_string();
    match outcome {
        Outcome::Complete => {
            writeln!(out, "\n{}", t!("decide.saved", path = &path))?;
            writeln!(out, "{}", t!("decide.report_hint", path = &path))?;
        }
        Outcome::Stopped => {
            writeln!(out, "\n{}", t!("decide.stopped", path = &path))?;
            writeln!(out, "{}", t!("decide.resume_hint", path = &path))?;
        }
    }
    Ok(())
}

/// The competencies of the scorecard with the mean and who gave what.
fn discussed(card: &Scorecard) -> Vec<Discussed> {
    card.competencies
        .iter()
        .map(|row| Discussed {
            id: row.id.clone(),
            name: row.name.clone(),
            mean: row.panel.mean,
            ratings: row
                .ratings
                .iter()
                .map(|r| {
                    let rating = r
                        .rating
                        .map_or_else(|| t!("interview.not_rated"), |v| v.to_string());
                    format!("{} {rating}", r.interviewer)
                })
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect()
}
