//! `vakwijzer status FOLDER`: who still has to respond to a round of 360-degree feedback. Per
//! person assessed their self-scan and per kind of rater how many ratings are finished and how
//! many only begun; never a score, never a rater's name.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::Context;
use crate::Result;
use crate::cli::StatusArgs;
use crate::render::list::{self, List};
use crate::result::rating::RatingResult;
use crate::result::record::parse;
use crate::result::{ResultKind, ScanResult, peek_kind, read_text};
use crate::t;

/// Per person rated (by normalised name): the name as first found, and per kind the number of
/// ratings finished and begun.
type Person = (String, BTreeMap<String, (usize, usize)>);

#[derive(Serialize)]
struct Row {
    person: String,
    /// `self` for the self-scan, else the kind of rater.
    kind: String,
    complete: usize,
    started: usize,
}

pub fn run(context: &Context, args: &StatusArgs, out: &mut dyn Write) -> Result<()> {
    let library = context.library()?;
    let mut people: BTreeMap<String, Person> = BTreeMap::new();
    let mut tally = |name: &str, kind: &str, complete: bool| {
        let key = crate::person::normalized_name(name);
        let entry = people
            .entry(key)
            .or_insert_with(|| (name.trim().to_string(), BTreeMap::new()));
        let counts = entry.1.entry(kind.to_string()).or_default();
        if complete {
            counts.0 += 1;
        } else {
            counts.1 += 1;
        }
    };
    for path in crate::scans::find_files(&args.paths)? {
        let Ok(text) = read_text(&path) else { continue };
        match peek_kind(&path, &text) {
            Ok(ResultKind::Rating) => match parse::<RatingResult>(&path, &text) {
                Ok(rating) => tally(&rating.about, &rating.rater_kind, rating.complete),
                Err(_) => super::warn(t!("status.unreadable", path = path.display())),
            },
            Ok(ResultKind::Scan) => {
                if let Ok(scan) = parse::<ScanResult>(&path, &text) {
                    tally(&scan.name, SELF, scan.complete);
                }
            }
            _ => {}
        }
    }
    let kind_name = |kind: &str| match kind {
        SELF => t!("status.self_scan"),
        _ => library
            .rater_kind(kind)
            .map_or_else(|_| kind.to_string(), |k| k.name.clone()),
    };
    let mut rows = Vec::new();
    for (_, (name, kinds)) in people {
        // Only people someone rates: a folder of self-scans alone is no 360 round.
        if kinds.keys().all(|k| k == SELF) {
            continue;
        }
        // The self-scan first, then the kinds in the library's order.
        let mut kinds: Vec<(String, (usize, usize))> = kinds.into_iter().collect();
        let order = |kind: &str| match kind {
            SELF => 0,
            _ => {
                1 + library
                    .raters
                    .iter()
                    .position(|k| k.id == kind)
                    .unwrap_or(library.raters.len())
            }
        };
        kinds.sort_by_key(|(kind, _)| order(kind));
        if !kinds.iter().any(|(k, _)| k == SELF) {
            kinds.insert(0, (SELF.to_string(), (0, 0)));
        }
        for (kind, (complete, started)) in kinds {
            rows.push(Row {
                person: name.clone(),
                kind: kind_name(&kind),
                complete,
                started,
            });
        }
    }
    if rows.is_empty() {
        writeln!(out, "{}", t!("status.none"))?;
        return Ok(());
    }
    let list = List {
        headers: vec![
            t!("status.person"),
            t!("status.kind"),
            t!("status.complete"),
            t!("status.started"),
        ],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.person.clone(),
                    r.kind.clone(),
                    r.complete.to_string(),
                    r.started.to_string(),
                ]
            })
            .collect(),
    };
    writeln!(
        out,
        "{}",
        list::render(&list, &rows, args.format, context.width)
    )?;
    Ok(())
}

const SELF: &str = "self";
