//! Markdown, plain-text and HTML renderings of report models, through tera templates. The
//! templates in `templates/` are compiled in; `--templates DIR` loads an organisation's own
//! files over them by name (e.g. `DIR/guide.md.tera` replaces the built-in guide).

use std::path::Path;

use serde::Serialize;
use tera::{Context, ErrorKind, Kwargs, State, Tera, Value};

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
    ("panel.md", include_str!("../../templates/panel.md.tera")),
    (
        "dossier.md",
        include_str!("../../templates/dossier.md.tera"),
    ),
    (
        "dossier.html",
        include_str!("../../templates/dossier.html.tera"),
    ),
    (
        "panel.html",
        include_str!("../../templates/panel.html.tera"),
    ),
    ("team.html", include_str!("../../templates/team.html.tera")),
    (
        "feedback.html",
        include_str!("../../templates/feedback.html.tera"),
    ),
    (
        "feedback.md",
        include_str!("../../templates/feedback.md.tera"),
    ),
    ("team.md", include_str!("../../templates/team.md.tera")),
    ("form.html", include_str!("../../templates/form.html.tera")),
    ("form.css", include_str!("../../templates/form.css.tera")),
    ("form.js", include_str!("../../templates/form.js.tera")),
    (
        "document.html",
        include_str!("../../templates/document.html.tera"),
    ),
];

/// Template files are small; a larger file is a mistake.
const MAX_TEMPLATE_BYTES: u64 = 512 * 1024;

/// The largest report a template may write: the guide of a large framework is well under a
/// megabyte, so a template that writes this much is looping (`{% for %}` over a huge range).
const MAX_OUTPUT_BYTES: usize = 64 * 1024 * 1024;

pub struct Templates {
    tera: Tera,
    /// The file each template of `--templates` came from, by template name, for messages.
    files: Vec<(String, String)>,
}

fn template_error(name: &str, file: Option<String>, error: &dyn std::fmt::Display) -> Error {
    let error = match file {
        Some(file) => format!("{file}: {error}"),
        None => error.to_string(),
    };
    Error::Usage(t!("template.error", name = name, error = error))
}

/// The template an error is about, when tera says so.
fn error_template(error: &tera::Error) -> Option<&str> {
    match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report)
            if !report.filename().is_empty() =>
        {
            Some(report.filename())
        }
        ErrorKind::CircularInclude { tpl, .. } | ErrorKind::CircularExtend { tpl, .. } => Some(tpl),
        ErrorKind::MissingParent { current, .. } => Some(current),
        // Several problems found when the templates are put together come as one message of
        // reports, each pointing at its place as ` --> NAME:LINE:COLUMN`.
        ErrorKind::Msg(message) => message
            .split_once("--> ")
            .and_then(|(_, at)| at.split_once(':'))
            .map(|(name, _)| name.trim())
            .filter(|name| !name.is_empty()),
        _ => None,
    }
}

/// A buffer that refuses to grow past [`MAX_OUTPUT_BYTES`], which ends the rendering.
struct Capped {
    output: Vec<u8>,
    full: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.output.len() + buf.len() > MAX_OUTPUT_BYTES {
            self.full = true;
            return Err(std::io::ErrorKind::FileTooLarge.into());
        }
        self.output.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A number as people read it in the current language; empty values as a dash.
fn num_filter(value: Value, _: Kwargs, _: &State) -> String {
    crate::render::number(value.as_f64())
}

fn signed_filter(value: Value, _: Kwargs, _: &State) -> String {
    crate::render::signed(value.as_f64())
}

/// Text from a user or a data file, made literal for Markdown (`{{ report.name | md }}`).
fn md_filter(value: Value, _: Kwargs, _: &State) -> String {
    let text = match value.as_str() {
        Some(text) => text.to_string(),
        None => value.to_string(),
    };
    crate::escape::markdown_text(&text)
}

impl Templates {
    /// The built-in templates, with those in `user_dir` (files `NAME.tera`) in their place.
    pub fn load(user_dir: Option<&Path>) -> Result<Templates> {
        let mut tera = Tera::new();
        tera.register_filter("num", num_filter);
        tera.register_filter("signed", signed_filter);
        tera.register_filter("md", md_filter);
        let mut templates: Vec<(String, String)> = BUILT_IN
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        let mut files = Vec::new();
        if let Some(dir) = user_dir {
            for (name, path, text) in read_user_templates(dir)? {
                match templates.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => templates.push((name.clone(), text)),
                }
                files.push((name, path));
            }
        }
        let mut loaded = Templates { tera, files };
        // All at once, so that a template may include one that comes after it by name; an
        // include cycle is refused here, naming the template where it was found.
        if let Err(error) = loaded.tera.add_raw_templates(templates) {
            let fallback = user_dir.map_or(String::new(), |dir| dir.display().to_string());
            let name = error_template(&error).unwrap_or(&fallback);
            return Err(template_error(name, loaded.file(name), &error));
        }
        Ok(loaded)
    }

