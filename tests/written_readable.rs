//! Written means readable: whatever `scan` and `interview` accept and save, `report` and
//! `--resume` read back. Random texts (any character, the control and bidi characters, YAML's
//! special words and signs) enter as arguments (`--name`, `--team`, `--role`, `--candidate`,
//! `--interviewer`), piped lines and answers files, through the real binary; and keys and pastes
//! (any text) through the terminal prompter of a scan and an interview session. Every run exits
//! 0 or 2 (never a panic), and every result file left behind, after success or refusal, reads.
//!
//! Bounded form, part of `cargo test`: 32 cases per property. Longer, with the same knob as
//! tests/fuzz.rs:
//!
//! ```sh
//! VAKWIJZER_FUZZ_CASES=2000 cargo test --test written_readable
//! ```
//!
//! A failing case is kept in `tests/fuzz_corpus/written-readable-regressions.txt` and tried
//! first on every run; each one found is also a named test below.

mod common;

use std::path::Path;
use std::sync::OnceLock;

use crossterm::event::Event;
use proptest::prelude::*;

use vakwijzer::framework::Library;
use vakwijzer::questionnaire::engine;
use vakwijzer::questionnaire::interview::InterviewSession;
use vakwijzer::questionnaire::prompt::TerminalPrompter;
use vakwijzer::questionnaire::scan::ScanSession;
use vakwijzer::result::interview::{self, InterviewResult};
use vakwijzer::result::{ResultFile, ScanResult, file_contents, load_scan};

use common::vakwijzer;

fn config() -> ProptestConfig {
    common::proptest_config(32, "tests/fuzz_corpus/written-readable-regressions.txt")
}

/// Pieces that have broken readers and writers of texts before, or could.
const NASTY: &[&str] = &[
    "\x1b",
    "\x1b[31m",
    "\x1b]0;titel\x07",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\x0b",
    "\x7f",
    "\u{85}",
    "\u{9b}",
    "\u{202a}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffe}",
    "\u{ffff}",
    "e\u{301}",
    "👩‍👧",
    "'",
    "\"",
    "\\",
    ": ",
    " #",
    "- ",
    "? ",
    "&anker",
    "*anker",
    "!tag",
    "%YAML",
    "---",
    "...",
    "{",
    "]",
    "|",
    ">",
    "~",
    "null",
    "yes",
    "0x1f",
    "1e3",
    "  ",
    "notitie: ",
    "b",
    "q",
];

/// A text of a few pieces: ordinary words, nasty pieces and any characters at all.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-Zé ]{1,8}",
        3 => prop::sample::select(NASTY).prop_map(str::to_string),
        2 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

/// Arguments cannot hold NUL: the operating system ends them there.
fn argument() -> impl Strategy<Value = String> {
    text().prop_map(|t| t.replace('\0', ""))
}

/// Runs the binary and gives (exit code, stderr); only 0 and 2 are allowed.
fn run(dir: &Path, args: &[&str], stdin: &str) -> (i32, String) {
    let output = vakwijzer(dir)
        .args(args)
        .write_stdin(stdin.as_bytes().to_vec())
        .output()
        .unwrap();
    let code = output.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        code == 0 || code == 2,
        "vakwijzer {args:?} exited with {code}:\n{stderr}"
    );
    (code, stderr)
}

/// A result file that exists must give a report (JSON, which holds every text) and, when it
/// is not complete, resume; the resumed file must read again.
fn assert_reads_back(dir: &Path, file: &str, resume_input: &str) {
    if !dir.join(file).exists() {
        return;
    }
    let (code, stderr) = run(dir, &["report", file, "--format", "json"], "");
    assert_eq!(
        code, 0,
        "{file} was saved but does not read back:\n{stderr}"
    );
    let kind = if file.starts_with("scan") {
        "scan"
    } else {
        "interview"
    };
    let (code, stderr) = run(dir, &[kind, "--resume", file], resume_input);
    assert!(
        code == 0 || stderr.contains("stdin:"),
        "--resume {file} refused it:\n{stderr}"
    );
    let (code, stderr) = run(dir, &["report", file, "--format", "json"], "");
    assert_eq!(
        code, 0,
        "{file} after --resume does not read back:\n{stderr}"
    );
}

/// A refusal names where the input was: a flag, `stdin:LINE` or the answers file.
fn assert_refusal_names_the_place(stderr: &str, places: &[&str]) {
    assert!(
        places.iter().any(|place| stderr.contains(place)),
        "the refusal names none of {places:?}:\n{stderr}"
    );
}

