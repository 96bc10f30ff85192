//! What every suite that runs the binary shares: the command builder, the example files, a
//! pseudo-terminal driver ([`pty`]) and a seeded random generator ([`rng`]). Each suite says
//! `mod common;` and uses what it needs.
//!
//! Every run of the binary starts from [`clean`]: none of the caller's `VAKWIJZER_*` settings
//! (data, templates, language, ...) and no `COLUMNS` reach it, and the clock is fixed, so a suite
//! gives the same result in anyone's shell. A suite that wants a setting gives it explicitly.
//! The knobs the suites themselves read (`VAKWIJZER_SEED`, `VAKWIJZER_KILLS`,
//! `VAKWIJZER_FUZZ_CASES`, `VAKWIJZER_NO_TMPFS`, ...) are read by the test process and never
//! passed on; `VAKWIJZER_BIN` runs the suites against another build of the binary.

#![allow(dead_code)]

pub mod framework;
#[cfg(unix)]
pub mod pty;
pub mod rng;

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

/// The fixed clock of every run (`VAKWIJZER_NOW`): results are dated 2026-11-23.
pub const NOW: &str = "2026-11-23T10:00:00Z";
/// The date part of [`NOW`], as it appears in default file names.
pub const TODAY: &str = "2026-11-23";
/// The repository root: the bundled data, the examples and the fixtures are below it.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The first line of every result file.
pub const FILE_HEADER: &str =
    "# vakwijzer-resultaat: persoonsgegevens, deel dit bestand alleen met wie het mag zien.\n";

/// The binary under test: `VAKWIJZER_BIN` when set (to show a test fails on another build),
/// else the one cargo built for these tests.
pub fn binary() -> OsString {
    std::env::var_os("VAKWIJZER_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_vakwijzer").into())
}

/// Takes the caller's settings away from `command` and fixes the clock: every `VAKWIJZER_*`
/// variable of this process and `COLUMNS` are removed, `VAKWIJZER_NOW` is [`NOW`]. For a
/// command that runs the binary through another program (`sh -c`, `unshare`, ...).
pub fn clean(command: &mut std::process::Command) -> &mut std::process::Command {
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("VAKWIJZER_") {
            command.env_remove(&key);
        }
    }
    command.env_remove("COLUMNS").env("VAKWIJZER_NOW", NOW)
}

/// `vakwijzer` run in `dir`, clean (see [`clean`]), as a plain `std::process::Command`.
pub fn command(dir: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(binary());
    clean(&mut command).current_dir(dir);
    command
}

/// `vakwijzer` run in `dir`, clean (see [`clean`]), with assert_cmd's `write_stdin` and
/// `assert()`.
pub fn vakwijzer(dir: &Path) -> assert_cmd::Command {
    assert_cmd::Command::from_std(command(dir))
}

/// `vakwijzer` run from the repository root, so that `data/examples/...` and `tests/fixtures/...`
/// are found as written.
pub fn at_root() -> assert_cmd::Command {
    vakwijzer(Path::new(ROOT))
}

/// Runs `command` with `input` on standard input and gives what it did. A program that stops
/// reading early (it refused the first line) is no error here.
pub fn run_with_input(command: &mut std::process::Command, input: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts the command");
    let mut stdin = child.stdin.take().expect("a piped standard input");
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("waits for the command")
}

/// `vakwijzer ARGS` in `dir` with `input` piped: what it did, whatever its exit status.
pub fn run(dir: &Path, args: &[&str], input: &str) -> Output {
    run_with_input(command(dir).args(args), input)
}

