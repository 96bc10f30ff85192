//! Loading content: the bundled data compiled into the binary, then an organisation's own
//! folder (`--data`), whose documents extend the bundled ones and replace them by id.

use std::collections::BTreeMap;
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

/// Collects every `*.yaml`/`*.yml` file below `dir` into `out`, not descending into folders
/// for which `skip_folder` says so. Shared by the data loader and the team report.
pub fn collect_yaml(
    dir: &Path,
    skip_folder: &dyn Fn(&std::ffi::OsStr) -> bool,
    out: &mut Vec<PathBuf>,
) -> Result<()> {
    collect_files(dir, skip_folder, &is_yaml, out)
}

/// Collects every file below `dir` that `keep_file` accepts into `out`: regular files and
/// links to files; links to folders are not followed. `forget` uses it with every file, so that
/// it looks where the team report looks.
pub fn collect_files(
    dir: &Path,
    skip_folder: &dyn Fn(&std::ffi::OsStr) -> bool,
    keep_file: &dyn Fn(&Path) -> bool,
    out: &mut Vec<PathBuf>,
) -> Result<()> {
    let read_error = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let path = entry.path();
        // file_type() does not follow symlinks, so a link loop cannot trap the walk.
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            if !skip_folder(&entry.file_name()) {
                collect_files(&path, skip_folder, keep_file, out)?;
            }
        } else if keep_file(&path) {
            // Named pipes and devices too, so that a reader can say it passed them by (see
            // `is_special_file`); a link that leads nowhere is kept, to be reported when read.
            out.push(path);
        }
    }
    Ok(())
}

pub fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn read_one(path: &Path) -> Result<SourceFile> {
    Ok(SourceFile {
        name: path.display().to_string(),
        text: read_limited(path, MAX_FILE_BYTES)?,
    })
}

/// Reads a text file of at most `max` bytes. A larger file is refused by its size before it is
/// read; a file whose size says nothing (a pipe, a device like /dev/zero, a file still growing)
/// is read no further than `max + 1` bytes and refused too, so memory stays bounded. Text that is
/// not UTF-8 is refused at the line where it stops being UTF-8.
/// Whether `path` leads to a named pipe, a device or a socket: opening a pipe waits for a
/// writer forever, and a device may have no end, so none of them is read as a file.
pub fn is_special_file(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|m| {
            let kind = m.file_type();
            kind.is_fifo() || kind.is_char_device() || kind.is_block_device() || kind.is_socket()
        })
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
    }
}

/// Refuses a named pipe or device named as a file, with a message rather than a wait.
pub fn refuse_special_file(path: &Path) -> Result<()> {
    if is_special_file(path) {
        return Err(Error::Usage(t!(
            "data.not_a_file",
            path = crate::render::escape::terminal_path(path)
        )));
    }
    Ok(())
}

pub fn read_limited(path: &Path, max: u64) -> Result<String> {
    use std::io::Read;
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    refuse_special_file(path)?;
    let name = path.display().to_string();
    let too_large = |size: u64| {
        Error::Problems(vec![Problem::new(
            &name,
            (1, 1),
            t!("data.too_large", size = size, max = max),
        )])
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > max {
        return Err(too_large(size));
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        Error::Problems(vec![
            Problem::new(&name, text_position(valid), t!("data.not_utf8"))
                .with_hint(t!("data.not_utf8_hint")),
        ])
    })
}

/// The 1-based line and column just after `bytes`, the column counted in bytes.
fn text_position(bytes: &[u8]) -> (usize, usize) {
    let line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (line, bytes.len() - line_start + 1)
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
}

#[derive(Deserialize)]
struct Header {
    kind: Option<serde_yaml::Value>,
}

