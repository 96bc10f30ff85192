//! Nothing a user or an organisation wrote runs as code where vakwijzer's output goes: every CSV
//! output is read back with a CSV reader and no cell is one a spreadsheet would evaluate; every
//! Markdown output is parsed as CommonMark and holds no raw HTML, no link or image, and tables
//! whose rows all have the header's number of cells; and nothing reaches the terminal with a
//! control character or bidi override in it.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use common::{ok, run};

// ---------------------------------------------------------------------------------------------
// Hostile texts, in an organisation's framework and in what people typed

/// Cells Excel and LibreOffice evaluate (OWASP's CSV injection examples).
const FORMULAS: [&str; 5] = [
    "=HYPERLINK(\"http://x.example\",\"klik\")",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "=1+1",
];

/// Markdown that would break a table or become HTML or a link.
const MARKDOWN: [&str; 8] = [
    "Ab | cd",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "![beeld](http://x.example/p.png)",
    "<http://x.example>",
    "# kop",
    "*nadruk* `code` ~~weg~~ \\| _x_",
];

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// A framework whose every text is hostile: competency names are formulas and Markdown.
fn hostile_framework() -> String {
    format!(
        "kind: framework
id: kwaad
name: {name}
source: {source}
notes:
  - {note}
references:
  - id: ref
    text: {reference}
competencies:
  - id: een
    name: {een}
    definition: {definition}
    drivers:
      - name: {driver}
    remarks:
      - {remark}
    indicators:
      - id: een.i1
        text: {i1}
        reference: ref
      - id: een.i2
        text: {i2}
    questions:
      - id: een.q1
        text: {q1}
  - id: twee
    name: {twee}
    indicators:
      - id: twee.i1
        text: {i3}
    questions:
      - id: twee.q1
        text: {q2}
",
        name = quoted(&format!("{} {}", FORMULAS[0], MARKDOWN[0])),
        source = quoted(MARKDOWN[3]),
        note = quoted(MARKDOWN[1]),
        reference = quoted(MARKDOWN[4]),
        een = quoted(&format!("{} | {}", FORMULAS[1], MARKDOWN[1])),
        definition = quoted(MARKDOWN[2]),
        driver = quoted(MARKDOWN[0]),
        remark = quoted(MARKDOWN[6]),
        i1 = quoted(MARKDOWN[7]),
        i2 = quoted(MARKDOWN[5]),
        q1 = quoted(MARKDOWN[3]),
        twee = quoted(FORMULAS[2]),
        i3 = quoted("- lijst"),
        q2 = quoted("1. genummerd"),
    )
}

/// A folder with the hostile framework, five scans (the first two of one person, a report with
/// progress) and a panel of interviews, every name, team, role, note and motivation hostile.
fn hostile_results(d: &Path) {
    std::fs::create_dir(d.join("org")).unwrap();
    std::fs::write(d.join("org/kwaad.yaml"), hostile_framework()).unwrap();
    ok(d, &["validate", "org"], "");
    for n in 0..5 {
        std::fs::write(
            d.join(format!("answers-{n}.yaml")),
            format!(
                "een.i1: {}\neen.i2: 4\ntwee.i1: 2\nnotes:\n  een: {}\n  twee: {}\n",
                3 + n % 2,
                quoted(&format!("{} {}", MARKDOWN[n % 8], FORMULAS[n])),
                quoted(&format!(
                    "{}\nregel twee {}",
                    MARKDOWN[(n + 3) % 8],
                    MARKDOWN[0]
                ))
            ),
        )
        .unwrap();
        let name = if n < 2 {
            FORMULAS[0].to_string()
        } else {
            format!("{} {}", FORMULAS[n], MARKDOWN[n])
        };
        let team = format!("{} {}", FORMULAS[3], MARKDOWN[0]);
        let role = format!("{} {}", FORMULAS[1], MARKDOWN[3]);
        // `--option=VALUE`, since a value may start with `-`.
        ok(
            d,
            &[
                "--data",
                "org",
                "scan",
                "kwaad",
                &format!("--name={name}"),
                &format!("--team={team}"),
                &format!("--role={role}"),
                &format!("--answers=answers-{n}.yaml"),
                &format!("--out=scan-{n}.yaml"),
            ],
            "",
        );
    }
    for (n, (candidate, interviewer)) in [
        (FORMULAS[0], MARKDOWN[0]),
        (FORMULAS[0], FORMULAS[1]),
        (MARKDOWN[3], FORMULAS[3]),
    ]
    .into_iter()
    .enumerate()
    {
        // Per competency: questions, a note, indicators, a rating; the advice, a motivation.
        let lines = format!(
            "1\n{} {}\n1 2\n4\n1\nnoot {}\n1\n3\nwel\n{} {}\n",
            FORMULAS[n],
            MARKDOWN[n + 1],
            MARKDOWN[n + 4],
            FORMULAS[n + 2],
            MARKDOWN[0]
        );
        let out = format!("i{n}.yaml");
        ok(
            d,
            &[
                "--data",
                "org",
                "interview",
                "kwaad",
                &format!("--candidate={candidate}"),
                &format!("--interviewer={interviewer}"),
                &format!("--out={out}"),
            ],
            &lines,
        );
    }
}