/// `vakwijzer ARGS` in `dir` with `input` piped; it must succeed. Its standard output.
pub fn ok(dir: &Path, args: &[&str], input: &str) -> String {
    let output = run(dir, args, input);
    assert!(
        output.status.success(),
        "vakwijzer {} failed with {}: {}",
        args.join(" "),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The full path of a file or folder under the repository root.
pub fn root(path: &str) -> PathBuf {
    Path::new(ROOT).join(path)
}

/// The full path of a file or folder under `data/examples/`.
pub fn example(path: &str) -> String {
    root("data/examples")
        .join(path)
        .to_str()
        .expect("a UTF-8 path")
        .to_string()
}

/// The names in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The permission bits of `path`.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("cannot stat {}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The YAML in `path`; panics with the text when it does not parse.
pub fn read_yaml(path: &Path) -> serde_yaml::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_yaml::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not YAML ({e}):\n{text}", path.display()))
}

/// The full path of headless Chromium (puppeteer wants one): Debian's `chromium`, or
/// `chromium-browser` elsewhere.
pub fn chromium() -> PathBuf {
    ["chromium", "chromium-browser"]
        .into_iter()
        .find_map(|program| {
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
                .map(|dir| dir.join(program))
                .find(|candidate| candidate.is_file())
        })
        .unwrap_or_else(|| {
            panic!(
                "headless Chromium is needed for this test: install it with `apt-get install chromium` (scripts/test does)"
            )
        })
}

/// A script of tests/browser (puppeteer-core), checked to have its npm packages.
pub fn browser_script(name: &str) -> PathBuf {
    let browser = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        browser.join("node_modules").is_dir(),
        "the browser checks need their npm packages: run scripts/test (it runs `npm ci` in tests/browser)"
    );
    browser.join(name)
}

/// The example files in `folder` under `data/examples/`, sorted, as paths from the repository
/// root.
pub fn examples(folder: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/examples")
        .join(folder);
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            format!(
                "data/examples/{folder}/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    files.sort();
    files
}

/// Every report with machine formats on the example data: (name, the arguments before
/// `--format`, with paths from the repository root, where the command must run).
pub fn example_reports() -> Vec<(&'static str, Vec<String>)> {
    let strings = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        (
            "personal",
            strings(&[
                "report",
                "data/examples/scans/sanne-2026-11.yaml",
                "data/examples/scans/sanne-2026-05.yaml",
            ]),
        ),
        (
            // Three scans in no order: the report sorts them by date.
            "personal-trend",
            strings(&[
                "report",
                "data/examples/scans/sanne-2026-05.yaml",
                "data/examples/scans/sanne-2026-11.yaml",
                "data/examples/scans/sanne-2025-11.yaml",
            ]),
        ),
        (
            "personal-generiek",
            strings(&["report", "data/examples/scans/mehmet-2026-10.yaml"]),
        ),
        (
            "scorecard",
            strings(&[
                "report",
                "data/examples/interviews/noor-ans.yaml",
                "data/examples/interviews/noor-pieter.yaml",
            ]),
        ),
        (
            "team",
            strings(&[
                "team",
                "data/examples/team",
                "--since",
                "data/examples/team-2026-voorjaar",
            ]),
        ),
        (
            "team-by-role",
            strings(&["team", "data/examples/team", "--by", "role"]),
        ),
        (
            // A round of 360 feedback: a folder with the self-scan and the ratings.
            "feedback",
            strings(&["report", "data/examples/360"]),
        ),
        (
            "compare",
            std::iter::once("compare".to_string())
                .chain(examples("interviews"))
                .collect(),
        ),
        (
            "panel",
            std::iter::once("panel".to_string())
                .chain(examples("interviews"))
                .collect(),
        ),
    ]
}

