//! Result files: one YAML file per scan or interview, with the framework's fingerprint, every answer by item
//! id and the notes. Saved atomically (temp file, fsync, rename) and readable by the owner only,
//! because they hold personal data.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

pub mod canonical;
pub mod contribution;
pub mod decision;
pub mod file;
mod header;
pub mod interview;
pub mod plan;
pub mod rating;
pub mod record;

pub use file::{ResultFile, slug};
pub use header::Header;
pub(crate) use header::result_struct;
pub use record::{Fingerprints, Loaded, Record, save};

use crate::error::{Error, Problem, Result};
use crate::framework::{Framework, Library, Scale};
use crate::input::Locator;
use crate::input::{from_yaml, read_limited};
use crate::t;

/// Version of the result file format; a file with a higher version came from a newer vakwijzer.
pub const SCHEMA_VERSION: u32 = 1;

/// Result files are small; anything larger is not one of ours.
pub(crate) const MAX_RESULT_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResultKind {
    Scan,
    Interview,
    /// The answers of a scan shared for a team report (`vakwijzer share`).
    Contribution,
    /// A development plan made after a scan (`report --plan` shows it).
    Plan,
    /// A rating of someone else, for 360-degree feedback.
    Rating,
    /// What a panel agreed on a candidate after the interviews (`vakwijzer decide`).
    Decision,
}

/// One answer to a statement: a point on the scale, or "not applicable".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Score(u8),
    NotApplicable,
}

/// How "not applicable" is written in result and answers files.
pub const NOT_APPLICABLE: &str = "nvt";

impl Answer {
    /// Reads an answer as people type it: a number, or n / nvt / n.v.t. / na.
    pub fn parse(text: &str) -> Option<Answer> {
        let text = text.trim().to_lowercase();
        if let Ok(value) = text.parse::<u8>() {
            return Some(Answer::Score(value));
        }
        matches!(
            text.as_str(),
            "n" | "nvt" | "n.v.t." | "n.v.t" | "na" | "n/a"
        )
        .then_some(Answer::NotApplicable)
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Score(value) => write!(f, "{value}"),
            Answer::NotApplicable => f.write_str(NOT_APPLICABLE),
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Answer::Score(value) => serializer.serialize_u8(*value),
            Answer::NotApplicable => serializer.serialize_str(NOT_APPLICABLE),
        }
    }
}

/// As it serializes: a point on the scale, or the word for "not applicable".
impl schemars::JsonSchema for Answer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A point on the scale, or \"nvt\": not applicable.",
            "oneOf": [
                { "type": "integer", "minimum": 0, "maximum": 255 },
                { "const": NOT_APPLICABLE }
            ]
        })
    }
}

/// Deserializes a point on a scale (a small number) or the one word a type allows instead.
pub(crate) fn point_or_word<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    point: impl Fn(u8) -> T,
    word: impl Fn(&str) -> Option<T>,
    expected_word: &str,
) -> std::result::Result<T, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(i64),
        Text(String),
    }
    // The messages are read by people: in their language (see `yaml_error::problem`).
    match Raw::deserialize(deserializer)? {
        Raw::Number(n) => u8::try_from(n)
            .map(point)
            .map_err(|_| serde::de::Error::custom(t!("result.point_out_of_range", value = n))),
        Raw::Text(text) => word(&text).ok_or_else(|| {
            serde::de::Error::custom(t!("result.not_a_point", text = &text, word = expected_word))
        }),
    }
}

/// A map of a result file whose keys must be unique. serde's own map keeps the last of two
/// equal keys, which would drop an answer or a note without a word; the message is serde_yaml's
/// own for a duplicate key, so that it is translated and placed like one.
pub(crate) fn unique_keys<'de, D, V>(
    deserializer: D,
) -> std::result::Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Unique<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Unique<V> {
        type Value = BTreeMap<String, V>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut found = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<String, V>()? {
                if found.contains_key(&key) {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate entry with key \"{key}\""
                    )));
                }
                found.insert(key, value);
            }
            Ok(found)
        }
    }
    deserializer.deserialize_map(Unique(std::marker::PhantomData))
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        point_or_word(deserializer, Answer::Score, Answer::parse, NOT_APPLICABLE)
    }
}

result_struct! {
    /// A self-scan: who, when, which framework (and which version of it), every answer.
    pub struct ScanResult {
        who {
            pub name: String,
            /// Optional grouping for team reports (e.g. the team or role); never shown with a name.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub team: Option<String>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub role: Option<String>,
        }
        /// Item id -> answer.
        #[serde(default, deserialize_with = "unique_keys")]
        pub answers: BTreeMap<String, Answer>,
        /// Competency id -> the person's note (an example from their practice).
        #[serde(default, deserialize_with = "unique_keys")]
        pub notes: BTreeMap<String, String>,
    }
}

