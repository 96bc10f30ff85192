//! The interactive interview in a real pseudo-terminal: picking questions, notes (with going
//! back to the question list), ticking indicators, the suggested rating preselected, accepting
//! and overriding it, the advice and its motivation; stopping with `q` and `--resume`; a session
//! killed with SIGKILL; and that a session never shows another interviewer's file.
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rexpect::process::{Signal, WaitStatus};

use common::framework::{Competency, Item, competencies_of, opening};
use common::pty::{CHOICE_KEYS, EDITOR, ENTER, ESC, NOTE_KEYS, PICK_KEYS, Pty, paste, readable};
use common::{FILE_HEADER, files_in};

/// The line under every note's question.
const STAR_HINT: &str = "    Aantekeningen (STAR: situatie, taak, actie, resultaat)\r\n";

/// The interview scale (`gedragsankers` in data/scales.yaml) and "niet beoordeeld", in the order
/// the choice line shows them.
const RATINGS: [&str; 6] = [
    "1 ruim onvoldoende",
    "2 onvoldoende",
    "3 voldoende",
    "4 goed",
    "5 uitstekend",
    "0 niet beoordeeld",
];
const ADVICE: [&str; 5] = [
    "1 zeker niet",
    "2 niet",
    "3 wel",
    "4 zeker wel",
    "5 geen besluit",
];

/// The position of the rating given with `key` in [`RATINGS`].
fn rating_index(key: char) -> usize {
    RATINGS
        .iter()
        .position(|label| label.starts_with(key))
        .unwrap_or_else(|| panic!("no rating for key {key:?}"))
}

/// The choice line as drawn in raw mode, with `selected` in reverse video.
fn choice_line(labels: &[&str], selected: Option<usize>) -> String {
    let mut line = String::from("\r  ");
    for (index, label) in labels.iter().enumerate() {
        if Some(index) == selected {
            line.push_str(&format!("\x1b[7m[{label}]\x1b[0m "));
        } else {
            line.push_str(&format!(" {label}  "));
        }
    }
    line.push_str("\x1b[K");
    line
}

/// The choice line when the labels do not fit on one line: keys, and the selected label.
fn compact_choice_line(labels: &[&str], selected: Option<usize>) -> String {
    let mut line = String::from("\r  ");
    for (index, label) in labels.iter().enumerate() {
        if Some(index) == selected {
            line.push_str(&format!("\x1b[7m[{label}]\x1b[0m "));
        } else {
            line.push_str(&format!(" {} ", &label[..1]));
        }
    }
    line.push_str("\x1b[K");
    line
}

// ---------------------------------------------------------------------------------------------
// The framework as the binary shows it

/// The Eindhoven competencies `ids`, in the order given, numbered as the tests expect.
fn competencies(ids: &[&str]) -> Vec<Competency> {
    let competencies = competencies_of("eindhoven", ids);
    assert_numbered_ids(&competencies);
    competencies
}

/// Durf and coachen, in framework order, with the counts the tests rely on.
fn durf_and_coachen() -> Vec<Competency> {
    let competencies = competencies(&["durf", "coachen"]);
    assert_eq!(
        competencies
            .iter()
            .map(|c| (c.id.as_str(), c.questions.len(), c.indicators.len()))
            .collect::<Vec<_>>(),
        [("durf", 6, 5), ("coachen", 7, 5)],
        "the tests assume these question and indicator counts"
    );
    competencies
}

/// The expected files name questions and indicators by number: `durf.q2` is question 2.
fn assert_numbered_ids(competencies: &[Competency]) {
    for c in competencies {
        for (kind, items) in [("q", &c.questions), ("i", &c.indicators)] {
            for (index, item) in items.iter().enumerate() {
                assert_eq!(item.id, format!("{}.{kind}{}", c.id, index + 1));
            }
        }
    }
}

/// "competentie 2/2: Coachen".
fn progress(competencies: &[Competency], c: usize) -> String {
    format!(
        "competentie {}/{}: {}",
        c + 1,
        competencies.len(),
        competencies[c].name
    )
}

// ---------------------------------------------------------------------------------------------
// The interview's screens, as an interviewer at the terminal sees and answers them

/// The interview's screens, in words built on the terminal's own `expect` and `send`.
trait Interview {
    fn expect(&mut self, needle: &str) -> String;
    fn send(&mut self, keys: &str);

    /// Types `line` and Enter at a line prompt and sees it echoed. The line editor echoes every
    /// character it reads, so the whole line shows even if a few keys arrived just before the
    /// terminal went to raw mode (and were echoed once more by the terminal itself).
    fn line(&mut self, line: &str) {
        self.send(&format!("{line}{ENTER}"));
        self.expect(&format!("{line}\r"));
    }

    fn expect_welcome(&mut self, candidate: &str, interviewer: &str) {
        self.expect(&format!(
            "Interview met {candidate}, door {interviewer}. Je ziet alleen je eigen \
             beoordelingen; vergelijk pas achteraf met `vakwijzer report`.\r\n"
        ));
    }

    /// The competency's heading, shown above its question list.
    fn expect_heading(&mut self, competency: &Competency) {
        self.expect(&format!("\r\n━━ {} ━━\r\n", competency.name));
    }

