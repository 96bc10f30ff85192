//! What a YAML or type error means to the person who wrote the file. serde_yaml (libyaml
//! underneath) words its errors for programmers, in English, with Rust type names ("expected
//! struct Item"); [`problem`] turns each into a catalogue message with a hint on the fix, at
//! the line and column of the cause. Every reader of files from outside (data, results,
//! answers) goes through it, so an author gets the same words for the same mistake everywhere.
//!
//! serde_yaml has no error kinds to match on, only its text, which is built from fixed
//! templates (serde's `invalid type: {}, expected {}` and friends, libyaml's problem strings);
//! the unit tests below pin each template we translate, so a change upstream fails a test
//! rather than printing English. Anything not recognised keeps serde_yaml's text: it is then
//! one of our own deserializers' messages, which are already meant for people.

use crate::error::Problem;
use crate::t;

/// The problem for a serde_yaml `error` in `file`, whose text is `text`.
pub fn problem(file: &str, text: &str, error: &serde_yaml::Error) -> Problem {
    let raw = error.to_string();
    let parts = split(&raw);
    let position = super::error_position(error, text);
    let described = if is_serde_message(parts.message) {
        describe_data(&parts)
    } else if is_libyaml_message(parts.message) {
        describe_syntax(&parts, text, position)
    } else {
        // One of our own deserializers' messages, written for people already.
        described(parts.message.to_string(), None)
    };
    let position = described.position.unwrap_or(position);
    let position = match described.relocate {
        Some(Relocate::SecondKey(field)) => second_key(text, position, &field).unwrap_or(position),
        None => position,
    };
    let problem = Problem::new(file, position, described.message);
    match described.hint {
        Some(hint) => problem.with_hint(hint),
        None => problem,
    }
}

/// serde_yaml's text taken apart: the path of the value (`competencies[0].questions`), the
/// message, and for libyaml the "while scanning ..." context and where that started.
#[derive(Debug, PartialEq)]
struct Parts<'a> {
    path: Option<&'a str>,
    message: &'a str,
    context: Option<&'a str>,
    context_position: Option<(usize, usize)>,
}

/// The starts of serde's own messages (serde's `de::Error` templates) and serde_yaml's.
const SERDE_MESSAGES: &[&str] = &[
    "invalid type: ",
    "invalid value: ",
    "invalid length ",
    "unknown variant `",
    "unknown field `",
    "missing field `",
    "duplicate field `",
    "duplicate entry ",
    "EOF while parsing a value",
    "deserializing from YAML containing more than one document",
    "recursion limit exceeded",
    "repetition limit exceeded",
    "unknown anchor",
];

fn is_serde_message(message: &str) -> bool {
    SERDE_MESSAGES
        .iter()
        .any(|start| message.starts_with(start))
}

/// The starts of libyaml's problem strings (its scanner, parser and reader).
const LIBYAML_MESSAGES: &[&str] = &[
    "found ",
    "did not find ",
    "could not find ",
    "mapping values ",
    "mapping keys ",
    "block sequence entries ",
    "control characters ",
    "invalid ",
    "incomplete ",
    "input ",
    "expected low ",
    "unexpected low ",
];

fn is_libyaml_message(message: &str) -> bool {
    LIBYAML_MESSAGES
        .iter()
        .any(|start| message.starts_with(start))
}

fn split(raw: &str) -> Parts<'_> {
    // libyaml: "{problem} at line L column C, {context} at line L column C"; serde: "{path}:
    // {message} at line L column C". The position is printed by us, so it is cut off.
    let (head, context) = match raw.split_once(", while ") {
        Some((head, context)) => (head, Some(context)),
        None => (raw, None),
    };
    let head = cut_position(head).0;
    let (context, context_position) = match context {
        Some(context) => {
            let (text, position) = cut_position(context);
            (Some(text), position)
        }
        None => (None, None),
    };
    let mut parts = Parts {
        path: None,
        message: head,
        context,
        context_position,
    };
    // The path comes before the first ": " that is followed by one of serde's messages.
    for (at, _) in head.match_indices(": ") {
        let rest = &head[at + 2..];
        if is_serde_message(rest) && !is_serde_message(head) {
            parts.path = Some(&head[..at]);
            parts.message = rest;
            return parts;
        }
    }
    // Our own deserializers' messages come after the path too.
    if !is_serde_message(head)
        && !is_libyaml_message(head)
        && let Some((path, rest)) = head.split_once(": ")
        && !path.is_empty()
        && !path.contains(char::is_whitespace)
    {
        parts.path = Some(path);
        parts.message = rest;
    }
    parts
}

