//! Fuzzing and property tests of every reader of outside input: framework YAML (`--data`,
//! `validate`), scan and interview result files, answers files (`scan --answers`), piped answers
//! (standard input) and templates (`--templates`).
//!
//! The properties, for every input: no panic, no hang, bounded memory, and every error names the
//! file it is about (the path given, or `stdin:LINE` for piped input) at a line inside it. Inputs
//! are real files of the project mutated (bits and bytes flipped, cut at a random point, lines
//! deleted, duplicated or swapped, YAML fragments and random Unicode inserted, values replaced)
//! and fully random bytes. What a reader accepts must then also get through what comes after it
//! (reports, the guide, saving and reading back the result).
//!
//! Bounded form, part of `cargo test`: 64 cases per property (`VAKWIJZER_FUZZ_CASES` sets the
//! number), a few seconds. Long form, about 5 minutes on two cores (50000 cases: 13 minutes):
//!
//! ```sh
//! VAKWIJZER_FUZZ_CASES=20000 cargo test --release --test fuzz
//! ```
//!
//! `VAKWIJZER_FUZZ_STATS=1` (with `--nocapture`) prints for every input whether the reader
//! accepted it, to check that mutated inputs also reach the code after the readers.
//!
//! A failing case is written to `tests/fuzz_corpus/proptest-regressions.txt` and tried first on
//! every run; each crash found is kept as a named test below with its minimal input, and
//! `tests/fuzz_corpus/` holds interesting inputs that `the_corpus_is_handled` replays each run.
//!
//! Not bounded: the CPU time of a template from `--templates` that loops without writing
//! (`{% for %}` inside `{% for %}` over the largest `range` tera allows): templates are code, and
//! tera has no step limit. Its output is bounded (64 MB), and so are include cycles and `range`.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use proptest::prelude::*;
use proptest::sample::Index;

use vakwijzer::framework::Library;
use vakwijzer::framework::load::{SourceFile, bundled_files, read_files};
use vakwijzer::framework::merge::load_layers;
use vakwijzer::questionnaire::engine;
use vakwijzer::questionnaire::interview::InterviewSession;
use vakwijzer::questionnaire::prompt::{
    Choice, ChoicePrompt, LinePrompter, NotePrompt, PickPrompt, Prompter, RatingPrompt, TextPrompt,
};
use vakwijzer::questionnaire::scan::ScanSession;
use vakwijzer::render::template::Templates;
use vakwijzer::render::{Format, Options, render};

use common::ROOT;

/// Reports rendered with the built-in templates, at 80 columns.
const OPTIONS: Options = Options {
    templates: None,
    width: 80,
};
use vakwijzer::result::interview::{self, InterviewResult};
use vakwijzer::result::{
    Fingerprints, ResultFile, ScanResult, check_scan, file_contents, load_scan, parse_scan,
};

/// A watchdog, not a speed goal: an input still being read after this long is a hang (an
/// endless loop), reported with the input instead of a test run that never ends. It is far
/// above what any input takes on a loaded machine; how fast hostile inputs are refused is
/// measured by `cargo bench --bench hostile`, as ratios.
const HANG: Duration = Duration::from_secs(600);

/// Highest peak memory of the test process allowed.
const MEMORY_MB: u64 = 2048;

// ---------------------------------------------------------------------------------------------
// Set-up

/// Messages in English, the same in every test (the first call wins).
fn setup() {
    vakwijzer::i18n::init(vakwijzer::i18n::Lang::En);
}

fn config() -> ProptestConfig {
    ProptestConfig {
        max_shrink_iters: 2000,
        ..common::proptest_config(64, "tests/fuzz_corpus/proptest-regressions.txt")
    }
}

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    setup();
    LIBRARY.get_or_init(|| Library::load(None).expect("the bundled data loads"))
}

/// A folder for this test's files: in memory where there is /dev/shm, since sessions fsync
/// after every answer.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().unwrap()
}

/// Runs `work` on another thread and fails if it hangs (see [`HANG`]); a panic in it is
/// passed on, so that proptest sees (and shrinks) it.
fn bounded<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = std::sync::mpsc::channel();
    let handle = std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    match receiver.recv_timeout(HANG) {
        Ok(value) => {
            let _ = handle.join();
            value
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the worker ended without a value"),
        },
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("hang: one input took longer than {HANG:?}")
        }
    }
}

/// Peak memory of this process so far, in MB (0 where /proc is not there).
fn peak_memory_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

/// With `VAKWIJZER_FUZZ_STATS` set, one line per input on stderr: which reader, and whether it
/// accepted the input (to see that mutated inputs also get past the readers).
fn stat(reader: &str, accepted: bool) {
    if std::env::var_os("VAKWIJZER_FUZZ_STATS").is_some() {
        eprintln!(
            "fuzz-stat {reader} {}",
            if accepted { "accepted" } else { "refused" }
        );
    }
}

fn assert_memory_bounded() {
    let peak = peak_memory_mb();
    assert!(peak < MEMORY_MB, "peak memory {peak} MB");
}

fn lines_in(text: &[u8]) -> usize {
    text.iter().filter(|&&b| b == b'\n').count() + 1
}

/// Every `FILE:LINE:COLUMN: ` that opens a line of `message` about `file` has a line inside it.
fn assert_places_inside(message: &str, file: &str, lines: usize) {
    for line in message.lines() {
        let Some(rest) = line.strip_prefix(file).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        let mut parts = rest.splitn(3, ':');
        let (Some(number), Some(column)) = (parts.next(), parts.next()) else {
            continue;
        };
        let (Ok(number), Ok(column)) = (number.parse::<usize>(), column.parse::<usize>()) else {
            continue;
        };
        assert!(
            (1..=lines + 1).contains(&number) && column >= 1,
            "{file}:{number}:{column} is outside the file ({lines} lines): {message}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs: real files, mutated, and random bytes

/// Files of one kind, read once: (name, bytes).
type Seeds = Vec<(String, Vec<u8>)>;

fn read_seeds(patterns: &[&str]) -> Seeds {
    let mut seeds = Vec::new();
    for pattern in patterns {
        let (folder, suffix) = pattern.split_once('*').unwrap();
        let dir = Path::new(ROOT).join(folder);
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(suffix))
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            seeds.push((name, std::fs::read(&path).unwrap()));
        }
    }
    seeds
}

fn data_seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| read_seeds(&["data/*.yaml", "data/frameworks/*.yaml"]))
}

fn scan_seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| read_seeds(&["data/examples/scans/*.yaml", "data/examples/team/*.yaml"]))
}

fn interview_seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| read_seeds(&["data/examples/interviews/*.yaml"]))
}

fn template_seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| read_seeds(&["templates/*.tera"]))
}

/// Answers files for `scan eindhoven --answers`: all statements, some, with notes.
fn answers_seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let framework = library().framework("eindhoven").unwrap();
        let mut all = String::from("# answers\n");
        let mut some = String::new();
        for (c, competency) in framework.competencies.iter().enumerate() {
            for (i, indicator) in competency.indicators.iter().enumerate() {
                let answer = match (c + i) % 6 {
                    0 => "nvt".to_string(),
                    n => n.min(5).to_string(),
                };
                all.push_str(&format!("{}: {answer}\n", indicator.id));
                if c < 2 {
                    some.push_str(&format!("{}: \"{answer}\"\n", indicator.id));
                }
            }
        }
        all.push_str("notes:\n");
        for competency in framework.competencies.iter().take(3) {
            all.push_str(&format!(
                "  {}: Een voorbeeld uit de praktijk.\n",
                competency.id
            ));
        }
        vec![
            ("all.yaml".into(), all.into_bytes()),
            ("some.yaml".into(), some.into_bytes()),
        ]
    })
}

