//! `vakwijzer show <framework> [<competency>]`: a framework as a readable table, as Markdown,
//! or exactly as loaded (JSON, YAML).

use std::io::Write;

use super::{Context, to_json};
use crate::cli::ShowFormat;
use crate::error::Error;
use crate::framework::{Competency, Framework, Item, Origin};
use crate::render::table::{self, Cell, bulleted, numbered, wrap_lines};
use crate::{Result, t};

pub fn run(
    context: &Context,
    framework_id: &str,
    competency_id: Option<&str>,
    format: ShowFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let library = context.library()?;
    let framework = library.framework(framework_id)?;
    let competencies: Vec<&Competency> = match competency_id {
        None => framework.competencies.iter().collect(),
        Some(id) => vec![find_competency(framework, id)?],
    };
    let text = match (format, competency_id) {
        (ShowFormat::Json, None) => to_json(framework),
        (ShowFormat::Json, Some(_)) => to_json(competencies[0]),
        (ShowFormat::Yaml, None) => serde_yaml::to_string(framework).unwrap_or_default(),
        (ShowFormat::Yaml, Some(_)) => serde_yaml::to_string(competencies[0]).unwrap_or_default(),
        (ShowFormat::Md, _) => markdown(framework, &competencies),
        (ShowFormat::Table, _) => table(framework, &competencies, context.width),
    };
    writeln!(out, "{}", text.trim_end())?;
    Ok(())
}

pub fn find_competency<'a>(framework: &'a Framework, id: &str) -> Result<&'a Competency> {
    framework
        .competencies
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = framework
                .competencies
                .iter()
                .map(|c| c.id.as_str())
                .collect();
            Error::Usage(t!(
                "framework.unknown_competency",
                id = id,
                framework = &framework.id,
                known = known.join(", ")
            ))
        })
}

/// An item's text with its reference and authorship marked.
fn item_text(item: &Item) -> String {
    let mut text = item.text.clone();
    if let Some(reference) = &item.reference {
        text.push_str(&format!(" [{reference}]"));
    }
    if item.origin == Origin::Vakwijzer {
        text.push_str(&format!(" [{}]", t!("show.by_vakwijzer")));
    }
    text
}

fn drivers(competency: &Competency) -> String {
    competency
        .drivers
        .iter()
        .map(crate::render::driver_label)
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

/// The labelled parts of a competency that it has, in reading order.
fn sections(framework: &Framework, competency: &Competency) -> Vec<(String, Section)> {
    let mut sections = Vec::new();
    if let Some(cluster) = cluster_name(framework, competency) {
        sections.push((t!("show.cluster"), Section::Text(cluster.to_string())));
    }
    if let Some(definition) = &competency.definition {
        sections.push((t!("show.definition"), Section::Text(definition.clone())));
    }
    if !competency.drivers.is_empty() {
        sections.push((t!("show.drivers"), Section::Text(drivers(competency))));
    }
    if !competency.remarks.is_empty() {
        sections.push((
            t!("show.remarks"),
            Section::Bullets(competency.remarks.clone()),
        ));
    }
    if !competency.indicators.is_empty() {
        let items = competency.indicators.iter().map(item_text).collect();
        sections.push((t!("show.indicators"), Section::Numbered(items)));
    }
    if !competency.questions.is_empty() {
        let items = competency.questions.iter().map(item_text).collect();
        sections.push((t!("show.questions"), Section::Numbered(items)));
    }
    sections
}

enum Section {
    Text(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
}

fn table(framework: &Framework, competencies: &[&Competency], width: u16) -> String {
    let mut out = format!(
        "{} ({})\n{}: {}\n",
        framework.name,
        framework.id,
        t!("show.source"),
        framework.source
    );
    for competency in competencies {
        out.push_str(&format!("\n{}  [{}]\n", heading(competency), competency.id));
        let rows: Vec<Vec<Cell>> = sections(framework, competency)
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

fn markdown(framework: &Framework, competencies: &[&Competency]) -> String {
    let mut out = format!(
        "# {}\n\n*{}: {}*\n",
        framework.name,
        t!("show.source"),
        framework.source
    );
    for competency in competencies {
        out.push_str(&format!("\n## {}\n\n", heading(competency)));
        for (label, section) in sections(framework, competency) {
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
    let footer = footer(framework, competencies.len() > 1);
    if !footer.is_empty() {
        out.push_str(&format!("---\n{footer}"));
    }
    out
}
