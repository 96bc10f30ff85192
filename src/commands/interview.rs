//! `vakwijzer interview`: one interviewer's session with one candidate, in a terminal or from
//! piped lines; `--resume FILE` goes on where it stopped.

use std::io::{IsTerminal, Write};

use super::Context;
use super::session::{self, Opened};
use crate::cli::InterviewArgs;
use crate::error::Error;
use crate::questionnaire::engine::{self, Outcome};
use crate::questionnaire::input;
use crate::questionnaire::interview::InterviewSession;
use crate::questionnaire::prompt::{LinePrompter, Prompter, TerminalPrompter};
use crate::result::interview::InterviewResult;
use crate::result::record::scale_of;
use crate::{Result, t};

pub fn run(context: &Context, options: &InterviewArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let mut prompter: Box<dyn Prompter> = if std::io::stdin().is_terminal() {
        Box::new(TerminalPrompter::new(std::io::stdout(), context.width))
    } else {
        Box::new(LinePrompter::new(std::io::stdin().lock(), "stdin"))
    };
    let new = || new_result(&library, options);
    let Some(begun) = session::begin(&options.session, &library, out, new)? else {
        return Ok(());
    };
    let Opened { result, file } = begun.open(&options.session, prompter.as_mut())?;
    let framework = library.framework(&result.framework)?;
    let scale = scale_of::<InterviewResult>(&library, framework)?;
    if prompter.interactive() {
        writeln!(
            out,
            "{}",
            t!(
                "interview.welcome",
                candidate = &result.candidate,
                interviewer = &result.interviewer
            )
        )?;
    }
    let mut session = InterviewSession::new(framework, scale, result, file);
    let outcome = engine::run(&mut session, prompter.as_mut())?;
    let path = session.file.path().display().to_string();
    match outcome {
        Outcome::Complete => {
            writeln!(out, "\n{}", t!("scan.saved", path = &path))?;
            writeln!(out, "{}", t!("interview.report_hint", path = &path))?;
        }
        Outcome::Stopped => {
            let rated = session
                .result
                .ratings
                .values()
                .filter(|r| r.rating.is_some())
                .count();
            writeln!(
                out,
                "\n{}",
                t!("interview.stopped", count = rated, path = &path)
            )?;
            writeln!(out, "{}", t!("interview.resume_hint", path = &path))?;
        }
    }
    Ok(())
}

fn new_result(
    library: &crate::framework::Library,
    options: &InterviewArgs,
) -> Result<InterviewResult> {
    let framework = session::framework_to_ask(
        library,
        options.framework.as_deref(),
        &options.session,
        crate::framework::Framework::interview_competencies,
        |framework| t!("guide.no_questions", framework = &framework.id),
    )?;
    let (Some(candidate), Some(interviewer)) = (&options.candidate, &options.interviewer) else {
        return Err(Error::Usage(t!("interview.names_needed")));
    };
    input::check_argument("--candidate", candidate)?;
    input::check_argument("--interviewer", interviewer)?;
    let (candidate, interviewer) = (candidate.trim(), interviewer.trim());
    if candidate.is_empty() || interviewer.is_empty() {
        return Err(Error::Usage(t!("interview.names_needed")));
    }
    Ok(InterviewResult::new(
        framework,
        candidate,
        interviewer,
        options.session.competencies.clone(),
    ))
}