    /// A numbered list to pick from, with the options in `marked` (1-based) ticked.
    fn expect_list(&mut self, progress: &str, title: &str, options: &[Item], marked: &[usize]) {
        self.expect(&format!("\r\n{progress}\r\n  {title}\r\n"));
        for (index, option) in options.iter().enumerate() {
            let number = index + 1;
            let mark = if marked.contains(&number) { 'x' } else { ' ' };
            self.expect(&format!(
                "  [{mark}] {number}. {}",
                opening(&option.text, 40)
            ));
        }
        self.expect(PICK_KEYS);
        self.expect(EDITOR);
    }

    /// The question list of competency `c` (heading first), with `marked` ticked.
    fn expect_questions(&mut self, competencies: &[Competency], c: usize, marked: &[usize]) {
        self.expect_heading(&competencies[c]);
        self.expect_list(
            &progress(competencies, c),
            "Welke vragen stel je? (nummers, bv. 1 3)",
            &competencies[c].questions,
            marked,
        );
    }

    fn expect_indicators(&mut self, competencies: &[Competency], c: usize, marked: &[usize]) {
        self.expect_list(
            &progress(competencies, c),
            "Welke gedragsindicatoren heb je gezien? (nummers)",
            &competencies[c].indicators,
            marked,
        );
    }

    /// The note prompt of `question`, showing the earlier note when there is one.
    fn expect_note(&mut self, question: &Item, previous: Option<&str>) {
        self.expect(&format!("\r\n\r\n  {}", opening(&question.text, 40)));
        self.expect(&format!("{STAR_HINT}{NOTE_KEYS}"));
        // The earlier note stands in the editor, to change or keep.
        self.expect(&format!("{EDITOR}{}", previous.unwrap_or_default()));
    }

    /// Types `typed` at a note (after the earlier note, when there is one) and ends it: Enter
    /// twice, or once at an empty note.
    fn note(&mut self, typed: &str, previous: Option<&str>) {
        let enters = if typed.is_empty() && previous.is_none() {
            ENTER.to_string()
        } else {
            ENTER.repeat(2)
        };
        self.send(&format!("{typed}{enters}"));
        self.expect(&format!("{}{typed}\r", previous.unwrap_or_default()));
    }

    /// The rating prompt of competency `c` with `observed` of its indicators ticked, the
    /// suggestion in the text and the choice line drawn with `selected` (a key) in reverse video;
    /// the scale in full (the first rating of a session) or as a one-line reminder.
    fn expect_rating(
        &mut self,
        competencies: &[Competency],
        c: usize,
        observed: usize,
        suggestion: char,
        selected: char,
        full: bool,
    ) {
        let competency = &competencies[c];
        let text = format!(
            "Beoordeling van {} ({observed} van {} indicatoren gezien; voorstel: {suggestion}, \
             jij beslist):",
            competency.name,
            competency.indicators.len()
        );
        self.expect_rating_text(competencies, c, &text, selected, full);
    }

    /// The rating prompt of competency `c` with the question `text` and `selected` (a key)
    /// preselected.
    fn expect_rating_text(
        &mut self,
        competencies: &[Competency],
        c: usize,
        text: &str,
        selected: char,
        full: bool,
    ) {
        self.expect(&format!("\r\n{}\r\n", progress(competencies, c)));
        self.expect(&format!("  {text}\r\n"));
        if full {
            for label in &RATINGS[..5] {
                self.expect(&format!("    {label} — Geeft "));
            }
            self.expect("    0 niet beoordeeld — de competentie kwam niet aan bod\r\n");
        } else {
            self.expect(&format!("    {}\r\n", RATINGS.join(" · ")));
            self.expect(
                "  cijfer of pijltjes kiezen · Enter bevestigen · b terug · q opslaan en \
                 stoppen · ? = de ankers\r\n",
            );
            self.expect(&choice_line(&RATINGS, Some(rating_index(selected))));
            return;
        }
        self.expect(CHOICE_KEYS);
        self.expect(&choice_line(&RATINGS, Some(rating_index(selected))));
    }

    /// The advice prompt, nothing selected yet.
    fn expect_advice(&mut self) {
        self.expect("\r\nafronding\r\n");
        self.expect("  Je advies over deze kandidaat, los van de scores per competentie:\r\n");
        for label in ADVICE {
            self.expect(&format!("    {label}\r\n"));
        }
        self.expect(CHOICE_KEYS);
        self.expect(&choice_line(&ADVICE, None));
    }

    /// Selects the advice with `key`, sees it selected, and confirms it.
    fn advise(&mut self, key: char) {
        let index = ADVICE.iter().position(|l| l.starts_with(key)).unwrap();
        self.expect_advice();
        self.send(&key.to_string());
        self.expect(&choice_line(&ADVICE, Some(index)));
        self.send(ENTER);
        self.expect(&format!("✓ {}\x1b[K\r\n", ADVICE[index]));
    }

    /// The review at the end, confirmed with Enter ("klaar" is preselected).
    fn confirm_review(&mut self) {
        self.expect("  Overzicht: controleer je beoordelingen.");
        self.expect("    k klaar\r\n");
        self.send(ENTER);
        self.expect("✓ k klaar\x1b[K\r\n");
    }