fn scan_with_pipe(name: &str, team: &str, role: &str, notes: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    // `--flag=VALUE`, since a value may begin with a dash.
    let (name, team, role) = (
        format!("--name={name}"),
        format!("--team={team}"),
        format!("--role={role}"),
    );
    let args = [
        "scan",
        "eindhoven",
        "--competency",
        "durf",
        &name,
        &team,
        &role,
        "--out",
        "scan.yaml",
    ];
    // Three of the five statements, then a note: the scan stops, incomplete.
    let mut piped = String::from("4\n3\nnvt\n");
    for note in notes {
        piped.push_str(&format!("notitie: {note}\n"));
    }
    let (code, stderr) = run(dir.path(), &args, &piped);
    if code != 0 {
        assert_refusal_names_the_place(&stderr, &["--name", "--team", "--role", "stdin:"]);
    }
    let rest = format!(
        "2\n5\nnotitie: {}\n",
        notes.first().map_or("", String::as_str)
    );
    assert_reads_back(dir.path(), "scan.yaml", &rest);
}

fn scan_with_answers_file(yaml: &str) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("answers.yaml"), yaml).unwrap();
    let args = [
        "scan",
        "eindhoven",
        "--competency",
        "durf",
        "--name",
        "Fleur",
        "--answers",
        "answers.yaml",
        "--out",
        "scan.yaml",
    ];
    let (code, stderr) = run(dir.path(), &args, "");
    if code != 0 {
        assert_refusal_names_the_place(&stderr, &["answers.yaml:"]);
    }
    assert_reads_back(dir.path(), "scan.yaml", "");
}

fn interview_with_pipe(candidate: &str, interviewer: &str, notes: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "interview",
        "eindhoven",
        "--competency",
        "durf",
        "--competency",
        "coachen",
        &format!("--candidate={candidate}"),
        &format!("--interviewer={interviewer}"),
        "--out",
        "interview.yaml",
    ];
    // durf: two questions with a note each, indicators, a rating; coachen only its questions.
    let note = |n: usize| notes.get(n).map_or("-", String::as_str).to_string();
    let piped = format!("1 3\n{}\n{}\n2\n4\n1\n{}\n", note(0), note(1), note(2));
    let (code, stderr) = run(dir.path(), &args, &piped);
    if code != 0 {
        assert_refusal_names_the_place(&stderr, &["--candidate", "--interviewer", "stdin:"]);
    }
    let rest = format!("1\n3\nwel\n{}\n", note(3));
    assert_reads_back(dir.path(), "interview.yaml", &rest);
}

/// A key or a paste, as a terminal sends them: letters and any character, the keys that edit
/// and navigate, Ctrl with a letter, and pastes of any text.
fn event() -> impl Strategy<Value = Event> {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let codes = [
        KeyCode::Enter,
        KeyCode::Enter,
        KeyCode::Enter,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Tab,
        KeyCode::Esc,
    ];
    prop_oneof![
        4 => prop::sample::select(&['1', '2', '3', '4', '5', '0', 'b', 'q', 'j', ' '][..])
            .prop_map(move |c| key(KeyCode::Char(c))),
        2 => any::<char>().prop_map(move |c| key(KeyCode::Char(c))),
        4 => prop::sample::select(codes.to_vec()).prop_map(key),
        1 => prop::sample::select(&['a', 'e', 'j', 'm', 'u', 'd'][..])
            .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))),
        2 => text().prop_map(Event::Paste),
        1 => (1u16..200).prop_map(|width| Event::Resize(width, 40)),
    ]
}

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::load(None).expect("the bundled data loads"))
}

