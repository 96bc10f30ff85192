//! Errors at the library boundary. Every problem with something a user gave us names the
//! file (and, where there is one, the line) and says what to do; `main` prints it once.

use std::fmt;
use std::path::PathBuf;

use crate::escape::terminal_path;
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
    #[error("{}", t!("error.read", path = terminal_path(.path), reason = io_reason(.source)))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", t!("error.write", path = terminal_path(.path), reason = io_reason(.source)))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A result another process is writing (a scan or interview still running): one writer
    /// per result.
    #[error("{}", t!("result.in_use", path = .path.display()))]
    InUse { path: PathBuf },
    /// Writing to standard output failed (a closed pipe ends the program quietly).
    #[error("{}", t!("error.output", reason = io_reason(.0)))]
    Output(#[from] std::io::Error),
    /// A request that cannot be met as asked (an unknown id, a missing option), with what to do.
    #[error("{0}")]
    Usage(String),
    /// A PDF could not be made (a font that would not subset, a date that is not a date).
    #[error("{}", t!("error.pdf", reason = .0))]
    Pdf(String),
}

/// Why a file could not be read or written, in the user's language: the operating system's
/// own text is English ("No space left on device"), and a temp file's error adds its path.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind as Kind;
    let key = match error.kind() {
        Kind::NotFound => "io.not_found",
        Kind::PermissionDenied => "io.permission_denied",
        Kind::AlreadyExists => "io.already_exists",
        Kind::StorageFull => "io.storage_full",
        Kind::QuotaExceeded => "io.quota_exceeded",
        Kind::ReadOnlyFilesystem => "io.read_only",
        Kind::IsADirectory => "io.is_a_directory",
        Kind::NotADirectory => "io.not_a_directory",
        Kind::FileTooLarge => "io.file_too_large",
        Kind::InvalidData => "io.invalid_data",
        Kind::UnexpectedEof => "io.unexpected_eof",
        Kind::Interrupted | Kind::WouldBlock | Kind::TimedOut => "io.interrupted",
        Kind::ResourceBusy | Kind::ExecutableFileBusy => "io.busy",
        Kind::InvalidFilename => "io.invalid_filename",
        Kind::TooManyLinks => "io.too_many_links",
        Kind::BrokenPipe => "io.broken_pipe",
        // The number says more to whoever helps than an English text says to the user.
        _ => match error.raw_os_error() {
            Some(code) => return t!("io.other", code = code),
            None => "io.unknown",
        },
    };
    crate::i18n::text(key)
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
