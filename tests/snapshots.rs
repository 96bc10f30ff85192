//! Every report in every text format on the example data, as snapshots (insta) in
//! `tests/snapshots/`: a change to any output shows as a diff to review like code. Run with
//! `INSTA_UPDATE=always` to rewrite them after a deliberate change, then read every diff.

use std::path::Path;

use assert_cmd::Command;

/// The report's output, run from the repository root on the example data, 100 columns wide.
fn output(args: &[&str]) -> String {
    let mut command = Command::cargo_bin("vakwijzer").unwrap();
    let output = command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("VAKWIJZER_DATA")
        .env_remove("VAKWIJZER_LANG")
        .env_remove("VAKWIJZER_TEMPLATES")
        .env("VAKWIJZER_NOW", "2026-11-23T10:00:00Z")
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The example files in `folder`, sorted, as paths from the repository root.
fn examples(folder: &str) -> Vec<String> {
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

/// Every report: (name, arguments before `--format`). The team's CSV is its own (not yet
/// from records) but snapshotted all the same.
fn reports() -> Vec<(&'static str, Vec<String>)> {
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

fn snapshot(name: &str, args: &[String]) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    insta::assert_snapshot!(name.to_string(), output(&args));
}

#[test]
fn every_report_in_every_text_format() {
    for (report, args) in reports() {
        for format in ["table", "md", "html", "json", "csv"] {
            let mut args = args.clone();
            args.extend(["--format".to_string(), format.to_string()]);
            snapshot(&format!("{report}.{format}"), &args);
        }
    }
}

#[test]
fn the_guide_in_every_text_format() {
    for format in ["md", "txt", "html"] {
        let args = ["guide", "eindhoven", "--format", format].map(String::from);
        snapshot(&format!("guide.{format}"), &args);
    }
}

#[test]
fn reports_in_english() {
    for (report, args) in reports() {
        let mut args = args.clone();
        args.insert(0, "en".to_string());
        args.insert(0, "--lang".to_string());
        args.extend(["--format".to_string(), "md".to_string()]);
        snapshot(&format!("{report}.en.md"), &args);
    }
    let args = ["--lang", "en", "guide", "eindhoven", "--competency", "durf"].map(String::from);
    snapshot("guide.en.txt", &args);
}
