//! What an HR author writing their own framework folder is told about their mistakes: one
//! folder per mistake in tests/fixtures/authoring/, each checked through the binary, and the
//! "Common mistakes" of data/README.md checked against what the binary prints.

mod common;

use std::path::Path;

use common::at_root;

const FIXTURES: &str = "tests/fixtures/authoring";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let output = at_root().args(args).output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The fixture folders, sorted.
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The console blocks of data/README.md's common mistakes: fixture name, command, output.
fn readme_examples() -> Vec<(String, String, String)> {
    let readme = std::fs::read_to_string("data/README.md").unwrap();
    let mut examples = Vec::new();
    for part in readme.split("<!-- fixture: ").skip(1) {
        let (name, rest) = part.split_once(" -->").unwrap();
        let block = rest
            .split_once("```console\n")
            .unwrap()
            .1
            .split_once("```")
            .unwrap()
            .0;
        let (command, output) = block.split_once('\n').unwrap();
        examples.push((name.to_string(), command.to_string(), output.to_string()));
    }
    examples
}

#[test]
fn the_common_mistakes_in_data_readme_are_what_vakwijzer_says() {
    let examples = readme_examples();
    assert!(examples.len() >= 10, "only {} examples", examples.len());
    for (name, command, expected) in examples {
        let folder = format!("{FIXTURES}/{name}/");
        assert!(Path::new(&folder).is_dir(), "no fixture {folder}");
        let args: Vec<String> = command
            .strip_prefix("$ vakwijzer ")
            .unwrap()
            .split_whitespace()
            .map(|a| a.replace("mijn-map/", &folder))
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let result = run(&args);
        let shown = format!("{}{}", result.stderr, result.stdout).replace(&folder, "mijn-map/");
        assert_eq!(
            shown, expected,
            "{name}: data/README.md differs from the program"
        );
    }
}

#[test]
fn every_mistake_is_documented() {
    let documented: Vec<String> = readme_examples().into_iter().map(|e| e.0).collect();
    for name in fixtures() {
        assert!(
            documented.contains(&name),
            "{name} is not in data/README.md"
        );
    }
}

/// Every command that loads the data stops at the same problem, the root cause first, with
/// exit 2, in Dutch, with no library words, and without the errors the cause brings along.
#[test]
fn every_command_stops_at_the_root_cause_in_dutch() {
    for name in fixtures() {
        if name == "no-definition" {
            continue;
        }
        let folder = format!("{FIXTURES}/{name}");
        let validated = run(&["validate", &folder]);
        assert_eq!(validated.code, Some(2), "{name}: {}", validated.stderr);
        let first = validated.stderr.lines().next().unwrap().to_string();
        assert!(
            first.starts_with(&format!("vakwijzer: {folder}/")),
            "{name}: {first}"
        );
        // file:line:column, never the start of the file for what is not at its start.
        let position = first.split(": ").nth(1).unwrap();
        assert!(
            !position.ends_with(":1:1"),
            "{name}: placed at 1:1: {first}"
        );
        assert!(
            validated.stderr.contains("\n  tip: "),
            "{name}: no hint:\n{}",
            validated.stderr
        );
        for words in [
            "invalid type",
            "expected",
            "struct",
            "found a",
            "unknown field",
            "serde",
            "onbekende framework",
            "onbekend framework 'jgz'",
        ] {
            assert!(
                !validated.stderr.contains(words),
                "{name}: '{words}' in\n{}",
                validated.stderr
            );
        }
        for command in [
            vec!["--data", &folder, "frameworks"],
            vec!["--data", &folder, "guide", "jgz"],
        ] {
            let other = run(&command);
            assert_eq!(other.code, Some(2), "{name} {command:?}");
            assert!(
                other.stderr.starts_with(&first),
                "{name} {command:?}: expected first\n{first}\nin\n{}",
                other.stderr
            );
        }
    }
}

#[test]
fn the_messages_are_english_under_lang_en() {
    let cases = [
        ("tab", "framework.yaml:7:1: a tab indents this line"),
        (
            "misspelled-field",
            "framework.yaml:17:5: unknown field 'defintion'\n  hint: did you mean 'definition'?",
        ),
        ("windows-1252", "hint: save the file as UTF-8"),
        (
            "target-typo",
            "doelen.yml:9:9: framework 'jgz' has no competency 'c2-ketten'",
        ),
    ];
    for (name, expected) in cases {
        let folder = format!("{FIXTURES}/{name}");
        let result = run(&["--lang", "en", "validate", &folder]);
        assert_eq!(result.code, Some(2));
        assert!(
            result.stderr.contains(expected),
            "{name}: expected {expected:?} in\n{}",
            result.stderr
        );
        assert!(!result.stderr.contains("tip:"), "{}", result.stderr);
    }
}

/// A warning does not stop anything: the guide of a framework with a competency without
/// definition is made, and validate exits 0 saying what the jobs will miss.
#[test]
fn warnings_say_what_a_job_will_miss_and_do_not_stop_it() {
    let folder = format!("{FIXTURES}/no-definition");
    let validated = run(&["validate", &folder]);
    assert_eq!(validated.code, Some(0));
    assert!(
        validated
            .stderr
            .contains("let op: competentie 'c2-ketenwerk' heeft geen definitie")
    );
    let guide = run(&["--data", &folder, "guide", "jgz", "--format", "md"]);
    assert_eq!(guide.code, Some(0), "{}", guide.stderr);
    assert!(guide.stdout.contains("Samenwerken in de keten"));

    // No indicators and no questions: the scan and the interview will leave it out.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{FIXTURES}/no-definition/doelen.yml"),
        dir.path().join("doelen.yml"),
    )
    .unwrap();
    let framework =
        std::fs::read_to_string(format!("{FIXTURES}/no-definition/framework.yaml")).unwrap();
    let (first, second) = framework.split_once("  - id: c2-ketenwerk").unwrap();
    let second = second.split("    indicators:").next().unwrap();
    std::fs::write(
        dir.path().join("framework.yaml"),
        format!("{first}  - id: c2-ketenwerk{second}"),
    )
    .unwrap();
    let validated = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(validated.code, Some(0), "{}", validated.stderr);
    for expected in [
        "heeft geen gedragsindicatoren (`indicators:`)\n  tip: een zelfscan slaat haar over",
        "heeft geen interviewvragen (`questions:`)\n  tip: een interview en de interviewleidraad slaan haar over",
    ] {
        assert!(validated.stderr.contains(expected), "{}", validated.stderr);
    }
    // The bundled data is deliberate (wmo has no indicators): no warnings about it.
    let bundled = run(&["validate"]);
    assert_eq!(bundled.stderr, "");
}
