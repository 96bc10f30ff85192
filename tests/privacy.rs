//! Privacy promises through the real binary: the right to be forgotten, owner-only files.

mod common;

use std::path::Path;

use predicates::prelude::*;

use common::vakwijzer;

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
            "3 bestand(en) over Sanne de Vries verwijderd",
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

/// A scan of the example Sanne with its name line replaced by `name_line`.
#[cfg(unix)]
fn scan_named(name_line: &str) -> String {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
    let sanne = std::fs::read_to_string(examples.join("scans/sanne-2026-11.yaml")).unwrap();
    sanne.replace("name: Sanne de Vries", name_line)
}

/// Every regular file below `dir` (not following links), relative, with its bytes.
#[cfg(unix)]
fn files_below(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
            if kind.is_dir() {
                walk(root, &path, out);
            } else if kind.is_file() {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Whether `bytes` hold "Noor El Amrani" however it is cased or spaced.
#[cfg(unix)]
fn holds_noor(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes).to_lowercase();
    let spaced: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    spaced.join(" ").contains("noor el amrani")
}

/// Every way a result about Noor hides from a name-and-extension search, in a folder given as
/// a link: `forget` removes each, lists what it cannot read and the other spelling, leaves the
/// rest as it was, and afterwards nothing below the folder holds her name.
#[cfg(unix)]
#[test]
fn forget_finds_every_variant_the_other_commands_read_as_the_person() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("results");
    let elsewhere = dir.path().join("elsewhere");
    for folder in [
        root.join("scans"),
        root.join("interviews"),
        elsewhere.clone(),
    ] {
        std::fs::create_dir_all(folder).unwrap();
    }
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
    let noor = scan_named("name: Noor El Amrani");
    let write = |path: &Path, text: &[u8]| std::fs::write(path, text).unwrap();
    write(
        &root.join("scans/double-space.yaml"),
        scan_named("name: Noor  El Amrani").as_bytes(),
    );
    write(
        &root.join("scans/nbsp.yaml"),
        scan_named("name: \"Noor\\u00A0El Amrani\"").as_bytes(),
    );
    write(
        &root.join("scans/upper.yaml"),
        scan_named("name: NOOR EL\u{00A0}AMRANI").as_bytes(),
    );
    let latin1 = root.join(std::ffi::OsStr::from_bytes(b"scans/scan-ren\xe9e.yaml"));
    write(&latin1, noor.as_bytes());
    write(&root.join("scans/out.txt"), noor.as_bytes());
    let interview = std::fs::read(examples.join("interviews/noor-ans.yaml")).unwrap();
    write(&root.join("interviews/NOOR.YAML"), &interview);
    // A temp file cut off in the middle of the answers, and one cut off right after her name.
    write(
        &root.join("scans/.vakwijzer-a1.tmp"),
        &noor.as_bytes()[..noor.len() / 2],
    );
    let at_name = noor.find("El Amrani").unwrap() + "El Amrani".len();
    write(
        &root.join("scans/.vakwijzer-b2.tmp"),
        &noor.as_bytes()[..at_name],
    );
    write(
        &root.join("scans/broken.yaml"),
        format!("{noor}  durf.i9: [\n").as_bytes(),
    );
    // A scan elsewhere that a link in the folder leads to; the team report counts it.
    write(&elsewhere.join("noor.yaml"), noor.as_bytes());
    std::os::unix::fs::symlink(elsewhere.join("noor.yaml"), root.join("scans/link.yaml")).unwrap();
    // Not hers: another person, another spelling, a result that cannot be read at all.
    std::fs::copy(
        examples.join("scans/sanne-2026-11.yaml"),
        root.join("scans/sanne.yaml"),
    )
    .unwrap();
    write(
        &root.join("scans/other-spelling.yaml"),
        scan_named("name: Noor el-Amrani").as_bytes(),
    );
    write(
        &root.join("scans/garbled.yaml"),
        b"kind: scan\nname: \xff\xfe\nanswers: {\n",
    );
    let folder = dir.path().join("link-to-results");
    std::os::unix::fs::symlink(&root, &folder).unwrap();
    let before = files_below(&root);

    let dry = vakwijzer(dir.path())
        .args([
            "forget",
            "link-to-results",
            "--name",
            "Noor El Amrani",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(dry.status.success(), "{dry:?}");
    assert_eq!(files_below(&root), before, "a dry run removed something");
    assert!(elsewhere.join("noor.yaml").exists());

    let output = vakwijzer(dir.path())
        .args(["forget", "link-to-results", "--name", "Noor El Amrani"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{output:?}");
    let removed = [
        "interviews/NOOR.YAML",
        "scans/.vakwijzer-a1.tmp",
        "scans/.vakwijzer-b2.tmp",
        "scans/broken.yaml",
        "scans/double-space.yaml",
        "scans/nbsp.yaml",
        "scans/out.txt",
        "scans/scan-ren\u{FFFD}e.yaml",
        "scans/upper.yaml",
    ];
    for file in removed {
        let line = format!("verwijderd: link-to-results/{file}\n");
        assert!(
            stdout.contains(&line),
            "{file} not reported removed:\n{stdout}"
        );
        let dry_line = format!("zou verwijderen: link-to-results/{file}\n");
        assert!(
            String::from_utf8_lossy(&dry.stdout).contains(&dry_line),
            "dry run: {file}"
        );
    }
    let link = format!(
        "verwijderd: link-to-results/scans/link.yaml, en {} waar die link naar wijst\n",
        elsewhere
            .canonicalize()
            .unwrap()
            .join("noor.yaml")
            .display()
    );
    assert!(
        stdout.contains(&link),
        "the link is not reported:\n{stdout}"
    );
    assert!(
        stdout.contains("10 bestand(en) over Noor El Amrani verwijderd."),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("\nNiet te lezen, controleer zelf:\n  link-to-results/scans/garbled.yaml\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "beslis zelf of het dezelfde persoon is:\n  \
             link-to-results/scans/other-spelling.yaml (Noor el-Amrani)\n"
        ),
        "{stdout}"
    );
    assert!(!elsewhere.join("noor.yaml").exists());
    assert!(std::fs::symlink_metadata(root.join("scans/link.yaml")).is_err());

    let after = files_below(&root);
    let left: Vec<&str> = after.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        left,
        [
            "scans/garbled.yaml",
            "scans/other-spelling.yaml",
            "scans/sanne.yaml"
        ]
    );
    for (name, bytes) in &after {
        assert!(!holds_noor(bytes), "{name} still holds the name");
        let was = before.iter().find(|(n, _)| n == name).unwrap();
        assert_eq!(&was.1, bytes, "{name} was changed");
    }
}

/// Someone who only interviewed: nothing is removed, and the output says which interviews
/// keep their name and why.
#[test]
fn forget_says_when_the_person_is_only_an_interviewer() {
    let dir = tempfile::tempdir().unwrap();
    copy_examples(dir.path());
    let before = files_in(dir.path());
    let output = vakwijzer(dir.path())
        .args(["forget", ".", "--name", "Ans  de Groot"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with(
            "Ans  de Groot komt alleen voor als interviewer; er is niets verwijderd.\n\n\
             Ans  de Groot is interviewer in deze interviews; ze gaan over de kandidaat en \
             blijven staan, met Ans  de Groot als interviewer erin:\n"
        ),
        "{stdout}"
    );
    for interview in ["jeroen-ans.yaml", "noor-ans.yaml", "sanne-ans.yaml"] {
        assert!(
            stdout.contains(&format!("  ./interviews/{interview}\n")),
            "{interview}:\n{stdout}"
        );
    }
    assert!(!stdout.contains("pieter"), "{stdout}");
    assert_eq!(files_in(dir.path()), before);
}