/// Cuts " at line L column C" off a text, returning the rest and the position.
fn cut_position(text: &str) -> (&str, Option<(usize, usize)>) {
    let Some(at) = text.rfind(" at line ") else {
        return (text.strip_suffix(" at position").unwrap_or(text), None);
    };
    let numbers: Vec<usize> = text[at + " at line ".len()..]
        .split(" column ")
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let position = match numbers[..] {
        [line, column] => Some((line, column)),
        _ => None,
    };
    (&text[..at], position)
}

/// A translated message, and where to place it when not at serde_yaml's position.
struct Described {
    message: String,
    hint: Option<String>,
    position: Option<(usize, usize)>,
    relocate: Option<Relocate>,
}

/// How to find a better position than serde_yaml's, from the text.
enum Relocate {
    /// serde_yaml places a duplicate field at its mapping; the second `field:` is the fault.
    SecondKey(String),
}

fn described(message: String, hint: Option<String>) -> Described {
    Described {
        message,
        hint,
        position: None,
        relocate: None,
    }
}

/// The key a value belongs to: the last step of the path without its list index.
fn key_of_path(path: Option<&str>) -> Option<&str> {
    let last = path?.rsplit('.').next()?;
    let key = last.split('[').next().unwrap_or(last);
    (!key.is_empty()).then_some(key)
}

/// A key as messages show it: `questions`, or "the document" for the whole file.
fn key_display(key: &str) -> String {
    if key.is_empty() {
        t!("yaml.document")
    } else {
        format!("`{key}`")
    }
}

/// Whether the path ends in a list element (`indicators[0]`).
fn in_list(path: Option<&str>) -> bool {
    path.is_some_and(|p| p.ends_with(']'))
}

fn describe_data(parts: &Parts) -> Described {
    let message = parts.message;
    let name = key_of_path(parts.path).unwrap_or("");
    let key = &key_display(name);
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return wrong_type(name, in_list(parts.path), found, expected);
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return described(
            t!(
                "yaml.invalid_value",
                key = key,
                found = found_text(found),
                expected = expected_text(expected)
            ),
            expected_hint(expected, key),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(expected);
        return described(
            t!("yaml.unknown_field", field = field),
            Some(choice_hint(field, &allowed, "yaml.no_fields")),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(expected);
        return described(
            t!("yaml.unknown_value", value = value, key = key),
            Some(choice_hint(value, &allowed, "yaml.no_values")),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return described(
            t!("yaml.missing_field", field = field),
            Some(t!("yaml.missing_field_hint", field = field)),
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let field = rest.trim_end_matches('`').to_string();
        return Described {
            relocate: Some(Relocate::SecondKey(field.clone())),
            ..described(
                t!("yaml.duplicate_field", field = &field),
                Some(t!("yaml.duplicate_field_hint")),
            )
        };
    }
    if let Some(rest) = message.strip_prefix("duplicate entry ") {
        let entry = rest
            .trim_start_matches("with key ")
            .trim_matches(|c| c == '"' || c == '`');
        return Described {
            relocate: Some(Relocate::SecondKey(entry.to_string())),
            ..described(
                t!("yaml.duplicate_entry", key = entry),
                Some(t!("yaml.duplicate_field_hint")),
            )
        };
    }
    if message.starts_with("invalid length ") {
        return described(t!("yaml.invalid_length", key = key), None);
    }
    let (message, hint) = match message {
        m if m.starts_with("EOF while parsing") => ("yaml.empty", "yaml.empty_hint"),
        m if m.starts_with("deserializing from YAML containing more than one") => {
            ("yaml.two_documents", "yaml.two_documents_hint")
        }
        m if m.starts_with("recursion limit") => {
            // serde_yaml's own limit on nesting.
            return described(
                t!("yaml.too_deep", max = 128),
                Some(t!("yaml.too_deep_hint")),
            );
        }
        m if m.starts_with("repetition limit") => ("yaml.repetition", "yaml.anchor_hint"),
        _ => ("yaml.unknown_anchor", "yaml.anchor_hint"),
    };
    described(crate::i18n::text(message), Some(crate::i18n::text(hint)))
}

/// The message for a value of the wrong type: a text where a list belongs, a plain text
/// where an item with `id` and `text` belongs, a text where a number belongs, ...
fn wrong_type(name: &str, in_list: bool, found: &str, expected: &str) -> Described {
    let key = &key_display(name);
    let found_text = found_text(found);
    let expected = expected.trim();
    if expected == "a sequence" {
        return described(
            t!("yaml.expected_list", key = key, found = found_text),
            Some(t!("yaml.expected_list_hint", key = name)),
        );
    }
    if expected == "struct Item" {
        let message = if in_list {
            t!("yaml.expected_item_in_list", key = key, found = found_text)
        } else {
            t!("yaml.expected_item", key = key, found = found_text)
        };
        return described(message, Some(t!("yaml.expected_item_hint", key = key)));
    }
    described(
        t!(
            "yaml.wrong_type",
            key = key,
            expected = expected_text(expected),
            found = found_text
        ),
        expected_hint(expected, key),
    )
}

/// serde's description of the value found, in the catalogue's words.
fn found_text(found: &str) -> String {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_string())
    };
    if let Some(text) = found.strip_prefix("string ") {
        let text = text.trim_matches('"');
        return t!("yaml.found.text", text = shorten(text));
    }
    if let Some(number) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return t!("yaml.found.number", number = number);
    }
    if let Some(value) = quoted("boolean ") {
        return t!("yaml.found.boolean", value = value);
    }
    match found {
        "sequence" => t!("yaml.found.list"),
        "map" => t!("yaml.found.fields"),
        "unit value" => t!("yaml.found.nothing"),
        _ => t!("yaml.found.other"),
    }
}

