//! 360-degree feedback through the real binary: rating someone else by piped lines and in a
//! pseudo-terminal, the 360 report in every format with its figures withheld below a kind's
//! minimum, the rater's name in no output, `status`, `forget` and `team` with ratings.

mod common;

use std::path::{Path, PathBuf};

use common::{example, files_in, ok, run};

/// The statements of `durf` in the Eindhoven framework, as many answers as it has.
const DURF: usize = 5;

fn rating_args<'a>(about: &'a str, kind: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["scan", "eindhoven", "--about", about, "--rater", kind];
    args.extend_from_slice(extra);
    args
}

#[test]
fn a_rating_by_piped_lines_is_saved_under_a_name_without_the_rater() {
    let dir = tempfile::tempdir().unwrap();
    let args = rating_args(
        "Sanne de Vries",
        "collega",
        &["--rater-name", "Pieter Smit", "--competency", "durf"],
    );
    let input = "4\n3\nkan ik niet beoordelen\n5\nn.v.t.\nnotitie: stapt zo op een gezin af\n";
    let out = ok(dir.path(), &args, input);
    assert!(out.contains("Dank je"), "{out}");
    let name = format!(
        "rating-eindhoven-sanne-de-vries-collega-{}.yaml",
        common::TODAY
    );
    assert_eq!(files_in(dir.path()), std::slice::from_ref(&name));
    assert!(!out.contains("Pieter") && !out.contains("Smit"), "{out}");
    let path = dir.path().join(&name);
    assert_eq!(common::mode(&path), 0o600);
    let yaml = common::read_yaml(&path);
    assert_eq!(yaml["kind"].as_str(), Some("rating"));
    assert_eq!(yaml["about"].as_str(), Some("Sanne de Vries"));
    assert_eq!(yaml["rater_kind"].as_str(), Some("collega"));
    assert_eq!(yaml["rater_name"].as_str(), Some("Pieter Smit"));
    assert_eq!(yaml["complete"].as_bool(), Some(true));
    let answers = &yaml["answers"];
    assert_eq!(answers["durf.i1"].as_u64(), Some(4));
    assert_eq!(answers["durf.i3"].as_str(), Some("nvt"));
    assert_eq!(answers["durf.i5"].as_str(), Some("nvt"));
    assert_eq!(
        yaml["notes"]["durf"].as_str(),
        Some("stapt zo op een gezin af")
    );
}

#[test]
fn a_rating_stopped_halfway_goes_on_with_resume() {
    let dir = tempfile::tempdir().unwrap();
    let args = rating_args(
        "Sanne de Vries",
        "leidinggevende",
        &["--competency", "durf"],
    );
    let out = ok(dir.path(), &args, "4\n3\nq\n");
    assert!(out.contains("--resume"), "{out}");
    let name = format!(
        "rating-eindhoven-sanne-de-vries-leidinggevende-{}.yaml",
        common::TODAY
    );
    let yaml = common::read_yaml(&dir.path().join(&name));
    assert_eq!(yaml["complete"].as_bool(), Some(false));
    assert!(yaml.get("rater_name").is_none(), "no name given, none kept");
    let out = ok(dir.path(), &["scan", "--resume", &name], "2\n2\n2\n\n");
    assert!(out.contains("Dank je"), "{out}");
    let yaml = common::read_yaml(&dir.path().join(&name));
    assert_eq!(yaml["complete"].as_bool(), Some(true));
    assert_eq!(yaml["answers"]["durf.i1"].as_u64(), Some(4));
    assert_eq!(yaml["answers"]["durf.i5"].as_u64(), Some(2));
    assert_eq!(files_in(dir.path()), [name]);
}