impl ScanResult {
    pub fn new(framework: &Framework, name: &str, competencies: Vec<String>) -> Self {
        ScanResult {
            name: name.to_string(),
            ..ScanResult::begin(framework, competencies)
        }
    }
}

impl Record for ScanResult {
    const KIND: ResultKind = ResultKind::Scan;

    fn not_this_kind() -> String {
        t!("result.not_a_scan")
    }

    fn already_complete(path: &Path) -> String {
        t!("scan.already_complete", path = path.display())
    }

    fn scale_id(framework: &Framework) -> &str {
        &framework.scales.self_scan
    }

    fn read_written(text: &str) -> Option<Self> {
        canonical::scan(text)
    }

    fn texts(&self) -> Vec<(&str, &str)> {
        let mut texts: Vec<(&str, &str)> = vec![("name", &self.name)];
        texts.extend(self.team.as_deref().map(|t| ("team", t)));
        texts.extend(self.role.as_deref().map(|r| ("role", r)));
        texts.extend(self.notes.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        texts
    }

    fn check_answers(
        &mut self,
        framework: &Framework,
        scale: &Scale,
        file: &str,
        locator: &Locator,
    ) -> (Vec<Problem>, Vec<String>) {
        check_statement_answers(&mut self.answers, framework, scale, file, locator)
    }

    fn file_stem(&self) -> String {
        let (framework, name) = (&self.framework, slug(&self.name));
        format!("scan-{framework}-{name}-{}", self.date())
    }
}

/// Checks answers to statements (a scan's, a rating's): answers to statements the framework no
/// longer has are dropped (their ids returned), answers off the scale are problems.
pub(crate) fn check_statement_answers(
    answers: &mut BTreeMap<String, Answer>,
    framework: &Framework,
    scale: &Scale,
    file: &str,
    locator: &Locator,
) -> (Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut dropped = Vec::new();
    let statements = framework.statement_ids();
    for (item_id, answer) in answers.iter() {
        if !statements.contains(item_id.as_str()) {
            dropped.push(item_id.clone());
            continue;
        }
        if let Err(message) = check_answer(*answer, scale) {
            let position = locator.key_value(item_id, &answer.to_string(), 0);
            problems.push(Problem::new(file, position, message));
        }
    }
    if !dropped.is_empty() {
        answers.retain(|id, _| statements.contains(id.as_str()));
    }
    (problems, dropped)
}

/// A short, stable fingerprint of a framework's content: any change to a text or id changes it.
pub fn fingerprint(framework: &Framework) -> String {
    let canonical = serde_json::to_vec(framework).unwrap_or_default();
    let digest = Sha256::digest(&canonical);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The current time as RFC 3339. `VAKWIJZER_NOW` fixes it, for reproducible files and tests.
pub fn now() -> String {
    if let Ok(fixed) = std::env::var("VAKWIJZER_NOW") {
        return fixed;
    }
    jiff::Zoned::now()
        .timestamp()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// Writes `contents` to `path` so that the file is either the old or the new version, never a
/// mix: a temp file in the same folder (created 0600), fsync, rename, fsync of the folder.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let write_error = |source| file::write_error(path, source);
    let temp = file::write_temp(path, contents).map_err(write_error)?;
    temp.persist(path).map_err(|e| write_error(e.error))?;
    file::sync_folder(path);
    Ok(())
}

/// A result as it is written to its file: the personal-data header line, then the YAML.
pub fn file_contents<T: Serialize>(result: &T) -> Result<Vec<u8>> {
    let yaml = serde_yaml::to_string(result).map_err(|e| Error::Usage(e.to_string()))?;
    let header = t!("result.file_header");
    Ok(format!("# {header}\n{yaml}").into_bytes())
}

/// Reads a result file's text, refusing what cannot be one (too large, not text).
/// A pipe or device is read no further than the limit.
pub fn read_text(path: &Path) -> Result<String> {
    read_limited(path, MAX_RESULT_BYTES)
}

/// The kind of a result file, read before the whole file is parsed.
pub fn peek_kind(path: &Path, text: &str) -> Result<ResultKind> {
    #[derive(Deserialize)]
    struct Header {
        kind: Option<serde_yaml::Value>,
    }
    let name = path.display().to_string();
    let header: Header = from_yaml(&name, text).map_err(|p| Error::Problems(vec![p]))?;
    header
        .kind
        .and_then(|k| serde_yaml::from_value::<ResultKind>(k).ok())
        .ok_or_else(|| {
            let position = Locator::new(text).key_line("kind");
            Error::Problems(vec![
                Problem::new(&name, position, t!("result.not_a_result"))
                    .with_hint(t!("result.not_a_result_hint")),
            ])
        })
}

/// The kinds of result file, those this version reads and those still to come (a development
/// plan, a 360 rating, a hiring decision): a file of any of them is someone's result.
pub const RESULT_KINDS: [&str; 6] = [
    "scan",
    "interview",
    "contribution",
    "plan",
    "rating",
    "decision",
];

/// The result kind a text says it holds, by its top-level `kind:` line: found whatever the
/// file is called and even when the rest is broken or cut off. `None` for anything else.
pub fn result_kind_in(text: &str) -> Option<&'static str> {
    text.lines().find_map(|line| {
        let value = line.strip_prefix("kind:")?;
        let value = value.split(" #").next()?.trim().trim_matches(['"', '\'']);
        RESULT_KINDS.into_iter().find(|kind| *kind == value)
    })
}

/// The result kind of the file at `path` (see `result_kind_in`). A file that cannot be read,
/// is no regular file or is larger than any result is none.
pub fn result_kind_of(path: &Path) -> Option<&'static str> {
    match read_prefix(path) {
        Ok((bytes, true)) => result_kind_in(&String::from_utf8_lossy(&bytes)),
        _ => None,
    }
}

