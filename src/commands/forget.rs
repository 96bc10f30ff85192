//! `vakwijzer forget <FOLDER|FILES...> --name NAME`: the right to be forgotten. Looks at every
//! file below the paths, whatever it is called, and follows links to files as the team report
//! does; removes every result about the person (their scans and contributions, the interviews
//! with them as the candidate, and temp files a crash left holding their name, also when cut
//! off) and says exactly what it removed. What it cannot decide it lists for the user: files it
//! cannot read, other spellings of the name, files that only mention it, interviews the person
//! held as the interviewer.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::ForgetArgs;
use crate::error::{Error, Result};
use crate::escape::{terminal_line, terminal_path};
use crate::person::{maybe_same_person, normalized_name, same_person};
use crate::result::{self, ResultFile};
use crate::scans::files_below;
use crate::t;

/// What a file is to the person looked for.
enum Finding {
    /// A result about them: removed.
    About,
    /// An interview they held: it is about the candidate, and stays.
    Interviewer,
    /// A rating they gave of someone else: it stays, without their name.
    Rater,
    /// A result about someone whose name may be theirs, spelled otherwise.
    OtherSpelling(String),
    /// Not about them but holding their name (a report, a note about a colleague).
    Mentions,
    /// A result or temp file that cannot be read as one.
    Unreadable,
}

/// Whom a result names: its subjects (the `name` of a scan or contribution, the `candidate` of
/// an interview) and its interviewers.
#[derive(Default)]
struct People {
    subjects: Vec<String>,
    interviewers: Vec<String>,
    raters: Vec<String>,
}

#[derive(Deserialize)]
struct Who {
    name: Option<String>,
    candidate: Option<String>,
    interviewer: Option<String>,
    /// Whom a rating (360) is about, and who gave it.
    about: Option<String>,
    rater_name: Option<String>,
}

impl People {
    fn add(&mut self, who: Who) {
        self.subjects.extend(who.name);
        self.subjects.extend(who.candidate);
        self.subjects.extend(who.about);
        self.interviewers.extend(who.interviewer);
        self.raters.extend(who.rater_name);
    }
}

/// The people a result's text names, and whether the whole of it reads as YAML. A file that
/// does not (a YAML error, cut off mid-way, not UTF-8) is read line by line: each top-level
/// `name:`, `candidate:` or `interviewer:` line on its own still says whom it is about.
fn people_in(text: &str, whole: bool) -> (People, bool) {
    let mut people = People::default();
    if whole && let Ok(who) = serde_yaml::from_str::<Who>(text) {
        people.add(who);
        return (people, true);
    }
    let person_lines = text.lines().filter(|line| {
        [
            "name:",
            "candidate:",
            "interviewer:",
            "about:",
            "rater_name:",
        ]
        .iter()
        .any(|key| line.starts_with(key))
    });
    for line in person_lines {
        if let Ok(who) = serde_yaml::from_str::<Who>(line) {
            people.add(who);
        }
    }
    (people, false)
}

/// Whether `text` holds the (normalised) `person` as a whole name, however it is spaced or
/// cased: the search for a name in files that do not read as results.
fn mentions(text: &str, person: &str) -> bool {
    let haystack = normalized_name(text);
    haystack.match_indices(person).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + person.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn is_temp_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with(".vakwijzer-") && name.ends_with(".tmp")
}

