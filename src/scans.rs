//! Reading the scans of a team: every `*.yaml`/`*.yml` below the given folders, each file
//! either used or skipped with a reason. Reasons name the file and a line, never a person, and
//! never quote the file's content (a broken file may hold a name anywhere).
//!
//! Each file is read, parsed, checked against its framework and reduced to the record the
//! report keeps in one go, on every core, and its text dropped (`read_all`): memory grows with
//! the small records, not with the files, and the one thread left to gather them does little.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::framework::{Framework, Library};
use crate::result::{self, Fingerprints, MAX_RESULT_BYTES, ResultKind, ScanResult};

/// A file that could not be used, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub file: String,
    /// The line the problem is on, where there is one.
    pub line: Option<usize>,
    pub reason: SkipReason,
    /// The other framework's id (when well-formed), or the file of the newer scan.
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Not readable, not UTF-8, or too large to be a result.
    Unreadable,
    /// A named pipe or a device, passed by without being opened.
    NotAFile,
    BrokenYaml,
    /// A YAML file that is not a vakwijzer result (a framework, something else).
    NotAResult,
    /// A vakwijzer result of another kind (an interview).
    NotAScan,
    /// A development plan, which follows from a scan but is none.
    Plan,
    /// A rating of someone else (360-degree feedback): a team report is of self-scans only.
    Rating,
    /// A scan that does not fit the result format or its framework; `vakwijzer report FILE`
    /// says exactly what is wrong.
    Invalid,
    /// A scan of another framework than the report's.
    OtherFramework,
    /// A scan that was stopped before the end (`complete: false`).
    Incomplete,
    /// The same person scanned again in this round; the newest scan counts.
    OlderScan,
}

/// Texts that many records share (a team, a role, a date, a framework id), each kept once per
/// reading thread rather than once per file.
#[derive(Default)]
pub struct Interner(HashSet<Arc<str>>);

impl Interner {
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

/// What the report keeps of a checked scan (`read_all`'s `keep`): made on a reading thread from
/// the scan and the framework it was checked against.
pub type Keep<'k, T> = dyn Fn(&Framework, &ScanResult, &mut Interner) -> T + Sync + 'k;

/// A file read as a scan: what choosing the framework and the people needs, and the record the
/// report keeps or, when the scan is unusable, the line of its first problem.
struct Scan<T> {
    /// Its place in the list of files.
    file: usize,
    framework: Arc<str>,
    complete: bool,
    /// Not checked (`Err(None)`) when unfinished or of a framework other than the one asked.
    checked: std::result::Result<Checked<T>, Option<usize>>,
}

struct Checked<T> {
    record: T,
    /// The normalised name and team (`newest_per_person`); none for a scan without a name.
    person: Option<Box<str>>,
    started: Box<str>,
    warnings: Vec<String>,
}

/// A usable scan of the report's framework: the record kept, and its non-fatal findings.
pub struct Usable<T> {
    pub record: T,
    pub warnings: Vec<String>,
}

/// The files of a round, read: the scans among them, and every other file skipped.
pub struct Read<'f, T> {
    files: &'f [PathBuf],
    scans: Vec<Scan<T>>,
    skipped: Vec<Skipped>,
}

/// Every file below `paths`, each folder's sorted, in the order given. A path that does not
/// exist is an error (a typo should not pass for an empty team); files given by name are read
/// whatever their extension. A file reached twice is read once (`read_all`).
pub fn find_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    files_below(paths, &crate::input::is_yaml)
}

