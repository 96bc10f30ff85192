//! Markdown, plain-text and HTML renderings of report models, through tera templates. The
//! templates in `templates/` are compiled in; `--templates DIR` loads an organisation's own
//! files over them by name (e.g. `DIR/guide.md.tera` replaces the built-in guide).

use std::path::Path;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::error::{Error, Result};
use crate::{i18n, t};

/// Built-in templates: (name, text). The name is the file name without `.tera`; a name ending
/// in `.html` is HTML-escaped automatically.
const BUILT_IN: &[(&str, &str)] = &[
    ("guide.md", include_str!("../../templates/guide.md.tera")),
    ("guide.txt", include_str!("../../templates/guide.txt.tera")),
    (
        "scorecard.md",
        include_str!("../../templates/scorecard.md.tera"),
    ),
    (
        "compare.md",
        include_str!("../../templates/compare.md.tera"),
    ),
    (
        "layout.html",
        include_str!("../../templates/layout.html.tera"),
    ),
    (
        "personal.md",
        include_str!("../../templates/personal.md.tera"),
    ),
    (
        "personal.html",
        include_str!("../../templates/personal.html.tera"),
    ),
    (
        "guide.html",
        include_str!("../../templates/guide.html.tera"),
    ),
    (
        "scorecard.html",
        include_str!("../../templates/scorecard.html.tera"),
    ),
    (
        "compare.html",
        include_str!("../../templates/compare.html.tera"),
    ),
    ("team.html", include_str!("../../templates/team.html.tera")),
];

/// Template files are small; a larger file is a mistake.
const MAX_TEMPLATE_BYTES: u64 = 512 * 1024;

pub struct Templates {
    tera: Tera,
}

fn template_error(name: &str, error: &tera::Error) -> Error {
    Error::Usage(t!("template.error", name = name, error = error))
}

/// A number as people read it in the current language; empty values as a dash.
fn num_filter(value: Value, _: Kwargs, _: &State) -> String {
    crate::render::number(value.as_f64())
}

fn signed_filter(value: Value, _: Kwargs, _: &State) -> String {
    crate::render::signed(value.as_f64())
}

impl Templates {
    /// The built-in templates, with those in `user_dir` (files `NAME.tera`) in their place.
    pub fn load(user_dir: Option<&Path>) -> Result<Templates> {
        let mut tera = Tera::new();
        tera.register_filter("num", num_filter);
        tera.register_filter("signed", signed_filter);
        let mut templates: Vec<(String, String)> = BUILT_IN
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        if let Some(dir) = user_dir {
            for (name, text) in read_user_templates(dir)? {
                match templates.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => templates.push((name, text)),
                }
            }
        }
        for (name, text) in &templates {
            tera.add_raw_template(name, text)
                .map_err(|e| template_error(name, &e))?;
        }
        Ok(Templates { tera })
    }

    /// Renders template `name` with the model as `report`, the catalogue as `t` and the language.
    pub fn render<T: Serialize>(&self, name: &str, model: &T) -> Result<String> {
        self.render_with_charts(name, model, &[])
    }

    /// As `render`, with ready-made SVG charts as `charts.<name>` (inserted unescaped with
    /// `| safe`; the chart code escapes every text in them).
    pub fn render_with_charts<T: Serialize>(
        &self,
        name: &str,
        model: &T,
        charts: &[(&str, String)],
    ) -> Result<String> {
        let mut context = Context::new();
        let charts: std::collections::BTreeMap<&str, &String> =
            charts.iter().map(|(name, svg)| (*name, svg)).collect();
        context.insert("charts", &charts);
        context.insert("report", model);
        context.insert("t", &i18n::catalogue_map());
        context.insert("lang", i18n::current().code());
        self.tera
            .render(name, &context)
            .map_err(|e| template_error(name, &e))
    }
}

fn read_user_templates(dir: &Path) -> Result<Vec<(String, String)>> {
    let read_error = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(name) = file_name.strip_suffix(".tera") else {
            continue;
        };
        let size = std::fs::metadata(&path).map_err(read_error)?.len();
        if size > MAX_TEMPLATE_BYTES {
            return Err(Error::Usage(t!(
                "template.too_large",
                name = path.display(),
                max = MAX_TEMPLATE_BYTES
            )));
        }
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        found.push((name.to_string(), text));
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A template file that is not compiled in would be silently missing from the binary.
    #[test]
    fn every_template_file_is_built_in_and_parses() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        for entry in std::fs::read_dir(dir).unwrap() {
            let file = entry.unwrap().file_name().to_string_lossy().into_owned();
            let name = file.strip_suffix(".tera").unwrap();
            assert!(
                BUILT_IN.iter().any(|(n, _)| *n == name),
                "{file} is not in BUILT_IN"
            );
        }
        assert!(Templates::load(None).is_ok());
    }
}
