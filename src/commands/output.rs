//! Where a report goes: standard output, or the file named with `-o` (written atomically and
//! owner-only, since reports hold personal data).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::render::escape::{terminal_path, terminal_text};
use crate::result::write_atomic;
use crate::t;

/// A rendered report: text for every format but PDF.
pub enum Rendered {
    Text(String),
    Binary(Vec<u8>),
}

/// Writes `rendered` to `file`, or to `out` when no file is named. A file that is one of the
/// command's `inputs` is never overwritten: a report written over a result would lose it.
pub fn emit(
    rendered: Rendered,
    file: Option<&Path>,
    inputs: &[PathBuf],
    out: &mut dyn Write,
) -> Result<()> {
    let Some(file) = file else {
        return match rendered {
            Rendered::Text(text) => {
                // Names, notes and data texts are in it: a terminal must not obey any of them.
                let text = if std::io::stdout().is_terminal() {
                    terminal_text(text.trim_end())
                } else {
                    text.trim_end().into()
                };
                writeln!(out, "{text}")?;
                Ok(())
            }
            Rendered::Binary(_) if std::io::stdout().is_terminal() => {
                Err(Error::Usage(t!("output.binary_to_terminal")))
            }
            Rendered::Binary(bytes) => {
                out.write_all(&bytes)?;
                out.flush()?;
                Ok(())
            }
        };
    };
    let same = |input: &PathBuf| match (input.canonicalize(), file.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => input == file,
    };
    if inputs.iter().any(same) {
        return Err(Error::Usage(t!(
            "output.would_overwrite_input",
            path = terminal_path(file)
        )));
    }
    let bytes = match rendered {
        Rendered::Text(mut text) => {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text.into_bytes()
        }
        Rendered::Binary(bytes) => bytes,
    };
    write_atomic(file, &bytes)?;
    let written = t!("output.written", path = terminal_path(file));
    eprintln!("{written}");
    Ok(())
}
