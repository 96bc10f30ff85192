//! `vakwijzer roles [FRAMEWORK]`: the roles an author and `--role` can name, per framework,
//! with their levels and targets.

use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::Result;
use crate::cli::RolesArgs;
use crate::framework::{DocumentKind, Level, Library, Role};
use crate::render::list::{self, List};
use crate::t;

/// One role of one framework, as JSON gives it.
#[derive(Serialize)]
struct Record<'a> {
    framework: &'a str,
    id: &'a str,
    name: &'a str,
    default: bool,
    author: String,
    targets: &'a std::collections::BTreeMap<String, f64>,
    levels: Vec<LevelRecord<'a>>,
}

#[derive(Serialize)]
struct LevelRecord<'a> {
    id: &'a str,
    name: &'a str,
    targets: &'a std::collections::BTreeMap<String, f64>,
}

pub fn run(context: &Context, args: &RolesArgs, out: &mut dyn Write) -> Result<()> {
    let (framework, format) = (args.framework.as_deref(), args.format);
    let library = context.library_of(&[
        DocumentKind::Framework,
        DocumentKind::Targets,
        DocumentKind::Organisation,
    ])?;
    let frameworks: Vec<&str> = match framework {
        Some(id) => vec![library.framework(id)?.id.as_str()],
        None => library.frameworks.iter().map(|f| f.id.as_str()).collect(),
    };
    let mut records = Vec::new();
    for framework in frameworks {
        for role in library.roles_of(framework) {
            records.push(record(&library, framework, role));
        }
    }
    let list = List {
        headers: vec![
            t!("roles.framework"),
            t!("roles.id"),
            t!("roles.name"),
            t!("roles.default"),
            t!("roles.level"),
            t!("roles.targets"),
        ],
        rows: records.iter().flat_map(rows).collect(),
    };
    writeln!(
        out,
        "{}",
        list::render(&list, &records, format, context.width)
    )?;
    Ok(())
}

fn record<'a>(library: &Library, framework: &'a str, role: &'a Role) -> Record<'a> {
    Record {
        framework,
        id: &role.id,
        name: &role.name,
        default: library
            .default_role(framework)
            .is_some_and(|d| d.id == role.id),
        author: library.author(role.origin),
        targets: &role.targets[framework],
        levels: role
            .levels
            .iter()
            .filter_map(|level: &Level| {
                Some(LevelRecord {
                    id: &level.id,
                    name: &level.name,
                    targets: level.targets.get(framework)?,
                })
            })
            .collect(),
    }
}

/// The rows of a role: one with its own targets, then one per level.
fn rows(record: &Record) -> Vec<Vec<String>> {
    let targets = |targets: &std::collections::BTreeMap<String, f64>| {
        targets
            .iter()
            .map(|(competency, target)| format!("{competency} {}", short_number(*target)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let default = if record.default {
        t!("roles.is_default")
    } else {
        String::new()
    };
    let mut rows = vec![vec![
        record.framework.to_string(),
        record.id.to_string(),
        record.name.to_string(),
        default,
        String::new(),
        targets(record.targets),
    ]];
    for level in &record.levels {
        rows.push(vec![
            record.framework.to_string(),
            record.id.to_string(),
            String::new(),
            String::new(),
            level.name.to_string(),
            targets(level.targets),
        ]);
    }
    rows
}

/// A target as people write it: "4", "3,5".
fn short_number(value: f64) -> String {
    let text = format!("{value}");
    match crate::i18n::current() {
        crate::i18n::Lang::Nl => text.replace('.', ","),
        crate::i18n::Lang::En => text,
    }
}
