//! The offline form (`vakwijzer form`), filled in by headless Chromium as a person would
//! (tests/browser/form.js): answers kept across a reload, saved as a scan every command reads,
//! no network request, user and framework text escaped, and a hand-edited form or saved file
//! told apart with the usual messages.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::{browser_script, chromium, vakwijzer};
use serde_json::{Value, json};
use vakwijzer::framework::Library;
use vakwijzer::result::{Answer, load_scan};

/// What tests/browser/form.js saw.
struct Run {
    /// Per step: the page when (re)opened, and after the step.
    steps: Vec<Value>,
    /// The files saved, each as (suggested name, where it is now).
    saved: Vec<(String, PathBuf)>,
    requests: Vec<Value>,
    errors: Vec<Value>,
    violations: Vec<Value>,
    axe_rules: u64,
}

/// Runs the steps (see form.js) on the form at `form`; saved files land in `dir/downloads`.
fn fill_in(dir: &Path, form: &Path, steps: Value) -> Run {
    let downloads = dir.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let steps_file = dir.join("steps.json");
    std::fs::write(&steps_file, steps.to_string()).unwrap();
    let output = Process::new("node")
        .arg(browser_script("form.js"))
        .arg(chromium())
        .arg(form)
        .arg(&downloads)
        .arg(&steps_file)
        .output()
        .expect("node is needed for this test: scripts/test installs it");
    assert!(
        output.status.success(),
        "form.js failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let list = |key: &str| report[key].as_array().cloned().unwrap_or_default();
    let saved = list("saved")
        .iter()
        .map(|file| {
            assert_eq!(file["state"], "completed", "{file}");
            let name = file["name"].as_str().unwrap().to_string();
            (name, downloads.join(file["file"].as_str().unwrap()))
        })
        .collect();
    Run {
        steps: list("steps"),
        saved,
        requests: list("requests"),
        errors: list("errors"),
        violations: list("violations"),
        axe_rules: report["axe_rules"].as_u64().unwrap_or(0),
    }
}

/// The statement ids of a bundled framework's self-scan, in the order it asks them, and its
/// competency ids.
fn statements(framework: &str) -> (Vec<String>, Vec<String>) {
    let library = Library::load(None).unwrap();
    let framework = library.framework(framework).unwrap();
    let competencies = framework
        .competencies
        .iter()
        .filter(|c| !c.indicators.is_empty());
    let ids = competencies
        .clone()
        .flat_map(|c| c.indicators.iter().map(|i| i.id.clone()))
        .collect();
    (ids, competencies.map(|c| c.id.clone()).collect())
}

/// An answer for every statement: the scale's points in turn, and now and then n.v.t.
fn answers_for(ids: &[String]) -> BTreeMap<String, String> {
    ids.iter()
        .enumerate()
        .map(|(n, id)| {
            let value = if n % 7 == 3 {
                "nvt".to_string()
            } else {
                (n % 5 + 1).to_string()
            };
            (id.clone(), value)
        })
        .collect()
}

fn make_form(dir: &Path, args: &[&str]) -> PathBuf {
    let file = dir.join("form.html");
    vakwijzer(dir)
        .arg("form")
        .args(args)
        .args(["-o", file.to_str().unwrap()])
        .assert()
        .success();
    file
}

/// The page as the browser holds it, without what depends on the moment (the state of the
/// save offer and the progress text are checked where they matter).
fn fields(page: &Value) -> (Value, Value, Value) {
    (
        page["answers"].clone(),
        page["notes"].clone(),
        page["name"].clone(),
    )
}

/// A name and notes with everything YAML treats specially, and more than ASCII.
const NAME: &str = "Zoë \"Z\" O'Brien: één # twee - [x] {y} & Ελένη";
const NOTE_TYPED: &str = "Een \"casus\": buurman Jansen.\n- niet alleen\n  ingesprongen # geen commentaar\n'laatste' regel: ✓";

fn assert_clean(run: &Run) {
    assert!(
        run.requests.is_empty(),
        "the page made requests: {:?}",
        run.requests
    );
    assert!(
        run.errors.is_empty(),
        "console or script errors: {:?}",
        run.errors
    );
    for step in &run.steps {
        assert_eq!(step["after"]["overflow"], false, "wider than a phone");
    }
    assert!(
        run.axe_rules > 15,
        "axe-core checked {} rules",
        run.axe_rules
    );
    let serious: Vec<_> = run
        .violations
        .iter()
        .filter(|v| ["serious", "critical"].contains(&v["impact"].as_str().unwrap_or("")))
        .collect();
    assert!(serious.is_empty(), "axe-core found {serious:#?}");
}

#[test]
fn a_form_filled_in_half_reopened_and_finished_is_a_scan_every_command_reads() {
    let dir = tempfile::tempdir().unwrap();
    let form = make_form(dir.path(), &["generiek", "--role", "generalist"]);
    let (ids, competencies) = statements("generiek");
    let answers = answers_for(&ids);
    let half = ids.len() / 2;
    let first: BTreeMap<_, _> = ids[..half].iter().map(|id| (id, &answers[id])).collect();
    let rest: BTreeMap<_, _> = ids[half..].iter().map(|id| (id, &answers[id])).collect();
    let last = competencies.last().unwrap();
    // A line separator and an emoji cannot be typed by puppeteer's keyboard: pasted.
    let pasted = "regel\u{2028}scheiding, tab\there, 🙂 en \\n geen regel";
    let run = fill_in(
        dir.path(),
        &form,
        json!([
            {"answers": first, "notes": {&competencies[0]: NOTE_TYPED}, "name": NAME},
            {"reload": true, "answers": rest, "note_values": {last: pasted}, "download": true},
            {"reload": true, "clear": true},
            {"reload": true},
        ]),
    );
    assert_clean(&run);
    let [filled, finished, cleared, reopened] = &run.steps[..] else {
        panic!("{} steps", run.steps.len());
    };
    // Reopened, the page has every answer, the note and the name it had.
    assert_eq!(fields(&finished["restored"]), fields(&filled["after"]));
    assert_eq!(filled["after"]["answers"].as_object().unwrap().len(), half);
    assert_eq!(
        filled["after"]["progress"],
        format!("{half} van {} uitspraken beantwoord", ids.len())
    );
    assert_eq!(finished["after"]["progress_value"], ids.len());
    // Saved, it offers to clear what it kept; cleared, nothing comes back.
    assert_eq!(finished["after"]["saved"], true);
    assert_eq!(cleared["restored"]["saved"], true, "the offer stays");
    assert_eq!(reopened["restored"]["answers"], json!({}));
    assert_eq!(reopened["restored"]["notes"], json!({}));
    assert_eq!(reopened["restored"]["name"], "");

    // Named as `scan` names a new result, with the day it was started.
    let [(name, file)] = &run.saved[..] else {
        panic!("saved {:?}", run.saved);
    };
    let stem = name
        .strip_prefix("scan-generiek-zoë-z-o-brien-één-twee-x-y-ελένη-")
        .and_then(|rest| rest.strip_suffix(".yaml"))
        .unwrap_or_else(|| panic!("saved as {name}"));
    assert!(stem.len() == 10 && stem.as_bytes()[4] == b'-', "{name}");
    let scan = dir.path().join(name);
    std::fs::rename(file, &scan).unwrap();

    let library = Library::load(None).unwrap();
    let loaded = load_scan(&scan, &library).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let result = loaded.result;
    assert_eq!(result.name, NAME);
    assert_eq!(result.role.as_deref(), Some("generalist"));
    assert!(result.complete);
    let given: BTreeMap<String, String> = result
        .answers
        .iter()
        .map(|(id, answer)| (id.clone(), answer.to_string()))
        .collect();
    assert_eq!(given, answers);
    assert!(result.answers.values().any(|a| *a == Answer::NotApplicable));
    assert_eq!(result.notes[&competencies[0]], NOTE_TYPED);
    assert_eq!(result.notes[last], pasted);
    assert_eq!(result.notes.len(), 2);

    // The report reads it as a scan, with the answers given.
    let output = vakwijzer(dir.path())
        .args(["report", scan.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["name"], NAME);
    // And so does the team report, as one of the team.
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    std::fs::copy(&scan, team.join("zoe.yaml")).unwrap();
    vakwijzer(dir.path())
        .args(["team", "team", "--min-group", "3"])
        .assert()
        .success();
    // A scan that is done is done: `--resume` says so.
    vakwijzer(dir.path())
        .args(["scan", "--resume", scan.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicates::str::contains("is al af"));
}

#[test]
fn a_form_saved_half_done_goes_on_in_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let form = make_form(dir.path(), &["eindhoven", "--lang", "en"]);
    let html = std::fs::read_to_string(&form).unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("Save answers as a file"));
    let (ids, _) = statements("eindhoven");
    let answers = answers_for(&ids);
    // The first competencies in the order the scan asks them, as a person stops halfway.
    let half = ids.len() / 2;
    let first: BTreeMap<_, _> = ids[..half].iter().map(|id| (id, &answers[id])).collect();
    let run = fill_in(
        dir.path(),
        &form,
        json!([{"answers": first, "name": "Sanne de Vries", "download": true}]),
    );
    assert_clean(&run);
    assert!(
        run.steps[0]["after"]["message"]
            .as_str()
            .unwrap()
            .contains("scan --resume"),
        "{}",
        run.steps[0]["after"]
    );
    let [(name, file)] = &run.saved[..] else {
        panic!("saved {:?}", run.saved);
    };
    assert!(name.starts_with("scan-eindhoven-sanne-de-vries-"), "{name}");
    let scan = dir.path().join("sanne.yaml");
    std::fs::rename(file, &scan).unwrap();
    let library = Library::load(None).unwrap();
    assert!(!load_scan(&scan, &library).unwrap().result.complete);

    // The terminal asks the rest, one answer per line.
    let rest: String = ids[half..]
        .iter()
        .map(|id| format!("{}\n", answers[id]))
        .collect();
    vakwijzer(dir.path())
        .args(["scan", "--resume", "sanne.yaml"])
        .write_stdin(rest)
        .assert()
        .success();
    let result = load_scan(&scan, &library).unwrap().result;
    assert!(result.complete);
    let given: BTreeMap<String, String> = result
        .answers
        .iter()
        .map(|(id, answer)| (id.clone(), answer.to_string()))
        .collect();
    assert_eq!(given, answers);
    assert_eq!(result.name, "Sanne de Vries");
}

/// The form's contract: one radio group per statement named by its id with the values 1..N
/// and nvt, a note per competency, the name and the save button; and a policy that allows
/// only its own script and style, and no network.
#[test]
fn the_form_keeps_its_contract_and_its_policy() {
    let dir = tempfile::tempdir().unwrap();
    let form = make_form(dir.path(), &["generiek"]);
    let html = std::fs::read_to_string(&form).unwrap();
    let (ids, competencies) = statements("generiek");
    for id in &ids {
        for value in ["1", "2", "3", "4", "5", "nvt"] {
            let radio = format!("<input type=\"radio\" name=\"{id}\" value=\"{value}\">");
            assert_eq!(html.matches(&radio).count(), 1, "{radio}");
        }
        assert!(!html.contains(&format!("name=\"{id}\" value=\"6\"")));
    }
    for id in &competencies {
        assert!(html.contains(&format!("<textarea id=\"note-{id}\" name=\"note:{id}\"")));
    }
    assert!(html.contains("<input type=\"text\" id=\"name\" name=\"name\""));
    assert!(html.contains("<button type=\"button\" id=\"download\">"));
    let policy = html
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a Content-Security-Policy")
        .replace("&#39;", "'");
    for directive in [
        "default-src 'none'",
        "connect-src 'none'",
        "form-action 'none'",
    ] {
        assert!(policy.contains(directive), "{policy}");
    }
    assert!(!policy.contains("unsafe-"), "{policy}");
    assert!(policy.contains("script-src 'sha256-") && policy.contains("style-src 'sha256-"));
    for forbidden in ["http://", "https://", "<link", "@import", "src=", "url("] {
        assert!(!html.contains(forbidden), "the form contains {forbidden}");
    }
    // Two scripts: the data (not run) and the one that is.
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("<script>").count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&form).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// The request check is real: the same form with an image from elsewhere makes the browser
/// ask for it once the policy is gone, and not while it is there.
#[test]
fn the_policy_stops_a_request_the_browser_would_make() {
    let dir = tempfile::tempdir().unwrap();
    let form = make_form(dir.path(), &["generiek"]);
    let html = std::fs::read_to_string(&form).unwrap();
    let image = "<img alt=\"\" src=\"http://127.0.0.1:9/beacon.png\">";
    let with_image = html.replacen("<main>", &format!("<main>{image}"), 1);
    let unprotected = dir.path().join("unprotected.html");
    let policy_line = with_image
        .lines()
        .find(|line| line.contains("Content-Security-Policy"))
        .unwrap()
        .to_string();
    std::fs::write(&unprotected, with_image.replace(&policy_line, "")).unwrap();
    let run = fill_in(dir.path(), &unprotected, json!([{}]));
    assert_eq!(run.requests, vec![json!("http://127.0.0.1:9/beacon.png")]);

    let protected = dir.path().join("protected.html");
    std::fs::write(&protected, &with_image).unwrap();
    let run = fill_in(dir.path(), &protected, json!([{}]));
    assert!(run.requests.is_empty(), "{:?}", run.requests);
    assert!(
        run.errors
            .iter()
            .any(|e| e.as_str().unwrap().contains("Content Security Policy")),
        "{:?}",
        run.errors
    );
}

/// A form someone edited (a value the scale does not have, a fingerprint of another version)
/// saves a file that vakwijzer refuses or warns about as it does any scan, with file and line.
#[test]
fn a_hand_edited_form_gets_the_usual_messages() {
    let dir = tempfile::tempdir().unwrap();
    let form = make_form(dir.path(), &["generiek"]);
    let (ids, _) = statements("generiek");
    let html = std::fs::read_to_string(&form)
        .unwrap()
        .replace(
            &format!("name=\"{}\" value=\"5\"", ids[0]),
            &format!("name=\"{}\" value=\"7\"", ids[0]),
        )
        .replacen(
            "\"fingerprint\":\"sha256:",
            "\"fingerprint\":\"sha256:00",
            1,
        );
    std::fs::write(&form, html).unwrap();
    let run = fill_in(
        dir.path(),
        &form,
        json!([{"answers": {&ids[0]: "7", &ids[1]: "2"}, "name": "Noor", "download": true}]),
    );
    assert_clean(&run);
    let scan = dir.path().join("noor.yaml");
    std::fs::rename(&run.saved[0].1, &scan).unwrap();
    let line = std::fs::read_to_string(&scan)
        .unwrap()
        .lines()
        .position(|l| l.contains(&format!("{}: 7", ids[0])))
        .unwrap()
        + 1;
    vakwijzer(dir.path())
        .args(["report", "noor.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!("noor.yaml:{line}")))
        .stderr(predicates::str::contains("7 past niet op de schaal"));
    // Put right by hand, it is read, with the warning that the framework has changed since.
    let fixed = std::fs::read_to_string(&scan)
        .unwrap()
        .replace(&format!("{}: 7", ids[0]), &format!("{}: 5", ids[0]));
    std::fs::write(&scan, fixed).unwrap();
    vakwijzer(dir.path())
        .args(["report", "noor.yaml"])
        .assert()
        .success()
        .stderr(predicates::str::contains("andere versie"));
}

/// A framework whose texts are markup: the form shows them as text, runs none of it, and the
/// data the script reads cannot close its element.
#[test]
fn framework_text_is_text_in_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "</script><script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
    let quoted = serde_json::to_string(evil).unwrap();
    std::fs::create_dir(dir.path().join("org")).unwrap();
    std::fs::write(
        dir.path().join("org/kwaad.yaml"),
        format!(
            "kind: framework
id: kwaad
name: {quoted}
source: test
competencies:
  - id: een
    name: {quoted}
    definition: {quoted}
    indicators:
      - id: een.i1
        text: {quoted}
      - id: een.i2
        text: gewoon
"
        ),
    )
    .unwrap();
    let form = make_form(dir.path(), &["--data", "org", "kwaad"]);
    let html = std::fs::read_to_string(&form).unwrap();
    assert!(!html.contains("<img"), "markup in the page");
    assert_eq!(html.matches("<script").count(), 2);
    let run = fill_in(
        dir.path(),
        &form,
        json!([{"answers": {"een.i1": "3"}, "name": evil, "download": true}]),
    );
    // Nothing ran but the form's script, and the long words wrap on a phone.
    assert_clean(&run);
    let scan = dir.path().join("kwaad.yaml");
    std::fs::rename(&run.saved[0].1, &scan).unwrap();
    let library = Library::load(Some(&dir.path().join("org"))).unwrap();
    let result = load_scan(&scan, &library).unwrap().result;
    assert_eq!(result.name, evil);
    assert_eq!(result.answers["een.i1"], Answer::Score(3));
}