/// Keys and pastes through a terminal session of a scan and an interview (durf): the session
/// never fails, and what it saved reads back.
fn terminal_sessions(events: Vec<Event>) {
    let dir = tempfile::tempdir().unwrap();
    let framework = library().framework("eindhoven").unwrap();
    let only = vec!["durf".to_string()];

    let scale = library().scale(&framework.scales.self_scan).unwrap();
    let path = dir.path().join("scan.yaml");
    let result = ScanResult::new(framework, "Sanne", only.clone());
    let file = ResultFile::create(&path, &file_contents(&result).unwrap())
        .unwrap()
        .expect("a new path");
    let mut session = ScanSession::new(framework, scale, result, file);
    let mut prompter = TerminalPrompter::scripted(std::io::sink(), 80, events.clone());
    engine::run(&mut session, &mut prompter).expect("the scan session runs");
    drop(session);
    let loaded = load_scan(&path, library());
    assert!(loaded.is_ok(), "the scan does not read back: {loaded:?}");

    let scale = library().scale(&framework.scales.interview).unwrap();
    let path = dir.path().join("interview.yaml");
    let result = InterviewResult::new(framework, "Noor", "Pieter", only);
    let file = ResultFile::create(&path, &file_contents(&result).unwrap())
        .unwrap()
        .expect("a new path");
    let mut session = InterviewSession::new(framework, scale, result, file);
    let mut prompter = TerminalPrompter::scripted(std::io::sink(), 80, events);
    engine::run(&mut session, &mut prompter).expect("the interview session runs");
    if path.exists() {
        let loaded = interview::load(&path, library());
        assert!(
            loaded.is_ok(),
            "the interview does not read back: {loaded:?}"
        );
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_terminal_session_saves_only_what_reads_back(
        events in prop::collection::vec(event(), 0..120),
    ) {
        terminal_sessions(events);
    }

    #[test]
    fn a_piped_scan_saves_only_what_reads_back(
        name in argument(),
        team in argument(),
        role in argument(),
        notes in prop::collection::vec(text(), 0..3),
    ) {
        scan_with_pipe(&name, &team, &role, &notes);
    }

    #[test]
    fn an_answers_file_saves_only_what_reads_back(
        note in text(),
        raw in prop::bool::ANY,
        answered in 1usize..=5,
    ) {
        // The note is taken once all five statements are answered; fewer stop the scan before.
        let mut yaml: String = (1..=answered).map(|i| format!("durf.i{i}: 3\n")).collect();
        if raw {
            // Written by hand: the note as it comes, on the line of its key.
            yaml.push_str(&format!("notes:\n  durf: {note}\n"));
        } else {
            // Written by a YAML writer: any character, escaped where it must be.
            let notes: std::collections::BTreeMap<&str, &str> = [("durf", note.as_str())].into();
            let notes = serde_yaml::to_string(&notes).unwrap();
            yaml.push_str("notes:\n");
            yaml.extend(notes.lines().map(|l| format!("  {l}\n")));
        }
        scan_with_answers_file(&yaml);
    }

    #[test]
    fn a_piped_interview_saves_only_what_reads_back(
        candidate in argument(),
        interviewer in argument(),
        notes in prop::collection::vec(text(), 0..4),
    ) {
        interview_with_pipe(&candidate, &interviewer, &notes);
    }
}

// ---------------------------------------------------------------------------------------------
// Cases that failed before, kept by name

/// Seen in a terminal: a name, team or role with an escape was saved, and `report` and
/// `--resume` then refused the file ("bevat stuurtekens").
#[test]
fn an_escape_in_a_name_team_or_role_is_refused_before_anything_is_saved() {
    for (flag, value) in [
        ("--name", "Sanne\x1b[2J"),
        ("--team", "Noord\x1b]0;x\x07"),
        ("--role", "generalist\u{202e}"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut args = vec!["scan", "eindhoven", "--out", "scan.yaml", flag, value];
        if flag != "--name" {
            args.extend(["--name", "Sanne"]);
        }
        let (code, stderr) = run(dir.path(), &args, "4\n");
        assert_eq!(code, 2, "{flag} {value:?} was accepted");
        assert!(
            stderr.contains(flag) && stderr.contains("stuurteken"),
            "{stderr}"
        );
        assert!(
            !dir.path().join("scan.yaml").exists(),
            "{flag}: a file was written"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "interview",
        "eindhoven",
        "--candidate",
        "Noor\u{2066}",
        "--interviewer",
        "Pieter",
    ];
    let (code, stderr) = run(dir.path(), &args, "");
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--candidate") && stderr.contains("U+2066"),
        "{stderr}"
    );
}

/// A piped note with an escape is refused at its line and column; what was answered before it
/// is saved and reads back.
#[test]
fn a_piped_note_with_an_escape_is_refused_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["scan", "eindhoven", "--name", "Sanne", "--out", "scan.yaml"];
    let (code, stderr) = run(dir.path(), &args, "4\n  notitie: rood\x1b[31m\n");
    assert_eq!(code, 2);
    assert!(stderr.contains("stdin:2:16: "), "{stderr}");
    assert!(stderr.contains("U+001B"), "{stderr}");
    assert_reads_back(dir.path(), "scan.yaml", "");
}

/// An answers file can write an escape in a note with YAML's `\e`; it is refused at the note.
#[test]
fn an_answers_file_note_with_an_escape_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "durf.i1: 4\nnotes:\n  durf: \"rood\\e[31m\"\n";
    std::fs::write(dir.path().join("answers.yaml"), yaml).unwrap();
    let args = [
        "scan",
        "eindhoven",
        "--name",
        "Sanne",
        "--answers",
        "answers.yaml",
        "--out",
        "scan.yaml",
    ];
    let (code, stderr) = run(dir.path(), &args, "");
    assert_eq!(code, 2);
    assert!(stderr.contains("answers.yaml:3:"), "{stderr}");
    assert!(!dir.path().join("scan.yaml").exists());
}
