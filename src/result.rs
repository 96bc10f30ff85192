//! Result files: one YAML file per scan, with the framework's fingerprint, every answer by item
//! id and the notes. Saved atomically (temp file, fsync, rename) and readable by the owner only,
//! because they hold personal data.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

pub mod contribution;
pub mod file;
pub mod interview;

pub use file::ResultFile;

use crate::error::{Error, Problem, Result};
use crate::framework::load::{check_yaml_text, from_yaml, read_limited, yaml_problem};
use crate::framework::validate::Locator;
use crate::framework::{Framework, Library};
use crate::t;

/// Version of the result file format; a file with a higher version came from a newer vakwijzer.
pub const SCHEMA_VERSION: u32 = 1;

/// Result files are small; anything larger is not one of ours.
const MAX_RESULT_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResultKind {
    Scan,
    Interview,
    /// The answers of a scan shared for a team report (`vakwijzer share`).
    Contribution,
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

/// A self-scan: who, when, which framework (and which version of it), every answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanResult {
    pub schema: u32,
    pub kind: ResultKind,
    pub framework: String,
    /// Fingerprint of the framework's content when the scan was made.
    pub fingerprint: String,
    pub name: String,
    /// Optional grouping for team reports (e.g. the team or role); never shown with a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub started: String,
    pub updated: String,
    /// The competencies asked; empty means all of the framework.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<String>,
    pub complete: bool,
    /// Item id -> answer.
    #[serde(default, deserialize_with = "unique_keys")]
    pub answers: BTreeMap<String, Answer>,
    /// Competency id -> the person's note (an example from their practice).
    #[serde(default, deserialize_with = "unique_keys")]
    pub notes: BTreeMap<String, String>,
}

impl ScanResult {
    pub fn new(framework: &Framework, name: &str, competencies: Vec<String>) -> Self {
        let now = now();
        ScanResult {
            schema: SCHEMA_VERSION,
            kind: ResultKind::Scan,
            framework: framework.id.clone(),
            fingerprint: fingerprint(framework),
            name: name.to_string(),
            team: None,
            role: None,
            started: now.clone(),
            updated: now,
            competencies,
            complete: false,
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
        }
    }

