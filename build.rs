//! What start-up would otherwise parse, prepared when building (issue 30): the catalogues of
//! user-facing texts (i18n/*.yaml) as sorted tables the binary looks texts up in, and the
//! bundled data (data/) as JSON as well as YAML, which loads some twenty times faster, with the
//! kind of each document. A catalogue that does not parse fails the build, naming the file; a
//! data file that cannot be JSON is bundled as YAML only, and loads (or is reported) as any
//! file does.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut code = String::new();
    for (table, file) in [("NL", "i18n/nl.yaml"), ("EN", "i18n/en.yaml")] {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let texts: BTreeMap<String, String> =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        // Sorted by key (a BTreeMap of strings orders them as `str` does), for a binary search.
        // Every key and text is in one string, and the table holds where each begins and ends:
        // a table of pointers would have the loader relocate two for every text at every
        // start (issue 30). `{:?}` writes the string as a Rust string literal.
        let mut all = String::new();
        let mut entries = String::new();
        for (key, value) in &texts {
            let start = all.len();
            all.push_str(key);
            let middle = all.len();
            all.push_str(value);
            writeln!(entries, "    [{start}, {middle}, {}],", all.len()).unwrap();
        }
        writeln!(
            code,
            "static {table}: Table = Table {{\n    text: {all:?},\n    entries: &[\n{entries}    ],\n}};"
        )
        .unwrap();
    }
    std::fs::write(out.join("catalogues.rs"), code).expect("writes the tables");
    std::fs::write(out.join("bundled.rs"), bundled()).expect("writes the bundled data");
}

/// The bundled data files, in the order they are loaded.
const BUNDLED: [&str; 9] = [
    "data/scales.yaml",
    "data/frameworks/eindhoven.yaml",
    "data/frameworks/generiek.yaml",
    "data/frameworks/wmo.yaml",
    "data/boks.yaml",
    "data/methods.yaml",
    "data/targets.yaml",
    "data/links.yaml",
    "data/raters.yaml",
];

/// The kinds of document (`DocumentKind`, in whose module the code is included) by the
/// `kind:` that names them.
const KINDS: [(&str, &str); 8] = [
    ("framework", "Framework"),
    ("boks", "Boks"),
    ("links", "Links"),
    ("methods", "Methods"),
    ("scales", "Scales"),
    ("targets", "Targets"),
    ("organisation", "Organisation"),
    ("raters", "Raters"),
];

/// `BUNDLED`: each bundled file's name, its YAML, the same content as JSON, and its kind of
/// document, so that a command loads only the kinds it needs without parsing the rest.
fn bundled() -> String {
    let mut code = String::from("static BUNDLED: &[Bundled] = &[\n");
    for file in BUNDLED {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let value = serde_yaml::from_str::<serde_json::Value>(&text).ok();
        let json = value
            .as_ref()
            .and_then(|value| serde_json::to_string(value).ok());
        let kind = value
            .as_ref()
            .and_then(|value| value.get("kind")?.as_str())
            .and_then(|kind| KINDS.iter().find(|(name, _)| *name == kind))
            .map_or("None".to_string(), |(_, variant)| {
                format!("Some(DocumentKind::{variant})")
            });
        writeln!(
            code,
            "    Bundled {{ name: {file:?}, text: include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{file}\")), json: {json:?}, kind: {kind} }},"
        )
        .unwrap();
    }
    code.push_str("];\n");
    code
}
