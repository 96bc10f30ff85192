//! Every command that prints a table, in pseudo-terminals of 60, 80 and 120 columns: no line is
//! wider than the terminal, and every name and figure the command's JSON gives is printed
//! whole (a name on one line, a figure unbroken). Also: piped output takes `COLUMNS`, and files
//! and pipes without it the documented 100 columns.
#![cfg(unix)]

mod common;

use std::path::Path;

use serde_json::Value;

use common::pty::Pty;

const WIDTHS: [u16; 3] = [60, 80, 120];
/// The width of output to a pipe or file when `COLUMNS` is not set (README).
const DEFAULT_WIDTH: usize = 100;

/// `vakwijzer ARGS` in a pseudo-terminal of `columns` columns: its output, without the
/// terminal's carriage returns. The run must succeed. Standard error (notices, hints) is left
/// out: the tables are on standard output.
fn in_terminal(columns: u16, args: &[&str]) -> String {
    Pty::options()
        .columns(columns)
        .rows(50)
        .without_stderr()
        .context(&format!("{columns} columns"))
        .start(Path::new(common::ROOT), args)
        .finish()
        .replace('\r', "")
}

/// `vakwijzer ARGS` from the repository root with its output piped, `COLUMNS` set when given.
fn piped(args: &[&str], columns: Option<&str>) -> String {
    let mut command = common::at_root();
    if let Some(columns) = columns {
        command.env("COLUMNS", columns);
    }
    let output = command.args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    serde_json::from_str(&piped(&args, None)).unwrap()
}

/// A figure as the terminal shows it: two decimals, a decimal comma.
fn figure(value: &Value) -> String {
    figure_to(value, 2)
}

/// A gap (target minus score) as the personal report words it: "0,80 onder doel".
fn gap_words(value: &Value) -> String {
    match value.as_f64() {
        Some(gap) if gap > 0.0 => format!("{} onder doel", figure(value)),
        Some(gap) if gap < 0.0 => format!("{} boven doel", figure(&Value::from(-gap))),
        _ => "op doel".to_string(),
    }
}

/// A figure with `decimals` decimals (the team report rounds to one), a decimal comma.
fn figure_to(value: &Value, decimals: usize) -> String {
    match value.as_f64() {
        Some(v) if value.is_f64() => format!("{v:.decimals$}").replace('.', ","),
        _ => value.to_string(),
    }
}

/// What a command's output must hold whole: names, each on one line, and figures.
#[derive(Default)]
struct Expected {
    names: Vec<String>,
    figures: Vec<String>,
}

impl Expected {
    fn names<'a>(&mut self, values: impl IntoIterator<Item = &'a Value>) {
        self.names
            .extend(values.into_iter().map(|v| v.as_str().unwrap().to_string()));
    }

    fn figures<'a>(&mut self, values: impl IntoIterator<Item = &'a Value>) {
        self.figures
            .extend(values.into_iter().filter(|v| !v.is_null()).map(figure));
    }
}

fn each<'a>(list: &'a Value, field: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    list.as_array()
        .unwrap()
        .iter()
        .map(move |item| &item[field])
}

fn assert_fits(output: &str, columns: usize, what: &str) {
    for line in output.lines() {
        assert!(
            line.chars().count() <= columns,
            "{what}: a line of {} columns in a terminal of {columns}:\n{line}\n\n{output}",
            line.chars().count()
        );
    }
}

fn assert_whole(output: &str, expected: &Expected, what: &str) {
    assert!(!expected.names.is_empty() && !expected.figures.is_empty());
    for name in &expected.names {
        assert!(
            output.lines().any(|line| line.contains(name.as_str())),
            "{what}: '{name}' is not on one line:\n{output}"
        );
    }
    for figure in &expected.figures {
        assert!(
            output.contains(figure.as_str()),
            "{what}: '{figure}' is broken or missing:\n{output}"
        );
    }
}