    /// The date part of `started`, for reports.
    pub fn date(&self) -> &str {
        self.started.get(..10).unwrap_or(&self.started)
    }
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

/// Saves a scan result atomically.
pub fn save(file: &mut ResultFile, result: &ScanResult) -> Result<()> {
    save_yaml(file, result)
}

/// Saves a result (scan or interview) atomically with its header line. A file too large to be
/// read again is not written: the session ends with the file as it was, readable.
pub(crate) fn save_yaml(file: &mut ResultFile, result: &impl Serialize) -> Result<()> {
    let contents = file_contents(result)?;
    if contents.len() as u64 > MAX_RESULT_BYTES {
        return Err(Error::Usage(t!(
            "result.too_large",
            path = file.path().display(),
            size = contents.len(),
            max = MAX_RESULT_BYTES
        )));
    }
    file.save(&contents)
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
#[derive(Debug, Clone)]
pub struct LoadedScan {
    pub path: PathBuf,
    pub result: ScanResult,
    /// Non-fatal findings: another version of the framework, answers that no longer match.
    pub warnings: Vec<String>,
}

/// Reads and checks a scan result. Answers to items the framework no longer has are dropped
/// with a warning; everything else that is wrong is a problem with file and line.
pub fn load_scan(path: &Path, library: &Library) -> Result<LoadedScan> {
    let text = read_text(path)?;
    let result = parse_scan(path, &text)?;
    check_scan(path, &text, result, library, &mut Fingerprints::default())
}

/// Parses a scan result's text, without checking it against its framework.
pub fn parse_scan(path: &Path, text: &str) -> Result<ScanResult> {
    let name = path.display().to_string();
    let not_a_scan = || {
        let position = Locator::new(text).key_line("kind");
        Error::Problems(vec![Problem::new(&name, position, t!("result.not_a_scan"))])
    };
    check_yaml_text(&name, text).map_err(|p| Error::Problems(vec![p]))?;
    // The typed parse comes first because it is the only one a good file needs (team reports
    // read thousands); only a file that fails it is read again to say what it is instead.
    match serde_yaml::from_str::<ScanResult>(text) {
        Ok(result) if result.kind == ResultKind::Scan => Ok(result),
        Ok(_) => Err(not_a_scan()),
        Err(error) => {
            if peek_kind(path, text)? != ResultKind::Scan {
                return Err(not_a_scan());
            }
            Err(Error::Problems(vec![yaml_problem(&name, text, &error)]))
        }
    }
}

/// Fingerprints of frameworks, each computed once: hashing the framework again for every file
/// would dominate the time to read many results.
#[derive(Debug, Default)]
pub struct Fingerprints(std::collections::HashMap<String, String>);

impl Fingerprints {
    pub fn of(&mut self, framework: &Framework) -> &str {
        self.0
            .entry(framework.id.clone())
            .or_insert_with(|| fingerprint(framework))
    }
}

/// Checks a parsed scan result against the framework it names: schema version, fingerprint,
/// and every answer on the scale.
/// Problems with the texts and competency ids of a result: ids the framework lacks (a resumed
/// session would have nothing to ask) and control characters in what will be printed.
pub fn check_result_texts(
    name: &str,
    locator: &Locator,
    framework: &Framework,
    competencies: &[String],
    texts: &[(&str, &str)],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for id in competencies {
        if !framework.competencies.iter().any(|c| &c.id == id) {
            let position = locator.mention(id);
            let message = t!(
                "result.unknown_competency",
                id = id,
                framework = &framework.id
            );
            problems.push(Problem::new(name, position, message));
        }
    }
    for (key, text) in texts {
        if crate::framework::validate::has_control_chars(text) {
            let position = locator.key_line(key);
            problems.push(Problem::new(
                name,
                position,
                t!("result.control_chars", field = key),
            ));
        }
    }
    problems
}

pub fn check_scan(
    path: &Path,
    text: &str,
    mut result: ScanResult,
    library: &Library,
    fingerprints: &mut Fingerprints,
) -> Result<LoadedScan> {
    let name = path.display().to_string();
    let locator = Locator::new(text);
    if result.schema > SCHEMA_VERSION {
        let position = locator.key_line("schema");
        let message = t!(
            "result.newer_schema",
            schema = result.schema,
            supported = SCHEMA_VERSION
        );
        return Err(Error::Problems(vec![Problem::new(
            &name, position, message,
        )]));
    }
    let framework = library.framework(&result.framework).map_err(|error| {
        let position = locator.key_line("framework");
        Error::Problems(vec![Problem::new(&name, position, error.to_string())])
    })?;
    let mut texts: Vec<(&str, &str)> = vec![("name", &result.name)];
    texts.extend(result.team.as_deref().map(|t| ("team", t)));
    texts.extend(result.role.as_deref().map(|r| ("role", r)));
    texts.extend(result.notes.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let problems = check_result_texts(&name, &locator, framework, &result.competencies, &texts);
    if !problems.is_empty() {
        return Err(Error::Problems(problems));
    }
    let mut warnings = Vec::new();
    if result.fingerprint != fingerprints.of(framework) {
        warnings.push(t!(
            "result.other_version",
            path = &name,
            framework = &framework.id
        ));
    }
    let scale = library
        .scale(&framework.scales.self_scan)
        .ok_or_else(|| Error::Usage(t!("scan.no_scale", framework = &framework.id)))?;
    let mut problems = Vec::new();
    let mut dropped = Vec::new();
    for (item_id, answer) in &result.answers {
        let known = framework
            .competencies
            .iter()
            .any(|c| c.indicators.iter().any(|i| &i.id == item_id));
        if !known {
            dropped.push(item_id.clone());
            continue;
        }
        if let Err(message) = check_answer(*answer, scale) {
            let position = locator.key_value(item_id, &answer.to_string(), 0);
            problems.push(Problem::new(&name, position, message));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Problems(problems));
    }
    if !dropped.is_empty() {
        warnings.push(dropped_warning(&name, &locator, &dropped));
        result.answers.retain(|id, _| !dropped.contains(id));
    }
    Ok(LoadedScan {
        path: path.to_path_buf(),
        result,
        warnings,
    })
}

/// The warning that answers (or ratings) for what the framework no longer has are ignored,
/// placed at the first of them so that the file can be put right.
pub(crate) fn dropped_warning(name: &str, locator: &Locator, dropped: &[String]) -> String {
    let position = dropped.first().map_or((1, 1), |id| locator.key_line(id));
    let message = t!(
        "result.dropped_answers",
        count = dropped.len(),
        ids = dropped.join(", ")
    );
    Problem::new(name, position, message).to_string()
}

/// Whether an answer fits the scale; the message says what would.
pub fn check_answer(
    answer: Answer,
    scale: &crate::framework::Scale,
) -> std::result::Result<(), String> {
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
pub fn expected_answers(scale: &crate::framework::Scale) -> String {
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
