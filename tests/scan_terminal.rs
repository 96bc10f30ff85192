//! The interactive self-scan in a real pseudo-terminal: keys, arrows, n.v.t., going back, notes,
//! the score table, stopping with `q` and `--resume`, and a scan killed with SIGKILL halfway.
#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rexpect::process::{Signal, WaitStatus};

use common::files_in;
use common::framework::{Competency, Item, competencies, competencies_of, opening};
use common::pty::{
    BACKSPACE, CTRL_C, DELETE, EDITOR, END, ENTER, ESC, HOME, LEFT, NOTE_KEYS, Pty, RIGHT,
    SCAN_KEYS, paste,
};

/// The labels of the self-scan scale (`frequentie` in data/scales.yaml), by key.
fn label(key: char) -> &'static str {
    match key {
        '1' => "1 nooit",
        '2' => "2 zelden",
        '3' => "3 soms",
        '4' => "4 vaak",
        '5' => "5 (bijna) altijd",
        '0' => "0 n.v.t.",
        other => panic!("no label for key {other:?}"),
    }
}

/// What the result file says for an answer given with `key`.
fn stored(key: char) -> String {
    if key == '0' {
        "nvt".to_string()
    } else {
        key.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// The framework as the binary shows it

/// One statement as the scan asks it: its progress line and text.
struct Step<'a> {
    competency: &'a Competency,
    /// Index of the statement within its competency.
    index: usize,
    statement: &'a Item,
    progress: String,
}

/// Every statement of a scan over `competencies`, in the order asked.
fn steps(competencies: &[Competency]) -> Vec<Step<'_>> {
    let total: usize = competencies.iter().map(|c| c.indicators.len()).sum();
    let mut number = 0;
    let mut steps = Vec::new();
    for (c, competency) in competencies.iter().enumerate() {
        for (index, statement) in competency.indicators.iter().enumerate() {
            number += 1;
            steps.push(Step {
                competency,
                index,
                statement,
                progress: format!(
                    "competentie {}/{}, uitspraak {number}/{total}",
                    c + 1,
                    competencies.len()
                ),
            });
        }
    }
    steps
}

// ---------------------------------------------------------------------------------------------
// The scan's screens, as a person at the terminal sees and answers them

trait Scan {
    /// Waits for `step` to be asked (progress line, heading when first, statement, the choice
    /// line in raw mode), with `selected` (a key) preselected when given.
    fn expect_statement(&mut self, step: &Step, heading: bool, selected: Option<char>);
    /// Answers `step` with `keys` (which select `answer`) and Enter, and sees it confirmed.
    fn rate(&mut self, step: &Step, keys: &str, answer: char);
    /// Waits for the (empty) note prompt of `competency`.
    fn expect_note(&mut self, competency: &Competency);
    /// Waits for the note prompt of `competency`, types `line` and ends the note: Enter twice,
    /// or once when nothing is typed.
    fn note(&mut self, competency: &Competency, line: &str);
}

impl Scan for Pty {
    fn expect_statement(&mut self, step: &Step, heading: bool, selected: Option<char>) {
        if heading {
            self.expect(&format!("━━ {}", opening(&step.competency.name, 20)));
        }
        self.expect(&format!("\r\n{}\r\n", step.progress));
        // Statements are wrapped to the terminal; the first words open the first line.
        self.expect(&format!("  {}", opening(&step.statement.text, 40)));
        self.expect(SCAN_KEYS);
        match selected {
            Some(key) => self.expect(&format!("\x1b[7m[{}]\x1b[0m", label(key))),
            None => self.expect("0 n.v.t.  \x1b[K"),
        };
    }

    fn rate(&mut self, step: &Step, keys: &str, answer: char) {
        self.expect_statement(step, step.index == 0, None);
        self.send(keys);
        self.send(ENTER);
        self.expect(&format!("✓ {}\x1b[K\r\n", label(answer)));
    }

    fn expect_note(&mut self, competency: &Competency) {
        // The question is wrapped to the terminal; its opening names the competency.
        self.expect(&format!(
            "Een voorbeeld uit je praktijk bij {}",
            opening(&competency.name, 20)
        ));
        self.expect(&format!("{NOTE_KEYS} · Ctrl-C = opslaan en stoppen\r\n"));
        self.expect(EDITOR);
    }

