//! Crash safety tested for real: a self-scan and an interview, each in a pseudo-terminal, are
//! killed with SIGKILL at random points, many times. Each kill comes either at a prompt or a
//! random moment after an answer was typed, so that some land while the answer is being written
//! and synced. After every kill the result file must parse (as YAML and for `report`), hold
//! every answer confirmed before the kill (a step is confirmed once the next prompt appeared)
//! and nothing else but the answer in flight; a temp file left behind must be owner-only and
//! hold the start of the version that was being written; and `--resume` must go on at the
//! first unconfirmed step: for a scan the first statement without an answer, or the note before
//! it that was not given; for an interview the question list of the first competency without a
//! rating, with what was recorded ticked (the rest of that competency is shown again, to keep
//! with Enter). Also: a full disk (a real tmpfs, mounted in a user namespace) and read-only
//! folders are reported with the file's name and lose nothing already saved.
//!
//! The normal run kills 20 times (10 scans, 10 interviews). The long form, with the figures:
//!
//! ```sh
//! VAKWIJZER_KILLS=200 cargo test --release --test crash -- --nocapture
//! ```
//!
//! Every run prints its seed; `VAKWIJZER_SEED=N` repeats it. Where no tmpfs can be mounted
//! (no user namespaces, not root) the full-disk test fails; `VAKWIJZER_NO_TMPFS=1` skips it,
//! saying so.
#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt::Debug;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rexpect::process::{Signal, WaitStatus};

use common::framework::{Competency, competencies, opening};
use common::pty::{CHOICE_KEYS, EDITOR, NOTE_KEYS, PICK_KEYS, Pty, SCAN_KEYS};
use common::rng::{Rng, seed};
use common::{FILE_HEADER, NOW, files_in, run};

/// Ends a text typed at the editor (after Ctrl-U cleared what stood there): Enter twice, or
/// once when nothing was typed.
fn typed_text(text: &str) -> String {
    if text.is_empty() {
        "\x15\r".to_string()
    } else {
        format!("\x15{text}\r\r")
    }
}

/// How many kills in all: `VAKWIJZER_KILLS`, else 20; half for scans, half for interviews.
fn total_kills() -> usize {
    std::env::var("VAKWIJZER_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
}

// ---------------------------------------------------------------------------------------------
// A session to kill: the steps it asks, the keys that answer them, and what the file holds after
// each. The scan and the interview each implement it; `kill_many` does the killing.

trait Plan {
    /// What the result file holds, as far as the test cares.
    type State: Clone + Debug + PartialEq;

    fn kind(&self) -> &'static str;
    fn steps(&self) -> usize;
    /// The arguments of the new session, saving to `FILE`.
    fn start_args(&self) -> Vec<String>;
    /// Waits for the prompt of `step` and checks it is that one. `resumed` is the file a resumed
    /// session started from, when this is its first prompt.
    fn expect_prompt(&self, term: &mut Pty, step: usize, resumed: Option<&Self::State>);
    /// Types the planned answer to `step`.
    fn answer(&self, term: &mut Pty, step: usize);
    /// The file once the first `steps` steps are answered (not complete).
    fn after(&self, steps: usize) -> Self::State;
    fn completed(&self, state: &Self::State) -> Self::State;
    fn is_complete(&self, state: &Self::State) -> bool;
    /// The file's state; panics when it does not parse or is not this session's.
    fn read(&self, path: &Path) -> Self::State;
    /// The step a resumed session must ask first.
    fn resume_step(&self, state: &Self::State) -> usize;
}

const FILE: &str = "result.yaml";

/// What the kills hit.
#[derive(Default, Debug)]
struct Figures {
    kills: usize,
    sessions: usize,
    resumes: usize,
    /// Killed while waiting at a prompt.
    at_prompt: usize,
    /// Killed after an answer was typed: it was saved, ...
    saved: usize,
    /// ... or not yet (nothing written, or killed before the write began) ...
    not_saved: usize,
    /// ... or killed between creating the temp file and renaming it: a temp file was left.
    temp_left: usize,
    /// ... or the step had nothing new to save (a skipped note, a step asked again after a
    /// resume).
    nothing_to_save: usize,
    /// The kill came after the last answer: the session had completed (or was completing).
    completed: usize,
}

/// Kills sessions of `make_plan` with SIGKILL `kills` times; see the module comment.
fn kill_many<P: Plan>(
    test: &str,
    kills: usize,
    rng: &mut Rng,
    mut make_plan: impl FnMut(&mut Rng, usize) -> P,
) -> Figures {
    let started = Instant::now();
    let mut figures = Figures::default();
    // How long an answer takes from the key to the next prompt, saving included. The delays
    // before a kill spread over that time, more of them early on, where the save is.
    let mut answer_time = Duration::from_millis(5);
    'sessions: while figures.kills < kills {
        figures.sessions += 1;
        let plan = make_plan(rng, figures.sessions);
        let dir = tempfile::tempdir().unwrap();
        let context = format!("{test} session {}", figures.sessions);
        let args = plan.start_args();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut term = Pty::options().context(&context).start(dir.path(), &args);
        let mut next = 0;
        // A resumed interview asks again the steps of a competency that are saved: its file
        // holds everything up to the furthest step ever confirmed (answered the same again).
        let mut furthest = 0;
        plan.expect_prompt(&mut term, next, None);
        loop {
            // The prompt of step `next` is showing; every step before it is confirmed.
            for _ in 0..rng.below(6) {
                // The last step is only ever answered right before a kill.
                if next + 1 >= plan.steps() {
                    break;
                }
                let start = Instant::now();
                plan.answer(&mut term, next);
                plan.expect_prompt(&mut term, next + 1, None);
                answer_time = (answer_time * 3 + start.elapsed()) / 4;
                next += 1;
            }
            let in_flight = rng.chance(75);
            let delay = if in_flight {
                let fraction = rng.below(1001) as f64 / 1000.0;
                answer_time.mul_f64(fraction * fraction * 1.2)
            } else {
                Duration::ZERO
            };
            if in_flight {
                plan.answer(&mut term, next);
                std::thread::sleep(delay);
            }
            let status = term.kill();
            let killed_at = next;
            figures.kills += 1;
            let context = format!(
                "{test} session {} kill {} (step {next}{}, {delay:?} after the answer)",
                figures.sessions,
                figures.kills,
                if in_flight {
                    " in flight"
                } else {
                    " at its prompt"
                },
            );
            let last = next + 1 == plan.steps();
            let exited = matches!(status, WaitStatus::Exited(_, 0));
            assert!(
                matches!(status, WaitStatus::Signaled(_, Signal::SIGKILL, _))
                    || (in_flight && last && exited),
                "{context}: expected death by SIGKILL, got {status:?}"
            );
            let (state, temps) =
                check_after_kill(&plan, dir.path(), next, furthest, in_flight, &context);
            let before = plan.after(next.max(furthest));
            furthest = furthest.max(if state == before { next } else { next + 1 });
            if !in_flight {
                figures.at_prompt += 1;
            } else if plan.is_complete(&state) {
                figures.completed += 1;
            } else if before == plan.after((next + 1).max(furthest)) {
                figures.nothing_to_save += 1;
            } else if state != before {
                figures.saved += 1;
            } else if !temps.is_empty() {
                figures.temp_left += 1;
            } else {
                figures.not_saved += 1;
            }
            if plan.is_complete(&state) {
                assert!(
                    temps.is_empty(),
                    "{context}: temp files next to a complete file"
                );
                let resume = common::command(dir.path())
                    .args([plan.kind(), "--resume", FILE])
                    .output()
                    .unwrap();
                assert!(
                    resume.status.success()
                        && String::from_utf8_lossy(&resume.stdout).contains("is al af"),
                    "{context}: --resume of the complete file: {resume:?}"
                );
                break;
            }
            // Resume: the first prompt must be the first unconfirmed step.
            let resume_at = plan.resume_step(&state);
            term = Pty::options()
                .context(&format!("{context}, resumed"))
                .start(dir.path(), &[plan.kind(), "--resume", FILE]);
            figures.resumes += 1;
            plan.expect_prompt(&mut term, resume_at, Some(&state));
            next = resume_at;
            if !temps.is_empty() {
                // A temp file was left: answer up to the step that was in flight, as then, and
                // the file is the version the temp file was being written with.
                assert!(
                    in_flight && killed_at >= resume_at,
                    "{context}: resumed at step {resume_at}, after the step in flight"
                );
                while next <= killed_at {
                    plan.answer(&mut term, next);
                    if next + 1 == plan.steps() {
                        term.finish();
                        check_temps(&dir.path().join(FILE), &temps, &context);
                        continue 'sessions;
                    }
                    plan.expect_prompt(&mut term, next + 1, None);
                    next += 1;
                }
                check_temps(&dir.path().join(FILE), &temps, &context);
            }
            if figures.kills >= kills {
                term.kill();
                break;
            }
        }
    }
    eprintln!(
        "{test}: {} kills in {} sessions, {:.1} s: {} at a prompt; {} right after an answer \
         ({} saved, {} not yet saved, {} between the temp file and the rename, {} with nothing \
         new to save, {} completing the session); {} resumes checked; answer to next prompt ~{:?}",
        figures.kills,
        figures.sessions,
        started.elapsed().as_secs_f64(),
        figures.at_prompt,
        figures.kills - figures.at_prompt,
        figures.saved,
        figures.not_saved,
        figures.temp_left,
        figures.nothing_to_save,
        figures.completed,
        figures.resumes,
        answer_time,
    );
    figures
}

