//! Clap's own words from the catalogue: the help layout and its headings, the usage line, value
//! names, defaults and possible values, and the messages for every kind of command-line error.
//! clap writes these in English and offers no translation, so the help is laid out by a
//! template and the errors are written here from clap's error kind and context.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::t;

/// Every text of `command` and its subcommands from the catalogue: `help.about`,
/// `help.<command>`, `help.<command>.<arg>`, `help.global.<arg>`, and clap's own words
/// (`clap.*`).
pub fn localize(command: Command) -> Command {
    // From here on, each command is put in the catalogue's words as clap builds it
    // (`localize_command`), which `with_usage` has it do for all of them.
    LOCALIZED.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut command = clap_words(command.about(t!("help.about")))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("clap.version")),
        )
        .after_help(t!("clap.after_help"));
    for arg in GLOBAL_ARGS {
        let help = crate::i18n::text(&format!("help.global.{arg}"));
        command = command.mut_arg(arg, |a| spelled_out(a.help(help)));
    }
    with_usage(command)
}

/// The ids of the options every command takes (`cli::Options`), whose help is `help.global.*`.
const GLOBAL_ARGS: [&str; 3] = ["lang", "data", "templates"];

/// Whether the help is in the catalogue's words (`localize` was called): the commands' own
/// arguments are built only when clap needs them (`cli::Lazy`), and put in those words then.
static LOCALIZED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A command with its arguments just built (`cli::Lazy`): in the catalogue's words when the help
/// is (`localize`), else as it is.
pub fn localize_command(command: Command) -> Command {
    if !LOCALIZED.load(std::sync::atomic::Ordering::Relaxed) {
        return command;
    }
    let name = command.get_name().to_string();
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut command = clap_words(command.about(crate::i18n::text(&format!("help.{name}"))));
    for arg in args {
        let key = match GLOBAL_ARGS.contains(&arg.as_str()) {
            true => format!("help.global.{arg}"),
            false => format!("help.{name}.{arg}"),
        };
        let help = crate::i18n::text(&key);
        command = command.mut_arg(&arg, |a| spelled_out(a.help(help)));
    }
    command
}

/// The help layout and the help flag of one command, in the catalogue's words.
fn clap_words(command: Command) -> Command {
    let template = help_template(&command);
    command
        .help_template(template)
        .subcommand_value_name(t!("clap.command_value"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("clap.help")),
        )
}

/// The layout of a command's help: clap's own template with the headings it would write in
/// English (`{all-args}` has "Arguments:", "Options:", "Commands:") from the catalogue.
fn help_template(command: &Command) -> String {
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n",
        t!("clap.usage")
    );
    if command.has_subcommands() {
        template.push_str(&format!("\n{}:\n{{subcommands}}\n", t!("clap.commands")));
    }
    if command.get_positionals().next().is_some() {
        template.push_str(&format!("\n{}:\n{{positionals}}\n", t!("clap.arguments")));
    }
    template.push_str(&format!(
        "\n{}:\n{{options}}{{after-help}}",
        t!("clap.options")
    ));
    template
}

/// An argument with its value name, default, possible
/// values and environment variable in the catalogue's words rather than clap's.
fn spelled_out(arg: Arg) -> Arg {
    let mut notes = Vec::new();
    if let Some(env) = arg.get_env() {
        notes.push(t!("clap.env", name = env.to_string_lossy()));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        notes.push(t!("clap.default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() {
        notes.push(t!("clap.possible", values = possible.join(", ")));
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let help = match notes.is_empty() {
        true => help,
        false => format!("{help} [{}]", notes.join("] [")),
    };
    let value_names: Vec<String> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|name| value_name(name))
        .collect();
    let arg = arg.help(help).hide_env(true);
    if !arg.get_action().takes_values() {
        return arg;
    }
    let arg = arg.hide_default_value(true).hide_possible_values(true);
    match value_names.is_empty() {
        true => arg,
        false => arg.value_names(value_names),
    }
}

/// A value name (`FILE`) in the catalogue's words (`BESTAND`); unknown ones stay as they are.
fn value_name(name: &str) -> String {
    let key = format!("clap.value.{name}");
    let text = crate::i18n::text(&key);
    if text == key { name.to_string() } else { text }
}

/// Every command with its usage line spelled in the catalogue's words: clap writes
/// `[OPTIONS]` and `<COMMAND>` itself, so the line clap makes is taken and those words replaced.
fn with_usage(mut command: Command) -> Command {
    command.build();
    let usage = catalogue_usage(&command.render_usage().to_string());
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |mut sub| {
            let usage = catalogue_usage(&sub.render_usage().to_string());
            sub.override_usage(usage)
        });
    }
    command.override_usage(usage)
}

/// A usage line of clap without its title, `[OPTIONS]` and `<COMMAND>` in the catalogue's words.
fn catalogue_usage(usage: &str) -> String {
    let line = usage.trim();
    let line = line.split_once(' ').map_or(line, |(_, rest)| rest);
    line.replace("[OPTIONS]", &format!("[{}]", t!("clap.options_value")))
}