/// Piped answers for the self-scan and for an interview, as a person types them.
fn line_seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let framework = library().framework("eindhoven").unwrap();
        let mut scan = String::from("# my answers\n");
        for (c, competency) in framework.competencies.iter().enumerate() {
            for i in 0..competency.indicators.len() {
                scan.push_str(if (c + i) % 7 == 3 { "n.v.t.\n" } else { "4\n" });
            }
            if c % 2 == 0 {
                scan.push_str("notitie: een voorbeeld\n");
            }
            if c == 1 {
                scan.push_str("b\n3\n");
            }
        }
        let mut interview = String::new();
        for _ in &framework.competencies {
            interview.push_str("1 2\nwat ze zei\n-\n1, 3\n4\n");
        }
        interview.push_str("wel\nSterke kandidaat.\n");
        vec![
            ("scan.txt".into(), scan.into_bytes()),
            ("interview.txt".into(), interview.into_bytes()),
        ]
    })
}

/// Pieces of YAML and tera that readers must cope with.
const FRAGMENTS: &[&str] = &[
    "\n",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "{a: [b, {c: d}]}",
    "'",
    "\"",
    "\\",
    "#",
    "|\n  text\n",
    ">-\n",
    "---\n",
    "...\n",
    "%YAML 1.2\n---\n",
    "&anchor ",
    "*anchor",
    "<<: *anchor\n",
    "!!binary aGVsbG8=",
    "!!str ",
    "!custom ",
    "? complex\n: key\n",
    "~",
    "null",
    "true",
    "0",
    "-1",
    "6",
    "255",
    "256",
    "99999999999999999999999",
    "1e400",
    ".nan",
    "nvt",
    "nb",
    "\t",
    "\r\n",
    "\0",
    "\u{7f}",
    "\u{feff}",
    "\u{85}",
    "\u{2028}",
    "\u{fffd}",
    "é",
    "👩‍⚕️",
    "kind: scan\n",
    "kind: interview\n",
    "kind: framework\n",
    "kind: links\n",
    "schema: 2\n",
    "framework: wmo\n",
    "id: Coachen\n",
    "id: ''\n",
    "  - id: dubbel\n",
    "competencies: []\n",
    "answers: {}\n",
    "notes: {a: b}\n",
    "ratings: {coachen: {rating: 9}}\n",
    "points: []\n",
    "{{ report }}",
    "{{ report.competencies[0].name }}",
    "{% for i in range(end=100000) %}x{% endfor %}",
    "{% include \"guide.md\" %}",
    "{% include \"layout.html\" %}",
    "{% extends \"layout.html\" %}",
    "{% block content %}",
    "{% endblock %}",
    "{% if %}",
    "{% endfor %}",
    "{{ 1 / 0 }}",
    "{{ x | num }}",
    "{{ \"a\" ~ 1 }}",
    "{% set x = [1, 2] %}{{ x[5] }}",
    "{% macro m() %}{% endmacro %}",
    "{% raw %}",
    "{#",
    "notitie: ",
    "note: ",
    "terug",
    "q",
    "1 2 3",
    "0",
    "zeker-wel",
    "geen-besluit",
];

#[derive(Debug, Clone)]
enum Mutation {
    FlipBit(Index, u8),
    SetByte(Index, u8),
    Truncate(Index),
    DeleteRange(Index, Index),
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    Insert(Index, String),
    ReplaceValue(Index, String),
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[ -~\n\t]{0,40}",
        1 => (prop::sample::select(FRAGMENTS), 1usize..300)
            .prop_map(|(piece, count)| piece.repeat(count)),
    ]
}

/// Values that keep a file valid YAML, often of the right type: so that mutated files also get
/// past the parser into the checks, and past the checks into the reports.
const VALUES: &[&str] = &[
    "1",
    "3",
    "5",
    "0",
    "6",
    "-2",
    "3.5",
    "nvt",
    "nb",
    "n.v.t.",
    "true",
    "false",
    "\"\"",
    "''",
    "[]",
    "{}",
    "[a, b]",
    "x",
    "\"Een tekst met ' en \\\" en é\"",
    "eindhoven",
    "generiek",
    "wmo",
    "frequentie",
    "gedragsankers",
    "aanpassingsvermogen",
    "coachen",
    "coachen.i1",
    "coachen.q1",
    "coachen.q9",
    "generalist",
    "scan",
    "interview",
    "wel",
    "zeker-niet",
    "2026-11-23T10:00:00Z",
    "1999",
    "sha256:0000000000000000",
    "|\n  een\n  blok\n",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(VALUES).prop_map(str::to_string),
        1 => fragment(),
        1 => "[a-z0-9.-]{1,20}",
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit(at, bit)),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(at, byte)| Mutation::SetByte(at, byte)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::DeleteRange(a, b)),
        1 => any::<Index>().prop_map(Mutation::DeleteLine),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        3 => (any::<Index>(), fragment()).prop_map(|(at, text)| Mutation::Insert(at, text)),
        4 => (any::<Index>(), value()).prop_map(|(at, text)| Mutation::ReplaceValue(at, text)),
    ]
}

/// Byte ranges of the lines of `bytes`, each with its line end.
fn line_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (at, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            ranges.push(start..at + 1);
            start = at + 1;
        }
    }
    if start < bytes.len() {
        ranges.push(start..bytes.len());
    }
    ranges
}

fn apply(mut bytes: Vec<u8>, mutation: &Mutation) -> Vec<u8> {
    let len = bytes.len();
    let lines = line_ranges(&bytes);
    match mutation {
        Mutation::FlipBit(at, bit) if len > 0 => bytes[at.index(len)] ^= 1 << bit,
        Mutation::SetByte(at, byte) if len > 0 => bytes[at.index(len)] = *byte,
        Mutation::Truncate(at) => bytes.truncate(at.index(len + 1)),
        Mutation::DeleteRange(a, b) if len > 0 => {
            let start = a.index(len);
            let end = (start + 1 + b.index(64)).min(len);
            bytes.drain(start..end);
        }
        Mutation::DeleteLine(at) if !lines.is_empty() => {
            bytes.drain(lines[at.index(lines.len())].clone());
        }
        Mutation::DuplicateLine(at) if !lines.is_empty() => {
            let line = lines[at.index(lines.len())].clone();
            let copy = bytes[line.clone()].to_vec();
            bytes.splice(line.start..line.start, copy);
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            let (first, second) = (lines[a.min(b)].clone(), lines[a.max(b)].clone());
            if first != second {
                let mut out = bytes[..first.start].to_vec();
                out.extend_from_slice(&bytes[second.clone()]);
                out.extend_from_slice(&bytes[first.end..second.start]);
                out.extend_from_slice(&bytes[first.clone()]);
                out.extend_from_slice(&bytes[second.end..]);
                bytes = out;
            }
        }
        Mutation::Insert(at, text) => {
            let at = at.index(len + 1);
            bytes.splice(at..at, text.bytes());
        }
        Mutation::ReplaceValue(at, text) if !lines.is_empty() => {
            let line = lines[at.index(lines.len())].clone();
            let colon = bytes[line.clone()].iter().position(|&b| b == b':');
            let start = colon.map_or(line.start, |c| line.start + c + 1);
            let end = if bytes[line.end - 1] == b'\n' {
                line.end - 1
            } else {
                line.end
            };
            let mut value = b" ".to_vec();
            value.extend_from_slice(text.as_bytes());
            bytes.splice(start..end.max(start), value);
        }
        _ => {}
    }
    bytes
}