/// After a kill: the file parses, is owner-only, holds exactly the confirmed steps (and maybe
/// the one in flight); next to it are only temp files, owner-only; `report` reads it. Gives the
/// state and the temp files with their content.
fn check_after_kill<P: Plan>(
    plan: &P,
    dir: &Path,
    next: usize,
    furthest: usize,
    in_flight: bool,
    context: &str,
) -> (P::State, Vec<(PathBuf, Vec<u8>)>) {
    let path = dir.join(FILE);
    let state = plan.read(&path);
    let mut allowed = vec![plan.after(next.max(furthest))];
    if in_flight {
        let after = plan.after((next + 1).max(furthest));
        if next + 1 == plan.steps() {
            allowed.push(plan.completed(&after));
        }
        allowed.push(after);
    }
    assert!(
        allowed.contains(&state),
        "{context}: the file does not hold what was confirmed.\nfile: {state:#?}\nallowed: \
         {allowed:#?}\n{}",
        std::fs::read_to_string(&path).unwrap()
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{context}: the result file is {mode:o}");
    let mut temps = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == FILE {
            continue;
        }
        assert!(
            name.starts_with(".vakwijzer-") && name.ends_with(".tmp"),
            "{context}: unexpected file {name} after the kill"
        );
        let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{context}: temp file {name} is {mode:o}");
        temps.push((entry.path(), std::fs::read(entry.path()).unwrap()));
    }
    assert!(
        temps.len() <= 1,
        "{context}: more than one temp file: {temps:?}"
    );
    let report = common::command(dir)
        .args(["report", FILE, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        report.status.success(),
        "{context}: report on the killed session's file failed: {}",
        String::from_utf8_lossy(&report.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(
        json["complete"].as_bool(),
        Some(plan.is_complete(&state)),
        "{context}: report: {json}"
    );
    (state, temps)
}

/// A temp file left by a kill holds the start of the version being written, which is the file
/// now that the same answer was given again (or its not yet complete form); then it is removed.
fn check_temps(path: &Path, temps: &[(PathBuf, Vec<u8>)], context: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let incomplete = text.replace("\ncomplete: true\n", "\ncomplete: false\n");
    for (temp, content) in temps {
        assert!(
            text.as_bytes().starts_with(content) || incomplete.as_bytes().starts_with(content),
            "{context}: the temp file {} is not the start of the next version.\ntemp:\n{}\nfile:\n{}",
            temp.display(),
            String::from_utf8_lossy(content),
            text
        );
        std::fs::remove_file(temp).unwrap();
    }
}

/// The result file's YAML, checked for the header line and that it is `kind`.
fn read_yaml(path: &Path, kind: &str) -> serde_yaml::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert!(
        text.starts_with(FILE_HEADER),
        "{} lost its header:\n{text}",
        path.display()
    );
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not YAML ({e}):\n{text}", path.display()));
    assert_eq!(yaml["kind"].as_str(), Some(kind), "{text}");
    assert_eq!(yaml["started"].as_str(), Some(NOW), "{text}");
    yaml
}

fn scalar(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.clone(),
        other => panic!("not a scalar: {other:?}"),
    }
}

fn strings(value: &serde_yaml::Value) -> BTreeMap<String, String> {
    value
        .as_mapping()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.as_str().unwrap().to_string(), scalar(v)))
                .collect()
        })
        .unwrap_or_default()
}

