//! The JSON Schemas in docs/schemas/: they are the ones the report models give (so the docs
//! cannot drift from the code), and every JSON output of the example data, in both languages,
//! is valid against the file shipped there. `VAKWIJZER_UPDATE_SCHEMAS=1 cargo test --test
//! schemas` writes them again after a deliberate change to a report model; read the diff.

mod common;

use std::path::PathBuf;

use serde_json::Value;

fn schema_file(kind: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("docs/schemas/{kind}.schema.json"))
}

fn shipped_schema(kind: &str) -> Value {
    let path = schema_file(kind);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; VAKWIJZER_UPDATE_SCHEMAS=1 writes it",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_shipped_schemas_are_the_models() {
    let update = std::env::var_os("VAKWIJZER_UPDATE_SCHEMAS").is_some();
    for (kind, schema) in vakwijzer::records::json::schemas() {
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        let path = schema_file(kind);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            shipped == text,
            "{} is not the schema of the {kind} report model: run \
             VAKWIJZER_UPDATE_SCHEMAS=1 cargo test --test schemas and review the diff",
            path.display()
        );
    }
}

/// Every example report, and a few that withhold figures or are in English, as JSON.
fn example_outputs() -> Vec<(String, Value)> {
    let mut runs: Vec<(String, Vec<String>)> = common::example_reports()
        .into_iter()
        .map(|(name, args)| (name.to_string(), args))
        .collect();
    let strings = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    runs.extend([
        (
            "personal-single".to_string(),
            strings(&["report", "data/examples/scans/sanne-2026-11.yaml"]),
        ),
        (
            "personal-plan".to_string(),
            strings(&[
                "report",
                "data/examples/scans/sanne-2026-11.yaml",
                "--plan",
                "data/examples/plans/sanne-2026-05-plan.yaml",
            ]),
        ),
        (
            "team-withheld".to_string(),
            strings(&["team", "tests/fixtures/team-small"]),
        ),
        (
            "team-small-groups".to_string(),
            strings(&["team", "tests/fixtures/team-small", "--min-group", "3"]),
        ),
        (
            "team-by-team".to_string(),
            strings(&["team", "data/examples/team", "--by", "team"]),
        ),
    ]);
    let mut outputs = Vec::new();
    for (name, args) in runs {
        for lang in ["nl", "en"] {
            let mut args = args.clone();
            args.splice(0..0, ["--lang".to_string(), lang.to_string()]);
            args.extend(["--format".to_string(), "json".to_string()]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let json = serde_json::from_slice(&common::output_at_root(&args))
                .unwrap_or_else(|e| panic!("{name} ({lang}): not JSON: {e}"));
            outputs.push((format!("{name} ({lang})"), json));
        }
    }
    outputs
}

fn validator(kind: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&shipped_schema(kind))
        .unwrap_or_else(|e| panic!("docs/schemas/{kind}.schema.json is no JSON Schema: {e}"))
}

#[test]
fn every_example_output_fits_its_shipped_schema() {
    let outputs = example_outputs();
    let mut kinds_seen = std::collections::BTreeSet::new();
    for (name, json) in &outputs {
        assert_eq!(json["schema"], 1, "{name}");
        let kind = json["kind"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no kind"));
        kinds_seen.insert(kind.to_string());
        let errors: Vec<String> = validator(kind)
            .iter_errors(json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {}", errors.join("\n"));
    }
    let all: std::collections::BTreeSet<String> = vakwijzer::records::json::schemas()
        .into_iter()
        .map(|(kind, _)| kind.to_string())
        .collect();
    assert_eq!(kinds_seen, all, "an example output of every kind");
}

#[test]
fn the_json_keeps_the_fields_it_had_beside_schema_and_kind() {
    let output = common::output_at_root(&[
        "report",
        "data/examples/scans/sanne-2026-11.yaml",
        "--format",
        "json",
    ]);
    let text = String::from_utf8(output).unwrap();
    assert!(
        text.starts_with("{\n  \"schema\": 1,\n  \"kind\": \"personal\",\n"),
        "first, for a reader of the head:\n{text}"
    );
    let json: Value = serde_json::from_str(&text).unwrap();
    for field in [
        "name",
        "framework",
        "competencies",
        "strengths",
        "development_points",
    ] {
        assert!(
            json.get(field).is_some(),
            "{field} is still at the top level"
        );
    }
}

#[test]
fn the_schemas_refuse_what_is_not_their_report() {
    let output = common::output_at_root(&[
        "report",
        "data/examples/scans/sanne-2026-11.yaml",
        "--format",
        "json",
    ]);
    let good: Value = serde_json::from_slice(&output).unwrap();
    let personal = validator("personal");
    assert!(personal.is_valid(&good));
    let mut without_kind = good.clone();
    without_kind.as_object_mut().unwrap().remove("kind");
    let mut other_kind = good.clone();
    other_kind["kind"] = "team".into();
    let mut unknown_field = good.clone();
    unknown_field["competencies"][0]["scroe"] = 3.into();
    let mut text_score = good.clone();
    text_score["competencies"][0]["score"] = "3,2".into();
    for (what, json) in [
        ("no kind", &without_kind),
        ("another kind", &other_kind),
        ("a misspelled field", &unknown_field),
        ("a score as text", &text_score),
    ] {
        assert!(!personal.is_valid(json), "{what} passes the schema");
    }
    assert!(
        !validator("team").is_valid(&good),
        "a personal report as a team report"
    );
}
