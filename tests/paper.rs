//! No tool talk on paper: what a report says about flags and formats ("kies je met
//! --framework", "--format md") is for the person at the terminal and goes to stderr; no
//! Markdown, HTML or PDF report carries a `--flag`.

mod common;

use std::process::Command as Process;

use common::{example, vakwijzer};

/// Every report and the guide, with the inputs that bring out their notices.
fn reports() -> Vec<Vec<String>> {
    let interviews: Vec<String> = std::fs::read_dir(example("interviews"))
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    vec![
        vec![
            "report".into(),
            example("scans/sanne-2026-11.yaml"),
            example("scans/sanne-2026-05.yaml"),
        ],
        vec!["report".into(), example("scans/mehmet-2026-10.yaml")],
        vec!["guide".into(), "eindhoven".into()],
        vec!["guide".into(), "generiek".into()],
        vec![
            "report".into(),
            example("interviews/noor-ans.yaml"),
            example("interviews/noor-pieter.yaml"),
        ],
        std::iter::once("compare".to_string())
            .chain(interviews)
            .collect(),
        // The framework chosen because most files are of it, and a plan of every competency.
        vec!["team".into(), example("team")],
        vec![
            "team".into(),
            example("team"),
            "--by".into(),
            "team".into(),
            "--since".into(),
            example("team-2026-voorjaar"),
        ],
    ]
}

/// A flag as people type it: two hyphens and a letter.
fn flags(text: &str) -> Vec<String> {
    text.match_indices("--")
        .filter(|(at, _)| {
            text[at + 2..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase())
        })
        .map(|(at, _)| text[at..].chars().take(40).collect())
        .collect()
}

/// What a reader of an HTML page sees: the text outside the style sheet and the tags.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<style") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</style>")
            .map_or("", |end| &rest[start + end + "</style>".len()..]);
    }
    text.push_str(rest);
    let mut visible = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => visible.push(c),
            _ => {}
        }
    }
    visible
}

#[test]
fn no_md_html_or_pdf_report_carries_a_flag() {
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for lang in ["nl", "en"] {
        for (index, args) in reports().iter().enumerate() {
            for format in ["md", "html", "pdf"] {
                let file = dir.path().join(format!("{lang}-{index}.{format}"));
                vakwijzer(dir.path())
                    .args(["--lang", lang])
                    .args(args)
                    .args(["--format", format, "-o", file.to_str().unwrap()])
                    .assert()
                    .success();
                let text = match format {
                    "pdf" => {
                        let output = Process::new("pdftotext")
                            .arg(&file)
                            .arg("-")
                            .output()
                            .expect(
                                "pdftotext (poppler-utils) is needed: scripts/test installs it",
                            );
                        String::from_utf8_lossy(&output.stdout).into_owned()
                    }
                    "html" => visible_text(&std::fs::read_to_string(&file).unwrap()),
                    _ => std::fs::read_to_string(&file).unwrap(),
                };
                assert!(text.len() > 200, "{lang} {args:?} {format}: {text}");
                let found = flags(&text);
                assert!(
                    found.is_empty(),
                    "{lang} {args:?} as {format} talks about the command line: {found:#?}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2 * 8 * 3);
}

#[test]
fn the_hints_go_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    // How to choose another framework is a hint on stderr; the report says what was done.
    let output = vakwijzer(dir.path())
        .args(["team", &example("team")])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(flags(&stdout).is_empty(), "{stdout}");
    assert!(
        stderr.contains("een ander framework kies je met --framework"),
        "{stderr}"
    );
    assert!(
        stdout.contains("gekozen omdat de meeste bestanden dat zijn"),
        "{stdout}"
    );
    // Markdown has the whole plan: only the framework hint.
    let output = vakwijzer(dir.path())
        .args(["team", &example("team"), "--format", "md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--framework") && !stderr.contains("--format md"),
        "{stderr}"
    );
    // A framework given on the command line needs no hint.
    let output = vakwijzer(dir.path())
        .args([
            "team",
            &example("team"),
            "--framework",
            "eindhoven",
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("--framework"));
}