/// What the file at `path` is to `person` (normalised); `None` when it has nothing to do with
/// them.
fn examine(path: &Path, person: &str) -> Option<Finding> {
    let Ok((bytes, whole)) = result::read_prefix(path) else {
        return Some(Finding::Unreadable);
    };
    let text = String::from_utf8_lossy(&bytes);
    let temp = is_temp_file(path);
    if result::result_kind_in(&text).is_none() && !temp {
        return mentions(&text, person).then_some(Finding::Mentions);
    }
    let utf8 = std::str::from_utf8(&bytes).is_ok();
    let (people, readable) = people_in(&text, whole && utf8);
    let is_them = |names: &[String]| names.iter().any(|n| same_person(n, person));
    if is_them(&people.subjects) {
        return Some(Finding::About);
    }
    if is_them(&people.interviewers) {
        return Some(Finding::Interviewer);
    }
    if readable && is_them(&people.raters) {
        return Some(Finding::Rater);
    }
    // A temp file cut off before its name line still holds what came before it.
    if temp && mentions(&text, person) {
        return Some(Finding::About);
    }
    if !readable {
        return Some(Finding::Unreadable);
    }
    if let Some(other) = people
        .subjects
        .iter()
        .find(|n| maybe_same_person(n, person))
    {
        return Some(Finding::OtherSpelling(other.clone()));
    }
    mentions(&text, person).then_some(Finding::Mentions)
}

/// What was found, per kind of finding, in the order of the files.
#[derive(Default)]
struct Found {
    /// Removed (or to be): the path as found, and where it leads when it is a link.
    about: Vec<(PathBuf, Option<PathBuf>)>,
    interviewer: Vec<PathBuf>,
    /// Ratings they gave, their name taken out (or to be).
    rater: Vec<PathBuf>,
    other_spelling: Vec<(PathBuf, String)>,
    mentions: Vec<PathBuf>,
    unreadable: Vec<PathBuf>,
    in_use: Vec<PathBuf>,
}

/// Removes the result at `path` (and, when `path` is a link, the file it leads to as well),
/// holding it so that no running session saves it again. `Ok(false)`: a session holds it.
fn remove(path: &Path, target: Option<&Path>, removed: &BTreeSet<PathBuf>) -> Result<bool> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let already = target.is_some_and(|t| removed.contains(t));
    if !already {
        match ResultFile::open(path) {
            Ok(held) => held.remove()?,
            Err(Error::InUse { .. }) => return Ok(false),
            Err(error) => return Err(error),
        }
    }
    if target.is_some() {
        std::fs::remove_file(path).map_err(write_error)?;
    }
    Ok(true)
}

pub fn run(args: &ForgetArgs, out: &mut dyn Write) -> Result<()> {
    let (paths, dry_run) = (&args.paths, args.dry_run);
    let name = &args.name;
    let person = normalized_name(name);
    if person.is_empty() {
        return Err(Error::Usage(t!("forget.name_needed")));
    }
    let mut found = Found::default();
    let mut removed = BTreeSet::new();
    // A named pipe would wait for a writer and a device has no end: no result is one.
    let regular = |path: &std::path::Path| !crate::input::is_special_file(path);
    for file in files_below(paths, &regular)? {
        let is_link = std::fs::symlink_metadata(&file).is_ok_and(|m| m.is_symlink());
        let target = is_link.then(|| file.canonicalize().ok()).flatten();
        // A file already removed through a link to it.
        if !is_link
            && file
                .canonicalize()
                .is_ok_and(|real| removed.contains(&real))
        {
            continue;
        }
        match examine(&file, &person) {
            None => {}
            Some(Finding::About) => {
                if !dry_run && !remove(&file, target.as_deref(), &removed)? {
                    found.in_use.push(file);
                    continue;
                }
                let line = match &target {
                    Some(target) if dry_run => t!(
                        "forget.would_remove_link",
                        path = terminal_path(&file),
                        target = terminal_path(target)
                    ),
                    Some(target) => t!(
                        "forget.removed_link",
                        path = terminal_path(&file),
                        target = terminal_path(target)
                    ),
                    None if dry_run => t!("forget.would_remove", path = terminal_path(&file)),
                    None => t!("forget.removed", path = terminal_path(&file)),
                };
                writeln!(out, "{line}")?;
                removed.extend(target.clone().or_else(|| file.canonicalize().ok()));
                found.about.push((file, target));
            }
            Some(Finding::Interviewer) => found.interviewer.push(file),
            Some(Finding::Rater) => {
                if !dry_run && !remove_rater_name(&file)? {
                    found.in_use.push(file);
                    continue;
                }
                found.rater.push(file);
            }
            Some(Finding::OtherSpelling(other)) => found.other_spelling.push((file, other)),
            Some(Finding::Mentions) => found.mentions.push(file),
            Some(Finding::Unreadable) => found.unreadable.push(file),
        }
    }
    report(&found, name, dry_run, out)
}

