//! One writer per result, through the real binary: a scan or interview that runs (in a
//! pseudo-terminal, waiting for its next answer) holds its file, and a second process on the
//! same file, new or resumed, is refused with the file's name and status 2, losing nothing of the
//! first; a process killed mid-way leaves nothing that blocks the next; two runs started
//! together on one new file never both save into it. And a report's `-o` never replaces a
//! result or an input unless told to (`--force`, or a yes at a terminal).
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Output, Stdio};

use rexpect::process::WaitStatus;

use common::pty::{ENTER, Pty, SCAN_KEYS};
use common::{files_in, read_yaml, run};

/// One competency (four statements) of the generiek self-scan.
const SCAN: [&str; 4] = ["scan", "generiek", "--competency", "contact-en-relatie"];
const INTERVIEW: [&str; 8] = [
    "interview",
    "eindhoven",
    "--candidate",
    "Bram Dekker",
    "--interviewer",
    "Pieter",
    "--competency",
    "durf",
];
/// The second process was refused because the first holds `file`.
fn assert_in_use(output: &Output, file: &str, what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{what}: {stderr}");
    assert!(
        stderr.contains(&format!(
            "{file} wordt nu door een andere vakwijzer gebruikt: er loopt een scan of interview mee."
        )),
        "{what}: the refusal does not say {file} is in use:\n{stderr}"
    );
}

/// Answers the scan statement on screen with `key` and waits for the next one.
fn rate(term: &mut Pty, key: &str, label: &str) {
    term.send(key);
    term.send(ENTER);
    term.expect(&format!("✓ {label}"));
    term.expect(SCAN_KEYS);
}

fn scan_args<'a>(name: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    [&SCAN[..], &["--name", name], rest].concat()
}

#[test]
fn a_running_scan_holds_its_new_file_against_a_second_scan_and_a_resume() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Pty::start(dir.path(), &scan_args("Anna Vos", &["--out", "scan.yaml"]));
    first.expect(SCAN_KEYS);
    rate(&mut first, "4", "4 vaak");

    // Both a new scan naming the same file and a resume of it are refused while Anna answers.
    let second = run(
        dir.path(),
        &scan_args("Bea Smit", &["--out", "scan.yaml"]),
        "2\n2\n",
    );
    assert_in_use(&second, "scan.yaml", "a second new scan");
    let resumed = run(dir.path(), &["scan", "--resume", "scan.yaml"], "1\n1\n");
    assert_in_use(&resumed, "scan.yaml", "a resume of the running scan");
    let guide = [
        "guide",
        "generiek",
        "--format",
        "md",
        "-o",
        "scan.yaml",
        "--force",
    ];
    let report = run(dir.path(), &guide, "");
    assert_in_use(
        &report,
        "scan.yaml",
        "a report with --force over the running scan",
    );
    // A second terminal, where replacing an existing file could be confirmed, is refused
    // before it asks.
    let mut replace = Pty::start(dir.path(), &scan_args("Bea Smit", &["--out", "scan.yaml"]));
    replace.expect("scan.yaml wordt nu door een andere vakwijzer gebruikt");
    replace.end_with(2);

    rate(&mut first, "3", "3 soms");
    first.send("q");
    first.expect("Gestopt; 2 antwoorden opgeslagen in scan.yaml.");
    first.finish();

    let saved = read_yaml(&dir.path().join("scan.yaml"));
    assert_eq!(saved["name"].as_str(), Some("Anna Vos"));
    assert_eq!(saved["answers"]["contact-en-relatie.i1"].as_u64(), Some(4));
    assert_eq!(saved["answers"]["contact-en-relatie.i2"].as_u64(), Some(3));
    assert_eq!(saved["answers"].as_mapping().unwrap().len(), 2);
    assert_eq!(files_in(dir.path()), ["scan.yaml"]);

    // Once Anna has stopped, the file is free to go on with.
    let resumed = run(dir.path(), &["scan", "--resume", "scan.yaml"], "5\n");
    assert!(resumed.status.success(), "{resumed:?}");
    let saved = read_yaml(&dir.path().join("scan.yaml"));
    assert_eq!(saved["answers"]["contact-en-relatie.i3"].as_u64(), Some(5));
}

