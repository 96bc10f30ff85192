//! `vakwijzer share` through the real binary: a contribution holds the answers and no notes,
//! no name with `--anonymous`, is owner-only, is read by `team` like a scan, and bad input is
//! refused as for scans.

mod common;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use common::{root, vakwijzer};

const EXAMPLE: &str = "data/examples/team";
const EXAMPLE_EARLIER: &str = "data/examples/team-2026-voorjaar";

fn stdout(dir: &Path, args: &[&str]) -> String {
    let output = vakwijzer(dir).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn share(dir: &Path, scan: &Path, out: &Path, anonymous: bool) -> String {
    let mut args = vec!["share", scan.to_str().unwrap(), "-o", out.to_str().unwrap()];
    if anonymous {
        args.push("--anonymous");
    }
    stdout(dir, &args)
}

/// Every scan of `from` shared into a new folder `name` below `dir`.
fn shared_folder(dir: &Path, from: &str, name: &str, anonymous: bool) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir(&folder).unwrap();
    for entry in std::fs::read_dir(root(from)).unwrap() {
        let scan = entry.unwrap().path();
        let out = folder.join(scan.file_name().unwrap());
        share(dir, &scan, &out, anonymous);
    }
    folder
}

fn name_of(scan: &Path) -> String {
    let text = std::fs::read_to_string(scan).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("name: "))
        .unwrap()
        .trim_matches('"')
        .to_string()
}

#[test]
fn a_contribution_has_the_answers_no_notes_and_with_anonymous_no_name() {
    let dir = tempfile::tempdir().unwrap();
    let scan = root("data/examples/scans/sanne-2026-11.yaml");
    let scan_text = std::fs::read_to_string(&scan).unwrap();
    let note = scan_text
        .lines()
        .skip_while(|l| !l.starts_with("notes:"))
        .nth(1)
        .and_then(|l| l.split_once(": "))
        .map(|(_, note)| note.to_string())
        .expect("the example scan has notes");

    let named = dir.path().join("named.yaml");
    let said = share(dir.path(), &scan, &named, false);
    assert!(said.contains("forget --name vindt haar"), "{said}");
    let text = std::fs::read_to_string(&named).unwrap();
    assert!(text.contains("kind: contribution"), "{text}");
    assert!(
        text.contains(&format!("name: {}", name_of(&scan))),
        "{text}"
    );
    assert!(text.contains("coachen.i1: 5") && text.contains("date: 2026-11-16"));
    assert!(!text.contains("notes") && !text.contains(&note), "{text}");

    let anonymous = dir.path().join("anonymous.yaml");
    let said = share(dir.path(), &scan, &anonymous, true);
    assert!(
        said.contains("vakwijzer forget --name vindt haar niet"),
        "{said}"
    );
    let text = std::fs::read_to_string(&anonymous).unwrap();
    assert!(text.contains("id: anoniem-"), "{text}");
    // The name, and each longer part of it ("de" is in "deel" of the header line).
    let name = name_of(&scan);
    for part in name
        .split_whitespace()
        .filter(|p| p.len() > 3)
        .chain([name.as_str()])
    {
        assert!(!text.contains(part), "{part} in {text}");
    }
    assert!(!text.contains(&note), "{text}");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for file in [&named, &anonymous] {
            let mode = std::fs::metadata(file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{}", file.display());
        }
    }

    // Without -o: a free name in the current folder that holds no name, whoever's scan it is.
    let said = stdout(dir.path(), &["share", scan.to_str().unwrap()]);
    assert!(
        said.contains("bijdrage-eindhoven-2026-11-16.yaml"),
        "{said}"
    );
    assert!(
        dir.path()
            .join("bijdrage-eindhoven-2026-11-16.yaml")
            .is_file()
    );
    let said = stdout(
        dir.path(),
        &["share", scan.to_str().unwrap(), "--anonymous"],
    );
    assert!(
        said.contains("bijdrage-eindhoven-2026-11-16-anoniem-"),
        "{said}"
    );
}