fn list(value: &serde_yaml::Value) -> Vec<String> {
    value
        .as_sequence()
        .map(|s| s.iter().map(scalar).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// The scan

enum ScanStep {
    Rate {
        id: String,
        progress: String,
        text: String,
        key: char,
    },
    Note {
        competency: String,
        name: String,
        text: Option<String>,
    },
}

struct ScanPlan {
    name: String,
    only: Vec<String>,
    steps: Vec<ScanStep>,
}

#[derive(Clone, Debug, PartialEq, Default)]
struct ScanState {
    answers: BTreeMap<String, String>,
    notes: BTreeMap<String, String>,
    complete: bool,
}

impl ScanPlan {
    /// A scan of some of `framework`'s competencies with random answers and notes.
    fn random(rng: &mut Rng, all: &[Competency], session: usize) -> ScanPlan {
        let mut chosen: Vec<&Competency> = all.iter().filter(|_| rng.chance(50)).collect();
        if chosen.is_empty() {
            chosen.push(&all[rng.below(all.len())]);
        }
        ScanPlan::of(rng, chosen, all.len(), session)
    }

    /// A scan of `chosen` (out of `all` competencies) with random answers and notes.
    fn of(rng: &mut Rng, chosen: Vec<&Competency>, all: usize, session: usize) -> ScanPlan {
        let total: usize = chosen.iter().map(|c| c.indicators.len()).sum();
        let mut steps = Vec::new();
        let mut number = 0;
        for (c, competency) in chosen.iter().enumerate() {
            for indicator in &competency.indicators {
                number += 1;
                steps.push(ScanStep::Rate {
                    id: indicator.id.clone(),
                    progress: format!(
                        "competentie {}/{}, uitspraak {number}/{total}",
                        c + 1,
                        chosen.len()
                    ),
                    text: indicator.text.clone(),
                    key: rng
                        .pick(&["0", "1", "2", "3", "4", "5"])
                        .chars()
                        .next()
                        .unwrap(),
                });
            }
            let text = rng.chance(70).then(|| {
                format!(
                    "Voorbeeld {session}.{c}: {} — ë",
                    rng.pick(&["huisbezoek", "buurtoverleg", "casusoverleg met de huisarts"])
                )
            });
            steps.push(ScanStep::Note {
                competency: competency.id.clone(),
                name: competency.name.trim_end_matches('.').to_string(),
                text,
            });
        }
        ScanPlan {
            name: format!("Kees {session}"),
            only: if chosen.len() == all {
                Vec::new()
            } else {
                chosen.iter().map(|c| c.id.clone()).collect()
            },
            steps,
        }
    }
}

impl Plan for ScanPlan {
    type State = ScanState;

    fn kind(&self) -> &'static str {
        "scan"
    }

    fn steps(&self) -> usize {
        self.steps.len()
    }

    fn start_args(&self) -> Vec<String> {
        let mut args: Vec<String> = ["scan", "generiek", "--name", &self.name, "--out", FILE]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for id in &self.only {
            args.extend(["--competency".to_string(), id.clone()]);
        }
        args
    }

    fn expect_prompt(&self, term: &mut Pty, step: usize, resumed: Option<&ScanState>) {
        let (which, before) = term.expect_any(&[SCAN_KEYS, NOTE_KEYS]);
        match &self.steps[step] {
            ScanStep::Rate { progress, text, .. } => {
                if which != 0 || !before.contains(&format!("\r\n{progress}\r\n")) {
                    term.fail(&format!(
                        "expected the statement {progress:?}, got {before:?}"
                    ));
                }
                if !before.contains(&format!("  {}", opening(text, 40))) {
                    term.fail(&format!("the statement {progress:?} lacks its text"));
                }
                // The choice line, drawn in raw mode: keys typed from now on are read as keys.
                term.expect("\x1b[K");
            }
            ScanStep::Note {
                competency, name, ..
            } => {
                let question = format!("Een voorbeeld uit je praktijk bij {}", opening(name, 20));
                if which != 1 || !before.contains(&question) {
                    term.fail(&format!(
                        "expected the note of {competency}, got {before:?}"
                    ));
                }
                // Asked again after a resume: the note kept stands in the editor, if there is one.
                let saved = resumed.and_then(|s| s.notes.get(competency));
                term.expect(&format!("{EDITOR}{}", saved.map_or("", String::as_str)));
            }
        }
    }

    fn answer(&self, term: &mut Pty, step: usize) {
        match &self.steps[step] {
            ScanStep::Rate { key, .. } => term.send(&format!("{key}\r")),
            ScanStep::Note { text, .. } => term.send(&typed_text(text.as_deref().unwrap_or(""))),
        }
    }

    fn after(&self, steps: usize) -> ScanState {
        let mut state = ScanState::default();
        for step in &self.steps[..steps] {
            match step {
                ScanStep::Rate { id, key, .. } => {
                    let stored = if *key == '0' {
                        "nvt".to_string()
                    } else {
                        key.to_string()
                    };
                    state.answers.insert(id.clone(), stored);
                }
                ScanStep::Note {
                    competency,
                    text: Some(text),
                    ..
                } => {
                    state.notes.insert(competency.clone(), text.clone());
                }
                ScanStep::Note { .. } => {}
            }
        }
        state
    }

    fn completed(&self, state: &ScanState) -> ScanState {
        ScanState {
            complete: true,
            ..state.clone()
        }
    }

    fn is_complete(&self, state: &ScanState) -> bool {
        state.complete
    }

    fn read(&self, path: &Path) -> ScanState {
        let yaml = read_yaml(path, "scan");
        assert_eq!(yaml["name"].as_str(), Some(self.name.as_str()));
        assert_eq!(yaml["framework"].as_str(), Some("generiek"));
        ScanState {
            answers: strings(&yaml["answers"]),
            notes: strings(&yaml["notes"]),
            complete: yaml["complete"].as_bool().expect("complete: true or false"),
        }
    }

    /// The first statement without an answer; or the note before it, when that competency has
    /// no note and nothing after it was answered yet (a skipped note leaves no trace, so it is
    /// asked again: pressing Enter once more is better than never being asked). With every
    /// statement answered, the last note.
    fn resume_step(&self, state: &ScanState) -> usize {
        let answered = |step: &ScanStep| match step {
            ScanStep::Rate { id, .. } => state.answers.contains_key(id),
            ScanStep::Note { .. } => false,
        };
        for (index, step) in self.steps.iter().enumerate() {
            match step {
                ScanStep::Rate { id, .. } if !state.answers.contains_key(id) => return index,
                ScanStep::Note { competency, .. }
                    if !state.notes.contains_key(competency)
                        && !self.steps[index + 1..].iter().any(answered) =>
                {
                    return index;
                }
                _ => {}
            }
        }
        self.steps.len() - 1
    }
}

#[test]
fn scans_killed_at_random_points_lose_nothing_confirmed() {
    let seed = seed("scan");
    let mut rng = Rng::new(seed);
    let all = competencies("generiek");
    let kills = total_kills().div_ceil(2);
    let figures = kill_many(&format!("scan (seed {seed})"), kills, &mut rng, |rng, n| {
        ScanPlan::random(rng, &all, n)
    });
    assert_eq!(figures.kills, kills);
}

/// A scan killed at the note of its first competency (all statements answered, the note not
/// given yet) asks that note first when resumed, not the next competency.
#[test]
fn a_scan_killed_at_a_note_asks_that_note_again() {
    let all = competencies("generiek");
    let mut rng = Rng::new(1);
    let mut plan = ScanPlan::of(&mut rng, vec![&all[0], &all[1]], all.len(), 1);
    let note = all[0].indicators.len();
    if let ScanStep::Note { text, .. } = &mut plan.steps[note] {
        *text = Some("Huisbezoek samen met de wijkagent".to_string());
    }
    let dir = tempfile::tempdir().unwrap();
    let args = plan.start_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut term = Pty::options().context("note").start(dir.path(), &args);
    for step in 0..note {
        plan.expect_prompt(&mut term, step, None);
        plan.answer(&mut term, step);
    }
    plan.expect_prompt(&mut term, note, None);
    term.kill();
    let state = plan.read(&dir.path().join(FILE));
    assert_eq!(state, plan.after(note));
    let mut term = Pty::options()
        .context("note, resumed")
        .start(dir.path(), &["scan", "--resume", FILE]);
    plan.expect_prompt(&mut term, note, Some(&state));
    plan.answer(&mut term, note);
    plan.expect_prompt(&mut term, note + 1, None);
    term.kill();
    assert_eq!(plan.read(&dir.path().join(FILE)), plan.after(note + 1));
}

// ---------------------------------------------------------------------------------------------
// The interview

#[derive(Clone, Copy, Debug)]
enum InterviewStep {
    Questions(usize),
    /// The note of the competency's `n`th asked question.
    Note(usize, usize),
    Observed(usize),
    Rate(usize),
    Advice,
    Motivation,
    /// The review of everything recorded, confirmed with Enter.
    Review,
}

struct CompetencyPlan<'a> {
    competency: &'a Competency,
    /// Indices of the questions asked and the indicators observed, sorted.
    asked: Vec<usize>,
    notes: Vec<Option<String>>,
    observed: Vec<usize>,
    rating: char,
}