    fn note(&mut self, competency: &Competency, line: &str) {
        self.expect_note(competency);
        let enters = if line.is_empty() { 1 } else { 2 };
        self.send(&format!("{line}{}", ENTER.repeat(enters)));
    }
}

// ---------------------------------------------------------------------------------------------
// The result file

struct Saved {
    yaml: serde_yaml::Value,
    text: String,
}

impl Saved {
    fn read(path: &Path) -> Saved {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let yaml = serde_yaml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not YAML ({e}):\n{text}", path.display()));
        Saved { yaml, text }
    }

    fn complete(&self) -> bool {
        self.yaml["complete"]
            .as_bool()
            .unwrap_or_else(|| panic!("no `complete:` in\n{}", self.text))
    }

    fn strings(&self, key: &str) -> BTreeMap<String, String> {
        let Some(mapping) = self.yaml[key].as_mapping() else {
            panic!("no `{key}:` mapping in\n{}", self.text)
        };
        mapping
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    serde_yaml::Value::Number(n) => n.to_string(),
                    serde_yaml::Value::String(s) => s.clone(),
                    other => panic!("unexpected {key} value {other:?} in\n{}", self.text),
                };
                (k.as_str().unwrap().to_string(), value)
            })
            .collect()
    }

    fn answers(&self) -> BTreeMap<String, String> {
        self.strings("answers")
    }

    fn notes(&self) -> BTreeMap<String, String> {
        self.strings("notes")
    }
}

fn map<const N: usize>(pairs: [(&str, String); N]) -> BTreeMap<String, String> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The line of the score table that holds `name`.
fn table_row<'a>(output: &'a str, name: &str) -> &'a str {
    output
        .lines()
        .find(|line| line.starts_with('│') && line.contains(name))
        .unwrap_or_else(|| panic!("no table row for {name} in\n{output}"))
}

// ---------------------------------------------------------------------------------------------
// The tests

/// A whole scan of two Eindhoven competencies: digits, arrows, n.v.t., going back to change an
/// answer, a note and a skipped note; the file is complete, exact and owner-only.
#[test]
fn a_whole_scan_with_keys_arrows_back_and_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies_of("eindhoven", &["aanpassingsvermogen", "creativiteit"]);
    assert_eq!(
        competencies
            .iter()
            .map(|c| (c.id.as_str(), c.indicators.len()))
            .collect::<Vec<_>>(),
        [("aanpassingsvermogen", 5), ("creativiteit", 4)],
        "the test assumes these statement counts"
    );
    let steps = steps(&competencies);
    let mut term = Pty::start(
        dir.path(),
        &[
            "scan",
            "eindhoven",
            "--name",
            "Sanne de Vries",
            "--out",
            "scan.yaml",
            "--competency",
            "aanpassingsvermogen",
            "--competency",
            "creativiteit",
        ],
    );
    let note = "Overstap naar het nieuwe registratiesysteem begeleid";

    term.rate(&steps[0], "4", '4');
    term.rate(&steps[1], &format!("3{RIGHT}"), '4'); // 3, one to the right: 4
    term.rate(&steps[2], "0", '0'); // n.v.t.
    term.rate(&steps[3], "1", '1');
    // At statement 5, back to 4: it is asked again with its answer (1) selected; change it to 5.
    term.expect_statement(&steps[4], false, None);
    term.send("b");
    term.expect("← terug\x1b[K\r\n");
    term.expect_statement(&steps[3], false, Some('1'));
    term.send("5");
    term.send(ENTER);
    term.expect("✓ 5 (bijna) altijd\x1b[K\r\n");
    term.rate(&steps[4], "3", '3');
    term.note(&competencies[0], note);

    term.rate(&steps[5], "2", '2');
    term.rate(&steps[6], &format!("5{LEFT}"), '4'); // 5, one to the left: 4
    term.rate(&steps[7], "3", '3');
    term.rate(&steps[8], "4", '4');
    term.note(&competencies[1], ""); // skipped
    term.expect("Opgeslagen in scan.yaml\r\n");
    let output = term.finish();

    for step in &steps {
        assert!(
            output.contains(&format!("\r\n{}\r\n", step.progress)),
            "no progress line {:?} in\n{output}",
            step.progress
        );
    }
    let output = output.replace('\r', "");
    // Aanpassingsvermogen: 4, 4, n.v.t., 5, 3 -> 16/4; creativiteit: 2, 4, 3, 4 -> 13/4.
    let row = table_row(&output, "Aanpassingsvermogen");
    assert!(row.contains("4,00"), "score 4,00 expected in {row:?}");
    let row = table_row(&output, "Creativiteit");
    assert!(row.contains("3,25"), "score 3,25 expected in {row:?}");
    assert!(
        output.contains("Rapport: vakwijzer report scan.yaml\n"),
        "no report hint in\n{output}"
    );

    let path = dir.path().join("scan.yaml");
    let saved = Saved::read(&path);
    assert!(
        saved.complete(),
        "complete: true expected in\n{}",
        saved.text
    );
    assert_eq!(saved.yaml["name"].as_str(), Some("Sanne de Vries"));
    assert_eq!(saved.yaml["framework"].as_str(), Some("eindhoven"));
    assert_eq!(
        saved.answers(),
        map([
            ("aanpassingsvermogen.i1", "4".into()),
            ("aanpassingsvermogen.i2", "4".into()),
            ("aanpassingsvermogen.i3", "nvt".into()),
            ("aanpassingsvermogen.i4", "5".into()),
            ("aanpassingsvermogen.i5", "3".into()),
            ("creativiteit.i1", "2".into()),
            ("creativiteit.i2", "4".into()),
            ("creativiteit.i3", "3".into()),
            ("creativiteit.i4", "4".into()),
        ]),
        "answers in\n{}",
        saved.text
    );
    assert_eq!(
        saved.notes(),
        map([("aanpassingsvermogen", note.into())]),
        "notes in\n{}",
        saved.text
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o600,
        "the result file must be owner-only, is {mode:o}"
    );
    assert_eq!(files_in(dir.path()), ["scan.yaml"]);
}