#[test]
fn bad_rating_arguments_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let unknown = run(dir.path(), &rating_args("Sanne", "buurman", &[]), "");
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(!unknown.status.success());
    assert!(
        message.contains("buurman") && message.contains("collega"),
        "{message}"
    );
    let no_kind = run(dir.path(), &["scan", "eindhoven", "--about", "Sanne"], "");
    assert!(!no_kind.status.success());
    assert!(String::from_utf8_lossy(&no_kind.stderr).contains("--rater"));
    let both = run(
        dir.path(),
        &rating_args("Sanne", "collega", &["--name", "Piet"]),
        "",
    );
    assert!(!both.status.success());
    let line = run(
        dir.path(),
        &rating_args("Sanne", "collega", &["--competency", "durf"]),
        "4\nzes\n",
    );
    let message = String::from_utf8_lossy(&line.stderr);
    assert!(message.contains("stdin:2"), "{message}");
    assert!(message.contains("kan ik niet beoordelen"), "{message}");
    assert_eq!(line.status.code(), Some(2));
}

#[test]
fn an_organisation_can_change_the_kinds_of_raters_but_not_below_three() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("org");
    std::fs::create_dir(&data).unwrap();
    let kinds = "kind: raters\nraters:\n  - id: mentor\n    name: mentoren\n    minimum: 3\n    origin: organisation\n";
    std::fs::write(data.join("raters.yaml"), kinds).unwrap();
    let args = ["--data", "org", "scan", "eindhoven", "--about", "Sanne"];
    let mut with_mentor = args.to_vec();
    with_mentor.extend(["--rater", "mentor", "--competency", "durf"]);
    ok(dir.path(), &with_mentor, &"3\n".repeat(DURF));
    std::fs::write(
        data.join("raters.yaml"),
        kinds.replace("minimum: 3", "minimum: 2"),
    )
    .unwrap();
    let refused = run(dir.path(), &with_mentor, "");
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success());
    assert!(message.contains("raters.yaml:5"), "{message}");
    assert!(message.contains("minstens 3"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// The 360 report

/// The example round: Sanne's self-scan, four colleagues and one team lead.
fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(example("360"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The self-scan and the ratings of `kind` (the first `count` of them) copied into `dir`.
fn round(dir: &Path, colleagues: usize, leads: usize) -> Vec<String> {
    let mut names = Vec::new();
    let (mut c, mut l) = (0, 0);
    for file in example_files() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let take = if name.starts_with("scan-") {
            true
        } else if name.contains("-collega-") {
            c += 1;
            c <= colleagues
        } else {
            l += 1;
            l <= leads
        };
        if take {
            std::fs::copy(&file, dir.join(&name)).unwrap();
            names.push(name);
        }
    }
    names
}

fn json_report(dir: &Path, files: &[String]) -> serde_json::Value {
    let mut args = vec!["report".to_string()];
    args.extend(files.iter().cloned());
    args.extend(["--format".to_string(), "json".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    serde_json::from_str(&ok(dir, &args, "")).expect("JSON")
}

fn competency<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {report}"))
}

fn group<'a>(competency: &'a serde_json::Value, kind: &str) -> Option<&'a serde_json::Value> {
    competency["others"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == kind)
}

/// The mean of a competency over the given rating files, by hand: what the report rounds.
fn mean_of(dir: &Path, files: &[String], competency: &str) -> f64 {
    let mut scores = Vec::new();
    for file in files.iter().filter(|f| f.starts_with("rating-")) {
        let yaml = common::read_yaml(&dir.join(file));
        let answers: Vec<f64> = yaml["answers"]
            .as_mapping()
            .unwrap()
            .iter()
            .filter(|(k, _)| k.as_str().unwrap().starts_with(&format!("{competency}.")))
            .filter_map(|(_, v)| v.as_f64())
            .collect();
        scores.push(answers.iter().sum::<f64>() / answers.len() as f64);
    }
    scores.iter().sum::<f64>() / scores.len() as f64
}

#[test]
fn three_colleagues_show_self_and_others_and_a_blind_spot_where_self_is_far_above() {
    let dir = tempfile::tempdir().unwrap();
    let files = round(dir.path(), 3, 0);
    let report = json_report(dir.path(), &files);
    assert_eq!(report["kind"], "feedback");
    let coachen = competency(&report, "coachen");
    // Sanne's own coachen: 5 5 5 5 4.
    assert_eq!(coachen["self"].as_f64(), Some(4.8));
    let colleagues = group(coachen, "collega").expect("colleagues shown");
    assert_eq!(colleagues["raters"].as_u64(), Some(3));
    // Below ten raters the mean is rounded to half points.
    let exact = mean_of(dir.path(), &files, "coachen");
    let shown = colleagues["mean"].as_f64().unwrap();
    assert_eq!(shown, (exact * 2.0).round() / 2.0, "exact {exact}");
    assert_eq!(coachen["finding"], "blind_spot", "{coachen}");
    assert_eq!(coachen["statements"].as_array().unwrap().len(), 3);
    let strength = competency(&report, "overtuigingskracht");
    assert_eq!(strength["finding"], "hidden_strength", "{strength}");
    // Self is never averaged with others: "alle anderen" is the colleagues' figure.
    assert_eq!(coachen["others_all"], colleagues["mean"]);
    let table = ok(
        dir.path(),
        &["report", &files[0], &files[1], &files[2], &files[3]],
        "",
    );
    let blind = table
        .split("Blinde vlekken")
        .nth(1)
        .expect("a blind spots section");
    let blind = blind.split("Verborgen krachten").next().unwrap();
    assert!(blind.contains("Coachen"), "{table}");
    assert!(table.contains("blinde vlek"), "{table}");
}

#[test]
fn with_two_colleagues_their_figures_are_withheld() {
    let dir = tempfile::tempdir().unwrap();
    let files = round(dir.path(), 2, 0);
    let report = json_report(dir.path(), &files);
    for competency in report["competencies"].as_array().unwrap() {
        assert!(group(competency, "collega").is_none(), "{competency}");
        let merged = group(competency, "anderen").expect("merged as anderen");
        assert_eq!(merged["withheld"], true);
        assert!(
            merged["mean"].is_null() && merged["raters"].is_null(),
            "{merged}"
        );
        assert!(competency["others_all"].is_null(), "{competency}");
        assert!(competency["finding"].is_null(), "{competency}");
    }
    assert!(
        report["notes"].as_array().unwrap().is_empty(),
        "no notes of a withheld kind"
    );
    let raters = &report["raters"];
    assert_eq!(raters[0]["withheld"], true);
    assert!(
        raters[0]["ratings"].is_null(),
        "not even their number: {raters}"
    );
    let mut args = vec!["report"];
    args.extend(files.iter().map(String::as_str));
    let table = ok(dir.path(), &args, "");
    assert!(
        table.contains("te weinig beoordelaars") && table.contains("te weinig "),
        "{table}"
    );
    assert!(
        !table.contains("blinde vlek ") && !table.contains("(2)"),
        "{table}"
    );
}

/// One team lead (below the minimum of leidinggevende) is in no figure: not merged with the
/// colleagues, not in "alle anderen", their note left out; so "alle anderen" minus the
/// colleagues cannot give their scores.
#[test]
fn a_kind_below_its_minimum_is_in_no_figure_and_its_notes_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let with_lead = round(dir.path(), 4, 1);
    let report = json_report(dir.path(), &with_lead);
    let without = {
        let only = tempfile::tempdir().unwrap();
        let files = round(only.path(), 4, 0);
        json_report(only.path(), &files)
    };
    for (with, without) in report["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .zip(without["competencies"].as_array().unwrap())
    {
        assert_eq!(with["others_all"], without["others_all"], "{with}");
        assert_eq!(group(with, "collega"), group(without, "collega"));
        assert_eq!(group(with, "anderen").unwrap()["withheld"], true);
    }
    let text = report.to_string();
    assert!(
        !text.contains("Stapt zonder afspraak"),
        "the lead's note: {text}"
    );
    assert!(
        text.contains("Ze neemt het gesprek vaak over"),
        "a colleague's note: {text}"
    );
}

/// Notes come in an order that follows neither the files nor their names: the same report
/// whatever the files are called and in whatever order they are given.
#[test]
fn the_order_of_notes_does_not_follow_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let files = round(dir.path(), 4, 0);
    let first = json_report(dir.path(), &files);
    let mut renamed = vec![files[0].clone()];
    for (n, file) in files.iter().skip(1).rev().enumerate() {
        let name = format!("z{n}-{file}");
        std::fs::rename(dir.path().join(file), dir.path().join(&name)).unwrap();
        renamed.push(name);
    }
    let second = json_report(dir.path(), &renamed);
    assert_eq!(first["notes"], second["notes"]);
    assert_eq!(first["competencies"], second["competencies"]);
}

/// A reader who knows the scores of every colleague but one solves the mean for the last one:
/// x = n × mean − (the others' sum). Every figure of others the report prints is at half points
/// (whole points for a statement), so x stays in an interval at least n × 0.5 wide; and two
/// reports a rater apart leave (2n + 1) × 0.25 either way. Worked out here on the example round.
#[test]
fn a_reader_who_knows_the_other_raters_cannot_solve_the_last_ones_scores() {
    let dir = tempfile::tempdir().unwrap();
    let four = round(dir.path(), 4, 0);
    let report = json_report(dir.path(), &four);
    let three_dir = tempfile::tempdir().unwrap();
    let three = round(three_dir.path(), 3, 0);
    let earlier = json_report(three_dir.path(), &three);
    let half = |v: f64| (v * 2.0 - (v * 2.0).round()).abs() < 1e-9;
    for (now, before) in report["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .zip(earlier["competencies"].as_array().unwrap())
    {
        let id = now["id"].as_str().unwrap();
        for figure in [&group(now, "collega").unwrap()["mean"], &now["others_all"]] {
            assert!(
                half(figure.as_f64().unwrap()),
                "{id}: {figure} is finer than half points"
            );
        }
        for statement in now["statements"].as_array().into_iter().flatten() {
            let others = statement["others"].as_f64().unwrap();
            assert_eq!(others, others.round(), "{id}: a statement to whole points");
        }
        // The last colleague's score, from the three the reader knows: an interval of 4 × 0.5.
        let m4 = group(now, "collega").unwrap()["mean"].as_f64().unwrap();
        let ratings: Vec<String> = four
            .iter()
            .filter(|f| f.starts_with("rating-"))
            .cloned()
            .collect();
        let known = mean_of(dir.path(), &ratings[..3], id) * 3.0;
        let last = mean_of(dir.path(), &ratings[3..], id);
        let (low, high) = (4.0 * (m4 - 0.25) - known, 4.0 * (m4 + 0.25) - known);
        assert!(
            (low..=high).contains(&last),
            "{id}: {last} in [{low}, {high}]"
        );
        assert!(
            high - low >= 2.0 - 1e-9,
            "{id}: the interval is {low}..{high}"
        );
        // Beside the earlier report of three: x = 4 m4 − 3 m3 ± 1.75, 3.5 points wide.
        let m3 = group(before, "collega").unwrap()["mean"].as_f64().unwrap();
        let guess = 4.0 * m4 - 3.0 * m3;
        assert!(
            (last - guess).abs() <= 1.75 + 1e-9,
            "{id}: {last} vs {guess}"
        );
    }
}

/// The rater names of the example round, which no output may hold.
const RATER_NAMES: [&str; 8] = [
    "Pieter", "Smit", "Ans de", "Groot", "Fatima", "Yilmaz", "Joost", "Bakker",
];

fn assert_no_rater_name(what: &str, text: &str) {
    for name in RATER_NAMES {
        assert!(!text.contains(name), "{what} holds {name:?}:\n{text}");
    }
}

#[test]
fn no_rater_name_in_any_output_of_any_format() {
    let dir = tempfile::tempdir().unwrap();
    round(dir.path(), 4, 1);
    for format in ["table", "md", "html", "json", "csv", "pdf", "xlsx"] {
        let out = format!("out.{format}");
        let output = run(
            dir.path(),
            &["report", ".", "--format", format, "-o", &out],
            "",
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{format}: {stderr}");
        assert_no_rater_name(&format!("stderr of {format}"), &stderr);
        let path = dir.path().join(&out);
        let text = match format {
            "pdf" => common::tool("pdftotext", &[path.to_str().unwrap(), "-"]),
            "xlsx" => xlsx_text(&path),
            _ => std::fs::read_to_string(&path).unwrap(),
        };
        assert!(
            text.contains("Sanne de Vries") || ["csv", "xlsx"].contains(&format),
            "{format}: {text}"
        );
        assert_no_rater_name(format, &text);
    }
    // The terminal, as a person at it sees the report.
    let table = ok(dir.path(), &["report", "."], "");
    assert!(table.contains("collega"), "{table}");
    assert_no_rater_name("the terminal", &table);
}

/// Every XML part of a workbook, as text.
fn xlsx_text(path: &Path) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    for index in 0..zip.len() {
        let mut part = zip.by_index(index).unwrap();
        part.read_to_string(&mut text).unwrap();
    }
    assert!(text.contains("coachen"), "a workbook with the records");
    text
}

// ---------------------------------------------------------------------------------------------
// Who still has to respond, forgetting, the team report

#[test]
fn status_counts_finished_and_begun_ratings_per_person_and_kind_without_scores() {
    let dir = tempfile::tempdir().unwrap();
    round(dir.path(), 4, 1);
    // One more colleague begins a rating of Sanne and stops; one rates Mehmet.
    let args = rating_args("Sanne de Vries", "collega", &["--rater-name", "Els Visser"]);
    ok(dir.path(), &args, "4\n3\nq\n");
    ok(
        dir.path(),
        &rating_args("Mehmet Kaya", "leidinggevende", &["--competency", "durf"]),
        &"3\n".repeat(DURF),
    );
    let out = ok(dir.path(), &["status", ".", "--format", "json"], "");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let row = |person: &str, kind: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["person"] == person && r["kind"] == kind)
            .unwrap_or_else(|| panic!("no {person}/{kind} in {rows}"))
            .clone()
    };
    let colleagues = row("Sanne de Vries", "collega's");
    assert_eq!(
        (
            colleagues["complete"].as_u64(),
            colleagues["started"].as_u64()
        ),
        (Some(4), Some(1))
    );
    let lead = row("Sanne de Vries", "leidinggevenden");
    assert_eq!(
        (lead["complete"].as_u64(), lead["started"].as_u64()),
        (Some(1), Some(0))
    );
    let own = row("Sanne de Vries", "zelfscan");
    assert_eq!(own["complete"].as_u64(), Some(1));
    let mehmet = row("Mehmet Kaya", "zelfscan");
    assert_eq!(
        (mehmet["complete"].as_u64(), mehmet["started"].as_u64()),
        (Some(0), Some(0))
    );
    let table = ok(dir.path(), &["status", "."], "");
    assert!(
        table.contains("Sanne de Vries") && table.contains("begonnen"),
        "{table}"
    );
    for text in [&out, &table] {
        assert_no_rater_name("status", text);
        assert!(!text.contains("Els Visser"), "{text}");
        // No score: the only numbers are the counts.
        assert!(!text.contains(",5") && !text.contains(".5"), "{text}");
    }
}

