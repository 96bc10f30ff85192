//! One writer per result file. A scan or interview holds its result open and locked (an OS
//! advisory lock, `flock` on Unix) for as long as it runs; a second process that wants to write
//! it is refused, and a process that dies loses its lock with it, so nothing is left to block.
//!
//! The lock is on the result itself, not on a lock file next to it: every save writes a temp
//! file, locks it and only then renames it over the result, so whichever file is at the path is
//! locked by the writer at every moment. The replaced file is unlocked once it has no name any
//! more, and someone who locked that one meanwhile sees that it is no longer at the path and
//! tries the one that is. No lock file means none can be left behind.

use std::fs::{File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// A result file this process writes: open, locked, saved atomically.
#[derive(Debug)]
pub struct ResultFile {
    /// The path as the user named it, for messages.
    path: PathBuf,
    /// Where it is written: a result given through a symbolic link is saved over the file the
    /// link leads to, not over the link.
    target: PathBuf,
    /// The file at `target`, locked while this value lives.
    locked: File,
}

/// A name as part of a file name, lowercase letters and digits joined by dashes:
/// "Fleur Bakker" -> "fleur-bakker".
pub fn slug(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// How often `open` tries again when the file it locked was replaced meanwhile. Each retry
/// needs another process to save in between, and that process holds the lock afterwards.
const OPEN_ATTEMPTS: usize = 100;

impl ResultFile {
    /// Creates a new result at `path` holding `contents`, only if nothing is there yet: of two
    /// runs claiming one path, one gets `Some`, the other `None`.
    pub fn create(path: &Path, contents: &[u8]) -> Result<Option<ResultFile>> {
        let temp = write_temp(path, contents)
            .and_then(lock_new)
            .map_err(|e| write_error(path, e))?;
        match temp.persist_noclobber(path) {
            Ok(locked) => {
                sync_folder(path);
                Ok(Some(ResultFile {
                    path: path.to_path_buf(),
                    target: path.to_path_buf(),
                    locked,
                }))
            }
            Err(error) if error.error.kind() == io::ErrorKind::AlreadyExists => Ok(None),
            Err(error) => Err(write_error(path, error.error)),
        }
    }

    /// Takes an existing file at `path` to go on with or to replace; refused while another
    /// process holds it.
    pub fn open(path: &Path) -> Result<ResultFile> {
        let read_error = |source| Error::Read {
            path: path.to_path_buf(),
            source,
        };
        // Opening a named pipe would wait for a writer.
        crate::input::refuse_special_file(path)?;
        let target = path.canonicalize().map_err(read_error)?;
        for _ in 0..OPEN_ATTEMPTS {
            let file = File::open(&target).map_err(read_error)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(in_use(path)),
                Err(TryLockError::Error(source)) => return Err(read_error(source)),
            }
            let now_there = std::fs::metadata(&target).map_err(read_error)?;
            if same_file(&file.metadata().map_err(read_error)?, &now_there) {
                return Ok(ResultFile {
                    path: path.to_path_buf(),
                    target,
                    locked: file,
                });
            }
        }
        Err(in_use(path))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the result with `contents`, atomically: a reader sees the old or the new
    /// version, never a mix, and the lock moves to the new version before it is at the path.
    pub fn save(&mut self, contents: &[u8]) -> Result<()> {
        let error = |source| write_error(&self.path, source);
        let temp = write_temp(&self.target, contents)
            .and_then(lock_new)
            .map_err(error)?;
        let locked = temp.persist(&self.target).map_err(|e| error(e.error))?;
        sync_folder(&self.target);
        self.locked = locked;
        Ok(())
    }

    /// Removes the result, still holding its lock, so that no session can save it again.
    pub fn remove(self) -> Result<()> {
        std::fs::remove_file(&self.target).map_err(|source| write_error(&self.path, source))
    }
}

fn lock_new(temp: NamedTempFile) -> io::Result<NamedTempFile> {
    match temp.as_file().try_lock() {
        Ok(()) => Ok(temp),
        // No one else has a temp file open that was made a moment ago.
        Err(TryLockError::WouldBlock) => Err(io::Error::from(io::ErrorKind::WouldBlock)),
        Err(TryLockError::Error(error)) => Err(error),
    }
}

/// A temp file `.vakwijzer-*.tmp` in the folder of `path` (a rename cannot cross file
/// systems), created owner-only, holding `contents`, flushed to disk.
pub(crate) fn write_temp(path: &Path, contents: &[u8]) -> io::Result<NamedTempFile> {
    let mut temp = tempfile::Builder::new()
        .prefix(".vakwijzer-")
        .suffix(".tmp")
        .tempfile_in(folder_of(path))?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A rename is durable only once the folder itself is synced.
pub(crate) fn sync_folder(path: &Path) {
    if let Ok(dir) = File::open(folder_of(path)) {
        let _ = dir.sync_all();
    }
}

pub(crate) fn write_error(path: &Path, source: io::Error) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

fn in_use(path: &Path) -> Error {
    Error::InUse {
        path: path.to_path_buf(),
    }
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Elsewhere a file that is open cannot be renamed over, so the one locked is the one there.
#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slug("Fleur Bakker"), "fleur-bakker");
        assert_eq!(slug("  Mehmet Yılmaz (2e)"), "mehmet-yılmaz-2e");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn a_new_result_is_claimed_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scan.yaml");
        let first = ResultFile::create(&path, b"one").unwrap();
        assert!(first.is_some());
        assert!(ResultFile::create(&path, b"two").unwrap().is_none());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_held_result_is_refused_and_free_again_after_a_save_and_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scan.yaml");
        let mut held = ResultFile::create(&path, b"one").unwrap().unwrap();
        assert!(matches!(ResultFile::open(&path), Err(Error::InUse { .. })));
        held.save(b"two").unwrap();
        // The lock moved to the file now at the path.
        assert!(matches!(ResultFile::open(&path), Err(Error::InUse { .. })));
        drop(held);
        let mut again = ResultFile::open(&path).unwrap();
        again.save(b"three").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "three");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_result_reached_through_a_link_is_saved_where_the_link_leads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let real = dir.path().join("real/scan.yaml");
        std::fs::write(&real, "one").unwrap();
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let mut file = ResultFile::open(&link).unwrap();
        assert!(matches!(ResultFile::open(&real), Err(Error::InUse { .. })));
        file.save(b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "two");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
