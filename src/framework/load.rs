//! Loading content: the bundled data compiled into the binary, then an organisation's own
//! folder (`--data`), whose documents extend the bundled ones and replace them by id.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::model::*;
use super::validate;
use crate::error::{Error, Problem, Result};
use crate::t;

/// One input file: the name to show in messages and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// The bundled data, in the order it is loaded.
const BUNDLED: &[(&str, &str)] = &[
    ("data/scales.yaml", include_str!("../../data/scales.yaml")),
    (
        "data/frameworks/eindhoven.yaml",
        include_str!("../../data/frameworks/eindhoven.yaml"),
    ),
    (
        "data/frameworks/generiek.yaml",
        include_str!("../../data/frameworks/generiek.yaml"),
    ),
    (
        "data/frameworks/wmo.yaml",
        include_str!("../../data/frameworks/wmo.yaml"),
    ),
    ("data/boks.yaml", include_str!("../../data/boks.yaml")),
    ("data/methods.yaml", include_str!("../../data/methods.yaml")),
    ("data/targets.yaml", include_str!("../../data/targets.yaml")),
    ("data/links.yaml", include_str!("../../data/links.yaml")),
];

/// Largest data file accepted; a framework is a few tens of kilobytes, so anything near this
/// is a mistake (or an attack) and is refused before it is parsed.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

pub fn bundled_files() -> Vec<SourceFile> {
    BUNDLED
        .iter()
        .map(|(name, text)| SourceFile {
            name: format!("{}{name}", t!("data.bundled_prefix")),
            text: text.to_string(),
        })
        .collect()
}

/// Reads the YAML files at `path`: the file itself, or every `*.yaml`/`*.yml` below a folder
/// (sorted, so the order is stable), except an `examples` folder, which holds result files.
pub fn read_files(path: &Path) -> Result<Vec<SourceFile>> {
    let metadata = std::fs::metadata(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if metadata.is_file() {
        return Ok(vec![read_one(path)?]);
    }
    let mut paths = Vec::new();
    collect_yaml(path, &mut paths)?;
    paths.sort();
    paths.iter().map(|p| read_one(p)).collect()
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        // file_type() does not follow symlinks, so a link loop cannot trap the walk.
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            if entry.file_name() != "examples" {
                collect_yaml(&path, out)?;
            }
        } else if is_yaml(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn read_one(path: &Path) -> Result<SourceFile> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Error::Problems(vec![Problem::new(
            &path.display().to_string(),
            (1, 1),
            t!("data.too_large", size = size, max = MAX_FILE_BYTES),
        )]));
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::Problems(vec![Problem::new(
            &path.display().to_string(),
            (1, 1),
            t!("data.not_utf8"),
        )])
    })?;
    Ok(SourceFile {
        name: path.display().to_string(),
        text,
    })
}

/// A parsed document and the file it came from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub file: usize,
    pub doc: T,
}

#[derive(Debug, Clone)]
pub enum Document {
    Framework(Box<Framework>),
    Boks(Box<Boks>),
    Links(LinksDocument),
    Methods(MethodsDocument),
    Scales(ScalesDocument),
    Targets(TargetsDocument),
}

#[derive(Deserialize)]
struct Header {
    kind: Option<serde_yaml::Value>,
}

/// Position of a serde_yaml error, 1-based, or the start of the file.
pub fn error_position(error: &serde_yaml::Error) -> (usize, usize) {
    error
        .location()
        .map_or((1, 1), |l| (l.line().max(1), l.column().max(1)))
}

/// serde_yaml appends "at line X column Y" to its messages; we print the position ourselves.
pub fn error_message(error: &serde_yaml::Error) -> String {
    let message = error.to_string();
    match message.find(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

pub fn yaml_problem(file: &str, error: &serde_yaml::Error) -> Problem {
    Problem::new(
        file,
        error_position(error),
        t!("data.invalid_yaml", detail = error_message(error)),
    )
}

/// Parses one data file into a document, or the problem that stops it.
pub fn parse_document(file: &SourceFile) -> std::result::Result<Document, Problem> {
    let header: Header =
        serde_yaml::from_str(&file.text).map_err(|e| yaml_problem(&file.name, &e))?;
    let kinds = "framework, boks, links, methods, scales, targets";
    let Some(kind) = header.kind else {
        return Err(Problem::new(&file.name, (1, 1), t!("data.no_kind"))
            .with_hint(t!("data.kind_hint", kinds = kinds)));
    };
    let kind: DocumentKind = serde_yaml::from_value(kind).map_err(|_| {
        let position = validate::Locator::new(&file.text).key_line("kind");
        Problem::new(&file.name, position, t!("data.unknown_kind"))
            .with_hint(t!("data.kind_hint", kinds = kinds))
    })?;
    fn typed<T: DeserializeOwned>(file: &SourceFile) -> std::result::Result<T, Problem> {
        serde_yaml::from_str(&file.text).map_err(|e| yaml_problem(&file.name, &e))
    }
    Ok(match kind {
        DocumentKind::Framework => Document::Framework(Box::new(typed(file)?)),
        DocumentKind::Boks => Document::Boks(Box::new(typed(file)?)),
        DocumentKind::Links => Document::Links(typed(file)?),
        DocumentKind::Methods => Document::Methods(typed(file)?),
        DocumentKind::Scales => Document::Scales(typed(file)?),
        DocumentKind::Targets => Document::Targets(typed(file)?),
    })
}

/// Everything vakwijzer knows: the merged content of the bundled data and `--data`.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub frameworks: Vec<Framework>,
    /// Where each framework was loaded from, by framework id.
    pub framework_files: Vec<(String, String)>,
    pub boks: Option<Boks>,
    pub links: Vec<Link>,
    pub method_categories: Vec<MethodCategory>,
    pub methods: Vec<Method>,
    pub scales: Vec<Scale>,
    pub roles: Vec<Role>,
}

impl Library {
    /// The bundled data, extended and overridden by the folder or file at `data`.
    pub fn load(data: Option<&Path>) -> Result<Library> {
        let mut layers = vec![bundled_files()];
        if let Some(path) = data {
            layers.push(read_files(path)?);
        }
        Library::from_layers(&layers)
    }

    /// Loads layers of files; a later layer replaces documents of an earlier one by id.
    pub fn from_layers(layers: &[Vec<SourceFile>]) -> Result<Library> {
        let (library, problems) = validate::load_layers(layers);
        if problems.is_empty() {
            Ok(library)
        } else {
            Err(Error::Problems(problems))
        }
    }

    pub fn framework(&self, id: &str) -> Result<&Framework> {
        self.frameworks.iter().find(|f| f.id == id).ok_or_else(|| {
            let known: Vec<&str> = self.frameworks.iter().map(|f| f.id.as_str()).collect();
            Error::Usage(t!("framework.unknown", id = id, known = known.join(", ")))
        })
    }

    pub fn framework_file(&self, id: &str) -> &str {
        self.framework_files
            .iter()
            .find(|(fid, _)| fid == id)
            .map_or("", |(_, file)| file.as_str())
    }

    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    pub fn method(&self, id: &str) -> Option<&Method> {
        self.methods.iter().find(|m| m.id == id)
    }

    /// The role used for targets when none is named.
    pub fn default_role(&self) -> Option<&Role> {
        self.roles
            .iter()
            .find(|r| r.default)
            .or_else(|| self.roles.first())
    }

    pub fn link(&self, framework: &str, competency: &str) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| l.framework == framework && l.competency == competency)
    }
}