    fn expect_motivation(&mut self) {
        self.expect(&format!("\r\n  Motivering van je advies\r\n{NOTE_KEYS}"));
        self.expect(EDITOR);
    }
}

impl Interview for Pty {
    fn expect(&mut self, needle: &str) -> String {
        Pty::expect(self, needle)
    }

    fn send(&mut self, keys: &str) {
        Pty::send(self, keys)
    }
}

// ---------------------------------------------------------------------------------------------
// The result file

/// The file's text, exactly, with its fingerprint line (which follows the framework data) taken
/// from the file after checking its form.
fn assert_file(path: &Path, body: &str) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let fingerprint = text
        .lines()
        .find(|line| line.starts_with("fingerprint: "))
        .unwrap_or_else(|| panic!("no fingerprint in\n{text}"));
    let hex = fingerprint.trim_start_matches("fingerprint: sha256:");
    assert!(
        hex.len() == 16 && hex.chars().all(|c| c.is_ascii_hexdigit()),
        "fingerprint {fingerprint:?} is not sha256:<16 hex digits>"
    );
    let expected = format!(
        "{FILE_HEADER}schema: 1\nkind: interview\nframework: eindhoven\n{fingerprint}\n{body}"
    );
    assert_eq!(
        text,
        expected,
        "{} differs (left: the file, right: expected)",
        path.display()
    );
    let _: serde_yaml::Value = serde_yaml::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not YAML ({e}):\n{text}", path.display()));
    let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode,
        0o600,
        "{} must be owner-only, is {mode:o}",
        path.display()
    );
}