/// Takes the rater's name out of a rating they gave: the rating stays, anonymous. Held while
/// it is rewritten, so that no running session saves the name back. `Ok(false)`: a session
/// holds it.
fn remove_rater_name(path: &Path) -> Result<bool> {
    let mut held = match ResultFile::open(path) {
        Ok(held) => held,
        Err(Error::InUse { .. }) => return Ok(false),
        Err(error) => return Err(error),
    };
    let text = result::read_text(path)?;
    let mut rating = result::record::parse::<result::rating::RatingResult>(path, &text)?;
    rating.rater_name = None;
    held.save(&result::file_contents(&rating)?)?;
    Ok(true)
}

/// The summary and the lists of what is left for the user to decide or check.
fn report(found: &Found, name: &str, dry_run: bool, out: &mut dyn Write) -> Result<()> {
    let name = terminal_line(name);
    let count = found.about.len();
    let summary = match (count, dry_run) {
        (0, _) if !found.rater.is_empty() => t!("forget.nothing", name = &name),
        (0, _) if !found.interviewer.is_empty() => t!("forget.only_interviewer", name = &name),
        (0, _) => t!("forget.nothing", name = &name),
        (_, true) => t!("forget.dry_run_summary", count = count, name = &name),
        (_, false) => t!("forget.summary", count = count, name = &name),
    };
    writeln!(out, "{summary}")?;
    let paths = |files: &[PathBuf]| files.iter().map(|f| terminal_path(f)).collect::<Vec<_>>();
    let other_spellings: Vec<String> = found
        .other_spelling
        .iter()
        .map(|(file, other)| {
            t!(
                "forget.other_spelling_entry",
                path = terminal_path(file),
                other = terminal_line(other)
            )
        })
        .collect();
    let rater_heading = match dry_run {
        true => t!("forget.would_unname", name = &name),
        false => t!("forget.unnamed", name = &name),
    };
    let sections = [
        (rater_heading, paths(&found.rater)),
        (t!("forget.in_use"), paths(&found.in_use)),
        (t!("forget.unreadable"), paths(&found.unreadable)),
        (t!("forget.other_spelling"), other_spellings),
        (t!("forget.mentions", name = &name), paths(&found.mentions)),
        (
            t!("forget.interviewer", name = &name),
            paths(&found.interviewer),
        ),
    ];
    for (heading, entries) in sections {
        if entries.is_empty() {
            continue;
        }
        writeln!(out, "\n{heading}")?;
        for entry in entries {
            writeln!(out, "  {entry}")?;
        }
    }
    if !found.in_use.is_empty() {
        return Err(Error::Usage(t!(
            "forget.not_all_removed",
            count = found.in_use.len(),
            name = &name
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_whole_however_it_is_spaced() {
        let person = normalized_name("Noor El Amrani");
        assert!(mentions("name: Noor  El\u{00A0}Amrani\n", &person));
        assert!(mentions("candidate: \"NOOR EL AMRANI\"", &person));
        assert!(!mentions("name: Noor El Amranis", &person));
        assert!(!mentions("name: Noor El Am", &person));
    }

    #[test]
    fn a_broken_or_cut_off_result_still_says_whom_it_is_about() {
        let text = "kind: interview\ncandidate: \"Noor\\u00A0El Amrani\"\ninterviewer: Pieter\nratings: [\n";
        let (people, readable) = people_in(text, true);
        assert!(!readable);
        assert_eq!(people.subjects, ["Noor\u{00A0}El Amrani"]);
        assert_eq!(people.interviewers, ["Pieter"]);
    }
}
