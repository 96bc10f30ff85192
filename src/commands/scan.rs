//! `vakwijzer scan`: the self-scan, in a terminal, from piped lines or from an answers file;
//! `--resume FILE` goes on where a scan stopped.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

use super::Context;
use super::session::{self, Begun};
use crate::cli::ScanArgs;
use crate::error::{Error, Problem};
use crate::framework::{Framework, Library, Scale};
use crate::input::Locator;
use crate::input::yaml_error::found_value;
use crate::input::{from_yaml, yaml_problem};
use crate::layout::{Block, Document};
use crate::questionnaire::engine::{self, Flow, Outcome};
use crate::questionnaire::input;
use crate::questionnaire::prompt::{
    LinePrompter, MapPrompter, Prompter, TerminalPrompter, TextPrompt,
};
use crate::questionnaire::scan::{ScanSession, Statements};
use crate::render;
use crate::report::personal;
use crate::result::rating::RatingResult;
use crate::result::record::scale_of;
use crate::result::{self, Answer, ScanResult, check_answer};
use crate::{Result, t};

pub fn run(context: &Context, options: &ScanArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    if is_rating(options)? {
        return rate(context, &library, options, out);
    }
    let new = || new_result(&library, options);
    let Some(mut begun) = session::begin(&options.session, &library, out, new)? else {
        return Ok(());
    };
    let framework = library.framework(&begun.result().framework)?;
    let scale = scale_of::<ScanResult>(&library, framework)?;
    let mut prompter = prompter(context, options, framework, scale)?;
    if let Begun::New(result) = &mut begun {
        result.name = match &options.name {
            Some(name) => name.clone(),
            None => ask_name(prompter.as_mut())?,
        };
    }
    let opened = begun.open(&options.session, prompter.as_mut())?;
    let mut session = ScanSession::new(framework, scale, opened.result, opened.file);
    let outcome = answer(&mut session, options, prompter.as_mut())?;
    walk(context, &library, framework, session, outcome, out)
}

/// Where the answers come from: the answers file, the terminal, or piped lines.
fn prompter(
    context: &Context,
    options: &ScanArgs,
    framework: &Framework,
    scale: &Scale,
) -> Result<Box<dyn Prompter>> {
    Ok(match &options.answers {
        Some(file) => Box::new(answers_file(file, framework, scale)?),
        None if std::io::stdin().is_terminal() => {
            Box::new(TerminalPrompter::new(std::io::stdout(), context.width))
        }
        None => Box::new(LinePrompter::new(std::io::stdin().lock(), "stdin")),
    })
}

/// Whether this scan rates someone else: `--about`, or a rating file to go on with.
fn is_rating(options: &ScanArgs) -> Result<bool> {
    if options.about.is_some() {
        return Ok(true);
    }
    let Some(path) = &options.session.resume else {
        return Ok(false);
    };
    let text = result::read_text(path)?;
    Ok(matches!(
        result::peek_kind(path, &text),
        Ok(result::ResultKind::Rating)
    ))
}

/// A rating of someone else (360): the same walk as the self-scan, its questions about the
/// person and "n.v.t." as "kan ik niet beoordelen". The rater sees no report: only that it is
/// saved, and where.
fn rate(
    context: &Context,
    library: &Library,
    options: &ScanArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let new = || new_rating(library, options);
    let Some(begun) = session::begin(&options.session, library, out, new)? else {
        return Ok(());
    };
    let framework = library.framework(&begun.result().framework)?;
    let scale = rating_scale(scale_of::<RatingResult>(library, framework)?);
    let mut prompter = prompter(context, options, framework, &scale)?;
    let opened = begun.open(&options.session, prompter.as_mut())?;
    let mut session = ScanSession::new(framework, &scale, opened.result, opened.file);
    let outcome = answer(&mut session, options, prompter.as_mut())?;
    let path = session.file.path().display().to_string();
    match outcome {
        Outcome::Complete => writeln!(out, "\n{}", t!("rating.saved", path = &path))?,
        Outcome::Stopped => {
            let answered = session.result.answers.len();
            writeln!(
                out,
                "\n{}",
                t!("scan.stopped", count = answered, path = &path)
            )?;
            writeln!(out, "{}", t!("scan.resume_hint", path = &path))?;
        }
    }
    Ok(())
}

