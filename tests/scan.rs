//! The self-scan without a terminal (answers file, piped lines), result files, and the
//! personal report in every format, through the real binary.

mod common;

use predicates::prelude::*;

use common::{example, vakwijzer};

/// The 5 + 4 statements of aanpassingsvermogen and creativiteit, with one n.v.t.
const ANSWERS: [(&str, &str); 9] = [
    ("aanpassingsvermogen.i1", "4"),
    ("aanpassingsvermogen.i2", "3"),
    ("aanpassingsvermogen.i3", "nvt"),
    ("aanpassingsvermogen.i4", "5"),
    ("aanpassingsvermogen.i5", "4"),
    ("creativiteit.i1", "2"),
    ("creativiteit.i2", "3"),
    ("creativiteit.i3", "2"),
    ("creativiteit.i4", "1"),
];

fn scan_args(out: &str) -> Vec<String> {
    [
        "scan",
        "eindhoven",
        "--name",
        "Fleur Bakker",
        "--competency",
        "aanpassingsvermogen",
        "--competency",
        "creativiteit",
        "--out",
        out,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn piped_lines_and_an_answers_file_give_the_same_result_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut answers_file = String::from("# antwoorden van Fleur\n");
    let mut piped = String::new();
    for (index, (id, answer)) in ANSWERS.iter().enumerate() {
        answers_file.push_str(&format!("{id}: {answer}\n"));
        piped.push_str(&format!("{answer}\n"));
        if index == 4 {
            piped.push_str("notitie: Na de reorganisatie heb ik mijn planning omgegooid.\n");
        }
    }
    answers_file.push_str(
        "notes:\n  aanpassingsvermogen: Na de reorganisatie heb ik mijn planning omgegooid.\n",
    );
    std::fs::write(dir.path().join("answers.yaml"), answers_file).unwrap();

    vakwijzer(dir.path())
        .args(scan_args("piped.yaml"))
        .write_stdin(piped)
        .assert()
        .success()
        .stdout(predicate::str::contains("Opgeslagen in piped.yaml"));
    let mut args = scan_args("file.yaml");
    args.extend(["--answers".to_string(), "answers.yaml".to_string()]);
    vakwijzer(dir.path()).args(args).assert().success();

    let piped = std::fs::read_to_string(dir.path().join("piped.yaml")).unwrap();
    let file = std::fs::read_to_string(dir.path().join("file.yaml")).unwrap();
    assert_eq!(piped, file);
    assert!(piped.contains("complete: true"));
    assert!(piped.contains("aanpassingsvermogen.i3: nvt"));
    assert!(piped.contains("Na de reorganisatie"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("piped.yaml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "result files are owner-only");
    }
}

#[test]
fn a_short_pipe_stops_and_resume_continues_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    vakwijzer(dir.path())
        .args(scan_args("s.yaml"))
        .write_stdin("4\n3\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("2 antwoorden opgeslagen"))
        .stdout(predicate::str::contains("vakwijzer scan --resume s.yaml"));
    let partial = std::fs::read_to_string(dir.path().join("s.yaml")).unwrap();
    assert!(partial.contains("complete: false"));
    let rest: String = ANSWERS[2..].iter().map(|(_, a)| format!("{a}\n")).collect();
    vakwijzer(dir.path())
        .args(["scan", "--resume", "s.yaml"])
        .write_stdin(rest)
        .assert()
        .success();
    let done = std::fs::read_to_string(dir.path().join("s.yaml")).unwrap();
    assert!(done.contains("complete: true"));
    assert!(done.contains("aanpassingsvermogen.i1: 4"));
    assert!(done.contains("creativiteit.i4: 1"));
}

#[test]
fn a_wrong_piped_answer_is_refused_and_what_came_before_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["6", "vaak"] {
        let out = format!("bad-{bad}.yaml");
        vakwijzer(dir.path())
            .args(scan_args(&out))
            .write_stdin(format!("4\n{bad}\n"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("stdin:2:1"))
            .stderr(predicate::str::contains("aanpassingsvermogen.i2"));
        let kept = std::fs::read_to_string(dir.path().join(&out)).unwrap();
        assert!(
            kept.contains("aanpassingsvermogen.i1: 4"),
            "confirmed answer lost"
        );
    }
}

#[test]
fn a_bad_answers_file_is_refused_with_file_and_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "aanpassingsvermogen.i1: 4\nbestaat.i9: 3\n",
            "answers.yaml:2:1",
            "onbekende uitspraak 'bestaat.i9'",
        ),
        (
            "aanpassingsvermogen.i1: 4\naanpassingsvermogen.i2: 9\n",
            "answers.yaml:2:1",
            "9 past niet op de schaal",
        ),
        (
            "aanpassingsvermogen.i1: soms\n",
            "answers.yaml:1:1",
            "'soms' is geen antwoord",
        ),
        (
            "aanpassingsvermogen.i1: [4\n",
            "answers.yaml:",
            "wordt niet goed gesloten",
        ),
    ];
    for (content, position, message) in cases {
        std::fs::write(dir.path().join("answers.yaml"), content).unwrap();
        let mut args = scan_args("never.yaml");
        args.extend(["--answers".to_string(), "answers.yaml".to_string()]);
        vakwijzer(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(position))
            .stderr(predicate::str::contains(message));
        assert!(
            !dir.path().join("never.yaml").exists(),
            "{content}: a file was written"
        );
    }
}

