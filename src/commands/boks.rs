//! `vakwijzer boks [--cluster ID]`: the BoKS matrix, one block per row so that it reads well
//! in an 80-column terminal; `--format json|md` as loaded or as Markdown.

use std::io::Write;

use super::Context;
use crate::cli::{BoksArgs, BoksFormat};
use crate::error::Error;
use crate::escape::markdown_text as md;
use crate::framework::{Boks, BoksRow, DocumentKind, Framework, Library};
use crate::render::table::{self, Cell, bulleted};
use crate::render::to_json;
use crate::wrap::wrap_lines;
use crate::{Result, t};

pub fn run(context: &Context, args: &BoksArgs, out: &mut dyn Write) -> Result<()> {
    let (cluster, format) = (args.cluster.as_deref(), args.format);
    let library = context.library_of(&[
        DocumentKind::Boks,
        DocumentKind::Framework,
        DocumentKind::Organisation,
    ])?;
    let Some(boks) = &library.boks else {
        return Err(Error::Usage(t!("boks.none")));
    };
    let boks = select(boks, cluster)?;
    let text = match format {
        BoksFormat::Json => to_json(&boks),
        BoksFormat::Md => markdown(&library, &boks),
        BoksFormat::Table => table(&library, &boks, context.width),
    };
    writeln!(out, "{}", text.trim_end())?;
    Ok(())
}

/// The matrix with only the row of `cluster`, when one is asked for.
fn select(boks: &Boks, cluster: Option<&str>) -> Result<Boks> {
    let mut boks = boks.clone();
    if let Some(cluster) = cluster {
        if !boks.rows.iter().any(|r| r.cluster == cluster) {
            let known: Vec<&str> = boks.rows.iter().map(|r| r.cluster.as_str()).collect();
            return Err(Error::Usage(t!(
                "boks.unknown_cluster",
                id = cluster,
                known = known.join(", ")
            )));
        }
        boks.rows.retain(|r| r.cluster == cluster);
    }
    Ok(boks)
}

/// The row's cluster name and the competencies in it, from the matrix's framework.
fn row_title(framework: Option<&Framework>, row: &BoksRow) -> (String, Vec<String>) {
    let Some(framework) = framework else {
        return (row.cluster.clone(), Vec::new());
    };
    let name = framework
        .clusters
        .iter()
        .find(|c| c.id == row.cluster)
        .map_or(row.cluster.clone(), |c| c.name.clone());
    let competencies = framework
        .competencies
        .iter()
        .filter(|c| c.cluster.as_deref() == Some(row.cluster.as_str()))
        .map(|c| c.name.clone())
        .collect();
    (name, competencies)
}

/// Column labels with their group, in matrix order: (column id, "Group: Column").
fn columns(boks: &Boks) -> Vec<(String, String)> {
    boks.column_groups
        .iter()
        .flat_map(|group| {
            group.columns.iter().map(move |column| {
                let label = if column.name == group.name {
                    group.name.clone()
                } else {
                    format!("{}: {}", group.name, column.name)
                };
                (column.id.clone(), label)
            })
        })
        .collect()
}

fn table(library: &Library, boks: &Boks, width: u16) -> String {
    let framework = library.framework(&boks.framework).ok();
    let mut out = format!("{}\n{}: {}\n", boks.name, t!("show.source"), boks.source);
    for row in &boks.rows {
        let (name, competencies) = row_title(framework, row);
        out.push_str(&format!("\n{name}  [{}]\n", row.cluster));
        if !competencies.is_empty() {
            out.push_str(&format!(
                "{}: {}\n",
                t!("boks.competencies"),
                competencies.join("; ")
            ));
        }
        let cells: Vec<Vec<Cell>> = columns(boks)
            .into_iter()
            .map(|(id, label)| {
                let activities = row.cells.get(&id).cloned().unwrap_or_default();
                let cell = if activities.is_empty() {
                    "—".to_string()
                } else {
                    bulleted(activities)
                };
                vec![Cell::name(label), Cell::text(cell)]
            })
            .collect();
        out.push_str(&format!("{}\n", table::render(&[], &cells, width)));
    }
    out.push_str(&legend(boks, false));
    wrap_lines(&out, width)
}

/// The column groups (who they apply to, their sources) and the work fields.
fn legend(boks: &Boks, markdown: bool) -> String {
    let (item, sub_item) = if markdown {
        ("- ", "  - ")
    } else {
        ("  ", "    ")
    };
    // Markdown gets the data's texts escaped; the terminal gets them as they are.
    let text = |text: &str| {
        if markdown { md(text) } else { text.to_string() }
    };
    let mut out = format!("\n{}:\n\n", t!("boks.column_groups"));
    for group in &boks.column_groups {
        out.push_str(&format!("{item}{}", text(&group.name)));
        if let Some(applies_to) = &group.applies_to {
            out.push_str(&format!(" — {}", text(applies_to)));
        }
        out.push('\n');
        for source in &group.sources {
            out.push_str(&format!(
                "{sub_item}{}: {}\n",
                t!("show.source"),
                text(source)
            ));
        }
    }
    out.push_str(&format!("\n{}:\n\n", t!("boks.work_fields")));
    for field in &boks.work_fields {
        let group = field
            .column_group
            .as_ref()
            .and_then(|id| boks.column_groups.iter().find(|g| &g.id == id))
            .map(|g| format!(" ({})", text(&g.name)))
            .unwrap_or_default();
        out.push_str(&format!(
            "{item}{}. {}{group}\n",
            field.number,
            text(&field.name)
        ));
    }
    out
}

fn markdown(library: &Library, boks: &Boks) -> String {
    let framework = library.framework(&boks.framework).ok();
    let mut out = format!(
        "# {}\n\n*{}: {}*\n",
        md(&boks.name),
        t!("show.source"),
        md(&boks.source)
    );
    for row in &boks.rows {
        let (name, competencies) = row_title(framework, row);
        out.push_str(&format!("\n## {}\n\n", md(&name)));
        if !competencies.is_empty() {
            out.push_str(&format!(
                "*{}: {}*\n\n",
                t!("boks.competencies"),
                md(&competencies.join("; "))
            ));
        }
        for (id, label) in columns(boks) {
            let Some(activities) = row.cells.get(&id) else {
                continue;
            };
            out.push_str(&format!("**{}**\n\n", md(&label)));
            for activity in activities {
                out.push_str(&format!("- {}\n", md(activity)));
            }
            out.push('\n');
        }
    }
    out.push_str(&legend(boks, true));
    out
}
