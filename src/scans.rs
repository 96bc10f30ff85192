//! Reading the scans of a team: every `*.yaml`/`*.yml` below the given folders, each file
//! either used or skipped with a reason. Reasons name the file and a line, never a person, and
//! never quote the file's content (a broken file may hold a name anywhere).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::framework::{Framework, Library};
use crate::result::{self, Fingerprints, LoadedScan, ResultKind, ScanResult};

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

/// A file read and parsed as a scan, not yet checked against its framework.
pub struct Parsed {
    path: PathBuf,
    text: String,
    result: ScanResult,
}

/// Every file below `paths`, sorted, each once. A path that does not exist is an error (a typo
/// should not pass for an empty team); files given by name are read whatever their extension.
pub fn find_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = files_below(paths, &crate::input::is_yaml)?;
    // A file given twice (a folder and a file in it) must count once.
    let mut seen = BTreeSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok(files)
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

/// Reads and parses every file; what is not a scan at all is skipped here. Parsing is most of
/// the time a team report takes, and files are independent, so it is spread over the cores;
/// the order of the files is kept.
pub fn read_all(files: &[PathBuf]) -> (Vec<Parsed>, Vec<Skipped>) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(64);
    let outcomes: Vec<std::result::Result<Parsed, Skipped>> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(|p| read_one(p)).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            // A worker panics only on a bug; pass it on as if the files were read here.
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
            .collect()
    });
    let mut parsed = Vec::new();
    let mut skipped = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok(scan) => parsed.push(scan),
            Err(skip) => skipped.push(skip),
        }
    }
    (parsed, skipped)
}

fn read_one(path: &Path) -> std::result::Result<Parsed, Skipped> {
    let skip = |line, reason| Skipped {
        file: path.display().to_string(),
        line,
        reason,
        detail: None,
    };
    if crate::input::is_special_file(path) {
        return Err(skip(None, SkipReason::NotAFile));
    }
    let text = result::read_text(path).map_err(|_| skip(None, SkipReason::Unreadable))?;
    match result::contribution::parse_scan_or_contribution(path, &text) {
        Ok(result) => Ok(Parsed {
            path: path.to_path_buf(),
            text,
            result,
        }),
        Err(error) => {
            let (line, reason) = classify(&text, &error);
            Err(skip(line, reason))
        }
    }
}

/// Says what a file that is not a usable scan is, from its text rather than the error message,
/// which may quote the file.
fn classify(text: &str, error: &Error) -> (Option<usize>, SkipReason) {
    let line = match error {
        Error::Problems(problems) => problems.first().map(|p| p.line),
        _ => None,
    };
    let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
        return (line, SkipReason::BrokenYaml);
    };
    // Valid YAML without a `kind:` (plain text, a list, nothing at all) is not a result.
    match value
        .get("kind")
        .and_then(|k| serde_yaml::from_value::<ResultKind>(k.clone()).ok())
    {
        None => (line, SkipReason::NotAResult),
        Some(ResultKind::Interview) => (line, SkipReason::NotAScan),
        Some(ResultKind::Plan) => (line, SkipReason::Plan),
        Some(ResultKind::Rating) => (line, SkipReason::Rating),
        Some(ResultKind::Scan | ResultKind::Contribution) => (line, SkipReason::Invalid),
    }
}

/// The framework most usable (complete) scans are of; an error when two frameworks have as
/// many, rather than a silent pick.
pub fn most_common_framework<'a>(parsed: &[Parsed], library: &'a Library) -> Result<&'a Framework> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for scan in parsed.iter().filter(|p| p.result.complete) {
        if library.framework(&scan.result.framework).is_ok() {
            *counts.entry(scan.result.framework.as_str()).or_default() += 1;
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

/// Why the parsed files cannot be used when no framework could be chosen for the report: not
/// finished, or of a framework vakwijzer does not know (`vakwijzer report FILE` names it).
pub fn unusable(parsed: &[Parsed], library: &Library) -> Vec<Skipped> {
    parsed
        .iter()
        .filter_map(|scan| {
            let reason = if !scan.result.complete {
                SkipReason::Incomplete
            } else if library.framework(&scan.result.framework).is_err() {
                SkipReason::Invalid
            } else {
                return None;
            };
            Some(Skipped {
                file: scan.path.display().to_string(),
                line: None,
                reason,
                detail: None,
            })
        })
        .collect()
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

/// The scans of `framework` that can be used, checked (with their warnings), one per person
/// (the newest), and the files skipped with their reasons.
pub fn select(
    parsed: Vec<Parsed>,
    framework: &Framework,
    library: &Library,
) -> (Vec<LoadedScan>, Vec<Skipped>) {
    let mut skipped = Vec::new();
    let mut usable: Vec<LoadedScan> = Vec::new();
    let mut fingerprints = Fingerprints::default();
    for Parsed {
        path,
        text,
        result: scan,
    } in parsed
    {
        let skip = |line, reason| Skipped {
            file: path.display().to_string(),
            line,
            reason,
            detail: None,
        };
        if scan.framework != framework.id {
            let id = &scan.framework;
            skipped.push(Skipped {
                detail: showable_id(id).then(|| id.clone()),
                ..skip(None, SkipReason::OtherFramework)
            });
            continue;
        }
        if !scan.complete {
            skipped.push(skip(None, SkipReason::Incomplete));
            continue;
        }
        match result::check_scan(&path, &text, scan, library, &mut fingerprints) {
            Ok(loaded) => usable.push(loaded),
            Err(error) => {
                let line = match &error {
                    Error::Problems(problems) => problems.first().map(|p| p.line),
                    _ => None,
                };
                skipped.push(skip(line, SkipReason::Invalid));
            }
        }
    }
    let (kept, older) = newest_per_person(usable);
    skipped.extend(older);
    (kept, skipped)
}

/// One scan per person: the newest counts, so a person who scanned twice in a round is not
/// counted twice. A person is the name within a team (two people of one name in one team
/// are not told apart); a scan without a name is always its own person.
fn newest_per_person(scans: Vec<LoadedScan>) -> (Vec<LoadedScan>, Vec<Skipped>) {
    let key = |scan: &LoadedScan| {
        let name = crate::person::normalized_name(&scan.result.name);
        let team = crate::person::normalized_name(scan.result.team.as_deref().unwrap_or(""));
        (!name.is_empty()).then_some((name, team))
    };
    let mut newest: HashMap<(String, String), usize> = HashMap::new();
    for (index, scan) in scans.iter().enumerate() {
        let Some(person) = key(scan) else { continue };
        let entry = newest.entry(person).or_insert(index);
        let current = &scans[*entry];
        if (&scan.result.started, &scan.path) > (&current.result.started, &current.path) {
            *entry = index;
        }
    }
    let mut kept = Vec::new();
    let mut older = Vec::new();
    for (index, scan) in scans.iter().enumerate() {
        match key(scan).and_then(|person| newest.get(&person)) {
            Some(&winner) if winner != index => older.push(Skipped {
                file: scan.path.display().to_string(),
                line: None,
                reason: SkipReason::OlderScan,
                detail: Some(scans[winner].path.display().to_string()),
            }),
            _ => kept.push(index),
        }
    }
    let mut scans: Vec<Option<LoadedScan>> = scans.into_iter().map(Some).collect();
    let kept = kept
        .into_iter()
        .filter_map(|index| scans[index].take())
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
