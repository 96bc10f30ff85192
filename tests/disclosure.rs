//! Team reports that cannot be taken apart: property tests over generated teams of 3 to 20 scans
//! that read the published figures back from JSON (the richest output) and CSV and compute the
//! attacks an outside reader with a calculator would try:
//!
//! - order statistics in one report (at n = 5 and n = 3 among others): a minimum, median or
//!   maximum is one person's score, and with the mean and spread the others follow;
//! - leave-one-out: two reports of a folder with and without one scan, whose
//!   `mean × n − mean' × (n − 1)` is the one person's score;
//! - `--since` over two rounds that differ by one person (who joined, or who left), with the
//!   change and the earlier mean;
//! - the same per `--by team` and `--by role` group.
//!
//! Each attack gives an interval of scores consistent with the figures it uses, given how the
//! disclosure policy (SECURITY.md) says they are rounded; a figure that is not a multiple of its
//! step counts as exact to the two decimals it would then be printed with. Every interval must be
//! at least one scale point wide. The interval is not cut to the scale's ends: near them the
//! scale itself narrows it (a person added to a team of ten, all at the top, is known to score
//! high), which no rounding to 0.1 can prevent; SECURITY.md says so.
//!
//! `VAKWIJZER_BIN` runs the tests against another build (how they were shown to fail on the
//! code before the policy).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::Value;

use common::at_root;

// ---- generated teams ----

#[derive(Debug, Clone)]
struct Person {
    team: &'static str,
    role: &'static str,
    /// creativiteit has four statements, durf five; each answer 1 to 5.
    creativiteit: Vec<u8>,
    durf: Vec<u8>,
}

fn person() -> impl Strategy<Value = Person> {
    (
        prop::sample::select(vec!["Noord", "Zuid"]),
        prop::sample::select(vec!["generalist", "ervaringsdeskundige"]),
        prop::collection::vec(1u8..=5, 4),
        prop::collection::vec(1u8..=5, 5),
    )
        .prop_map(|(team, role, creativiteit, durf)| Person {
            team,
            role,
            creativiteit,
            durf,
        })
}

/// Writes each person as a finished scan; `index` names the file and the person, so a person
/// written into two folders is the same person in both.
fn write_scan(dir: &Path, index: usize, person: &Person) {
    let mut text = format!(
        "schema: 1\nkind: scan\nframework: eindhoven\nfingerprint: sha256:d656f8bf80e049ea\n\
         name: Persoon {index}\nteam: {}\nrole: {}\nstarted: 2026-11-10T10:00:00Z\n\
         updated: 2026-11-10T10:00:00Z\ncompetencies:\n- creativiteit\n- durf\n\
         complete: true\nanswers:\n",
        person.team, person.role
    );
    for (i, answer) in person.creativiteit.iter().enumerate() {
        text.push_str(&format!("  creativiteit.i{}: {answer}\n", i + 1));
    }
    for (i, answer) in person.durf.iter().enumerate() {
        text.push_str(&format!("  durf.i{}: {answer}\n", i + 1));
    }
    text.push_str("notes: {}\n");
    std::fs::write(dir.join(format!("scan-{index:02}.yaml")), text).unwrap();
}

/// A folder with everyone but `left_out`.
fn folder(root: &Path, name: &str, people: &[Person], left_out: Option<usize>) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for (index, person) in people.iter().enumerate() {
        if Some(index) != left_out {
            write_scan(&dir, index, person);
        }
    }
    dir
}

// ---- the published figures ----

/// What one row of a report publishes about one competency in one group.
#[derive(Debug, Clone, Default)]
struct Published {
    scans: Option<f64>,
    mean: Option<f64>,
    sd: Option<f64>,
    median: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    previous_mean: Option<f64>,
    change: Option<f64>,
}

/// Group ("" for the whole team, else "team:Noord") -> competency -> figures.
type Figures = BTreeMap<String, BTreeMap<String, Published>>;

