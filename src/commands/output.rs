//! Where a report goes: standard output, or the file named with `-o` (written atomically and
//! owner-only, since reports hold personal data; never over a result or an input unasked).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::OutputArgs;
use crate::error::{Error, Result};
use crate::escape::{terminal_path, terminal_text};
use crate::questionnaire::prompt::{Prompter, TerminalPrompter};
use crate::result::{self, ResultFile, write_atomic};
use crate::t;

pub use crate::render::Rendered;

/// Writes `rendered` to the file named with `-o`, or to `out` when none is named.
pub fn emit(
    rendered: Rendered,
    output: &OutputArgs,
    inputs: &[PathBuf],
    out: &mut dyn Write,
) -> Result<()> {
    let Some(file) = output.output.as_deref() else {
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
            Rendered::Binary { format, .. } if std::io::stdout().is_terminal() => Err(
                Error::Usage(t!("output.binary_to_terminal", format = format)),
            ),
            Rendered::Binary { bytes, .. } => {
                out.write_all(&bytes)?;
                out.flush()?;
                Ok(())
            }
        };
    };
    // Held until the report is in place: no session may save the result meanwhile.
    let _held = may_replace(file, inputs, output.force)?;
    let bytes = match rendered {
        Rendered::Text(mut text) => {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text.into_bytes()
        }
        Rendered::Binary { bytes, .. } => bytes,
    };
    write_atomic(file, &bytes)?;
    let written = t!("output.written", path = terminal_path(file));
    eprintln!("{written}");
    Ok(())
}

/// Whether a report may be written over `file`. A vakwijzer result (of any kind, whatever the
/// file is called) or one of the command's `inputs` is replaced only with `--force` or a yes at
/// a terminal, since a report written over it would lose it; a result a session is writing
/// never. Any other file is replaced. A result to be replaced comes back held.
fn may_replace(file: &Path, inputs: &[PathBuf], force: bool) -> Result<Option<ResultFile>> {
    let same = |input: &PathBuf| match (input.canonicalize(), file.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => input == file,
    };
    let kind = result::result_kind_of(file);
    let refusal = match kind {
        _ if inputs.iter().any(same) => {
            t!("output.would_overwrite_input", path = terminal_path(file))
        }
        Some(kind) => t!(
            "output.would_replace_result",
            path = terminal_path(file),
            kind = kind
        ),
        None => return Ok(None),
    };
    let held = kind.map(|_| ResultFile::open(file)).transpose()?;
    if force {
        return Ok(held);
    }
    if std::io::stdin().is_terminal() {
        let question = format!("{refusal}. {}", t!("output.replace_anyway"));
        if TerminalPrompter::new(std::io::stderr(), 80).confirm(&question)? {
            return Ok(held);
        }
    }
    Err(Error::Usage(format!(
        "{refusal}; {}",
        t!("output.force_hint")
    )))
}
