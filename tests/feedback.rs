//! 360-degree feedback through the real binary: rating someone else by piped lines and in a
//! pseudo-terminal, the 360 report in every format with its figures withheld below a kind's
//! minimum, the rater's name in no output, `status`, `forget` and `team` with ratings.

mod common;

use common::{files_in, ok, run};

/// The statements of `durf` in the Eindhoven framework, as many answers as it has.
const DURF: usize = 5;

fn rating_args<'a>(about: &'a str, kind: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["scan", "eindhoven", "--about", about, "--rater", kind];
    args.extend_from_slice(extra);
    args
}

#[test]
fn a_rating_by_piped_lines_is_saved_under_a_name_without_the_rater() {
    let dir = tempfile::tempdir().unwrap();
    let args = rating_args(
        "Sanne de Vries",
        "collega",
        &["--rater-name", "Pieter Smit", "--competency", "durf"],
    );
    let input = "4\n3\nkan ik niet beoordelen\n5\nn.v.t.\nnotitie: stapt zo op een gezin af\n";
    let out = ok(dir.path(), &args, input);
    assert!(out.contains("Dank je"), "{out}");
    let name = format!(
        "rating-eindhoven-sanne-de-vries-collega-{}.yaml",
        common::TODAY
    );
    assert_eq!(files_in(dir.path()), std::slice::from_ref(&name));
    assert!(!out.contains("Pieter") && !out.contains("Smit"), "{out}");
    let path = dir.path().join(&name);
    assert_eq!(common::mode(&path), 0o600);
    let yaml = common::read_yaml(&path);
    assert_eq!(yaml["kind"].as_str(), Some("rating"));
    assert_eq!(yaml["about"].as_str(), Some("Sanne de Vries"));
    assert_eq!(yaml["rater_kind"].as_str(), Some("collega"));
    assert_eq!(yaml["rater_name"].as_str(), Some("Pieter Smit"));
    assert_eq!(yaml["complete"].as_bool(), Some(true));
    let answers = &yaml["answers"];
    assert_eq!(answers["durf.i1"].as_u64(), Some(4));
    assert_eq!(answers["durf.i3"].as_str(), Some("nvt"));
    assert_eq!(answers["durf.i5"].as_str(), Some("nvt"));
    assert_eq!(
        yaml["notes"]["durf"].as_str(),
        Some("stapt zo op een gezin af")
    );
}

#[test]
fn a_rating_stopped_halfway_goes_on_with_resume() {
    let dir = tempfile::tempdir().unwrap();
    let args = rating_args(
        "Sanne de Vries",
        "leidinggevende",
        &["--competency", "durf"],
    );
    let out = ok(dir.path(), &args, "4\n3\nq\n");
    assert!(out.contains("--resume"), "{out}");
    let name = format!(
        "rating-eindhoven-sanne-de-vries-leidinggevende-{}.yaml",
        common::TODAY
    );
    let yaml = common::read_yaml(&dir.path().join(&name));
    assert_eq!(yaml["complete"].as_bool(), Some(false));
    assert!(yaml.get("rater_name").is_none(), "no name given, none kept");
    let out = ok(dir.path(), &["scan", "--resume", &name], "2\n2\n2\n\n");
    assert!(out.contains("Dank je"), "{out}");
    let yaml = common::read_yaml(&dir.path().join(&name));
    assert_eq!(yaml["complete"].as_bool(), Some(true));
    assert_eq!(yaml["answers"]["durf.i1"].as_u64(), Some(4));
    assert_eq!(yaml["answers"]["durf.i5"].as_u64(), Some(2));
    assert_eq!(files_in(dir.path()), [name]);
}

#[test]
fn bad_rating_arguments_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let unknown = run(dir.path(), &rating_args("Sanne", "buurman", &[]), "");
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(!unknown.status.success());
    assert!(
        message.contains("buurman") && message.contains("collega"),
        "{message}"
    );
    let no_kind = run(dir.path(), &["scan", "eindhoven", "--about", "Sanne"], "");
    assert!(!no_kind.status.success());
    assert!(String::from_utf8_lossy(&no_kind.stderr).contains("--rater"));
    let both = run(
        dir.path(),
        &rating_args("Sanne", "collega", &["--name", "Piet"]),
        "",
    );
    assert!(!both.status.success());
    let line = run(
        dir.path(),
        &rating_args("Sanne", "collega", &["--competency", "durf"]),
        "4\nzes\n",
    );
    let message = String::from_utf8_lossy(&line.stderr);
    assert!(message.contains("stdin:2"), "{message}");
    assert!(message.contains("kan ik niet beoordelen"), "{message}");
    assert_eq!(line.status.code(), Some(2));
}

#[test]
fn an_organisation_can_change_the_kinds_of_raters_but_not_below_three() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("org");
    std::fs::create_dir(&data).unwrap();
    let kinds = "kind: raters\nraters:\n  - id: mentor\n    name: mentoren\n    minimum: 3\n    origin: organisation\n";
    std::fs::write(data.join("raters.yaml"), kinds).unwrap();
    let args = ["--data", "org", "scan", "eindhoven", "--about", "Sanne"];
    let mut with_mentor = args.to_vec();
    with_mentor.extend(["--rater", "mentor", "--competency", "durf"]);
    ok(dir.path(), &with_mentor, &"3\n".repeat(DURF));
    std::fs::write(
        data.join("raters.yaml"),
        kinds.replace("minimum: 3", "minimum: 2"),
    )
    .unwrap();
    let refused = run(dir.path(), &with_mentor, "");
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success());
    assert!(message.contains("raters.yaml:5"), "{message}");
    assert!(message.contains("minstens 3"), "{message}");
}

#[cfg(unix)]
mod terminal {
    use super::*;
    use common::pty::{ENTER, Pty};

    /// At a terminal the rater is asked about the person: the question above each statement,
    /// "kan ik niet beoordelen" as key 0, and a note about what they saw.
    #[test]
    fn a_rating_at_a_terminal_speaks_about_the_person() {
        let dir = tempfile::tempdir().unwrap();
        let args = rating_args(
            "Sanne de Vries",
            "collega",
            &["--rater-name", "Pieter Smit", "--competency", "durf"],
        );
        let mut pty = Pty::start(dir.path(), &args);
        for key in ['4', '0', '3', '5', '2'] {
            pty.expect("Hoe vaak zie je Sanne de Vries dit doen?");
            pty.expect("0 kan ik niet beoordelen");
            pty.send(&key.to_string());
            pty.send(ENTER);
        }
        pty.expect("Een voorbeeld waarin je Sanne de Vries dit zag doen");
        pty.expect(common::pty::EDITOR);
        pty.send(&format!("gaat er op af{ENTER}{ENTER}"));
        let output = pty.finish();
        assert!(output.contains("Dank je"), "{output}");
        assert!(!output.contains("Pieter"), "{output}");
        let name = format!(
            "rating-eindhoven-sanne-de-vries-collega-{}.yaml",
            common::TODAY
        );
        let yaml = common::read_yaml(&dir.path().join(name));
        assert_eq!(yaml["answers"]["durf.i2"].as_str(), Some("nvt"));
        assert_eq!(yaml["answers"]["durf.i5"].as_u64(), Some(2));
        assert_eq!(yaml["notes"]["durf"].as_str(), Some("gaat er op af"));
    }
}
