//! The frameworks as data: loading, validation messages, `--data`, `--lang`, and the
//! `frameworks`, `show`, `boks` and `validate` commands, through the real binary.

mod common;

use predicates::prelude::*;

use common::at_root;

fn stdout_of(args: &[&str]) -> String {
    let output = at_root().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Each bad fixture is refused with exit 2 and a message naming file, line and the problem.
#[test]
fn every_kind_of_bad_data_is_reported_with_file_and_line() {
    let cases = [
        (
            "syntax.yaml",
            "8:4",
            "springt minder in dan het element erboven",
        ),
        ("no_kind.yaml", "1:1", "`kind:` ontbreekt"),
        ("unknown_kind.yaml", "2:1", "onbekende `kind:`"),
        ("unknown_field.yaml", "8:5", "onbekend veld 'defintion'"),
        (
            "duplicate_id.yaml",
            "11:13",
            "id 'a.i1' komt meer dan eens voor",
        ),
        (
            "unknown_reference.yaml",
            "14:20",
            "onbekende bronvermelding 'movisie-2031'",
        ),
        ("empty_text.yaml", "10:15", "veld 'text' van 'a.q1' is leeg"),
        ("bad_scale.yaml", "10:16", "schaal 'scheef'"),
        (
            "target_out_of_range.yaml",
            "7:18",
            "doel 7 voor 'coachen' ligt buiten de schaal",
        ),
        (
            "unknown_competency.yaml",
            "9:17",
            "geen competentie 'toveren'",
        ),
        (
            "unknown_method.yaml",
            "6:9",
            "onbekende methode 'bestaat-niet'",
        ),
        (
            "wrong_type.yaml",
            "7:13",
            "bij `number` hoort een geheel getal, maar hier staat de tekst \"een\"",
        ),
        (
            "missing_field.yaml",
            "1:1",
            "het verplichte veld 'name' ontbreekt",
        ),
    ];
    for (file, position, message) in cases {
        let path = format!("tests/fixtures/bad/{file}");
        let output = at_root().args(["validate", &path]).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{file}: exit code; stderr:\n{stderr}"
        );
        let expected = format!("{path}:{position}");
        assert!(
            stderr.contains(&expected),
            "{file}: expected `{expected}` in:\n{stderr}"
        );
        assert!(
            stderr.contains(message),
            "{file}: expected `{message}` in:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{file}: panic:\n{stderr}");
    }
}

#[test]
fn all_problems_of_a_folder_are_reported_at_once() {
    let output = at_root()
        .args(["validate", "tests/fixtures/bad"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("13 problemen gevonden"), "{stderr}");
}

#[test]
fn bad_data_in_the_data_folder_stops_every_command() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/bad/duplicate_id.yaml",
        dir.path().join("x.yaml"),
    )
    .unwrap();
    at_root()
        .args(["--data", dir.path().to_str().unwrap(), "frameworks"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("x.yaml:11:13"));
}

#[test]
fn the_bundled_data_is_valid_and_works_from_any_directory() {
    let elsewhere = tempfile::tempdir().unwrap();
    at_root()
        .current_dir(elsewhere.path())
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains("geen problemen"));
}

#[test]
fn frameworks_lists_the_bundled_frameworks_with_counts() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["frameworks", "--format", "json"])).unwrap();
    let rows = json.as_array().unwrap();
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(row("eindhoven")["competencies"], 8);
    assert_eq!(row("eindhoven")["indicators"], 38);
    assert_eq!(row("eindhoven")["questions"], 41);
    assert_eq!(row("generiek")["competencies"], 7);
    assert_eq!(row("wmo")["competencies"], 10);
    let table = stdout_of(&["frameworks"]);
    for header in ["id", "naam", "bron", "eindhoven", "generiek", "wmo"] {
        assert!(table.contains(header), "missing {header} in\n{table}");
    }
}

