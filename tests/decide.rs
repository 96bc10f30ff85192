//! `vakwijzer decide` through the binary: the panel's decision on one candidate from piped lines
//! and in a terminal, saved owner-only after every answer, gone on with by `--resume`; the
//! interviews never changed; the scorecard and compare show the agreed rating beside the
//! mechanical mean and flag a point or more apart, in every format; mixed-up inputs refused.

mod common;

use std::path::Path;

use common::{example, vakwijzer};

fn noor() -> Vec<String> {
    vec![
        example("interviews/noor-ans.yaml"),
        example("interviews/noor-pieter.yaml"),
    ]
}

/// The example decision on Noor El Amrani.
fn decision() -> String {
    example("vacature/besluit-noor-el-amrani.yaml")
}

/// Answers for Noor's eight competencies, in the framework's order (aanpassingsvermogen,
/// creativiteit, durf, coachen, netwerken, samenwerken, zelfontwikkeling, overtuigingskracht):
/// a rating and a reason ("-": none) each; then advice, decision, motivation, participants,
/// date.
const ANSWERS: &str = "4\n-\n4\nVroeg door op de tweede casus\n4\n-\n4\n-\n5\n-\n3\n-\n4\n-\n\
                       nb\n-\nwel\ntweede-gesprek\nNog een gesprek over creativiteit\n\
                       Ans de Groot, Pieter Smit, Fatima (HR)\n2026-10-08\n";

fn decide(dir: &Path, extra: &[&str], input: &str) -> std::process::Output {
    let mut args = vec!["decide".to_string()];
    args.extend(noor());
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    common::run(dir, &args, input)
}

#[test]
fn piped_lines_make_a_decision_and_leave_the_interviews_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let before: Vec<Vec<u8>> = noor().iter().map(|f| std::fs::read(f).unwrap()).collect();
    let output = decide(dir.path(), &["-o", "besluit.yaml"], ANSWERS);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("Besluit opgeslagen in besluit.yaml"));
    let after: Vec<Vec<u8>> = noor().iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert_eq!(before, after, "decide changed an interview");
    let file = dir.path().join("besluit.yaml");
    #[cfg(unix)]
    assert_eq!(common::mode(&file), 0o600);
    let yaml = common::read_yaml(&file);
    assert_eq!(yaml["kind"], "decision");
    assert_eq!(yaml["candidate"], "Noor El Amrani");
    assert_eq!(yaml["complete"], true);
    assert_eq!(yaml["agreed"]["creativiteit"]["rating"], 4);
    assert_eq!(
        yaml["agreed"]["creativiteit"]["reason"],
        "Vroeg door op de tweede casus"
    );
    assert_eq!(yaml["agreed"]["overtuigingskracht"]["rating"], "nb");
    assert!(yaml["agreed"]["durf"].get("reason").is_none());
    assert_eq!(yaml["advice"], "wel");
    assert_eq!(yaml["decision"], "tweede-gesprek");
    assert_eq!(yaml["motivation"], "Nog een gesprek over creativiteit");
    assert_eq!(
        yaml["participants"],
        serde_yaml::from_str::<serde_yaml::Value>("[Ans de Groot, Pieter Smit, Fatima (HR)]")
            .unwrap()
    );
    assert_eq!(yaml["decided"], "2026-10-08");
    assert_eq!(
        yaml["interviewers"],
        serde_yaml::from_str::<serde_yaml::Value>("[Ans de Groot, Pieter Smit]").unwrap()
    );

    // The scorecard with it: the agreed rating beside the mean; creativiteit (mean 3,00,
    // agreed 4) and netwerken (4,50 and 5: half a point) -- only the first is a point apart.
    let mut args = vec!["report".to_string()];
    args.extend(noor());
    args.push("besluit.yaml".into());
    args.extend(["--format".into(), "json".into()]);
    let out = vakwijzer(dir.path()).args(&args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = |id: &str| common::with_id(&json["competencies"], id).clone();
    assert_eq!(row("creativiteit")["mean"], 3.0);
    assert_eq!(row("creativiteit")["agreed"], 4);
    assert_eq!(row("creativiteit")["agreed_differs"], true);
    assert_eq!(row("netwerken")["agreed"], 5);
    assert_eq!(row("netwerken")["agreed_differs"], false);
    assert_eq!(row("overtuigingskracht")["agreed"], serde_json::Value::Null);
    assert_eq!(json["decision"]["decision_id"], "tweede-gesprek");
    assert_eq!(json["decision"]["differs"], 1);
}