/// `q` halfway keeps every confirmed answer (not the one only selected), and `--resume` goes on
/// at the first unanswered statement and completes the file.
#[test]
fn quit_with_q_and_resume_in_a_new_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies_of("eindhoven", &["aanpassingsvermogen", "creativiteit"]);
    let steps = steps(&competencies);
    let path = dir.path().join("scan.yaml");
    let keys = ['2', '3', '4', '0', '5', '3', '4', '1', '2'];

    let mut term = Pty::start(
        dir.path(),
        &[
            "scan",
            "eindhoven",
            "--name",
            "Jeroen",
            "--out",
            "scan.yaml",
            "--competency",
            "creativiteit",
            "--competency",
            "aanpassingsvermogen",
        ],
    );
    for (step, key) in steps.iter().zip(keys).take(5) {
        term.rate(step, &key.to_string(), key);
    }
    term.note(&competencies[0], "");
    term.rate(&steps[5], "3", '3');
    // Statement 7: 4 selected but not confirmed, then q.
    term.expect_statement(&steps[6], false, None);
    term.send("4");
    term.expect("\x1b[7m[4 vaak]\x1b[0m");
    term.send("q");
    term.expect("opgeslagen, gestopt\x1b[K\r\n");
    term.expect("Gestopt; 6 antwoorden opgeslagen in scan.yaml.\r\n");
    term.expect("Verder gaan: vakwijzer scan --resume scan.yaml\r\n");
    term.finish();

    let first: BTreeMap<String, String> = steps
        .iter()
        .zip(keys)
        .take(6)
        .map(|(step, key)| (step.statement.id.clone(), stored(key)))
        .collect();
    let saved = Saved::read(&path);
    assert!(
        !saved.complete(),
        "complete: false expected in\n{}",
        saved.text
    );
    assert_eq!(saved.answers(), first, "answers after q in\n{}", saved.text);

    // A new terminal: on at statement 7, without the competency heading.
    let mut term = Pty::start(dir.path(), &["scan", "--resume", "scan.yaml"]);
    term.expect_statement(&steps[6], false, None);
    term.send("4");
    term.send(ENTER);
    term.expect("✓ 4 vaak\x1b[K\r\n");
    term.rate(&steps[7], "1", '1');
    term.rate(&steps[8], "2", '2');
    term.note(&competencies[1], "Brainstorm met de buurtbewoners geleid");
    term.expect("Opgeslagen in scan.yaml\r\n");
    let output = term.finish();
    assert!(
        !output.contains("━━ Aanpassingsvermogen ━━") && !output.contains(&steps[5].progress),
        "the resumed scan asked answered statements again:\n{output}"
    );

    let all: BTreeMap<String, String> = steps
        .iter()
        .zip(keys)
        .map(|(step, key)| (step.statement.id.clone(), stored(key)))
        .collect();
    let saved = Saved::read(&path);
    assert!(
        saved.complete(),
        "complete: true expected in\n{}",
        saved.text
    );
    assert_eq!(
        saved.answers(),
        all,
        "answers after resume in\n{}",
        saved.text
    );
    assert_eq!(
        saved.notes(),
        map([(
            "creativiteit",
            "Brainstorm met de buurtbewoners geleid".into()
        )]),
        "notes in\n{}",
        saved.text
    );
    assert_eq!(files_in(dir.path()), ["scan.yaml"]);
}