/// Every report of the hostile folder: (what, arguments without --format).
fn reports() -> Vec<(&'static str, Vec<&'static str>)> {
    let team = vec![
        "team",
        "scan-1.yaml",
        "scan-2.yaml",
        "scan-3.yaml",
        "scan-4.yaml",
        "--min-group",
        "3",
    ];
    vec![
        ("personal report", vec!["report", "scan-0.yaml"]),
        (
            "personal report with progress",
            vec!["report", "scan-0.yaml", "scan-1.yaml"],
        ),
        ("scorecard", vec!["report", "i0.yaml", "i1.yaml"]),
        (
            "comparison",
            vec!["compare", "i0.yaml", "i1.yaml", "i2.yaml"],
        ),
        ("team report", team.clone()),
        (
            "team report by team",
            [&team[..], &["--by", "team"]].concat(),
        ),
        (
            "team report by role",
            [&team[..], &["--by", "role"]].concat(),
        ),
    ]
}

fn report(d: &Path, args: &[&str], format: &str) -> String {
    let args = [&["--data", "org"], args, &["--format", format]].concat();
    ok(d, &args, "")
}

// ---------------------------------------------------------------------------------------------
// CSV

/// Whether a spreadsheet opening this cell would evaluate it: it starts with `=`, `+`, `-`,
/// `@`, a tab or a CR, and is not just a number.
fn evaluated(cell: &str) -> bool {
    let number = cell
        .replace(',', ".")
        .parse::<f64>()
        .is_ok_and(f64::is_finite);
    cell.trim_start_matches([' ', '\n'])
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !number
}