/// Every file below `paths` that `keep_file` accepts, each folder's sorted, in the order given;
/// a folder given as a link is followed, links to folders inside are not. A file given by
/// name is taken whatever it is called; a path that does not exist is an error.
pub fn files_below(paths: &[PathBuf], keep_file: &dyn Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        if metadata.is_dir() {
            let mut found = Vec::new();
            crate::input::collect_files(path, &|_| false, keep_file, &mut found)?;
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Files read per turn of a reading thread.
const CHUNK: usize = 64;

/// Reads, parses and checks every file, each scan against the framework it names (only against
/// `only` when given: the others are not checked), and keeps of each usable scan what `keep`
/// makes of it; what is not a scan at all is skipped here. The files are shared out over the
/// cores in chunks and gathered in their order; a file reached twice (a folder and a file in
/// it, a link, another name of it) counts once, the first time, told by its device and inode.
pub fn read_all<'f, T: Send>(
    files: &'f [PathBuf],
    library: &Library,
    only: Option<&str>,
    keep: &Keep<'_, T>,
) -> Read<'f, T> {
    let chunks = files.len().div_ceil(CHUNK);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(chunks)
        .max(1);
    let next = AtomicUsize::new(0);
    // Sized once for every file: grown by doubling, a hundred thousand scans would need room
    // for twice as many, and old and new both while it moves (issue 30: flat memory).
    let mut read = Read {
        files,
        scans: Vec::with_capacity(files.len()),
        skipped: Vec::new(),
    };
    let mut seen = HashSet::with_capacity(files.len());
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::channel();
        for _ in 0..threads {
            let (sender, next) = (sender.clone(), &next);
            scope.spawn(move || {
                let mut reader = Reader::new(library, only);
                loop {
                    let chunk = next.fetch_add(1, Ordering::Relaxed);
                    if chunk >= chunks {
                        break;
                    }
                    let start = chunk * CHUNK;
                    let outcomes: Vec<Outcome<T>> = (start..files.len().min(start + CHUNK))
                        .map(|file| reader.read(file, &files[file], keep))
                        .collect();
                    if sender.send((chunk, outcomes)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // In the order of the files, whichever thread is done first. A thread panics only on a
        // bug: the scope passes the panic on once the others are done.
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (chunk, outcomes) in receiver {
            waiting.insert(chunk, outcomes);
            while let Some(outcomes) = waiting.remove(&due) {
                for outcome in outcomes {
                    read.add(outcome, &mut seen);
                }
                due += 1;
            }
        }
    });
    read
}

/// What reading one file gave, and the file itself as far as it could be told.
struct Outcome<T> {
    file: usize,
    identity: Option<FileIdentity>,
    read: std::result::Result<Scan<T>, Skipped>,
}

/// The file itself, whatever its path: a hard link, a link or a second path to it is the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FileIdentity {
    device: u64,
    inode: u64,
}

impl FileIdentity {
    #[cfg(unix)]
    fn of(metadata: &std::fs::Metadata) -> Option<FileIdentity> {
        use std::os::unix::fs::MetadataExt;
        Some(FileIdentity {
            device: metadata.dev(),
            inode: metadata.ino(),
        })
    }

    #[cfg(not(unix))]
    fn of(_: &std::fs::Metadata) -> Option<FileIdentity> {
        None
    }
}

/// A file once: by its identity, else (it could not be looked at) by the path as given.
#[derive(PartialEq, Eq, Hash)]
enum Seen<'f> {
    File(FileIdentity),
    Path(&'f Path),
}

impl<'f, T> Read<'f, T> {
    fn add(&mut self, outcome: Outcome<T>, seen: &mut HashSet<Seen<'f>>) {
        let files: &'f [PathBuf] = self.files;
        let key = match outcome.identity {
            Some(identity) => Seen::File(identity),
            None => Seen::Path(&files[outcome.file]),
        };
        if !seen.insert(key) {
            return;
        }
        match outcome.read {
            Ok(scan) => self.scans.push(scan),
            Err(skip) => self.skipped.push(skip),
        }
    }

    fn name(&self, file: usize) -> String {
        self.files[file].display().to_string()
    }
}

/// What a reading thread keeps between files: its buffer, the fingerprints it computed, the
/// texts it shares out.
struct Reader<'a> {
    library: &'a Library,
    only: Option<&'a str>,
    bytes: Vec<u8>,
    fingerprints: Fingerprints,
    interner: Interner,
}

impl<'a> Reader<'a> {
    fn new(library: &'a Library, only: Option<&'a str>) -> Self {
        Reader {
            library,
            only,
            bytes: Vec::new(),
            fingerprints: Fingerprints::default(),
            interner: Interner::default(),
        }
    }

    fn read<T>(&mut self, file: usize, path: &Path, keep: &Keep<'_, T>) -> Outcome<T> {
        let skip = |line, reason| Skipped {
            file: path.display().to_string(),
            line,
            reason,
            detail: None,
        };
        let Ok(metadata) = std::fs::metadata(path) else {
            return Outcome {
                file,
                identity: None,
                read: Err(skip(None, SkipReason::Unreadable)),
            };
        };
        let identity = FileIdentity::of(&metadata);
        let outcome = |read| Outcome {
            file,
            identity,
            read,
        };
        if is_special(&metadata) {
            return outcome(Err(skip(None, SkipReason::NotAFile)));
        }
        // The buffer is lent out while its text is checked, and kept for the next file.
        let mut bytes = std::mem::take(&mut self.bytes);
        let read = match read_text(path, &metadata, &mut bytes) {
            Some(text) => self
                .parse(file, path, text, keep)
                .map_err(|(line, reason)| skip(line, reason)),
            None => Err(skip(None, SkipReason::Unreadable)),
        };
        self.bytes = bytes;
        outcome(read)
    }

    fn parse<T>(
        &mut self,
        file: usize,
        path: &Path,
        text: &str,
        keep: &Keep<'_, T>,
    ) -> std::result::Result<Scan<T>, (Option<usize>, SkipReason)> {
        let scan = result::contribution::parse_scan_or_contribution(path, text)
            .map_err(|error| classify(text, &error))?;
        let framework = self.interner.get(&scan.framework);
        let complete = scan.complete;
        let asked = self.only.is_none_or(|only| only == &*framework);
        let checked = if complete && asked {
            self.check(path, text, scan, keep)
        } else {
            Err(None)
        };
        Ok(Scan {
            file,
            framework,
            complete,
            checked,
        })
    }

    fn check<T>(
        &mut self,
        path: &Path,
        text: &str,
        scan: ScanResult,
        keep: &Keep<'_, T>,
    ) -> std::result::Result<Checked<T>, Option<usize>> {
        let loaded = result::check_scan(path, text, scan, self.library, &mut self.fingerprints)
            .map_err(|error| first_line(&error))?;
        // Checked, so the framework is there.
        let framework = self
            .library
            .framework(&loaded.result.framework)
            .map_err(|_| None)?;
        let scan = &loaded.result;
        let name = crate::person::normalized_name(&scan.name);
        let person = (!name.is_empty()).then(|| {
            let team = crate::person::normalized_name(scan.team.as_deref().unwrap_or(""));
            format!("{name}\n{team}").into_boxed_str()
        });
        Ok(Checked {
            record: keep(framework, scan, &mut self.interner),
            person,
            started: scan.started.as_str().into(),
            warnings: loaded.warnings,
        })
    }
}

/// Whether a file is a named pipe, a device or a socket (see `crate::input::is_special_file`).
fn is_special(metadata: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        kind.is_fifo() || kind.is_char_device() || kind.is_block_device() || kind.is_socket()
    }
    #[cfg(not(unix))]
    {
        !metadata.is_file() && !metadata.is_dir()
    }
}

