//! The catalogue of user-facing strings. Each language is one YAML file in `i18n/`
//! (key -> text, `{name}` placeholders); adding a language is adding a file and a variant
//! (and a line in build.rs, which compiles each file into a table sorted by key).

use std::collections::HashMap;
use std::sync::OnceLock;

/// A catalogue compiled by build.rs: its keys and texts in one string, and for each entry,
/// sorted by key, where its key begins, where its text begins and where that ends.
struct Table {
    text: &'static str,
    entries: &'static [[u32; 3]],
}

impl Table {
    fn entry(&self, [start, middle, end]: [u32; 3]) -> (&'static str, &'static str) {
        let text = self.text;
        let (start, middle, end) = (start as usize, middle as usize, end as usize);
        (&text[start..middle], &text[middle..end])
    }

    /// The text for `key`, found by a binary search.
    fn get(&self, key: &str) -> Option<&'static str> {
        let at = self
            .entries
            .binary_search_by(|&entry| self.entry(entry).0.cmp(key))
            .ok()?;
        Some(self.entry(self.entries[at]).1)
    }

    /// Every (key, text), sorted by key.
    fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.entries.iter().map(|&entry| self.entry(entry))
    }
}

// `NL` and `EN`: the catalogues.
include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// Languages the interface speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    fn table(self) -> &'static Table {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// The text for `key` in this language, if it has one.
    fn lookup(self, key: &str) -> Option<&'static str> {
        self.table().get(key)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language for the rest of the process. The first call wins; later calls (and
/// lookups before any call) use the first language chosen, or Dutch.
pub fn init(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language in use.
pub fn current() -> Lang {
    *LANG.get_or_init(Lang::default)
}

/// The text for `key` in the current language (Dutch when missing, the key itself as a last resort).
pub fn text(key: &str) -> String {
    current()
        .lookup(key)
        .or_else(|| Lang::Nl.lookup(key))
        .map_or_else(|| key.to_string(), str::to_string)
}

/// Every text of the current language (Dutch where it has none), for templates.
pub fn catalogue_map() -> HashMap<String, String> {
    let mut all: HashMap<String, String> = HashMap::new();
    for lang in [Lang::Nl, current()] {
        all.extend(
            lang.table()
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string())),
        );
    }
    all
}

/// The text for `key` with every `{name}` replaced by its value.
pub fn format(key: &str, args: &[(&str, String)]) -> String {
    let mut out = text(key);
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// `t!("key")` or `t!("key", name = value, ...)`: a user-facing string from the catalogue.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::text($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::format($key, &[$((stringify!($name), ($value).to_string())),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn keys(lang: Lang) -> BTreeSet<String> {
        lang.table().iter().map(|(k, _)| k.to_string()).collect()
    }

    #[test]
    fn the_tables_are_the_catalogues() {
        for (lang, file) in [(Lang::Nl, "i18n/nl.yaml"), (Lang::En, "i18n/en.yaml")] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
            let parsed: std::collections::BTreeMap<String, String> =
                serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let table: Vec<(String, String)> = lang
                .table()
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            assert_eq!(table, parsed.into_iter().collect::<Vec<_>>(), "{file}");
            assert!(lang.lookup("help.about").is_some());
            assert_eq!(lang.lookup("no.such.key"), None);
        }
    }

    #[test]
    fn catalogues_have_the_same_keys() {
        let nl = keys(Lang::Nl);
        let en = keys(Lang::En);
        let only_nl: Vec<_> = nl.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&nl).collect();
        assert!(only_nl.is_empty(), "missing in en.yaml: {only_nl:?}");
        assert!(only_en.is_empty(), "missing in nl.yaml: {only_en:?}");
    }

    /// Every catalogue key the sources use through `t!` exists.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let nl = keys(Lang::Nl);
        let mut missing = Vec::new();
        let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                for (at, _) in source.match_indices("t!(\"") {
                    // Skip `format!(` and other macros whose name ends in `t`.
                    let before = source[..at].chars().next_back().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue;
                    }
                    let key = source[at + 4..].split('"').next().unwrap();
                    if !nl.contains(key) && key != "key" {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys not in the catalogue: {missing:#?}"
        );
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            format("validate.ok", &[("count", "3".to_string())]),
            text("validate.ok").replace("{count}", "3")
        );
    }
}