/// `vakwijzer report FILES --format json`, which must succeed.
fn report_json(dir: &Path, files: &[&str]) -> serde_json::Value {
    let mut args = vec!["report"];
    args.extend(files);
    args.extend(["--format", "json"]);
    let output = common::command(dir).args(&args).output().unwrap();
    assert!(
        output.status.success(),
        "report {files:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("report gives JSON")
}

/// Interviews Noor as Pieter about durf and coachen, saving to pieter.yaml.
fn start_pieter(dir: &Path) -> Pty {
    Pty::start(
        dir,
        &[
            "interview",
            "eindhoven",
            "--candidate",
            "Noor",
            "--interviewer",
            "Pieter",
            "--competency",
            "durf",
            "--competency",
            "coachen",
            "--out",
            "pieter.yaml",
        ],
    )
}

/// Interviews Noor as Pieter about durf only, saving to pieter.yaml, in a terminal `columns`
/// wide.
fn start_pieter_on_durf(dir: &Path, columns: u16) -> Pty {
    let args = [
        "interview",
        "eindhoven",
        "--candidate",
        "Noor",
        "--interviewer",
        "Pieter",
        "--competency",
        "durf",
        "--out",
        "pieter.yaml",
    ];
    Pty::options().columns(columns).start(dir, &args)
}

/// The lines of a file from its `candidate:` on, for Noor interviewed by Pieter about durf.
const PIETER_DURF_HEAD: &str = "candidate: Noor\ninterviewer: Pieter\nstarted: \
                                2026-11-23T10:00:00Z\nupdated: 2026-11-23T10:00:00Z\n\
                                competencies:\n- durf\n";

/// The lines of a file from its `candidate:` on, for Noor interviewed by Pieter.
const PIETER_HEAD: &str = "candidate: Noor\ninterviewer: Pieter\nstarted: 2026-11-23T10:00:00Z\n\
                           updated: 2026-11-23T10:00:00Z\ncompetencies:\n- durf\n- coachen\n";

// ---------------------------------------------------------------------------------------------
// The tests

/// A whole interview of two competencies: questions picked, going back from the first note to
/// the question list to change the selection (and from the indicators to the last note), notes
/// with non-ASCII text, indicators ticked, the
/// suggested rating accepted with Enter for one competency and overridden for the other, the
/// advice and a motivation. The file is exact and owner-only, and `report` reads it.
#[test]
fn a_whole_interview_with_going_back_and_an_overridden_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = durf_and_coachen();
    let (durf, coachen) = (&competencies[0], &competencies[1]);
    let crisis = "ging zelf op huisbezoek bij een gezin in crisis — ë";
    let mut term = start_pieter(dir.path());
    term.expect_welcome("Noor", "Pieter");

    // Durf: questions 1 and 3, a first note for 1, then back (3 -> 1 -> the list).
    term.expect_questions(&competencies, 0, &[]);
    term.line("1 3");
    term.expect_note(durf.question(1), None);
    term.note("eerste versie", None);
    term.expect_note(durf.question(3), None);
    term.send(ESC);
    term.expect_note(durf.question(1), Some("eerste versie"));
    term.send(ESC);
    // The list again, with the earlier selection ticked; 2 and 3 instead (1's note goes).
    term.expect_questions(&competencies, 0, &[1, 3]);
    term.line("2 3");
    term.expect_note(durf.question(2), None);
    term.note(crisis, None);
    term.expect_note(durf.question(3), None);
    term.note("", None); // skipped
    // Back from the indicators: to the last note, not the first.
    term.expect_indicators(&competencies, 0, &[]);
    term.line("b");
    term.expect_note(durf.question(3), None);
    term.note("", None);
    term.expect_indicators(&competencies, 0, &[]);
    term.line("1 2 4");
    // 3 of 5 seen: 1 + 3/5 * 4 = 3.4, suggested 3, preselected; Enter accepts it.
    term.expect_rating(&competencies, 0, 3, '3', '3', true);
    term.send(ENTER);
    term.expect("✓ 3 voldoende\x1b[K\r\n");

    // Coachen: questions 2 and 5, a note and a '-' (none), 4 of 5 indicators.
    term.expect_questions(&competencies, 1, &[]);
    term.line("2 5");
    term.expect_note(coachen.question(2), None);
    term.note(
        "Bespreekt het eerst met de collega zelf, daarna pas met de gedragswetenschapper",
        None,
    );
    term.expect_note(coachen.question(5), None);
    term.note("", None);
    term.expect_indicators(&competencies, 1, &[]);
    term.line("1 3 4 5");
    // 4 of 5: 1 + 4/5 * 4 = 4.2, suggested 4; overridden with 2.
    term.expect_rating(&competencies, 1, 4, '4', '4', false);
    term.send("2");
    term.expect(&choice_line(&RATINGS, Some(rating_index('2'))));
    term.send(ENTER);
    term.expect("✓ 2 onvoldoende\x1b[K\r\n");

    term.advise('3');
    term.expect_motivation();
    term.note(
        "Durft veel, coacht nog te sturend; één ding om op te letten",
        None,
    );
    term.confirm_review();
    term.expect("\r\nOpgeslagen in pieter.yaml\r\n");
    term.expect(
        "Scorekaart (met de interviews van de andere panelleden): vakwijzer report \
         pieter.yaml ...\r\n",
    );
    term.finish();

    let path = dir.path().join("pieter.yaml");
    assert_file(
        &path,
        &format!(
            "{PIETER_HEAD}complete: true
ratings:
  coachen:
    asked:
    - coachen.q2
    - coachen.q5
    notes:
      coachen.q2: Bespreekt het eerst met de collega zelf, daarna pas met de gedragswetenschapper
    observed:
    - coachen.i1
    - coachen.i3
    - coachen.i4
    - coachen.i5
    rating: 2
  durf:
    asked:
    - durf.q2
    - durf.q3
    notes:
      durf.q2: {crisis}
    observed:
    - durf.i1
    - durf.i2
    - durf.i4
    rating: 3
advice: wel
motivation: Durft veel, coacht nog te sturend; één ding om op te letten
"
        ),
    );
    assert_eq!(files_in(dir.path()), ["pieter.yaml"]);

    let json = report_json(dir.path(), &["pieter.yaml"]);
    assert_eq!(json["candidate"], "Noor", "report: {json}");
    assert_eq!(json["interviewers"], serde_json::json!(["Pieter"]));
    assert_eq!(json["complete"], true, "report: {json}");
    let rows = json["competencies"].as_array().expect("competencies");
    let summary: Vec<(String, i64, i64)> = rows
        .iter()
        .map(|row| {
            let rating = &row["ratings"][0];
            (
                row["id"].as_str().unwrap().to_string(),
                rating["rating"].as_i64().unwrap(),
                rating["observed"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [("durf".to_string(), 3, 3), ("coachen".to_string(), 2, 4)],
        "report: {json}"
    );
    assert_eq!(
        rows[0]["ratings"][0]["notes"][0],
        serde_json::json!([durf.question(2).text, crisis]),
        "report: {json}"
    );
    assert_eq!(
        json["advice"],
        serde_json::json!([{
            "interviewer": "Pieter",
            "advice": "wel",
            "advice_id": "wel",
            "motivation": "Durft veel, coacht nog te sturend; één ding om op te letten",
        }]),
        "report: {json}"
    );
}

/// `q` at the second competency's rating keeps the first competency and the second's questions,
/// notes and ticks, not the rating only selected; `--resume` goes on at the second competency's
/// question list, showing what was recorded, and completes the file.
#[test]
fn quit_at_a_rating_and_resume_in_a_new_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = durf_and_coachen();
    let (durf, coachen) = (&competencies[0], &competencies[1]);
    let path = dir.path().join("pieter.yaml");

    let mut term = start_pieter(dir.path());
    term.expect_questions(&competencies, 0, &[]);
    term.line("1");
    term.expect_note(durf.question(1), None);
    term.note(
        "Meldde zelf een onveilige situatie, tegen het advies van de teamleider in",
        None,
    );
    term.expect_indicators(&competencies, 0, &[]);
    term.line("2 3");
    // 2 of 5: 1 + 2/5 * 4 = 2.6, suggested 3; overridden with 4.
    term.expect_rating(&competencies, 0, 2, '3', '3', true);
    term.send("4");
    term.send(ENTER);
    term.expect("✓ 4 goed\x1b[K\r\n");

    term.expect_questions(&competencies, 1, &[]);
    term.line("3 6");
    term.expect_note(coachen.question(3), None);
    term.note("Liet de bewoner zelf kiezen", None);
    term.expect_note(coachen.question(6), None);
    term.note("", None);
    term.expect_indicators(&competencies, 1, &[]);
    term.line("1");
    // 1 of 5: 1 + 1/5 * 4 = 1.8, suggested 2. 5 selected, not confirmed, then q.
    term.expect_rating(&competencies, 1, 1, '2', '2', false);
    term.send("5");
    term.expect(&choice_line(&RATINGS, Some(rating_index('5'))));
    term.send("q");
    term.expect("opgeslagen, gestopt\x1b[K\r\n");
    term.expect("\r\nGestopt; competenties beoordeeld: 1; opgeslagen in pieter.yaml.\r\n");
    term.expect("Verder gaan: vakwijzer interview --resume pieter.yaml\r\n");
    term.finish();

    assert_file(
        &path,
        &format!(
            "{PIETER_HEAD}complete: false
ratings:
  coachen:
    asked:
    - coachen.q3
    - coachen.q6
    notes:
      coachen.q3: Liet de bewoner zelf kiezen
    observed:
    - coachen.i1
  durf:
    asked:
    - durf.q1
    notes:
      durf.q1: Meldde zelf een onveilige situatie, tegen het advies van de teamleider in
    observed:
    - durf.i2
    - durf.i3
    rating: 4
"
        ),
    );

    // A new terminal: on at coachen's question list, with what was recorded shown.
    let mut term = Pty::start(dir.path(), &["interview", "--resume", "pieter.yaml"]);
    term.expect_welcome("Noor", "Pieter");
    term.expect_questions(&competencies, 1, &[3, 6]);
    term.line(""); // as ticked
    term.expect_note(coachen.question(3), Some("Liet de bewoner zelf kiezen"));
    term.note("", Some("Liet de bewoner zelf kiezen")); // kept
    term.expect_note(coachen.question(6), None);
    term.note("Gaf een stagiair feedback na een huisbezoek", None);
    term.expect_indicators(&competencies, 1, &[1]);
    term.line("1 2");
    // 2 of 5: suggested 3; the 5 selected before stopping was never saved.
    term.expect_rating(&competencies, 1, 2, '3', '3', true);
    term.send(ENTER);
    term.expect("✓ 3 voldoende\x1b[K\r\n");
    term.advise('4');
    term.expect_motivation();
    term.note("", None); // no motivation
    term.confirm_review();
    term.expect("\r\nOpgeslagen in pieter.yaml\r\n");
    let output = term.finish();
    assert!(
        !output.contains("━━ Durf ━━") && !output.contains(&progress(&competencies, 0)),
        "the resumed interview asked durf again:\n{}",
        readable(&output)
    );

    assert_file(
        &path,
        &format!(
            "{PIETER_HEAD}complete: true
ratings:
  coachen:
    asked:
    - coachen.q3
    - coachen.q6
    notes:
      coachen.q3: Liet de bewoner zelf kiezen
      coachen.q6: Gaf een stagiair feedback na een huisbezoek
    observed:
    - coachen.i1
    - coachen.i2
    rating: 3
  durf:
    asked:
    - durf.q1
    notes:
      durf.q1: Meldde zelf een onveilige situatie, tegen het advies van de teamleider in
    observed:
    - durf.i2
    - durf.i3
    rating: 4
advice: zeker-wel
"
        ),
    );
    assert_eq!(files_in(dir.path()), ["pieter.yaml"]);
}

/// An interview killed with SIGKILL once the first competency's rating is confirmed keeps all of
/// it in a valid file; `--resume` finishes the interview.
#[test]
fn a_killed_interview_keeps_what_was_confirmed_and_can_be_finished() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = durf_and_coachen();
    let (durf, coachen) = (&competencies[0], &competencies[1]);
    let path = dir.path().join("pieter.yaml");

    let mut term = start_pieter(dir.path());
    term.expect_questions(&competencies, 0, &[]);
    term.line("2 4");
    term.expect_note(durf.question(2), None);
    term.note("Zette drang in bij een gezin dat zorg weigerde", None);
    term.expect_note(durf.question(4), None);
    term.note("", None);
    term.expect_indicators(&competencies, 0, &[]);
    term.line("5");
    // 1 of 5: suggested 2; 0 = niet beoordeeld instead.
    term.expect_rating(&competencies, 0, 1, '2', '2', true);
    term.send("0");
    term.send(ENTER);
    term.expect("✓ 0 niet beoordeeld\x1b[K\r\n");
    // The next competency is shown only after the rating was saved.
    term.expect_questions(&competencies, 1, &[]);
    let status = term.kill();
    assert!(
        matches!(status, WaitStatus::Signaled(_, Signal::SIGKILL, _)),
        "expected death by SIGKILL, got {status:?}"
    );

    let durf_record = "  durf:
    asked:
    - durf.q2
    - durf.q4
    notes:
      durf.q2: Zette drang in bij een gezin dat zorg weigerde
    observed:
    - durf.i5
    rating: nb
";
    assert_file(
        &path,
        &format!("{PIETER_HEAD}complete: false\nratings:\n{durf_record}"),
    );
    assert_eq!(
        files_in(dir.path()),
        ["pieter.yaml"],
        "temp files left behind"
    );
    let json = report_json(dir.path(), &["pieter.yaml"]);
    assert_eq!(
        json["complete"], false,
        "report of the killed interview: {json}"
    );

    let mut term = Pty::start(dir.path(), &["interview", "--resume", "pieter.yaml"]);
    term.expect_questions(&competencies, 1, &[]);
    term.line("4");
    term.expect_note(coachen.question(4), None);
    term.note("", None);
    term.expect_indicators(&competencies, 1, &[]);
    term.line("-");
    // None seen: suggested 1; 3 instead.
    term.expect_rating(&competencies, 1, 0, '1', '1', true);
    term.send("3");
    term.send(ENTER);
    term.expect("✓ 3 voldoende\x1b[K\r\n");
    term.advise('5');
    term.expect_motivation();
    term.note("Tweede gesprek nodig over durf", None);
    term.confirm_review();
    term.expect("\r\nOpgeslagen in pieter.yaml\r\n");
    term.finish();

    assert_file(
        &path,
        &format!(
            "{PIETER_HEAD}complete: true
ratings:
  coachen:
    asked:
    - coachen.q4
    rating: 3
{durf_record}advice: geen-besluit
motivation: Tweede gesprek nodig over durf
"
        ),
    );
    let json = report_json(dir.path(), &["pieter.yaml"]);
    assert_eq!(json["complete"], true, "report: {json}");
}

/// Another interviewer's finished file for the same candidate in the same folder never shows in
/// this interviewer's session: not her name, notes, motivation or file; and it is left alone.
#[test]
fn the_session_never_shows_another_interviewers_file() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = durf_and_coachen();
    let ans_note = "Noemde vooral wat het team deed";
    let ans_motivation = "Te weinig eigen voorbeelden volgens mij";
    // Per competency: question numbers, a note per asked question ('-' = none), indicator
    // numbers, a rating; then the advice and the motivation.
    let input = format!("1\n{ans_note}\n1\n1\n1\n-\n1\n1\nniet\n{ans_motivation}\n");
    let output = common::run(
        dir.path(),
        &[
            "interview",
            "eindhoven",
            "--candidate",
            "Noor",
            "--interviewer",
            "Ans",
            "--competency",
            "durf",
            "--competency",
            "coachen",
            "--out",
            "ans.yaml",
        ],
        &input,
    );
    assert!(
        output.status.success(),
        "Ans's piped interview failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let ans_path = dir.path().join("ans.yaml");
    let ans_text = std::fs::read_to_string(&ans_path).unwrap();
    assert!(
        ans_text.contains("complete: true")
            && ans_text.contains("interviewer: Ans")
            && ans_text.contains(&format!("durf.q1: {ans_note}"))
            && ans_text.contains("rating: 1")
            && ans_text.contains("advice: niet")
            && ans_text.contains(ans_motivation),
        "Ans's file is not what the piped lines said:\n{ans_text}"
    );

    // Pieter, with the default file name, in the same folder.
    let mut term = Pty::start(
        dir.path(),
        &[
            "interview",
            "eindhoven",
            "--candidate",
            "Noor",
            "--interviewer",
            "Pieter",
            "--competency",
            "durf",
            "--competency",
            "coachen",
        ],
    );
    term.expect_welcome("Noor", "Pieter");
    term.expect_questions(&competencies, 0, &[]);
    term.line("1");
    // Same question as Ans: no note of hers shown.
    term.expect_note(competencies[0].question(1), None);
    term.note("", None);
    term.expect_indicators(&competencies, 0, &[]);
    term.line("1 2 3 4 5");
    term.expect_rating(&competencies, 0, 5, '5', '5', true);
    term.send(ENTER);
    term.expect("✓ 5 uitstekend\x1b[K\r\n");
    term.expect_questions(&competencies, 1, &[]);
    term.line("1");
    term.expect_note(competencies[1].question(1), None);
    term.note("", None);
    term.expect_indicators(&competencies, 1, &[]);
    term.line("1 2 3 4");
    term.expect_rating(&competencies, 1, 4, '4', '4', false);
    term.send(ENTER);
    term.expect("✓ 4 goed\x1b[K\r\n");
    term.advise('4');
    term.expect_motivation();
    term.note("Sterke voorbeelden", None);
    term.confirm_review();
    let pieter_file = "interview-eindhoven-noor-pieter-2026-11-23.yaml";
    term.expect(&format!("\r\nOpgeslagen in {pieter_file}\r\n"));
    let output = term.finish();

    for secret in ["Ans", "ans.yaml", ans_note, ans_motivation] {
        assert!(
            !output.contains(secret),
            "Pieter's session shows {secret:?}:\n{}",
            readable(&output)
        );
    }
    assert_eq!(
        std::fs::read_to_string(&ans_path).unwrap(),
        ans_text,
        "Ans's file was changed"
    );
    assert_eq!(files_in(dir.path()), ["ans.yaml", pieter_file]);
    // Both files are one panel: the report reads them together.
    let json = report_json(dir.path(), &["ans.yaml", pieter_file]);
    assert_eq!(
        json["interviewers"],
        serde_json::json!(["Ans", "Pieter"]),
        "report: {json}"
    );
}

/// A competency that did not come up (no question asked, no indicator seen) has no suggestion:
/// "niet beoordeeld" is preselected, not the lowest rating. Going back from the rating passes
/// the (empty) notes to the question list.
#[test]
fn a_competency_that_did_not_come_up_is_preselected_as_not_rated() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies(&["durf"]);
    let mut term = start_pieter_on_durf(dir.path(), 100);
    term.expect_questions(&competencies, 0, &[]);
    term.line("-");
    term.expect_indicators(&competencies, 0, &[]);
    term.line("-");
    term.expect_rating_text(&competencies, 0, "Beoordeling van Durf:", '0', true);
    term.send("b");
    term.expect("← terug\x1b[K\r\n");
    term.expect_indicators(&competencies, 0, &[]);
    term.line("b");
    term.expect_questions(&competencies, 0, &[]);
    term.line("-");
    term.expect_indicators(&competencies, 0, &[]);
    term.line("");
    term.expect_rating_text(&competencies, 0, "Beoordeling van Durf:", '0', false);
    term.send(ENTER);
    term.expect("✓ 0 niet beoordeeld\x1b[K\r\n");
    term.advise('5');
    term.expect_motivation();
    term.note("", None);
    term.confirm_review();
    term.expect("\r\nOpgeslagen in pieter.yaml\r\n");
    term.finish();

    assert_file(
        &dir.path().join("pieter.yaml"),
        &format!(
            "{PIETER_DURF_HEAD}complete: true
ratings:
  durf:
    rating: nb
advice: geen-besluit
"
        ),
    );
}

