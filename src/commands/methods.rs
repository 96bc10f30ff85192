//! `vakwijzer methods`: the schooling methods links may name, with their ids and categories.

use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::Result;
use crate::cli::MethodsArgs;
use crate::framework::DocumentKind;
use crate::render::list::{self, List};
use crate::t;

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    name: &'a str,
    category: &'a str,
    category_name: &'a str,
    author: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

pub fn run(context: &Context, args: &MethodsArgs, out: &mut dyn Write) -> Result<()> {
    let format = args.format;
    let library = context.library_of(&[DocumentKind::Methods, DocumentKind::Organisation])?;
    let records: Vec<Record> = library
        .methods
        .iter()
        .map(|method| Record {
            id: &method.id,
            name: &method.name,
            category: &method.category,
            category_name: library
                .method_categories
                .iter()
                .find(|c| c.id == method.category)
                .map_or("", |c| c.name.as_str()),
            author: library.author(method.origin),
            description: method.description.as_deref(),
        })
        .collect();
    let list = List {
        headers: vec![t!("methods.id"), t!("methods.name"), t!("methods.category")],
        rows: records
            .iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    r.name.to_string(),
                    r.category_name.to_string(),
                ]
            })
            .collect(),
    };
    writeln!(
        out,
        "{}",
        list::render(&list, &records, format, context.width)
    )?;
    Ok(())
}
