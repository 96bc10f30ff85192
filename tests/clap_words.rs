//! clap's own words through the real binary: the help of every command and every kind of
//! command-line error speak Dutch by default and English with `--lang en` (or
//! `VAKWIJZER_LANG=en`), and a missing framework lists the frameworks there are.

mod common;

use std::process::Output;

use common::at_root;

/// What clap writes itself; none of it may reach a Dutch user.
const CLAP_ENGLISH: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Print help",
    "Print version",
    "[default:",
    "[possible values:",
    "[env:",
    "[OPTIONS]",
    "<COMMAND>",
    "error:",
    "tip:",
    "For more information",
    "the following required arguments",
    "unexpected argument",
    "invalid value",
    "a value is required",
    "cannot be used",
    "unrecognized subcommand",
];

fn run(args: &[&str]) -> Output {
    at_root().args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn help(args: &[&str]) -> String {
    let output = run(args);
    assert!(output.status.success(), "{args:?}: {output:?}");
    assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    text(&output.stdout)
}

/// The error of a command line clap refuses: status 2, nothing on stdout.
fn refused(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
    assert!(output.stdout.is_empty(), "{args:?}: {output:?}");
    text(&output.stderr)
}

fn assert_dutch(output: &str, what: &str) {
    for english in CLAP_ENGLISH {
        assert!(
            !output.contains(english),
            "{what}: clap's '{english}' in\n{output}"
        );
    }
}

fn assert_has(output: &str, needles: &[&str], what: &str) {
    for needle in needles {
        assert!(
            output.contains(needle),
            "{what}: no '{needle}' in\n{output}"
        );
    }
}

fn commands() -> Vec<String> {
    let help = help(&["--help"]);
    let listed: Vec<String> = help
        .split("Opdrachten:\n")
        .nth(1)
        .expect("a list of commands")
        .lines()
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .map(String::from)
        .collect();
    assert!(listed.len() >= 10, "{listed:?}");
    listed
}

#[test]
fn the_help_of_every_command_speaks_dutch_and_english_with_lang_en() {
    let main = help(&["--help"]);
    assert_has(
        &main,
        &[
            "Gebruik: vakwijzer [OPTIES] <OPDRACHT>",
            "Opdrachten:",
            "Opties:",
            "-h, --help",
            "Toon deze hulp",
            "Toon de versie",
            "[standaard: nl]",
            "[mogelijk: nl, en]",
            "[omgevingsvariabele: VAKWIJZER_LANG]",
        ],
        "vakwijzer --help",
    );
    assert_dutch(&main, "vakwijzer --help");
    let english = help(&["--lang", "en", "--help"]);
    assert_has(
        &english,
        &[
            "Usage: vakwijzer [OPTIONS] <COMMAND>",
            "Commands:",
            "Options:",
            "Print help",
            "[default: nl]",
        ],
        "vakwijzer --lang en --help",
    );
    assert!(!english.contains("Gebruik"), "{english}");
    for command in commands() {
        let dutch = help(&[&command, "--help"]);
        let what = format!("vakwijzer {command} --help");
        assert_has(
            &dutch,
            &[&format!("Gebruik: vakwijzer {command} [OPTIES]"), "Opties:"],
            &what,
        );
        assert_dutch(&dutch, &what);
        let english = help(&[&command, "--help", "--lang=en"]);
        assert_has(
            &english,
            &[
                &format!("Usage: vakwijzer {command} [OPTIONS]"),
                "Print help",
            ],
            &format!("{what} --lang=en"),
        );
    }
    let scan = help(&["scan", "--help"]);
    assert_has(
        &scan,
        &[
            "Argumenten:\n  [FRAMEWORK]",
            "--out <BESTAND>",
            "--name <NAAM>",
        ],
        "vakwijzer scan --help",
    );
    // The language may come from the environment too.
    let output = at_root()
        .env("VAKWIJZER_LANG", "en")
        .args(["scan", "--help"])
        .output()
        .unwrap();
    assert_has(
        &text(&output.stdout),
        &["Usage:", "Options:"],
        "VAKWIJZER_LANG=en",
    );
}

#[test]
fn help_as_a_command_shows_the_help_of_the_command_named() {
    assert_eq!(help(&["help", "team"]), help(&["team", "--help"]));
    assert_eq!(help(&["help"]), help(&["--help"]));
    assert_eq!(
        help(&["--lang", "en", "help", "scan"]),
        help(&["scan", "--help", "--lang", "en"])
    );
}

#[test]
fn every_kind_of_command_line_error_speaks_dutch_and_english_with_lang_en() {
    // (arguments, Dutch message, English message)
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["report"],
            "vakwijzer: dit ontbreekt: <BESTAND>...",
            "vakwijzer: missing: <FILE>...",
        ),
        (
            &["frameworks", "--bogus"],
            "vakwijzer: onbekend argument '--bogus'",
            "vakwijzer: unknown argument '--bogus'",
        ),
        (
            &["report", "x.yaml", "--format", "xml"],
            "'xml' is geen geldige waarde voor --format <FORMAAT>; mogelijk: table, md, json, csv, html, pdf, xlsx (bedoel je 'xlsx'?)",
            "'xml' is not a valid value for --format <FORMAT>; possible values: table, md, json, csv, html, pdf, xlsx (did you mean 'xlsx'?)",
        ),
        (
            &["report", "x.yaml", "--format"],
            "--format <FORMAAT> heeft een waarde nodig",
            "--format <FORMAT> needs a value",
        ),
        (
            &["repor"],
            "onbekende opdracht 'repor' (bedoel je 'frameworks' of 'report'?)",
            "unknown command 'repor' (did you mean 'frameworks' or 'report'?)",
        ),
        (
            &["team", "data/examples/team", "--min-group", "veel"],
            "'veel' is geen geldige waarde voor --min-group <N>",
            "'veel' is not a valid value for --min-group <N>",
        ),
        (
            &["scan", "eindhoven", "--resume", "a.yaml", "-o", "b.yaml"],
            "--resume <BESTAND> gaat niet samen met --out <BESTAND>",
            "--resume <FILE> cannot be used with --out <FILE>",
        ),
        (
            &["report", "x.yaml", "-o", "a.md", "-o", "b.md"],
            "--output <BESTAND> mag maar één keer",
            "--output <FILE> may be given only once",
        ),
    ];
    for (args, dutch, english) in cases {
        let what = format!("vakwijzer {}", args.join(" "));
        let error = refused(args);
        assert_has(
            &error,
            &[dutch, "Gebruik: vakwijzer", "Meer uitleg: vakwijzer"],
            &what,
        );
        assert_dutch(&error, &what);
        let mut in_english = args.to_vec();
        in_english.extend(["--lang", "en"]);
        let error = refused(&in_english);
        assert_has(
            &error,
            &[
                english,
                "Usage: vakwijzer",
                "For more information: vakwijzer",
            ],
            &format!("{what} --lang en"),
        );
    }
    // The usage line is the one of the command given, with its help named.
    let error = refused(&["team", "--by"]);
    assert_has(
        &error,
        &[
            "Gebruik: vakwijzer team [OPTIES] <MAP|BESTAND>...",
            "Meer uitleg: vakwijzer team --help",
        ],
        "vakwijzer team --by",
    );
}

