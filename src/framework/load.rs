//! Loading content: the bundled data compiled into the binary, then an organisation's own
//! folder (`--data`), whose documents extend the bundled ones and replace them by id.

use std::borrow::Cow;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::model::*;
use crate::error::{Error, Problem, Result};
use crate::input::{Locator, collect_yaml, from_yaml, is_special_file, read_limited, yaml_problem};
use crate::t;

/// One input file: the name to show in messages and its text, borrowed when it is bundled.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: Cow<'static, str>,
}

/// A bundled data file, prepared by build.rs.
struct Bundled {
    name: &'static str,
    text: &'static str,
    /// The same content as JSON, which loads without YAML; none when it is no JSON.
    json: Option<&'static str>,
    /// The kind of document it is; none when it does not say one that exists.
    kind: Option<DocumentKind>,
}

// `BUNDLED`: the bundled data, in the order it is loaded; a static, so that each file's text
// has one address, by which `bundled_of` knows it.
include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Largest data file accepted; a framework is a few tens of kilobytes, so anything near this
/// is a mistake (or an attack) and is refused before it is parsed.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Every bundled data file.
pub fn bundled_files() -> Vec<SourceFile> {
    bundled_files_of(None)
}

/// The bundled data files of the kinds given (all of them for none), and the files whose kind
/// is not known without parsing them.
pub fn bundled_files_of(kinds: Option<&[DocumentKind]>) -> Vec<SourceFile> {
    BUNDLED
        .iter()
        .filter(|file| match (kinds, file.kind) {
            (Some(kinds), Some(kind)) => kinds.contains(&kind),
            _ => true,
        })
        .map(|file| SourceFile {
            name: format!("{}{}", t!("data.bundled_prefix"), file.name),
            text: Cow::Borrowed(file.text),
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
    if !metadata.is_dir() {
        return Ok(vec![read_one(path)?]);
    }
    let mut paths = Vec::new();
    // The examples folder holds result files, not data.
    collect_yaml(path, &|name| name == "examples", &mut paths)?;
    // A pipe or device among the data is no data file; it is passed by, not waited for.
    paths.retain(|p| !is_special_file(p));
    paths.sort();
    paths.iter().map(|p| read_one(p)).collect()
}

fn read_one(path: &Path) -> Result<SourceFile> {
    Ok(SourceFile {
        name: path.display().to_string(),
        text: read_limited(path, MAX_FILE_BYTES)?.into(),
    })
}

/// A parsed document and the file it came from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub file: usize,
    /// Where in its document's list the entry is (0 for a whole document).
    pub index: usize,
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
    Organisation(OrganisationDocument),
    Raters(RatersDocument),
}

#[derive(Deserialize)]
struct Header {
    kind: Option<serde_yaml::Value>,
}

/// The document of a kind, its content parsed by `$parse` (an expression of the document's
/// type, wrapped in a result or option that `?` takes off).
macro_rules! document {
    ($kind:expr, $parse:expr) => {
        match $kind {
            DocumentKind::Framework => Document::Framework(Box::new($parse?)),
            DocumentKind::Boks => Document::Boks(Box::new($parse?)),
            DocumentKind::Links => Document::Links($parse?),
            DocumentKind::Methods => Document::Methods($parse?),
            DocumentKind::Scales => Document::Scales($parse?),
            DocumentKind::Targets => Document::Targets($parse?),
            DocumentKind::Organisation => Document::Organisation($parse?),
            DocumentKind::Raters => Document::Raters($parse?),
        }
    };
}

/// Parses one data file into a document, or the problem that stops it. A bundled file (its
/// text the one in the binary, `bundled_files_of`) is read from its JSON: the same document,
/// without the time YAML takes.
pub fn parse_document(file: &SourceFile) -> std::result::Result<Document, Problem> {
    let parsed = bundled_of(file).and_then(|bundled| parse_json(bundled.kind?, bundled.json?));
    match parsed {
        Some(document) => Ok(document),
        None => parse_yaml(file),
    }
}

/// The bundled file `file` is, by its text being the one in the binary: an organisation's file
/// is read, even when it says the same.
fn bundled_of(file: &SourceFile) -> Option<&'static Bundled> {
    match &file.text {
        Cow::Borrowed(text) => BUNDLED.iter().find(|b| std::ptr::eq(*text, b.text)),
        Cow::Owned(_) => None,
    }
}

fn parse_yaml(file: &SourceFile) -> std::result::Result<Document, Problem> {
    let header: Header = from_yaml(&file.name, &file.text)?;
    let kinds = "framework, boks, links, methods, scales, targets, organisation, raters";
    let Some(kind) = header.kind else {
        return Err(Problem::new(&file.name, (1, 1), t!("data.no_kind"))
            .with_hint(t!("data.kind_hint", kinds = kinds)));
    };
    let kind: DocumentKind = serde_yaml::from_value(kind.clone()).map_err(|_| {
        let position = Locator::new(&file.text).key_line("kind");
        let given = kind.as_str().unwrap_or_default();
        let all: Vec<&str> = kinds.split(", ").collect();
        let hint = match crate::input::yaml_error::closest(given, &all) {
            Some(best) => t!("yaml.did_you_mean", name = best, allowed = kinds),
            None => t!("data.kind_hint", kinds = kinds),
        };
        Problem::new(&file.name, position, t!("data.unknown_kind")).with_hint(hint)
    })?;
    fn typed<T: DeserializeOwned>(file: &SourceFile) -> std::result::Result<T, Problem> {
        serde_yaml::from_str(&file.text).map_err(|e| yaml_problem(&file.name, &file.text, &e))
    }
    Ok(document!(kind, typed(file)))
}

/// A bundled file's document of `kind` from its JSON; none when it does not read as one (the
/// YAML then says why).
fn parse_json(kind: DocumentKind, json: &str) -> Option<Document> {
    Some(document!(kind, serde_json::from_str(json).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled file is read from its JSON, and a file that only says the same is not.
    #[test]
    fn each_bundled_file_is_known_by_its_text_in_the_binary() {
        for (file, bundled) in bundled_files().iter().zip(BUNDLED) {
            assert!(
                std::ptr::eq(bundled_of(file).unwrap(), bundled),
                "{}",
                file.name
            );
            let copy = SourceFile {
                name: file.name.clone(),
                text: Cow::Owned(file.text.to_string()),
            };
            assert!(bundled_of(&copy).is_none(), "{}", file.name);
        }
    }

    #[test]
    fn the_bundled_json_is_the_bundled_yaml() {
        for (file, bundled) in bundled_files().iter().zip(BUNDLED) {
            let name = bundled.name;
            let json = bundled
                .json
                .unwrap_or_else(|| panic!("{name} is bundled as JSON too"));
            let kind = bundled
                .kind
                .unwrap_or_else(|| panic!("{name} says its kind"));
            let from_json = parse_json(kind, json).unwrap_or_else(|| panic!("{name}: JSON"));
            let from_yaml = parse_yaml(file).unwrap_or_else(|p| panic!("{p}"));
            // Debug writes every field, and floats as they round-trip.
            assert_eq!(format!("{from_json:?}"), format!("{from_yaml:?}"), "{name}");
        }
    }
}
