//! The command line: clap definitions, one variant per command. Help texts come from the
//! catalogue (see `help::localize`), so `--help` and clap's errors speak the chosen language.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::render::list::ListFormat;
use crate::report::team::GroupField;

#[derive(Debug, Parser)]
#[command(name = "vakwijzer", version)]
pub struct Cli {
    #[command(flatten)]
    pub options: Options,
    #[command(subcommand)]
    pub command: Command,
}

/// The options every command takes, before the command's name or after it. They are not
/// clap's global arguments, which clap copies into all the commands at every start (a third of
/// what parsing a command line allocated, issue 30): each command is given them as it is built
/// (`Lazy`), and what was given after the command's name counts (`cli_of`).
#[derive(Debug, Clone, Args)]
pub struct Options {
    #[arg(long, env = "VAKWIJZER_LANG", value_enum, default_value = "nl")]
    pub lang: Lang,
    #[arg(long, env = "VAKWIJZER_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    #[arg(long, env = "VAKWIJZER_TEMPLATES", value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// One variant per command, each holding its arguments as clap parsed them; the commands
/// take these structs as they are (`commands::execute`).
#[derive(Debug, Subcommand)]
pub enum Command {
    Frameworks(Lazy<FrameworksArgs>),
    Roles(Lazy<RolesArgs>),
    Methods(Lazy<MethodsArgs>),
    Show(Lazy<ShowArgs>),
    Boks(Lazy<BoksArgs>),
    Validate(Lazy<ValidateArgs>),
    Scan(Lazy<ScanArgs>),
    Form(Lazy<FormArgs>),
    Plan(Lazy<PlanArgs>),
    Guide(Lazy<GuideArgs>),
    Interview(Lazy<InterviewArgs>),
    Report(Lazy<ReportArgs>),
    Forget(Lazy<ForgetArgs>),
    Compare(Lazy<CompareArgs>),
    Panel(Lazy<PanelArgs>),
    Decide(Lazy<DecideArgs>),
    Dossier(Lazy<DossierArgs>),
    Share(Lazy<ShareArgs>),
    Team(Lazy<TeamArgs>),
    Status(Lazy<StatusArgs>),
    Completions(Lazy<CompletionsArgs>),
    Man(Lazy<ManArgs>),
}

impl Command {
    /// The file a report or guide is written to with `-o`, if any.
    pub fn report_file(&self) -> Option<&std::path::Path> {
        match self {
            Command::Guide(Lazy(GuideArgs { output, .. }))
            | Command::Report(Lazy(ReportArgs { output, .. }))
            | Command::Compare(Lazy(CompareArgs { output, .. }))
            | Command::Panel(Lazy(PanelArgs { output, .. }))
            | Command::Dossier(Lazy(DossierArgs { output, .. }))
            | Command::Team(Lazy(TeamArgs { output, .. }))
            | Command::Form(Lazy(FormArgs { output, .. })) => output.output.as_deref(),
            _ => None,
        }
    }
}

/// A command's arguments, which clap builds only when that command is the one given: building
/// the arguments of all the commands at every start took a third of the time a command like
/// `frameworks` takes (issue 30). When the help is in the catalogue's words (`command`), each
/// command is put in them as it is built (`help::localize_command`).
#[derive(Debug, Clone)]
pub struct Lazy<T>(pub T);

impl<T> std::ops::Deref for Lazy<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Lazy)
    }

    fn from_arg_matches_mut(matches: &mut clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(matches).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }

    fn update_from_arg_matches_mut(
        &mut self,
        matches: &mut clap::ArgMatches,
    ) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

impl<T: Args> Args for Lazy<T> {
    fn augment_args(command: clap::Command) -> clap::Command {
        command.defer(|command| {
            crate::help::localize_command(Options::augment_args(T::augment_args(command)))
        })
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        command.defer(|command| {
            let command = T::augment_args_for_update(command);
            crate::help::localize_command(Options::augment_args_for_update(command))
        })
    }

    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

// The argument structs carry no doc comments: clap would take them as the commands' help,
// which comes from the catalogue instead (`help::localize`).

#[derive(Debug, Clone, Args)]
pub struct FrameworksArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Args)]
pub struct RolesArgs {
    pub framework: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Args)]
pub struct MethodsArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    pub framework: String,
    pub competency: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ShowFormat,
}

#[derive(Debug, Clone, Args)]
pub struct BoksArgs {
    #[arg(long, value_name = "ID")]
    pub cluster: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: BoksFormat,
}