struct InterviewPlan<'a> {
    candidate: String,
    competencies: Vec<CompetencyPlan<'a>>,
    advice: char,
    motivation: Option<String>,
    steps: Vec<InterviewStep>,
}

#[derive(Clone, Debug, PartialEq, Default)]
struct Record {
    asked: Vec<String>,
    notes: BTreeMap<String, String>,
    observed: Vec<String>,
    rating: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
struct InterviewState {
    ratings: BTreeMap<String, Record>,
    advice: Option<String>,
    motivation: Option<String>,
    complete: bool,
}

const ADVICE: [&str; 5] = ["zeker-niet", "niet", "wel", "zeker-wel", "geen-besluit"];

impl<'a> InterviewPlan<'a> {
    fn random(rng: &mut Rng, all: &'a [Competency], session: usize) -> InterviewPlan<'a> {
        let with_questions: Vec<&Competency> =
            all.iter().filter(|c| !c.questions.is_empty()).collect();
        let mut chosen: Vec<&Competency> = with_questions
            .iter()
            .copied()
            .filter(|_| rng.chance(30))
            .collect();
        if chosen.is_empty() {
            chosen.push(with_questions[rng.below(with_questions.len())]);
        }
        let competencies: Vec<CompetencyPlan> = chosen
            .into_iter()
            .map(|competency| {
                let asked = rng.some_of(competency.questions.len(), 35);
                let notes = asked
                    .iter()
                    .map(|q| {
                        rng.chance(70)
                            .then(|| format!("Antwoord {session} op vraag {}: casus — é", q + 1))
                    })
                    .collect();
                CompetencyPlan {
                    competency,
                    asked,
                    notes,
                    observed: rng.some_of(competency.indicators.len(), 50),
                    rating: rng
                        .pick(&["0", "1", "2", "3", "4", "5"])
                        .chars()
                        .next()
                        .unwrap(),
                }
            })
            .collect();
        let mut steps = Vec::new();
        for (c, plan) in competencies.iter().enumerate() {
            steps.push(InterviewStep::Questions(c));
            steps.extend((0..plan.asked.len()).map(|n| InterviewStep::Note(c, n)));
            steps.extend([InterviewStep::Observed(c), InterviewStep::Rate(c)]);
        }
        steps.extend([
            InterviewStep::Advice,
            InterviewStep::Motivation,
            InterviewStep::Review,
        ]);
        InterviewPlan {
            candidate: format!("Kandidaat {session}"),
            competencies,
            advice: rng.pick(&["1", "2", "3", "4", "5"]).chars().next().unwrap(),
            motivation: rng
                .chance(70)
                .then(|| format!("Motivering {session}: sterk in de wijk — ü")),
            steps,
        }
    }

    fn progress(&self, c: usize) -> String {
        format!(
            "competentie {}/{}: {}",
            c + 1,
            self.competencies.len(),
            self.competencies[c].competency.name
        )
    }

    fn numbers(picks: &[usize]) -> String {
        if picks.is_empty() {
            return "-".to_string();
        }
        let numbers: Vec<String> = picks.iter().map(|p| (p + 1).to_string()).collect();
        numbers.join(" ")
    }
}

impl Plan for InterviewPlan<'_> {
    type State = InterviewState;

    fn kind(&self) -> &'static str {
        "interview"
    }

    fn steps(&self) -> usize {
        self.steps.len()
    }