#[test]
fn no_csv_cell_is_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    hostile_results(d);
    for (what, args) in reports() {
        for lang in ["nl", "en"] {
            let args = [&["--lang", lang], args.as_slice()].concat();
            let csv = report(d, &args, "csv");
            let read = common::Csv::read(&csv, lang);
            let mut cells: Vec<String> = read.columns.clone();
            cells.extend(read.rows.iter().flatten().cloned());
            for cell in &cells {
                assert!(
                    !evaluated(cell),
                    "{what} ({lang}): a spreadsheet evaluates {cell:?}"
                );
            }
            // The texts are there, neutralised rather than dropped; the numbers are numbers.
            let neutralised = cells.iter().filter(|c| c.starts_with("'=")).count();
            if !what.starts_with("team") {
                assert!(
                    neutralised > 0,
                    "{what} ({lang}): no formula shown as text:\n{csv}"
                );
            }
            let decimal = if lang == "nl" { ',' } else { '.' };
            assert!(
                cells
                    .iter()
                    .filter(|c| c.contains(decimal))
                    .any(|c| c.replace(decimal, ".").parse::<f64>().is_ok()),
                "{what} ({lang}): no numbers with decimals:\n{csv}"
            );
        }
    }
    // A team's groups are named by what people typed as their team.
    let csv = report(d, &reports()[5].1, "csv");
    assert!(csv.contains("'-2+3 Ab | cd"), "{csv}");
    assert!(csv.contains("'@SUM"), "{csv}");
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// The number of cells in a source table row: the `|` that are not escaped, less the outer ones.
fn cells_in_row(line: &str) -> usize {
    let mut pipes = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        if c == '|' && backslashes % 2 == 0 {
            pipes += 1;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    pipes - 1
}

/// Parses `markdown` as CommonMark with GitHub's extensions and asserts that it holds no raw
/// HTML, no link or image, and that every row of every table has the header's cells. Gives the
/// text as a reader sees it.
fn assert_inert(markdown: &str, what: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut text = String::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let source = &markdown[range.clone()];
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("{what}: raw HTML {html:?} in {source:?}\n{markdown}")
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                panic!("{what}: a link to {dest_url:?} in {source:?}\n{markdown}")
            }
            Event::Start(Tag::FootnoteDefinition(_)) | Event::FootnoteReference(_) => {
                panic!("{what}: a footnote in {source:?}\n{markdown}")
            }
            Event::Start(Tag::Table(_)) => {
                let rows: Vec<&str> = source
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("|---"))
                    .collect();
                let header = cells_in_row(rows[0]);
                for row in &rows {
                    assert_eq!(
                        cells_in_row(row),
                        header,
                        "{what}: a row of another width than its header:\n{row}\n{markdown}"
                    );
                }
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => text.push(' '),
            Event::End(TagEnd::TableCell) => text.push_str(" ¦ "),
            _ => {}
        }
    }
    text
}

