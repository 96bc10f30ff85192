//! `vakwijzer panel` through the binary: the ICC per competency and the leniency per
//! interviewer checked against figures computed by hand for small panels written here, the
//! form named, "niet beoordeeld" left out and counted, coverage flagged, every format; fewer
//! than three candidates or two interviewers refused with exit 2.

mod common;

use std::path::Path;

use common::{example, examples, vakwijzer};

/// Writes the interview of `candidate` by `interviewer` with `ratings` (competency, rating or
/// "nb") into `dir`, asking only those competencies; gives its file name.
fn interview(dir: &Path, candidate: &str, interviewer: &str, ratings: &[(&str, &str)]) -> String {
    let competencies: Vec<&str> = ratings.iter().map(|(c, _)| *c).collect();
    let mut text = format!(
        "schema: 1\nkind: interview\nframework: eindhoven\nfingerprint: sha256:d656f8bf80e049ea\n\
         candidate: {candidate}\ninterviewer: {interviewer}\nstarted: 2026-10-06T09:00:00Z\n\
         updated: 2026-10-06T09:00:00Z\ncompetencies: [{}]\ncomplete: true\nratings:\n",
        competencies.join(", ")
    );
    for (competency, rating) in ratings {
        text.push_str(&format!("  {competency}:\n    rating: {rating}\n"));
    }
    text.push_str("advice: wel\n");
    let name = format!(
        "{}-{}.yaml",
        candidate.to_lowercase(),
        interviewer.to_lowercase()
    );
    std::fs::write(dir.join(&name), text).unwrap();
    name
}

fn json(dir: &Path, files: &[String]) -> serde_json::Value {
    let output = vakwijzer(dir)
        .arg("panel")
        .args(files)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn competency<'a>(json: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    json["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {json:#}"))
}

fn interviewer<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["leniency"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["interviewer"] == name)
        .unwrap_or_else(|| panic!("no {name} in {json:#}"))
}

/// Four candidates A-D, each seen by the same two interviewers P and Q: ICC(2,1).
fn crossed_panel(dir: &Path) -> Vec<String> {
    let rows = [
        // candidate, P's coachen, Q's coachen, P's netwerken, Q's netwerken
        ("A", "4", "5", "4", "4"),
        ("B", "2", "3", "2", "4"),
        ("C", "3", "3", "3", "3"),
        ("D", "5", "5", "4", "nb"),
    ];
    let mut files = Vec::new();
    for (candidate, p_coachen, q_coachen, p_netwerken, q_netwerken) in rows {
        let p = [("coachen", p_coachen), ("netwerken", p_netwerken)];
        let q = [("coachen", q_coachen), ("netwerken", q_netwerken)];
        files.push(interview(dir, candidate, "P", &p));
        files.push(interview(dir, candidate, "Q", &q));
    }
    files
}

