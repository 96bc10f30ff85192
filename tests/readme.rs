//! Every command the README shows works: each `$ vakwijzer ...` line of its ```console blocks is
//! run, in order, in one temporary folder with the examples, and must exit with 0. The
//! convention is written at the top of the README's developer part; this is its executable form.
#![cfg(unix)]

mod common;

use std::path::Path;

/// What a command that asks gets on standard input, as a pipe would give it: answers for
/// every statement of a scan (extra lines are not read), and for an interview per competency
/// question 1, no note, indicator 1 and rating 3, then the advice and a motivation; for a
/// decision per competency rating 4 without a reason, then advice, decision and the defaults.
fn answers_for(subcommand: &str) -> String {
    match subcommand {
        "scan" => "4\n".repeat(200),
        "interview" => "1\n-\n1\n3\n".repeat(8) + "wel\nSterke voorbeelden\n",
        "decide" => "4\n-\n".repeat(8) + "wel\naannemen\n-\n-\n-\n",
        _ => String::new(),
    }
}

/// The commands of the README's ```console blocks: each line that starts with `$ vakwijzer `,
/// without its comment (from two spaces and `#`).
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(common::root("README.md")).expect("README.md");
    let mut commands = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        let fence = line.trim_start();
        if fence.starts_with("```") {
            in_console = !in_console && fence == "```console";
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ").filter(|_| in_console) {
            let command = command.split("  #").next().unwrap_or(command).trim_end();
            commands.push(command.to_string());
        }
    }
    commands
}

/// The first word after `vakwijzer` and its global options: the subcommand.
fn subcommand(command: &str) -> &str {
    let mut words = command.split_whitespace().skip(1);
    while let Some(word) = words.next() {
        match word {
            "--data" | "--templates" | "--lang" => {
                words.next();
            }
            _ if word.starts_with("--") => {}
            _ => return word,
        }
    }
    ""
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The folder the commands run in: `data/examples/`, `my-frameworks/` (the worked example of
/// an organisation's folder) and `results/` (the example scans and interviews).
fn workplace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &common::root("data/examples"),
        &dir.path().join("data/examples"),
    );
    copy_tree(
        &common::root("tests/fixtures/org-jeugd"),
        &dir.path().join("my-frameworks"),
    );
    for folder in ["scans", "interviews"] {
        copy_tree(
            &common::root("data/examples").join(folder),
            &dir.path().join("results"),
        );
    }
    dir
}

#[test]
fn every_command_in_the_readme_runs_on_the_examples() {
    let commands = readme_commands();
    // The README shows every command there is, so that a new one is documented and run.
    for expected in vakwijzer::cli::command().get_subcommands() {
        let expected = expected.get_name();
        assert!(
            commands.iter().any(|c| subcommand(c) == expected),
            "the README shows no `vakwijzer {expected}` in a console block"
        );
    }
    let dir = workplace();
    let binary = Path::new(env!("CARGO_BIN_EXE_vakwijzer")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(binary.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let mut failures = Vec::new();
    for command in &commands {
        let mut shell = std::process::Command::new("sh");
        shell
            .args(["-c", command])
            .current_dir(dir.path())
            .env("PATH", &path);
        common::clean(&mut shell);
        let output = common::run_with_input(&mut shell, &answers_for(subcommand(command)));
        if !output.status.success() {
            failures.push(format!(
                "$ {command}\n  exit {:?}\n{}",
                output.status.code(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} README commands failed:\n{}",
        failures.len(),
        commands.len(),
        failures.join("\n")
    );
}

/// The reader of the README finds what the convention says: a comment is left out, a block
/// other than console is not run, a line without `$ vakwijzer` is not a command.
#[test]
fn the_readme_convention_reads_commands_and_only_those() {
    let commands = readme_commands();
    assert!(commands.len() >= 20, "{commands:?}");
    for command in &commands {
        assert!(command.starts_with("vakwijzer "), "{command}");
        assert!(!command.contains("  #"), "a comment was kept: {command}");
    }
    assert!(
        !commands.iter().any(|c| c.contains("cargo")),
        "a ```sh block was read: {commands:?}"
    );
    assert_eq!(
        subcommand("vakwijzer --data my-frameworks/ frameworks"),
        "frameworks"
    );
    assert_eq!(subcommand("vakwijzer --lang en scan eindhoven"), "scan");
}