#[test]
fn markdown_outputs_hold_no_html_no_links_and_whole_tables() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    hostile_results(d);
    let mut outputs: Vec<(&str, String)> = reports()
        .into_iter()
        .map(|(what, args)| (what, report(d, &args, "md")))
        .collect();
    outputs.push(("guide", report(d, &["guide", "kwaad"], "md")));
    outputs.push(("show", report(d, &["show", "kwaad"], "md")));
    outputs.push(("show one", report(d, &["show", "kwaad", "een"], "md")));
    outputs.push(("boks", ok(d, &["boks", "--format", "md"], "")));
    for (what, markdown) in &outputs {
        let text = assert_inert(markdown, what);
        // The hostile texts are shown as text, whole, not dropped.
        if *what != "boks" && !what.starts_with("team") {
            for shown in [
                MARKDOWN[0],
                "<script>alert(1)</script>",
                "[klik](javascript:",
            ] {
                assert!(
                    text.contains(shown),
                    "{what} does not show {shown:?}:\n{text}\n{markdown}"
                );
            }
        }
    }
    // A name with `|` stays in its cell: the comparison's candidate column holds it whole.
    let comparison = &outputs[3].1;
    let text = assert_inert(comparison, "comparison");
    assert!(
        text.contains("¦ [klik](javascript:alert(1)) ¦"),
        "{text}\n{comparison}"
    );
    // Team groups come from what people typed.
    let text = assert_inert(&outputs[5].1, "team by team");
    assert!(text.contains("-2+3 Ab | cd"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Terminal

/// A character that a terminal obeys or that reorders the line.
fn harmful(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn assert_clean(output: &Output, what: &str) -> String {
    let all =
        String::from_utf8_lossy(&[&output.stdout[..], &output.stderr[..]].concat()).into_owned();
    assert!(
        !all.chars().any(harmful),
        "{what} writes control characters to the terminal:\n{all:?}"
    );
    all
}

const ESCAPES: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202E}";

/// File names with escape codes and bidi overrides, in skip lists, `forget` and errors; a
/// bidi override in a name from a file, in every table.
#[test]
fn file_names_and_names_reach_the_terminal_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("team")).unwrap();
    std::fs::write(d.join("answers.yaml"), "durf.i1: 3\nnotes:\n  durf: noot\n").unwrap();
    let name = format!("Anna{}", '\u{202E}');
    ok(
        d,
        &[
            "scan",
            "eindhoven",
            "--name",
            "Anna",
            "--answers",
            "answers.yaml",
            "--out",
            "team/scan.yaml",
        ],
        "",
    );
    std::fs::copy(
        d.join("team/scan.yaml"),
        d.join(format!("kopie-{ESCAPES}.yaml")),
    )
    .unwrap();
    // A bidi override in a name is no control character, so a result file may hold it.
    let text = std::fs::read_to_string(d.join("team/scan.yaml"))
        .unwrap()
        .replace("name: Anna", &format!("name: \"{name}\""));
    std::fs::write(d.join("team/scan.yaml"), text).unwrap();
    let hostile = format!("scan-{ESCAPES}.yaml");
    std::fs::write(d.join("team").join(&hostile), "kind: [").unwrap();

    let runs: Vec<(&str, Vec<String>)> = vec![
        (
            "personal table",
            vec!["report".into(), "team/scan.yaml".into()],
        ),
        ("team skip list", vec!["team".into(), "team".into()]),
        (
            "missing file",
            vec!["report".into(), format!("weg-{ESCAPES}.yaml")],
        ),
        (
            "forget, dry run",
            vec![
                "forget".into(),
                ".".into(),
                "--name".into(),
                "Anna".into(),
                "--dry-run".into(),
            ],
        ),
        (
            "forget, nobody",
            vec!["forget".into(), ".".into(), "--name".into(), ESCAPES.into()],
        ),
    ];
    for (what, args) in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let all = assert_clean(&run(d, &args, ""), what);
        if what.starts_with("team") || what.starts_with("missing") {
            assert!(
                all.contains("]0;pwned"),
                "{what} does not name the file:\n{all}"
            );
        }
    }
    let output = run(d, &["forget", ".", "--name", "Anna"], "");
    let all = assert_clean(&output, "forget");
    assert!(all.contains("kopie-"), "{all}");
    assert!(!d.join(format!("kopie-{ESCAPES}.yaml")).exists());
}

// ---------------------------------------------------------------------------------------------
// Messages in the user's language

/// How Rust shows a value to a programmer: never in a message.
const DEBUG_FORMS: &[&str] = &[
    "Bool(",
    "Sequence [",
    "Mapping {",
    "Number(",
    "String(",
    "Null",
    "Some(",
    "None",
    "Tagged",
    "Err(",
    "Ok(",
];

/// Words of serde, serde_yaml, libyaml and the operating system that a Dutch message must not
/// carry.
const ENGLISH: &[&str] = &[
    "invalid type",
    "invalid value",
    "expected",
    "unknown field",
    "unknown variant",
    "missing field",
    "duplicate",
    "out of range",
    "is not a",
    "os error",
    "at path",
    "No such file",
    "Permission denied",
    "No space",
    "did not find",
    "could not find",
    "while parsing",
    "while scanning",
    "not allowed",
    "nested more than",
    "deserializ",
    " found",
    "error:",
    " at line ",
    "column ",
];

fn assert_dutch(stderr: &str, what: &str) {
    for form in DEBUG_FORMS.iter().chain(ENGLISH) {
        assert!(
            !stderr.contains(form),
            "{what}: {form:?} in a Dutch message:\n{stderr}"
        );
    }
}