#[test]
fn team_reads_contributions_as_it_reads_scans() {
    let dir = tempfile::tempdir().unwrap();
    let named = shared_folder(dir.path(), EXAMPLE, "named", false);
    let report = |folder: &str| -> Value {
        let out = stdout(
            dir.path(),
            &["team", folder, "--format", "json", "--by", "team"],
        );
        serde_json::from_str(&out).unwrap()
    };
    let scans = report(root(EXAMPLE).to_str().unwrap());
    let contributions = report(named.to_str().unwrap());
    assert_eq!(contributions["team"], scans["team"]);
    assert_eq!(contributions["split"], scans["split"]);
    assert_eq!(contributions["plan"], scans["plan"]);

    // A scan and the contribution made of it count once: the scan is the newer.
    let both = dir.path().join("both");
    std::fs::create_dir(&both).unwrap();
    for entry in std::fs::read_dir(root(EXAMPLE)).unwrap() {
        let scan = entry.unwrap().path();
        std::fs::copy(&scan, both.join(scan.file_name().unwrap())).unwrap();
    }
    std::fs::copy(named.join("scan-01.yaml"), both.join("bijdrage-01.yaml")).unwrap();
    let twice = report(both.to_str().unwrap());
    assert_eq!(twice["team"], scans["team"]);

    // Named contributions are matched with the earlier round like scans are.
    let since = |folder: &Path| -> Value {
        let out = stdout(
            dir.path(),
            &[
                "team",
                folder.to_str().unwrap(),
                "--since",
                root(EXAMPLE_EARLIER).to_str().unwrap(),
                "--format",
                "json",
            ],
        );
        serde_json::from_str(&out).unwrap()
    };
    assert_eq!(
        since(&named)["team"],
        since(&root(EXAMPLE))["team"],
        "named contributions compare as scans do"
    );
}

#[test]
fn anonymous_contributions_are_not_matched_across_rounds_and_the_report_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let anonymous = shared_folder(dir.path(), EXAMPLE, "anonymous", true);
    let folder = anonymous.to_str().unwrap();
    let earlier = root(EXAMPLE_EARLIER);
    let earlier = earlier.to_str().unwrap();
    let out = stdout(
        dir.path(),
        &["team", folder, "--since", earlier, "--format", "json"],
    );
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["team"]["scans"], 14);
    assert_eq!(report["team"]["change_basis"], "unmatched");
    for row in report["team"]["competencies"].as_array().unwrap() {
        // Fourteen people, but rounded to half points: the people could not be matched.
        for figure in ["change", "previous_mean"] {
            let value = row["change"][figure].as_f64().unwrap();
            assert_eq!((value * 2.0).fract(), 0.0, "{figure} {value} in {row}");
        }
    }
    let table = stdout(dir.path(), &["team", folder, "--since", earlier]);
    let table = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        table.contains("Anonieme bijdragen zijn niet aan een persoon te koppelen"),
        "{table}"
    );
    // No name reaches the report.
    for entry in std::fs::read_dir(root(EXAMPLE)).unwrap() {
        let name = name_of(&entry.unwrap().path());
        assert!(!table.contains(&name), "{name} in {table}");
    }
}

#[test]
fn bad_input_is_refused_as_for_scans_and_nothing_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.yaml");
    let refused = |scan: &Path, expected: &str| {
        let args = ["share", scan.to_str().unwrap(), "-o", out.to_str().unwrap()];
        vakwijzer(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expected));
        assert!(!out.exists(), "{} left a file", scan.display());
    };
    // The message `report` gives for the same file, with its line.
    let broken = root("tests/fixtures/team-mixed/out-of-range.yaml");
    let report = vakwijzer(dir.path())
        .args(["report", broken.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(report.status.code(), Some(2));
    let message = String::from_utf8(report.stderr).unwrap();
    let first = message
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("vakwijzer: ");
    assert!(first.contains("out-of-range.yaml:16:"), "{message}");
    refused(&broken, first);
    refused(
        &root("tests/fixtures/team-mixed/incomplete.yaml"),
        "is niet af",
    );
    refused(
        &root("tests/fixtures/team-mixed/interview.yaml"),
        "interview.yaml",
    );
    refused(&dir.path().join("bestaat-niet.yaml"), "bestaat-niet.yaml");

    // An existing file is never written over.
    std::fs::write(&out, "van iemand anders\n").unwrap();
    let scan = root("data/examples/scans/sanne-2026-11.yaml");
    vakwijzer(dir.path())
        .args(["share", scan.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bestaat al"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "van iemand anders\n"
    );
}

#[test]
fn forget_finds_a_named_contribution_and_not_an_anonymous_one() {
    let dir = tempfile::tempdir().unwrap();
    let scan = root("data/examples/scans/sanne-2026-11.yaml");
    let name = name_of(&scan);
    let folder = dir.path().join("gedeeld");
    std::fs::create_dir(&folder).unwrap();
    share(dir.path(), &scan, &folder.join("named.yaml"), false);
    share(dir.path(), &scan, &folder.join("anonymous.yaml"), true);
    let said = stdout(
        dir.path(),
        &["forget", folder.to_str().unwrap(), "--name", &name],
    );
    assert!(said.contains("named.yaml"), "{said}");
    assert!(!folder.join("named.yaml").exists());
    assert!(folder.join("anonymous.yaml").exists());
}