/// The text of a file into `bytes`, as `result::read_text` reads it (no larger than a result,
/// UTF-8), with the size already looked up and the buffer of the last file used again.
fn read_text<'b>(
    path: &Path,
    metadata: &std::fs::Metadata,
    bytes: &'b mut Vec<u8>,
) -> Option<&'b str> {
    use std::io::Read;
    if metadata.len() > MAX_RESULT_BYTES {
        return None;
    }
    bytes.clear();
    std::fs::File::open(path)
        .ok()?
        .take(MAX_RESULT_BYTES + 1)
        .read_to_end(bytes)
        .ok()?;
    if bytes.len() as u64 > MAX_RESULT_BYTES {
        return None;
    }
    std::str::from_utf8(bytes).ok()
}

/// The line of the first problem an error names, if any.
fn first_line(error: &Error) -> Option<usize> {
    match error {
        Error::Problems(problems) => problems.first().map(|p| p.line),
        _ => None,
    }
}

/// Says what a file that is not a usable scan is, from its text rather than the error message,
/// which may quote the file.
fn classify(text: &str, error: &Error) -> (Option<usize>, SkipReason) {
    let line = first_line(error);
    let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
        return (line, SkipReason::BrokenYaml);
    };
    // Valid YAML without a `kind:` (plain text, a list, nothing at all) is not a result.
    match value
        .get("kind")
        .and_then(|k| serde_yaml::from_value::<ResultKind>(k.clone()).ok())
    {
        None => (line, SkipReason::NotAResult),
        Some(ResultKind::Interview | ResultKind::Decision) => (line, SkipReason::NotAScan),
        Some(ResultKind::Plan) => (line, SkipReason::Plan),
        Some(ResultKind::Rating) => (line, SkipReason::Rating),
        Some(ResultKind::Scan | ResultKind::Contribution) => (line, SkipReason::Invalid),
    }
}

/// The framework most usable (complete) scans are of; an error when two frameworks have as
/// many, rather than a silent pick.
pub fn most_common_framework<'a, T>(
    read: &Read<'_, T>,
    library: &'a Library,
) -> Result<&'a Framework> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for scan in read.scans.iter().filter(|s| s.complete) {
        if library.framework(&scan.framework).is_ok() {
            *counts.entry(&*scan.framework).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match ranked.as_slice() {
        [] => Err(Error::Usage(crate::t!("team.no_usable_scans"))),
        [(first, a), (second, b), ..] if a == b => Err(Error::Usage(crate::t!(
            "team.framework_tie",
            a = first,
            b = second
        ))),
        [(first, _), ..] => library.framework(first),
    }
}

/// Every file skipped, with why the scans cannot be used when no framework could be chosen for
/// the report: not finished, or of a framework vakwijzer does not know (`vakwijzer report
/// FILE` names it).
pub fn unusable<T>(read: Read<'_, T>, library: &Library) -> Vec<Skipped> {
    let mut skipped = Vec::new();
    for scan in &read.scans {
        let reason = if !scan.complete {
            SkipReason::Incomplete
        } else if library.framework(&scan.framework).is_err() {
            SkipReason::Invalid
        } else {
            continue;
        };
        skipped.push(Skipped {
            file: read.name(scan.file),
            line: None,
            reason,
            detail: None,
        });
    }
    let mut all = read.skipped;
    all.extend(skipped);
    all
}