/// `vakwijzer --lang nl ARGS` in `dir`; its standard error.
fn stderr_nl(dir: &Path, args: &[&str], input: &str) -> String {
    let args = [&["--lang", "nl"], args].concat();
    let output = run(dir, &args, input);
    assert_clean(&output, &format!("{args:?}"));
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every input of the fuzz corpus and every bad fixture, through the commands that read it,
/// under `--lang nl`: no message holds Rust's debug text or English library text. The files
/// are copied as `bestand.yaml`, so that their own names (`missing_field.yaml`) are not taken
/// for English in the message.
#[test]
fn every_error_message_of_the_corpus_is_dutch() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let files = |folder: &str| {
        let mut files: Vec<_> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
    };
    let mut messages = 0;
    let mut check = |folder: &str, commands: &[&[&str]], stdin: bool| {
        for file in files(folder) {
            let dir = tempfile::tempdir().unwrap();
            let d = dir.path();
            let bytes = std::fs::read(&file).unwrap();
            std::fs::write(d.join("bestand.yaml"), &bytes).unwrap();
            let input = if stdin {
                String::from_utf8_lossy(&bytes).into_owned()
            } else {
                String::new()
            };
            for args in commands {
                let stderr = stderr_nl(d, args, &input);
                messages += usize::from(!stderr.is_empty());
                assert_dutch(&stderr, &format!("{} {args:?}", file.display()));
            }
        }
    };
    let data: &[&[&str]] = &[
        &["validate", "bestand.yaml"],
        &["--data", ".", "frameworks"],
    ];
    check("fuzz_corpus/data", data, false);
    check("fixtures/bad", data, false);
    let scan: &[&[&str]] = &[
        &["report", "bestand.yaml"],
        &["scan", "--resume", "bestand.yaml"],
        &["team", "."],
    ];
    check("fuzz_corpus/scan", scan, false);
    let interview: &[&[&str]] = &[
        &["report", "bestand.yaml"],
        &["interview", "--resume", "bestand.yaml"],
    ];
    check("fuzz_corpus/interview", interview, false);
    let answers: &[&[&str]] = &[&[
        "scan",
        "eindhoven",
        "--name",
        "X",
        "--answers",
        "bestand.yaml",
        "--out",
        "o.yaml",
    ]];
    check("fuzz_corpus/answers", answers, false);
    let lines: &[&[&str]] = &[&["scan", "eindhoven", "--name", "X", "--out", "o.yaml"]];
    check("fuzz_corpus/lines", lines, true);
    let interview_lines: &[&[&str]] = &[&[
        "interview",
        "eindhoven",
        "--candidate",
        "A",
        "--interviewer",
        "B",
        "--out",
        "o.yaml",
    ]];
    check("fuzz_corpus/interview-lines", interview_lines, true);
    assert!(messages > 30, "only {messages} runs said anything");
}

/// A scan of the example, as text, for the hand-made cases below.
fn example_scan() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/scans/sanne-2026-11.yaml");
    std::fs::read_to_string(path).unwrap()
}

/// The line (1-based) of the `occurrence`-th line starting with `prefix` after trimming.
fn line_of(text: &str, prefix: &str, occurrence: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(prefix))
        .nth(occurrence)
        .map(|(n, _)| n + 1)
        .unwrap()
}

