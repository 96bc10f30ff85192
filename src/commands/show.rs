//! `vakwijzer show <framework> [<competency>]`: a framework as a readable table, as Markdown,
//! or exactly as loaded (JSON, YAML).

use std::io::Write;

use super::Context;
use crate::cli::{ShowArgs, ShowFormat};
use crate::escape::markdown_text as md;
use crate::framework::{Competency, DocumentKind, Framework, Item, Library, Origin};
use crate::render::table::{self, Cell, bulleted, numbered};
use crate::render::to_json;
use crate::wrap::wrap_lines;
use crate::{Result, t};

pub fn run(context: &Context, args: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    let (framework_id, competency_id) = (args.framework.as_str(), args.competency.as_deref());
    let format = args.format;
    let library = context.library_of(&[DocumentKind::Framework, DocumentKind::Organisation])?;
    let framework = library.framework(framework_id)?;
    let competencies: Vec<&Competency> = match competency_id {
        None => framework.competencies.iter().collect(),
        Some(id) => vec![framework.find_competency(id)?],
    };
    let text = match (format, competency_id) {
        (ShowFormat::Json, None) => to_json(framework),
        (ShowFormat::Json, Some(_)) => to_json(competencies[0]),
        (ShowFormat::Yaml, None) => serde_yaml::to_string(framework).unwrap_or_default(),
        (ShowFormat::Yaml, Some(_)) => serde_yaml::to_string(competencies[0]).unwrap_or_default(),
        (ShowFormat::Md, _) => markdown(&library, framework, &competencies),
        (ShowFormat::Table, _) => table(&library, framework, &competencies, context.width),
    };
    writeln!(out, "{}", text.trim_end())?;
    Ok(())
}

/// An item's text (through `escape`) with its reference and authorship marked: "[geschreven
/// door vakwijzer]" or by the organisation, for what the source does not say.
fn item_text(library: &Library, item: &Item, escape: Escape) -> String {
    let mut text = escape(&item.text);
    if let Some(reference) = &item.reference {
        text.push_str(&format!(" [{reference}]"));
    }
    if item.origin != Origin::Source {
        let author = escape(&library.author(item.origin));
        text.push_str(&format!(" [{}]", t!("show.written_by", author = author)));
    }
    text
}

fn drivers(competency: &Competency, escape: Escape) -> String {
    competency
        .drivers
        .iter()
        .map(|driver| escape(&driver.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn heading(competency: &Competency) -> String {
    match competency.number {
        Some(number) => format!("{number}. {}", competency.name),
        None => competency.name.clone(),
    }
}

fn cluster_name<'a>(framework: &'a Framework, competency: &Competency) -> Option<&'a str> {
    let id = competency.cluster.as_deref()?;
    framework
        .clusters
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.name.as_str())
}

/// How the framework's own texts are written: as they are for the terminal, escaped for Markdown.
type Escape = fn(&str) -> String;

fn as_is(text: &str) -> String {
    text.to_string()
}

/// The labelled parts of a competency that it has, in reading order, the framework's texts
/// through `escape`.
fn sections(
    library: &Library,
    framework: &Framework,
    competency: &Competency,
    escape: Escape,
) -> Vec<(String, Section)> {
    let mut sections = Vec::new();
    if let Some(cluster) = cluster_name(framework, competency) {
        sections.push((t!("show.cluster"), Section::Text(escape(cluster))));
    }
    if let Some(definition) = &competency.definition {
        sections.push((t!("show.definition"), Section::Text(escape(definition))));
    }
    if !competency.drivers.is_empty() {
        sections.push((
            t!("show.drivers"),
            Section::Text(drivers(competency, escape)),
        ));
    }
    if !competency.remarks.is_empty() {
        let remarks = competency.remarks.iter().map(|r| escape(r)).collect();
        sections.push((t!("show.remarks"), Section::Bullets(remarks)));
    }
    let items = |items: &[Item]| {
        let text = |item| item_text(library, item, escape);
        items.iter().map(text).collect()
    };
    if !competency.indicators.is_empty() {
        let items = items(&competency.indicators);
        sections.push((t!("show.indicators"), Section::Numbered(items)));
    }
    if !competency.questions.is_empty() {
        let items = items(&competency.questions);
        sections.push((t!("show.questions"), Section::Numbered(items)));
    }
    sections
}

