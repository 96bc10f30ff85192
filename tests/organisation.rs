//! An organisation's own framework folder, written as data/README.md's worked example
//! (tests/fixtures/org-jeugd: own default role, two roles with levels, own 4-point scale,
//! methods, links, organisation), used for every job through the binary.

mod common;

use std::path::Path;

use assert_cmd::Command;

const ORG: &str = "tests/fixtures/org-jeugd";

/// `vakwijzer` in `dir` with the organisation's folder as `VAKWIJZER_DATA`.
fn with_organisation(dir: &Path) -> Command {
    let mut command = common::vakwijzer(dir);
    command.env("VAKWIJZER_DATA", common::root(ORG));
    command
}

fn ok(dir: &Path, args: &[&str], stdin: &str) -> (String, String) {
    let output = with_organisation(dir)
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?} failed:\n{stderr}");
    (String::from_utf8_lossy(&output.stdout).into_owned(), stderr)
}

const ANSWERS: &str = "veiligheid.i1: 3\nveiligheid.i2: 4\nketenwerk.i1: 2\nketenwerk.i2: 3\n\
ouders.i1: 3\njongeren.i1: 2\nnormeren.i1: 3\nreflectie.i1: 4\n";

#[test]
fn the_worked_example_of_data_readme_is_the_fixture_folder() {
    let readme = std::fs::read_to_string("data/README.md").unwrap();
    let mut files = 0;
    for part in readme.split("<!-- file: ").skip(1) {
        let (name, rest) = part.split_once(" -->").unwrap();
        let block = rest
            .split_once("```yaml\n")
            .unwrap()
            .1
            .split_once("```")
            .unwrap()
            .0;
        let fixture = std::fs::read_to_string(Path::new(ORG).join(name)).unwrap();
        assert_eq!(
            block, fixture,
            "{name} differs between data/README.md and {ORG}"
        );
        files += 1;
    }
    assert_eq!(files, 6);
}

#[test]
fn validate_frameworks_show_roles_and_methods() {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = ok(dir.path(), &["validate"], "");
    assert!(out.contains("geen problemen"), "{out}");
    assert_eq!(err, "");
    let (out, _) = ok(dir.path(), &["frameworks", "--format", "json"], "");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let jgz = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "jgz")
        .unwrap();
    assert_eq!(jgz["competencies"], 6);
    assert_eq!(jgz["scannable"], true);
    let wmo = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "wmo")
        .unwrap();
    assert_eq!(wmo["scannable"], false);
    let (out, _) = ok(dir.path(), &["frameworks"], "");
    assert!(out.contains("wmo: alleen tonen en koppelen"), "{out}");

    let (out, _) = ok(dir.path(), &["show", "jgz", "veiligheid"], "");
    assert!(out.contains("[geschreven door Jeugdteam Zuid]"), "{out}");
    assert!(!out.contains("geschreven door vakwijzer"), "{out}");

    // Roles: the organisation's default for its own framework, the bundled one for eindhoven.
    let (out, _) = ok(dir.path(), &["roles", "--format", "json"], "");
    let roles: serde_json::Value = serde_json::from_str(&out).unwrap();
    let role = |framework: &str, id: &str| {
        roles
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["framework"] == framework && r["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no {framework}/{id} in {out}"))
    };
    assert_eq!(role("jgz", "starter")["default"], true);
    assert_eq!(role("jgz", "senior")["default"], false);
    assert_eq!(role("jgz", "starter")["author"], "Jeugdteam Zuid");
    assert_eq!(role("jgz", "starter")["levels"][1]["id"], "zelfstandig");
    assert_eq!(role("eindhoven", "generalist")["default"], true);
    assert_eq!(
        role("eindhoven", "generalist")["levels"][0]["id"],
        "startbekwaam"
    );
    let (md, _) = ok(dir.path(), &["roles", "jgz", "--format", "md"], "");
    assert!(
        md.starts_with("| framework | rol | naam | standaard | niveau | doelen |"),
        "{md}"
    );
    assert!(md.contains("| jgz | senior | Senior |"), "{md}");
    let (csv, _) = ok(dir.path(), &["roles", "jgz", "--format", "csv"], "");
    assert_eq!(csv.lines().count(), 1 + 4, "{csv}");

    let (out, _) = ok(dir.path(), &["methods", "--format", "csv"], "");
    assert!(
        out.contains("\neen-gezin-een-plan;Eén gezin, één plan;Scholing Jeugdteam Zuid"),
        "Dutch: split on the semicolon, the comma is text:\n{out}"
    );
    let (out, _) = ok(
        dir.path(),
        &["--lang", "en", "methods", "--format", "csv"],
        "",
    );
    assert!(
        out.contains("\neen-gezin-een-plan,\"Eén gezin, één plan\",Scholing Jeugdteam Zuid"),
        "{out}"
    );
    let (out, _) = ok(dir.path(), &["methods", "--format", "json"], "");
    assert!(out.contains("\"author\": \"Jeugdteam Zuid\""), "{out}");
    let (out, _) = ok(dir.path(), &["methods"], "");
    assert!(out.contains("motiverende-gespreksvoering"), "{out}");
}

