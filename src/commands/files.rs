//! Where sessions save: a file the user named (never overwritten without a yes), or a free
//! default name in the current folder; claimed so that no other run can take it.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::questionnaire::prompt::Prompter;
use crate::result::ResultFile;
use crate::t;

/// Lowercase letters and digits joined by dashes: "Fleur Bakker" -> "fleur-bakker".
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

/// Claims the file a new session saves to and writes `contents` (the new result) to it: `out`
/// if given, else `STEM.yaml`, `STEM-2.yaml`, ... whichever is free. A path is claimed by
/// creating it only if nothing is there yet, so two runs never take the same one. An existing
/// `out` is replaced only when a person at a terminal says so, and never while another session
/// holds it.
pub fn claim(
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

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slug("Fleur Bakker"), "fleur-bakker");
        assert_eq!(slug("  Mehmet Yılmaz (2e)"), "mehmet-yılmaz-2e");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
    }
}
