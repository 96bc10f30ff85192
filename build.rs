//! What start-up would otherwise parse, prepared when building (issue 30): the catalogues of
//! user-facing texts (i18n/*.yaml) as sorted tables the binary looks texts up in, and the
//! bundled data (data/) as JSON as well as YAML, which loads some twenty times faster. A
//! catalogue that does not parse fails the build, naming the file; a data file that cannot be
//! JSON is bundled as YAML only, and loads (or is reported) as any file does.

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
        // Sorted by key (a BTreeMap of strings orders them as `str` does), for a binary search;
        // `{:?}` writes each as a Rust string literal.
        writeln!(code, "static {table}: &[(&str, &str)] = &[").unwrap();
        for (key, value) in &texts {
            writeln!(code, "    ({key:?}, {value:?}),").unwrap();
        }
        writeln!(code, "];").unwrap();
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

/// `BUNDLED`: each bundled file's name, its YAML and the same content as JSON.
fn bundled() -> String {
    let mut code = String::from("const BUNDLED: &[(&str, &str, Option<&str>)] = &[\n");
    for file in BUNDLED {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let json = serde_yaml::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|value| serde_json::to_string(&value).ok());
        writeln!(
            code,
            "    ({file:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{file}\")), {json:?}),"
        )
        .unwrap();
    }
    code.push_str("];\n");
    code
}
