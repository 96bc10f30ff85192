//! `vakwijzer dossier` through the binary: the PDF passes `qpdf --check`, its outline has an
//! entry per candidate with the scorecard, each interview and the decision under it, and
//! pdftotext finds every candidate, every interviewer's notes and the decision;
//! `--candidate NAME` holds only that candidate's interviews and decision.

mod common;

use std::path::Path;

use common::{example, vakwijzer};

/// The outline of the PDF at `path` as (depth, title), depth 0 at the top, via qpdf.
fn outline(path: &str) -> Vec<(usize, String)> {
    fn walk(entries: &serde_json::Value, depth: usize, out: &mut Vec<(usize, String)>) {
        for entry in entries.as_array().into_iter().flatten() {
            let title = entry["title"].as_str().unwrap_or_default().to_string();
            out.push((depth, title));
            walk(&entry["kids"], depth + 1, out);
        }
    }
    let json = common::tool("qpdf", &["--json", "--json-key=outlines", path]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut out = Vec::new();
    walk(&json["outlines"], 0, &mut out);
    out
}

/// `dossier ARGS -o dossier.pdf` in `dir`: checked by qpdf; its text and outline.
fn dossier(dir: &Path, args: &[&str]) -> (String, Vec<(usize, String)>) {
    let file = dir.join("dossier.pdf");
    let path = file.to_str().unwrap();
    vakwijzer(dir)
        .arg("dossier")
        .args(args)
        .args(["-o", path])
        .assert()
        .success();
    assert!(
        common::tool("qpdf", &["--check", path]).contains("No syntax or stream encoding errors")
    );
    let text = common::squash(&common::tool("pdftotext", &[path, "-"]));
    (text, outline(path))
}

const CANDIDATES: [&str; 3] = ["Jeroen Visser", "Noor El Amrani", "Sanne Bos"];

#[test]
fn the_interviews_folder_is_a_dossier_without_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let (text, outline) = dossier(dir.path(), &[&example("interviews")]);
    for candidate in CANDIDATES {
        assert!(text.contains(candidate), "no {candidate}");
        // An entry at the top of the outline per candidate, their scorecard and both
        // interviews under it.
        let at = outline
            .iter()
            .position(|(depth, title)| *depth == 0 && title == candidate)
            .unwrap_or_else(|| panic!("no outline entry for {candidate}: {outline:?}"));
        let under: Vec<&str> = outline[at + 1..]
            .iter()
            .take_while(|(depth, _)| *depth > 0)
            .filter(|(depth, _)| *depth == 1)
            .map(|(_, title)| title.as_str())
            .collect();
        assert_eq!(under[0], "Scorekaart", "{candidate}: {under:?}");
        assert!(
            under
                .iter()
                .any(|t| t.starts_with("Interview door Ans de Groot")),
            "{candidate}: {under:?}"
        );
        assert!(
            under
                .iter()
                .any(|t| t.starts_with("Interview door Pieter Smit")),
            "{candidate}: {under:?}"
        );
    }
    assert!(
        outline
            .iter()
            .any(|(d, t)| *d == 0 && t == "Vergelijking van de kandidaten")
    );
    for expected in [
        "Vergelijking van de kandidaten",
        // An interview in full: the indicators seen and the notes per question.
        "Gezien",
        "Goed voorbeeld van aanpassen aan een andere leefwereld.",
        "Zeer sterk in coachen en samenwerken.",
    ] {
        assert!(text.contains(expected), "the dossier lacks {expected:?}");
    }
    assert!(!text.contains("Besluit van het panel"));
}

#[test]
fn with_the_vacancy_folder_the_decisions_are_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let (text, outline) = dossier(dir.path(), &[&example("interviews"), &example("vacature")]);
    for expected in [
        "Vacature: Generalist WIJteam Woensel",
        "Besluit van het panel",
        "Besluit aannemen",
        "Creativiteit: besloten 4, gemiddeld 3,00",
    ] {
        assert!(
            text.contains(expected) || text.contains(&expected.replace("Besluit a", "Besluit: a")),
            "the dossier lacks {expected:?}"
        );
    }
    for candidate in CANDIDATES {
        assert!(text.contains(candidate), "no {candidate}");
    }
    let noor = outline
        .iter()
        .position(|(d, t)| *d == 0 && t == "Noor El Amrani")
        .unwrap();
    assert!(
        outline[noor + 1..]
            .iter()
            .take_while(|(d, _)| *d > 0)
            .any(|(_, t)| t == "Besluit van het panel"),
        "{outline:?}"
    );
}

#[test]
fn one_candidate_gets_only_their_interviews_and_decision() {
    let dir = tempfile::tempdir().unwrap();
    let (text, outline) = dossier(
        dir.path(),
        &[
            &example("interviews"),
            &example("vacature"),
            "--candidate",
            "noor el amrani",
        ],
    );
    assert!(text.contains("Noor El Amrani"));
    assert!(text.contains("Besluit van het panel"));
    assert!(text.contains("Goed voorbeeld van aanpassen aan een andere leefwereld."));
    for other in [
        "Jeroen Visser",
        "Sanne Bos",
        "Vergelijking van de kandidaten",
        "Scorekaart",
    ] {
        assert!(!text.contains(other), "a dossier of Noor holds {other:?}");
    }
    let tops: Vec<&str> = outline
        .iter()
        .filter(|(d, _)| *d == 0)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        tops,
        ["Dossier — Noor El Amrani", "Noor El Amrani"],
        "{outline:?}"
    );

    let output = vakwijzer(dir.path())
        .args([
            "dossier",
            &example("interviews"),
            "--candidate",
            "Piet",
            "-o",
            "x.pdf",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("geen interviews met Piet"));
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn the_dossier_in_markdown_too() {
    let dir = tempfile::tempdir().unwrap();
    let output = vakwijzer(dir.path())
        .args(["dossier", &example("interviews"), "--format", "md"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("# Dossier"));
    for candidate in CANDIDATES {
        assert!(text.contains(&format!("\n# {candidate}\n")), "{candidate}");
    }
}
