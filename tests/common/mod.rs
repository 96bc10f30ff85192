//! What the tests that run the binary share: the command builder and the example files.
//! (Each test file that uses it says `mod common;`.)

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `vakwijzer` run in `dir` with none of the user's settings and a fixed clock.
pub fn vakwijzer(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("vakwijzer").unwrap();
    command
        .current_dir(dir)
        .env_remove("VAKWIJZER_DATA")
        .env_remove("VAKWIJZER_LANG")
        .env_remove("VAKWIJZER_TEMPLATES")
        .env("VAKWIJZER_NOW", "2026-11-23T10:00:00Z");
    command
}

/// The full path of a file or folder under `data/examples/`.
pub fn example(path: &str) -> String {
    let full: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/examples")
        .join(path);
    full.to_str().unwrap().to_string()
}