/// The table commands on the example data, each with what its JSON says must be printed.
fn table_commands() -> Vec<(Vec<&'static str>, Expected)> {
    let mut commands = Vec::new();

    let args = vec!["frameworks"];
    let list = json(&args);
    let mut expected = Expected::default();
    expected.names(each(&list, "id"));
    for field in ["competencies", "indicators", "questions"] {
        expected.figures(each(&list, field));
    }
    commands.push((args, expected));

    let args = vec![
        "report",
        "data/examples/scans/sanne-2026-11.yaml",
        "data/examples/scans/sanne-2026-05.yaml",
    ];
    let report = json(&args);
    let mut expected = Expected::default();
    expected.names(each(&report["competencies"], "name"));
    for field in ["score", "target"] {
        expected.figures(each(&report["competencies"], field));
    }
    let gaps = each(&report["competencies"], "gap").filter(|g| !g.is_null());
    expected.figures.extend(gaps.map(gap_words));
    for field in ["previous", "current", "change"] {
        expected.figures(each(&report["progress"]["rows"], field));
    }
    commands.push((args, expected));

    let args = vec![
        "report",
        "data/examples/interviews/noor-ans.yaml",
        "data/examples/interviews/noor-pieter.yaml",
    ];
    let card = json(&args);
    let mut expected = Expected::default();
    expected.names(each(&card["competencies"], "name"));
    expected.names([&card["candidate"]]);
    expected.figures(each(&card["competencies"], "mean"));
    expected.figures([&card["overall"]]);
    commands.push((args, expected));

    let mut args = vec!["compare"];
    args.extend([
        "data/examples/interviews/jeroen-ans.yaml",
        "data/examples/interviews/jeroen-pieter.yaml",
        "data/examples/interviews/noor-ans.yaml",
        "data/examples/interviews/noor-pieter.yaml",
        "data/examples/interviews/sanne-ans.yaml",
        "data/examples/interviews/sanne-pieter.yaml",
    ]);
    let comparison = json(&args);
    let mut expected = Expected::default();
    expected.names(each(&comparison["candidates"], "candidate"));
    expected.figures(each(&comparison["candidates"], "overall"));
    for candidate in comparison["candidates"].as_array().unwrap() {
        expected.figures(candidate["means"].as_array().unwrap());
    }
    commands.push((args, expected));

    for args in [
        vec!["team", "data/examples/team"],
        vec![
            "team",
            "data/examples/team",
            "--since",
            "data/examples/team-2026-voorjaar",
        ],
    ] {
        let team = json(&args);
        let mut expected = Expected::default();
        let rows = &team["team"]["competencies"];
        expected.names(each(rows, "name"));
        for row in rows.as_array().unwrap() {
            let stats = &row["stats"];
            let rounded = ["mean", "sd"].map(|field| figure_to(&stats[field], 1));
            expected.figures.extend(rounded);
            let counts: Vec<String> = each(&stats["distribution"], "count")
                .map(Value::to_string)
                .collect();
            expected.figures.push(counts.join("/"));
            if !row["change"].is_null() {
                expected
                    .figures
                    .push(figure_to(&row["change"]["change"], 1));
            }
        }
        commands.push((args, expected));
    }

    let args = vec!["show", "eindhoven"];
    let framework = json(&args);
    let mut expected = Expected::default();
    expected.names(each(&framework["competencies"], "id"));
    expected.figures(each(&framework["competencies"], "number"));
    commands.push((args, expected));

    let args = vec!["show", "generiek", "verbinden"];
    let competency = json(&args);
    let mut expected = Expected::default();
    expected.names([&competency["id"]]);
    expected.figures([&competency["number"]]);
    commands.push((args, expected));

    let args = vec!["boks"];
    let boks = json(&args);
    let mut expected = Expected::default();
    expected.names(each(&boks["rows"], "cluster"));
    expected.figures(each(&boks["work_fields"], "number"));
    commands.push((args, expected));
    commands
}

#[test]
fn every_table_fits_the_terminal_and_keeps_names_and_figures_whole() {
    for (args, expected) in table_commands() {
        for columns in WIDTHS {
            let output = in_terminal(columns, &args);
            let what = format!("vakwijzer {} at {columns} columns", args.join(" "));
            assert_fits(&output, usize::from(columns), &what);
            assert_whole(&output, &expected, &what);
        }
    }
}

#[test]
fn a_table_too_wide_for_the_terminal_becomes_one_block_per_record() {
    let args = [
        "team",
        "data/examples/team",
        "--since",
        "data/examples/team-2026-voorjaar",
    ];
    let team = json(&args);
    let first = &team["team"]["competencies"][0];
    assert_eq!(first["name"], "Aanpassingsvermogen");
    let mean = format!("gem.: {}", figure_to(&first["stats"]["mean"], 1));
    let change = format!("verschil: +{}", figure_to(&first["change"]["change"], 1));
    let wide = in_terminal(120, &args);
    assert!(
        wide.contains("│ Aanpassingsvermogen "),
        "a grid at 120:\n{wide}"
    );
    let narrow = in_terminal(60, &args);
    assert!(!narrow.contains('│'), "no grid at 60:\n{narrow}");
    // The competency titles its block; its figures follow under their headers.
    let block = narrow
        .split("\n\n")
        .find(|block| block.starts_with("Aanpassingsvermogen\n"))
        .unwrap_or_else(|| panic!("no block for Aanpassingsvermogen:\n{narrow}"));
    assert!(block.contains(&mean), "{mean}:\n{block}");
    assert!(block.contains(&change), "{change}:\n{block}");
}

