//! `vakwijzer share SCAN [-o FILE] [--anonymous]`: a contribution for a team report, the
//! scan's answers without its notes, and without the name when anonymous.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Context;
use crate::cli::ShareArgs;
use crate::error::{Error, Result};
use crate::result::contribution::Contribution;
use crate::result::{self, ResultFile};
use crate::t;

pub fn run(context: &Context, args: &ShareArgs, out: &mut dyn Write) -> Result<()> {
    let (scan, output, anonymous) = (args.scan.as_path(), args.output.as_deref(), args.anonymous);
    let library = context.library()?;
    // Read and checked as `report` does, so bad input gets the same messages.
    let loaded = result::load_scan(scan, &library)?;
    if !loaded.result.complete {
        return Err(Error::Usage(t!("share.incomplete", path = scan.display())));
    }
    let contribution = Contribution::from_scan(&loaded.result, anonymous);
    let contents = result::file_contents(&contribution)?;
    // The default name holds no name, whoever's scan it is: file names are seen by others.
    let path = output.map_or_else(
        || {
            let id = contribution.id.clone().unwrap_or_default();
            let suffix = if id.is_empty() {
                String::new()
            } else {
                format!("-{id}")
            };
            PathBuf::from(format!(
                "bijdrage-{}-{}{suffix}.yaml",
                contribution.framework, contribution.date
            ))
        },
        Path::to_path_buf,
    );
    if ResultFile::create(&path, &contents)?.is_none() {
        return Err(Error::Usage(t!("share.exists", path = path.display())));
    }
    writeln!(out, "{}", t!("share.written", path = path.display()))?;
    let what = if contribution.is_anonymous() {
        t!("share.anonymous")
    } else {
        t!("share.named")
    };
    writeln!(out, "{what}")?;
    Ok(())
}