    fn start_args(&self) -> Vec<String> {
        let mut args: Vec<String> = [
            "interview",
            "eindhoven",
            "--candidate",
            &self.candidate,
            "--interviewer",
            "Pieter",
            "--out",
            FILE,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for plan in &self.competencies {
            args.extend(["--competency".to_string(), plan.competency.id.clone()]);
        }
        args
    }

    fn expect_prompt(&self, term: &mut Pty, step: usize, resumed: Option<&InterviewState>) {
        // The keys line of a choice, with or without the "? = de ankers" the later ratings and
        // the review add.
        let choice_keys = CHOICE_KEYS.trim_end_matches("\r\n");
        let (which, before) = term.expect_any(&[PICK_KEYS, NOTE_KEYS, choice_keys]);
        let expected = match self.steps[step] {
            InterviewStep::Questions(c) => {
                let competency = self.competencies[c].competency;
                let ok = which == 0
                    && before.contains(&format!("━━ {} ━━", competency.name))
                    && before.contains(&format!("{}\r\n  Welke vragen stel je?", self.progress(c)));
                // A resumed interview goes on at the question list of the first competency
                // without a rating, showing what was recorded.
                if let (true, Some(state)) = (ok, resumed) {
                    let asked = state
                        .ratings
                        .get(&competency.id)
                        .map(|r| r.asked.clone())
                        .unwrap_or_default();
                    for (index, question) in competency.questions.iter().enumerate() {
                        let mark = if asked.contains(&question.id) {
                            'x'
                        } else {
                            ' '
                        };
                        if !before.contains(&format!("[{mark}] {}. ", index + 1)) {
                            term.fail(&format!(
                                "question {} should show [{mark}] after the resume",
                                index + 1
                            ));
                        }
                    }
                }
                (ok, format!("the questions of {}", competency.id))
            }
            InterviewStep::Note(c, n) => {
                let plan = &self.competencies[c];
                let question = &plan.competency.questions[plan.asked[n]];
                let ok =
                    which == 1 && before.contains(&format!("  {}", opening(&question.text, 40)));
                (ok, format!("the note of {}", question.id))
            }
            InterviewStep::Observed(c) => {
                let ok = which == 0
                    && before.contains(&format!(
                        "{}\r\n  Welke gedragsindicatoren heb je gezien?",
                        self.progress(c)
                    ));
                (
                    ok,
                    format!("the indicators of {}", self.competencies[c].competency.id),
                )
            }
            InterviewStep::Rate(c) => {
                let name = &self.competencies[c].competency.name;
                let ok = which == 2 && before.contains(&format!("  Beoordeling van {name}"));
                (ok, format!("the rating of {name}"))
            }
            InterviewStep::Advice => {
                let ok = which == 2 && before.contains("\r\nafronding\r\n");
                (ok, "the advice".to_string())
            }
            InterviewStep::Motivation => {
                let ok = which == 1 && before.contains("Motivering van je advies");
                (ok, "the motivation".to_string())
            }
            InterviewStep::Review => {
                let ok = which == 2 && before.contains("Overzicht: controleer je beoordelingen");
                (ok, "the review".to_string())
            }
        };
        if !expected.0 {
            term.fail(&format!("expected {}, got {before:?}", expected.1));
        }
        if which == 2 {
            // The choice line, drawn in raw mode.
            term.expect("\x1b[K");
        } else {
            term.expect(EDITOR);
        }
    }

    fn answer(&self, term: &mut Pty, step: usize) {
        let keys = match self.steps[step] {
            InterviewStep::Questions(c) => Self::numbers(&self.competencies[c].asked),
            InterviewStep::Note(c, n) => {
                typed_text(self.competencies[c].notes[n].as_deref().unwrap_or_default())
            }
            InterviewStep::Observed(c) => Self::numbers(&self.competencies[c].observed),
            InterviewStep::Rate(c) => self.competencies[c].rating.to_string(),
            InterviewStep::Advice => self.advice.to_string(),
            InterviewStep::Motivation => typed_text(self.motivation.as_deref().unwrap_or_default()),
            // Enter keeps "klaar", the choice the review starts on.
            InterviewStep::Review => String::new(),
        };
        let enter = if keys.ends_with('\r') { "" } else { "\r" };
        term.send(&format!("{keys}{enter}"));
    }

    fn after(&self, steps: usize) -> InterviewState {
        let mut state = InterviewState::default();
        for step in &self.steps[..steps] {
            match *step {
                InterviewStep::Questions(c) => {
                    let plan = &self.competencies[c];
                    let asked: Vec<String> = plan
                        .asked
                        .iter()
                        .map(|&q| plan.competency.questions[q].id.clone())
                        .collect();
                    let record = state.ratings.entry(plan.competency.id.clone()).or_default();
                    record.notes.retain(|id, _| asked.contains(id));
                    record.asked = asked;
                }
                InterviewStep::Note(c, n) => {
                    let plan = &self.competencies[c];
                    if let Some(text) = &plan.notes[n] {
                        let id = plan.competency.questions[plan.asked[n]].id.clone();
                        let record = state.ratings.entry(plan.competency.id.clone()).or_default();
                        record.notes.insert(id, text.clone());
                    }
                }
                InterviewStep::Observed(c) => {
                    let plan = &self.competencies[c];
                    let record = state.ratings.entry(plan.competency.id.clone()).or_default();
                    record.observed = plan
                        .observed
                        .iter()
                        .map(|&i| plan.competency.indicators[i].id.clone())
                        .collect();
                }
                InterviewStep::Rate(c) => {
                    let plan = &self.competencies[c];
                    let record = state.ratings.entry(plan.competency.id.clone()).or_default();
                    record.rating = Some(if plan.rating == '0' {
                        "nb".to_string()
                    } else {
                        plan.rating.to_string()
                    });
                }
                InterviewStep::Advice => {
                    let index = self.advice.to_digit(10).unwrap() as usize - 1;
                    state.advice = Some(ADVICE[index].to_string());
                }
                InterviewStep::Motivation => {
                    if let Some(text) = &self.motivation {
                        state.motivation = Some(text.clone());
                    }
                }
                InterviewStep::Review => {}
            }
        }
        state
    }

    fn completed(&self, state: &InterviewState) -> InterviewState {
        InterviewState {
            complete: true,
            ..state.clone()
        }
    }

    fn is_complete(&self, state: &InterviewState) -> bool {
        state.complete
    }

    fn read(&self, path: &Path) -> InterviewState {
        let yaml = read_yaml(path, "interview");
        assert_eq!(yaml["candidate"].as_str(), Some(self.candidate.as_str()));
        assert_eq!(yaml["framework"].as_str(), Some("eindhoven"));
        let ratings = yaml["ratings"]
            .as_mapping()
            .map(|m| {
                m.iter()
                    .map(|(id, record)| {
                        let record = Record {
                            asked: list(&record["asked"]),
                            notes: strings(&record["notes"]),
                            observed: list(&record["observed"]),
                            rating: record.get("rating").map(scalar),
                        };
                        (id.as_str().unwrap().to_string(), record)
                    })
                    .collect()
            })
            .unwrap_or_default();
        InterviewState {
            ratings,
            advice: yaml.get("advice").map(scalar),
            motivation: yaml.get("motivation").map(scalar),
            complete: yaml["complete"].as_bool().expect("complete: true or false"),
        }
    }

    /// The question list of the first competency without a rating (what was recorded shown,
    /// ready to keep with Enter); with all rated, the advice, then the motivation.
    fn resume_step(&self, state: &InterviewState) -> usize {
        let position =
            |wanted: &dyn Fn(&InterviewStep) -> bool| self.steps.iter().position(wanted).unwrap();
        for (c, plan) in self.competencies.iter().enumerate() {
            let rated = state
                .ratings
                .get(&plan.competency.id)
                .is_some_and(|r| r.rating.is_some());
            if !rated {
                return position(&|s| matches!(s, InterviewStep::Questions(x) if *x == c));
            }
        }
        if state.advice.is_none() {
            return position(&|s| matches!(s, InterviewStep::Advice));
        }
        position(&|s| matches!(s, InterviewStep::Motivation))
    }
}

#[test]
fn interviews_killed_at_random_points_lose_nothing_confirmed() {
    let seed = seed("interview");
    let mut rng = Rng::new(seed);
    let all = competencies("eindhoven");
    let kills = total_kills() / 2;
    let figures = kill_many(
        &format!("interview (seed {seed})"),
        kills,
        &mut rng,
        |rng, n| InterviewPlan::random(rng, &all, n),
    );
    assert_eq!(figures.kills, kills);
}

// ---------------------------------------------------------------------------------------------
// A full disk and read-only folders

/// Asserts that `output` is a failure with status 2 whose message names `path` and says why.
fn assert_write_refused(output: &Output, path: &str, reasons: &[&str], what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{what}: exit status 2 expected; stderr:\n{stderr}"
    );
    assert!(
        stderr.contains(&format!("kan {path} niet schrijven: ")),
        "{what}: the message does not name {path}:\n{stderr}"
    );
    assert!(
        reasons.iter().any(|r| stderr.contains(r)),
        "{what}: the message does not say why ({reasons:?}):\n{stderr}"
    );
    // In Dutch: not the operating system's English, nor the temp file's path it adds.
    for english in ["os error", "at path", "denied", "No such"] {
        assert!(
            !stderr.contains(english),
            "{what}: English library text {english:?}:\n{stderr}"
        );
    }
}