#[test]
fn a_missing_framework_lists_the_frameworks_there_are() {
    let bundled: serde_json::Value =
        serde_json::from_str(&help(&["frameworks", "--format", "json"])).unwrap();
    let bundled: Vec<(String, String)> = bundled
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |field: &str| f[field].as_str().unwrap().to_string();
            (text("id"), text("name"))
        })
        .collect();
    assert!(bundled.len() >= 3);
    for command in ["scan", "show", "guide", "interview"] {
        let error = refused(&[command]);
        assert_has(
            &error,
            &[
                "dit ontbreekt:",
                "<FRAMEWORK>",
                "De frameworks die er zijn:",
            ],
            command,
        );
        for (id, name) in &bundled {
            assert!(
                error
                    .lines()
                    .any(|line| line.starts_with(&format!("  {id}")) && line.ends_with(name)),
                "{command}: {id} ({name}) not listed:\n{error}"
            );
        }
        assert_dutch(&error, command);
    }
    // An organisation's own frameworks are listed too, in the language asked for.
    let error = refused(&["--data", "tests/fixtures/org", "scan", "--lang", "en"]);
    assert_has(&error, &["The frameworks there are:", "  jeugd"], "--data");
    // Another missing argument lists no frameworks.
    let error = refused(&["report"]);
    assert!(!error.contains("frameworks die er zijn"), "{error}");
}