#[test]
fn an_existing_file_is_never_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taken.yaml"), "mijn eigen bestand\n").unwrap();
    vakwijzer(dir.path())
        .args(scan_args("taken.yaml"))
        .write_stdin("4\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("taken.yaml bestaat al"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken.yaml")).unwrap(),
        "mijn eigen bestand\n"
    );
    // Without --out a free name is chosen next to the existing ones.
    for expected in [
        "scan-eindhoven-fleur-bakker-2026-11-23.yaml",
        "scan-eindhoven-fleur-bakker-2026-11-23-2.yaml",
    ] {
        vakwijzer(dir.path())
            .args(["scan", "eindhoven", "--name", "Fleur Bakker"])
            .write_stdin("4\n")
            .assert()
            .success();
        assert!(dir.path().join(expected).exists(), "{expected} missing");
    }
}

#[test]
fn broken_and_foreign_result_files_are_reported_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(example("scans/mehmet-2026-10.yaml")).unwrap();
    let truncated = &good[..good.len() / 2];
    let cases: Vec<(&str, String, &str)> = vec![
        ("truncated.yaml", truncated.to_string(), "truncated.yaml:"),
        (
            "framework.yaml",
            std::fs::read_to_string("tests/fixtures/org/frameworks/jeugd.yaml").unwrap(),
            "geen resultaatbestand",
        ),
        ("empty.yaml", String::new(), "empty.yaml:1:1"),
        (
            "other.yaml",
            good.replace("framework: generiek", "framework: bestaat-niet"),
            "onbekend framework 'bestaat-niet'",
        ),
        (
            "range.yaml",
            good.replacen("contact-en-relatie.i1: ", "contact-en-relatie.i1: 8 #", 1),
            "8 past niet op de schaal",
        ),
        (
            "newer.yaml",
            good.replace("schema: 1", "schema: 7"),
            "schemaversie 7",
        ),
    ];
    for (name, content, message) in cases {
        std::fs::write(dir.path().join(name), &content).unwrap();
        for command in [vec!["report", name], vec!["scan", "--resume", name]] {
            vakwijzer(dir.path())
                .args(&command)
                .write_stdin("")
                .assert()
                .code(2)
                .stderr(
                    predicate::str::contains(message)
                        .and(predicate::str::contains("panicked").not()),
                );
        }
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).unwrap(),
            content,
            "{name} was changed"
        );
    }
}