/// An input for a reader: (name of the file it came from, bytes).
fn input(seeds: fn() -> &'static Seeds) -> impl Strategy<Value = (String, Vec<u8>)> {
    // Strategies are made before a test's body runs: choose the language first.
    setup();
    let count = seeds().len();
    let mutations = prop_oneof![
        2 => prop::collection::vec(mutation(), 1..2),
        1 => prop::collection::vec(mutation(), 2..6),
    ];
    let mutated = (0..count, mutations).prop_map(move |(seed, mutations)| {
        let (name, bytes) = &seeds()[seed];
        let bytes = mutations.iter().fold(bytes.clone(), apply);
        (name.clone(), bytes)
    });
    let soup = prop::collection::vec(fragment(), 0..40)
        .prop_map(|pieces| ("soup".to_string(), pieces.concat().into_bytes()));
    let random =
        prop::collection::vec(any::<u8>(), 0..2000).prop_map(|bytes| ("random".to_string(), bytes));
    prop_oneof![8 => mutated, 1 => soup, 1 => random]
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---------------------------------------------------------------------------------------------
// The checks, one per reader; the properties and the corpus use them

/// A data file as one of `--data`, on top of the bundled data or alone. Accepted data must give
/// a guide for each framework.
fn check_data(name: &str, bytes: &[u8], with_bundled: bool) {
    let file = SourceFile {
        name: format!("org/{name}"),
        text: text(bytes).into(),
    };
    let lines = lines_in(file.text.as_bytes());
    let layers = if with_bundled {
        vec![bundled_files(), vec![file.clone()]]
    } else {
        vec![vec![file.clone()]]
    };
    let (library, problems) = load_layers(&layers);
    let names: Vec<String> = layers.iter().flatten().map(|f| f.name.clone()).collect();
    for problem in &problems {
        assert!(names.contains(&problem.file), "unknown file in {problem}");
        assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
        if problem.file == file.name {
            assert!(problem.line <= lines + 1, "{problem} (of {lines} lines)");
        }
    }
    stat("data", problems.is_empty());
    if problems.is_empty() {
        for framework in &library.frameworks {
            if let Ok(guide) =
                vakwijzer::report::guide::build(&library, framework, &Default::default())
            {
                render(&guide, Format::Md, &OPTIONS).unwrap();
            }
            vakwijzer::result::fingerprint(framework);
        }
    }
}

/// A scan result file: read from disk (bytes) and parsed from text. An accepted scan must give
/// a personal report.
fn check_scan_file(dir: &Path, bytes: &[u8]) {
    let path = dir.join("scan.yaml");
    std::fs::write(&path, bytes).unwrap();
    let shown = path.display().to_string();
    let lines = lines_in(bytes);
    let loaded = load_scan(&path, library());
    stat("scan", loaded.is_ok());
    match loaded {
        Ok(loaded) => {
            let framework = library().framework(&loaded.result.framework).unwrap();
            let role = library().default_role(&framework.id);
            let report = vakwijzer::report::personal::build(
                library(),
                framework,
                role,
                &loaded.result,
                &[&loaded.result],
                loaded.warnings.clone(),
            );
            render(&report, Format::Table, &OPTIONS).unwrap();
            render(&report, Format::Md, &OPTIONS).unwrap();
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.contains(&shown), "{shown} not named: {message}");
            assert_places_inside(&message, &shown, lines);
        }
    }
    let text = text(bytes);
    if let Ok(result) = parse_scan(&path, &text) {
        let checked = check_scan(
            &path,
            &text,
            result,
            library(),
            &mut Fingerprints::default(),
        );
        if let Err(error) = checked {
            assert!(error.to_string().contains(&shown), "{error}");
        }
    }
}

/// An interview result file. Accepted interviews must give a scorecard.
fn check_interview_file(dir: &Path, bytes: &[u8]) {
    let path = dir.join("interview.yaml");
    std::fs::write(&path, bytes).unwrap();
    let shown = path.display().to_string();
    let loaded = interview::load(&path, library());
    stat("interview", loaded.is_ok());
    match loaded {
        Ok(loaded) => {
            let framework = library().framework(&loaded.result.framework).unwrap();
            if let Ok(card) =
                vakwijzer::report::scorecard::build(library(), framework, &[loaded], None, None)
            {
                render(&card, Format::Md, &OPTIONS).unwrap();
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.contains(&shown), "{shown} not named: {message}");
            assert_places_inside(&message, &shown, lines_in(bytes));
        }
    }
}

/// An answers file, through the scan command as `scan eindhoven --answers FILE --out OUT`. What
/// it saves must read back.
fn check_answers_file(dir: &Path, bytes: &[u8]) {
    use clap::Parser;
    let answers = dir.join("answers.yaml");
    let out = dir.join("scan-out.yaml");
    let _ = std::fs::remove_file(&out);
    std::fs::write(&answers, bytes).unwrap();
    let cli = vakwijzer::cli::Cli::try_parse_from([
        "vakwijzer".as_ref(),
        "scan".as_ref(),
        "eindhoven".as_ref(),
        "--name".as_ref(),
        "Fuzz Test".as_ref(),
        "--answers".as_ref(),
        answers.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ])
    .unwrap();
    let context = vakwijzer::commands::Context::new(None, None);
    let mut output = Vec::new();
    let done = vakwijzer::commands::execute(&context, cli.command, &mut output);
    stat("answers", done.is_ok());
    match done {
        Ok(()) => {
            let saved = load_scan(&out, library());
            assert!(
                saved.is_ok(),
                "the saved scan does not read back: {saved:?}"
            );
        }
        Err(error) => {
            let message = error.to_string();
            let shown = answers.display().to_string();
            assert!(message.contains(&shown), "{shown} not named: {message}");
            assert_places_inside(&message, &shown, lines_in(bytes));
        }
    }
}

/// How a piped-answers error must name its place: `stdin:LINE:`, inside the input.
fn assert_names_stdin(message: &str, lines: usize) {
    assert!(message.contains("stdin:"), "stdin not named: {message}");
    assert_places_inside(message, "stdin", lines);
}

/// A new result file holding `result`, as a session starts with it (replacing the one an
/// earlier case left in a reused folder).
fn new_result_file<T: serde::Serialize>(path: &Path, result: &T) -> ResultFile {
    let _ = std::fs::remove_file(path);
    ResultFile::create(path, &file_contents(result).unwrap())
        .unwrap()
        .expect("a new path")
}