/// A value read as YAML, in the same words as [`found_text`], for a reader that checks values
/// itself (an answers file's answers).
pub fn found_value(value: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match value {
        Value::String(text) => t!("yaml.found.text", text = shorten(text)),
        Value::Number(number) => t!("yaml.found.number", number = number),
        Value::Bool(value) => t!("yaml.found.boolean", value = value),
        Value::Sequence(_) => t!("yaml.found.list"),
        Value::Mapping(_) => t!("yaml.found.fields"),
        Value::Null => t!("yaml.found.nothing"),
        Value::Tagged(_) => t!("yaml.found.other"),
    }
}

/// A long text is cut in the message: the line and column say where it is.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{cut}…")
}

/// What kind of value serde expected, in the catalogue's words; no Rust type names.
fn expected_kind(expected: &str) -> &'static str {
    match expected.trim() {
        "a string" | "a borrowed string" | "a character" => "text",
        "a sequence" => "list",
        "a boolean" => "boolean",
        "f32" | "f64" => "number",
        "u8" => "small_integer",
        "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => "integer",
        e if e == "a map" || e.starts_with("struct ") || e.starts_with("a map") => "fields",
        _ => "other",
    }
}

fn expected_text(expected: &str) -> String {
    crate::i18n::text(&format!("yaml.expected.{}", expected_kind(expected)))
}

fn expected_hint(expected: &str, key: &str) -> Option<String> {
    let kind = expected_kind(expected);
    (kind != "other").then(|| {
        crate::i18n::format(
            &format!("yaml.expected_hint.{kind}"),
            &[("key", key.to_string())],
        )
    })
}

/// The names between backticks in serde's "expected one of `a`, `b`" or "`a` or `b`".
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// "Did you mean 'definition'?" when a name is close to one allowed, and the allowed names.
fn choice_hint(given: &str, allowed: &[&str], none_key: &str) -> String {
    if allowed.is_empty() {
        return crate::i18n::text(none_key);
    }
    let list = allowed.join(", ");
    match closest(given, allowed) {
        Some(best) => t!("yaml.did_you_mean", name = best, allowed = list),
        None => t!("yaml.allowed", allowed = list),
    }
}