#[test]
fn a_framework_written_by_an_organisation_loads_and_overrides() {
    let json = stdout_of(&[
        "--data",
        "tests/fixtures/org",
        "frameworks",
        "--format",
        "json",
    ]);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = rows.as_array().unwrap();
    let jeugd = rows
        .iter()
        .find(|r| r["id"] == "jeugd")
        .expect("own framework listed");
    assert_eq!(jeugd["competencies"], 2);
    assert_eq!(jeugd["file"], "tests/fixtures/org/frameworks/jeugd.yaml");
    let generiek = rows.iter().find(|r| r["id"] == "generiek").unwrap();
    assert_eq!(
        generiek["name"],
        "Generieke competenties (versie Wijkteam Noord)"
    );
    assert_eq!(rows.iter().filter(|r| r["id"] == "generiek").count(), 1);
    // The bundled frameworks the organisation did not replace are still there.
    assert!(rows.iter().any(|r| r["id"] == "eindhoven"));

    let shown = stdout_of(&[
        "--data",
        "tests/fixtures/org",
        "show",
        "jeugd",
        "veiligheid",
    ]);
    assert!(shown.contains("bespreekt zorgen over veiligheid open met ouders"));
    // The environment variable works like the option.
    at_root()
        .env("VAKWIJZER_DATA", "tests/fixtures/org")
        .args(["show", "generiek", "contact-en-relatie"])
        .assert()
        .success()
        .stdout(predicate::str::contains("maakt binnen het eerste gesprek"));
}

#[test]
fn show_renders_table_and_markdown_and_marks_project_texts() {
    let table = stdout_of(&["show", "eindhoven", "coachen"]);
    assert!(table.contains("4. Coachen"));
    assert!(table.contains("TMA-drijfveren"));
    assert!(table.contains("[movisie-2013]"));
    let md = stdout_of(&["show", "generiek", "--format", "md"]);
    assert!(md.starts_with("# Generieke competenties van de wijkprofessional"));
    assert!(md.contains("[geschreven door vakwijzer]"));
    let yaml = stdout_of(&["show", "wmo", "--format", "yaml"]);
    assert!(yaml.contains("cluster: eigen-kracht-versterken"));
}

#[test]
fn show_wraps_to_the_terminal_width() {
    for width in ["80", "120"] {
        let output = at_root()
            .env("COLUMNS", width)
            .args(["show", "eindhoven"])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            widest <= width.parse().unwrap(),
            "a line of {widest} columns at width {width}"
        );
        assert!(
            widest >= width.parse::<usize>().unwrap() - 10,
            "table does not use the width"
        );
    }
}

#[test]
fn boks_reads_in_80_columns_and_filters_by_cluster() {
    let output = at_root().env("COLUMNS", "80").arg("boks").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    for row in [
        "Eigen kracht versterken",
        "Op de vraag af",
        "Binden en verbinden",
        "Integraal werken",
        "Signaleren en agenderen",
    ] {
        assert!(text.contains(row), "row {row} missing");
    }
    let one = stdout_of(&["boks", "--cluster", "op-de-vraag-af", "--format", "md"]);
    assert!(one.contains("## Op de vraag af"));
    assert!(one.contains("Outreachinge benadering-bemoeizorg"));
    assert!(!one.contains("## Integraal werken"));
    at_root()
        .args(["boks", "--cluster", "bestaat-niet"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("geen rij 'bestaat-niet'"));
}

#[test]
fn unknown_ids_on_the_command_line_say_what_exists() {
    at_root()
        .args(["show", "eindhovn"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("onbekend framework 'eindhovn'")
                .and(predicate::str::contains("eindhoven")),
        );
    at_root()
        .args(["show", "eindhoven", "toveren"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("coachen"));
}

#[test]
fn english_is_spoken_with_lang_en() {
    let table = stdout_of(&["--lang", "en", "show", "eindhoven", "durf"]);
    assert!(table.contains("Behaviour indicators"));
    assert!(table.contains("Interview questions"));
    // The content stays as transcribed.
    assert!(table.contains("Risico’s nemen"));
    at_root()
        .args([
            "validate",
            "tests/fixtures/bad/empty_text.yaml",
            "--lang",
            "en",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("field 'text' of 'a.q1' is empty"));
    at_root()
        .env("VAKWIJZER_LANG", "en")
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "List the available competency frameworks",
        ));
    at_root()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Toon de beschikbare competentieframeworks",
        ));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // `head -1` closes the pipe after one line; vakwijzer must not panic or complain.
    let output = common::clean(&mut std::process::Command::new("sh"))
        .arg("-c")
        .arg("\"$0\" show eindhoven | head -1")
        .arg(common::binary())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&output.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The binary does not load the C maths library at start: src/main.rs defines those of its
/// functions the code calls (issue 30). Should the code come to call another, the linker takes
/// libm.so again, and this says so.
#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn the_binary_does_not_load_the_c_maths_library() {
    let binary = common::binary();
    let dynamic = common::tool("readelf", &["--dynamic", binary.to_str().unwrap()]);
    // It read the libraries the binary loads (cargo links it dynamically).
    assert!(dynamic.contains("(NEEDED)"), "{dynamic}");
    assert!(
        !dynamic.contains("libm.so"),
        "the binary loads libm.so:\n{dynamic}"
    );
}