/// A command's standard output, run from the repository root on the example data (as
/// [`at_root`]), 100 columns wide; panics with its stderr when it fails.
pub fn output_at_root(args: &[&str]) -> Vec<u8> {
    let output = at_root().env("COLUMNS", "100").args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// A report's CSV as a spreadsheet of its language opens it, read by a real CSV reader: the
/// Dutch one (`nl`) must start with a byte order mark and split on `;`, the English one has no
/// mark and splits on `,`. The headers are taken back to the column ids through the catalogue
/// (`column.*` in i18n/), so a test names the columns once for both languages.
pub struct Csv {
    pub lang: &'static str,
    /// The column ids, in order (a header the catalogue does not name stays as it is).
    pub columns: Vec<String>,
    /// The headers the catalogue does not name (a compare report's competency ids).
    pub unnamed: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Csv {
    pub fn read(text: &str, lang: &'static str) -> Csv {
        let (body, delimiter) = match lang {
            "nl" => (
                text.strip_prefix('\u{FEFF}')
                    .unwrap_or_else(|| panic!("no byte order mark:\n{text}")),
                b';',
            ),
            _ => {
                assert!(
                    !text.starts_with('\u{FEFF}'),
                    "a byte order mark in English"
                );
                (text, b',')
            }
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(body.as_bytes());
        let ids = column_ids(lang);
        let headers: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let unnamed = headers
            .iter()
            .filter(|h| !ids.contains_key(*h))
            .cloned()
            .collect();
        let columns = headers
            .iter()
            .map(|h| ids.get(h).cloned().unwrap_or_else(|| h.clone()))
            .collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        Csv {
            lang,
            columns,
            unnamed,
            rows,
        }
    }

    pub fn column(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == id)
    }

    /// The cell of `row` in column `id`; none when the column is missing or the cell empty.
    pub fn get<'a>(&self, row: &'a [String], id: &str) -> Option<&'a str> {
        self.column(id)
            .and_then(|i| row.get(i))
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The number in that cell, written with the language's decimal separator and no other.
    pub fn number(&self, row: &[String], id: &str) -> Option<f64> {
        self.get(row, id).map(|v| parse_number(v, self.lang))
    }
}

/// A number as the CSV of `lang` writes it: "3,20" in Dutch, "3.20" in English; panics on the
/// other separator, which the spreadsheet of that language reads as text.
pub fn parse_number(text: &str, lang: &str) -> f64 {
    let (ours, other) = if lang == "nl" { (',', '.') } else { ('.', ',') };
    assert!(
        !text.contains(other),
        "{text:?} is text to a {lang} spreadsheet"
    );
    text.replace(ours, ".")
        .parse()
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// Header → column id, from the catalogue of `lang` (`column.ID: header`); `count_{point}`
/// for the points 0 to 10.
fn column_ids(lang: &str) -> std::collections::HashMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("i18n/{lang}.yaml"));
    let catalogue: std::collections::HashMap<String, String> =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut ids = std::collections::HashMap::new();
    for (key, header) in &catalogue {
        let Some(id) = key.strip_prefix("column.") else {
            continue;
        };
        if id == "count_point" {
            for point in 0..=10 {
                let header = header.replace("{point}", &point.to_string());
                ids.insert(header, format!("count_{point}"));
            }
        } else {
            ids.insert(header.clone(), id.to_string());
        }
    }
    ids
}

/// Runs the outside tool `name` (pdftotext, qpdf, ...) with `args`; its standard output. Fails
/// the test, saying what to install, when the tool is missing, and with its stderr when it
/// fails. The tests read PDFs with tools that share no code with the writer.
pub fn tool(name: &str, args: &[&str]) -> String {
    let output = match std::process::Command::new(name).args(args).output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "`{name}` is not installed, and this test needs it: install poppler-utils and qpdf \
             (scripts/test does)"
        ),
        Err(e) => panic!("cannot run `{name}`: {e}"),
    };
    assert!(
        output.status.success(),
        "`{name} {}` failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The report `args` write in `format` (`-o` a file in `dir`) as text, a PDF through
/// pdftotext, every run of white space one space.
pub fn report_text(dir: &Path, args: &[String], format: &str) -> String {
    let file = dir.join(format!("out.{format}"));
    let path = file.to_str().expect("a UTF-8 path");
    vakwijzer(dir)
        .args(args)
        .args(["--format", format, "-o", path])
        .assert()
        .success();
    if format == "pdf" {
        squash(&tool("pdftotext", &[path, "-"]))
    } else {
        squash(&std::fs::read_to_string(&file).unwrap())
    }
}

/// The object in the JSON array `rows` whose `id` is `id`; a missing one fails the test.
pub fn with_id<'a>(rows: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    rows.as_array()
        .expect("an array")
        .iter()
        .find(|row| row["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {rows}"))
}

/// `text` with every run of white space one space: to compare text across line breaks.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How a suite's property tests run: `VAKWIJZER_FUZZ_CASES` cases per property (else
/// `default_cases`), a failing case kept in `regressions` and tried first on every run.
pub fn proptest_config(
    default_cases: u32,
    regressions: &'static str,
) -> proptest::test_runner::Config {
    let cases = std::env::var("VAKWIJZER_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    proptest::test_runner::Config {
        cases,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct(regressions),
        )),
        ..proptest::test_runner::Config::default()
    }
}
