//! One module per command; each is a short function gluing loading, scoring and rendering.

mod boks;
mod compare;
mod files;
mod forget;
mod frameworks;
mod guide;
mod interview;
mod methods;
mod output;
pub(crate) mod report;
mod roles;
mod scan;
mod share;
pub(crate) mod show;
mod team;
mod validate;

use std::io::Write;
use std::path::PathBuf;

use crate::Result;
use crate::cli::Command;
use crate::framework::Library;
use crate::render::table::output_width;

/// What every command may need: where the organisation's data is and how wide to print.
pub struct Context {
    pub data: Option<PathBuf>,
    /// An organisation's own templates, replacing built-in ones by name.
    pub templates: Option<PathBuf>,
    pub width: u16,
}

impl Context {
    pub fn new(data: Option<PathBuf>, templates: Option<PathBuf>) -> Self {
        Context {
            data,
            templates,
            width: output_width(false),
        }
    }

    /// For a report written to a file (`-o`): as wide as piped output, whatever the terminal.
    pub fn writing_to_file(self) -> Self {
        Context {
            width: output_width(true),
            ..self
        }
    }

    pub fn library(&self) -> Result<Library> {
        Library::load(self.data.as_deref())
    }

    /// How reports are rendered here: with the organisation's templates, at this width.
    pub fn render_options(&self) -> crate::render::Options<'_> {
        crate::render::Options {
            templates: self.templates.as_deref(),
            width: self.width,
        }
    }
}

pub fn execute(context: &Context, command: Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Frameworks { format } => frameworks::run(context, format, out),
        Command::Roles { framework, format } => {
            roles::run(context, framework.as_deref(), format, out)
        }
        Command::Methods { format } => methods::run(context, format, out),
        Command::Show {
            framework,
            competency,
            format,
        } => show::run(context, &framework, competency.as_deref(), format, out),
        Command::Boks { cluster, format } => boks::run(context, cluster.as_deref(), format, out),
        Command::Validate { paths } => validate::run(context, &paths, out),
        Command::Scan {
            framework,
            name,
            competencies,
            out: file,
            resume,
            answers,
            team,
            role,
        } => {
            let options = scan::ScanOptions {
                framework,
                name,
                competencies,
                out: file,
                resume,
                answers,
                team,
                role,
            };
            scan::run(context, options, out)
        }
        Command::Guide {
            framework,
            competencies,
            format,
            output,
        } => guide::run(context, &framework, &competencies, format, &output, out),
        Command::Interview {
            framework,
            candidate,
            interviewer,
            competencies,
            out: file,
            resume,
        } => {
            let options = interview::InterviewOptions {
                framework,
                candidate,
                interviewer,
                competencies,
                out: file,
                resume,
            };
            interview::run(context, options, out)
        }
        Command::Report {
            files,
            role,
            format,
            output,
        } => report::run(context, &files, role.as_deref(), format, &output, out),
        Command::Forget {
            paths,
            name,
            dry_run,
        } => forget::run(&paths, &name, dry_run, out),
        Command::Compare {
            files,
            format,
            output,
        } => compare::run(context, &files, format, &output, out),
        Command::Share {
            scan,
            output,
            anonymous,
        } => share::run(context, &scan, output.as_deref(), anonymous, out),
        Command::Team {
            paths,
            framework,
            min_group,
            by,
            role,
            since,
            format,
            output,
        } => {
            let options = team::TeamOptions {
                paths,
                framework,
                min_group,
                by,
                role,
                since,
                format,
                output,
            };
            team::run(context, options, out)
        }
    }
}

/// A warning or notice on stderr. It may hold file names and texts from files, so it is made
/// safe for the terminal first.
pub(crate) fn warn(message: impl std::fmt::Display) {
    let message = message.to_string();
    eprintln!(
        "vakwijzer: {}",
        crate::render::escape::terminal_text(&message)
    );
}

/// Serializes to pretty JSON; the model types cannot fail to serialize.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}
