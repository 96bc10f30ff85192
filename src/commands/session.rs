//! How every questionnaire session begins: a result gone on with (`--resume FILE`), held from
//! before it is read, or a new one saved at once to a file the user named (never overwritten
//! without a yes) or to a free default name in the current folder, claimed so that no other run
//! can take it. The session itself then saves after every answer (`result::save`).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::SessionArgs;
use crate::error::{Error, Result};
use crate::framework::{Competency, Framework, Library};
use crate::questionnaire::prompt::Prompter;
use crate::result::{self, Record, ResultFile};
use crate::t;

/// The framework a new questionnaire asks (given, or the usage error), with the competencies
/// named by `--competency` checked against it: `asked` picks those it has something to ask of,
/// and `nothing` says so when none is left.
pub fn framework_to_ask<'a>(
    library: &'a Library,
    framework: Option<&str>,
    session: &SessionArgs,
    asked: for<'f> fn(&'f Framework, &[String]) -> Vec<&'f Competency>,
    nothing: impl FnOnce(&Framework) -> String,
) -> Result<&'a Framework> {
    let Some(framework_id) = framework else {
        return Err(Error::Usage(t!("scan.framework_needed")));
    };
    let framework = library.framework(framework_id)?;
    for id in &session.competencies {
        framework.find_competency(id)?;
    }
    if asked(framework, &session.competencies).is_empty() {
        return Err(Error::Usage(nothing(framework)));
    }
    Ok(framework)
}

/// A session's result and the file it is saved to, held (locked) while the session runs.
pub struct Opened<T> {
    pub result: T,
    pub file: ResultFile,
}

/// A session begun: a new result, not saved yet, or one gone on with and held.
pub enum Begun<T> {
    New(T),
    Resumed(Opened<T>),
}

/// Goes on with `--resume FILE`, or begins the result `new` makes. A result gone on with is
/// held before it is read, read and checked as `report` reads it, and its warnings told; `None`
/// when it is finished already, which is said on `out`.
pub fn begin<T: Record>(
    args: &SessionArgs,
    library: &Library,
    out: &mut dyn Write,
    new: impl FnOnce() -> Result<T>,
) -> Result<Option<Begun<T>>> {
    let Some(path) = &args.resume else {
        return new().map(|result| Some(Begun::New(result)));
    };
    let file = ResultFile::open(path)?;
    let loaded = result::record::load::<T>(path, library)?;
    for warning in &loaded.warnings {
        super::warn(warning);
    }
    if loaded.result.complete() {
        writeln!(out, "{}", T::already_complete(path))?;
        return Ok(None);
    }
    let result = loaded.result;
    Ok(Some(Begun::Resumed(Opened { result, file })))
}

impl<T: Record> Begun<T> {
    pub fn result(&self) -> &T {
        match self {
            Begun::New(result) | Begun::Resumed(Opened { result, .. }) => result,
        }
    }

    /// The result and its file: the one gone on with, or, for a new result, the file claimed
    /// for it (`-o FILE`, else a free name from `Record::file_stem`) with the result in it.
    pub fn open(self, args: &SessionArgs, prompter: &mut dyn Prompter) -> Result<Opened<T>> {
        match self {
            Begun::Resumed(opened) => Ok(opened),
            Begun::New(result) => {
                let contents = result::file_contents(&result)?;
                let stem = result.file_stem();
                let file = claim(args.out.as_deref(), &stem, prompter, &contents)?;
                Ok(Opened { result, file })
            }
        }
    }
}

/// Claims the file a new session saves to and writes `contents` (the new result) to it: `out`
/// if given, else `STEM.yaml`, `STEM-2.yaml`, ... whichever is free. A path is claimed by
/// creating it only if nothing is there yet, so two runs never take the same one. An existing
/// `out` is replaced only when a person at a terminal says so, and never while another session
/// holds it.
fn claim(
    out: Option<&Path>,
    stem: &str,
    prompter: &mut dyn Prompter,
    contents: &[u8],
) -> Result<ResultFile> {
    let Some(path) = out else {
        let mut suffix = 1;
        loop {
            let counter = if suffix > 1 {
                format!("-{suffix}")
            } else {
                String::new()
            };
            let candidate = PathBuf::from(format!("{stem}{counter}.yaml"));
            if let Some(file) = ResultFile::create(&candidate, contents)? {
                return Ok(file);
            }
            suffix += 1;
        }
    };
    if let Some(file) = ResultFile::create(path, contents)? {
        return Ok(file);
    }
    let held = ResultFile::open(path);
    if let Err(Error::InUse { .. }) = held {
        return held;
    }
    let question = t!("scan.overwrite", path = path.display());
    if !prompter.interactive() || !prompter.confirm(&question)? {
        return Err(Error::Usage(t!("scan.exists", path = path.display())));
    }
    let mut file = held?;
    file.save(contents)?;
    Ok(file)
}