/// Piped answers through a whole self-scan session; what it saves must read back.
fn check_piped_scan(dir: &Path, bytes: &[u8]) {
    let framework = library().framework("eindhoven").unwrap();
    let scale = library().scale(&framework.scales.self_scan).unwrap();
    let path = dir.join("piped-scan.yaml");
    let result = ScanResult::new(framework, "Fuzz", Vec::new());
    let file = new_result_file(&path, &result);
    let mut session = ScanSession::new(framework, scale, result, file);
    let mut prompter = LinePrompter::new(bytes, "stdin");
    let outcome = engine::run(&mut session, &mut prompter);
    stat("lines-scan", outcome.is_ok());
    match outcome {
        Ok(_) => {
            if path.exists() {
                let saved = load_scan(&path, library());
                assert!(
                    saved.is_ok(),
                    "the saved scan does not read back: {saved:?}"
                );
            }
        }
        Err(error) => assert_names_stdin(&error.to_string(), lines_in(bytes)),
    }
}

/// Piped answers through a whole interview session; what it saves must read back.
fn check_piped_interview(dir: &Path, bytes: &[u8]) {
    let framework = library().framework("eindhoven").unwrap();
    let scale = library().scale(&framework.scales.interview).unwrap();
    let path = dir.join("piped-interview.yaml");
    let result = InterviewResult::new(framework, "Kandidaat", "Fuzz", Vec::new());
    let file = new_result_file(&path, &result);
    let mut session = InterviewSession::new(framework, scale, result, file);
    let mut prompter = LinePrompter::new(bytes, "stdin");
    let outcome = engine::run(&mut session, &mut prompter);
    stat("lines-interview", outcome.is_ok());
    match outcome {
        Ok(_) => {
            if path.exists() {
                let saved = interview::load(&path, library());
                assert!(saved.is_ok(), "the interview does not read back: {saved:?}");
            }
        }
        Err(error) => assert_names_stdin(&error.to_string(), lines_in(bytes)),
    }
}

#[derive(Debug, Clone, Copy)]
enum Ask {
    Rate,
    Note,
    Choose,
    Pick(usize),
    Text,
}

fn ask() -> impl Strategy<Value = Ask> {
    prop_oneof![
        Just(Ask::Rate),
        Just(Ask::Note),
        Just(Ask::Choose),
        (0usize..12).prop_map(Ask::Pick),
        Just(Ask::Text),
    ]
}

/// Piped lines asked for in any order, each kind of prompt a line prompter answers.
fn check_line_prompts(bytes: &[u8], asks: &[Ask]) {
    let framework = library().framework("eindhoven").unwrap();
    let scale = library().scale(&framework.scales.self_scan).unwrap();
    let choices: Vec<Choice> = ["zeker-niet", "niet", "wel"]
        .iter()
        .enumerate()
        .map(|(i, label)| Choice {
            key: char::from(b'1' + i as u8),
            label: label.to_string(),
            detail: None,
            aliases: vec![label.to_string()],
        })
        .collect();
    let options: Vec<String> = (0..12).map(|i| format!("vraag {i}")).collect();
    let mut prompter = LinePrompter::new(bytes, "stdin");
    for ask in asks {
        let answered = match *ask {
            Ask::Rate => prompter
                .rate(&RatingPrompt {
                    item_id: "coachen.i1",
                    text: "doet iets",
                    scale,
                    previous: None,
                    progress: String::new(),
                })
                .map(drop),
            Ask::Note => prompter
                .note(&NotePrompt {
                    competency_id: "coachen",
                    question: String::new(),
                    previous: None,
                })
                .map(drop),
            Ask::Choose => prompter
                .choose(&ChoicePrompt {
                    id: "advies".into(),
                    text: "advies",
                    choices: &choices,
                    previous: None,
                    progress: String::new(),
                    compact: false,
                })
                .map(drop),
            Ask::Pick(count) => prompter
                .pick(&PickPrompt {
                    id: "vragen".into(),
                    title: String::new(),
                    options: &options[..count],
                    previous: &[],
                    progress: String::new(),
                })
                .map(drop),
            Ask::Text => prompter
                .text(&TextPrompt {
                    id: "motivatie".into(),
                    title: String::new(),
                    previous: None,
                    multiline: true,
                })
                .map(drop),
        };
        if let Err(error) = answered {
            assert_names_stdin(&error.to_string(), lines_in(bytes));
            return;
        }
    }
}

/// The report each template renders, made once: (template name, the command that renders it).
fn template_command(name: &str) -> Vec<String> {
    let example = |path: &str| format!("{ROOT}/data/examples/{path}");
    let args: Vec<String> = match name {
        "guide.md" | "guide.txt" | "guide.html" => {
            let format = name.rsplit('.').next().unwrap();
            vec!["guide", "eindhoven", "--format", format]
                .into_iter()
                .map(String::from)
                .collect()
        }
        "personal.md" | "personal.html" | "layout.html" => vec![
            "report".into(),
            example("scans/sanne-2026-11.yaml"),
            example("scans/sanne-2026-05.yaml"),
            "--format".into(),
            if name == "personal.md" { "md" } else { "html" }.into(),
        ],
        "scorecard.md" | "scorecard.html" => vec![
            "report".into(),
            example("interviews/noor-ans.yaml"),
            example("interviews/noor-pieter.yaml"),
            "--format".into(),
            name.rsplit('.').next().unwrap().into(),
        ],
        "compare.md" | "compare.html" => vec![
            "compare".into(),
            example("interviews/noor-ans.yaml"),
            example("interviews/jeroen-ans.yaml"),
            "--format".into(),
            name.rsplit('.').next().unwrap().into(),
        ],
        _ => vec![
            "team".into(),
            example("team"),
            "--format".into(),
            "html".into(),
        ],
    };
    args
}

/// A template of `--templates`: loading the folder, then rendering its report.
fn check_template(dir: &Path, name: &str, bytes: &[u8]) {
    use clap::Parser;
    let folder = dir.join("templates");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join(format!("{name}.tera"));
    std::fs::write(&file, bytes).unwrap();
    let shown = file.display().to_string();
    if let Err(error) = Templates::load(Some(&folder)) {
        stat("templates-load", false);
        let message = error.to_string();
        assert!(message.contains(&shown), "{shown} not named: {message}");
        return;
    }
    let mut args = vec!["vakwijzer".to_string(), "--templates".into()];
    args.push(folder.display().to_string());
    args.extend(template_command(name));
    let cli = vakwijzer::cli::Cli::try_parse_from(&args).unwrap();
    let context = vakwijzer::commands::Context::new(None, Some(folder.clone()));
    let mut output = Vec::new();
    let rendered = vakwijzer::commands::execute(&context, cli.command, &mut output);
    stat("templates-render", rendered.is_ok());
    if let Err(error) = rendered {
        let message = error.to_string();
        assert!(message.contains(&shown), "{shown} not named: {message}");
    }
}

// ---------------------------------------------------------------------------------------------
// The properties