/// Three answers of the generiek scan's first competency, piped.
const SCAN_ARGS: [&str; 6] = [
    "scan",
    "generiek",
    "--name",
    "Anna Vos",
    "--competency",
    "contact-en-relatie",
];

/// One competency (durf) of an interview, piped: question 1 with a note, indicators 1 and 2,
/// rating 3; then the input ends, which stops the session with everything saved.
const INTERVIEW_LINES: &str = "1\nVroeg door bij de huisarts\n1 2\n3\n";
const INTERVIEW_ARGS: [&str; 8] = [
    "interview",
    "eindhoven",
    "--candidate",
    "Bram Dekker",
    "--interviewer",
    "Pieter",
    "--competency",
    "durf",
];

/// How the test makes a folder unwritable for the binary. chmod 0500 does not bind root (who
/// may write anywhere), so as root the binary runs without the capabilities that let it, or in
/// a namespace where the folder is a read-only mount. Either way a probe checks first that a
/// write into the folder really fails.
#[derive(Clone, Copy, Debug)]
enum ReadOnly {
    /// Not root: chmod 0500 is enough.
    Chmod,
    /// Root, run without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (setpriv): chmod 0500 binds.
    WithoutCapabilities,
    /// A read-only bind mount over the folder, in a new user and mount namespace (unshare).
    BindMount,
}

impl ReadOnly {
    /// `program ARGS` as it must run to meet the read-only `folder`.
    fn wrap(self, folder: &Path, program: &OsStr, args: &[&str]) -> Command {
        let mut command = match self {
            ReadOnly::Chmod => Command::new(program),
            ReadOnly::WithoutCapabilities => {
                let mut command = Command::new("setpriv");
                command
                    .args(["--bounding-set=-dac_override,-dac_read_search", "--"])
                    .arg(program);
                command
            }
            ReadOnly::BindMount => {
                let mut command = Command::new("unshare");
                command
                    .args(["-Urm", "sh", "-c"])
                    .arg(
                        "mount --bind \"$0\" \"$0\" && mount -o remount,ro,bind \"$0\" && \
                         exec \"$@\"",
                    )
                    .arg(folder)
                    .arg(program);
                command
            }
        };
        command.args(args);
        command
    }

    /// The first way that keeps a write out of `folder` (chmod 0500 already applied).
    fn find(folder: &Path) -> ReadOnly {
        for method in [
            ReadOnly::Chmod,
            ReadOnly::WithoutCapabilities,
            ReadOnly::BindMount,
        ] {
            let probe = folder.join("probe");
            let script = "echo x > \"$0/probe\"";
            let status = method
                .wrap(
                    folder,
                    OsStr::new("sh"),
                    &["-c", script, folder.to_str().unwrap()],
                )
                .stderr(Stdio::null())
                .status();
            let blocked = matches!(status, Ok(s) if s.code() == Some(1) || s.code() == Some(2));
            if blocked && !probe.exists() {
                eprintln!("read-only folder: {method:?}");
                return method;
            }
            let _ = std::fs::remove_file(&probe);
        }
        panic!(
            "cannot make a folder read-only for the test: chmod 0500 does not bind (root?), \
             setpriv cannot drop CAP_DAC_OVERRIDE and unshare -Urm cannot bind-mount it read-only"
        )
    }

    /// `vakwijzer ARGS` in `dir`, meeting the read-only `folder`.
    fn run(self, folder: &Path, dir: &Path, args: &[&str], input: &str) -> Output {
        let mut wrapped = self.wrap(folder, &common::binary(), args);
        common::clean(&mut wrapped).current_dir(dir);
        common::run_with_input(&mut wrapped, input)
    }
}

