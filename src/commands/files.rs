//! Where sessions save: a file the user named (never overwritten without a yes), or a free
//! default name in the current folder.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::questionnaire::prompt::Prompter;
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

/// `out` if given (asking before replacing an existing file, refusing without a terminal),
/// else `STEM.yaml`, `STEM-2.yaml`, ... whichever does not exist yet.
pub fn output_path(out: Option<&Path>, stem: &str, prompter: &mut dyn Prompter) -> Result<PathBuf> {
    let Some(path) = out else {
        let mut suffix = 1;
        loop {
            let counter = if suffix > 1 {
                format!("-{suffix}")
            } else {
                String::new()
            };
            let candidate = PathBuf::from(format!("{stem}{counter}.yaml"));
            if !candidate.exists() {
                return Ok(candidate);
            }
            suffix += 1;
        }
    };
    if path.exists() {
        let question = t!("scan.overwrite", path = path.display());
        if !prompter.interactive() || !prompter.confirm(&question)? {
            return Err(Error::Usage(t!("scan.exists", path = path.display())));
        }
    }
    Ok(path.to_path_buf())
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
