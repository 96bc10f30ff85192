//! `vakwijzer forget <FOLDER|FILES...> --name NAME`: the right to be forgotten. Removes every
//! result about one person (their scans, the interviews with them as the candidate, and any
//! temp file a crash left behind holding their data) and says exactly what it removed.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::render::escape::{terminal_line, terminal_path};
use crate::result::{ResultKind, read_text};
use crate::t;

/// Just what identifies whom a result file is about.
#[derive(Deserialize)]
struct Who {
    kind: Option<ResultKind>,
    name: Option<String>,
    candidate: Option<String>,
}

/// Every file below `path` (the file itself when it is one). Symbolic links are not followed,
/// so the walk stays inside what the user named.
fn walk(path: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let metadata = std::fs::symlink_metadata(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if metadata.is_file() {
        found.push(path.to_path_buf());
    } else if metadata.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            walk(&child, found)?;
        }
    }
    Ok(())
}

fn is_candidate_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".yaml")
        || name.ends_with(".yml")
        || (name.starts_with(".vakwijzer-") && name.ends_with(".tmp"))
}

/// Whether the result file at `path` is about `person` (names compared as `crate::person` says).
fn is_about(path: &Path, person: &str) -> bool {
    let Ok(text) = read_text(path) else {
        return false;
    };
    let Ok(who) = serde_yaml::from_str::<Who>(&text) else {
        return false;
    };
    let subject = match who.kind {
        Some(ResultKind::Scan | ResultKind::Contribution) => who.name,
        Some(ResultKind::Interview) => who.candidate,
        None => None,
    };
    subject.is_some_and(|s| crate::person::same_person(&s, person))
}

pub fn run(paths: &[PathBuf], name: &str, dry_run: bool, out: &mut dyn Write) -> Result<()> {
    let person = crate::person::normalized_name(name);
    if person.is_empty() {
        return Err(Error::Usage(t!("forget.name_needed")));
    }
    let mut files = Vec::new();
    for path in paths {
        walk(path, &mut files)?;
    }
    let about: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| is_candidate_file(f) && is_about(f, &person))
        .collect();
    if about.is_empty() {
        writeln!(out, "{}", t!("forget.nothing", name = terminal_line(name)))?;
        return Ok(());
    }
    for file in &about {
        if dry_run {
            writeln!(
                out,
                "{}",
                t!("forget.would_remove", path = terminal_path(file))
            )?;
        } else {
            std::fs::remove_file(file).map_err(|source| Error::Write {
                path: file.clone(),
                source,
            })?;
            writeln!(out, "{}", t!("forget.removed", path = terminal_path(file)))?;
        }
    }
    let summary = if dry_run {
        t!(
            "forget.dry_run_summary",
            count = about.len(),
            name = terminal_line(name)
        )
    } else {
        t!(
            "forget.summary",
            count = about.len(),
            name = terminal_line(name)
        )
    };
    writeln!(out, "{summary}")?;
    Ok(())
}