/// A result file, report or new session in a read-only folder: each write is refused with the
/// file's name and status 2, and the files already there are left exactly as they were.
#[test]
fn read_only_folders_are_reported_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let folder = root.join("ro");
    std::fs::create_dir(&folder).unwrap();
    // Saved while the folder could still be written: a stopped scan and interview, a report.
    let scan = run(
        root,
        &[&SCAN_ARGS[..], &["--out", "ro/scan.yaml"]].concat(),
        "4\n2\n",
    );
    assert!(scan.status.success(), "{scan:?}");
    let interview = run(
        root,
        &[&INTERVIEW_ARGS[..], &["--out", "ro/interview.yaml"]].concat(),
        INTERVIEW_LINES,
    );
    assert!(interview.status.success(), "{interview:?}");
    let report = run(root, &["report", "ro/scan.yaml", "-o", "ro/report.md"], "");
    assert!(report.status.success(), "{report:?}");
    let before: Vec<(String, Vec<u8>)> = files_in(&folder)
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(folder.join(&name)).unwrap();
            (name, bytes)
        })
        .collect();
    std::fs::write(root.join("answers.yaml"), "contact-en-relatie.i1: 3\n").unwrap();

    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o500)).unwrap();
    let method = ReadOnly::find(&folder);
    let reasons = ["geen toestemming", "alleen-lezen"];
    let cases: Vec<(Vec<&str>, &str, &str, &Path)> = vec![
        // A new scan, its file named, and with the default name in a read-only current folder.
        (
            [
                &SCAN_ARGS[..],
                &["--answers", "answers.yaml", "--out", "ro/new.yaml"],
            ]
            .concat(),
            "",
            "ro/new.yaml",
            root,
        ),
        (
            [&SCAN_ARGS[..], &["--answers", "../answers.yaml"]].concat(),
            "",
            "scan-generiek-anna-vos-2026-11-23.yaml",
            &folder,
        ),
        // Going on with the saved scan and interview: the first answer cannot be saved.
        (
            vec!["scan", "--resume", "ro/scan.yaml"],
            "5\n",
            "ro/scan.yaml",
            root,
        ),
        (
            vec!["interview", "--resume", "ro/interview.yaml"],
            "2\n-\n-\n4\n",
            "ro/interview.yaml",
            root,
        ),
        (
            [&INTERVIEW_ARGS[..], &["--out", "ro/new-interview.yaml"]].concat(),
            INTERVIEW_LINES,
            "ro/new-interview.yaml",
            root,
        ),
        // Reports, new and over the old one.
        (
            vec!["report", "ro/scan.yaml", "-o", "ro/report.md"],
            "",
            "ro/report.md",
            root,
        ),
        (
            vec![
                "report",
                "ro/scan.yaml",
                "--format",
                "pdf",
                "-o",
                "ro/report.pdf",
            ],
            "",
            "ro/report.pdf",
            root,
        ),
        (
            vec![
                "guide",
                "eindhoven",
                "--format",
                "html",
                "-o",
                "ro/guide.html",
            ],
            "",
            "ro/guide.html",
            root,
        ),
    ];
    for (args, input, path, cwd) in cases {
        let output = method.run(&folder, cwd, &args, input);
        assert_write_refused(&output, path, &reasons, &format!("{args:?} ({method:?})"));
    }

    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    let after: Vec<(String, Vec<u8>)> = files_in(&folder)
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(folder.join(&name)).unwrap();
            (name, bytes)
        })
        .collect();
    assert_eq!(after, before, "the read-only folder changed");
    for file in ["ro/scan.yaml", "ro/interview.yaml"] {
        let output = run(root, &["report", file, "--format", "json"], "");
        assert!(output.status.success(), "report {file}: {output:?}");
    }
}

/// A folder that is a file, or a place no one may create files: refused with the name, for
/// results and reports alike (these fail for root too).
#[test]
fn an_output_folder_that_cannot_exist_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plain"), "a file, not a folder\n").unwrap();
    std::fs::write(
        dir.path().join("answers.yaml"),
        "contact-en-relatie.i1: 3\n",
    )
    .unwrap();
    let scan = [&SCAN_ARGS[..], &["--answers", "answers.yaml", "--out"]].concat();
    for (args, path, reasons) in [
        (
            [&scan[..], &["plain/scan.yaml"]].concat(),
            "plain/scan.yaml",
            &["is geen map"][..],
        ),
        (
            [&INTERVIEW_ARGS[..], &["--out", "plain/interview.yaml"]].concat(),
            "plain/interview.yaml",
            &["is geen map"][..],
        ),
        (
            vec![
                "guide",
                "eindhoven",
                "--format",
                "md",
                "-o",
                "plain/guide.md",
            ],
            "plain/guide.md",
            &["is geen map"][..],
        ),
        (
            [&scan[..], &["/proc/vakwijzer-scan.yaml"]].concat(),
            "/proc/vakwijzer-scan.yaml",
            &["bestaat niet", "geen toestemming", "alleen-lezen"][..],
        ),
    ] {
        let output = run(dir.path(), &args, INTERVIEW_LINES);
        assert_write_refused(&output, path, reasons, &format!("{args:?}"));
    }
    assert_eq!(files_in(dir.path()), ["answers.yaml", "plain"]);
    assert!(!Path::new("/proc/vakwijzer-scan.yaml").exists());
}

/// The memory page size: a tmpfs counts its space in pages.
fn page_size() -> usize {
    Command::new("getconf")
        .arg("PAGESIZE")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(4096)
}

/// Runs `script` with a small tmpfs on `$DISK1` (three pages) and `$DISK2` (sixteen), in a new
/// user and mount namespace (no root needed), or as root in a new mount namespace. `None` when
/// neither works here.
fn with_small_disks(work: &Path, script: &str) -> Option<Output> {
    let page = page_size();
    let mount = format!(
        "mount -t tmpfs -o size={},mode=0700 tmpfs \"$DISK1\" && \
         mount -t tmpfs -o size={},mode=0700 tmpfs \"$DISK2\" || exit 97\n",
        3 * page,
        16 * page
    );
    for namespace in [&["-Urm"][..], &["-m"][..]] {
        std::fs::create_dir_all(work.join("disk1")).unwrap();
        std::fs::create_dir_all(work.join("disk2")).unwrap();
        let mut command = Command::new("unshare");
        command
            .args(namespace)
            .args(["sh", "-eu", "-c"])
            .arg(format!("{mount}{script}"))
            .env("DISK1", work.join("disk1"))
            .env("DISK2", work.join("disk2"))
            .env("WORK", work)
            .env("BIN", common::binary());
        common::clean(&mut command);
        let Ok(output) = command.output() else {
            continue;
        };
        // The script marks that it got past the mounts.
        if !work.join("ran").exists() {
            continue;
        }
        return Some(output);
    }
    None
}