    /// The file a template of `--templates` came from, to name it in messages. A problem in a
    /// built-in template can only come from the files of `--templates` (a layout it extends, a
    /// template it includes), so those are named then.
    fn file(&self, name: &str) -> Option<String> {
        if let Some((_, path)) = self.files.iter().find(|(n, _)| n == name) {
            return Some(path.clone());
        }
        let all: Vec<&str> = self.files.iter().map(|(_, path)| path.as_str()).collect();
        (!all.is_empty()).then(|| all.join(", "))
    }

    /// Renders template `name` of a report: the model as `report`, its laid-out `document`
    /// (each chart with its SVG as `svg`, inserted with `| safe`: the chart code escapes every
    /// text in it), the catalogue as `t`, the language as `lang`, and one more value (the
    /// document already rendered, as `markdown` or `text`), unless its name is empty.
    pub fn render_report<T: Serialize>(
        &self,
        name: &str,
        model: &T,
        document: &crate::layout::Document,
        (key, value): (&'static str, &str),
    ) -> Result<String> {
        let mut context = Context::new();
        context.insert("document", &crate::render::html::document_value(document)?);
        if !key.is_empty() {
            context.insert(key, value);
        }
        self.render_context(name, model, context)
    }

    /// Renders template `name` with the model as `report`, the catalogue as `t` and the language.
    pub fn render<T: Serialize>(&self, name: &str, model: &T) -> Result<String> {
        self.render_context(name, model, Context::new())
    }

    /// Renders template `name` with the model as `report` and `charts` (ready-made SVG by name).
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
        self.render_context(name, model, context)
    }

    /// Renders template `name` with the model as `report` and each of `values` by its name
    /// (texts the caller made, inserted as they are with `| safe` where they are markup).
    pub fn render_with<T: Serialize>(
        &self,
        name: &str,
        model: &T,
        values: &[(&str, &str)],
    ) -> Result<String> {
        let mut context = Context::new();
        for (key, value) in values {
            context.insert(key.to_string(), value);
        }
        self.render_context(name, model, context)
    }

    fn render_context<T: Serialize>(
        &self,
        name: &str,
        model: &T,
        mut context: Context,
    ) -> Result<String> {
        context.insert("report", model);
        context.insert("t", &i18n::catalogue_map());
        context.insert("lang", i18n::current().code());
        let mut output = Capped {
            output: Vec::new(),
            full: false,
        };
        let rendered = self.tera.render_to(name, &context, &mut output);
        if output.full {
            let error = format!("the output is larger than {MAX_OUTPUT_BYTES} bytes");
            return Err(template_error(name, self.file(name), &error));
        }
        rendered.map_err(|e| {
            let about = error_template(&e).unwrap_or(name);
            template_error(about, self.file(about), &e)
        })?;
        Ok(String::from_utf8_lossy(&output.output).into_owned())
    }
}

/// The templates in `dir`: (name, file, text).
fn read_user_templates(dir: &Path) -> Result<Vec<(String, String, String)>> {
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
        // A named pipe would wait forever and a device has no end: only files are templates.
        if std::fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
            continue;
        }
        let size = std::fs::metadata(&path)
            .map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?
            .len();
        if size > MAX_TEMPLATE_BYTES {
            return Err(Error::Usage(t!(
                "template.too_large",
                name = path.display(),
                max = MAX_TEMPLATE_BYTES
            )));
        }
        let text = crate::input::read_limited(&path, MAX_TEMPLATE_BYTES)?;
        found.push((name.to_string(), path.display().to_string(), text));
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value a Markdown template prints from the report passes a filter that escapes it
    /// (`md`) or makes it a number (`num`, `signed`); catalogue texts (`t[...]`) and loop
    /// counters are ours.
    #[test]
    fn markdown_templates_escape_every_value() {
        for (name, text) in BUILT_IN.iter().filter(|(name, _)| name.ends_with(".md")) {
            for expression in text.split("{{").skip(1) {
                let expression = expression.split("}}").next().unwrap_or_default().trim();
                // `markdown` is the report's document as the Markdown renderer wrote it, every
                // text escaped there.
                let ours = expression.starts_with("t[")
                    || expression.starts_with("loop.")
                    || expression == "markdown";
                let filtered = ["| md", "| num", "| signed"]
                    .iter()
                    .any(|filter| expression.ends_with(filter));
                assert!(
                    ours || filtered,
                    "{name}: {{{{ {expression} }}}} is not escaped"
                );
            }
        }
    }

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