/// In an 80-column terminal the rating's choice line (97 columns with every label) would wrap,
/// and a wrapped line cannot be redrawn in place: every key would leave a stale copy with the
/// old selection. It shows the keys and only the selected label instead; the advice still fits.
#[test]
fn the_choice_line_fits_an_80_column_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies(&["durf"]);
    let mut term = start_pieter_on_durf(dir.path(), 80);
    term.expect_questions(&competencies, 0, &[]);
    term.line("1");
    term.expect_note(competencies[0].question(1), None);
    term.note("", None);
    term.expect_indicators(&competencies, 0, &[]);
    term.line("1 2 3");
    term.expect("voorstel: 3, jij beslist):\r\n");
    term.expect(CHOICE_KEYS);
    term.expect(&compact_choice_line(&RATINGS, Some(rating_index('3'))));
    term.send("0");
    term.expect(&compact_choice_line(&RATINGS, Some(rating_index('0'))));
    term.send(ENTER);
    term.expect("✓ 0 niet beoordeeld\x1b[K\r\n");
    term.expect_advice();
    term.send("q");
    term.expect("opgeslagen, gestopt\x1b[K\r\n");
    term.expect("\r\nGestopt; competenties beoordeeld: 1; opgeslagen in pieter.yaml.\r\n");
    let output = term.finish();
    assert!(
        !output.contains(&choice_line(&RATINGS, Some(rating_index('3')))),
        "the full, wrapping choice line was drawn at 80 columns:\n{}",
        readable(&output)
    );

    assert_file(
        &dir.path().join("pieter.yaml"),
        &format!(
            "{PIETER_DURF_HEAD}complete: false
ratings:
  durf:
    asked:
    - durf.q1
    observed:
    - durf.i1
    - durf.i2
    - durf.i3
    rating: nb
"
        ),
    );
}