struct Report {
    figures: Figures,
    /// The earlier round's size, with `--since`.
    earlier_scans: Option<f64>,
}

fn output(args: &[&str]) -> String {
    let output = at_root().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn json_report(args: &[&str]) -> Report {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let report: Value = serde_json::from_str(&output(&args)).unwrap();
    let mut figures = Figures::new();
    let mut sections = vec![(String::new(), &report["team"])];
    if let Some(groups) = report["split"]["groups"].as_array() {
        let field = report["split"]["field"].as_str().unwrap();
        for group in groups {
            let value = group["value"].as_str().unwrap_or("");
            sections.push((format!("{field}:{value}"), group));
        }
    }
    for (key, section) in sections {
        let rows = figures.entry(key).or_default();
        for row in section["competencies"].as_array().unwrap() {
            let stats = &row["stats"];
            let change = &row["change"];
            rows.insert(
                row["id"].as_str().unwrap().to_string(),
                Published {
                    scans: stats["scans"].as_f64(),
                    mean: stats["mean"].as_f64(),
                    sd: stats["sd"].as_f64(),
                    median: stats["median"].as_f64(),
                    min: stats["min"].as_f64(),
                    max: stats["max"].as_f64(),
                    previous_mean: change["previous_mean"].as_f64(),
                    change: change["change"].as_f64(),
                },
            );
        }
    }
    Report {
        figures,
        earlier_scans: report["since"]["scans"].as_f64(),
    }
}

fn csv_report(args: &[&str]) -> Report {
    let mut args = args.to_vec();
    args.extend(["--format", "csv"]);
    // The Dutch CSV, the default: the one a trainer opens in a spreadsheet.
    let csv = common::Csv::read(&output(&args), "nl");
    // Every column has an id, so a new one (a median, say) is looked for below by that id.
    assert!(
        csv.unnamed.is_empty(),
        "columns without an id: {:?}",
        csv.unnamed
    );
    let mut figures = Figures::new();
    for record in &csv.rows {
        let cell = |id: &str| csv.get(record, id);
        let number = |id: &str| csv.number(record, id);
        let key = match (cell("group_field"), cell("group")) {
            (Some(field), group) => format!("{field}:{}", group.unwrap_or("")),
            (None, _) => String::new(),
        };
        figures.entry(key).or_default().insert(
            cell("competency").unwrap().to_string(),
            Published {
                scans: number("scans"),
                mean: number("mean"),
                sd: number("sd"),
                median: number("median"),
                min: number("min"),
                max: number("max"),
                previous_mean: number("previous_mean"),
                change: number("change"),
            },
        );
    }
    Report {
        figures,
        earlier_scans: None,
    }
}

// ---- what the figures leave open ----

/// Half the rounding step of a published figure, as the policy states it: means and changes
/// to 0.1 over 10 or more people and to half points below, standard deviations to half points.
/// A value that is not a multiple of that step was not rounded so: it is exact to two decimals.
fn doubt(value: f64, step: f64) -> f64 {
    let steps = value / step;
    if (steps - steps.round()).abs() < 1e-6 {
        step / 2.0
    } else {
        0.005
    }
}

fn mean_step(people: f64) -> f64 {
    if people >= 10.0 { 0.1 } else { 0.5 }
}

/// The width of the scores consistent with the difference of two means over groups that differ
/// by one person: `big × mean_big − small × mean_small`, each mean known to within its doubt.
fn difference_width(big: (f64, f64, f64), small: (f64, f64, f64)) -> f64 {
    let (n, _, doubt_big) = big;
    let (m, _, doubt_small) = small;
    2.0 * (n * doubt_big + m * doubt_small)
}

/// One attack's result: what it used, and how wide the scores consistent with it are.
#[derive(Debug)]
struct Finding {
    attack: String,
    width: f64,
}

/// Order statistics in one report: a minimum, median or maximum is one person's score (known
/// to two decimals); otherwise any one person's score is within `sd × √(n − 1)` of the mean
/// (Samuelson's inequality), with the doubt of both.
fn order_statistics(figures: &Figures, findings: &mut Vec<Finding>) {
    for (group, rows) in figures {
        for (competency, row) in rows {
            let attack = |what: &str| format!("{what} of {competency} in '{group}'");
            for (name, value) in [("min", row.min), ("median", row.median), ("max", row.max)] {
                if value.is_some() {
                    findings.push(Finding {
                        attack: attack(name),
                        width: 0.01,
                    });
                }
            }
            if let (Some(n), Some(mean), Some(sd)) = (row.scans, row.mean, row.sd) {
                let reach = (sd + doubt(sd, 0.5)) * (n - 1.0).sqrt();
                findings.push(Finding {
                    attack: attack("mean and sd"),
                    width: 2.0 * (doubt(mean, mean_step(n)) + reach),
                });
            }
        }
    }
}

/// Two reports whose groups differ by one person: each group's mean in one against the same
/// group's in the other.
fn leave_one_out(with: &Figures, without: &Figures, findings: &mut Vec<Finding>) {
    for (group, rows) in with {
        let Some(other) = without.get(group) else {
            continue;
        };
        for (competency, row) in rows {
            let Some(then) = other.get(competency) else {
                continue;
            };
            let (Some(n), Some(mean), Some(m), Some(mean_then)) =
                (row.scans, row.mean, then.scans, then.mean)
            else {
                continue;
            };
            if (n - m).abs() != 1.0 {
                continue;
            }
            let big = (n, mean, doubt(mean, mean_step(n)));
            let small = (m, mean_then, doubt(mean_then, mean_step(m)));
            let (big, small) = if n > m { (big, small) } else { (small, big) };
            findings.push(Finding {
                attack: format!("leave-one-out of {competency} in '{group}' ({n} vs {m})"),
                width: difference_width(big, small),
            });
        }
    }
}

/// A `--since` report of rounds that differ by one person: the mean now against the earlier
/// mean shown with the change, and against the earlier mean worked out as `mean − change`.
fn since_difference(report: &Report, earlier: &Figures, findings: &mut Vec<Finding>) {
    let team_then = report.earlier_scans;
    for (group, rows) in &report.figures {
        for (competency, row) in rows {
            let (Some(n), Some(mean)) = (row.scans, row.mean) else {
                continue;
            };
            // The earlier round's size: the team's from the report, a group's from the
            // earlier round's own report (the readers have it too).
            let then_scans = if group.is_empty() {
                team_then
            } else {
                earlier
                    .get(group)
                    .and_then(|r| r.get(competency))
                    .and_then(|r| r.scans)
            };
            let Some(m) = then_scans else { continue };
            if (n - m).abs() != 1.0 {
                continue;
            }
            let now = (n, mean, doubt(mean, mean_step(n)));
            let compare = |then: (f64, f64, f64), what: &str, findings: &mut Vec<Finding>| {
                let (big, small) = if n > m { (now, then) } else { (then, now) };
                findings.push(Finding {
                    attack: format!("--since {what} of {competency} in '{group}' ({n} vs {m})"),
                    width: difference_width(big, small),
                });
            };
            let smaller = n.min(m);
            if let Some(previous) = row.previous_mean {
                let previous_doubt = doubt(previous, mean_step(m));
                compare((m, previous, previous_doubt), "earlier mean", findings);
                if let Some(change) = row.change {
                    // mean now − change: the doubt of both the change and the earlier mean.
                    let doubt = previous_doubt + doubt(change, mean_step(smaller));
                    compare((m, previous, doubt), "mean − change", findings);
                }
            }
        }
    }
}

fn assert_uncertain(findings: &[Finding], case: &str) -> Result<(), TestCaseError> {
    for finding in findings {
        prop_assert!(
            finding.width >= 1.0 - 1e-9,
            "{case}: {} pins a score to within {:.3} of a scale point",
            finding.attack,
            finding.width
        );
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("VAKWIJZER_DISCLOSURE_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(12),
        failure_persistence: None,
        max_shrink_iters: 64,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// One team of 3 to 20 (a third of the cases exactly 3 or 5, where the order statistics
    /// were the scores), with and without one of its people, at the smallest minimum (3) and
    /// at the default (5).
    #[test]
    fn one_report_and_two_reports_a_scan_apart_pin_no_score(
        people in prop_oneof![Just(3usize), Just(5), 3..=20usize]
            .prop_flat_map(|n| prop::collection::vec(person(), n)),
        left_out in any::<prop::sample::Index>(),
        default_minimum in any::<bool>(),
    ) {
        let root = tempfile::tempdir().unwrap();
        let left_out = left_out.index(people.len());
        let all = folder(root.path(), "all", &people, None);
        let fewer = folder(root.path(), "fewer", &people, Some(left_out));
        let minimum = if default_minimum { "5" } else { "3" };
        let (all, fewer) = (all.to_str().unwrap(), fewer.to_str().unwrap());
        for read in [json_report, csv_report] {
            let with = read(&["team", all, "--min-group", minimum]);
            let without = read(&["team", fewer, "--min-group", minimum]);
            let mut findings = Vec::new();
            order_statistics(&with.figures, &mut findings);
            order_statistics(&without.figures, &mut findings);
            leave_one_out(&with.figures, &without.figures, &mut findings);
            // The attacks have figures to work on whenever both reports show the team.
            let shown = people.len() > minimum.parse::<usize>().unwrap();
            prop_assert!(
                !shown || findings.iter().any(|f| f.attack.starts_with("leave-one-out")),
                "no figures to attack: {findings:?}"
            );
            assert_uncertain(&findings, &format!("{} people, minimum {minimum}", people.len()))?;
        }
    }

    /// Two rounds that differ by one person, who joined or who left, split by team or role.
    #[test]
    fn rounds_a_person_apart_pin_no_score_in_the_team_or_a_group(
        people in prop::collection::vec(person(), 6..=20),
        moved in any::<prop::sample::Index>(),
        joined in any::<bool>(),
        by_role in any::<bool>(),
    ) {
        let root = tempfile::tempdir().unwrap();
        let moved = moved.index(people.len());
        let all = folder(root.path(), "all", &people, None);
        let fewer = folder(root.path(), "fewer", &people, Some(moved));
        // Joined: the earlier round lacks them; left: the later round does.
        let (now, then) = if joined { (&all, &fewer) } else { (&fewer, &all) };
        let (now, then) = (now.to_str().unwrap(), then.to_str().unwrap());
        let by = if by_role { "role" } else { "team" };
        let common = ["--min-group", "3", "--by", by];
        let with_since = |rest: &[&str]| -> Vec<String> {
            let mut args: Vec<String> = ["team", now, "--since", then]
                .iter()
                .map(|s| s.to_string())
                .collect();
            args.extend(rest.iter().map(|s| s.to_string()));
            args
        };
        let args = with_since(&common);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut earlier_args = vec!["team", then];
        earlier_args.extend(common);
        let mut findings = Vec::new();
        let report = json_report(&args);
        let earlier = json_report(&earlier_args);
        since_difference(&report, &earlier.figures, &mut findings);
        leave_one_out(&report.figures, &earlier.figures, &mut findings);
        // CSV has no earlier round's size: its figures against the JSON's sizes.
        let csv = csv_report(&args);
        let csv = Report { figures: csv.figures, earlier_scans: report.earlier_scans };
        since_difference(&csv, &earlier.figures, &mut findings);
        prop_assert!(
            findings.iter().any(|f| f.attack.starts_with("--since earlier mean")),
            "no figures to attack: {findings:?}"
        );
        let case = format!(
            "{} people, {} {moved}, by {by}",
            people.len(),
            if joined { "joined:" } else { "left:" }
        );
        assert_uncertain(&findings, &case)?;
    }
}