enum Section {
    Text(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
}

fn table(
    library: &Library,
    framework: &Framework,
    competencies: &[&Competency],
    width: u16,
) -> String {
    let mut out = format!(
        "{} ({})\n{}: {}\n",
        framework.name,
        framework.id,
        t!("show.source"),
        framework.source
    );
    for competency in competencies {
        out.push_str(&format!("\n{}  [{}]\n", heading(competency), competency.id));
        let rows: Vec<Vec<Cell>> = sections(library, framework, competency, as_is)
            .into_iter()
            .map(|(label, section)| {
                let cell = match section {
                    Section::Text(text) => text,
                    Section::Bullets(items) => bulleted(items),
                    Section::Numbered(items) => numbered(items),
                };
                vec![Cell::name(label), Cell::text(cell)]
            })
            .collect();
        if !rows.is_empty() {
            out.push_str(&format!("{}\n", table::render(&[], &rows, width)));
        }
    }
    out.push_str(&footer(framework, competencies.len() > 1));
    wrap_lines(&out, width)
}

/// Notes and references of the framework, shown with the whole framework only.
fn footer(framework: &Framework, whole: bool) -> String {
    let mut out = String::new();
    if whole && !framework.notes.is_empty() {
        out.push_str(&format!("\n{}:\n", t!("show.notes")));
        for note in &framework.notes {
            out.push_str(&format!("  {note}\n"));
        }
    }
    if !framework.references.is_empty() {
        out.push_str(&format!("\n{}:\n", t!("show.references")));
        for reference in &framework.references {
            out.push_str(&format!("  [{}] {}\n", reference.id, reference.text));
        }
    }
    out
}

fn markdown(library: &Library, framework: &Framework, competencies: &[&Competency]) -> String {
    let mut out = format!(
        "# {}\n\n*{}: {}*\n",
        md(&framework.name),
        t!("show.source"),
        md(&framework.source)
    );
    for competency in competencies {
        let heading = match competency.number {
            Some(number) => format!("{number}. {}", md(&competency.name)),
            None => md(&competency.name),
        };
        out.push_str(&format!("\n## {heading}\n\n"));
        for (label, section) in sections(library, framework, competency, md) {
            match section {
                Section::Text(text) => out.push_str(&format!("**{label}:** {text}\n\n")),
                Section::Bullets(items) => {
                    out.push_str(&format!("**{label}:**\n\n"));
                    for item in items {
                        out.push_str(&format!("- {item}\n"));
                    }
                    out.push('\n');
                }
                Section::Numbered(items) => {
                    out.push_str(&format!("### {label}\n\n"));
                    for (index, item) in items.iter().enumerate() {
                        out.push_str(&format!("{}. {item}\n", index + 1));
                    }
                    out.push('\n');
                }
            }
        }
    }
    let whole = competencies.len() > 1;
    let notes = if whole {
        framework.notes.as_slice()
    } else {
        &[]
    };
    if !notes.is_empty() || !framework.references.is_empty() {
        out.push_str("---\n");
    }
    if !notes.is_empty() {
        out.push_str(&format!("\n{}:\n\n", t!("show.notes")));
        for note in notes {
            out.push_str(&format!("- {}\n", md(note)));
        }
    }
    if !framework.references.is_empty() {
        out.push_str(&format!("\n{}:\n\n", t!("show.references")));
        for reference in &framework.references {
            let line = format!("[{}] {}", reference.id, reference.text);
            out.push_str(&format!("- {}\n", md(&line)));
        }
    }
    out
}