/// What the prompt line says when a paste answers nothing.
const PASTE_IGNORED: &str = "geplakt: geen antwoord, kies met een toets";

/// Pastes at the question list, the rating and the advice answer nothing and say so on the
/// prompt line; a paste in a note is the note, line breaks and `b` and all.
#[test]
fn a_paste_answers_no_choice_and_is_the_note_where_a_note_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies(&["durf"]);
    let durf = &competencies[0];
    let mut term = start_pieter_on_durf(dir.path(), 100);
    term.expect_questions(&competencies, 0, &[]);
    term.send(&paste("1 3\r"));
    term.expect(PASTE_IGNORED);
    term.line("1");
    term.expect_note(durf.question(1), None);
    term.send(&paste(
        "Situatie: crisis bij een gezin.\r\nActie: b, q en 2",
    ));
    term.send(&ENTER.repeat(2));
    term.expect_indicators(&competencies, 0, &[]);
    term.line("1 2");
    // 2 of 5 seen: 1 + 2/5 * 4 = 2.6, suggested 3 and preselected.
    term.expect_rating(&competencies, 0, 2, '3', '3', true);
    term.send(&paste("5\r"));
    term.expect(PASTE_IGNORED);
    term.send("4");
    term.send(ENTER);
    term.expect("✓ 4 goed\x1b[K\r\n");
    term.expect_advice();
    term.send(&paste("2\r"));
    term.expect(PASTE_IGNORED);
    term.send("3");
    term.send(ENTER);
    term.expect("✓ 3 wel\x1b[K\r\n");
    term.expect_motivation();
    term.note("Durft", None);
    term.confirm_review();
    term.expect("\r\nOpgeslagen in pieter.yaml\r\n");
    term.finish();

    assert_file(
        &dir.path().join("pieter.yaml"),
        &format!(
            "{PIETER_DURF_HEAD}complete: true
ratings:
  durf:
    asked:
    - durf.q1
    notes:
      durf.q1: |-
        Situatie: crisis bij een gezin.
        Actie: b, q en 2
    observed:
    - durf.i1
    - durf.i2
    rating: 4
advice: wel
motivation: Durft
"
        ),
    );
}