#[test]
fn forget_removes_the_persons_scans_and_ratings_about_them_and_their_name_from_ratings_they_gave() {
    let dir = tempfile::tempdir().unwrap();
    round(dir.path(), 4, 0);
    // Pieter Smit (a rater of Sanne) is rated himself, and has a scan.
    let about_pieter = rating_args("Pieter Smit", "collega", &["--competency", "durf"]);
    ok(dir.path(), &about_pieter, &"3\n".repeat(DURF));
    let before = files_in(dir.path());
    let given = before
        .iter()
        .find(|f| {
            f.contains("sanne")
                && std::fs::read_to_string(dir.path().join(f))
                    .unwrap()
                    .contains("Pieter Smit")
        })
        .expect("Pieter's rating of Sanne")
        .clone();
    let out = ok(dir.path(), &["forget", ".", "--name", "Pieter Smit"], "");
    let about = format!(
        "rating-eindhoven-pieter-smit-collega-{}.yaml",
        common::TODAY
    );
    assert!(out.contains(&about), "{out}");
    assert!(
        out.contains(&given) && out.contains("eruit gehaald"),
        "{out}"
    );
    let after = files_in(dir.path());
    assert!(!after.contains(&about), "{after:?}");
    assert!(
        after.contains(&given),
        "the rating of Sanne stays: {after:?}"
    );
    let text = std::fs::read_to_string(dir.path().join(&given)).unwrap();
    assert!(
        !text.contains("Pieter") && !text.contains("rater_name"),
        "{text}"
    );
    assert!(
        text.contains("about: Sanne de Vries") && text.contains("coachen.i1"),
        "{text}"
    );
    // The rating, anonymous now, still counts in Sanne's report.
    let report = json_report(
        dir.path(),
        &[
            "scan-eindhoven-sanne-de-vries-2026-11-16.yaml".into(),
            given,
        ],
    );
    assert_eq!(
        report["raters"][0]["withheld"], true,
        "one rating alone is withheld"
    );
    // Forgetting Sanne removes her scan and every rating about her.
    let out = ok(dir.path(), &["forget", ".", "--name", "Sanne de Vries"], "");
    assert!(out.contains("5"), "{out}");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );
}