/// The answer given to statement `n` (0-based) in the generiek scan: all points and n.v.t.
fn generiek_key(n: usize) -> char {
    ['3', '4', '2', '5', '0', '1', '4'][n % 7]
}

/// A scan killed with SIGKILL keeps every confirmed answer in a valid file; `--resume` finishes
/// all 7 competencies and `report` reads the result.
#[test]
fn a_killed_scan_keeps_its_answers_and_can_be_finished() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies("generiek");
    let steps = steps(&competencies);
    assert_eq!(
        (competencies.len(), steps.len()),
        (7, 32),
        "generiek has 7 competencies with 32 statements"
    );
    let path = dir.path().join("scan.yaml");
    let expected = |count: usize| -> BTreeMap<String, String> {
        steps
            .iter()
            .take(count)
            .enumerate()
            .map(|(n, step)| (step.statement.id.clone(), stored(generiek_key(n))))
            .collect()
    };
    let first_count = competencies[0].indicators.len() + 3;

    let mut term = Pty::start(
        dir.path(),
        &["scan", "generiek", "--name", "Fatma", "--out", "scan.yaml"],
    );
    for (n, step) in steps.iter().enumerate().take(first_count) {
        if n == competencies[0].indicators.len() {
            term.note(&competencies[0], "");
        }
        let key = generiek_key(n);
        term.rate(step, &key.to_string(), key);
    }
    // The next statement is asked only after the last answer was saved.
    term.expect_statement(&steps[first_count], false, None);
    let status = term.kill();
    assert!(
        matches!(status, WaitStatus::Signaled(_, Signal::SIGKILL, _)),
        "expected death by SIGKILL, got {status:?}"
    );

    let saved = Saved::read(&path);
    assert!(
        !saved.complete(),
        "complete: false expected in\n{}",
        saved.text
    );
    assert_eq!(
        saved.answers(),
        expected(first_count),
        "answers after the kill in\n{}",
        saved.text
    );
    assert_eq!(
        files_in(dir.path()),
        ["scan.yaml"],
        "temp files left behind"
    );
    let report = common::command(dir.path())
        .args(["report", "scan.yaml", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        report.status.success(),
        "report on the killed scan failed: {}",
        String::from_utf8_lossy(&report.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(json["complete"], false, "report of the killed scan: {json}");

    // Resume in a new terminal and finish, pressing Enter at every note prompt.
    let mut term = Pty::start(dir.path(), &["scan", "--resume", "scan.yaml"]);
    for (n, step) in steps.iter().enumerate().skip(first_count) {
        if step.index == 0 {
            let previous = steps[n - 1].competency;
            term.note(previous, "");
        }
        let key = generiek_key(n);
        term.rate(step, &key.to_string(), key);
    }
    term.note(competencies.last().unwrap(), "");
    term.expect("Opgeslagen in scan.yaml\r\n");
    term.finish();

    let saved = Saved::read(&path);
    assert!(
        saved.complete(),
        "complete: true expected in\n{}",
        saved.text
    );
    assert_eq!(saved.answers(), expected(32), "answers in\n{}", saved.text);
    assert_eq!(saved.notes(), BTreeMap::new(), "notes in\n{}", saved.text);

    let report = common::command(dir.path())
        .args(["report", "scan.yaml", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        report.status.success(),
        "report failed: {}",
        String::from_utf8_lossy(&report.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(json["complete"], true, "report: {json}");
    assert_eq!(json["name"], "Fatma", "report: {json}");
    let rows = json["competencies"].as_array().expect("competencies");
    assert_eq!(rows.len(), 7, "report: {json}");
    let mut n = 0;
    for (competency, row) in competencies.iter().zip(rows) {
        let keys: Vec<char> = (n..n + competency.indicators.len())
            .map(generiek_key)
            .collect();
        n += competency.indicators.len();
        let scores: Vec<f64> = keys
            .iter()
            .filter(|&&k| k != '0')
            .map(|&k| f64::from(k.to_digit(10).unwrap()))
            .collect();
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        assert_eq!(row["id"], competency.id.as_str(), "report row {row}");
        assert_eq!(
            row["statements"].as_array().map(Vec::len),
            Some(competency.indicators.len()),
            "{row}"
        );
        assert_eq!(row["answered"], scores.len(), "{row}");
        assert_eq!(
            row["not_applicable"],
            competency.indicators.len() - scores.len(),
            "{row}"
        );
        let score = row["score"].as_f64().expect("a score");
        assert!(
            (score - mean).abs() < 0.006,
            "{}: score {score}, expected {mean:.2}",
            competency.id
        );
    }
}

/// Typing ahead: a note, Enter twice, the next answer and Enter in one go at the note prompt.
/// The last Enter may reach the terminal while it is still in line mode, which turns it into
/// LF; it must confirm the answer all the same. Ctrl-C then saves and stops.
#[test]
fn an_answer_typed_ahead_at_the_note_prompt_is_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies_of("eindhoven", &["creativiteit", "durf"]);
    let steps = steps(&competencies);
    let count = competencies[0].indicators.len();
    let mut term = Pty::start(
        dir.path(),
        &[
            "scan",
            "eindhoven",
            "--name",
            "Ahmed",
            "--out",
            "scan.yaml",
            "--competency",
            "creativiteit",
            "--competency",
            "durf",
        ],
    );
    for step in steps.iter().take(count) {
        term.rate(step, "3", '3');
    }
    term.expect_note(&competencies[0]);
    term.send("Nieuwe aanpak voor de inloop\r\r4\r");
    term.expect(&format!("━━ {} ━━", competencies[1].name));
    term.expect(&format!("\r\n{}\r\n", steps[count].progress));
    term.expect("✓ 4 vaak\x1b[K\r\n");
    term.expect_statement(&steps[count + 1], false, None);
    term.send(CTRL_C);
    term.expect("opgeslagen, gestopt\x1b[K\r\n");
    term.expect(&format!(
        "Gestopt; {} antwoorden opgeslagen in scan.yaml.\r\n",
        count + 1
    ));
    term.finish();

    let saved = Saved::read(&dir.path().join("scan.yaml"));
    assert!(
        !saved.complete(),
        "complete: false expected in\n{}",
        saved.text
    );
    let mut expected: BTreeMap<String, String> = steps
        .iter()
        .take(count)
        .map(|step| (step.statement.id.clone(), "3".to_string()))
        .collect();
    expected.insert(steps[count].statement.id.clone(), "4".to_string());
    assert_eq!(saved.answers(), expected, "answers in\n{}", saved.text);
    assert_eq!(
        saved.notes(),
        map([("creativiteit", "Nieuwe aanpak voor de inloop".into())]),
        "notes in\n{}",
        saved.text
    );
}

fn durf_scan(dir: &Path) -> Pty {
    Pty::start(
        dir,
        &[
            "scan",
            "eindhoven",
            "--name",
            "Sanne",
            "--out",
            "scan.yaml",
            "--competency",
            "durf",
        ],
    )
}

/// Seen before: a two-line note pasted at the note prompt kept its first line as the note and
/// rated the next statement "2 zelden". Now a paste at a statement answers nothing (the choice
/// line says so), and a paste in a note is the note, with its line break.
#[test]
fn a_paste_answers_no_statement_and_is_the_note_where_a_note_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies_of("eindhoven", &["durf"]);
    let steps = steps(&competencies);
    assert_eq!(steps.len(), 5, "durf has 5 statements");
    let mut term = durf_scan(dir.path());
    term.rate(&steps[0], "4", '4');
    term.expect_statement(&steps[1], false, None);
    term.send(&paste("Gesprek met een gezin.\r2 gesprekken gevoerd\r"));
    term.expect("geplakt: geen antwoord, kies met een toets");
    term.send("3");
    term.send(ENTER);
    term.expect("✓ 3 soms\x1b[K\r\n");
    for step in &steps[2..] {
        term.rate(step, "5", '5');
    }
    term.expect_note(&competencies[0]);
    let pasted = "Gesprek met een gezin.\r\n2 gesprekken gevoerd, heb b en q gezegd";
    term.send(&paste(pasted));
    term.send(&ENTER.repeat(2));
    term.expect("Opgeslagen in scan.yaml\r\n");
    term.finish();

    let saved = Saved::read(&dir.path().join("scan.yaml"));
    assert_eq!(
        saved.answers(),
        map([
            ("durf.i1", "4".into()),
            ("durf.i2", "3".into()),
            ("durf.i3", "5".into()),
            ("durf.i4", "5".into()),
            ("durf.i5", "5".into()),
        ]),
        "answers in\n{}",
        saved.text
    );
    assert_eq!(
        saved.notes(),
        map([(
            "durf",
            "Gesprek met een gezin.\n2 gesprekken gevoerd, heb b en q gezegd".into()
        )]),
        "notes in\n{}",
        saved.text
    );
}

/// The note editor by keys: Left, Home, End, Backspace and Delete work at the cursor, Enter
/// starts a line, `q` and `b` are text; Esc goes back keeping the note, which is then there to
/// edit; Ctrl-C stops keeping it too, and after `--resume` Enter twice ends it.
#[test]
fn a_note_is_edited_at_the_cursor_and_only_esc_leaves_it() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies_of("eindhoven", &["durf"]);
    let steps = steps(&competencies);
    let mut term = durf_scan(dir.path());
    for step in &steps {
        term.rate(step, "4", '4');
    }
    term.expect_note(&competencies[0]);
    term.send("met gezin");
    term.send(&LEFT.repeat(5));
    term.send("een ");
    term.send(HOME);
    term.send("Gesprek ");
    term.send(END);
    term.send("x");
    term.send(BACKSPACE);
    term.send(&LEFT.repeat(5));
    term.send(DELETE);
    term.send("G");
    term.send(&format!("{END}{ENTER}q b"));
    // Right at the end moves nothing; two to the left is the space.
    term.send(&format!("{RIGHT}{LEFT}{LEFT}{DELETE}"));
    term.expect("  > Gesprek met een Gezin\r\n    qb");
    term.send(ESC);
    term.expect("← terug\r\n");
    // Back at the last statement, its answer selected; the note was kept.
    term.expect_statement(&steps[4], false, Some('4'));
    let saved = Saved::read(&dir.path().join("scan.yaml"));
    assert_eq!(
        saved.notes(),
        map([("durf", "Gesprek met een Gezin\nqb".into())]),
        "notes after Esc in\n{}",
        saved.text
    );
    term.send(ENTER);
    term.expect("✓ 4 vaak\x1b[K\r\n");
    term.expect_note(&competencies[0]);
    term.expect("Gesprek met een Gezin\r\n    qb");
    // Ctrl-C in the note saves what was typed, and stops.
    term.send("!\x03");
    term.expect("opgeslagen, gestopt\r\n");
    term.expect("Verder gaan: vakwijzer scan --resume scan.yaml\r\n");
    term.finish();
    let saved = Saved::read(&dir.path().join("scan.yaml"));
    assert!(
        !saved.complete(),
        "complete: false expected in\n{}",
        saved.text
    );
    assert_eq!(
        saved.notes(),
        map([("durf", "Gesprek met een Gezin\nqb!".into())])
    );

    // Resumed, the note is there to edit; Enter twice keeps it and ends the scan.
    let mut term = Pty::start(dir.path(), &["scan", "--resume", "scan.yaml"]);
    term.expect_note(&competencies[0]);
    term.expect("Gesprek met een Gezin\r\n    qb!");
    term.send(&ENTER.repeat(2));
    term.expect("Opgeslagen in scan.yaml\r\n");
    term.finish();

    let saved = Saved::read(&dir.path().join("scan.yaml"));
    assert!(
        saved.complete(),
        "complete: true expected in\n{}",
        saved.text
    );
    assert_eq!(
        saved.notes(),
        map([("durf", "Gesprek met een Gezin\nqb!".into())]),
        "notes in\n{}",
        saved.text
    );
}