/// A note longer than the terminal is wide is drawn in rows broken after a word, each
/// indented under the first; the note saved is the one line typed.
#[test]
fn a_long_note_wraps_to_the_terminal_and_is_saved_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies(&["durf"]);
    let mut term = start_pieter_on_durf(dir.path(), 60);
    // The lists wrap at 60 columns; their keys line and editor open them.
    term.expect("Welke vragen stel je?");
    term.expect(PICK_KEYS);
    term.expect(EDITOR);
    term.line("1");
    term.expect_note(competencies[0].question(1), None);
    let note = "een twee drie vier vijf zes zeven acht negen tien elf twaalf";
    term.send(note);
    // 60 columns: 4 for "  > ", one kept free, 55 for the text.
    term.expect("\x1b[J  > een twee drie vier vijf zes zeven acht negen tien elf \r\n    twaalf");
    term.send(&ENTER.repeat(2));
    term.expect("Welke gedragsindicatoren heb je gezien?");
    term.expect(EDITOR);
    term.send("\x03");
    term.expect("opgeslagen, gestopt");
    term.finish();
    let text = std::fs::read_to_string(dir.path().join("pieter.yaml")).unwrap();
    assert!(
        text.contains(&format!("      durf.q1: {note}\n")),
        "the note is not saved as one line in\n{text}"
    );
}

