//! vakwijzer: competency frameworks for Dutch social-domain teams, as data, and the commands
//! that serve professionals, recruiters and trainers with them.

pub mod cli;
pub mod commands;
pub mod error;
pub mod escape;
pub mod form;
pub mod framework;
pub mod help;
pub mod i18n;
pub mod input;
pub mod layout;
pub mod person;
pub mod questionnaire;
pub mod records;
pub mod render;
pub mod report;
pub mod result;
pub mod scans;
pub mod score;
pub mod vacancy;
pub mod wrap;

pub use error::{Error, Problem, Result};

/// Runs one parsed command line.
pub fn run(cli: cli::Cli) -> Result<()> {
    let mut context =
        commands::Context::new(cli.options.data.clone(), cli.options.templates.clone());
    if cli.command.report_file().is_some() {
        context = context.writing_to_file();
    }
    let mut stdout = std::io::stdout().lock();
    commands::execute(&context, cli.command, &mut stdout)
}