fn per_thread_dir() -> PathBuf {
    thread_local! {
        static DIR: tempfile::TempDir = scratch();
    }
    DIR.with(|dir| dir.path().to_path_buf())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn data_files_are_read_or_refused_by_file_and_line(
        (name, bytes) in input(data_seeds),
        with_bundled in prop::bool::weighted(0.25),
    ) {
        setup();
        bounded(move || check_data(&name, &bytes, with_bundled));
        assert_memory_bounded();
    }

    #[test]
    fn scan_results_are_read_or_refused_by_file_and_line((_name, bytes) in input(scan_seeds)) {
        setup();
        let dir = per_thread_dir();
        bounded(move || check_scan_file(&dir, &bytes));
        assert_memory_bounded();
    }

    #[test]
    fn interview_results_are_read_or_refused_by_file_and_line(
        (_name, bytes) in input(interview_seeds),
    ) {
        setup();
        let dir = per_thread_dir();
        bounded(move || check_interview_file(&dir, &bytes));
        assert_memory_bounded();
    }

    #[test]
    fn answers_files_are_used_or_refused_by_file_and_line(
        (_name, bytes) in input(answers_seeds),
    ) {
        setup();
        let dir = per_thread_dir();
        bounded(move || check_answers_file(&dir, &bytes));
        assert_memory_bounded();
    }

    #[test]
    fn piped_answers_are_used_or_refused_by_line(
        (name, bytes) in input(line_seeds),
        asks in prop::collection::vec(ask(), 1..40),
    ) {
        setup();
        let dir = per_thread_dir();
        bounded(move || {
            check_line_prompts(&bytes, &asks);
            if name == "interview.txt" {
                check_piped_interview(&dir, &bytes);
            } else {
                check_piped_scan(&dir, &bytes);
            }
        });
        assert_memory_bounded();
    }

    #[test]
    fn templates_are_used_or_refused_by_file((seed, bytes) in input(template_seeds)) {
        setup();
        let dir = per_thread_dir();
        // Random input replaces a template chosen by its length.
        let name = match seed.strip_suffix(".tera") {
            Some(name) => name.to_string(),
            None => {
                let seeds = template_seeds();
                let (file, _) = &seeds[bytes.len() % seeds.len()];
                file.strip_suffix(".tera").unwrap().to_string()
            }
        };
        bounded(move || check_template(&dir, &name, &bytes));
        assert_memory_bounded();
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus: interesting inputs kept, replayed on every run

/// Replays `tests/fuzz_corpus/<reader>/*`: data, scan, interview, answers, lines (a scan's
/// piped answers), interview-lines, and templates (`NAME.tera`, replacing that template).
#[test]
fn the_corpus_is_handled() {
    setup();
    let corpus = Path::new(ROOT).join("tests/fuzz_corpus");
    let dir = scratch();
    let mut replayed = 0;
    for reader in [
        "data",
        "scan",
        "interview",
        "answers",
        "lines",
        "interview-lines",
        "templates",
    ] {
        let Ok(entries) = std::fs::read_dir(corpus.join(reader)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let path = dir.path().to_path_buf();
            let reader = reader.to_string();
            bounded(move || match reader.as_str() {
                "data" => {
                    check_data(&name, &bytes, false);
                    check_data(&name, &bytes, true);
                }
                "scan" => check_scan_file(&path, &bytes),
                "interview" => check_interview_file(&path, &bytes),
                "answers" => check_answers_file(&path, &bytes),
                "lines" => check_piped_scan(&path, &bytes),
                "interview-lines" => check_piped_interview(&path, &bytes),
                _ => {
                    // `<case>--NAME.tera`: the part after `--` names the template replaced.
                    let template = name.rsplit("--").next().unwrap();
                    check_template(&path, template.strip_suffix(".tera").unwrap(), &bytes);
                }
            });
            replayed += 1;
        }
    }
    assert!(replayed > 0, "the corpus is empty");
    assert_memory_bounded();
}

// ---------------------------------------------------------------------------------------------
// Hostile inputs, each refused with a message that names the file

/// A sparse file of `size` bytes, made at once.
fn sparse(path: &Path, size: u64) {
    std::fs::File::create(path).unwrap().set_len(size).unwrap();
}

const HUNDRED_MB: u64 = 100 * 1024 * 1024;

/// Asserts `message` names `path` and says `limit`.
fn assert_refused(message: &str, path: &Path, limit: &str) {
    let shown = path.display().to_string();
    assert!(message.contains(&shown), "{shown} not named: {message}");
    assert!(message.contains(limit), "limit {limit} not said: {message}");
}

#[test]
fn a_100_mb_data_file_is_refused_by_its_size_before_it_is_read() {
    setup();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    sparse(&path, HUNDRED_MB);
    let error = read_files(&path).unwrap_err().to_string();
    assert_refused(&error, &path, "4194304");
    assert!(error.contains("104857600"), "{error}");
    // In a folder of `--data` too.
    let error = Library::load(Some(dir.path())).unwrap_err().to_string();
    assert_refused(&error, &path, "4194304");
}

#[test]
fn a_100_mb_result_file_is_refused_by_its_size_before_it_is_read() {
    setup();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    sparse(&path, HUNDRED_MB);
    let error = load_scan(&path, library()).unwrap_err().to_string();
    assert_refused(&error, &path, "1048576");
    let error = interview::load(&path, library()).unwrap_err().to_string();
    assert_refused(&error, &path, "1048576");
}

#[test]
fn a_100_mb_answers_file_is_refused_by_its_size() {
    setup();
    let dir = scratch();
    let path = dir.path().join("answers.yaml");
    sparse(&path, HUNDRED_MB);
    let error = run_scan_with_answers(dir.path(), &path).unwrap_err();
    assert_refused(&error, &path, "1048576");
}

#[test]
fn a_100_mb_template_is_refused_by_its_size() {
    setup();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guide.md.tera");
    sparse(&path, HUNDRED_MB);
    let error = Templates::load(Some(dir.path())).err().unwrap().to_string();
    assert_refused(&error, &path, "524288");
}

fn run_scan_with_answers(dir: &Path, answers: &Path) -> Result<(), String> {
    use clap::Parser;
    let out = dir.join("out.yaml");
    let cli = vakwijzer::cli::Cli::try_parse_from([
        "vakwijzer".as_ref(),
        "scan".as_ref(),
        "eindhoven".as_ref(),
        "--name".as_ref(),
        "X".as_ref(),
        "--answers".as_ref(),
        answers.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ])
    .unwrap();
    let context = vakwijzer::commands::Context::new(None, None);
    vakwijzer::commands::execute(&context, cli.command, &mut Vec::new()).map_err(|e| e.to_string())
}

/// A file without an end (a device) or without a writer (a named pipe) is refused without
/// being read: before the fix `report /dev/zero` and `scan --answers /dev/zero` filled the
/// memory, and a named pipe waited for a writer forever.
#[cfg(unix)]
#[test]
fn a_device_or_a_named_pipe_is_refused_without_being_read() {
    setup();
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        return;
    }
    let not_a_file = "not a regular file";
    let error = load_scan(zero, library()).unwrap_err().to_string();
    assert_refused(&error, zero, not_a_file);
    let error = interview::load(zero, library()).unwrap_err().to_string();
    assert_refused(&error, zero, not_a_file);
    let dir = scratch();
    let error = run_scan_with_answers(dir.path(), zero).unwrap_err();
    assert_refused(&error, zero, not_a_file);
    let error = vakwijzer::input::read_limited(zero, 4096)
        .unwrap_err()
        .to_string();
    assert_refused(&error, zero, not_a_file);
    // In a folder, a device (or a link to one) and a named pipe are passed by: opening a pipe
    // would wait for a writer forever.
    let data = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(zero, data.path().join("zero.yaml")).unwrap();
    assert!(Library::load(Some(data.path())).is_ok());
    let templates = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(zero, templates.path().join("guide.md.tera")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(templates.path().join("personal.md.tera"))
        .status();
    if made.is_ok_and(|s| s.success()) {
        std::fs::remove_file(templates.path().join("guide.md.tera")).unwrap();
        assert!(bounded({
            let dir = templates.path().to_path_buf();
            move || Templates::load(Some(&dir)).is_ok()
        }));
    }
    // A named pipe no one writes to, named as a file.
    let fifo = dir.path().join("answers.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let error = bounded({
            let fifo = fifo.clone();
            move || vakwijzer::result::read_text(&fifo).unwrap_err().to_string()
        });
        assert_refused(&error, &fifo, not_a_file);
    }
    assert!(peak_memory_mb() < MEMORY_MB);
}