/// The self-scan scale as a rater answers it: "not applicable" is "I cannot judge".
fn rating_scale(scale: &Scale) -> Scale {
    let mut scale = scale.clone();
    if scale.not_applicable.is_some() {
        scale.not_applicable = Some(t!("rating.cannot_judge"));
    }
    scale
}

/// A new, empty rating of the person `--about` by a rater of kind `--rater`.
fn new_rating(library: &Library, options: &ScanArgs) -> Result<RatingResult> {
    let framework = check_framework(library, options)?;
    let (Some(about), Some(kind)) = (&options.about, &options.rater) else {
        return Err(Error::Usage(t!("rating.rater_needed")));
    };
    library.rater_kind(kind)?;
    input::check_argument("--about", about)?;
    if let Some(name) = &options.rater_name {
        input::check_argument("--rater-name", name)?;
    }
    if about.trim().is_empty() {
        return Err(Error::Usage(t!("rating.about_needed")));
    }
    Ok(RatingResult {
        about: about.trim().to_string(),
        rater_kind: kind.clone(),
        rater_name: options.rater_name.as_ref().map(|n| n.trim().to_string()),
        ..RatingResult::begin(framework, options.session.competencies.clone())
    })
}

/// The framework to scan, with the competencies asked checked against it.
fn check_framework<'a>(library: &'a Library, options: &ScanArgs) -> Result<&'a Framework> {
    session::framework_to_ask(
        library,
        options.framework.as_deref(),
        &options.session,
        Framework::scan_competencies,
        |framework| t!("scan.nothing_to_ask", framework = &framework.id),
    )
}

/// Walks the session. Typed and piped answers are saved one by one; answers from a file, all
/// there at once, are saved once, when applied: saving after each would write the whole result
/// once per statement, which grows with the square of the statements.
fn answer<T: Statements>(
    session: &mut ScanSession<T>,
    options: &ScanArgs,
    prompter: &mut dyn Prompter,
) -> Result<Outcome> {
    if options.answers.is_some() {
        session.save_once();
    }
    // What was answered is kept even when the walk ends in an error.
    let outcome = engine::run(session, prompter);
    session.save_pending()?;
    outcome
}

fn walk(
    context: &Context,
    library: &Library,
    framework: &Framework,
    session: ScanSession,
    outcome: Outcome,
    out: &mut dyn Write,
) -> Result<()> {
    let path = session.file.path().display().to_string();
    match outcome {
        Outcome::Complete => {
            let role = session.result.role.as_deref();
            let (role, _) = library.role_of_result(&framework.id, None, role)?;
            let result = &session.result;
            let report = personal::build(library, framework, role, result, &[], Vec::new());
            let pdf = session.file.path().with_extension("pdf");
            writeln!(out, "\n{}", summary(&report, context.width))?;
            writeln!(out, "{}", t!("scan.saved", path = &path))?;
            writeln!(out, "{}", t!("scan.report_hint", path = &path))?;
            writeln!(
                out,
                "{}",
                t!("scan.pdf_hint", path = &path, pdf = pdf.display())
            )?;
        }
        Outcome::Stopped => {
            let answered = session.result.answers.len();
            writeln!(
                out,
                "\n{}",
                t!("scan.stopped", count = answered, path = &path)
            )?;
            writeln!(out, "{}", t!("scan.resume_hint", path = &path))?;
        }
    }
    Ok(())
}

/// The end of a scan: the scores against the targets and how many fall short; the whole
/// report (strengths, development points, suggestions) is one command away.
fn summary(report: &personal::PersonalReport, width: u16) -> String {
    let below = report
        .competencies
        .iter()
        .filter(|c| c.score.gap.is_some_and(|gap| gap > 0.0))
        .count();
    let with_target = report
        .competencies
        .iter()
        .filter(|c| c.score.target.is_some())
        .count();
    let mut blocks = vec![Block::Table(crate::layout::personal::scores(report))];
    if with_target > 0 {
        blocks.push(Block::Paragraph {
            text: t!("scan.summary_below", below = below, total = with_target),
        });
    }
    let document = Document {
        title: t!("scan.summary_title", name = &report.name),
        blocks,
        ..Document::default()
    };
    render::terminal::render(&document, width)
}

