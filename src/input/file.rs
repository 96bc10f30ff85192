//! Reading files from outside: sizes limited before anything is read, pipes and devices
//! refused rather than waited for, text that must be UTF-8, and the walk through folders.

use std::path::{Path, PathBuf};

use super::locator::text_position;
use crate::error::{Error, Problem, Result};
use crate::t;

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
            path = crate::escape::terminal_path(path)
        )));
    }
    Ok(())
}

/// Reads a text file of at most `max` bytes. A larger file is refused by its size before it is
/// read; a file whose size says nothing (a pipe, a device like /dev/zero, a file still growing)
/// is read no further than `max + 1` bytes and refused too, so memory stays bounded. Text that is
/// not UTF-8 is refused at the line where it stops being UTF-8.
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
