//! `vakwijzer completions SHELL` and `vakwijzer man`: shell completions and a man page,
//! generated from the command line as `--help` shows it (so in the chosen language).

use std::io::Write;

use crate::Result;
use crate::cli::{CompletionsArgs, Shell};

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    let mut command = crate::cli::command();
    // Into memory first: clap_complete panics when a write fails (a closed pipe), and vakwijzer
    // ends quietly then.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "vakwijzer", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// The man page, `vakwijzer(1)`: the synopsis, every option and every command with its help.
pub fn man(out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(crate::cli::command()).render(out)?;
    Ok(())
}