/// Nested `[`, `{a: `, block mappings and lists, in each reader of YAML.
fn deep_documents() -> Vec<(&'static str, String)> {
    let flow_maps = format!("kind: framework\nid: x\nname: {}", "{a: ".repeat(100_000));
    let closed = format!(
        "kind: framework\nnotes: [{}x{}]\n",
        "{\"\": [".repeat(20_000),
        "]}".repeat(20_000)
    );
    let quoted_closers = format!("kind: scan\nx: {}\n", "{a: ']]]]]]]]', b: ".repeat(30_000));
    let lists = format!("kind: framework\nnotes:\n{}x\n", "- ".repeat(100_000));
    let mut block = String::from("kind: framework\nnotes:\n");
    for depth in 1..2_000 {
        block.push_str(&" ".repeat(depth));
        block.push_str("a:\n");
    }
    vec![
        ("brackets", "[".repeat(100_000)),
        ("flow maps", flow_maps),
        ("closed", closed),
        ("quoted closers", quoted_closers),
        ("lists", lists),
        ("block maps", block),
    ]
}

#[test]
fn deeply_nested_yaml_is_refused_naming_the_file() {
    setup();
    let dir = scratch();
    for (what, text) in deep_documents() {
        let file = SourceFile {
            name: "org/deep.yaml".into(),
            text: text.clone().into(),
        };
        let (_, problems) = load_layers(&[vec![file]]);
        assert!(!problems.is_empty(), "{what}");
        assert!(problems.iter().all(|p| p.file == "org/deep.yaml"), "{what}");
        let path = dir.path().join("deep.yaml");
        std::fs::write(&path, &text).unwrap();
        let shown = path.display().to_string();
        let scan = load_scan(&path, library()).unwrap_err().to_string();
        assert!(scan.contains(&shown), "{what}: {scan}");
        let interview = interview::load(&path, library()).unwrap_err().to_string();
        assert!(interview.contains(&shown), "{what}: {interview}");
        let answers = run_scan_with_answers(dir.path(), &path).unwrap_err();
        assert!(answers.contains(&shown), "{what}: {answers}");
    }
}

#[test]
fn the_nesting_limit_is_said_and_placed() {
    setup();
    let text = format!("kind: framework\nid: x\nname: {}", "{a: ".repeat(100_000));
    let file = SourceFile {
        name: "org/deep.yaml".into(),
        text: text.into(),
    };
    let (_, problems) = load_layers(&[vec![file]]);
    let message = problems[0].to_string();
    assert!(message.starts_with("org/deep.yaml:3:"), "{message}");
    assert!(message.contains("nested more than 256 deep"), "{message}");
}

/// What the nesting check must not refuse: every bundled and example file, nesting up to
/// serde_yaml's own limit, brackets in texts, comments and block scalars.
#[test]
fn ordinary_brackets_are_not_taken_for_nesting() {
    setup();
    let mut texts: Vec<String> = [data_seeds(), scan_seeds(), interview_seeds()]
        .iter()
        .flat_map(|seeds| seeds.iter().map(|(_, bytes)| text(bytes)))
        .collect();
    texts.push(format!("a: {}x{}\n", "[".repeat(120), "]".repeat(120)));
    texts.push(format!("a: \"{}\"\n", "[".repeat(200)));
    texts.push(format!("a: '{}'\n", "{".repeat(200)));
    texts.push(format!("# {}\na: 1\n", "[".repeat(200)));
    texts.push(format!(
        "a: |\n  {}\n  {}\nb: 2\n",
        "[".repeat(100),
        "{".repeat(100)
    ));
    texts.push(format!("a: zie {} en meer\n", "[".repeat(200)));
    // Many texts, each with a bracket that is not closed (900 in all).
    texts.push("- \"zie [1\"\n- 'a {'\n- b [c\n".repeat(300));
    for text in texts {
        let checked = vakwijzer::input::check_yaml_text("x.yaml", &text);
        assert!(checked.is_ok(), "{checked:?} for {text:.200}");
    }
}

/// The "billion laughs": aliases that would expand to 9^9 strings.
fn alias_bomb(kind: &str, field: &str) -> String {
    let mut text = format!("kind: {kind}\n");
    text.push_str(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        text.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{previous}"); 9].join(",")
        ));
    }
    text.push_str(&format!("{field}: *i\n"));
    text
}

#[test]
fn alias_bombs_are_refused_naming_the_file() {
    setup();
    let dir = scratch();
    for (kind, field) in [
        ("framework", "kind"),
        ("scan", "notes"),
        ("interview", "kind"),
    ] {
        let text = alias_bomb(kind, field);
        let file = SourceFile {
            name: "org/bomb.yaml".into(),
            text: text.clone().into(),
        };
        let (_, problems) = load_layers(&[vec![file]]);
        assert!(problems.iter().all(|p| p.file == "org/bomb.yaml"));
        assert!(!problems.is_empty());
        let path = dir.path().join("bomb.yaml");
        std::fs::write(&path, &text).unwrap();
        let shown = path.display().to_string();
        for error in [
            load_scan(&path, library()).unwrap_err().to_string(),
            interview::load(&path, library()).unwrap_err().to_string(),
            run_scan_with_answers(dir.path(), &path).unwrap_err(),
        ] {
            assert!(error.contains(&shown), "{error}");
        }
    }
    assert_memory_bounded();
}

#[test]
fn invalid_utf8_is_refused_at_its_line() {
    setup();
    let dir = scratch();
    let path = dir.path().join("latin1.yaml");
    std::fs::write(&path, b"kind: scan\nschema: 1\nname: Ren\xe9\n").unwrap();
    let shown = path.display().to_string();
    for error in [
        load_scan(&path, library()).unwrap_err().to_string(),
        interview::load(&path, library()).unwrap_err().to_string(),
        read_files(&path).unwrap_err().to_string(),
        run_scan_with_answers(dir.path(), &path).unwrap_err(),
    ] {
        assert!(error.contains(&format!("{shown}:3:10:")), "{error}");
        assert!(error.contains("not UTF-8"), "{error}");
    }
}

