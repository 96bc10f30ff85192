//! The personal report as a development conversation and the team's schooling plan, through
//! the binary: a few suggestions per development point, each once, and a plan that works out
//! the three greatest needs.

mod common;

use std::collections::BTreeSet;

use common::{example, vakwijzer};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let output = vakwijzer(dir.path())
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn table(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let output = vakwijzer(dir.path())
        .args(args)
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// What makes two suggestions the same for a reader: the method, or the activity's words.
fn key(suggestion: &Value) -> String {
    match suggestion["id"].as_str() {
        Some(id) => format!("method {id}"),
        None => format!(
            "activity {}",
            suggestion["name"].as_str().unwrap().to_lowercase()
        ),
    }
}

#[test]
fn each_development_point_has_at_most_three_suggestions_none_repeated_each_with_its_reason() {
    for scan in ["scans/sanne-2026-11.yaml", "scans/mehmet-2026-10.yaml"] {
        let report = json(&["report", &example(scan)]);
        let text = table(&["report", &example(scan)]);
        let points = report["development_points"].as_array().unwrap();
        assert!(!points.is_empty(), "{scan}");
        let mut seen = BTreeSet::new();
        for point in points {
            let suggestions = point["suggestions"].as_array().unwrap();
            assert!(
                (1..=3).contains(&suggestions.len()),
                "{scan}: {} suggestions for {}",
                suggestions.len(),
                point["id"]
            );
            for suggestion in suggestions {
                assert!(seen.insert(key(suggestion)), "{scan}: {suggestion} twice");
                assert!(suggestion["because"]["type"].is_string(), "{suggestion}");
                assert!(
                    ["source", "proposal"].contains(&suggestion["status"].as_str().unwrap()),
                    "{suggestion}"
                );
                // In the report with why and whose link it is.
                let name = suggestion["name"].as_str().unwrap();
                let line = text
                    .lines()
                    .find(|l| l.contains(&format!("• {name} (")))
                    .unwrap_or_else(|| panic!("{scan}: no line for {name}:\n{text}"));
                assert!(
                    line.contains("gekoppeld aan") || line.contains("BoKS-rij"),
                    "{line}"
                );
                assert!(
                    line.contains("voorstel van") || line.contains("uit de bron"),
                    "{line}"
                );
            }
            // The whole linked rows are kept apart, for the appendix.
            for row in point["linked_boks"].as_array().unwrap() {
                let name = row["name"].as_str().unwrap();
                assert!(text.contains(&format!("BoKS — {name} (bij ")), "{name}");
            }
        }
        assert!(text.contains("Bijlage: de BoKS-rijen bij je ontwikkelpunten"));
        for broken in [":;", ".;", ":,", ".,", "ontwikkeling: (", "netwerken. ("] {
            assert!(!text.contains(broken), "{scan}: '{broken}' in\n{text}");
        }
    }
}

#[test]
fn the_team_plan_works_out_three_competencies_learning_together_first_and_names_the_rest() {
    let args = [
        "team",
        &example("team"),
        "--since",
        &example("team-2026-voorjaar"),
    ];
    let report = json(&args);
    let plan = report["plan"].as_array().unwrap();
    assert!(
        plan.len() > 3,
        "the example has more needs than the plan works out"
    );
    let text = table(&args);
    let mut seen = BTreeSet::new();
    for (index, entry) in plan.iter().enumerate() {
        let suggestions = entry["suggestions"].as_array().unwrap();
        let name = entry["name"].as_str().unwrap();
        let heading = format!("{}. {name}: gemiddeld", index + 1);
        if index < 3 {
            assert_eq!(entry["in_full"], true);
            assert!((1..=3).contains(&suggestions.len()), "{name}");
            // Learning together first.
            assert_eq!(suggestions[0]["category"], "Samen leren", "{name}");
            for suggestion in suggestions {
                assert!(seen.insert(key(suggestion)), "{suggestion} twice");
            }
            assert!(text.contains(&heading), "{heading}");
        } else {
            assert_eq!(entry["in_full"], false);
            assert!(suggestions.is_empty(), "{name}");
            assert!(!text.contains(&heading), "{name} worked out:\n{text}");
            let rest = text
                .lines()
                .find(|l| l.starts_with("Verder onder doel"))
                .unwrap();
            assert!(rest.contains(name), "{rest}");
        }
    }
}

#[test]
fn a_plan_per_team_comes_from_what_the_team_table_shows() {
    let args = ["team", &example("team"), "--by", "team"];
    let report = json(&args);
    let groups = report["split"]["groups"].as_array().unwrap();
    assert!(groups.len() >= 2);
    for group in groups {
        let plan = group["plan"].as_array().unwrap();
        assert!(!plan.is_empty(), "{}", group["value"]);
        for entry in plan {
            // Every figure of the plan is the group's row as the table shows it.
            let row = group["competencies"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == entry["id"])
                .unwrap();
            assert_eq!(entry["mean"], row["stats"]["mean"], "{entry}");
            assert_eq!(entry["need"], row["stats"]["need"], "{entry}");
            assert!(entry["suggestions"].as_array().unwrap().len() <= 3);
        }
    }
    // Too small to split: no group, so no group plan either.
    let refused = json(&["team", &example("team"), "--by", "role"]);
    assert!(refused["split"]["groups"].as_array().unwrap().is_empty());
}
