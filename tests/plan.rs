//! The development plan (POP): shown with the personal report in every format, with room to
//! agree on paper, followed up by a later scan; skipped by `team`, found by `forget`.

mod common;

use std::path::Path;
use std::process::Command as Process;

use common::{example, vakwijzer};

const PLAN: &str = "plans/sanne-2026-05-plan.yaml";

fn report(dir: &Path, args: &[&str]) -> String {
    let output = vakwijzer(dir).arg("report").args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn pdf_text(pdf: &Path) -> String {
    let output = Process::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: scripts/test installs it");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_pdf_of_a_report_with_a_plan_has_the_goals_the_quadrant_and_room_to_sign() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("sanne.pdf");
    let (scan, plan) = (example("scans/sanne-2026-11.yaml"), example(PLAN));
    vakwijzer(dir.path())
        .args(["report", &scan, "--plan", &plan, "--format", "pdf", "-o"])
        .arg(&pdf)
        .assert()
        .success();
    let text = pdf_text(&pdf);
    for expected in [
        "Ontwikkelplan",
        "Gemaakt na de scan van 2026-05-12.",
        "Ik wijk bewust van het protocol af",
        "Professionele besluitvorming",
        "eind oktober 2026",
        "Mijn voorstel staat in het verslag van het overleg.",
        "Kernkwadrant",
        "Kernkwaliteit",
        "Zorgvuldig",
        "Allergie",
        "Collega's die slordig met afspraken omgaan",
        "Afgesproken",
        "Naam professional",
        "Naam coach of teamleider",
        "Datum",
        "Handtekening professional",
        "Handtekening coach of teamleider",
    ] {
        assert!(text.contains(expected), "no {expected:?} in\n{text}");
    }
    // The follow-up: the change on each goal's competency since the plan's scan, as the
    // progress table of the two example scans has it.
    assert!(
        text.contains("Durf: 2,40 → 3,60 (scan van 2026-11-16)"),
        "{text}"
    );
    assert!(text.contains("Overtuigingskracht: 2,40 → 2,80"), "{text}");
}

#[test]
fn the_plan_is_in_every_format_and_the_change_only_at_a_later_scan() {
    let dir = tempfile::tempdir().unwrap();
    let (later, earlier, plan) = (
        example("scans/sanne-2026-11.yaml"),
        example("scans/sanne-2026-05.yaml"),
        example(PLAN),
    );
    for format in ["table", "md", "html"] {
        let out = report(
            dir.path(),
            &[&later, &earlier, "--plan", &plan, "--format", format],
        );
        assert!(out.contains("Ontwikkelplan"), "{format}");
        assert!(out.contains("2,40 → 3,60"), "{format}");
        assert!(
            out.contains("Durven loslaten en vertrouwen op mijn oordeel"),
            "{format}"
        );
    }
    let json = report(dir.path(), &[&later, "--plan", &plan, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let goals = json["plan"]["goals"].as_array().unwrap();
    assert_eq!(goals[0]["competency"], "durf");
    assert_eq!(goals[0]["before"], 2.4);
    assert_eq!(goals[0]["after"], 3.6);
    assert_eq!(goals[0]["change"], 1.2);
    assert_eq!(json["plan"]["quadrant"][0][0], "kernkwaliteit");
    // The report of the plan's own scan shows the plan without a change.
    let own = report(dir.path(), &[&earlier, "--plan", &plan, "--format", "md"]);
    assert!(
        own.contains("Ontwikkelplan") && !own.contains(" → "),
        "{own}"
    );
    let english = report(
        dir.path(),
        &["--lang", "en", &later, "--plan", &plan, "--format", "md"],
    );
    assert!(english.contains("Development plan") && english.contains("Core quadrant"));
}

#[test]
fn a_plan_whose_scan_is_gone_is_still_shown_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example(PLAN), dir.path().join("plan.yaml")).unwrap();
    let scan = example("scans/sanne-2026-11.yaml");
    let output = vakwijzer(dir.path())
        .args(["report", &scan, "--plan", "plan.yaml", "--format", "md"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Ontwikkelplan") && stdout.contains("Zorgvuldig"));
    assert!(stdout.contains("niet gevonden"), "{stdout}");
    assert!(!stdout.contains(" → "));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("plan.yaml") && stderr.contains("scans/sanne-2026-05.yaml"));
}

#[test]
fn a_plan_of_someone_else_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    vakwijzer(dir.path())
        .args([
            "report",
            &example("scans/mehmet-2026-10.yaml"),
            "--plan",
            &example(PLAN),
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("andere persoon"));
    // And a scan given as the plan is no plan.
    let scan = example("scans/sanne-2026-05.yaml");
    vakwijzer(dir.path())
        .args([
            "report",
            &example("scans/sanne-2026-11.yaml"),
            "--plan",
            &scan,
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("geen ontwikkelplan"));
}

#[test]
fn team_skips_plans_and_says_how_many_and_forget_removes_them() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    for entry in std::fs::read_dir(example("team")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, team.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy(example(PLAN), team.join("sanne-plan.yaml")).unwrap();
    vakwijzer(dir.path())
        .args(["team", "team"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "1 bestand(en) overgeslagen: 1 × ontwikkelplan (geen scan)",
        ));
    vakwijzer(dir.path())
        .args(["forget", "team", "--name", "Sanne de Vries"])
        .assert()
        .success()
        .stdout(predicates::str::contains("sanne-plan.yaml"));
    assert!(!team.join("sanne-plan.yaml").exists());
}
