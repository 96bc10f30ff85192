//! One module per command; each is a short function gluing loading, scoring and rendering.

mod boks;
mod compare;
mod completions;
mod decide;
mod dossier;
mod feedback;
mod forget;
mod form;
mod frameworks;
mod guide;
mod interview;
mod methods;
mod output;
mod panel;
mod plan;
pub(crate) mod report;
mod roles;
mod scan;
mod session;
mod share;
pub(crate) mod show;
mod status;
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

    /// The library for a command that needs only the documents of `kinds`: the bundled others
    /// are not loaded (`Library::load_of`).
    pub fn library_of(&self, kinds: &[crate::framework::DocumentKind]) -> Result<Library> {
        Library::load_of(self.data.as_deref(), Some(kinds))
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
        Command::Frameworks(args) => frameworks::run(context, &args, out),
        Command::Roles(args) => roles::run(context, &args, out),
        Command::Methods(args) => methods::run(context, &args, out),
        Command::Show(args) => show::run(context, &args, out),
        Command::Boks(args) => boks::run(context, &args, out),
        Command::Validate(args) => validate::run(context, &args, out),
        Command::Scan(args) => scan::run(context, &args, out),
        Command::Form(args) => form::run(context, &args, out),
        Command::Plan(args) => plan::run(context, &args, out),
        Command::Guide(args) => guide::run(context, &args, out),
        Command::Interview(args) => interview::run(context, &args, out),
        Command::Report(args) => report::run(context, &args, out),
        Command::Forget(args) => forget::run(&args, out),
        Command::Compare(args) => compare::run(context, &args, out),
        Command::Panel(args) => panel::run(context, &args, out),
        Command::Decide(args) => decide::run(context, &args, out),
        Command::Dossier(args) => dossier::run(context, &args, out),
        Command::Share(args) => share::run(context, &args, out),
        Command::Team(args) => team::run(context, &args, out),
        Command::Status(args) => status::run(context, &args, out),
        Command::Completions(args) => completions::run(&args, out),
        Command::Man(_) => completions::man(out),
    }
}

/// A warning or notice on stderr. It may hold file names and texts from files, so it is made
/// safe for the terminal first.
pub(crate) fn warn(message: impl std::fmt::Display) {
    let message = message.to_string();
    eprintln!("vakwijzer: {}", crate::escape::terminal_text(&message));
}
