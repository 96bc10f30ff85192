//! The JSON of a report: the report model itself, with two fields in front that say what it
//! is, `schema` (the version of its format) and `kind` (which report); and the JSON Schema of
//! each, derived from the same model (docs/schemas/, checked by tests/schemas.rs).

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Value, json};

use crate::render::Report;

/// The report's fields beside `schema` and `kind`, at the top level: a reader of the JSON from
/// before these two were added reads it as before.
#[derive(Serialize)]
struct Versioned<'a, R> {
    schema: u32,
    kind: &'static str,
    #[serde(flatten)]
    report: &'a R,
}

/// The report as pretty JSON.
pub fn json<R: Report>(report: &R) -> String {
    let versioned = Versioned {
        schema: R::SCHEMA,
        kind: R::NAME,
        report,
    };
    // The models are plain data (strings, numbers, options, vectors): they always serialize.
    serde_json::to_string_pretty(&versioned).unwrap_or_default()
}

/// The JSON Schema (draft 2020-12) of the report's JSON. Every object is closed
/// (`additionalProperties: false`), so a field the model gains without the schema being
/// written again fails the schema test instead of going undocumented.
pub fn schema<R: Report + JsonSchema>() -> Value {
    let mut settings = schemars::generate::SchemaSettings::draft2020_12();
    settings.transforms.push(Box::new(close_objects));
    let mut schema = settings
        .into_generator()
        .into_root_schema_for::<R>()
        .to_value();
    let Some(root) = schema.as_object_mut() else {
        return schema;
    };
    if let Some(Value::Object(properties)) = root.get_mut("properties") {
        properties.insert(
            "schema".into(),
            json!({
                "description": "The version of this JSON format: raised when a field changes \
                    meaning or goes away; new fields keep it.",
                "type": "integer",
                "const": R::SCHEMA,
            }),
        );
        properties.insert(
            "kind".into(),
            json!({
                "description": "Which report this is.",
                "type": "string",
                "const": R::NAME,
            }),
        );
    }
    let required = root.entry("required").or_insert_with(|| json!([]));
    if let Value::Array(required) = required {
        required.splice(0..0, [json!("schema"), json!("kind")]);
    }
    schema
}

/// Closes an object schema that lists its properties.
fn close_objects(schema: &mut schemars::Schema) {
    if schema.get("properties").is_some() && schema.get("additionalProperties").is_none() {
        schema.insert("additionalProperties".into(), Value::Bool(false));
    }
    schemars::transform::transform_subschemas(&mut close_objects, schema);
}

/// The schema of every report that has JSON, by its kind: what docs/schemas/ holds.
pub fn schemas() -> Vec<(&'static str, Value)> {
    use crate::report::{
        panel::PanelAgreement, personal::PersonalReport, scorecard, team::TeamReport,
    };
    vec![
        (PersonalReport::NAME, schema::<PersonalReport>()),
        (scorecard::Scorecard::NAME, schema::<scorecard::Scorecard>()),
        (
            scorecard::Comparison::NAME,
            schema::<scorecard::Comparison>(),
        ),
        (TeamReport::NAME, schema::<TeamReport>()),
        (PanelAgreement::NAME, schema::<PanelAgreement>()),
        (
            crate::report::feedback::FeedbackReport::NAME,
            schema::<crate::report::feedback::FeedbackReport>(),
        ),
    ]
}
