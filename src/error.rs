//! Errors at the library boundary. Every problem with something a user gave us names the
//! file (and, where there is one, the line) and says what to do; `main` prints it once.

use std::fmt;
use std::path::PathBuf;

use crate::t;

/// One problem in an input file, at a position, with an optional hint on how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(file: &str, (line, column): (usize, usize), message: String) -> Self {
        Problem {
            file: file.to_string(),
            line,
            column,
            message,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  {}: {hint}", t!("error.hint"))?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems found in input files (data, results, answers); all of them, sorted by file.
    #[error("{}", render_problems(.0))]
    Problems(Vec<Problem>),
    #[error("{}", t!("error.read", path = .path.display(), reason = .source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", t!("error.write", path = .path.display(), reason = .source))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A result another process is writing (a scan or interview still running): one writer
    /// per result.
    #[error("{}", t!("result.in_use", path = .path.display()))]
    InUse { path: PathBuf },
    /// Writing to standard output failed (a closed pipe ends the program quietly).
    #[error("{0}")]
    Output(#[from] std::io::Error),
    /// A request that cannot be met as asked (an unknown id, a missing option), with what to do.
    #[error("{0}")]
    Usage(String),
    /// A PDF could not be made (a font that would not subset, a date that is not a date).
    #[error("{}", t!("error.pdf", reason = .0))]
    Pdf(String),
}

fn render_problems(problems: &[Problem]) -> String {
    let mut out = String::new();
    for problem in problems {
        out.push_str(&problem.to_string());
        out.push('\n');
    }
    if problems.len() == 1 {
        out.push_str(&t!("error.problem_count_one"));
    } else {
        out.push_str(&t!("error.problem_count", count = problems.len()));
    }
    out
}

impl Error {
    /// The exit status for this error: every input or usage problem is 2, like ripgrep.
    pub fn exit_code(&self) -> u8 {
        2
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
