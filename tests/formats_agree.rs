//! The formats say the same: the same facts (scores, n.v.t. counts, ratings, "bespreken",
//! notices) read back out of the terminal table, the Markdown, the HTML (as text) and the PDF
//! (pdftotext) of each report are equal, and equal to the JSON. Every format is drawn from one
//! document, so a count shown in one and not in another (the PDF once showed "3/4" where the
//! table said "3/4 (1 n.v.t.)") fails here.

mod common;

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;

use common::example;

/// `vakwijzer` in `dir`, 120 columns wide: wide enough that no table becomes blocks.
fn wide(dir: &Path) -> Command {
    let mut command = common::vakwijzer(dir);
    command.env("COLUMNS", "120");
    command
}

/// The report in `format`, as text: HTML without its markup and charts, PDF through pdftotext.
fn text(dir: &Path, args: &[String], format: &str) -> String {
    let file = dir.join(format!("out.{format}"));
    let output = wide(dir)
        .args(args)
        .args(["--format", format, "--force", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?} {format}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    match format {
        "pdf" => {
            let out = Process::new("pdftotext")
                .args(["-layout", file.to_str().unwrap(), "-"])
                .output()
                .expect("pdftotext (poppler-utils) is needed for this test");
            String::from_utf8_lossy(&out.stdout).into_owned()
        }
        "html" => html_text(&std::fs::read_to_string(&file).unwrap()),
        _ => std::fs::read_to_string(&file).unwrap(),
    }
}

/// The visible text of an HTML report, a line per table row, paragraph or list item.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    // Charts repeat their labels and values; the facts are read from the tables.
    while let Some(start) = rest.find("<svg") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once("</svg>")
            .map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    let text = text
        .replace("</tr>", "\n")
        .replace("</p>", "\n")
        .replace("</li>", "\n")
        .replace("</td>", " ")
        .replace("</th>", " ");
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Markdown's escapes and the table rules of every format, gone; white space collapsed.
fn words(line: &str) -> String {
    line.replace(['│', '┆', '|'], " ")
        .replace('\\', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Per name, what its table row says after the name: the row with the most figures among
/// the lines that start with the name and a figure (a chart's label line has fewer).
fn rows(text: &str, names: &[String]) -> Vec<String> {
    let lines: Vec<String> = text.lines().map(words).collect();
    names
        .iter()
        .map(|name| {
            lines
                .iter()
                .filter_map(|line| line.strip_prefix(&format!("{name} ")))
                .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit() || "+-—".contains(c)))
                .max_by_key(|rest| rest.split(' ').count())
                .unwrap_or_else(|| panic!("no row for {name} in:\n{text}"))
                .to_string()
        })
        .collect()
}

fn json(dir: &Path, args: &[String]) -> serde_json::Value {
    let output = wide(dir)
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The same rows in every format; returns them.
fn agree(dir: &Path, args: &[String], names: &[String]) -> Vec<String> {
    let expected = rows(&text(dir, args, "table"), names);
    for format in ["md", "html", "pdf"] {
        assert_eq!(
            rows(&text(dir, args, format), names),
            expected,
            "{format} differs from the table"
        );
    }
    expected
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}

#[test]
fn the_personal_report_says_the_same_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    // A scan of an earlier version of the framework: the report carries a notice.
    let scan = std::fs::read_to_string(example("scans/sanne-2026-11.yaml")).unwrap();
    let (before, after) = scan.split_once("fingerprint: ").unwrap();
    let rest = after.split_once('\n').unwrap().1;
    std::fs::write(
        dir.path().join("scan.yaml"),
        format!("{before}fingerprint: sha256:0000000000000000\n{rest}"),
    )
    .unwrap();
    let args = strings(&["report", "scan.yaml", &example("scans/sanne-2026-05.yaml")]);
    let report = json(dir.path(), &args);
    let names: Vec<String> = report["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    let rows = agree(dir.path(), &args, &names);
    // The figures are the JSON's, the n.v.t. count included.
    for (row, competency) in rows.iter().zip(report["competencies"].as_array().unwrap()) {
        let score = format!("{:.2}", competency["score"].as_f64().unwrap()).replace('.', ",");
        assert!(row.starts_with(&score), "{row}");
        let statements = competency["statements"].as_array().unwrap().len();
        let answered = competency["answered"].as_u64().unwrap();
        let not_applicable = competency["not_applicable"].as_u64().unwrap();
        let count = if not_applicable == 0 {
            format!("{answered}/{statements}")
        } else {
            format!("{answered}/{statements} ({not_applicable} n.v.t.)")
        };
        assert!(row.ends_with(&count), "{row} lacks {count}");
    }
    assert!(rows.iter().any(|row| row.contains("n.v.t.")));
    // The notice about the framework version, in every format.
    let warning = words(report["warnings"][0].as_str().unwrap());
    assert!(!warning.is_empty());
    for format in ["table", "md", "html", "pdf"] {
        let all = words(&text(dir.path(), &args, format).replace('\n', " "));
        assert!(
            all.contains(&warning),
            "{format} lacks the notice {warning}"
        );
    }
}

/// The text of the statement with the lowest answer among a competency's statements in the
/// JSON (the first in order when several share it).
fn lowest_statement(competency: &serde_json::Value) -> String {
    let statements = competency["statements"].as_array().unwrap();
    let answered = statements.iter().filter(|s| s["answer"].is_u64());
    let low = answered
        .clone()
        .map(|s| s["answer"].as_u64().unwrap())
        .min();
    let first = answered
        .into_iter()
        .find(|s| s["answer"].as_u64() == low)
        .unwrap();
    first["text"].as_str().unwrap().to_string()
}

#[test]
fn each_development_point_shows_its_lowest_statement_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for scan in ["scans/sanne-2026-11.yaml", "scans/mehmet-2026-10.yaml"] {
        let args = strings(&["report", &example(scan)]);
        let report = json(dir.path(), &args);
        let competencies = report["competencies"].as_array().unwrap();
        let points = report["development_points"].as_array().unwrap();
        assert!(!points.is_empty(), "{scan}");
        for point in points {
            let competency = competencies
                .iter()
                .find(|c| c["id"] == point["id"])
                .unwrap();
            let statement = words(&lowest_statement(competency));
            for format in ["table", "md", "html", "pdf"] {
                let all = words(&text(dir.path(), &args, format).replace('\n', " "));
                // The statement is in the report twice: under its development point and
                // among the statements behind every score.
                assert!(
                    all.matches(&statement).count() >= 2,
                    "{scan} {format}: the lowest statement of {} twice: {statement}",
                    point["id"]
                );
            }
            let csv = common::Csv::read(&text(dir.path(), &args, "csv"), "nl");
            let id = point["id"].as_str().unwrap();
            let row = csv
                .rows
                .iter()
                .find(|r| csv.get(r, "competency") == Some(id))
                .unwrap();
            let lowest = csv.get(row, "lowest_statements").unwrap_or_default();
            assert!(lowest.contains(&format!("{id}.i")), "{row:?}");
        }
    }
}

#[test]
fn the_scorecard_and_the_comparison_say_the_same_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let args = strings(&[
        "report",
        &example("interviews/noor-ans.yaml"),
        &example("interviews/noor-pieter.yaml"),
    ]);
    let card = json(dir.path(), &args);
    let names: Vec<String> = card["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    let rows = agree(dir.path(), &args, &names);
    for (row, competency) in rows.iter().zip(card["competencies"].as_array().unwrap()) {
        assert_eq!(
            row.ends_with("bespreken"),
            competency["discuss"].as_bool().unwrap(),
            "{row}"
        );
    }
    let mut args = vec!["compare".to_string()];
    for file in ["noor-ans", "noor-pieter", "sanne-ans", "sanne-pieter"] {
        args.push(example(&format!("interviews/{file}.yaml")));
    }
    let comparison = json(dir.path(), &args);
    let names: Vec<String> = comparison["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["candidate"].as_str().unwrap().to_string())
        .collect();
    let rows = agree(dir.path(), &args, &names);
    assert!(rows[0].starts_with("1 "), "{rows:?}");
}

/// The team report's defects of before, each gone: the refusal of `--by` sat elsewhere in the
/// Markdown than in the HTML; the HTML plan was numbered twice ("1. 1. Zelfontwikkeling");
/// `--templates` ignored `team.md.tera`.
#[test]
fn the_team_report_says_the_same_in_the_same_place_and_takes_its_templates() {
    let dir = tempfile::tempdir().unwrap();
    let args = strings(&["team", &example("team"), "--by", "role"]);
    let refusal = "Niet gesplitst per rol";
    for format in ["table", "md", "html", "pdf"] {
        let all = words(&text(dir.path(), &args, format).replace('\n', " "));
        let plan = all.find("Scholingsplan").expect("a plan");
        let refused = all
            .find(refusal)
            .unwrap_or_else(|| panic!("{format} lacks the refusal"));
        let policy = all
            .find("Groepen kleiner dan 5 worden niet getoond")
            .unwrap();
        assert!(
            plan < refused && refused < policy,
            "{format}: the refusal is out of place"
        );
        assert!(
            !all.contains("1. 1."),
            "{format}: the plan is numbered twice"
        );
    }
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(
        dir.path().join("tpl/team.md.tera"),
        "# Team Noord\n{% for c in report.team.competencies %}- {{ c.name | md }}\n{% endfor %}",
    )
    .unwrap();
    let output = wide(dir.path())
        .args(["--templates", "tpl"])
        .args(&args)
        .args(["--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8(output.stdout).unwrap();
    assert!(
        md.starts_with("# Team Noord\n- Aanpassingsvermogen\n"),
        "{md}"
    );
}

#[test]
fn three_scans_show_every_round_the_trend_and_the_previous_scan_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    // In no order: the newest is the report, the others are sorted by date.
    let args = strings(&[
        "report",
        &example("scans/sanne-2026-05.yaml"),
        &example("scans/sanne-2025-11.yaml"),
        &example("scans/sanne-2026-11.yaml"),
    ]);
    let report = json(dir.path(), &args);
    assert_eq!(report["date"], "2026-11-16");
    let dates = ["2025-11-10", "2026-05-12", "2026-11-16"];
    assert_eq!(report["trend"]["dates"], serde_json::json!(dates));
    let growth = &report["trend"]["since_first"]["growth"];
    assert_eq!(growth["id"], "durf", "{growth}");
    let names: Vec<String> = report["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    for format in ["table", "md", "html", "pdf", "csv"] {
        let all = text(dir.path(), &args, format);
        for date in dates {
            assert!(all.contains(date), "{format} lacks the scan of {date}");
        }
        if format != "csv" {
            let all = words(&all.replace('\n', " "));
            for line in [
                "Grootste groei sinds 2025-11-10: Durf, +1,80.",
                "Grootste daling sinds 2026-05-12: Netwerken, -0,50.",
            ] {
                assert!(all.contains(line), "{format} lacks '{line}'");
            }
        }
    }
    // The trend table: a column per scan, then the change since the previous and the first.
    let durf = format!("{} 1,80 2,40 3,60 +1,20 +1,80", names[2]);
    for format in ["table", "md", "html", "pdf"] {
        let all = text(dir.path(), &args, format);
        assert!(
            all.lines().any(|line| words(line).contains(&durf)),
            "{format} lacks the trend row '{durf}'"
        );
    }
    // HTML: the trend chart, and the earlier scan as a second outline on the radar.
    let html = std::fs::read_to_string({
        text(dir.path(), &args, "html");
        dir.path().join("out.html")
    })
    .unwrap();
    assert!(
        html.contains(r#"<svg class="chart trend""#),
        "no trend chart"
    );
    assert!(
        html.contains("scan van 2026-05-12"),
        "no previous scan on the radar"
    );
    // PDF: the trend chart's legend and the radar's, through pdftotext.
    let pdf = text(dir.path(), &args, "pdf");
    assert!(pdf.contains("score per scan"), "no trend chart in the PDF");
    assert!(
        pdf.contains("scan van 2026-05-12"),
        "no previous scan in the PDF"
    );
}

#[test]
fn scans_of_two_people_are_refused_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let other = std::fs::read_to_string(example("scans/sanne-2025-11.yaml"))
        .unwrap()
        .replace("name: Sanne de Vries", "name: Sanne de Wit");
    std::fs::write(dir.path().join("wit.yaml"), other).unwrap();
    let output = common::vakwijzer(dir.path())
        .args(["report", &example("scans/sanne-2026-11.yaml")])
        .args([&example("scans/sanne-2026-05.yaml"), "wit.yaml"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("sanne-2026-11.yaml") && message.contains("wit.yaml"),
        "{message}"
    );
    assert!(message.contains("verschillende personen"), "{message}");
}