#[test]
fn icc_2_1_and_leniency_are_the_figures_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let files = crossed_panel(dir.path());
    let json = json(dir.path(), &files);

    // ICC(2,1) (Shrout & Fleiss 1979), n candidates (rows) by k interviewers (columns):
    //   SSR = k Σ (row mean - grand mean)²,  SSC = n Σ (column mean - grand mean)²,
    //   SSE = Σ (x - grand mean)² - SSR - SSC,
    //   MSR = SSR / (n-1),  MSC = SSC / (k-1),  MSE = SSE / ((n-1)(k-1)),
    //   ICC(2,1) = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n).
    //
    // Coachen, n = 4, k = 2: P 4 2 3 5 (mean 3.5), Q 5 3 3 5 (mean 4), grand mean 3.75;
    // row means 4.5 2.5 3 5.
    //   SSR = 2 (0.75² + 1.25² + 0.75² + 1.25²) = 2 × 4.25 = 8.5
    //   SSC = 4 (0.25² + 0.25²) = 0.5
    //   SST = 0.0625 + 3.0625 + 0.5625 + 1.5625 + 1.5625 + 0.5625 + 0.5625 + 1.5625 = 9.5
    //   SSE = 9.5 - 8.5 - 0.5 = 0.5
    //   MSR = 8.5 / 3 = 17/6,  MSC = 0.5,  MSE = 0.5 / 3 = 1/6
    //   ICC = (17/6 - 1/6) / (17/6 + 1/6 + 2 (1/2 - 1/6) / 4) = (8/3) / (19/6) = 16/19 = 0.842
    //   -> 0.84, "goed" (0.75 to 0.9).
    let coachen = competency(&json, "coachen");
    assert_eq!(coachen["form"], "ICC(2,1)");
    assert_eq!(coachen["icc"], 0.84);
    assert_eq!(coachen["reading"], "good");
    assert_eq!(coachen["candidates"], 4);
    assert_eq!(coachen["ratings"], 8);
    assert_eq!(coachen["not_rated"], 0);

    // Netwerken: Q did not rate D ("nb"), so D has one rating and is left out; A, B and C
    // remain, n = 3, k = 2: P 4 2 3 (mean 3), Q 4 4 3 (mean 11/3), grand mean 10/3; row
    // means 4 3 3.
    //   SSR = 2 ((2/3)² + (1/3)² + (1/3)²) = 4/3,  SSC = 3 ((1/3)² + (1/3)²) = 2/3
    //   SST = 4/9 + 16/9 + 1/9 + 4/9 + 4/9 + 1/9 = 30/9 = 10/3,  SSE = 10/3 - 4/3 - 2/3 = 4/3
    //   MSR = (4/3) / 2 = 2/3,  MSE = (4/3) / 2 = 2/3  ->  ICC = 0 / ... = 0, "zwak".
    let netwerken = competency(&json, "netwerken");
    assert_eq!(netwerken["form"], "ICC(2,1)");
    assert_eq!(netwerken["icc"], 0.0);
    assert_eq!(netwerken["reading"], "poor");
    assert_eq!(netwerken["candidates"], 3);
    assert_eq!(netwerken["ratings"], 6);
    assert_eq!(netwerken["not_rated"], 1);
    assert_eq!(json["not_rated"], 1);

    // Leniency: the mean of (own rating - the panel's mean for that candidate and
    // competency) over the ratings someone else gave too (P's netwerken of D stands alone).
    //   P: coachen A -0.5, B -0.5, C 0, D 0; netwerken A 0, B -1, C 0: -2/7 = -0.29
    //   Q: coachen A +0.5, B +0.5, C 0, D 0; netwerken A 0, B +1, C 0: +2/7 = +0.29
    let p = interviewer(&json, "P");
    assert_eq!(
        (p["leniency"].as_f64(), p["ratings"].as_u64()),
        (Some(-0.29), Some(8))
    );
    assert_eq!(p["not_rated"], 0);
    let q = interviewer(&json, "Q");
    assert_eq!(
        (q["leniency"].as_f64(), q["ratings"].as_u64()),
        (Some(0.29), Some(7))
    );
    assert_eq!(q["not_rated"], 1);

    // Coverage: D's netwerken was rated by one interviewer only.
    assert_eq!(
        json["coverage"],
        serde_json::json!([{"candidate": "D", "competency": "netwerken", "name": "Netwerken", "rated_by": 1}])
    );
}

#[test]
fn icc_1_1_when_the_candidates_had_different_interviewers() {
    let dir = tempfile::tempdir().unwrap();
    // A, B and C were seen by P and Q, D by P and R.
    let files = vec![
        interview(dir.path(), "A", "P", &[("coachen", "4")]),
        interview(dir.path(), "A", "Q", &[("coachen", "5")]),
        interview(dir.path(), "B", "P", &[("coachen", "2")]),
        interview(dir.path(), "B", "Q", &[("coachen", "3")]),
        interview(dir.path(), "C", "P", &[("coachen", "3")]),
        interview(dir.path(), "C", "Q", &[("coachen", "3")]),
        interview(dir.path(), "D", "P", &[("coachen", "5")]),
        interview(dir.path(), "D", "R", &[("coachen", "3")]),
    ];
    let json = json(dir.path(), &files);
    // ICC(1,1) (one-way), n candidates with k_i ratings each, N ratings in all:
    //   SSB = Σ k_i (group mean - grand mean)²,  SSW = Σ (x - group mean)²,
    //   MSB = SSB / (n-1),  MSW = SSW / (N-n),  k0 = (N - Σ k_i² / N) / (n-1) (here 2),
    //   ICC(1,1) = (MSB - MSW) / (MSB + (k0-1) MSW).
    // Groups {4,5} {2,3} {3,3} {5,3}: grand mean 28/8 = 3.5, group means 4.5 2.5 3 4.
    //   SSB = 2 (1² + 1² + 0.5² + 0.5²) = 5,  SSW = 0.5 + 0.5 + 0 + 2 = 3
    //   MSB = 5/3,  MSW = 3/4,  ICC = (5/3 - 3/4) / (5/3 + 3/4) = (20 - 9) / (20 + 9)
    //   = 11/29 = 0.379 -> 0.38, "zwak".
    let coachen = competency(&json, "coachen");
    assert_eq!(coachen["form"], "ICC(1,1)");
    assert_eq!(coachen["icc"], 0.38);
    assert_eq!(coachen["reading"], "poor");
    // Leniency: P -0.5, -0.5, 0, +1 (D's mean is 4): 0; Q +0.5, +0.5, 0: +1/3; R -1.
    assert_eq!(interviewer(&json, "P")["leniency"], 0.0);
    assert_eq!(interviewer(&json, "Q")["leniency"], 0.33);
    assert_eq!(interviewer(&json, "R")["leniency"], -1.0);
    assert_eq!(json["coverage"], serde_json::json!([]));
}