#[test]
fn a_resumed_scan_and_interview_hold_their_files_until_they_end() {
    let dir = tempfile::tempdir().unwrap();
    let stopped = run(
        dir.path(),
        &scan_args("Anna Vos", &["--out", "scan.yaml"]),
        "4\n",
    );
    assert!(stopped.status.success(), "{stopped:?}");
    let interview = run(
        dir.path(),
        &[&INTERVIEW[..], &["--out", "interview.yaml"]].concat(),
        "1\n-\n1 2\n",
    );
    assert!(interview.status.success(), "{interview:?}");
    let interview_before = std::fs::read(dir.path().join("interview.yaml")).unwrap();

    let mut scan = Pty::start(dir.path(), &["scan", "--resume", "scan.yaml"]);
    scan.expect(SCAN_KEYS);
    let mut talk = Pty::start(dir.path(), &["interview", "--resume", "interview.yaml"]);
    talk.expect("Interview met Bram Dekker, door Pieter.");

    let second = run(dir.path(), &["scan", "--resume", "scan.yaml"], "1\n1\n1\n");
    assert_in_use(&second, "scan.yaml", "a second resume of the scan");
    let second = run(
        dir.path(),
        &["interview", "--resume", "interview.yaml"],
        "5\n",
    );
    assert_in_use(
        &second,
        "interview.yaml",
        "a second resume of the interview",
    );
    assert_eq!(
        std::fs::read(dir.path().join("interview.yaml")).unwrap(),
        interview_before,
        "the refused resume changed the interview"
    );

    rate(&mut scan, "2", "2 zelden");
    scan.send("q");
    scan.expect("Gestopt; 2 antwoorden opgeslagen in scan.yaml.");
    scan.finish();
    talk.expect("Welke vragen stel je?");
    talk.expect("  > ");
    talk.send(&format!("q{ENTER}"));
    talk.expect("Verder gaan: vakwijzer interview --resume interview.yaml");
    talk.finish();

    let saved = read_yaml(&dir.path().join("scan.yaml"));
    assert_eq!(saved["answers"]["contact-en-relatie.i1"].as_u64(), Some(4));
    assert_eq!(saved["answers"]["contact-en-relatie.i2"].as_u64(), Some(2));
    assert_eq!(saved["answers"].as_mapping().unwrap().len(), 2);
    let saved = read_yaml(&dir.path().join("interview.yaml"));
    assert_eq!(
        saved["ratings"]["durf"]["observed"]
            .as_sequence()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(files_in(dir.path()), ["interview.yaml", "scan.yaml"]);
}

#[test]
fn a_killed_scan_leaves_nothing_that_blocks_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Pty::start(dir.path(), &scan_args("Anna Vos", &["--out", "scan.yaml"]));
    first.expect(SCAN_KEYS);
    rate(&mut first, "4", "4 vaak");
    let status = first.kill();
    assert!(matches!(status, WaitStatus::Signaled(..)), "{status:?}");

    let resumed = run(dir.path(), &["scan", "--resume", "scan.yaml"], "3\n");
    assert!(resumed.status.success(), "{resumed:?}");
    let saved = read_yaml(&dir.path().join("scan.yaml"));
    assert_eq!(saved["answers"]["contact-en-relatie.i1"].as_u64(), Some(4));
    assert_eq!(saved["answers"]["contact-en-relatie.i2"].as_u64(), Some(3));
    assert_eq!(files_in(dir.path()), ["scan.yaml"]);
}

