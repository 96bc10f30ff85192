//! What the tests that run the binary share: the command builder and the example files.
//! (Each test file that uses it says `mod common;`.)

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `vakwijzer` run in `dir` with none of the user's settings and a fixed clock.
pub fn vakwijzer(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("vakwijzer").unwrap();
    command
        .current_dir(dir)
        .env_remove("VAKWIJZER_DATA")
        .env_remove("VAKWIJZER_LANG")
        .env_remove("VAKWIJZER_TEMPLATES")
        .env("VAKWIJZER_NOW", "2026-11-23T10:00:00Z");
    command
}

/// The full path of a file or folder under `data/examples/`.
pub fn example(path: &str) -> String {
    let full: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/examples")
        .join(path);
    full.to_str().unwrap().to_string()
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