/// Duplicate keys inside `answers:`, `notes:` and `ratings:` are refused at the second key; an
/// answer for a statement the framework lacks is dropped with a warning at its line; values
/// that are no answer are said in words; a named pipe on the command line is refused and one
/// in a team folder is listed as skipped; all in Dutch.
#[test]
fn careless_files_get_dutch_messages_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let scan = example_scan();
    let first = scan
        .lines()
        .find(|l| l.starts_with("  aanpassingsvermogen.i1:"))
        .unwrap();
    let note = scan.lines().skip_while(|l| *l != "notes:").nth(1).unwrap();
    for (file, text, key) in [
        (
            "dubbel-antwoord.yaml",
            scan.replacen(first, &format!("{first}\n  aanpassingsvermogen.i1: 1"), 1),
            "aanpassingsvermogen.i1:",
        ),
        (
            "dubbele-notitie.yaml",
            scan.replacen(note, &format!("{note}\n{note}"), 1),
            note.trim().split(':').next().unwrap(),
        ),
    ] {
        std::fs::write(d.join(file), &text).unwrap();
        let stderr = stderr_nl(d, &["report", file], "");
        let key = key.trim_end_matches(':');
        let line = line_of(&text, &format!("{key}:"), 1);
        assert!(
            stderr.contains(&format!("{file}:{line}:")) && stderr.contains("twee keer"),
            "{file}: the second {key} (line {line}) is not named:\n{stderr}"
        );
        assert_dutch(&stderr, file);
    }

    // Ratings of one competency twice in an interview.
    let interview = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus/interview/example.yaml"),
    )
    .unwrap();
    let start = interview.find("ratings:\n").unwrap() + "ratings:\n".len();
    let rest = &interview[start..];
    let first_competency: String = rest.lines().next().unwrap().to_string();
    let body: Vec<&str> = rest
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .collect();
    let block = format!("{first_competency}\n{}\n", body.join("\n"));
    let doubled = interview.replacen(&block, &format!("{block}{block}"), 1);
    std::fs::write(d.join("dubbele-beoordeling.yaml"), &doubled).unwrap();
    let stderr = stderr_nl(d, &["report", "dubbele-beoordeling.yaml"], "");
    let line = line_of(&doubled, first_competency.trim(), 1);
    assert!(
        stderr.contains(&format!("dubbele-beoordeling.yaml:{line}:"))
            && stderr.contains("twee keer"),
        "the second {first_competency} (line {line}) is not named:\n{stderr}"
    );

    // An answer for a statement the framework no longer has: dropped, said at its line.
    let dropped = scan.replacen(first, &format!("{first}\n  durf.i99: 3"), 1);
    std::fs::write(d.join("oud.yaml"), &dropped).unwrap();
    let output = run(d, &["--lang", "nl", "report", "oud.yaml"], "");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = line_of(&dropped, "durf.i99:", 0);
    assert!(
        stderr.contains(&format!("oud.yaml:{line}:")) && stderr.contains("durf.i99"),
        "the dropped answer is not placed:\n{stderr}"
    );

    // Answers that are no answer: a list, fields, true, nothing.
    std::fs::write(
        d.join("antwoorden.yaml"),
        "durf.i1: [3]\ndurf.i2: {a: b}\ndurf.i3: true\ncoachen.i1:\n",
    )
    .unwrap();
    let args = [
        "scan",
        "eindhoven",
        "--name",
        "X",
        "--answers",
        "antwoorden.yaml",
        "--out",
        "o.yaml",
    ];
    let stderr = stderr_nl(d, &args, "");
    for said in ["een lijst", "een onderdeel met velden", "true", "niets"] {
        assert!(stderr.contains(said), "{said:?} not said:\n{stderr}");
    }
    assert_dutch(&stderr, "answers that are no answer");

    // A named pipe: refused when named, listed when in a team folder; never waited for.
    std::fs::create_dir(d.join("team")).unwrap();
    std::fs::write(d.join("team/scan.yaml"), &scan).unwrap();
    let made = Command::new("mkfifo")
        .arg(d.join("team/pijp.yaml"))
        .status();
    if made.is_ok_and(|s| s.success()) {
        for args in [
            vec!["report", "team/pijp.yaml"],
            vec!["scan", "--resume", "team/pijp.yaml"],
            vec!["validate", "team/pijp.yaml"],
            vec![
                "scan",
                "eindhoven",
                "--name",
                "X",
                "--answers",
                "team/pijp.yaml",
                "--out",
                "o.yaml",
            ],
        ] {
            let output = run(d, &[&["--lang", "nl"], &args[..]].concat(), "");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(
                stderr.contains("team/pijp.yaml is geen gewoon bestand"),
                "{args:?}: {stderr}"
            );
        }
        let stderr = stderr_nl(d, &["team", "team"], "");
        assert!(
            stderr.contains("team/pijp.yaml: geen gewoon bestand"),
            "the pipe is not listed:\n{stderr}"
        );
    }
}