#[test]
fn scans_with_each_role_are_reported_against_that_role() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("answers.yaml"), ANSWERS).unwrap();
    for (name, role, file) in [
        ("Anna", "starter", "anna.yaml"),
        ("Bram", "senior", "bram.yaml"),
    ] {
        let args = [
            "scan",
            "jgz",
            "--name",
            name,
            "--role",
            role,
            "--answers",
            "answers.yaml",
            "-o",
            file,
        ];
        ok(dir.path(), &args, "");
        let result = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(result.contains(&format!("\nrole: {role}\n")), "{result}");
    }
    let json = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let (out, _) = ok(dir.path(), &all, "");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()
    };
    let target = |report: &serde_json::Value, id: &str| {
        report["competencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["target"]
            .clone()
    };
    let anna = json(&["report", "anna.yaml"]);
    assert_eq!(anna["role"], "Starter");
    assert_eq!(target(&anna, "ketenwerk"), 2.5);
    let bram = json(&["report", "bram.yaml"]);
    assert_eq!(bram["role"], "Senior");
    assert_eq!(target(&bram, "ketenwerk"), 3.5);
    let bram_as_starter = json(&["report", "bram.yaml", "--role", "starter"]);
    assert_eq!(target(&bram_as_starter, "ketenwerk"), 2.5);
    // The starter's levels: veiligheid 3.5 reaches "Zelfstandig", the highest.
    let level = anna["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "veiligheid")
        .unwrap()
        .clone();
    assert_eq!(level["reached"], "Zelfstandig");
    assert_eq!(level["next"], serde_json::Value::Null);
    let (table, _) = ok(dir.path(), &["report", "anna.yaml"], "");
    assert!(
        table.contains("Niveaus\n───────\nniveaus voorgesteld door Jeugdteam Zuid"),
        "{table}"
    );
    assert!(
        // A suggestion's line, wrapped or not.
        table
            .replace("\n    ", " ")
            .contains("voorstel van Jeugdteam Zuid"),
        "{table}"
    );
    assert!(!table.contains("voorgesteld door vakwijzer"), "{table}");

    // An unknown role is refused with the framework's roles; nothing is written.
    let output = with_organisation(dir.path())
        .args(["scan", "jgz", "--name", "X", "--role", "teamleider"])
        .args(["--answers", "answers.yaml", "-o", "x.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("onbekende rol 'teamleider' voor framework 'jgz'; rollen van dit framework: starter, senior"),
        "{stderr}"
    );
    assert!(!dir.path().join("x.yaml").exists());
    let output = with_organisation(dir.path())
        .args(["report", "anna.yaml", "--role", "generalist"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));

    // A result from before: its role is free text, so the default's targets, with a note.
    let old = std::fs::read_to_string(dir.path().join("bram.yaml"))
        .unwrap()
        .replace("role: senior", "role: oudgediende");
    std::fs::write(dir.path().join("old.yaml"), old).unwrap();
    let (out, err) = ok(dir.path(), &["report", "old.yaml", "--format", "json"], "");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["role"], "Starter");
    assert!(
        err.contains(
            "rol 'oudgediende' in dit resultaat is geen rol met doelen voor framework 'jgz'"
        ),
        "{err}"
    );
}

#[test]
fn guide_interviews_and_compare() {
    let dir = tempfile::tempdir().unwrap();
    let (guide, _) = ok(dir.path(), &["guide", "jgz", "--format", "md"], "");
    assert!(
        guide.contains("Vertel over een keer dat je twijfelde"),
        "{guide}"
    );
    // Per competency: the questions asked, a note per question, the indicators seen, the
    // rating; then the advice and its motivation.
    let session = |rating: &str| {
        let mut lines = String::new();
        for _ in 0..6 {
            lines.push_str(&format!("1\n-\n1\n{rating}\n"));
        }
        lines.push_str("wel\nSterk in gesprekken met ouders.\n");
        lines
    };
    for (candidate, interviewer, rating, file) in [
        ("Sem Visser", "Ans", "4", "sem-ans.yaml"),
        ("Sem Visser", "Piet", "3", "sem-piet.yaml"),
        ("Lot de Boer", "Ans", "2", "lot-ans.yaml"),
    ] {
        let args = [
            "interview",
            "jgz",
            "--candidate",
            candidate,
            "--interviewer",
            interviewer,
            "-o",
            file,
        ];
        ok(dir.path(), &args, &session(rating));
    }
    let (card, _) = ok(dir.path(), &["report", "sem-ans.yaml", "sem-piet.yaml"], "");
    assert!(card.contains("Veiligheid inschatten"), "{card}");
    assert!(card.contains("3,50"), "{card}");
    let (ranking, _) = ok(
        dir.path(),
        &["compare", "sem-ans.yaml", "sem-piet.yaml", "lot-ans.yaml"],
        "",
    );
    let sem = ranking.find("Sem Visser").unwrap();
    let lot = ranking.find("Lot de Boer").unwrap();
    assert!(sem < lot, "{ranking}");
}

#[test]
fn team_by_role_measures_each_group_against_its_own_targets() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("answers.yaml"), ANSWERS).unwrap();
    std::fs::create_dir(dir.path().join("ronde")).unwrap();
    for n in 0..10 {
        let role = if n < 5 { "starter" } else { "senior" };
        let name = format!("Persoon {n}");
        let file = format!("ronde/{n}.yaml");
        let args = [
            "scan",
            "jgz",
            "--name",
            &name,
            "--role",
            role,
            "--answers",
            "answers.yaml",
            "-o",
            &file,
        ];
        ok(dir.path(), &args, "");
    }
    let (out, _) = ok(
        dir.path(),
        &["team", "ronde", "--by", "role", "--format", "json"],
        "",
    );
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let groups = report["split"]["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{out}");
    let target = |group: &serde_json::Value| {
        group["competencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "ketenwerk")
            .unwrap()["target"]
            .clone()
    };
    for group in groups {
        let expected = match group["value"].as_str().unwrap() {
            "starter" => 2.5,
            "senior" => 3.5,
            other => panic!("group {other}"),
        };
        assert_eq!(target(group), expected, "{group}");
    }
    // The team as a whole: the default role, or the one asked for.
    assert_eq!(target(&report["team"]), 2.5);
    let (out, _) = ok(
        dir.path(),
        &["team", "ronde", "--role", "senior", "--format", "json"],
        "",
    );
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(target(&report["team"]), 3.5);
    assert_eq!(report["role"], "Senior");
}