#[test]
fn nul_bytes_are_refused_at_their_line() {
    setup();
    let dir = scratch();
    let path = dir.path().join("nul.yaml");
    std::fs::write(&path, b"kind: scan\nschema: 1\nname: a\0b\n").unwrap();
    let shown = path.display().to_string();
    for error in [
        load_scan(&path, library()).unwrap_err().to_string(),
        interview::load(&path, library()).unwrap_err().to_string(),
        Library::load(Some(&path)).unwrap_err().to_string(),
        run_scan_with_answers(dir.path(), &path).unwrap_err(),
    ] {
        assert!(error.contains(&format!("{shown}:3:8:")), "{error}");
        assert!(error.contains("U+0000"), "{error}");
    }
}

#[test]
fn very_long_lines_are_read_or_refused() {
    setup();
    let dir = scratch();
    // A 3.9 MB name in a framework is read; a 1 MB answer is too large for an answers file.
    let framework = format!(
        "kind: framework\nid: lang\nname: \"{}\"\nsource: x\nscales: {{self_scan: frequentie, interview: beoordeling}}\ncompetencies: []\n",
        "x".repeat(3_900_000)
    );
    let file = SourceFile {
        name: "org/lang.yaml".into(),
        text: framework.into(),
    };
    let (_, problems) = load_layers(&[bundled_files(), vec![file]]);
    assert!(
        problems.iter().all(|p| p.file == "org/lang.yaml"),
        "{problems:?}"
    );
    let path = dir.path().join("long.yaml");
    std::fs::write(&path, format!("coachen.i1: {}\n", "4".repeat(1_000_000))).unwrap();
    let error = run_scan_with_answers(dir.path(), &path).unwrap_err();
    assert!(error.contains(&path.display().to_string()), "{error}");
    std::fs::write(
        &path,
        format!("kind: scan\nname: {}\n", "é".repeat(400_000)),
    )
    .unwrap();
    let error = load_scan(&path, library()).unwrap_err().to_string();
    assert!(error.contains(&path.display().to_string()), "{error}");
}

/// A piped line without an end is read no further than the longest line allowed.
#[test]
fn an_endless_piped_line_is_refused_at_its_line() {
    setup();
    struct Counted<R>(R, u64);
    impl<R: Read> Read for Counted<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.read(buf)?;
            self.1 += n as u64;
            Ok(n)
        }
    }
    let endless = Counted(
        std::io::Read::chain(&b"4\n3\n"[..], std::io::repeat(b'x')),
        0,
    );
    let mut reader = std::io::BufReader::new(endless);
    let framework = library().framework("eindhoven").unwrap();
    let scale = library().scale(&framework.scales.self_scan).unwrap();
    let dir = scratch();
    let result = ScanResult::new(framework, "X", Vec::new());
    let file = new_result_file(&dir.path().join("scan.yaml"), &result);
    let mut session = ScanSession::new(framework, scale, result, file);
    let mut prompter = LinePrompter::new(&mut reader, "stdin");
    let error = engine::run(&mut session, &mut prompter)
        .unwrap_err()
        .to_string();
    assert!(error.contains("stdin:3:1:"), "{error}");
    assert!(error.contains("16384"), "{error}");
    drop(prompter);
    let taken = reader.into_inner().1;
    assert!(taken < 64 * 1024, "{taken} bytes taken");
}

#[test]
fn piped_bytes_that_are_not_utf8_are_refused_at_their_line() {
    setup();
    let framework = library().framework("eindhoven").unwrap();
    let scale = library().scale(&framework.scales.self_scan).unwrap();
    let dir = scratch();
    let result = ScanResult::new(framework, "X", Vec::new());
    let file = new_result_file(&dir.path().join("scan.yaml"), &result);
    let mut session = ScanSession::new(framework, scale, result, file);
    let input: &[u8] = b"4\n# comment\n3\nnotitie: caf\xe9\n";
    let mut prompter = LinePrompter::new(input, "stdin");
    let error = engine::run(&mut session, &mut prompter)
        .unwrap_err()
        .to_string();
    assert!(error.contains("stdin:4:13:"), "{error}");
    assert!(error.contains("not UTF-8"), "{error}");
}

#[test]
fn a_template_that_includes_itself_is_refused_naming_it() {
    setup();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("guide.md.tera"),
        "{% include \"guide.md\" %}",
    )
    .unwrap();
    let error = Templates::load(Some(dir.path())).err().unwrap().to_string();
    let shown = dir.path().join("guide.md.tera").display().to_string();
    assert!(error.contains(&shown), "{error}");
    assert!(error.contains("Circular include"), "{error}");
    // Through two templates, the second one after the first by name.
    std::fs::write(dir.path().join("guide.md.tera"), "{% include \"x.md\" %}").unwrap();
    std::fs::write(dir.path().join("x.md.tera"), "{% include \"guide.md\" %}").unwrap();
    let error = Templates::load(Some(dir.path())).err().unwrap().to_string();
    assert!(error.contains("Circular include"), "{error}");
    assert!(error.contains(&dir.path().display().to_string()), "{error}");
    // An include of a template that comes later by name is no error.
    std::fs::write(dir.path().join("x.md.tera"), "x").unwrap();
    let templates = Templates::load(Some(dir.path())).unwrap();
    let guide = templates
        .render("guide.md", &serde_json::json!({}))
        .unwrap();
    assert_eq!(guide, "x");
}

#[test]
fn a_template_that_writes_without_end_is_stopped() {
    setup();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("guide.md.tera");
    std::fs::write(&file, "{% for i in range(end=1000000000) %}x{% endfor %}").unwrap();
    let templates = Templates::load(Some(dir.path())).unwrap();
    let error = templates
        .render("guide.md", &serde_json::json!({}))
        .unwrap_err()
        .to_string();
    assert!(error.contains(&file.display().to_string()), "{error}");
    assert!(error.contains("100000"), "tera's range limit: {error}");
    let loops = "{% for i in range(end=100000) %}{% for j in range(end=100000) %}\
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\
        {% endfor %}{% endfor %}";
    std::fs::write(&file, loops).unwrap();
    let templates = Templates::load(Some(dir.path())).unwrap();
    let error = templates
        .render("guide.md", &serde_json::json!({}))
        .unwrap_err()
        .to_string();
    assert!(error.contains(&file.display().to_string()), "{error}");
    assert!(error.contains("larger than 67108864 bytes"), "{error}");
}

// ---------------------------------------------------------------------------------------------
// Regressions: crashes and hangs found, each with its smallest input

/// Before: a 4 MB framework with 80,000 competencies took over five minutes to validate
/// (every id was looked up line by line in the file). Every invalid id is placed; that the time
/// grows in a line is measured by `cargo bench --bench hostile`.
#[test]
fn a_framework_with_many_competencies_places_every_invalid_id() {
    setup();
    let mut text = String::from(
        "kind: framework\nid: groot\nname: G\nsource: x\nclusters:\n  - id: c\n    name: C\ncompetencies:\n",
    );
    for i in 0..20_000 {
        // Every other id is invalid, so that each is placed in the file.
        let id = if i % 2 == 0 {
            format!("k{i}")
        } else {
            format!("K{i}")
        };
        text.push_str(&format!("  - id: {id}\n    name: N\n    cluster: c\n"));
    }
    let file = SourceFile {
        name: "org/groot.yaml".into(),
        text: text.into(),
    };
    let (_, problems) = load_layers(&[bundled_files(), vec![file]]);
    assert!(problems.len() >= 10_000);
    assert_eq!(
        problems[0].to_string().lines().next(),
        Some("org/groot.yaml:12:9: invalid id 'K1'")
    );
}

