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
    // The English CSV, whose headers are the column ids.
    let csv = report(
        dir.path(),
        &["--lang", "en", &later, "--plan", &plan, "--format", "csv"],
    );
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header = rows.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let durf = rows
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[column("competency")] == "durf")
        .unwrap();
    assert!(durf[column("plan_goal")].starts_with("Ik wijk bewust"));
    assert_eq!(&durf[column("plan_change")], "1.20");
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

// ---------------------------------------------------------------------------------------------
// Making a plan: `vakwijzer plan SCAN`

/// A copy of sanne-2026-05 in `dir`, as `scan.yaml`.
fn scan_in(dir: &Path) -> String {
    std::fs::copy(example("scans/sanne-2026-05.yaml"), dir.join("scan.yaml")).unwrap();
    "scan.yaml".to_string()
}

fn plan_file(path: &Path) -> serde_yaml::Value {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("# vakwijzer-resultaat"), "{text}");
    serde_yaml::from_str(&text).unwrap()
}

/// The lines of a whole plan after sanne-2026-05: Durf and Overtuigingskracht, the first
/// suggestion and a typed action for Durf, a core quadrant.
const LINES: &str = "1 2
Ik wijk bewust af van het protocol als het gezin dat nodig heeft
1
Twee casussen inbrengen in de intervisie
-
eind oktober 2026
Mijn coach Fatima
Collega's vragen me om mee te denken
In het overleg wordt mijn advies meegenomen
-
Een gesprek voorbereiden met mijn coach
-
september 2026
-
Mijn voorstel staat in het verslag
ja
Zorgvuldig
Vasthouden aan regels
Loslaten
Slordigheid
";

fn assert_whole_plan(plan: &serde_yaml::Value) {
    assert_eq!(plan["kind"], "plan");
    assert_eq!(plan["complete"], true);
    assert_eq!(plan["scan"], "scan.yaml");
    assert_eq!(plan["chosen"][0], "durf");
    assert_eq!(plan["chosen"][1], "overtuigingskracht");
    let durf = &plan["goals"][0];
    assert_eq!(durf["actions"][0], "Professionele besluitvorming");
    assert_eq!(
        durf["actions"][1],
        "Twee casussen inbrengen in de intervisie"
    );
    assert_eq!(durf["by"], "eind oktober 2026");
    assert_eq!(plan["goals"][1]["support"], "", "left open with -");
    assert_eq!(plan["quadrant"]["allergie"], "Slordigheid");
}

#[test]
fn a_plan_from_piped_lines_is_saved_owner_only_and_read_by_report() {
    let dir = tempfile::tempdir().unwrap();
    let scan = scan_in(dir.path());
    vakwijzer(dir.path())
        .args(["plan", &scan, "-o", "plan.yaml"])
        .write_stdin(LINES)
        .assert()
        .success()
        .stdout(predicates::str::contains("Plan opgeslagen in plan.yaml"));
    let path = dir.path().join("plan.yaml");
    assert_whole_plan(&plan_file(&path));
    assert_eq!(common::mode(&path), 0o600);
    let md = report(
        dir.path(),
        &[&scan, "--plan", "plan.yaml", "--format", "md"],
    );
    assert!(
        md.contains("Twee casussen inbrengen in de intervisie"),
        "{md}"
    );
    // Without -o: named after the framework, the person and the day.
    vakwijzer(dir.path())
        .args(["plan", &scan])
        .write_stdin(LINES)
        .assert()
        .success();
    assert!(
        dir.path()
            .join("plan-eindhoven-sanne-de-vries-2026-11-23.yaml")
            .is_file()
    );
}

