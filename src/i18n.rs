//! The catalogue of user-facing strings. Each language is one YAML file in `i18n/`
//! (key -> text, `{name}` placeholders); adding a language is adding a file and a variant.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Languages the interface speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    fn catalogue_source(self) -> &'static str {
        match self {
            Lang::Nl => include_str!("../i18n/nl.yaml"),
            Lang::En => include_str!("../i18n/en.yaml"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

struct Catalogue {
    lang: Lang,
    texts: HashMap<String, String>,
    fallback: HashMap<String, String>,
}

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

fn parse(lang: Lang) -> HashMap<String, String> {
    // The catalogues are compiled in and checked by a unit test, so a parse failure here
    // can only come from a build that skipped the tests; fall back to keys rather than panic.
    serde_yaml::from_str(lang.catalogue_source()).unwrap_or_default()
}

/// Chooses the language for the rest of the process. The first call wins; later calls (and
/// lookups before any call) use the first language chosen, or Dutch.
pub fn init(lang: Lang) {
    let _ = CATALOGUE.set(Catalogue {
        lang,
        texts: parse(lang),
        fallback: parse(Lang::Nl),
    });
}

fn catalogue() -> &'static Catalogue {
    CATALOGUE.get_or_init(|| Catalogue {
        lang: Lang::Nl,
        texts: parse(Lang::Nl),
        fallback: HashMap::new(),
    })
}

/// The language in use.
pub fn current() -> Lang {
    catalogue().lang
}

/// The text for `key` in the current language (Dutch when missing, the key itself as a last resort).
pub fn text(key: &str) -> String {
    let catalogue = catalogue();
    catalogue
        .texts
        .get(key)
        .or_else(|| catalogue.fallback.get(key))
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// Every text of the current language (Dutch where it has none), for templates.
pub fn catalogue_map() -> HashMap<String, String> {
    let catalogue = catalogue();
    let mut all = catalogue.fallback.clone();
    all.extend(catalogue.texts.clone());
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
        let map: HashMap<String, String> =
            serde_yaml::from_str(lang.catalogue_source()).expect("catalogue parses");
        map.into_keys().collect()
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
