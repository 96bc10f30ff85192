//! Privacy promises through the real binary: the right to be forgotten, owner-only files.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn vakwijzer(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("vakwijzer").unwrap();
    command
        .current_dir(dir)
        .env_remove("VAKWIJZER_DATA")
        .env_remove("VAKWIJZER_LANG");
    command
}

fn copy_examples(to: &Path) {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
    for folder in ["scans", "interviews"] {
        let target = to.join(folder);
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(examples.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, target.join(path.file_name().unwrap())).unwrap();
        }
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for folder in ["scans", "interviews"] {
        for entry in std::fs::read_dir(dir.join(folder)).unwrap() {
            names.push(format!(
                "{folder}/{}",
                entry.unwrap().file_name().to_string_lossy()
            ));
        }
    }
    names.sort();
    names
}

#[test]
fn forget_removes_every_result_about_one_person_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    copy_examples(dir.path());
    // A temp file a crash left behind, holding Noor's interview.
    let leftover = std::fs::read_to_string(dir.path().join("interviews/noor-ans.yaml")).unwrap();
    std::fs::write(
        dir.path().join("interviews/.vakwijzer-abc123.tmp"),
        leftover,
    )
    .unwrap();
    // Something that is not a result, mentioning the name, stays.
    std::fs::write(
        dir.path().join("scans/notes.yaml"),
        "kind: notes\ntext: Noor El Amrani\n",
    )
    .unwrap();
    let before = files_in(dir.path());

    vakwijzer(dir.path())
        .args(["forget", ".", "--name", "noor el amrani", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "3 bestand(en) over noor el amrani gevonden; er is niets verwijderd.",
        ));
    assert_eq!(files_in(dir.path()), before, "a dry run removed something");

    let output = vakwijzer(dir.path())
        .args(["forget", ".", "--name", "Noor El Amrani"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    for removed in ["noor-ans.yaml", "noor-pieter.yaml", ".vakwijzer-abc123.tmp"] {
        assert!(
            stdout.contains(&format!("verwijderd: ./interviews/{removed}")),
            "{removed} not reported:\n{stdout}"
        );
    }
    let after = files_in(dir.path());
    let gone: Vec<&String> = before.iter().filter(|f| !after.contains(f)).collect();
    assert_eq!(
        gone,
        [
            "interviews/.vakwijzer-abc123.tmp",
            "interviews/noor-ans.yaml",
            "interviews/noor-pieter.yaml"
        ]
    );
    assert!(after.contains(&"scans/notes.yaml".to_string()));
    // Nothing left to find.
    vakwijzer(dir.path())
        .args(["forget", ".", "--name", "Noor El Amrani"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Niets gevonden over Noor El Amrani.",
        ));
    // A scan's person is found by name too.
    vakwijzer(dir.path())
        .args(["forget", "scans", "--name", "Sanne de Vries"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2 bestand(en) over Sanne de Vries verwijderd",
        ));
}

#[cfg(unix)]
#[test]
fn forget_does_not_follow_links_out_of_the_named_folder() {
    let outside = tempfile::tempdir().unwrap();
    let inside = tempfile::tempdir().unwrap();
    copy_examples(outside.path());
    std::os::unix::fs::symlink(
        outside.path().join("interviews"),
        inside.path().join("link"),
    )
    .unwrap();
    vakwijzer(inside.path())
        .args(["forget", ".", "--name", "Noor El Amrani"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Niets gevonden"));
    assert!(outside.path().join("interviews/noor-ans.yaml").exists());
}
