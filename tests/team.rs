//! The team report through the real binary: figures checked against hand-computed fixtures,
//! the minimum group rule, splitting, the earlier round, skipped files, and that no name from
//! any scan ever appears in any output.

mod common;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use common::at_root;

/// Six people, asked creativiteit (4 statements) and durf (5), teams A and B.
const SMALL: &str = "tests/fixtures/team-small";
/// Five of them, half a year earlier; one answered every durf statement with n.v.t.
const SMALL_EARLIER: &str = "tests/fixtures/team-small-earlier";
const MIXED: &str = "tests/fixtures/team-mixed";
const EXAMPLE: &str = "data/examples/team";
const EXAMPLE_EARLIER: &str = "data/examples/team-2026-voorjaar";

fn run(args: &[&str]) -> (String, String) {
    let output = at_root().args(args).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        output.status.success(),
        "{args:?} failed:\n{stderr}\n{stdout}"
    );
    (stdout, stderr)
}

fn json(args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    serde_json::from_str(&run(&args).0).unwrap()
}

fn competency<'a>(section: &'a Value, id: &str) -> &'a Value {
    section["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {section}"))
}

fn counts(stats: &Value) -> Vec<u64> {
    stats["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .collect()
}

#[test]
fn figures_match_the_hand_computed_small_team() {
    let report = json(&["team", SMALL]);
    assert_eq!(report["framework"], "eindhoven");
    assert_eq!(report["framework_choice"], "most_files");
    assert_eq!(report["team"]["scans"], 6);
    // Only the two competencies the scans asked get a row.
    assert_eq!(report["team"]["competencies"].as_array().unwrap().len(), 2);

    // creativiteit, per person: 4.00 3.00 2.50 4.50 3.50 4.50.
    // mean 22/6 = 3.67, to half points 3.5 (six people); squared deviations from 3.667 sum to
    // 3.333, / 6 -> sd 0.75, to half points 0.5 (0.75 / 0.5 = 1.49..); points 4 3 3 5 4 5;
    // at a point below 4: 3.00 2.50; gap 4 - 3.5 = 0.5; need 0.5 × 2 = 1.0.
    let stats = &competency(&report["team"], "creativiteit")["stats"];
    assert_eq!(stats["scans"], 6);
    assert_eq!(stats["mean"], 3.5);
    assert_eq!(stats["sd"], 0.5);
    for dropped in ["median", "min", "max"] {
        assert_eq!(stats[dropped], Value::Null, "{dropped}: one person's score");
    }
    assert_eq!(counts(stats), [0, 0, 2, 2, 2]);
    assert_eq!(stats["not_applicable"], 0);
    assert_eq!(stats["below_target"], 2);
    assert_eq!(stats["gap"], 0.5);
    assert_eq!(stats["need"], 1.0);

    // durf: 3.00 4.00 (all n.v.t.) 2.50 4.00 3.60 -> five scores and one n.v.t.
    // mean 17.10/5 = 3.42 -> 3.5; squared deviations sum to 1.728, / 5 -> sd 0.59 -> 0.5;
    // points 3 4 3 4 4; at a point below 4: 3.00 2.50; need (4 - 3.5) × 2 = 1.0.
    let stats = &competency(&report["team"], "durf")["stats"];
    assert_eq!(stats["scans"], 5);
    assert_eq!(stats["mean"], 3.5);
    assert_eq!(stats["sd"], 0.5);
    assert_eq!(counts(stats), [0, 0, 2, 3, 0]);
    assert_eq!(stats["not_applicable"], 1);
    assert_eq!(stats["below_target"], 2);
    assert_eq!(stats["need"], 1.0);

    // The plan: equal needs and gaps, so in the framework's order, each with at most three
    // activities, learning together first.
    let plan = report["plan"].as_array().unwrap();
    let order: Vec<&str> = plan.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(order, ["creativiteit", "durf"]);
    for entry in plan {
        let activities = entry["suggestions"].as_array().unwrap();
        assert!((1..=3).contains(&activities.len()), "{entry}");
        assert_eq!(activities[0]["category"], "Samen leren", "{entry}");
    }

    // The table shows the same, with Dutch decimals.
    let (table, _) = run(&["team", SMALL]);
    assert!(table.contains(" 3,5 "), "{table}");
    assert!(table.contains("0/0/2/3/0 +1 n.v.t."), "{table}");
    assert!(
        table.contains("2. Durf: gemiddeld 3,5, doel 4,00; 2 van 5 onder doel; behoefte 1,0"),
        "{table}"
    );
}

#[test]
fn a_competency_below_the_minimum_is_withheld_without_its_size() {
    let report = json(&["team", SMALL, "--min-group", "6"]);
    let durf = competency(&report["team"], "durf");
    assert_eq!(durf["withheld"], true);
    assert_eq!(durf["stats"], Value::Null);
    assert_eq!(
        competency(&report["team"], "creativiteit")["stats"]["scans"],
        6
    );
    let order: Vec<&str> = report["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        ["creativiteit"],
        "a withheld competency has no plan entry"
    );
    let (table, _) = run(&["team", SMALL, "--min-group", "6"]);
    let durf_line = table.lines().find(|l| l.contains("Durf")).unwrap();
    assert!(durf_line.contains("te klein"), "{durf_line}");
    assert!(
        !durf_line.contains('5'),
        "the size of a withheld competency shows: {durf_line}"
    );
}

#[test]
fn too_few_scans_withhold_the_whole_report() {
    let files: Vec<String> = (1..=4).map(|i| format!("{SMALL}/scan-0{i}.yaml")).collect();
    let mut args = vec!["team"];
    args.extend(files.iter().map(String::as_str));
    let (table, _) = run(&args);
    assert!(table.contains("Te weinig bruikbare scans voor een teamrapport (minder dan 5)"));
    assert!(!table.contains("4 scans"), "{table}");
    assert!(!table.contains("Creativiteit"), "{table}");
    args.extend(["--format", "json"]);
    let report: Value = serde_json::from_str(&run(&args).0).unwrap();
    assert_eq!(report["team"]["withheld"], true);
    assert_eq!(report["team"]["scans"], Value::Null);
    assert_eq!(report["period"], Value::Null);
    assert!(report["plan"].as_array().unwrap().is_empty());
    assert!(
        report["team"]["competencies"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["stats"].is_null())
    );
}

#[test]
fn a_minimum_group_below_three_is_refused() {
    at_root()
        .args(["team", SMALL, "--min-group", "2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--min-group moet minstens 3 zijn"));
}

#[test]
fn a_split_is_refused_while_a_group_is_too_small_and_made_when_all_are_large_enough() {
    // Teams A and B have three people each.
    let (table, _) = run(&["team", SMALL, "--by", "team"]);
    assert!(
        table.contains("Niet gesplitst per team: 2 groep(en) te klein (minder dan 5 scans)."),
        "{table}"
    );
    assert!(!table.contains("team A:"), "{table}");
    let report = json(&["team", SMALL, "--by", "team"]);
    assert_eq!(report["split"]["groups"].as_array().unwrap().len(), 0);
    assert_eq!(report["split"]["refused"]["too_small"], 2);

    let report = json(&["team", SMALL, "--by", "team", "--min-group", "3"]);
    assert_eq!(report["split"]["refused"], Value::Null);
    let groups = report["split"]["groups"].as_array().unwrap();
    let values: Vec<&str> = groups
        .iter()
        .map(|g| g["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["A", "B"]);
    // creativiteit in A: 4.00 3.00 2.50 -> mean 3.17 -> 3.0; in B: 4.50 3.50 4.50 -> mean
    // 4.17 -> 4.0. Groups of three show the mean and how many are below target, nothing more.
    let a = &competency(&groups[0], "creativiteit")["stats"];
    assert_eq!(
        (a["mean"].as_f64(), a["below_target"].as_u64()),
        (Some(3.0), Some(2))
    );
    let b = &competency(&groups[1], "creativiteit")["stats"];
    assert_eq!(
        (b["mean"].as_f64(), b["below_target"].as_u64()),
        (Some(4.0), Some(0))
    );
    for hidden in [
        "sd",
        "distribution",
        "not_applicable",
        "median",
        "min",
        "max",
    ] {
        assert_eq!(a[hidden], Value::Null, "{hidden} in a group of three");
    }
    // durf: A has two scores (one person answered n.v.t. throughout), so it is withheld in A,
    // and in B too, which would otherwise give A's away next to the whole team's figure.
    for group in groups {
        assert_eq!(competency(group, "durf")["stats"], Value::Null);
    }

    // By role: four generalists and two without a role, who are a group too.
    let (table, _) = run(&["team", SMALL, "--by", "role", "--min-group", "3"]);
    assert!(
        table.contains("Niet gesplitst per rol: 1 groep(en) te klein (minder dan 3 scans)."),
        "{table}"
    );
    assert!(!table.contains("rol generalist:"), "{table}");

    // The example team splits by team (seven each) but not by role.
    let report = json(&["team", EXAMPLE, "--by", "team"]);
    let groups = report["split"]["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert!(groups.iter().all(|g| g["scans"] == 7));
    let (table, _) = run(&["team", EXAMPLE, "--by", "role"]);
    assert!(
        table.contains("Niet gesplitst per rol: 2 groep(en) te klein (minder dan 5 scans)."),
        "{table}"
    );
    assert!(!table.contains("ervaringsdeskundige"), "{table}");
}

#[test]
fn the_change_since_an_earlier_round_shows_only_where_both_rounds_are_large_enough() {
    let report = json(&["team", SMALL, "--since", SMALL_EARLIER]);
    assert_eq!(report["since"]["scans"], 5);
    // One person joined (the rounds differ by one, fewer than five): the change is over the
    // five in both rounds. creativiteit earlier: 3.00 3.00 2.50 4.00 3.50 -> mean 3.20 -> 3.0;
    // the same five now: 4.00 3.00 2.50 4.50 3.50 -> 3.50 -> 3.5: +0.5.
    assert_eq!(report["team"]["change_basis"], "people_in_both");
    let change = &competency(&report["team"], "creativiteit")["change"];
    assert_eq!(change["withheld"], false);
    assert_eq!(change["previous_mean"], 3.0);
    assert_eq!(change["change"], 0.5);
    // durf earlier: four scores and one n.v.t., below the minimum of five: no change shown.
    let change = &competency(&report["team"], "durf")["change"];
    assert_eq!(change["withheld"], true);
    assert_eq!(change["previous_mean"], Value::Null);
    let (table, _) = run(&["team", SMALL, "--since", SMALL_EARLIER]);
    assert!(
        table.contains("vorige ronde: 5 scans van 2026-05-10 tot 2026-05-14"),
        "{table}"
    );
    assert!(table.contains("+0,5"), "{table}");
    assert!(
        table.contains("alleen de mensen die aan beide rondes meededen"),
        "{table}"
    );

    // With the minimum at six, the earlier round as a whole is too small to compare with.
    let (table, _) = run(&["team", SMALL, "--since", SMALL_EARLIER, "--min-group", "6"]);
    assert!(table.contains("De vorige ronde heeft te weinig bruikbare scans (minder dan 6)"));
    assert!(!table.contains("5 scans"), "{table}");

    // Split: large enough now (3 and 3), but team B had two people in the earlier round.
    let (table, _) = run(&[
        "team",
        SMALL,
        "--since",
        SMALL_EARLIER,
        "--by",
        "team",
        "--min-group",
        "3",
    ]);
    assert!(
        table.contains(
            "Niet gesplitst per team: 1 groep(en) in de vorige ronde te klein (minder dan 3 scans)."
        ),
        "{table}"
    );

    // The example team: both teams have six or more in both rounds, so the split is made.
    let report = json(&["team", EXAMPLE, "--since", EXAMPLE_EARLIER, "--by", "team"]);
    assert_eq!(report["since"]["scans"], 12);
    for group in report["split"]["groups"].as_array().unwrap() {
        let full = group["change_basis"] == "full";
        for row in group["competencies"].as_array().unwrap() {
            let change = &row["change"];
            let (now, then) = (
                row["stats"]["mean"].as_f64().unwrap(),
                change["previous_mean"].as_f64().unwrap(),
            );
            // Over the same people the change is the difference of the shown means, at half
            // points for groups of seven.
            let step = (now - then - change["change"].as_f64().unwrap()).abs();
            assert!(!full || step < 0.26, "{row}");
        }
    }
}

#[test]
fn unusable_files_are_listed_with_their_reason_and_the_rest_is_reported() {
    let (table, stderr) = run(&["team", MIXED]);
    assert!(
        table.contains("5 scans van 2026-11-10 tot 2026-11-14"),
        "{table}"
    );
    // Which files, and why, on stderr: file names may hold names, and a report is shared.
    let skipped = [
        ("broken.yaml:16:", "kapotte YAML"),
        ("framework.yaml:2:", "geen resultaatbestand van vakwijzer"),
        ("notes.yml:1:", "geen resultaatbestand van vakwijzer"),
        ("generiek.yaml:", "scan van een ander framework (generiek)"),
        ("jeugd.yaml:", "scan van een ander framework (jeugd)"),
        ("incomplete.yaml:", "scan is niet af (complete: false)"),
        ("interview.yaml:2:", "geen zelfscan"),
        (
            "out-of-range.yaml:16:",
            "past niet bij het resultaatformaat of het framework",
        ),
        (
            "misspelled.yaml:6:",
            "vakwijzer report tests/fixtures/team-mixed/misspelled.yaml",
        ),
        (
            "scan-06-older.yaml:",
            "oudere scan van dezelfde persoon; de nieuwste telt (tests/fixtures/team-mixed/scan-01.yaml)",
        ),
    ];
    for (file, reason) in skipped {
        let line = stderr
            .lines()
            .find(|l| l.contains(&format!("team-mixed/{file}")))
            .unwrap_or_else(|| panic!("{file} not listed:\n{stderr}"));
        assert!(line.starts_with("vakwijzer: overgeslagen: "), "{line}");
        assert!(line.contains(reason), "{file}: {line}");
    }
    // Ten skipped files, and the hint that --framework chooses another framework.
    assert_eq!(stderr.lines().count(), 11, "{stderr}");
    assert!(stderr.contains("kies je met --framework"), "{stderr}");
    assert!(
        !stderr.contains("readme.txt"),
        "only *.yaml and *.yml are read"
    );
    // The report counts them per reason, without file names.
    let unwrapped = table.replace('\n', " ");
    assert!(
        unwrapped.contains("10 bestand(en) overgeslagen: 1 × kapotte YAML; 2 × geen resultaatbestand van vakwijzer;"),
        "{table}"
    );
    assert!(!table.contains("team-mixed/"), "{table}");
    // The older scan of a person who scanned twice does not count: creativiteit is 3.50 for all.
    let report = json(&["team", MIXED]);
    let stats = &competency(&report["team"], "creativiteit")["stats"];
    assert_eq!(
        (stats["mean"].as_f64(), stats["sd"].as_f64()),
        (Some(3.5), Some(0.0))
    );
    assert_eq!(counts(stats), [0, 0, 0, 5, 0]);
    let counts: Vec<(&str, u64)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["reason"].as_str().unwrap(), s["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        counts,
        [
            ("broken_yaml", 1),
            ("not_a_result", 2),
            ("not_a_scan", 1),
            ("invalid", 2),
            ("other_framework", 2),
            ("incomplete", 1),
            ("older_scan", 1)
        ]
    );
    // CSV holds only rows; the notices go to stderr with the files.
    let (csv, stderr) = run(&["team", MIXED, "--format", "csv"]);
    assert!(!csv.contains("broken.yaml") && !csv.contains("overgeslagen"));
    assert!(
        stderr.contains("team-mixed/broken.yaml:16: kapotte YAML"),
        "{stderr}"
    );
    assert!(stderr.contains("10 bestand(en) overgeslagen"), "{stderr}");
}

#[test]
fn the_framework_is_the_one_most_files_have_or_the_one_asked_for() {
    let report = json(&["team", MIXED, "--framework", "generiek"]);
    assert_eq!(report["framework"], "generiek");
    assert_eq!(report["framework_choice"], "given");
    assert_eq!(
        report["team"]["withheld"], true,
        "one generiek scan is not a team"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(format!("{SMALL}/scan-01.yaml"), dir.path().join("a.yaml")).unwrap();
    std::fs::copy(format!("{MIXED}/generiek.yaml"), dir.path().join("b.yaml")).unwrap();
    at_root()
        .args(["team", dir.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "evenveel scans van 'eindhoven' als van 'generiek'",
        ));
    at_root()
        .args(["team", "bestaat/niet"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bestaat/niet"));
    let empty = tempfile::tempdir().unwrap();
    at_root()
        .args(["team", empty.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("geen scanbestanden gevonden"));
}

#[test]
fn a_scan_of_another_framework_version_is_used_with_a_remark() {
    let dir = tempfile::tempdir().unwrap();
    for i in 1..=6 {
        let text = std::fs::read_to_string(format!("{SMALL}/scan-0{i}.yaml")).unwrap();
        let text = if i == 1 {
            text.replace("fingerprint: sha256:", "fingerprint: sha256:0000")
        } else {
            text
        };
        std::fs::write(dir.path().join(format!("s{i}.yaml")), text).unwrap();
    }
    let (table, stderr) = run(&["team", dir.path().to_str().unwrap()]);
    assert!(table.contains("6 scans van"), "{table}");
    assert!(table.contains("1 scan(s) gemaakt met een andere versie van het framework"));
    assert!(stderr.contains("s1.yaml is gemaakt met een andere versie van framework 'eindhoven'"));
}

#[test]
fn a_file_given_twice_counts_once() {
    let report = json(&["team", EXAMPLE, "data/examples/team/scan-01.yaml"]);
    assert_eq!(report["team"]["scans"], 14);
}

/// The same file by another name (a hard link, a link, a path through a linked folder) is
/// the same scan: told by its device and inode, not by its path.
#[cfg(unix)]
#[test]
fn a_file_under_another_name_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let round = dir.path().join("round");
    std::fs::create_dir(&round).unwrap();
    for entry in std::fs::read_dir(EXAMPLE).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, round.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::hard_link(round.join("scan-01.yaml"), round.join("hard-01.yaml")).unwrap();
    std::os::unix::fs::symlink(round.join("scan-02.yaml"), round.join("link-02.yaml")).unwrap();
    std::os::unix::fs::symlink(&round, dir.path().join("linked")).unwrap();
    let linked = dir.path().join("linked/scan-03.yaml");
    let report = json(&["team", round.to_str().unwrap(), linked.to_str().unwrap()]);
    assert_eq!(report["team"]["scans"], 14);
    assert_eq!(report["skipped"], serde_json::json!([]), "{report}");
}

#[test]
fn csv_has_one_machine_readable_row_per_competency() {
    // English: the CSV programs read, as it always was.
    let (csv, _) = run(&["--lang", "en", "team", EXAMPLE, "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 9, "header and eight competencies:\n{csv}");
    assert!(lines[0].starts_with("group_field,group,framework,competency,competency_name,withheld,scans,mean,sd,count_1,count_2,count_3,count_4,count_5,count_nvt,target,below_target,gap,need,plan_rank,previous_mean,change"));
    let durf = lines.iter().find(|l| l.contains(",durf,")).unwrap();
    assert!(
        durf.starts_with(",,eindhoven,durf,Durf,false,14,"),
        "{durf}"
    );
    let mean = durf.split(',').nth(7).unwrap();
    assert!(
        mean.contains('.') && mean.parse::<f64>().is_ok(),
        "dot decimals: {durf}"
    );
    // Dutch, the default: the same rows for a Dutch spreadsheet.
    let (csv, _) = run(&["team", EXAMPLE, "--format", "csv"]);
    let dutch = common::Csv::read(&csv, "nl");
    assert!(dutch.unnamed.is_empty(), "{:?}", dutch.unnamed);
    assert_eq!(dutch.columns.join(","), lines[0]);
    assert!(
        csv.starts_with("\u{FEFF}indeling;groep;framework;competentie;"),
        "{csv}"
    );
    let durf = dutch.rows.iter().find(|r| r[3] == "durf").unwrap();
    assert_eq!(durf[..7], ["", "", "eindhoven", "durf", "Durf", "0", "14"]);
    assert_eq!(durf[7], mean.replace('.', ","), "decimal comma");
    let (csv, _) = run(&[
        "team",
        EXAMPLE,
        "--format",
        "csv",
        "--by",
        "team",
        "--since",
        EXAMPLE_EARLIER,
    ]);
    let csv = common::Csv::read(&csv, "nl");
    assert_eq!(csv.rows.len(), 8 * 3);
    assert!(
        csv.rows
            .iter()
            .any(|r| r[..4] == ["team", "Zuid", "eindhoven", "netwerken"])
    );
}

#[test]
fn markdown_and_english() {
    let (md, _) = run(&["team", EXAMPLE, "--format", "md", "--by", "team"]);
    assert!(md.starts_with("# Teamrapport · Competentieprofiel Generalist WIJeindhoven"));
    assert!(
        md.contains("| competentie | n | gem. | sd | verdeling 1/2/3/4/5 |"),
        "{md}"
    );
    assert!(md.contains("## Scholingsplan"));
    assert!(md.contains("## team Noord: 7 scans"));
    let (en, _) = run(&[
        "--lang",
        "en",
        "team",
        EXAMPLE,
        "--since",
        EXAMPLE_EARLIER,
        "--by",
        "role",
    ]);
    for expected in [
        "Team report",
        "Schooling plan",
        "earlier round: 12 scans",
        "Not split by role: 2 group(s) too small (fewer than 5 scans).",
    ] {
        assert!(en.contains(expected), "{expected} missing:\n{en}");
    }
    let comma_decimal = en
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b',' && w[2].is_ascii_digit());
    assert!(
        en.contains("3.") && !comma_decimal,
        "English decimals:\n{en}"
    );
    let (mixed, stderr) = run(&["--lang", "en", "team", MIXED]);
    assert!(
        mixed.contains("10 file(s) skipped: 1 × broken YAML;"),
        "{mixed}"
    );
    assert!(
        stderr
            .contains("vakwijzer: skipped: tests/fixtures/team-mixed/broken.yaml:16: broken YAML")
    );
}

/// A folder holding the example team's scans `first..=last` (their own files, so the same
/// people with the same scores).
fn example_people(root: &Path, first: usize, last: usize) -> PathBuf {
    let dir = root.join(format!("people-{first}-{last}"));
    std::fs::create_dir(&dir).unwrap();
    for i in first..=last {
        let name = format!("scan-{i:02}.yaml");
        std::fs::copy(Path::new(EXAMPLE).join(&name), dir.join(&name)).unwrap();
    }
    dir
}

#[test]
fn rounds_are_compared_in_full_over_the_people_in_both_or_not_at_all() {
    let root = tempfile::tempdir().unwrap();
    let basis = |now: &Path, then: &Path| {
        let report = json(&[
            "team",
            now.to_str().unwrap(),
            "--since",
            then.to_str().unwrap(),
        ]);
        let change = competency(&report["team"], "durf")["change"].clone();
        (
            report["team"]["change_basis"].as_str().unwrap().to_string(),
            change,
        )
    };
    // Two left and two joined (differ by 4, fewer than 5) and four in both: no change.
    let (now, then) = (
        example_people(root.path(), 1, 6),
        example_people(root.path(), 3, 8),
    );
    let (how, change) = basis(&now, &then);
    assert_eq!(how, "withheld");
    assert_eq!(
        (change["withheld"].as_bool(), change["change"].as_f64()),
        (Some(true), None)
    );
    let (table, _) = run(&[
        "team",
        now.to_str().unwrap(),
        "--since",
        then.to_str().unwrap(),
    ]);
    assert!(
        table.contains("Minder dan 5 mensen deden aan beide rondes mee"),
        "{table}"
    );
    // Two left and two joined, five in both: over those five, whose scores are the same
    // files in both folders, so nothing changed.
    let (now, then) = (
        example_people(root.path(), 1, 7),
        example_people(root.path(), 3, 9),
    );
    let (how, change) = basis(&now, &then);
    assert_eq!(how, "people_in_both");
    assert_eq!(change["change"], 0.0);
    // Five left and four joined (differ by 9, five or more): everyone of both rounds.
    let (now, then) = (
        example_people(root.path(), 1, 10),
        example_people(root.path(), 6, 14),
    );
    assert_eq!(basis(&now, &then).0, "full");
    // The same people: in full.
    assert_eq!(basis(&now, &now).0, "full");
}

#[test]
fn every_team_output_ends_with_the_disclosure_policy() {
    let policy = "Groepen kleiner dan 3 worden niet getoond; gemiddelden en veranderingen \
                  afgerond op halve punten (vanaf 10 personen op 0,1); geen laagste, hoogste of \
                  middelste score;";
    let unwrapped = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let args = ["team", SMALL, "--min-group", "3"];
    for format in ["table", "md", "html"] {
        let mut with_format = args.to_vec();
        with_format.extend(["--format", format]);
        let (out, _) = run(&with_format);
        assert!(unwrapped(&out).contains(policy), "{format}:\n{out}");
    }
    let report = json(&args);
    assert!(report["policy"].as_str().unwrap().starts_with(policy));
    // CSV holds only rows: the sentence goes to stderr with the other notices.
    let (csv, stderr) = run(&["team", SMALL, "--min-group", "3", "--format", "csv"]);
    assert!(!csv.contains("Groepen"));
    assert!(stderr.contains(&format!("vakwijzer: {policy}")), "{stderr}");
    let (en, _) = run(&["--lang", "en", "team", SMALL]);
    assert!(
        unwrapped(&en).contains("Groups smaller than 5 are not shown; means and changes rounded"),
        "{en}"
    );
}

/// Every name in every scan the tests use, including the ones in broken files and the ones
/// that are no `name:` at all.
fn names() -> Vec<String> {
    let mut names = vec![
        "Vera Vertrouwelijk".to_string(),
        "Tom Tekstbestand".to_string(),
        "Nina Naamfout".to_string(),
    ];
    let mut stack: Vec<PathBuf> = [SMALL, SMALL_EARLIER, MIXED, EXAMPLE, EXAMPLE_EARLIER]
        .iter()
        .map(|d| Path::new(env!("CARGO_MANIFEST_DIR")).join(d))
        .collect();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                if let Some(name) = line.strip_prefix("name: ") {
                    names.push(name.trim().to_string());
                }
            }
        }
    }
    names.sort();
    names.dedup();
    assert!(names.len() > 30, "{names:?}");
    names
}

#[test]
fn no_name_appears_in_any_output() {
    let names = names();
    // Whole names, and each part of a name on its own as a word ("Noor", not inside "Noord").
    let words: Vec<&str> = names
        .iter()
        .flat_map(|n| n.split_whitespace())
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let runs: Vec<Vec<&str>> = vec![
        vec!["team", EXAMPLE],
        vec!["team", EXAMPLE, "--by", "team"],
        vec!["team", EXAMPLE, "--by", "role"],
        vec!["team", EXAMPLE, "--since", EXAMPLE_EARLIER, "--by", "team"],
        vec![
            "team",
            SMALL,
            "--since",
            SMALL_EARLIER,
            "--min-group",
            "3",
            "--by",
            "team",
        ],
        vec!["team", SMALL, "--min-group", "3", "--by", "team"],
        vec!["team", SMALL, "--min-group", "3", "--by", "role"],
        vec!["team", MIXED],
        vec!["team", MIXED, "--framework", "generiek"],
        vec!["team", MIXED, "--since", SMALL_EARLIER],
        vec!["--lang", "en", "team", MIXED, "--by", "team"],
    ];
    let mut checked = 0;
    for args in runs {
        for format in ["table", "md", "json", "csv", "html"] {
            let mut args = args.clone();
            args.extend(["--format", format]);
            let output = at_root().args(&args).output().unwrap();
            assert!(output.status.success(), "{args:?}");
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            for name in &names {
                assert!(!all.contains(name.as_str()), "{name} in {args:?}:\n{all}");
            }
            let is_word = |c: char| c.is_alphanumeric();
            for token in all.split(|c: char| !is_word(c)) {
                assert!(!words.contains(&token), "'{token}' in {args:?}:\n{all}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 55);
}

#[test]
fn the_report_goes_to_a_file_with_o_never_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.md");
    let output = at_root()
        .args([
            "team",
            EXAMPLE,
            "--format",
            "md",
            "-o",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.starts_with("# Teamrapport"), "{written}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "reports are owner-only");
    }
    // An input file is never written over.
    at_root()
        .args([
            "team",
            SMALL,
            "-o",
            "tests/fixtures/team-small/scan-01.yaml",
        ])
        .assert()
        .code(2);
}

/// A named pipe among the scans is passed over: opening it would wait forever.
#[cfg(unix)]
#[test]
fn a_named_pipe_in_the_folder_does_not_hang_the_report() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(EXAMPLE).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let fifo = dir.path().join("pipe.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo failed");
    at_root()
        .args(["team", dir.path().to_str().unwrap()])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success()
        .stdout(predicate::str::contains("14 scans"));
}
