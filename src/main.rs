//! The vakwijzer binary: parse the arguments, run one command, turn errors into messages and
//! exit codes. Everything else lives in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    vakwijzer::i18n::init(vakwijzer::cli::requested_lang(&args));
    let cli = vakwijzer::cli::parse(args);
    match vakwijzer::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(vakwijzer::Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(error) => {
            let message = error.to_string();
            eprintln!("vakwijzer: {}", vakwijzer::escape::terminal_text(&message));
            ExitCode::from(error.exit_code())
        }
    }
}