/// Prints what clap stopped on, help or an error, and exits: help and version on standard
/// output with status 0, errors on standard error with status 2 and the command's usage.
pub fn exit(error: clap::Error, command: &Command, args: &[OsString]) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            std::process::exit(0);
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            std::process::exit(2);
        }
        _ => {}
    }
    let sub = subcommand_named(command, args);
    let shown = sub.unwrap_or(command);
    let mut out = format!("vakwijzer: {}\n", message(&error));
    if missing_framework(&error) {
        out.push_str(&frameworks_there_are(args));
    }
    let usage = shown.clone().render_usage().to_string();
    let usage = usage
        .split_once(' ')
        .map_or(usage.as_str(), |(_, rest)| rest);
    out.push_str(&format!("\n{} {usage}\n", t!("clap.usage")));
    let path = match sub {
        Some(sub) => format!("vakwijzer {}", sub.get_name()),
        None => "vakwijzer".to_string(),
    };
    out.push_str(&format!("{}\n", t!("clap.more_info", command = path)));
    eprint!("{out}");
    std::process::exit(2);
}

/// The subcommand the arguments name, if any.
fn subcommand_named<'a>(command: &'a Command, args: &[OsString]) -> Option<&'a Command> {
    args.iter()
        .skip(1)
        .find_map(|arg| command.find_subcommand(arg))
}

fn string(error: &clap::Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::String(value)) => value.clone(),
        Some(ContextValue::Strings(values)) => values.join(", "),
        Some(ContextValue::StyledStrs(values)) => values
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::StyledStr(value)) => value.to_string(),
        Some(ContextValue::Number(value)) => value.to_string(),
        _ => String::new(),
    }
}

/// The error in the catalogue's words, with clap's suggestion when it has one.
fn message(error: &clap::Error) -> String {
    let arg = string(error, ContextKind::InvalidArg);
    let value = string(error, ContextKind::InvalidValue);
    let mut text = match error.kind() {
        ErrorKind::MissingRequiredArgument => t!("clap.error.missing", args = arg),
        ErrorKind::MissingSubcommand => t!("clap.error.missing_command"),
        ErrorKind::UnknownArgument => t!("clap.error.unknown_argument", arg = arg),
        ErrorKind::InvalidSubcommand => t!(
            "clap.error.unknown_command",
            command = string(error, ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue if value.is_empty() => t!("clap.error.no_value", arg = arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            t!("clap.error.invalid_value", value = value, arg = arg)
        }
        ErrorKind::ArgumentConflict => {
            let prior = string(error, ContextKind::PriorArg);
            if prior == arg || prior.is_empty() {
                t!("clap.error.twice", arg = arg)
            } else {
                t!("clap.error.conflict", arg = arg, other = prior)
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            t!("clap.error.values", arg = arg)
        }
        ErrorKind::NoEquals => t!("clap.error.no_equals", arg = arg),
        ErrorKind::InvalidUtf8 => t!("clap.error.utf8"),
        _ => t!("clap.error.other"),
    };
    let valid = string(error, ContextKind::ValidValue);
    if !valid.is_empty() {
        text.push_str(&format!("; {}", t!("clap.possible", values = valid)));
    }
    let suggestions = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
        ContextKind::SuggestedSubcommand,
    ]
    .into_iter()
    .find_map(|kind| match error.get(kind) {
        Some(ContextValue::String(one)) => Some(vec![one.clone()]),
        Some(ContextValue::Strings(many)) if !many.is_empty() => Some(many.clone()),
        _ => None,
    });
    if let Some(suggestions) = suggestions {
        let quoted: Vec<String> = suggestions.iter().map(|s| format!("'{s}'")).collect();
        let suggestion = quoted.join(&format!(" {} ", t!("clap.or")));
        text.push_str(&format!(
            " ({})",
            t!("clap.did_you_mean", suggestion = suggestion)
        ));
    }
    text
}

/// Whether the error is a framework id left out (`scan`, `show`, `guide`, `interview`).
fn missing_framework(error: &clap::Error) -> bool {
    let framework = format!("<{}>", value_name("FRAMEWORK"));
    error.kind() == ErrorKind::MissingRequiredArgument
        && match error.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(missing)) => missing.iter().any(|m| m == &framework),
            _ => false,
        }
}

/// The frameworks there are (with `--data` or `VAKWIJZER_DATA`, as the command would load
/// them), one per line; nothing when they cannot be loaded (that error comes once the command
/// is given).
fn frameworks_there_are(args: &[OsString]) -> String {
    let data = crate::cli::raw_option(args, "--data", "VAKWIJZER_DATA");
    let Ok(library) = crate::framework::Library::load(data.as_deref().map(std::path::Path::new))
    else {
        return String::new();
    };
    let width = library
        .frameworks
        .iter()
        .map(|f| f.id.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!("{}\n", t!("clap.frameworks"));
    for framework in &library.frameworks {
        out.push_str(&format!(
            "  {:width$}  {}\n",
            framework.id,
            crate::escape::terminal_line(&framework.name)
        ));
    }
    out
}
