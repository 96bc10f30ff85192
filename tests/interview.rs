//! Structured interviews through the real binary: the guide, a piped session, the scorecard
//! with its disagreement rule, the comparison of candidates, and refusing to mix.

mod common;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

use common::{example, vakwijzer};

fn stdout(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn framework_json(name: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    serde_json::from_str(&stdout(
        vakwijzer(dir.path()).args(["show", name, "--format", "json"]),
    ))
    .unwrap()
}

/// Markdown source with its backslash escapes taken out, as a reader sees the text.
fn unescape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(*next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn the_guide_holds_every_question_and_indicator_of_the_selected_competencies() {
    let dir = tempfile::tempdir().unwrap();
    let framework = framework_json("eindhoven");
    for format in ["md", "txt"] {
        // The text guide is wrapped for printing: compare with whitespace collapsed. Markdown
        // escapes syntax in the data's texts (a backtick in "collega`s"): compare it unescaped.
        let collapse = |text: String| {
            let text = if format == "md" {
                unescape_markdown(&text)
            } else {
                text
            };
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let all = collapse(stdout(vakwijzer(dir.path()).args([
            "guide",
            "eindhoven",
            "--format",
            format,
        ])));
        let two = collapse(stdout(vakwijzer(dir.path()).args([
            "guide",
            "eindhoven",
            "--competency",
            "durf",
            "--competency",
            "zelfontwikkeling",
            "--format",
            format,
        ])));
        for competency in framework["competencies"].as_array().unwrap() {
            let selected =
                ["durf", "zelfontwikkeling"].contains(&competency["id"].as_str().unwrap());
            for item in competency["questions"]
                .as_array()
                .unwrap()
                .iter()
                .chain(competency["indicators"].as_array().unwrap())
            {
                let text = item["text"].as_str().unwrap();
                assert!(all.contains(text), "{format}: full guide lacks {text}");
                assert_eq!(
                    two.contains(text),
                    selected,
                    "{format}: selection wrong for {text}"
                );
            }
        }
        // The remark that zelfontwikkeling must be asked in the interview, STAR and the anchors.
        assert!(two.contains("tijdens het sollicitatiegesprek bevraagd moeten worden"));
        assert!(two.contains("Situatie") && two.contains("Resultaat"));
        assert!(two.contains("uitstekend"));
    }
}

/// One interviewer's piped session on two competencies (durf comes before coachen).
fn piped_interview(dir: &Path, interviewer: &str, durf: &str, coachen: &str, out: &str) {
    let input = format!(
        "1 2\nging zelf op huisbezoek\n-\n1 2 3\n{durf}\n1\nluistert goed\n1 2 3 4\n{coachen}\nwel\nmotivatie van {interviewer}\n"
    );
    vakwijzer(dir)
        .args([
            "interview",
            "eindhoven",
            "--candidate",
            "Noor El Amrani",
            "--interviewer",
            interviewer,
        ])
        .args([
            "--competency",
            "coachen",
            "--competency",
            "durf",
            "--out",
            out,
        ])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("Opgeslagen in {out}")));
}

#[test]
fn a_panel_of_two_gets_a_scorecard_that_flags_a_two_point_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    piped_interview(dir.path(), "Pieter", "4", "4", "pieter.yaml");
    piped_interview(dir.path(), "Ans", "2", "3", "ans.yaml");
    let file = std::fs::read_to_string(dir.path().join("pieter.yaml")).unwrap();
    for expected in [
        "kind: interview",
        "complete: true",
        "- durf.q2",
        "durf.q1: ging zelf op huisbezoek",
        "- coachen.i4",
        "rating: 4",
        "advice: wel",
    ] {
        assert!(
            file.contains(expected),
            "pieter.yaml lacks {expected}:\n{file}"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&stdout(vakwijzer(dir.path()).args([
        "report",
        "pieter.yaml",
        "ans.yaml",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["interviewers"], serde_json::json!(["Pieter", "Ans"]));
    let row = |id: &str| common::with_id(&json["competencies"], id).clone();
    let durf = row("durf");
    assert_eq!(durf["ratings"][0]["rating"], 4);
    assert_eq!(durf["ratings"][1]["rating"], 2);
    assert_eq!(durf["mean"], 3.0);
    assert_eq!(durf["spread"], 2);
    assert_eq!(durf["discuss"], true);
    let coachen = row("coachen");
    assert_eq!(
        (coachen["mean"].as_f64(), coachen["discuss"].as_bool()),
        (Some(3.5), Some(false))
    );
    assert_eq!(json["flagged"], 1);
    let table = stdout(vakwijzer(dir.path()).args(["report", "pieter.yaml", "ans.yaml"]));
    let durf_line = table.lines().find(|l| l.contains("Durf")).unwrap();
    assert!(durf_line.contains("bespreken"), "{durf_line}");
    assert!(
        !table
            .lines()
            .find(|l| l.contains("Coachen"))
            .unwrap()
            .contains("bespreken")
    );
    assert!(table.contains("motivatie van Ans"));
    let md =
        stdout(vakwijzer(dir.path()).args(["report", "pieter.yaml", "ans.yaml", "--format", "md"]));
    assert!(
        md.contains("| Durf | 4 | 2 | 3,00 | 2 | bespreken |"),
        "{md}"
    );
    let csv = stdout(vakwijzer(dir.path()).args([
        "report",
        "pieter.yaml",
        "ans.yaml",
        "--format",
        "csv",
    ]));
    assert_eq!(csv.lines().count(), 1 + 2 * 2);
}

#[test]
fn compare_ranks_the_three_example_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = [
        "noor-pieter.yaml",
        "jeroen-ans.yaml",
        "sanne-pieter.yaml",
        "noor-ans.yaml",
        "sanne-ans.yaml",
        "jeroen-pieter.yaml",
    ]
    .iter()
    .map(|f| example(&format!("interviews/{f}")))
    .collect();
    let json: serde_json::Value = serde_json::from_str(&stdout(
        vakwijzer(dir.path())
            .arg("compare")
            .args(&files)
            .args(["--format", "json"]),
    ))
    .unwrap();
    let ranked: Vec<&str> = json["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["candidate"].as_str().unwrap())
        .collect();
    assert_eq!(ranked, ["Sanne Bos", "Noor El Amrani", "Jeroen Visser"]);
    let overall: Vec<f64> = json["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["overall"].as_f64().unwrap())
        .collect();
    assert!(overall.windows(2).all(|w| w[0] >= w[1]), "{overall:?}");
    // Sanne: overtuigingskracht 4 vs 2 is her one flagged disagreement.
    assert_eq!(json["candidates"][0]["flagged"], 1);
    let csv = stdout(
        vakwijzer(dir.path())
            .arg("compare")
            .args(&files)
            .args(["--format", "csv"]),
    );
    let csv = common::Csv::read(&csv, "nl");
    assert_eq!(csv.rows.len(), 3);
    assert_eq!(
        csv.columns[..4],
        ["rank", "candidate", "interviewers", "aanpassingsvermogen"]
    );
    assert_eq!(csv.rows[0][..3], ["1", "Sanne Bos", "2"]);
    assert_eq!(csv.number(&csv.rows[0], "aanpassingsvermogen"), Some(4.5));
    let table = stdout(vakwijzer(dir.path()).arg("compare").args(&files));
    assert!(table.contains("C8\u{a0}Overtuigingskracht"));
    // At 60 columns the legend wraps, but never between a column's code and its name.
    let narrow = stdout(
        vakwijzer(dir.path())
            .env("COLUMNS", "60")
            .arg("compare")
            .args(&files),
    );
    for line in narrow.lines() {
        let last = line.trim_end().rsplit(' ').next().unwrap_or_default();
        assert!(
            !(last.starts_with('C') && last[1..].parse::<u32>().is_ok()),
            "a line ends in a bare column code:\n{narrow}"
        );
    }
    let md = stdout(
        vakwijzer(dir.path())
            .arg("compare")
            .args(&files)
            .args(["--format", "md"]),
    );
    assert!(md.contains("| Sanne Bos | 1 |"), "{md}");
}

#[test]
fn mixing_interviews_that_do_not_belong_together_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    piped_interview(dir.path(), "Pieter", "4", "4", "pieter.yaml");
    piped_interview(dir.path(), "Pieter", "3", "3", "pieter-again.yaml");
    // An interview on another framework.
    vakwijzer(dir.path())
        .args([
            "interview",
            "generiek",
            "--candidate",
            "Noor El Amrani",
            "--interviewer",
            "Ans",
            "--competency",
            "beroepsrollen",
            "--out",
            "generiek.yaml",
        ])
        .write_stdin("1\n-\n1\n3\nwel\n-\n")
        .assert()
        .success();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["pieter.yaml".into(), example("interviews/jeroen-ans.yaml")],
            "verschillende kandidaten",
        ),
        (
            vec!["pieter.yaml".into(), "generiek.yaml".into()],
            "verschillende frameworks",
        ),
        (
            vec!["pieter.yaml".into(), "pieter-again.yaml".into()],
            "dezelfde interviewer",
        ),
        (
            vec![
                "pieter.yaml".into(),
                format!(
                    "{}/data/examples/scans/sanne-2026-11.yaml",
                    env!("CARGO_MANIFEST_DIR")
                ),
            ],
            "alleen scans of alleen interviews",
        ),
    ];
    for (files, message) in cases {
        vakwijzer(dir.path())
            .arg("report")
            .args(&files)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    vakwijzer(dir.path())
        .args(["compare", "pieter.yaml", "generiek.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("verschillende frameworks"));
}

#[test]
fn a_wrong_piped_answer_is_refused_and_the_session_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "interview",
        "eindhoven",
        "--candidate",
        "Noor",
        "--interviewer",
        "Pieter",
        "--competency",
        "durf",
        "--out",
        "s.yaml",
    ];
    // Question numbers out of range on line 1.
    vakwijzer(dir.path())
        .args(args)
        .write_stdin("1 9\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("stdin:1:1").and(predicate::str::contains("1 tot 6")));
    // A rating that is not on the scale, after the questions were saved.
    vakwijzer(dir.path())
        .args(["interview", "--resume", "s.yaml"])
        .write_stdin("2\n-\n1\n7\n")
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("stdin:4:1")
                .and(predicate::str::contains("'7' is geen keuze")),
        );
    let saved = std::fs::read_to_string(dir.path().join("s.yaml")).unwrap();
    assert!(
        saved.contains("- durf.q2") && saved.contains("- durf.i1") && !saved.contains("rating:"),
        "{saved}"
    );
    // Resuming starts at the unrated competency again and finishes.
    vakwijzer(dir.path())
        .args(["interview", "--resume", "s.yaml"])
        .write_stdin("2\n-\n1\nnb\ngeen-besluit\n-\n")
        .assert()
        .success();
    let done = std::fs::read_to_string(dir.path().join("s.yaml")).unwrap();
    assert!(
        done.contains("rating: nb")
            && done.contains("advice: geen-besluit")
            && done.contains("complete: true"),
        "{done}"
    );
}

#[test]
fn an_organisation_template_replaces_the_built_in_one_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(
        dir.path().join("tpl/guide.md.tera"),
        "# Leidraad Wijkteam Noord\n{% for c in report.competencies %}- {{ c.name }}\n{% endfor %}",
    )
    .unwrap();
    let md = stdout(vakwijzer(dir.path()).args([
        "--templates",
        "tpl",
        "guide",
        "eindhoven",
        "--format",
        "md",
    ]));
    assert!(
        md.starts_with("# Leidraad Wijkteam Noord\n- Aanpassingsvermogen\n"),
        "{md}"
    );
    // The other templates stay the built-in ones.
    let txt = stdout(vakwijzer(dir.path()).args(["--templates", "tpl", "guide", "eindhoven"]));
    assert!(txt.starts_with("Interviewleidraad: "), "{txt}");
    std::fs::write(
        dir.path().join("tpl/guide.md.tera"),
        "# Kapot\n\n{% for c in report.competencies %}\n{{ c.name }\n",
    )
    .unwrap();
    vakwijzer(dir.path())
        .args(["--templates", "tpl", "guide", "eindhoven", "--format", "md"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("sjabloon 'guide.md'")
                .and(predicate::str::contains("guide.md:4")),
        );
}