/// Before: 40,000 links or methods with unknown references were compared with every other one
/// (quadratic merging and reference checks). Each is reported; that the time grows in a line
/// is measured by `cargo bench --bench hostile`.
#[test]
fn many_links_and_methods_with_unknown_references_are_each_reported() {
    setup();
    let mut links = String::from("kind: links\nlinks:\n");
    let mut methods = String::from("kind: methods\ncategories:\n");
    for i in 0..10_000 {
        links.push_str(&format!(
            "  - framework: eindhoven\n    competency: c{i}\n    status: proposal\n    rationale: x\n    methods: [m{i}]\n"
        ));
        methods.push_str(&format!("  - id: cat{i}\n    name: C\n    source: S\n"));
    }
    methods.push_str("methods:\n");
    for i in 0..10_000 {
        methods.push_str(&format!("  - id: m{i}\n    name: M\n    category: zz{i}\n"));
    }
    let layer = vec![
        SourceFile {
            name: "org/links.yaml".into(),
            text: links.into(),
        },
        SourceFile {
            name: "org/methods.yaml".into(),
            text: methods.into(),
        },
    ];
    let (_, problems) = load_layers(&[bundled_files(), layer]);
    assert!(problems.len() >= 20_000);
}

/// Before: 40,000 levels of `{a: ` (160 KB) kept the YAML scanner busy for 5 s, 4 MB of it for
/// about an hour.
#[test]
fn nested_flow_maps_are_refused_before_parsing() {
    setup();
    let text = format!("kind: scan\nname: {}", "{a: ".repeat(40_000));
    let error = parse_scan(Path::new("deep.yaml"), &text)
        .unwrap_err()
        .to_string();
    assert!(error.contains("deep.yaml:2:"), "{error}");
}

/// Before: an answers file with a key that is not text (`1: 4`) was passed over in silence.
#[test]
fn an_answers_key_that_is_not_text_is_refused() {
    setup();
    let dir = scratch();
    let path = dir.path().join("answers.yaml");
    std::fs::write(&path, "aanpassingsvermogen.i1: 4\n1: 4\n").unwrap();
    let error = run_scan_with_answers(dir.path(), &path).unwrap_err();
    assert!(
        error.contains(&format!("{}:2:1:", path.display())),
        "{error}"
    );
}

/// Before: a template including one that came after it by name failed with "unknown template".
#[test]
fn a_template_may_include_one_after_it() {
    setup();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("guide.md.tera"),
        "[{% include \"zz.md\" %}]",
    )
    .unwrap();
    std::fs::write(dir.path().join("zz.md.tera"), "binnen").unwrap();
    let templates = Templates::load(Some(dir.path())).unwrap();
    let guide = templates
        .render("guide.md", &serde_json::json!({}))
        .unwrap();
    assert_eq!(guide, "[binnen]");
}

/// Before: libyaml counts NEL (U+0085), LS and PS as line ends, so an error after them was
/// placed on a line past the end of the file (line 289 of a 51-line file, found by fuzzing).
#[test]
fn a_yaml_error_after_a_nel_is_placed_on_the_line_an_editor_shows() {
    setup();
    let text = "kind: scan\nname: a\u{85}\u{85}\u{85}\u{2028}b\nx: [\n";
    let error = parse_scan(Path::new("nel.yaml"), text)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("nel.yaml:3:1:"), "{error}");
    let file = SourceFile {
        name: "org/nel.yaml".into(),
        text: "kind: \u{85}\u{85}\u{85}\u{85}scales\n\nscales:\n  - x: [\n".into(),
    };
    let (_, problems) = load_layers(&[vec![file]]);
    assert!(problems[0].line <= 5, "{}", problems[0]);
}

// ---------------------------------------------------------------------------------------------
// A handful through the binary, as a person would meet them

/// The binary in `dir`, in English, stopped if it hangs.
fn binary(dir: &Path) -> assert_cmd::Command {
    let mut command = common::vakwijzer(dir);
    command.env("VAKWIJZER_LANG", "en").timeout(HANG);
    command
}

fn stderr_of(output: &std::process::Output) -> String {
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_binary_refuses_hostile_files_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    sparse(&dir.path().join("huge.yaml"), HUNDRED_MB);
    let deep = format!("kind: framework\nid: x\nname: {}", "{a: ".repeat(100_000));
    std::fs::write(dir.path().join("deep.yaml"), deep).unwrap();
    let output = binary(dir.path())
        .args(["validate", "huge.yaml"])
        .output()
        .unwrap();
    let error = stderr_of(&output);
    assert!(
        error.contains("huge.yaml:1:1: file is too large (104857600 bytes, at most 4194304)"),
        "{error}"
    );
    let output = binary(dir.path())
        .args(["report", "huge.yaml"])
        .output()
        .unwrap();
    assert!(
        stderr_of(&output)
            .contains("huge.yaml:1:1: file is too large (104857600 bytes, at most 1048576)")
    );
    let output = binary(dir.path())
        .args(["validate", "deep.yaml"])
        .output()
        .unwrap();
    let error = stderr_of(&output);
    assert!(
        error.contains("deep.yaml:3:") && error.contains("nested more than 256"),
        "{error}"
    );
    if Path::new("/dev/zero").exists() {
        let output = binary(dir.path())
            .args([
                "scan",
                "eindhoven",
                "--name",
                "X",
                "--answers",
                "/dev/zero",
                "--out",
                "o.yaml",
            ])
            .output()
            .unwrap();
        assert!(stderr_of(&output).contains("/dev/zero is not a regular file"));
        assert!(!dir.path().join("o.yaml").exists());
    }
}

#[test]
fn the_binary_refuses_bad_piped_answers_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let output = binary(dir.path())
        .args(["scan", "eindhoven", "--name", "X", "--out", "o.yaml"])
        .write_stdin(&b"4\n3\n\xff\xfe\n"[..])
        .output()
        .unwrap();
    let error = stderr_of(&output);
    assert!(
        error.contains("stdin:3:1: file is not UTF-8 text"),
        "{error}"
    );
    // What was answered before stays saved.
    let saved = std::fs::read_to_string(dir.path().join("o.yaml")).unwrap();
    assert!(saved.contains("aanpassingsvermogen.i2: 3"), "{saved}");
    let output = binary(dir.path())
        .args(["scan", "eindhoven", "--name", "X", "--out", "p.yaml"])
        .write_stdin(vec![b'x'; 1 << 20])
        .output()
        .unwrap();
    let error = stderr_of(&output);
    assert!(
        error.contains("stdin:1:1: file is too large (16385 bytes, at most 16384)"),
        "{error}"
    );
}

#[test]
fn the_binary_refuses_a_template_that_includes_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(
        dir.path().join("tpl/guide.md.tera"),
        "{% include \"guide.md\" %}",
    )
    .unwrap();
    let output = binary(dir.path())
        .args(["--templates", "tpl", "guide", "eindhoven", "--format", "md"])
        .output()
        .unwrap();
    let error = stderr_of(&output);
    assert!(
        error.contains("template 'guide.md': tpl/guide.md.tera: Circular include"),
        "{error}"
    );
}