#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    #[arg(required_unless_present = "resume", value_name = "SCAN")]
    pub scan: Option<PathBuf>,
    #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "resume")]
    pub out: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct FormArgs {
    pub framework: String,
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ScanArgs {
    #[arg(required_unless_present = "resume")]
    pub framework: Option<String>,
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub session: SessionArgs,
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    #[arg(long, conflicts_with = "about")]
    pub team: Option<String>,
    #[arg(long, conflicts_with = "about")]
    pub role: Option<String>,
    #[arg(long, value_name = "NAME", conflicts_with = "name", requires = "rater")]
    pub about: Option<String>,
    #[arg(long, value_name = "KIND", requires = "about")]
    pub rater: Option<String>,
    #[arg(long, value_name = "NAME", requires = "about")]
    pub rater_name: Option<String>,
}

/// What a questionnaire session is begun or gone on with: which competencies it asks, the
/// file a new one is saved to, or the file of one to resume.
#[derive(Debug, Clone, Args)]
pub struct SessionArgs {
    #[arg(long = "competency", value_name = "ID")]
    pub competencies: Vec<String>,
    #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "resume")]
    pub out: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct GuideArgs {
    pub framework: String,
    #[arg(long = "competency", value_name = "ID")]
    pub competencies: Vec<String>,
    #[arg(long = "question", value_name = "ID")]
    pub questions: Vec<String>,
    #[arg(long, value_enum, default_value = "txt")]
    pub format: GuideFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct InterviewArgs {
    #[arg(required_unless_present = "resume")]
    pub framework: Option<String>,
    #[arg(long, required_unless_present = "resume")]
    pub candidate: Option<String>,
    #[arg(long, required_unless_present = "resume")]
    pub interviewer: Option<String>,
    #[command(flatten)]
    pub session: SessionArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub vacancy: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    #[arg(required = true, value_name = "FOLDER|FILE")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Args)]
pub struct ForgetArgs {
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub vacancy: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct PanelArgs {
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct DecideArgs {
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "resume")]
    pub out: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct DossierArgs {
    #[arg(required = true, value_name = "FOLDER|FILE")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "NAME")]
    pub candidate: Option<String>,
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: DossierFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The dossier is for printing and handing over; the others read it in a browser or editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DossierFormat {
    Pdf,
    Html,
    Md,
}

impl From<DossierFormat> for crate::render::Format {
    fn from(format: DossierFormat) -> Self {
        match format {
            DossierFormat::Pdf => Self::Pdf,
            DossierFormat::Html => Self::Html,
            DossierFormat::Md => Self::Md,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct ShareArgs {
    #[arg(value_name = "SCAN")]
    pub scan: PathBuf,
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub anonymous: bool,
}

#[derive(Debug, Clone, Args)]
pub struct TeamArgs {
    #[arg(required = true, value_name = "FOLDER|FILE")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "ID")]
    pub framework: Option<String>,
    #[arg(long, value_name = "N", default_value_t = crate::report::team::DEFAULT_MIN_GROUP)]
    pub min_group: usize,
    #[arg(long, value_enum, value_name = "FIELD")]
    pub by: Option<GroupField>,
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    #[arg(long, value_name = "FOLDER")]
    pub since: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `team --by`: the field of the scans a team report is split by. Written out here rather
/// than derived, so that the report model knows nothing of clap.
impl ValueEnum for GroupField {
    fn value_variants<'a>() -> &'a [Self] {
        &[GroupField::Team, GroupField::Role]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            GroupField::Team => "team",
            GroupField::Role => "role",
        }))
    }
}

/// `--lang`: the languages of the catalogue, spelled by their codes. Written out here, as
/// for `GroupField`, so that `i18n` knows nothing of clap.
impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::Nl, Lang::En]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.code()))
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
    Xlsx,
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
            ReportFormat::Xlsx => Self::Xlsx,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The shells `vakwijzer completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, Clone, Args)]
pub struct ManArgs {}

/// `--format` of the lists, whose enum lives with their renderer (`render::list`); written
/// out here, as for `GroupField`, so that the renderer knows nothing of clap.
impl ValueEnum for ListFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            ListFormat::Table,
            ListFormat::Md,
            ListFormat::Json,
            ListFormat::Csv,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            ListFormat::Table => "table",
            ListFormat::Md => "md",
            ListFormat::Json => "json",
            ListFormat::Csv => "csv",
        }))
    }
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
    // Most command lines are parsed without the catalogue's words, which only help, version
    // and errors show and which take most of the time of a parse to put in (issue 30); any
    // other line is parsed again with them, to say what it says in them.
    let plain = Cli::command()
        .try_get_matches_from(&args)
        .and_then(|matches| cli_of(&matches));
    if let Ok(cli) = plain {
        return cli;
    }
    let command = command();
    let parsed = command
        .clone()
        .try_get_matches_from(&args)
        .and_then(|matches| cli_of(&matches));
    parsed.unwrap_or_else(|error| crate::help::exit(error, &command, &args))
}

/// The parsed command line, with the options given after the command's name taking the place
/// of those before it (`Options`).
fn cli_of(matches: &clap::ArgMatches) -> Result<Cli, clap::Error> {
    let mut cli = Cli::from_arg_matches(matches)?;
    if let Some((_, after)) = matches.subcommand() {
        let given =
            |id: &str| after.value_source(id) == Some(clap::parser::ValueSource::CommandLine);
        if given("lang") {
            cli.options.lang = *after.get_one::<Lang>("lang").expect("a parsed --lang");
        }
        if given("data") {
            cli.options.data = after.get_one::<PathBuf>("data").cloned();
        }
        if given("templates") {
            cli.options.templates = after.get_one::<PathBuf>("templates").cloned();
        }
    }
    Ok(cli)
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