/// A note typed over two lines (Enter, then Enter twice), the rating scale in full only the
/// first time, and the review at the end: it lists the competency's rating, ticked indicators
/// and notes; its number goes back to the competency, whose rating leads straight back to the
/// review (not through the advice again), which shows the change before Enter finishes.
#[test]
fn the_review_lists_every_competency_and_goes_back_to_change_one() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = durf_and_coachen();
    let (durf, coachen) = (&competencies[0], &competencies[1]);
    let mut term = start_pieter(dir.path());
    term.expect_questions(&competencies, 0, &[]);
    term.line("1");
    term.expect_note(durf.question(1), None);
    term.send(&format!(
        "Eerste regel{ENTER}tweede regel{}",
        ENTER.repeat(2)
    ));
    term.expect_indicators(&competencies, 0, &[]);
    term.line("1 3");
    // 2 of 5 seen: 1 + 2/5 * 4 = 2.6, suggested 3.
    term.expect_rating(&competencies, 0, 2, '3', '3', true);
    term.send(ENTER);
    term.expect("✓ 3 voldoende\x1b[K\r\n");
    term.expect_questions(&competencies, 1, &[]);
    term.line("-");
    term.expect_indicators(&competencies, 1, &[]);
    term.line("");
    // The second rating: the scale as a one-line reminder.
    term.expect_rating_text(
        &competencies,
        1,
        &format!("Beoordeling van {}:", coachen.name),
        '0',
        false,
    );
    term.send(ENTER);
    term.expect("✓ 0 niet beoordeeld\x1b[K\r\n");
    term.advise('3');
    term.expect_motivation();
    term.note("Goed", None);
    term.expect("  Overzicht: controleer je beoordelingen.");
    term.expect(
        "    1 Durf — beoordeling: 3 voldoende · indicatoren: 1, 3 (2 van 5) · aantekeningen: 1\r\n",
    );
    term.expect(
        "    2 Coachen — beoordeling: niet beoordeeld · indicatoren: — (0 van 5) · aantekeningen: 0",
    );
    term.expect("    a advies — wel · motivering: ja\r\n");
    // Back to durf: its questions, notes and ticks as recorded, then a new rating.
    term.send("1");
    term.send(ENTER);
    term.expect("✓ 1 Durf\x1b[K\r\n");
    term.expect_questions(&competencies, 0, &[1]);
    term.line("");
    term.expect_note(durf.question(1), Some("Eerste regel"));
    term.send(&ENTER.repeat(2));
    term.expect_indicators(&competencies, 0, &[1, 3]);
    term.line("");
    term.expect_rating(&competencies, 0, 2, '3', '3', false);
    term.send("4");
    term.send(ENTER);
    term.expect("✓ 4 goed\x1b[K\r\n");
    term.expect("  Overzicht: controleer je beoordelingen.");
    let review = term.expect("    k klaar\r\n");
    assert!(
        review.contains("1 Durf — beoordeling: 4 goed"),
        "{}",
        readable(&review)
    );
    assert!(
        !review.contains("Je advies over deze kandidaat"),
        "{}",
        readable(&review)
    );
    term.send(ENTER);
    term.expect("✓ k klaar\x1b[K\r\n");
    term.expect("\r\nOpgeslagen in pieter.yaml\r\n");
    term.finish();

    let text = std::fs::read_to_string(dir.path().join("pieter.yaml")).unwrap();
    for expected in [
        "complete: true",
        "      durf.q1: |-\n        Eerste regel\n        tweede regel\n",
        "    rating: 4\n",
        "    rating: nb\n",
        "advice: wel\nmotivation: Goed\n",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }
}
