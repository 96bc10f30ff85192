//! compare for a panel, through the binary on the examples: each interviewer's advice, every
//! disputed competency named with the candidate and the ratings, in every format; a vacancy
//! (among the files or with --vacancy) gives a weighted total and flags a must-have not met;
//! without one the report says every competency weighs the same. Bad vacancy files get a
//! Dutch message at their line.

mod common;

use std::path::Path;

use common::{example, vakwijzer};

fn interviews() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(example("interviews"))
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    files.sort();
    files
}

fn vacancy() -> String {
    example("vacature/generalist-woensel.yaml")
}

/// The output of `args` in `format` as text (a PDF through pdftotext).
fn output(dir: &Path, args: &[String], format: &str) -> String {
    common::report_text(dir, args, format)
}

fn compare(extra: &[&str]) -> Vec<String> {
    std::iter::once("compare".to_string())
        .chain(interviews())
        .chain(extra.iter().map(|s| s.to_string()))
        .collect()
}

#[test]
fn compare_names_each_dispute_and_each_advice_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let args = compare(&[]);
    for format in ["table", "md", "html", "pdf"] {
        let text = output(dir.path(), &args, format);
        for expected in [
            // The examples' disputes: 2 points apart.
            "Noor El Amrani — Creativiteit: 2 en 4",
            "Sanne Bos — Overtuigingskracht: 2 en 4",
            "Advies per interviewer",
            "Jeroen Visser Ans de Groot geen besluit",
            "Jeroen Visser Pieter Smit niet",
            "Alle competenties wegen even zwaar",
        ] {
            let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
            // Tables separate their cells with rules or tags; compare the words alone.
            let words = |t: &str| -> String {
                t.split(|c: char| "│┆|<>/".contains(c) || c.is_whitespace())
                    .filter(|w| !w.is_empty() && !w.starts_with("td") && !w.starts_with("tr"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            assert!(
                text.contains(&expected) || words(&text).contains(&words(&expected)),
                "compare as {format} lacks {expected:?}"
            );
        }
        assert!(
            !text.contains("gewogen"),
            "{format}: no vacancy, no weights"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&output(dir.path(), &args, "json")).unwrap();
    let noor = json["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["candidate"] == "Noor El Amrani")
        .unwrap();
    assert_eq!(noor["disputes"][0]["competency"], "creativiteit");
    assert_eq!(
        noor["disputes"][0]["ratings"],
        serde_json::json!([["Ans de Groot", 2], ["Pieter Smit", 4]])
    );
    assert_eq!(noor["advice_by"][1]["advice_id"], "zeker-wel");
    assert!(json["vacancy"].is_null());
    let csv = output(dir.path(), &args, "csv");
    assert!(csv.contains("creativiteit=2/4"), "{csv}");
    assert!(
        csv.contains("Ans de Groot=geen-besluit; Pieter Smit=niet"),
        "{csv}"
    );
}

#[test]
fn a_vacancy_weighs_the_total_and_flags_a_must_have_not_met() {
    let dir = tempfile::tempdir().unwrap();
    // Sanne Bos's means C1..C8: 4,5 4 4 5 4 5 4 3; the vacancy's weights 1 1 1 2 1,5 1,5 1 0,5
    // (9,5 in all): (4,5 + 4 + 4 + 10 + 6 + 7,5 + 4 + 1,5) / 9,5 = 41,5 / 9,5 = 4,368 -> 4,37.
    // Jeroen Visser's Coachen is 3,00, below the must-have of 3,5; his Samenwerken 3,00 meets 3.
    let among = compare(&[&vacancy()]);
    let flag = compare(&["--vacancy", &vacancy()]);
    for args in [&among, &flag] {
        for format in ["table", "md", "html", "pdf"] {
            let text = output(dir.path(), args, format);
            for expected in [
                "Vacature: Generalist WIJteam Woensel",
                "4,37",
                "Jeroen Visser — Coachen: gemiddeld 3,00, minimaal 3,5 — niet gehaald",
                "Gewogen naar de vacature Generalist WIJteam Woensel",
            ] {
                assert!(text.contains(expected), "{format} lacks {expected:?}");
            }
            assert!(!text.contains("wegen even zwaar"), "{format}");
            assert!(
                !text.contains("Samenwerken: gemiddeld 3,00"),
                "{format}: met"
            );
        }
        let json: serde_json::Value =
            serde_json::from_str(&output(dir.path(), args, "json")).unwrap();
        let first = &json["candidates"][0];
        assert_eq!(first["candidate"], "Sanne Bos");
        assert_eq!(first["weighted"], 4.37);
        let jeroen = &json["candidates"][2];
        let failed: Vec<&str> = jeroen["must_haves"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["met"] == false)
            .map(|m| m["competency"].as_str().unwrap())
            .collect();
        assert_eq!(failed, ["coachen"]);
        assert_eq!(json["vacancy"]["name"], "Generalist WIJteam Woensel");
        // The CSV as written, its lines kept: the Dutch one, the default.
        output(dir.path(), args, "csv");
        let csv = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
        let csv = common::Csv::read(&csv, "nl");
        assert_eq!(csv.number(&csv.rows[0], "weighted"), Some(4.37));
        assert_eq!(csv.number(&csv.rows[2], "weighted"), Some(2.79));
        assert_eq!(csv.get(&csv.rows[2], "must_haves_not_met"), Some("coachen"));
    }
}

#[test]
fn the_weighted_total_ranks() {
    let dir = tempfile::tempdir().unwrap();
    // Only Overtuigingskracht counts: Noor El Amrani (3,50) before Sanne Bos (3,00), though
    // Sanne's overall score is higher.
    std::fs::write(
        dir.path().join("mpg.yaml"),
        "kind: vacancy\nname: MPG\nframework: eindhoven\nweights:\n  aanpassingsvermogen: 0\n  \
         creativiteit: 0\n  durf: 0\n  coachen: 0\n  netwerken: 0\n  samenwerken: 0\n  \
         zelfontwikkeling: 0\n",
    )
    .unwrap();
    let args = compare(&["mpg.yaml"]);
    let json: serde_json::Value = serde_json::from_str(&output(dir.path(), &args, "json")).unwrap();
    let order: Vec<&str> = json["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["candidate"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["Noor El Amrani", "Sanne Bos", "Jeroen Visser"]);
    assert_eq!(json["candidates"][0]["weighted"], 3.5);
    let overall = |i: usize| json["candidates"][i]["overall"].as_f64().unwrap();
    assert!(overall(1) > overall(0));
}

#[test]
fn the_scorecard_reads_a_vacancy_among_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let args: Vec<String> = vec![
        "report".into(),
        example("interviews/jeroen-ans.yaml"),
        vacancy(),
        example("interviews/jeroen-pieter.yaml"),
    ];
    for format in ["table", "md", "html", "pdf"] {
        let text = output(dir.path(), &args, format);
        for expected in [
            "Vacature: Generalist WIJteam Woensel",
            "gewogen totaal: 2,79",
            "Coachen: gemiddeld 3,00, minimaal 3,5 — niet gehaald",
            "Samenwerken: gemiddeld 3,00, minimaal 3 — gehaald",
            "Op geen competentie verschillen de interviewers 2 of meer punten.",
        ] {
            assert!(text.contains(expected), "{format} lacks {expected:?}");
        }
    }
    let text = output(
        dir.path(),
        &[
            "report".into(),
            example("interviews/noor-ans.yaml"),
            example("interviews/noor-pieter.yaml"),
        ],
        "md",
    );
    assert!(text.contains("Creativiteit: 2 en 4"), "{text}");
    assert!(
        text.contains("Alle competenties wegen even zwaar"),
        "{text}"
    );
}

#[test]
fn the_vacancy_panel_says_who_did_not_interview() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("v.yaml"),
        "kind: vacancy\nname: V\nframework: eindhoven\npanel:\n  - Ans de Groot\n  - Fatima Yilmaz\n",
    )
    .unwrap();
    let text = output(dir.path(), &compare(&["v.yaml"]), "md");
    for expected in [
        "Fatima Yilmaz (panel van de vacature) heeft Noor El Amrani niet geïnterviewd",
        "Pieter Smit interviewde Noor El Amrani maar staat niet in het panel van de vacature",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

/// Runs `args` and returns its stderr, expecting exit 2.
fn refused(dir: &Path, args: &[String]) -> String {
    let output = vakwijzer(dir).args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_bad_vacancy_is_refused_in_dutch_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("slecht.yaml"),
        "kind: vacancy\nname: Generalist\nframework: eindhoven\nweights:\n  coachen: -2\n  \
         koken: 1\nmust_haves:\n  durf: 6\n",
    )
    .unwrap();
    let stderr = refused(d, &compare(&["slecht.yaml"]));
    for expected in [
        "slecht.yaml:5:12: gewicht -2 voor 'coachen' kan niet: een gewicht is 0 of meer",
        "slecht.yaml:6:3: framework 'eindhoven' heeft geen competentie 'koken' met interviewvragen",
        "slecht.yaml:8:9: minimum 6 voor 'durf' ligt buiten de interviewschaal (1 tot 5)",
        "bekend zijn: aanpassingsvermogen, creativiteit",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    std::fs::write(
        d.join("veld.yaml"),
        "kind: vacancy\nname: Generalist\nframework: eindhoven\nmust_have:\n  durf: 3\n",
    )
    .unwrap();
    let stderr = refused(d, &compare(&["--vacancy", "veld.yaml"]));
    assert!(stderr.contains("veld.yaml:4:"), "{stderr}");
    std::fs::write(
        d.join("ander.yaml"),
        "kind: vacancy\nname: Generiek\nframework: generiek\n",
    )
    .unwrap();
    let stderr = refused(d, &compare(&["ander.yaml"]));
    assert!(
        stderr.contains("is voor framework 'generiek', de interviews voor 'eindhoven'"),
        "{stderr}"
    );
    let stderr = refused(d, &compare(&["ander.yaml", "--vacancy", &vacancy()]));
    assert!(stderr.contains("zijn allebei een vacature"), "{stderr}");
    let stderr = refused(
        d,
        &[
            "report".into(),
            example("scans/sanne-2026-11.yaml"),
            vacancy(),
        ],
    );
    assert!(
        stderr.contains("hoort bij interviews, niet bij scans"),
        "{stderr}"
    );
    let stderr = refused(d, &["compare".into(), vacancy()]);
    assert!(
        stderr.contains("geef naast de vacature de interviews"),
        "{stderr}"
    );
}