/// Two scans started at the same moment on one new file: however they interleave, exactly one
/// saves into it and the other is refused, and the file holds the one that said it saved.
#[test]
fn two_scans_started_together_on_one_new_file_never_both_save() {
    let dir = tempfile::tempdir().unwrap();
    for (name, score) in [("anna", 4), ("bea", 2)] {
        std::fs::write(
            dir.path().join(format!("{name}.answers")),
            format!("contact-en-relatie.i1: {score}\ncontact-en-relatie.i2: {score}\n"),
        )
        .unwrap();
    }
    for round in 0..12 {
        let out = format!("scan-{round}.yaml");
        let start = |name: &str, answers: &str| {
            common::command(dir.path())
                .args(scan_args(name, &["--answers", answers, "--out", &out]))
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let anna = start("Anna Vos", "anna.answers");
        let bea = start("Bea Smit", "bea.answers");
        let (anna, bea) = (
            anna.wait_with_output().unwrap(),
            bea.wait_with_output().unwrap(),
        );
        let winners: Vec<(&str, u64)> = [("Anna Vos", 4, &anna), ("Bea Smit", 2, &bea)]
            .into_iter()
            .filter(|(_, _, output)| output.status.success())
            .map(|(name, score, _)| (name, score))
            .collect();
        assert_eq!(
            winners.len(),
            1,
            "round {round}: not exactly one scan saved:\n{anna:?}\n{bea:?}"
        );
        let loser = if anna.status.success() { &bea } else { &anna };
        assert_eq!(loser.status.code(), Some(2), "round {round}: {loser:?}");
        let stderr = String::from_utf8_lossy(&loser.stderr);
        assert!(
            stderr.contains(&format!("{out} bestaat al"))
                || stderr.contains(&format!("{out} wordt nu door een andere vakwijzer")),
            "round {round}: the refusal does not name {out}:\n{stderr}"
        );
        let saved = read_yaml(&dir.path().join(&out));
        let (name, score) = winners[0];
        assert_eq!(saved["name"].as_str(), Some(name), "round {round}");
        assert_eq!(
            saved["answers"]["contact-en-relatie.i2"].as_u64(),
            Some(score),
            "round {round}"
        );
    }
}

/// A scan, an interview, a result of a kind still to come and a broken scan, whatever their
/// names: `-o` refuses each (exit 2, naming it) and leaves it as it was; so too for one of the
/// command's inputs. `--force` replaces them; any other file is replaced as always.
#[test]
fn reports_never_replace_a_result_or_an_input_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
    std::fs::copy(
        examples.join("scans/sanne-2026-11.yaml"),
        d.join("sanne.yaml"),
    )
    .unwrap();
    std::fs::copy(
        examples.join("scans/sanne-2026-11.yaml"),
        d.join("scan.txt"),
    )
    .unwrap();
    std::fs::copy(
        examples.join("interviews/noor-ans.yaml"),
        d.join("noor.YAML"),
    )
    .unwrap();
    std::fs::write(
        d.join("plan.md"),
        "schema: 1\nkind: plan\nname: Sanne de Vries\n",
    )
    .unwrap();
    std::fs::write(
        d.join("broken"),
        "# vakwijzer-resultaat\nkind: 'scan'\nname: [Sanne de Vries\n",
    )
    .unwrap();
    std::fs::write(d.join("old-report.md"), "# an older report\n").unwrap();
    let contents = |name: &str| std::fs::read(d.join(name)).unwrap();
    let results = ["scan.txt", "noor.YAML", "plan.md", "broken"];
    let before: Vec<Vec<u8>> = results.iter().map(|name| contents(name)).collect();

    for (target, kind) in results.iter().zip(["scan", "interview", "plan", "scan"]) {
        for args in [
            vec!["report", "sanne.yaml", "-o", target],
            vec!["guide", "eindhoven", "--format", "md", "-o", target],
            vec!["team", ".", "--format", "csv", "-o", target],
        ] {
            let output = run(d, &args, "j\n");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(
                stderr.contains(&format!(
                    "{target} is een vakwijzer-resultaat ({kind}) en wordt niet vervangen door \
                     een rapport; kies een ander bestand voor -o, of vervang het toch met --force"
                )),
                "{args:?}: {stderr}"
            );
        }
    }
    let after: Vec<Vec<u8>> = results.iter().map(|name| contents(name)).collect();
    assert!(after == before, "a refused -o changed a result");

    // An input that is no result: a file the team report read.
    std::fs::write(d.join("notes.yaml"), "kind: notes\n").unwrap();
    let output = run(d, &["team", ".", "--format", "csv", "-o", "notes.yaml"], "");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("notes.yaml is een van de invoerbestanden en wordt niet vervangen"),
        "{stderr}"
    );
    assert_eq!(contents("notes.yaml"), b"kind: notes\n");

    // Anything else is replaced, as before; --force replaces a result too.
    let output = run(
        d,
        &[
            "report",
            "sanne.yaml",
            "--format",
            "md",
            "-o",
            "old-report.md",
        ],
        "",
    );
    assert!(output.status.success(), "{output:?}");
    let report = contents("old-report.md");
    assert!(String::from_utf8_lossy(&report).contains("Sanne de Vries"));
    let forced = [
        "report",
        "sanne.yaml",
        "--format",
        "md",
        "-o",
        "scan.txt",
        "--force",
    ];
    let output = run(d, &forced, "");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(contents("scan.txt"), report);
}

/// At a terminal `-o` over a result asks first: no keeps the result, yes replaces it.
#[test]
fn at_a_terminal_a_report_over_a_result_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
    let scan = dir.path().join("scan.yaml");
    std::fs::copy(examples.join("scans/sanne-2026-11.yaml"), &scan).unwrap();
    let before = std::fs::read(&scan).unwrap();
    let args = ["guide", "eindhoven", "--format", "md", "-o", "scan.yaml"];
    let question = "Toch vervangen? [j/N]";

    let mut no = Pty::start(dir.path(), &args);
    no.expect("scan.yaml is een vakwijzer-resultaat (scan)");
    no.expect(question);
    no.expect("  > ");
    no.send(&format!("n{ENTER}"));
    no.expect("vervang het toch met --force");
    no.end_with(2);
    assert_eq!(std::fs::read(&scan).unwrap(), before);

    let mut yes = Pty::start(dir.path(), &args);
    yes.expect(question);
    yes.expect("  > ");
    yes.send(&format!("j{ENTER}"));
    yes.expect("Geschreven: scan.yaml");
    yes.finish();
    let written = std::fs::read_to_string(&scan).unwrap();
    assert!(written.starts_with("# Interviewleidraad"), "{written}");
}
