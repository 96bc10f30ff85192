//! A kind of result file (`Record`: scan, interview, ...) and the one way every kind is read and
//! checked against the framework it was made with, and saved after every answer.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{
    Header, MAX_RESULT_BYTES, ResultFile, ResultKind, SCHEMA_VERSION, fingerprint, peek_kind,
    read_text,
};
use crate::error::{Error, Problem, Result};
use crate::framework::{Framework, Library, Scale};
use crate::input::Locator;
use crate::input::{check_yaml_text, yaml_problem};
use crate::t;

/// What a kind of result adds to its header: its scale, the texts it prints, how its answers
/// are checked, what its file is called. Declare the struct with `result_struct!`.
pub trait Record: Header + Serialize + DeserializeOwned {
    const KIND: ResultKind;
    /// Said of a file of another kind given as one of these.
    fn not_this_kind() -> String;
    /// Said when a finished one is given to go on with.
    fn already_complete(path: &Path) -> String;
    /// The id of the scale its answers are on.
    fn scale_id(framework: &Framework) -> &str;
    /// The texts that will be printed, by their key: refused with control characters in them.
    fn texts(&self) -> Vec<(&str, &str)>;
    /// Checks the answers against `framework` and `scale`. Returns the problems, which refuse
    /// the file, and the ids of what the framework no longer has, which are dropped from the
    /// result and named in a warning.
    fn check_answers(
        &mut self,
        framework: &Framework,
        scale: &Scale,
        file: &str,
        locator: &Locator,
    ) -> (Vec<Problem>, Vec<String>);
    /// The name of a new file in the current folder, without `.yaml`; names are slugged
    /// (`super::slug`).
    fn file_stem(&self) -> String;
    /// The result in `text` when a reader faster than serde_yaml can tell it, because the text
    /// is in the form vakwijzer writes (`super::canonical`); none sends the text to serde_yaml.
    fn read_written(_text: &str) -> Option<Self> {
        None
    }
}

/// A result read from a file and checked against the framework it was made with.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub path: PathBuf,
    pub result: T,
    /// Non-fatal findings: another version of the framework, answers that no longer match.
    pub warnings: Vec<String>,
}

/// Reads and checks a result of kind `T`. Answers to what the framework no longer has are
/// dropped with a warning; everything else that is wrong is a problem with file and line.
pub fn load<T: Record>(path: &Path, library: &Library) -> Result<Loaded<T>> {
    let text = read_text(path)?;
    let result = parse::<T>(path, &text)?;
    check(path, &text, result, library, &mut Fingerprints::default())
}

/// Parses a result's text as kind `T`, without checking it against its framework.
pub fn parse<T: Record>(path: &Path, text: &str) -> Result<T> {
    let name = path.display().to_string();
    let other_kind = || {
        let position = Locator::new(text).key_line("kind");
        Error::Problems(vec![Problem::new(&name, position, T::not_this_kind())])
    };
    check_yaml_text(&name, text).map_err(|p| Error::Problems(vec![p]))?;
    if let Some(result) = T::read_written(text) {
        return Ok(result);
    }
    // The typed parse comes first because it is the only one a good file needs (team reports
    // read thousands); only a file that fails it is read again to say what it is instead.
    match serde_yaml::from_str::<T>(text) {
        Ok(result) if result.kind() == T::KIND => Ok(result),
        Ok(_) => Err(other_kind()),
        Err(error) => {
            if peek_kind(path, text)? != T::KIND {
                return Err(other_kind());
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

/// The scale the answers of kind `T` are on, in `framework`.
pub fn scale_of<'a, T: Record>(library: &'a Library, framework: &Framework) -> Result<&'a Scale> {
    library
        .scale(T::scale_id(framework))
        .ok_or_else(|| Error::Usage(t!("scan.no_scale", framework = &framework.id)))
}

/// Checks a parsed result against the framework it names: schema version, the framework
/// itself, competency ids and printed texts, fingerprint, and every answer on the scale.
pub fn check<T: Record>(
    path: &Path,
    text: &str,
    mut result: T,
    library: &Library,
    fingerprints: &mut Fingerprints,
) -> Result<Loaded<T>> {
    let name = path.display().to_string();
    let locator = Locator::new(text);
    if result.schema() > SCHEMA_VERSION {
        let position = locator.key_line("schema");
        let message = t!(
            "result.newer_schema",
            schema = result.schema(),
            supported = SCHEMA_VERSION
        );
        return Err(Error::Problems(vec![Problem::new(
            &name, position, message,
        )]));
    }
    let framework = library.framework(result.framework()).map_err(|error| {
        let position = locator.key_line("framework");
        Error::Problems(vec![Problem::new(&name, position, error.to_string())])
    })?;
    let texts = result.texts();
    let problems = check_result_texts(&name, &locator, framework, result.competencies(), &texts);
    if !problems.is_empty() {
        return Err(Error::Problems(problems));
    }
    let mut warnings = Vec::new();
    if result.fingerprint() != fingerprints.of(framework) {
        warnings.push(t!(
            "result.other_version",
            path = &name,
            framework = &framework.id
        ));
    }
    let scale = scale_of::<T>(library, framework)?;
    let (problems, dropped) = result.check_answers(framework, scale, &name, &locator);
    if !problems.is_empty() {
        return Err(Error::Problems(problems));
    }
    if !dropped.is_empty() {
        warnings.push(dropped_warning(&name, &locator, &dropped));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        result,
        warnings,
    })
}

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

/// The warning that answers (or ratings) for what the framework no longer has are ignored,
/// placed at the first of them so that the file can be put right.
fn dropped_warning(name: &str, locator: &Locator, dropped: &[String]) -> String {
    let position = dropped.first().map_or((1, 1), |id| locator.key_line(id));
    let message = t!(
        "result.dropped_answers",
        count = dropped.len(),
        ids = dropped.join(", ")
    );
    Problem::new(name, position, message).to_string()
}

/// Saves a result after an answer: marked as saved now and written atomically with its
/// header line. A file too large to be read again is not written: the session ends with the
/// file as it was, readable.
pub fn save<T: Record>(file: &mut ResultFile, result: &mut T) -> Result<()> {
    result.touch();
    let contents = super::file_contents(result)?;
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