#[test]
fn a_scan_of_another_framework_version_uses_what_still_matches() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(example("scans/mehmet-2026-10.yaml")).unwrap();
    let changed = good
        .replace("fingerprint: sha256:", "fingerprint: sha256:0000")
        .replacen("beroepsrollen.i1:", "beroepsrollen.i99:", 1);
    std::fs::write(dir.path().join("old.yaml"), changed).unwrap();
    let output = vakwijzer(dir.path())
        .args(["report", "old.yaml", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("andere versie van framework 'generiek'"),
        "{stderr}"
    );
    assert!(stderr.contains("beroepsrollen.i99"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["competencies"].as_array().unwrap().len(), 7);
}

#[test]
fn the_report_comes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let scan = example("scans/sanne-2026-11.yaml");
    let scan = scan.as_str();
    let table = vakwijzer(dir.path())
        .args(["report", scan])
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    for expected in [
        "Persoonlijk rapport — Sanne de Vries",
        "Sterke punten",
        "Ontwikkelpunten",
        "Durf",
        "BoKS —",
        "Suggesties:",
    ] {
        assert!(table.contains(expected), "table lacks {expected}:\n{table}");
    }
    let md = vakwijzer(dir.path())
        .args(["report", scan, "--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# Persoonlijk rapport — Sanne de Vries"));
    assert!(md.contains("| competentie | score | doel | t.o.v. doel | beantwoord |"));
    let json = vakwijzer(dir.path())
        .args(["report", scan, "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["name"], "Sanne de Vries");
    assert_eq!(json["competencies"].as_array().unwrap().len(), 8);
    let durf = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "durf")
        .unwrap();
    assert!(durf["gap"].as_f64().unwrap() > 0.0);
    let points: Vec<&str> = json["development_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    // The development points are the three competencies furthest below target.
    let mut by_gap: Vec<(&str, f64)> = json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["gap"].as_f64().unwrap()))
        .collect();
    by_gap.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap());
    let furthest: Vec<&str> = by_gap.iter().take(3).map(|(id, _)| *id).collect();
    assert_eq!(points, furthest);
    let csv = vakwijzer(dir.path())
        .args(["report", scan, "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let csv = common::Csv::read(&csv, "nl");
    assert_eq!(csv.rows.len(), 8, "one row per competency");
    assert_eq!(
        csv.columns[..4],
        ["name", "framework", "date", "competency"]
    );
    assert!(csv.rows.iter().any(|r| r[3..5] == ["durf", "Durf"]));
    // English with --lang en.
    vakwijzer(dir.path())
        .args(["--lang", "en", "report", scan])
        .assert()
        .success()
        .stdout(predicate::str::contains("Development points"));
}

#[test]
fn two_scans_of_one_person_show_the_progress() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (
        example("scans/sanne-2026-05.yaml"),
        example("scans/sanne-2026-11.yaml"),
    );
    // The order on the command line does not matter: the newest is the report.
    let output = vakwijzer(dir.path())
        .args(["report", old.as_str(), new.as_str(), "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["date"], "2026-11-16");
    assert_eq!(json["progress"]["previous_date"], "2026-05-12");
    let rows = json["progress"]["rows"].as_array().unwrap();
    for row in rows {
        let (previous, current, change) = (
            row["previous"].as_f64().unwrap(),
            row["current"].as_f64().unwrap(),
            row["change"].as_f64().unwrap(),
        );
        assert!((current - previous - change).abs() < 0.006, "{row}");
    }
    let table = vakwijzer(dir.path())
        .args(["report", new.as_str(), old.as_str()])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(table.stdout)
            .unwrap()
            .contains("Voortgang sinds 2026-05-12")
    );
    // Scans of two people are not compared.
    vakwijzer(dir.path())
        .args([
            "report",
            new.as_str(),
            &example("scans/mehmet-2026-10.yaml"),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("verschillende frameworks"));
}