/// Position of a serde_yaml error in `text`, 1-based, or the start of the file. libyaml counts
/// NEL, LS and PS (and a lone CR) as line ends, where editors and our messages count only LF, so
/// the line is counted again from the byte offset libyaml gives.
pub fn error_position(error: &serde_yaml::Error, text: &str) -> (usize, usize) {
    let Some(location) = error.location() else {
        return (1, 1);
    };
    let mut at = location.index().min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// The problem for a serde_yaml error, in the catalogue's words with a hint: see
/// [`super::yaml_error`]. Every reader of files from outside calls this one.
pub fn yaml_problem(file: &str, text: &str, error: &serde_yaml::Error) -> Problem {
    super::yaml_error::problem(file, text, error)
}

/// Flow collections (`[`, `{`) nested deeper than this are refused before parsing. libyaml's
/// scanner spends time proportional to the flow nesting on every token, so 4 MB of `{a: ` would
/// keep it busy for an hour (serde_yaml_ng issue #16); serde_yaml refuses more than 128 levels
/// of nesting afterwards anyway. A plain count of every bracket backs the scanner model up, at
/// four times this depth: only a file with that many brackets left open in its texts (which no
/// person writes) is refused without being nested.
pub const MAX_FLOW_DEPTH: usize = 256;

/// Checks what serde_yaml would choke on before it is given the text: characters YAML does not
/// allow (NUL and other control characters), placed at their line, and flow collections nested
/// deeper than [`MAX_FLOW_DEPTH`].
pub fn check_yaml_text(file: &str, text: &str) -> std::result::Result<(), Problem> {
    let invalid = text.char_indices().find(|&(_, c)| {
        matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\x7f')
            || matches!(c, '\u{80}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
    });
    if let Some((at, c)) = invalid {
        let code = format!("U+{:04X}", u32::from(c));
        let position = text_position(&text.as_bytes()[..at]);
        return Err(
            Problem::new(file, position, t!("yaml.control_char", code = code))
                .with_hint(t!("yaml.control_char_hint")),
        );
    }
    if let Some(at) = flow_too_deep(text.as_bytes(), MAX_FLOW_DEPTH) {
        let position = text_position(&text.as_bytes()[..at]);
        return Err(
            Problem::new(file, position, t!("yaml.too_deep", max = MAX_FLOW_DEPTH))
                .with_hint(t!("yaml.too_deep_hint")),
        );
    }
    Ok(())
}

/// Parses YAML from outside, after [`check_yaml_text`]; every problem names `file`.
pub fn from_yaml<T: DeserializeOwned>(file: &str, text: &str) -> std::result::Result<T, Problem> {
    check_yaml_text(file, text)?;
    serde_yaml::from_str(text).map_err(|e| yaml_problem(file, text, &e))
}

/// Where flow collections first nest deeper than `max`, if they do, as libyaml's scanner reads
/// them (brackets in comments, quoted scalars, block scalars, tags and block-context plain
/// scalars do not nest); and, so that a misreading of that model cannot hide deep nesting
/// either, where all brackets counted as if nothing were quoted nest deeper than `4 * max`.
fn flow_too_deep(b: &[u8], max: usize) -> Option<usize> {
    let mut naive = 0usize;
    for (at, &c) in b.iter().enumerate() {
        match c {
            b'[' | b'{' => {
                naive += 1;
                if naive > 4 * max {
                    return Some(at);
                }
            }
            b']' | b'}' => naive = naive.saturating_sub(1),
            _ => {}
        }
    }
    FlowScanner::new(b).run(max)
}

/// A small model of libyaml's scanner that tracks only the flow level. It is no full YAML
/// scanner: in block context (level 0) a quoted scalar is taken to end with its line, so that a
/// misreading there cannot hide the lines after it; in flow context it follows libyaml.
struct FlowScanner<'a> {
    b: &'a [u8],
    at: usize,
    depth: usize,
    /// The line the scanner was last asked about: its start, indentation and first column after
    /// `- `, `? ` and `: ` indicators.
    line: (usize, usize, usize),
    /// How far `line` is known to be the current line.
    line_known_to: usize,
}

fn is_blank(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_flow_indicator(c: u8) -> bool {
    matches!(c, b',' | b'[' | b']' | b'{' | b'}')
}

impl<'a> FlowScanner<'a> {
    fn new(b: &'a [u8]) -> Self {
        let mut scanner = FlowScanner {
            b,
            at: 0,
            depth: 0,
            line: (0, 0, 0),
            line_known_to: 0,
        };
        scanner.line = (0, scanner.indentation(0).0, scanner.indentation(0).1);
        scanner
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.b.get(self.at + ahead).copied()
    }

    fn blank_or_end(&self, ahead: usize) -> bool {
        self.peek(ahead).is_none_or(is_blank)
    }

    /// Indentation of the line starting at `start`, and its first column after indicators.
    fn indentation(&self, start: usize) -> (usize, usize) {
        let line = &self.b[start..];
        let indent = line.iter().take_while(|&&c| c == b' ').count();
        let mut column = indent;
        while line.len() > column + 1
            && matches!(line[column], b'-' | b'?' | b':')
            && is_blank(line[column + 1])
        {
            column += 2;
            column += line[column..].iter().take_while(|&&c| c == b' ').count();
        }
        (indent, column)
    }

    /// The current line's start, indentation and column after indicators (an upper bound of
    /// libyaml's block indentation there), in time linear in the text over all calls.
    fn current_line(&mut self) -> (usize, usize, usize) {
        let seen = &self.b[self.line_known_to..self.at];
        if let Some(newline) = seen.iter().rposition(|&c| c == b'\n') {
            let start = self.line_known_to + newline + 1;
            let (indent, column) = self.indentation(start);
            self.line = (start, indent, column);
        }
        self.line_known_to = self.at;
        self.line
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.peek(0) {
            if c == b'\n' {
                break;
            }
            self.at += 1;
        }
    }

    fn open(&mut self, max: usize) -> bool {
        self.depth += 1;
        self.depth > max
    }

    fn run(&mut self, max: usize) -> Option<usize> {
        while let Some(c) = self.peek(0) {
            match c {
                b' ' | b'\t' | b'\r' | b'\n' | b',' => self.at += 1,
                b'#' => self.skip_line(),
                b'[' | b'{' => {
                    if self.open(max) {
                        return Some(self.at);
                    }
                    self.at += 1;
                }
                b']' | b'}' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.at += 1;
                }
                b'\'' | b'"' => self.quoted(c),
                b'|' | b'>' if self.depth == 0 => self.block_scalar(),
                b'-' | b'?' | b':' if self.blank_or_end(1) => self.at += 1,
                b':' if self.depth > 0 && self.peek(1).is_some_and(is_flow_indicator) => {
                    self.at += 1
                }
                b'%' if self.depth == 0 => self.skip_line(),
                b'&' | b'*' => {
                    self.at += 1;
                    while self
                        .peek(0)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
                    {
                        self.at += 1;
                    }
                }
                b'!' => {
                    // A tag may hold brackets: an opening one counts, a closing one does not.
                    while let Some(c) = self.peek(0).filter(|&c| !is_blank(c)) {
                        if matches!(c, b'[' | b'{') && self.open(max) {
                            return Some(self.at);
                        }
                        self.at += 1;
                    }
                }
                _ => self.plain(),
            }
        }
        None
    }

    /// A quoted scalar; in block context it is taken to end with its line at the latest.
    fn quoted(&mut self, quote: u8) {
        let flow = self.depth > 0;
        self.at += 1;
        while let Some(c) = self.peek(0) {
            if c == b'\n' && !flow {
                return;
            }
            self.at += 1;
            if quote == b'"' && c == b'\\' {
                if self.peek(0).is_some_and(|c| c != b'\n' || flow) {
                    self.at += 1;
                }
            } else if c == quote {
                if quote == b'\'' && self.peek(0) == Some(b'\'') {
                    self.at += 1;
                } else {
                    return;
                }
            }
        }
    }

    /// A literal or folded block scalar after a key or list dash (`key: |`): its header line,
    /// then the lines indented at least as far as its first line, which must be indented
    /// further than the key. A `|` first on its line is read as text: it may be a line of a
    /// quoted scalar, and skipping lines after it could hide what follows.
    fn block_scalar(&mut self) {
        let (start, indent, parent) = self.current_line();
        if self.at <= start + indent {
            self.at += 1;
            return;
        }
        self.skip_line();
        let mut content = None;
        while self.peek(0) == Some(b'\n') {
            let start = self.at + 1;
            let rest = &self.b[start..];
            let spaces = rest.iter().take_while(|&&c| c == b' ').count();
            let blank = rest[spaces..]
                .first()
                .is_none_or(|&c| c == b'\n' || c == b'\r');
            if !blank {
                if spaces < content.unwrap_or(parent + 1) {
                    return;
                }
                content.get_or_insert(spaces);
            }
            self.at = start;
            self.skip_line();
        }
    }

    /// A plain scalar, ended as libyaml ends it: at `: `, at ` #`, at a flow indicator in flow
    /// context, and in block context at the end of a line unless the next one is indented
    /// further than the key or dash before it and does not start with an indicator (where
    /// libyaml may go on with the scalar, but reading tokens there can only count more).
    fn plain(&mut self) {
        let flow = self.depth > 0;
        let (_, _, parent) = self.current_line();
        loop {
            while let Some(c) = self.peek(0) {
                if is_blank(c)
                    || (c == b':' && self.blank_or_end(1))
                    || (flow && is_flow_indicator(c))
                {
                    break;
                }
                self.at += 1;
            }
            let mut newline = false;
            while let Some(c) = self.peek(0).filter(|&c| is_blank(c)) {
                newline |= c == b'\n';
                self.at += 1;
            }
            match self.peek(0) {
                None | Some(b'#') => return,
                Some(c) if c == b':' && self.blank_or_end(1) => return,
                Some(c) if flow && is_flow_indicator(c) => return,
                _ => {}
            }
            if newline {
                let (start, indent, _) = self.current_line();
                let marker =
                    self.b[start..].starts_with(b"---") || self.b[start..].starts_with(b"...");
                let indicator = self
                    .peek(0)
                    .is_some_and(|c| b"-?:,[]{}#&*!|>'\"%@`".contains(&c));
                if (!flow && (indent <= parent || indicator)) || (indent == 0 && marker) {
                    return;
                }
            }
        }
    }
}

/// Parses one data file into a document, or the problem that stops it.
pub fn parse_document(file: &SourceFile) -> std::result::Result<Document, Problem> {
    let header: Header = from_yaml(&file.name, &file.text)?;
    let kinds = "framework, boks, links, methods, scales, targets, organisation";
    let Some(kind) = header.kind else {
        return Err(Problem::new(&file.name, (1, 1), t!("data.no_kind"))
            .with_hint(t!("data.kind_hint", kinds = kinds)));
    };
    let kind: DocumentKind = serde_yaml::from_value(kind.clone()).map_err(|_| {
        let position = validate::Locator::new(&file.text).key_line("kind");
        let given = kind.as_str().unwrap_or_default();
        let all: Vec<&str> = kinds.split(", ").collect();
        let hint = match super::yaml_error::closest(given, &all) {
            Some(best) => t!("yaml.did_you_mean", name = best, allowed = kinds),
            None => t!("data.kind_hint", kinds = kinds),
        };
        Problem::new(&file.name, position, t!("data.unknown_kind")).with_hint(hint)
    })?;
    fn typed<T: DeserializeOwned>(file: &SourceFile) -> std::result::Result<T, Problem> {
        serde_yaml::from_str(&file.text).map_err(|e| yaml_problem(&file.name, &file.text, &e))
    }
    Ok(match kind {
        DocumentKind::Framework => Document::Framework(Box::new(typed(file)?)),
        DocumentKind::Boks => Document::Boks(Box::new(typed(file)?)),
        DocumentKind::Links => Document::Links(typed(file)?),
        DocumentKind::Methods => Document::Methods(typed(file)?),
        DocumentKind::Scales => Document::Scales(typed(file)?),
        DocumentKind::Targets => Document::Targets(typed(file)?),
        DocumentKind::Organisation => Document::Organisation(typed(file)?),
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
    /// Who the organisation's data folder is from, when it says so.
    pub organisation: Option<OrganisationDocument>,
    /// The default role of each framework that roles have targets for: framework id -> role id.
    pub default_roles: BTreeMap<String, String>,
    /// What jobs will miss in the organisation's files (a competency without indicators is
    /// not scanned); for `validate` and the commands to print, never a reason to stop.
    pub warnings: Vec<Problem>,
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

    /// The role whose targets a framework's reports use when none is named.
    pub fn default_role(&self, framework: &str) -> Option<&Role> {
        let id = self.default_roles.get(framework)?;
        self.roles.iter().find(|r| &r.id == id)
    }

    /// Who wrote a text, a target or a proposed link of this origin, as outputs print it.
    pub fn author(&self, origin: Origin) -> String {
        match origin {
            Origin::Source => t!("author.source"),
            Origin::Vakwijzer => "vakwijzer".to_string(),
            Origin::Organisation => self
                .organisation
                .as_ref()
                .map_or_else(|| t!("author.organisation"), |o| o.name.clone()),
        }
    }

    /// Who proposes a link: its `origin:`, else vakwijzer, which wrote the bundled proposals.
    pub fn link_author(&self, link: &Link) -> String {
        self.author(link.origin.unwrap_or(Origin::Vakwijzer))
    }

    /// The roles with targets for a framework: the ones `--role` may name for it.
    pub fn roles_of(&self, framework: &str) -> Vec<&Role> {
        self.roles
            .iter()
            .filter(|r| r.targets.contains_key(framework))
            .collect()
    }

    /// The role named on the command line for a framework; an id that is no role of that
    /// framework is an error listing the roles it has.
    pub fn role(&self, framework: &str, id: &str) -> Result<&Role> {
        let roles = self.roles_of(framework);
        if let Some(role) = roles.iter().find(|r| r.id == id) {
            return Ok(role);
        }
        let known: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
        let known = if known.is_empty() {
            t!("role.none")
        } else {
            known.join(", ")
        };
        Err(Error::Usage(t!(
            "role.unknown",
            id = id,
            framework = framework,
            known = known
        )))
    }

    /// The targets role of a result: `asked` (`--role`) when given, else the result's own
    /// `role:` when that is a role of the framework, else the default. A result whose `role:`
    /// is no targets role (free text, from before roles had targets) gets the default, and
    /// the note that says so.
    pub fn role_of_result(
        &self,
        framework: &str,
        asked: Option<&str>,
        recorded: Option<&str>,
    ) -> Result<(Option<&Role>, Option<String>)> {
        if let Some(id) = asked {
            return Ok((Some(self.role(framework, id)?), None));
        }
        let default = self.default_role(framework);
        let Some(recorded) = recorded.map(str::trim).filter(|r| !r.is_empty()) else {
            return Ok((default, None));
        };
        if let Ok(role) = self.role(framework, recorded) {
            return Ok((Some(role), None));
        }
        let note = t!(
            "role.recorded_unknown",
            id = recorded,
            framework = framework,
            default = default.map_or_else(|| t!("role.none"), |r| r.id.clone())
        );
        Ok((default, Some(note)))
    }

    pub fn link(&self, framework: &str, competency: &str) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| l.framework == framework && l.competency == competency)
    }
}