/// The output of `panel` on `files` in `format` as text (a PDF through pdftotext).
fn output(dir: &Path, files: &[String], format: &str) -> String {
    let args: Vec<String> = std::iter::once("panel".to_string())
        .chain(files.iter().cloned())
        .collect();
    common::report_text(dir, &args, format)
}

#[test]
fn every_format_names_the_form_the_reading_the_leniency_and_the_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let files = crossed_panel(dir.path());
    for format in ["table", "md", "html", "pdf"] {
        let text = output(dir.path(), &files, format);
        for expected in [
            "Overeenstemming van het panel",
            "ICC(2,1)",
            "0,84",
            "goed",
            "Koo & Li (2016)",
            "-0,29",
            "+0,29",
            "1 beoordeling(en) “niet beoordeeld” tellen niet mee",
            "D — Netwerken: door 1 interviewer(s) beoordeeld",
        ] {
            let found = text.contains(expected)
                || text.contains(&expected.replace('&', "&amp;").replace('\'', "&#x27;"))
                || text.contains(&expected.replace('\'', "&#39;"))
                || text.contains(&expected.replace('&', "\\&"));
            assert!(found, "panel as {format} lacks {expected:?}:\n{text}");
        }
    }
    let csv = output(dir.path(), &files, "csv");
    assert!(
        csv.contains("coachen;Coachen;ICC(2,1);0,84;good;4;8;0"),
        "{csv}"
    );
}

#[test]
fn the_examples_agree_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = examples("interviews")
        .iter()
        .map(|f| common::root(f).to_str().unwrap().to_string())
        .collect();
    let output = vakwijzer(dir.path())
        .args(["--lang", "en", "panel"])
        .args(&files)
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    for expected in [
        "Agreement of the panel",
        "ICC(2,1)",
        "Ans de Groot",
        "Koo & Li",
    ] {
        assert!(text.contains(expected), "{expected:?}:\n{text}");
    }
}

#[test]
fn too_few_candidates_or_interviewers_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let two_candidates = [
        example("interviews/noor-ans.yaml"),
        example("interviews/noor-pieter.yaml"),
        example("interviews/sanne-ans.yaml"),
        example("interviews/sanne-pieter.yaml"),
    ];
    let one_interviewer = [
        example("interviews/noor-ans.yaml"),
        example("interviews/sanne-ans.yaml"),
        example("interviews/jeroen-ans.yaml"),
    ];
    for (files, says) in [
        (&two_candidates[..], "deze interviews hebben er 2 en 2"),
        (&one_interviewer[..], "deze interviews hebben er 3 en 1"),
    ] {
        let output = vakwijzer(dir.path())
            .arg("panel")
            .args(files)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("minstens 3 kandidaten en 2 interviewers nodig")
                && stderr.contains(says),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
}

/// A vacancy's folders stand for their files: `panel` and `compare` on the folder of the
/// interviews (with the vacancy's folder, which holds the vacancy and a decision) say what they
/// say on the files by name. The agreement leaves the vacancy and the decision out.
#[test]
fn folders_stand_for_the_interviews_in_them() {
    let dir = tempfile::tempdir().unwrap();
    let interviews = common::root("data/examples/interviews");
    let vacancy = common::root("data/examples/vacature");
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let run = |args: Vec<String>| {
        let output = vakwijzer(dir.path())
            .args(&args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    let by_name = |folder: &str| -> Vec<String> {
        examples(folder)
            .iter()
            .map(|f| path(&common::root(f)))
            .collect()
    };
    for command in ["panel", "compare"] {
        let folders = run(vec![command.into(), path(&interviews), path(&vacancy)]);
        let mut files = vec![command.to_string()];
        files.extend(by_name("interviews"));
        if command == "compare" {
            files.extend(by_name("vacature"));
        }
        assert_eq!(folders, run(files), "{command} on folders");
    }
    let compared = run(vec!["compare".into(), path(&interviews), path(&vacancy)]);
    assert!(
        compared.to_string().contains("Generalist WIJteam Woensel"),
        "the vacancy in the folder counts: {compared}"
    );
}
