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
pub fn stdout(dir: &Path, args: &[&str], input: &str) -> String {
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
            "compare",
            std::iter::once("compare".to_string())
                .chain(examples("interviews"))
                .collect(),
        ),
    ]
}

/// A command's standard output, run from the repository root on the example data (as
/// `vakwijzer(dir)`), 100 columns wide; panics with its stderr when it fails.
pub fn output_at_root(args: &[&str]) -> Vec<u8> {
    let output = vakwijzer(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}