/// A full disk, on a real tmpfs: a scan whose next save no longer fits (its file grew past a
/// page with a long note), and a disk filled by something else while a scan and an interview
/// wait to be resumed and a report exists. Every write is refused with the file's name ("No
/// space left on device") and status 2; every file saved before is intact, parses and reads;
/// no temp file is left.
#[test]
fn a_full_disk_is_reported_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path();
    // A note of a little more than a page: the file grows from one page to two.
    let note = "Een lang verslag van een huisbezoek. ".repeat(page_size() / 37 + 14);
    std::fs::write(
        work.join("grow.txt"),
        format!("3\n4\n2\n5\n1\nnotitie: {note}\n2\n3\n4\n"),
    )
    .unwrap();
    let script = r#"
touch "$WORK/ran"
status() { set +e; "$@"; echo $? >> "$WORK/status"; set -e; }
# 1. The file outgrows the disk: 5 answers and a note of more than a page fit (old file + temp
#    file = three pages); the next answer needs two pages for its temp file next to the file's.
cd "$DISK1"
status "$BIN" scan generiek --name "Anna Vos" --competency contact-en-relatie \
  --competency verbinden --out grow.yaml < "$WORK/grow.txt" > "$WORK/out1" 2> "$WORK/err1"
ls -A > "$WORK/ls1"
cp grow.yaml "$WORK/grow.yaml"
# 2. Something else fills the disk while a scan and an interview wait to be resumed.
cd "$DISK2"
printf '4\n2\n' | "$BIN" scan generiek --name "Anna Vos" --out scan.yaml > /dev/null
printf '1\nVroeg door\n1 2\n3\n' | "$BIN" interview eindhoven --candidate "Bram Dekker" \
  --interviewer Pieter --competency durf --competency coachen --out interview.yaml > /dev/null
"$BIN" report scan.yaml -o report.md 2> /dev/null
mkdir "$WORK/before"
cp scan.yaml interview.yaml report.md "$WORK/before/"
cat /dev/zero > filler 2> /dev/null || true
printf '5\n1\n' | status "$BIN" scan --resume scan.yaml > /dev/null 2> "$WORK/err2"
printf '2\n-\n-\n4\n' | status "$BIN" interview --resume interview.yaml > /dev/null 2> "$WORK/err3"
status "$BIN" report scan.yaml -o report.md 2> "$WORK/err4"
status "$BIN" report scan.yaml --format pdf -o report.pdf 2> "$WORK/err5"
printf '1\n-\n1\n3\n' | status "$BIN" interview eindhoven --candidate "Cor" --interviewer Pieter \
  --competency durf --out new.yaml > /dev/null 2> "$WORK/err6"
rm filler
ls -A > "$WORK/ls2"
mkdir "$WORK/after"
cp scan.yaml interview.yaml report.md "$WORK/after/"
"#;
    let Some(output) = with_small_disks(work, script) else {
        if std::env::var_os("VAKWIJZER_NO_TMPFS").is_some() {
            eprintln!("NOT TESTED: no tmpfs could be mounted, and VAKWIJZER_NO_TMPFS is set");
            return;
        }
        panic!(
            "cannot mount a small tmpfs to fill: neither `unshare -Urm` (user namespaces) nor \
             `unshare -m` (root) works here. Set VAKWIJZER_NO_TMPFS=1 to skip this test."
        );
    };
    assert!(
        output.status.success(),
        "the disk script failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let read = |name: &str| std::fs::read_to_string(work.join(name)).unwrap();
    let statuses: Vec<String> = read("status").lines().map(str::to_string).collect();
    assert_eq!(statuses, ["2", "2", "2", "2", "2", "2"], "exit statuses");
    let full = ["de schijf is vol"];

    // 1. Refused at the answer after the note, naming the file; the file has all before it.
    assert_write_refused(
        &Output {
            status: exit_status(2),
            stdout: Vec::new(),
            stderr: read("err1").into_bytes(),
        },
        "grow.yaml",
        &full,
        "the growing scan",
    );
    assert_eq!(
        read("ls1").trim(),
        "grow.yaml",
        "files left on the full disk"
    );
    let yaml = read_yaml(&work.join("grow.yaml"), "scan");
    let answers = strings(&yaml["answers"]);
    let expected: BTreeMap<String, String> = [
        ("i1", "3"),
        ("i2", "4"),
        ("i3", "2"),
        ("i4", "5"),
        ("i5", "1"),
    ]
    .iter()
    .map(|(i, a)| (format!("contact-en-relatie.{i}"), a.to_string()))
    .collect();
    assert_eq!(answers, expected, "answers saved before the disk was full");
    assert_eq!(
        strings(&yaml["notes"])
            .get("contact-en-relatie")
            .map(String::as_str),
        Some(note.trim()),
        "the long note"
    );
    let report = run(work, &["report", "grow.yaml", "--format", "json"], "");
    assert!(report.status.success(), "report on grow.yaml: {report:?}");

    // 2. Every write refused with its file's name; nothing changed, nothing left behind.
    for (err, path) in [
        ("err2", "scan.yaml"),
        ("err3", "interview.yaml"),
        ("err4", "report.md"),
        ("err5", "report.pdf"),
        ("err6", "new.yaml"),
    ] {
        let output = Output {
            status: exit_status(2),
            stdout: Vec::new(),
            stderr: read(err).into_bytes(),
        };
        assert_write_refused(&output, path, &full, path);
    }
    assert_eq!(
        read("ls2").lines().collect::<Vec<_>>(),
        ["interview.yaml", "report.md", "scan.yaml"],
        "files on the full disk"
    );
    for name in ["scan.yaml", "interview.yaml", "report.md"] {
        assert_eq!(
            read(&format!("after/{name}")),
            read(&format!("before/{name}")),
            "{name} changed on the full disk"
        );
    }
    for name in ["after/scan.yaml", "after/interview.yaml"] {
        let report = run(work, &["report", name, "--format", "json"], "");
        assert!(report.status.success(), "report on {name}: {report:?}");
    }
}

fn exit_status(code: i32) -> std::process::ExitStatus {
    use std::os::unix::process::ExitStatusExt;
    std::process::ExitStatus::from_raw(code << 8)
}