/// Whether a framework id from a file may be shown: only a well-formed id, so that nothing
/// a person typed elsewhere (a name) can come out through this field.
fn showable_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
}

/// The usable scans of `framework`, one per person (the newest), and every file skipped with
/// its reason.
pub fn select<T>(read: Read<'_, T>, framework: &Framework) -> (Vec<Usable<T>>, Vec<Skipped>) {
    let Read {
        files,
        scans,
        mut skipped,
    } = read;
    let name = |file: usize| files[file].display().to_string();
    // Collected from the scans' own iterator, so that the standard library reuses their
    // allocation in place: a hundred thousand scans are not held twice (issue 30).
    let usable: Vec<(usize, Checked<T>)> = scans
        .into_iter()
        .filter_map(|scan| {
            let skip = |line, reason| Skipped {
                file: name(scan.file),
                line,
                reason,
                detail: None,
            };
            if *scan.framework != framework.id {
                let id = &scan.framework;
                skipped.push(Skipped {
                    detail: showable_id(id).then(|| id.to_string()),
                    ..skip(None, SkipReason::OtherFramework)
                });
                return None;
            }
            if !scan.complete {
                skipped.push(skip(None, SkipReason::Incomplete));
                return None;
            }
            match scan.checked {
                Ok(checked) => Some((scan.file, checked)),
                Err(line) => {
                    skipped.push(skip(line, SkipReason::Invalid));
                    None
                }
            }
        })
        .collect();
    let (kept, older) = newest_per_person(usable, files);
    skipped.extend(older);
    (kept, skipped)
}

/// One scan per person: the newest counts, so a person who scanned twice in a round is not
/// counted twice. A person is the name within a team (two people of one name in one team
/// are not told apart); a scan without a name is always its own person.
fn newest_per_person<T>(
    scans: Vec<(usize, Checked<T>)>,
    files: &[PathBuf],
) -> (Vec<Usable<T>>, Vec<Skipped>) {
    // The newer scan is the later begun, of two begun at once the later file.
    fn order<'s, T>(scan: &'s (usize, Checked<T>), files: &'s [PathBuf]) -> (&'s str, &'s Path) {
        (&scan.1.started, &files[scan.0])
    }
    let mut newest: HashMap<&str, usize> = HashMap::new();
    for (index, scan) in scans.iter().enumerate() {
        let Some(person) = scan.1.person.as_deref() else {
            continue;
        };
        let entry = newest.entry(person).or_insert(index);
        if order(scan, files) > order(&scans[*entry], files) {
            *entry = index;
        }
    }
    // The file of the newest scan of each scan's person, if it has a name.
    let newer: Vec<Option<(usize, usize)>> = scans
        .iter()
        .map(|(_, scan)| {
            let winner = newest[scan.person.as_deref()?];
            Some((winner, scans[winner].0))
        })
        .collect();
    drop(newest);
    let mut older = Vec::new();
    // In place, as in `select`.
    let kept: Vec<Usable<T>> = scans
        .into_iter()
        .enumerate()
        .filter_map(|(index, (file, scan))| match newer[index] {
            Some((winner, newer_file)) if winner != index => {
                older.push(Skipped {
                    file: files[file].display().to_string(),
                    line: None,
                    reason: SkipReason::OlderScan,
                    detail: Some(files[newer_file].display().to_string()),
                });
                None
            }
            _ => Some(Usable {
                record: scan.record,
                warnings: scan.warnings,
            }),
        })
        .collect();
    (kept, older)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_ids_are_shown() {
        assert!(showable_id("generiek"));
        assert!(showable_id("jeugd-2.0"));
        assert!(!showable_id("Jan de Vries"));
        assert!(!showable_id(""));
    }

    #[test]
    fn files_are_classified_without_reading_their_content_back() {
        let error = Error::Usage(String::new());
        let cases = [
            ("kind: scan\nanswers: [1\n", SkipReason::BrokenYaml),
            ("Jan de Vries\n", SkipReason::NotAResult),
            ("- Jan\n- Piet\n", SkipReason::NotAResult),
            ("", SkipReason::NotAResult),
            ("kind: framework\nid: x\n", SkipReason::NotAResult),
            ("kind: interview\n", SkipReason::NotAScan),
            ("kind: rating\nabout: Sanne\n", SkipReason::Rating),
            ("kind: scan\nschema: twee\n", SkipReason::Invalid),
        ];
        for (text, expected) in cases {
            assert_eq!(classify(text, &error).1, expected, "{text:?}");
        }
    }
}
