//! `vakwijzer completions SHELL` and `vakwijzer man` generate what a shell and `man` read:
//! the bash completion offers every command, each shell's script names the binary, and the man
//! page is roff with the sections man expects, checked by groff itself when it is installed.

mod common;

use common::at_root;

fn generated(args: &[&str]) -> String {
    let output = at_root().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "vakwijzer {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn commands() -> Vec<String> {
    vakwijzer::cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

#[test]
fn the_bash_completion_offers_every_command_and_its_options() {
    let bash = generated(&["completions", "bash"]);
    assert!(bash.contains("complete -F _vakwijzer"), "{bash:.400}");
    for command in commands() {
        assert!(
            bash.contains(&format!("vakwijzer,{command})")),
            "the bash completion does not offer `{command}`"
        );
    }
    assert!(
        bash.contains("--competency"),
        "scan's options are not offered"
    );
    assert!(
        bash.contains("bash zsh fish powershell"),
        "the shells of `completions` are not offered"
    );
}

#[test]
fn every_shell_gets_a_script_for_vakwijzer() {
    for (shell, opening) in [
        ("zsh", "#compdef vakwijzer"),
        ("fish", "complete -c vakwijzer"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = generated(&["completions", shell]);
        assert!(script.contains(opening), "{shell}: {script:.400}");
        assert!(script.contains("interview"), "{shell}: no commands");
    }
    let refused = at_root().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
}

/// The words `--help` shows are the words of the completions' descriptions and the man page:
/// Dutch by default, English with `--lang en`.
#[test]
fn the_man_page_is_roff_with_every_command_in_the_chosen_language() {
    let page = generated(&["man"]);
    let headings: Vec<&str> = page.lines().filter(|l| l.starts_with(".SH ")).collect();
    assert!(page.contains("\n.TH vakwijzer 1 "), "{page:.300}");
    for heading in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(
            headings.contains(&heading),
            "{heading} missing: {headings:?}"
        );
    }
    for command in commands() {
        assert!(
            page.contains(&format!("vakwijzer\\-{command}(1)")),
            "the man page does not list `{command}`"
        );
    }
    assert!(page.contains("Competentiescans"), "{page:.300}");
    let english = generated(&["--lang", "en", "man"]);
    assert!(english.contains("Competency scans"), "{english:.300}");
    // groff reads it without a warning (-ww: all of them), where groff is installed.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("vakwijzer.1");
    std::fs::write(&file, &page).unwrap();
    match std::process::Command::new("groff")
        .args(["-man", "-z", "-ww"])
        .arg(&file)
        .output()
    {
        Ok(output) => {
            assert!(output.status.success(), "{output:?}");
            assert_eq!(String::from_utf8_lossy(&output.stderr), "", "groff warns");
        }
        Err(e) => eprintln!("groff is not installed ({e}): the structure was checked only"),
    }
}
