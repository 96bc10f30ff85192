//! `vakwijzer validate [PATH...]`: checks the bundled data, or the given files and folders
//! as an organisation's data on top of it.

use std::io::Write;

use super::Context;
use crate::cli::ValidateArgs;
use crate::framework::{Library, load};
use crate::t;
use crate::{Problem, Result};

pub fn run(context: &Context, args: &ValidateArgs, out: &mut dyn Write) -> Result<()> {
    let paths = &args.paths;
    let mut layers = vec![load::bundled_files()];
    if let Some(data) = &context.data {
        layers.push(load::read_files(data)?);
    }
    let mut extra = Vec::new();
    for path in paths {
        extra.extend(load::read_files(path)?);
    }
    let count = layers.iter().map(Vec::len).sum::<usize>() + extra.len();
    if !extra.is_empty() {
        layers.push(extra);
    }
    let library = Library::from_layers(&layers)?;
    for warning in &library.warnings {
        eprintln!("{}", warning_text(warning));
    }
    let frameworks = library.frameworks.len();
    let summary = match library.warnings.len() {
        0 => t!("validate.ok", count = count, frameworks = frameworks),
        warnings => t!(
            "validate.ok_with_warnings",
            count = count,
            frameworks = frameworks,
            warnings = warnings
        ),
    };
    writeln!(out, "{summary}")?;
    Ok(())
}

/// A warning as printed: `file:line:column: let op: message`, and its hint.
pub fn warning_text(warning: &Problem) -> String {
    let mut shown = warning.clone();
    shown.message = format!("{}: {}", t!("warning.label"), warning.message);
    shown.to_string()
}