#[test]
fn team_uses_self_scans_only_and_counts_the_ratings_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    for file in std::fs::read_dir(example("team")).unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(&file, dir.path().join(file.file_name().unwrap())).unwrap();
    }
    let without = ok(dir.path(), &["team", ".", "--format", "json"], "");
    for name in round(dir.path(), 4, 1) {
        if name.starts_with("scan-") {
            std::fs::remove_file(dir.path().join(name)).unwrap();
        }
    }
    let output = run(dir.path(), &["team", ".", "--format", "json"], "");
    assert!(output.status.success());
    let with: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let without: serde_json::Value = serde_json::from_str(&without).unwrap();
    assert_eq!(
        with["team"], without["team"],
        "the ratings change no figure"
    );
    let skipped = with["skipped"].as_array().unwrap();
    let ratings = skipped
        .iter()
        .find(|s| s["reason"] == "rating")
        .expect("ratings counted");
    assert_eq!(ratings["count"].as_u64(), Some(5));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("beoordeling door een ander"), "{stderr}");
    assert_no_rater_name("team stderr", &stderr);
}

#[cfg(unix)]
mod terminal {
    use super::*;
    use common::pty::{ENTER, Pty};

    /// At a terminal the rater is asked about the person: the question above each statement,
    /// "kan ik niet beoordelen" as key 0, and a note about what they saw.
    #[test]
    fn a_rating_at_a_terminal_speaks_about_the_person() {
        let dir = tempfile::tempdir().unwrap();
        let args = rating_args(
            "Sanne de Vries",
            "collega",
            &["--rater-name", "Pieter Smit", "--competency", "durf"],
        );
        let mut pty = Pty::start(dir.path(), &args);
        for key in ['4', '0', '3', '5', '2'] {
            pty.expect("Hoe vaak zie je Sanne de Vries dit doen?");
            pty.expect("0 kan ik niet beoordelen");
            pty.send(&key.to_string());
            pty.send(ENTER);
        }
        pty.expect("Een voorbeeld waarin je Sanne de Vries dit zag doen");
        pty.expect(common::pty::EDITOR);
        pty.send(&format!("gaat er op af{ENTER}{ENTER}"));
        let output = pty.finish();
        assert!(output.contains("Dank je"), "{output}");
        assert!(!output.contains("Pieter"), "{output}");
        let name = format!(
            "rating-eindhoven-sanne-de-vries-collega-{}.yaml",
            common::TODAY
        );
        let yaml = common::read_yaml(&dir.path().join(name));
        assert_eq!(yaml["answers"]["durf.i2"].as_str(), Some("nvt"));
        assert_eq!(yaml["answers"]["durf.i5"].as_u64(), Some(2));
        assert_eq!(yaml["notes"]["durf"].as_str(), Some("gaat er op af"));
    }
}