#[test]
fn piped_output_takes_columns_and_files_and_pipes_else_a_hundred() {
    let args = [
        "team",
        "data/examples/team",
        "--since",
        "data/examples/team-2026-voorjaar",
    ];
    let at_60 = piped(&args, Some("60"));
    assert_fits(&at_60, 60, "COLUMNS=60");
    assert!(!at_60.contains('│'), "{at_60}");
    let default = piped(&args, None);
    assert_fits(&default, DEFAULT_WIDTH, "no COLUMNS");
    assert!(
        default.lines().any(|l| l.chars().count() > 80),
        "as wide as 100 columns allow:\n{default}"
    );
    // A file written from a narrow terminal is as wide as a pipe, not as the terminal.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.txt");
    let mut in_file = args.to_vec();
    let file_arg = file.display().to_string();
    in_file.extend(["-o", &file_arg]);
    in_terminal(60, &in_file);
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written.trim_end(), default.trim_end());
}

/// A whole Eindhoven scan, answered 4 except for one statement per competency.
fn piped_answers() -> String {
    let framework = json(&["show", "eindhoven"]);
    let mut answers = String::new();
    for competency in framework["competencies"].as_array().unwrap() {
        let count = competency["indicators"].as_array().unwrap().len();
        for index in 0..count {
            answers.push_str(if index == 0 { "2\n" } else { "4\n" });
        }
    }
    answers
}

#[test]
fn a_finished_scan_ends_with_a_summary_that_fits_not_the_whole_report() {
    let answers = piped_answers();
    for columns in WIDTHS {
        let dir = tempfile::tempdir().unwrap();
        let output = common::run_with_input(
            common::command(dir.path())
                .env("COLUMNS", columns.to_string())
                .args([
                    "scan",
                    "eindhoven",
                    "--name",
                    "Fleur Jansen",
                    "-o",
                    "fleur.yaml",
                ]),
            &answers,
        );
        assert!(output.status.success(), "{output:?}");
        let stdout = String::from_utf8(output.stdout.clone()).unwrap();
        let summary = stdout
            .split_once("Klaar, Fleur Jansen.")
            .map(|(_, after)| after)
            .unwrap_or_else(|| panic!("no summary at {columns}:\n{stdout}\n{output:?}"));
        let what = format!("the end of a scan at {columns} columns");
        // Commands to copy stay on one line; everything else fits.
        let prose: String = summary
            .lines()
            .filter(|line| !line.contains("vakwijzer report"))
            .map(|line| format!("{line}\n"))
            .collect();
        assert_fits(&prose, usize::from(columns), &what);
        for whole_report in ["Sterke punten", "Ontwikkelpunten", "BoKS", "Methoden"] {
            assert!(!summary.contains(whole_report), "{what}:\n{summary}");
        }
        for hint in [
            "Opgeslagen in fleur.yaml",
            "Rapport: vakwijzer report fleur.yaml",
            "vakwijzer report fleur.yaml --format pdf -o fleur.pdf",
        ] {
            assert!(summary.contains(hint), "{what}: no {hint}:\n{summary}");
        }
        // The scores against the targets are those of the report.
        let path = dir.path().join("fleur.yaml");
        let report = json(&["report", path.to_str().unwrap()]);
        let mut expected = Expected::default();
        expected.names(each(&report["competencies"], "name"));
        for field in ["score", "target"] {
            expected.figures(each(&report["competencies"], field));
        }
        let gaps = each(&report["competencies"], "gap").filter(|g| !g.is_null());
        expected.figures.extend(gaps.map(gap_words));
        assert_whole(summary, &expected, &what);
        let below = each(&report["competencies"], "gap")
            .filter(|gap| gap.as_f64().is_some_and(|g| g > 0.0))
            .count();
        let line = format!("Onder het doel: {below} van de 8 competenties.");
        assert!(summary.contains(&line), "{what}: no '{line}':\n{summary}");
    }
}