/// The bytes of the regular file at `path`, no more than a result can hold, and whether that
/// is all of it. What is no regular file (a pipe would never end) is an error.
pub fn read_prefix(path: &Path) -> std::io::Result<(Vec<u8>, bool)> {
    use std::io::Read;
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::from(std::io::ErrorKind::InvalidInput));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_RESULT_BYTES + 1)
        .read_to_end(&mut bytes)?;
    let whole = bytes.len() as u64 <= MAX_RESULT_BYTES;
    bytes.truncate(usize::try_from(MAX_RESULT_BYTES).unwrap_or(usize::MAX));
    Ok((bytes, whole))
}

/// A scan result read from a file, checked against the framework it was made with.
pub type LoadedScan = Loaded<ScanResult>;

/// Reads and checks a scan result (see `record::load`).
pub fn load_scan(path: &Path, library: &Library) -> Result<LoadedScan> {
    record::load(path, library)
}

/// Parses a scan result's text, without checking it against its framework.
pub fn parse_scan(path: &Path, text: &str) -> Result<ScanResult> {
    record::parse(path, text)
}

/// Checks a parsed scan result against the framework it names (see `record::check`).
pub fn check_scan(
    path: &Path,
    text: &str,
    result: ScanResult,
    library: &Library,
    fingerprints: &mut Fingerprints,
) -> Result<LoadedScan> {
    record::check(path, text, result, library, fingerprints)
}

/// Whether an answer fits the scale; the message says what would.
pub fn check_answer(answer: Answer, scale: &Scale) -> std::result::Result<(), String> {
    match answer {
        Answer::Score(value) if scale.point(value).is_some() => Ok(()),
        Answer::NotApplicable if scale.not_applicable.is_some() => Ok(()),
        _ => Err(t!(
            "scan.answer_out_of_range",
            answer = answer,
            expected = expected_answers(scale)
        )),
    }
}

/// "1-5 of n.v.t." for a scale, as a user would type it.
pub fn expected_answers(scale: &Scale) -> String {
    let range = format!("{}-{}", scale.min(), scale.max());
    match &scale.not_applicable {
        Some(label) => t!("scan.expected_with_na", range = range, na = label),
        None => range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_as_people_type_them() {
        assert_eq!(Answer::parse("4"), Some(Answer::Score(4)));
        assert_eq!(Answer::parse(" n.v.t. "), Some(Answer::NotApplicable));
        assert_eq!(Answer::parse("NVT"), Some(Answer::NotApplicable));
        assert_eq!(Answer::parse("vier"), None);
    }

    #[test]
    fn answers_round_trip_through_yaml() {
        let map: BTreeMap<String, Answer> = serde_yaml::from_str("a: 3\nb: nvt\n").expect("parses");
        assert_eq!(map["a"], Answer::Score(3));
        assert_eq!(map["b"], Answer::NotApplicable);
        assert_eq!(serde_yaml::to_string(&map).unwrap(), "a: 3\nb: nvt\n");
    }

    #[cfg(unix)]
    #[test]
    fn atomic_writes_are_owner_only_and_replace_the_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scan.yaml");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temp files left behind");
    }
}
