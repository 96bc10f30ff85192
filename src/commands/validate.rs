//! `vakwijzer validate [PATH...]`: checks the bundled data, or the given files and folders
//! as an organisation's data on top of it.

use std::io::Write;
use std::path::PathBuf;

use super::Context;
use crate::Result;
use crate::framework::{Library, load};
use crate::t;

pub fn run(context: &Context, paths: &[PathBuf], out: &mut dyn Write) -> Result<()> {
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
    writeln!(
        out,
        "{}",
        t!(
            "validate.ok",
            count = count,
            frameworks = library.frameworks.len()
        )
    )?;
    Ok(())
}
