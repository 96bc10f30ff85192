//! The command line: clap definitions, one variant per command. Help texts come from the
//! catalogue (see `help::localize`), so `--help` and clap's errors speak the chosen language.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(name = "vakwijzer", version)]
pub struct Cli {
    #[arg(
        long,
        global = true,
        env = "VAKWIJZER_LANG",
        value_enum,
        default_value = "nl"
    )]
    pub lang: Lang,
    #[arg(long, global = true, env = "VAKWIJZER_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    #[arg(long, global = true, env = "VAKWIJZER_TEMPLATES", value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Frameworks {
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    Roles {
        framework: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    Methods {
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    Show {
        framework: String,
        competency: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: ShowFormat,
    },
    Boks {
        #[arg(long, value_name = "ID")]
        cluster: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: BoksFormat,
    },
    Validate {
        paths: Vec<PathBuf>,
    },
    Scan {
        #[arg(required_unless_present = "resume")]
        framework: Option<String>,
        #[arg(long)]
        name: Option<String>,
        #[arg(long = "competency", value_name = "ID")]
        competencies: Vec<String>,
        #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "resume")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        resume: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
        #[arg(long)]
        team: Option<String>,
        #[arg(long)]
        role: Option<String>,
    },
    Guide {
        framework: String,
        #[arg(long = "competency", value_name = "ID")]
        competencies: Vec<String>,
        #[arg(long, value_enum, default_value = "txt")]
        format: GuideFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
    Interview {
        #[arg(required_unless_present = "resume")]
        framework: Option<String>,
        #[arg(long, required_unless_present = "resume")]
        candidate: Option<String>,
        #[arg(long, required_unless_present = "resume")]
        interviewer: Option<String>,
        #[arg(long = "competency", value_name = "ID")]
        competencies: Vec<String>,
        #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "resume")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        resume: Option<PathBuf>,
    },
    Report {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_name = "ID")]
        role: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
    Forget {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long)]
        name: String,
        #[arg(long)]
        dry_run: bool,
    },
    Compare {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
    Share {
        #[arg(value_name = "SCAN")]
        scan: PathBuf,
        #[arg(long = "output", short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        anonymous: bool,
    },
    Team {
        #[arg(required = true, value_name = "FOLDER|FILE")]
        paths: Vec<PathBuf>,
        #[arg(long, value_name = "ID")]
        framework: Option<String>,
        #[arg(long, value_name = "N", default_value_t = crate::report::team::DEFAULT_MIN_GROUP)]
        min_group: usize,
        #[arg(long, value_enum, value_name = "FIELD")]
        by: Option<crate::report::team::GroupField>,
        #[arg(long, value_name = "ID")]
        role: Option<String>,
        #[arg(long, value_name = "FOLDER")]
        since: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
}

impl Command {
    /// The file a report or guide is written to with `-o`, if any.
    pub fn report_file(&self) -> Option<&std::path::Path> {
        match self {
            Command::Guide { output, .. }
            | Command::Report { output, .. }
            | Command::Compare { output, .. }
            | Command::Team { output, .. } => output.output.as_deref(),
            _ => None,
        }
    }
}

/// Where a report goes: `-o FILE`, and `--force` to replace a result or an input with it.
#[derive(Debug, Clone, Default, Args)]
pub struct OutputArgs {
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GuideFormat {
    Md,
    Txt,
    Html,
    Pdf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Md,
    Json,
    Csv,
    Html,
    Pdf,
}

impl From<GuideFormat> for crate::render::Format {
    fn from(format: GuideFormat) -> Self {
        match format {
            GuideFormat::Md => Self::Md,
            GuideFormat::Txt => Self::Txt,
            GuideFormat::Html => Self::Html,
            GuideFormat::Pdf => Self::Pdf,
        }
    }
}

impl From<ReportFormat> for crate::render::Format {
    fn from(format: ReportFormat) -> Self {
        match format {
            ReportFormat::Table => Self::Table,
            ReportFormat::Md => Self::Md,
            ReportFormat::Json => Self::Json,
            ReportFormat::Csv => Self::Csv,
            ReportFormat::Html => Self::Html,
            ReportFormat::Pdf => Self::Pdf,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Md,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Md,
    Json,
    Yaml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BoksFormat {
    Table,
    Md,
    Json,
}

/// The language asked for, read before clap parses so that help and clap's own errors can
/// be localized: `--lang xx`, `--lang=xx`, then `VAKWIJZER_LANG`, else Dutch.
pub fn requested_lang(args: &[OsString]) -> Lang {
    raw_option(args, "--lang", "VAKWIJZER_LANG")
        .and_then(|v| Lang::from_str(&v, true).ok())
        .unwrap_or_default()
}

/// An option's value read from the raw arguments (`--name value`, `--name=value`, the last
/// one given), else from the environment variable `env`.
pub fn raw_option(args: &[OsString], name: &str, env: &str) -> Option<String> {
    let mut value = None;
    let with_equals = format!("{name}=");
    for (index, arg) in args.iter().enumerate() {
        let arg = arg.to_string_lossy();
        if let Some(v) = arg.strip_prefix(&with_equals) {
            value = Some(v.to_string());
        } else if arg == name {
            value = args
                .get(index + 1)
                .map(|v| v.to_string_lossy().into_owned());
        }
    }
    value.or_else(|| std::env::var(env).ok())
}

/// The command line with every text from the catalogue.
pub fn command() -> clap::Command {
    crate::help::localize(Cli::command())
}

/// `vakwijzer help [COMMAND]` as `vakwijzer [COMMAND] --help`: clap's own help command cannot
/// be given words from the catalogue, so it is left out and its spelling kept working here.
fn help_as_flag(mut args: Vec<OsString>) -> Vec<OsString> {
    let takes_value = ["--lang", "--data", "--templates"];
    let mut index = 1;
    while let Some(arg) = args.get(index) {
        let text = arg.to_string_lossy();
        if takes_value.contains(&text.as_ref()) {
            index += 2;
        } else if text.starts_with('-') {
            index += 1;
        } else {
            break;
        }
    }
    if args.get(index).is_some_and(|a| a == "help") {
        args.remove(index);
        args.push("--help".into());
    }
    args
}

/// Parses the arguments; help, version and clap's errors are printed in the catalogue's words
/// and end the process (status 0 for help and version, 2 for errors).
pub fn parse(args: Vec<OsString>) -> Cli {
    let args = help_as_flag(args);
    let command = command();
    let parsed = command
        .clone()
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.unwrap_or_else(|error| crate::help::exit(error, &command, &args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_argument_has_help_in_the_catalogue() {
        let command = command();
        for sub in command.get_subcommands() {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert!(
                !about.starts_with("help."),
                "no help for {}",
                sub.get_name()
            );
            for arg in sub.get_arguments() {
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                assert!(
                    !help.starts_with("help."),
                    "no help for {} {id}",
                    sub.get_name()
                );
            }
        }
    }

    #[test]
    fn lang_is_read_from_either_spelling() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(requested_lang(&args(&["x", "--lang", "en"])), Lang::En);
        assert_eq!(requested_lang(&args(&["x", "--lang=en", "show"])), Lang::En);
    }
}