#[test]
fn a_decision_stopped_halfway_goes_on_with_resume() {
    let dir = tempfile::tempdir().unwrap();
    // Two competencies, then stop.
    let output = decide(dir.path(), &["-o", "besluit.yaml"], "4\n-\n3\nq\n");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("decide INTERVIEWS... --resume besluit.yaml"),
        "{stdout}"
    );
    let yaml = common::read_yaml(&dir.path().join("besluit.yaml"));
    assert_eq!(yaml["complete"], false);
    assert_eq!(yaml["agreed"]["creativiteit"]["rating"], 3);
    // Gone on with: the next question is durf's rating.
    let rest = "4\n-\n4\n-\n5\n-\n3\n-\n4\n-\n3\n-\nwel\naannemen\n-\n-\n-\n";
    let output = decide(dir.path(), &["--resume", "besluit.yaml"], rest);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let yaml = common::read_yaml(&dir.path().join("besluit.yaml"));
    assert_eq!(yaml["complete"], true);
    assert_eq!(yaml["agreed"]["creativiteit"]["rating"], 3);
    assert_eq!(yaml["agreed"]["overtuigingskracht"]["rating"], 3);
    assert_eq!(yaml["decision"], "aannemen");
    // Nothing typed: the interviewers took part, today (the fixed clock) is the day.
    assert_eq!(yaml["participants"][1], "Pieter Smit");
    assert_eq!(yaml["decided"], common::TODAY);
    let again = decide(dir.path(), &["--resume", "besluit.yaml"], "");
    assert!(String::from_utf8_lossy(&again.stdout).contains("is al af"));
}

#[test]
fn bad_input_is_refused_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let bad_date = ANSWERS.replace("2026-10-08", "8 oktober");
    let output = decide(dir.path(), &["-o", "besluit.yaml"], &bad_date);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("8 oktober is geen datum als JJJJ-MM-DD")
    );
    let output = decide(dir.path(), &["-o", "x.yaml"], "9\n");
    assert_eq!(output.status.code(), Some(2));
    // Interviews of two candidates are no panel for one decision.
    let output = common::run(
        dir.path(),
        &[
            "decide",
            &example("interviews/noor-ans.yaml"),
            &example("interviews/sanne-ans.yaml"),
        ],
        ANSWERS,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("verschillende kandidaten"));
    // A decision on Noor with Sanne's interviews.
    let output = vakwijzer(dir.path())
        .args([
            "report",
            &example("interviews/sanne-ans.yaml"),
            &example("interviews/sanne-pieter.yaml"),
            &decision(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is een besluit over Noor El Amrani, maar geen van de interviews"),
        "{stderr}"
    );
}

/// The text without Markdown's `**` and HTML's tags, white space single.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.replace("**", "").chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    common::squash(&out).replace(" :", ":")
}

#[test]
fn scorecard_and_compare_show_the_mean_beside_the_agreed_rating_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut report = vec!["report".to_string()];
    report.extend(noor());
    report.push(decision());
    let mut compare = vec!["compare".to_string()];
    compare.extend(
        common::examples("interviews")
            .iter()
            .map(|f| common::root(f).to_str().unwrap().to_string()),
    );
    compare.push(decision());
    for format in ["table", "md", "html", "pdf"] {
        let text = plain(&common::report_text(dir.path(), &report, format));
        for expected in [
            "Besluit van het panel",
            "Besluit: aannemen",
            "Creativiteit: besloten 4, gemiddeld 3,00 — 1 punt of meer van het gemiddelde",
            "Overtuigingskracht: besloten 3, gemiddeld 3,50",
            "afwijkend",
        ] {
            // HTML writes a label and its value in cells of their own, without the colon.
            assert!(
                text.contains(expected)
                    || text.contains(&expected.replace("Besluit: ", "Besluit ")),
                "scorecard as {format} lacks {expected:?}:\n{text}"
            );
        }
        let text = plain(&common::report_text(dir.path(), &compare, format));
        for expected in [
            "Besluiten van het panel",
            "Noor El Amrani: aannemen",
            "afwijkend",
        ] {
            assert!(
                text.contains(expected),
                "compare as {format} lacks {expected:?}"
            );
        }
    }
    let csv = common::report_text(dir.path(), &compare, "csv");
    assert!(csv.contains(";aannemen;creativiteit"), "{csv}");
    // Without the decision, neither says anything of one.
    let text = common::report_text(dir.path(), &report[..3], "table");
    assert!(
        !text.contains("besloten") && !text.contains("afwijkend"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn a_decision_in_a_terminal() {
    use common::pty::{CHOICE_KEYS, EDITOR, ENTER, Pty};
    let dir = tempfile::tempdir().unwrap();
    let files = noor();
    let mut args = vec!["decide"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["-o", "besluit.yaml"]);
    let mut pty = Pty::start(dir.path(), &args);
    pty.expect("Besluit over Noor El Amrani");
    pty.expect("Aanpassingsvermogen — gemiddeld 4,00 (Ans de Groot 4, Pieter Smit 4)");
    // Enter takes what is preselected: the mean, rounded (4).
    pty.expect(CHOICE_KEYS);
    pty.send(ENTER);
    pty.expect("Waarom deze beoordeling voor Aanpassingsvermogen?");
    pty.expect(EDITOR);
    pty.send(ENTER);
    pty.expect("Creativiteit — gemiddeld 3,00 (Ans de Groot 2, Pieter Smit 4)");
    // From the second on, the scale in one line; the mean, 3, preselected.
    pty.expect("q opslaan en stoppen · ? = de ankers\r\n");
    pty.expect("\x1b[7m[3 voldoende]");
    pty.send("q");
    pty.expect("--resume besluit.yaml");
    pty.finish();
    let yaml = common::read_yaml(&dir.path().join("besluit.yaml"));
    assert_eq!(yaml["agreed"]["aanpassingsvermogen"]["rating"], 4);
    assert_eq!(yaml["complete"], false);
}