/// The allowed name closest to `given`, when it is close enough to be a typo.
pub fn closest<'a>(given: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let given = given.to_lowercase();
    allowed
        .iter()
        .map(|name| (strsim::jaro_winkler(&given, &name.to_lowercase()), *name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// libyaml's syntax errors: the common mistakes get their own message, the rest a general one.
fn describe_syntax(parts: &Parts, text: &str, position: (usize, usize)) -> Described {
    let message = parts.message;
    let at_tab = char_at(text, position) == Some('\t');
    let key = match message {
        m if m.starts_with("found a tab character") => "tab",
        "found character that cannot start any token" if at_tab => "tab",
        "found character that cannot start any token" => "cannot_start",
        "mapping values are not allowed in this context" => "colon",
        "did not find expected key" => "indentation",
        "did not find expected '-' indicator" => "dash",
        "block sequence entries are not allowed in this context" => "dash_inline",
        "found unknown escape character" => "escape",
        "did not find expected ',' or ']'" | "did not find expected ',' or '}'" => "flow",
        "could not find expected ':'" => "no_colon",
        "found unexpected end of stream"
            if parts.context.is_some_and(|c| c.contains("quoted scalar")) =>
        {
            "quote"
        }
        "found undefined tag handle" => "tag",
        _ => "syntax",
    };
    let character = char_at(text, position)
        .map(String::from)
        .unwrap_or_default();
    let message = crate::i18n::format(
        &format!("yaml.syntax.{key}"),
        &[("char", character.clone())],
    );
    let hint = crate::i18n::format(&format!("yaml.syntax.{key}_hint"), &[("char", character)]);
    // An unclosed quote is found at the end of the file; the quote itself is the cause.
    let position = (key == "quote").then_some(parts.context_position).flatten();
    Described {
        message,
        hint: Some(hint),
        position,
        relocate: None,
    }
}

/// The character at a 1-based line and column (counted in characters).
fn char_at(text: &str, (line, column): (usize, usize)) -> Option<char> {
    text.split('\n')
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(column.checked_sub(1)?)
}

/// The position of the second `field:` of the mapping starting at `start`: serde_yaml places
/// a duplicate field at its mapping, where the fault is the second key.
fn second_key(text: &str, start: (usize, usize), field: &str) -> Option<(usize, usize)> {
    let column = start.1 - 1;
    let mut seen = 0;
    for (number, line) in text.split('\n').enumerate().skip(start.0 - 1) {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        let content = &line[indent.min(line.len())..];
        if number >= start.0 && indent < column && !content.is_empty() {
            break;
        }
        let key = content
            .split_once(':')
            .map(|(k, _)| k.trim().trim_matches(|c| c == '"' || c == '\''));
        if indent == column && key == Some(field) {
            seen += 1;
            if seen == 2 {
                return Some((number + 1, column + 1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message_for<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> Problem {
        let error = serde_yaml::from_str::<T>(text).unwrap_err();
        problem("f.yaml", text, &error)
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: Option<String>,
        number: Option<u8>,
        target: Option<f64>,
        list: Option<Vec<String>>,
        status: Option<crate::framework::LinkStatus>,
    }

    #[test]
    fn serde_yaml_messages_are_taken_apart() {
        let parts = split(
            "competencies[0].questions: invalid type: string \"x\", expected a sequence at line 8 column 16",
        );
        assert_eq!(parts.path, Some("competencies[0].questions"));
        assert_eq!(
            parts.message,
            "invalid type: string \"x\", expected a sequence"
        );
        let parts = split(
            "found unexpected end of stream at line 8 column 1, while scanning a quoted scalar at line 3 column 7",
        );
        assert_eq!(parts.message, "found unexpected end of stream");
        assert_eq!(parts.context, Some("scanning a quoted scalar"));
        assert_eq!(parts.context_position, Some((3, 7)));
        assert_eq!(
            key_of_path(Some("competencies[0].indicators[2]")),
            Some("indicators")
        );
    }

    #[test]
    fn every_translated_template_is_recognised() {
        // Each case: the text, and a catalogue key whose Dutch text must come out.
        let cases: &[(&str, &str)] = &[
            ("name:\n\t- x\n", "yaml.syntax.tab"),
            ("name: a: b\n", "yaml.syntax.colon"),
            ("name: \"abc\nnumber: 3\n", "yaml.syntax.quote"),
            ("name: @x\n", "yaml.syntax.cannot_start"),
            ("name: \"C:\\data\"\n", "yaml.syntax.escape"),
            ("list: [a, b\n", "yaml.syntax.flow"),
            ("list: - a\n", "yaml.syntax.dash_inline"),
            ("list: x\n", "yaml.expected_list"),
            ("number: een\n", "yaml.wrong_type"),
            ("number: 300\n", "yaml.invalid_value"),
            ("nmae: x\n", "yaml.unknown_field"),
            ("status: voorstel\n", "yaml.unknown_value"),
            ("name: a\nname: b\n", "yaml.duplicate_field"),
            ("name: a\n---\nname: b\n", "yaml.two_documents"),
        ];
        for (text, key) in cases {
            let problem = message_for::<Doc>(text);
            let expected = crate::i18n::text(key);
            let stem = expected.split('{').next().unwrap();
            assert!(
                problem.message.starts_with(stem),
                "{text:?}: expected {key} ({stem}), got {:?}",
                problem.message
            );
            for word in ["invalid", "expected", "struct", "found", "u8", "f64"] {
                assert!(
                    !problem.message.contains(word),
                    "{text:?}: library words in {:?}",
                    problem.message
                );
            }
        }
    }

    #[test]
    fn a_misspelled_field_gets_the_closest_name() {
        let problem = message_for::<Doc>("nmae: x\n");
        let hint = problem.hint.unwrap();
        assert!(hint.contains("'name'"), "{hint}");
        assert_eq!(
            closest("defintion", &["id", "name", "definition"]),
            Some("definition")
        );
        assert_eq!(closest("xyz", &["id", "name", "definition"]), None);
    }

    #[test]
    fn positions_point_at_the_cause() {
        // The unclosed quote, not the end of the file.
        let problem = message_for::<Doc>("name: \"abc\nnumber: 3\nlist: []\n");
        assert_eq!((problem.line, problem.column), (1, 7));
        // The second `name:`, not the mapping it is in.
        let problem = message_for::<Vec<Doc>>("- number: 1\n  name: a\n  name: b\n");
        assert_eq!((problem.line, problem.column), (3, 3));
    }
}