#[test]
fn a_plan_from_an_answers_file_and_its_mistakes_placed() {
    let dir = tempfile::tempdir().unwrap();
    let scan = scan_in(dir.path());
    let answers = "kies: 1
durf.doel: \"Afwijken: als het moet\"
durf.acties: \"1\"
durf.eigen: [Casus inbrengen, Evalueren met mijn coach]
durf.wanneer: oktober
durf.steun: Fatima
durf.merkbaar: Collega's vragen me
kernkwadrant: nee
";
    std::fs::write(dir.path().join("answers.yaml"), answers).unwrap();
    vakwijzer(dir.path())
        .args([
            "plan",
            &scan,
            "--answers",
            "answers.yaml",
            "-o",
            "plan.yaml",
        ])
        .assert()
        .success();
    let plan = plan_file(&dir.path().join("plan.yaml"));
    assert_eq!(plan["complete"], true);
    assert_eq!(plan["goals"][0]["goal"], "Afwijken: als het moet");
    assert_eq!(plan["goals"][0]["actions"][2], "Evalueren met mijn coach");
    assert_eq!(plan["quadrant_wanted"], false);
    // A pick that is no suggestion: refused at its line.
    std::fs::write(
        dir.path().join("answers.yaml"),
        answers.replace("durf.acties: \"1\"", "durf.acties: \"9\""),
    )
    .unwrap();
    vakwijzer(dir.path())
        .args(["plan", &scan, "--answers", "answers.yaml", "-o", "bad.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("answers.yaml:3:"))
        .stderr(predicates::str::contains("durf.acties"));
}

#[test]
fn a_plan_stopped_goes_on_with_resume_and_a_finished_one_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let scan = scan_in(dir.path());
    let lines: Vec<&str> = LINES.lines().collect();
    // The input ends after the first goal's "by when": saved, stopped.
    vakwijzer(dir.path())
        .args(["plan", &scan, "-o", "plan.yaml"])
        .write_stdin(lines[..6].join("\n") + "\n")
        .assert()
        .success()
        .stdout(predicates::str::contains("plan --resume plan.yaml"));
    let plan = plan_file(&dir.path().join("plan.yaml"));
    assert_eq!(plan["complete"], false);
    assert_eq!(plan["goals"][0]["by"], "eind oktober 2026");
    vakwijzer(dir.path())
        .args(["plan", "--resume", "plan.yaml"])
        .write_stdin(lines[6..].join("\n") + "\n")
        .assert()
        .success();
    assert_whole_plan(&plan_file(&dir.path().join("plan.yaml")));
    vakwijzer(dir.path())
        .args(["plan", "--resume", "plan.yaml"])
        .assert()
        .success()
        .stdout(predicates::str::contains("is al af"));
}

#[cfg(unix)]
#[test]
fn a_plan_in_a_terminal_and_one_killed_halfway_loses_nothing() {
    use common::pty::{CTRL_C, ENTER, Pty};
    let dir = tempfile::tempdir().unwrap();
    let scan = scan_in(dir.path());
    let mut pty = Pty::start(dir.path(), &["plan", &scan, "-o", "plan.yaml"]);
    pty.expect("Aan welke ontwikkelpunten");
    pty.expect("Durf (score 2,40, doel 4,00)");
    pty.send(&format!("1{ENTER}"));
    pty.expect("Je doel voor Durf");
    pty.send(&format!("Afwijken als het moet{ENTER}"));
    pty.expect("voorgestelde acties");
    pty.send(&format!("1{ENTER}"));
    pty.expect("Eigen actie 2");
    // Saved after every answer: killed here, the goal and the action are in the file.
    let status = pty.kill();
    assert!(!matches!(
        status,
        rexpect::process::WaitStatus::Exited(_, 0)
    ));
    let plan = plan_file(&dir.path().join("plan.yaml"));
    assert_eq!(plan["goals"][0]["goal"], "Afwijken als het moet");
    assert_eq!(
        plan["goals"][0]["actions"][0],
        "Professionele besluitvorming"
    );
    let leftovers: Vec<_> = common::files_in(dir.path())
        .into_iter()
        .filter(|f| f.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Gone on with in the terminal: it asks the typed actions again, then the rest.
    let mut pty = Pty::start(dir.path(), &["plan", "--resume", "plan.yaml"]);
    pty.expect("Eigen actie 2");
    pty.send(ENTER);
    pty.expect("Wanneer wil je het bereikt hebben?");
    pty.send(&format!("juni{ENTER}"));
    pty.expect("Met wie");
    // The editor row is drawn once the terminal is raw: only then is Ctrl-C a key, not a signal.
    pty.expect(common::pty::EDITOR);
    // Ctrl-C saves and stops; the next run asks from here.
    pty.send(CTRL_C);
    pty.expect("plan --resume plan.yaml");
    pty.finish();
    let plan = plan_file(&dir.path().join("plan.yaml"));
    assert_eq!(plan["goals"][0]["by"], "juni");
    let mut pty = Pty::start(dir.path(), &["plan", "--resume", "plan.yaml"]);
    pty.expect("Met wie");
    pty.send(&format!("Fatima{ENTER}"));
    pty.expect("Waaraan merk je");
    pty.send(&format!("Collega's vragen me{ENTER}"));
    pty.expect("kernkwadrant invullen");
    pty.send("n");
    pty.send(ENTER);
    pty.expect("Plan opgeslagen in plan.yaml");
    pty.finish();
    let plan = plan_file(&dir.path().join("plan.yaml"));
    assert_eq!(plan["complete"], true);
    assert_eq!(plan["goals"][0]["by"], "juni");
    assert_eq!(plan["quadrant_wanted"], false);
}