/// A new, empty result for the framework and competencies asked for.
fn new_result(library: &Library, options: &ScanArgs) -> Result<ScanResult> {
    let framework = check_framework(library, options)?;
    let arguments = [
        ("--name", &options.name),
        ("--team", &options.team),
        ("--role", &options.role),
    ];
    for (flag, value) in arguments {
        if let Some(value) = value {
            input::check_argument(flag, value)?;
        }
    }
    // A role names the targets the report measures against; a framework without roles has
    // no targets, and its `--role` only groups the team report.
    if let Some(role) = &options.role
        && !library.roles_of(&framework.id).is_empty()
    {
        library.role(&framework.id, role)?;
    }
    let mut result = ScanResult::new(framework, "", options.session.competencies.clone());
    result.team = options.team.clone();
    result.role = options.role.clone();
    Ok(result)
}

fn ask_name(prompter: &mut dyn Prompter) -> Result<String> {
    if !prompter.interactive() {
        return Err(Error::Usage(t!("scan.name_needed")));
    }
    loop {
        let prompt = TextPrompt {
            id: "name".to_string(),
            title: t!("scan.ask_name"),
            previous: None,
            multiline: false,
        };
        let input = prompter.text(&prompt)?;
        match input.text {
            _ if input.then == Flow::Quit => return Err(Error::Usage(t!("scan.name_needed"))),
            Some(name) if !name.trim().is_empty() => return Ok(name.trim().to_string()),
            _ => {}
        }
    }
}

/// Reads and checks an answers file as a whole: every id must be a statement of the framework
/// and every answer on its scale, or nothing is asked and nothing is written.
fn answers_file(path: &Path, framework: &Framework, scale: &Scale) -> Result<MapPrompter> {
    #[derive(serde::Deserialize)]
    struct Notes {
        #[serde(default)]
        notes: BTreeMap<String, String>,
    }
    let text = result::read_text(path)?;
    let name = path.display().to_string();
    let mapping: serde_yaml::Mapping =
        from_yaml(&name, &text).map_err(|p| Error::Problems(vec![p]))?;
    let notes: Notes = serde_yaml::from_str(&text)
        .map_err(|e| Error::Problems(vec![yaml_problem(&name, &text, &e)]))?;
    let locator = Locator::new(&text);
    let mut problems = Vec::new();
    let mut answers = BTreeMap::new();
    let statements = framework.statement_ids();
    for (key, value) in &mapping {
        // A key that is not text (`1: 4`, `true: 3`) is no statement either: refused, not lost.
        let key = match key {
            serde_yaml::Value::String(key) => key.clone(),
            other => serde_yaml::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        let key = key.as_str();
        if key == "notes" {
            continue;
        }
        let position = locator.key_line(key);
        if !statements.contains(key) {
            problems.push(
                Problem::new(
                    &name,
                    position,
                    t!("scan.unknown_item", id = key, framework = &framework.id),
                )
                .with_hint(t!("scan.unknown_item_hint", framework = &framework.id)),
            );
            continue;
        }
        let expected = || result::expected_answers(scale);
        let text_value = match value {
            serde_yaml::Value::Number(n) => Some(n.to_string()),
            serde_yaml::Value::String(s) => Some(s.clone()),
            _ => None,
        };
        let checked = text_value
            .as_deref()
            .and_then(Answer::parse)
            .ok_or_else(|| match &text_value {
                Some(answer) => t!(
                    "scan.not_an_answer",
                    answer = answer,
                    item = key,
                    expected = expected()
                ),
                // A list, fields, `true` or nothing: said in words, not as Rust sees it.
                None => t!(
                    "scan.answer_not_a_value",
                    found = found_value(value),
                    item = key,
                    expected = expected()
                ),
            })
            .and_then(|answer| check_answer(answer, scale).map(|()| answer));
        match checked {
            Ok(answer) => {
                answers.insert(key.to_string(), answer);
            }
            Err(message) => problems.push(Problem::new(&name, position, message)),
        }
    }
    for (competency, note) in &notes.notes {
        let position = locator.key_line(competency);
        if !framework.competencies.iter().any(|c| &c.id == competency) {
            problems.push(Problem::new(
                &name,
                position,
                t!("scan.unknown_note", id = competency),
            ));
        }
        if let Some((_, c)) = input::first_forbidden(note, true) {
            let message = t!(
                "input.forbidden_note",
                id = competency,
                code = input::code(c)
            );
            problems.push(Problem::new(&name, position, message));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Problems(problems));
    }
    Ok(MapPrompter::new(answers, notes.notes))
}
