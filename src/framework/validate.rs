//! Validation of loaded content: unique ids, references that resolve, sensible scales and
//! targets, no empty texts. Every problem is placed at a line of the file that holds it.
//!
//! serde_yaml reports positions only for syntax and type errors, so problems found after
//! parsing are placed by finding the offending `key: value` in the file's text. Ids are unique
//! by construction of these checks, which makes that search precise in practice.

use std::cell::{Cell, OnceCell};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::Hash;

use super::load::{Document, Library, Located, SourceFile, parse_document};
use super::model::*;
use crate::error::Problem;
use crate::t;

/// Finds lines in a YAML text. The lines are indexed by `key: value` on first use, so that
/// placing many problems in a large file stays linear.
pub struct Locator<'a> {
    lines: Vec<&'a str>,
    index: OnceCell<LineIndex<'a>>,
    /// Bytes [`Locator::mention`] may still search: a file with very many problems of values
    /// found on no `key: value` line gets positions at the start of the file after that.
    mention_budget: Cell<usize>,
}

#[derive(Default)]
struct LineIndex<'a> {
    /// The position of the first line that sets each key.
    keys: HashMap<&'a str, (usize, usize)>,
    /// The positions of the lines reading `key: value`, by key and unquoted value.
    pairs: HashMap<(&'a str, &'a str), Vec<(usize, usize)>>,
}

/// How many times its text [`Locator::mention`] may search in all, at least.
const MENTION_PASSES: usize = 64;

fn unquote(value: &str) -> &str {
    let value = value.trim();
    let quoted = value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')));
    if quoted {
        &value[1..value.len() - 1]
    } else {
        value
    }
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator {
            lines: text.lines().collect(),
            index: OnceCell::new(),
            mention_budget: Cell::new(text.len().max(1 << 20).saturating_mul(MENTION_PASSES)),
        }
    }

    /// The `key:` part of a line, with the list dash and indentation stripped.
    fn key_of(line: &str) -> Option<(&str, &str, usize)> {
        let trimmed = line.trim_start();
        let trimmed = trimmed.strip_prefix("- ").unwrap_or(trimmed).trim_start();
        let start = line.len() - trimmed.len();
        let (key, rest) = trimmed.split_once(':')?;
        Some((key.trim(), rest, start))
    }

    fn index(&self) -> &LineIndex<'a> {
        self.index.get_or_init(|| {
            let mut index = LineIndex::default();
            for (number, line) in self.lines.iter().enumerate() {
                let Some((key, rest, start)) = Self::key_of(line) else {
                    continue;
                };
                let indent = line.len() - line.trim_start().len();
                index.keys.entry(key).or_insert((number + 1, indent + 1));
                index
                    .pairs
                    .entry((key, unquote(rest)))
                    .or_default()
                    .push((number + 1, start + 1));
            }
            index
        })
    }

    /// Position of the first line that sets `key`.
    pub fn key_line(&self, key: &str) -> (usize, usize) {
        self.index().keys.get(key).copied().unwrap_or((1, 1))
    }

    /// Position of the `occurrence`-th (0-based) line that reads `key: value`.
    pub fn key_value(&self, key: &str, value: &str, occurrence: usize) -> (usize, usize) {
        self.index()
            .pairs
            .get(&(key, value))
            .and_then(|positions| positions.get(occurrence))
            .copied()
            .unwrap_or_else(|| self.mention(value))
    }

    /// Position of the first line that mentions `value` at all (a list entry, a map key).
    pub fn mention(&self, value: &str) -> (usize, usize) {
        if value.is_empty() {
            return (1, 1);
        }
        for (index, line) in self.lines.iter().enumerate() {
            let (left, cost) = (self.mention_budget.get(), line.len() + 1);
            if left < cost {
                self.mention_budget.set(0);
                break;
            }
            self.mention_budget.set(left - cost);
            if let Some(column) = line.find(value) {
                return (index + 1, column + 1);
            }
        }
        (1, 1)
    }
}

/// Collects the problems of one file.
struct Checker<'a> {
    file: &'a str,
    locator: Locator<'a>,
    problems: Vec<Problem>,
    /// How many times each id was seen, to place a duplicate at its second occurrence.
    seen_ids: HashMap<String, usize>,
}

/// Whether a text holds control characters other than line breaks and tabs. Such texts are
/// refused: printed to a terminal they could move the cursor, retitle the window or hide text.
pub fn has_control_chars(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// The localized name of a kind of thing a reference points at.
fn what_name(what: &str) -> String {
    crate::i18n::text(&format!("what.{what}"))
}

/// The hint listing known ids; a long list is cut short, since the user can look them up.
fn known_ids_hint<'s>(ids: impl ExactSizeIterator<Item = &'s str>) -> String {
    const SHOWN: usize = 12;
    let total = ids.len();
    let mut list: Vec<&str> = ids.take(SHOWN).collect();
    let more = total.saturating_sub(SHOWN);
    let more_text = t!("validate.and_more", count = more);
    if more > 0 {
        list.push(&more_text);
    }
    t!("validate.known_ids", ids = list.join(", "))
}

fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
}

impl<'a> Checker<'a> {
    fn new(file: &'a SourceFile) -> Self {
        Checker {
            file: &file.name,
            locator: Locator::new(&file.text),
            problems: Vec::new(),
            seen_ids: HashMap::new(),
        }
    }

    fn report(&mut self, position: (usize, usize), message: String, hint: Option<String>) {
        let mut problem = Problem::new(self.file, position, message);
        problem.hint = hint;
        self.problems.push(problem);
    }

    /// Checks an id's form and uniqueness within the file.
    fn id(&mut self, id: &str) {
        let occurrence = self.seen_ids.entry(id.to_string()).or_insert(0);
        let nth = *occurrence;
        *occurrence += 1;
        let (duplicate, valid) = (nth > 0, valid_id(id));
        if !duplicate && valid {
            return;
        }
        // Placed only when there is a problem: looking every id up would be slow.
        let position = self.locator.key_value("id", id, nth);
        if duplicate {
            self.report(
                position,
                t!("validate.duplicate_id", id = id),
                Some(t!("validate.duplicate_id_hint")),
            );
        }
        if !valid {
            self.report(
                position,
                t!("validate.bad_id", id = id),
                Some(t!("validate.bad_id_hint")),
            );
        }
    }

    /// Reports an empty text; `near` is the id of the item it belongs to, to place it.
    fn text(&mut self, text: &str, field: &str, near: &str) {
        if has_control_chars(text) {
            let position = self.locator.key_value("id", near, 0);
            self.report(
                position,
                t!("validate.control_chars", field = field, id = near),
                None,
            );
        }
        if text.trim().is_empty() {
            let position = self.locator.key_value("id", near, 0);
            self.report(
                position,
                t!("validate.empty_text", field = field, id = near),
                None,
            );
        }
    }

    fn reference(&mut self, key: &str, value: &str, known: &BTreeSet<&str>, what: &str) {
        if known.contains(value) {
            return;
        }
        let position = self.locator.key_value(key, value, 0);
        self.report(
            position,
            t!(
                "validate.unknown_reference",
                what = what_name(what),
                id = value
            ),
            Some(known_ids_hint(known.iter().copied())),
        );
    }
}

fn check_framework(framework: &Framework, c: &mut Checker) {
    c.id(&framework.id);
    c.text(&framework.name, "name", &framework.id);
    c.text(&framework.source, "source", &framework.id);
    for note in &framework.notes {
        c.text(note, "notes", &framework.id);
    }
    if framework.competencies.is_empty() {
        let position = c.locator.key_line("competencies");
        c.report(position, t!("validate.no_competencies"), None);
    }
    let mut references = BTreeSet::new();
    for reference in &framework.references {
        c.id(&reference.id);
        c.text(&reference.text, "text", &reference.id);
        references.insert(reference.id.as_str());
    }
    let mut clusters = BTreeSet::new();
    for cluster in &framework.clusters {
        c.id(&cluster.id);
        c.text(&cluster.name, "name", &cluster.id);
        clusters.insert(cluster.id.as_str());
    }
    for competency in &framework.competencies {
        c.id(&competency.id);
        c.text(&competency.name, "name", &competency.id);
        if let Some(definition) = &competency.definition {
            c.text(definition, "definition", &competency.id);
        }
        for remark in &competency.remarks {
            c.text(remark, "remarks", &competency.id);
        }
        for driver in &competency.drivers {
            c.text(&driver.name, "drivers", &competency.id);
        }
        if let Some(cluster) = &competency.cluster {
            c.reference("cluster", cluster, &clusters, "cluster");
        }
        for item in competency.indicators.iter().chain(&competency.questions) {
            c.id(&item.id);
            c.text(&item.text, "text", &item.id);
            if let Some(reference) = &item.reference {
                c.reference("reference", reference, &references, "reference");
            }
        }
    }
}

fn check_boks(boks: &Boks, c: &mut Checker) {
    c.id(&boks.id);
    c.text(&boks.name, "name", &boks.id);
    let mut columns = BTreeSet::new();
    for group in &boks.column_groups {
        c.id(&group.id);
        c.text(&group.name, "name", &group.id);
        for column in &group.columns {
            // A group with one column may share its id with that column.
            if column.id != group.id {
                c.id(&column.id);
            }
            c.text(&column.name, "name", &column.id);
            columns.insert(column.id.as_str());
        }
    }
    let groups: BTreeSet<&str> = boks.column_groups.iter().map(|g| g.id.as_str()).collect();
    let mut numbers = BTreeSet::new();
    for field in &boks.work_fields {
        if let Some(group) = &field.column_group {
            c.reference("column_group", group, &groups, "column");
        }
        if !numbers.insert(field.number) {
            let position = c.locator.key_value("number", &field.number.to_string(), 1);
            c.report(
                position,
                t!("validate.duplicate_number", number = field.number),
                None,
            );
        }
    }
    let mut rows = BTreeSet::new();
    for row in &boks.rows {
        if !rows.insert(row.cluster.as_str()) {
            let position = c.locator.key_value("cluster", &row.cluster, 1);
            c.report(
                position,
                t!("validate.duplicate_id", id = &row.cluster),
                None,
            );
        }
        for (column, activities) in &row.cells {
            if !columns.contains(column.as_str()) {
                let position = c.locator.key_value(column, "", 0);
                c.report(
                    position,
                    t!(
                        "validate.unknown_reference",
                        what = what_name("column"),
                        id = column
                    ),
                    Some(known_ids_hint(columns.iter().copied())),
                );
            }
            for activity in activities {
                c.text(activity, "cells", &row.cluster);
            }
        }
    }
}

fn check_methods(doc: &MethodsDocument, c: &mut Checker) {
    let mut categories = BTreeSet::new();
    for category in &doc.categories {
        c.id(&category.id);
        c.text(&category.name, "name", &category.id);
        categories.insert(category.id.as_str());
    }
    for method in &doc.methods {
        c.id(&method.id);
        c.text(&method.name, "name", &method.id);
        c.reference("category", &method.category, &categories, "category");
    }
}

fn check_scales(doc: &ScalesDocument, c: &mut Checker) {
    for scale in &doc.scales {
        c.id(&scale.id);
        c.text(&scale.name, "name", &scale.id);
        let values: Vec<u8> = scale.points.iter().map(|p| p.value).collect();
        let expected: Vec<u8> = (1..=values.len() as u8).collect();
        if values.len() < 2 || values.len() > 9 || values != expected {
            let position = c.locator.key_value("id", &scale.id, 0);
            c.report(
                position,
                t!("validate.bad_scale", id = &scale.id),
                Some(t!("validate.bad_scale_hint")),
            );
        }
        for point in &scale.points {
            c.text(&point.label, "label", &scale.id);
        }
        if let Some(label) = &scale.not_applicable {
            c.text(label, "not_applicable", &scale.id);
        }
    }
}

fn check_targets(doc: &TargetsDocument, c: &mut Checker) {
    for role in &doc.roles {
        c.id(&role.id);
        c.text(&role.name, "name", &role.id);
    }
    if doc.roles.iter().filter(|r| r.default).count() > 1 {
        let position = c.locator.key_value("default", "true", 1);
        c.report(position, t!("validate.two_defaults"), None);
    }
}

fn check_links(doc: &LinksDocument, c: &mut Checker) {
    let mut seen = BTreeSet::new();
    for link in &doc.links {
        if !seen.insert((&link.framework, &link.competency)) {
            let position = c.locator.key_value("competency", &link.competency, 1);
            c.report(
                position,
                t!(
                    "validate.duplicate_link",
                    framework = &link.framework,
                    competency = &link.competency
                ),
                None,
            );
        }
        let no_rationale = link
            .rationale
            .as_deref()
            .is_none_or(|r| r.trim().is_empty());
        if link.status == LinkStatus::Proposal && no_rationale {
            let position = c.locator.key_value("competency", &link.competency, 0);
            c.report(position, t!("validate.proposal_without_rationale"), None);
        }
    }
}

/// What the merged library holds, with the file each part came from, for the cross checks.
#[derive(Default)]
struct Staging {
    frameworks: Keyed<String, Framework>,
    boks: Option<(usize, Located<Boks>)>,
    links: Keyed<(String, String), Link>,
    categories: Keyed<String, MethodCategory>,
    methods: Keyed<String, Method>,
    scales: Keyed<String, Scale>,
    roles: Keyed<String, Role>,
}

/// Entries in the order they were first added, each with its layer, found by key in constant
/// time (a data file may hold many thousands).
struct Keyed<K, T> {
    entries: Vec<(usize, Located<T>)>,
    index: HashMap<K, usize>,
}

impl<K, T> Default for Keyed<K, T> {
    fn default() -> Self {
        Keyed {
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq, T> Keyed<K, T> {
    /// Adds or replaces an entry by key. A second entry with the same key in the same layer is
    /// a duplicate (reported); in a later layer it replaces the earlier one (an override).
    fn upsert(&mut self, layer: usize, item: Located<T>, key: K) -> bool {
        match self.index.get(&key) {
            Some(&at) if self.entries[at].0 == layer => false,
            Some(&at) => {
                self.entries[at] = (layer, item);
                true
            }
            None => {
                self.index.insert(key, self.entries.len());
                self.entries.push((layer, item));
                true
            }
        }
    }

    fn get_mut(&mut self, key: &K) -> Option<&mut (usize, Located<T>)> {
        self.index.get(key).map(|&at| &mut self.entries[at])
    }

    fn iter(&self) -> std::slice::Iter<'_, (usize, Located<T>)> {
        self.entries.iter()
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Parses, checks and merges the layers of files; returns the library and all problems.
pub fn load_layers(layers: &[Vec<SourceFile>]) -> (Library, Vec<Problem>) {
    let files: Vec<(usize, &SourceFile)> = layers
        .iter()
        .enumerate()
        .flat_map(|(layer, files)| files.iter().map(move |f| (layer, f)))
        .collect();
    let mut problems = Vec::new();
    let mut staging = Staging::default();
    for (index, (layer, file)) in files.iter().enumerate() {
        let document = match parse_document(file) {
            Ok(document) => document,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let mut checker = Checker::new(file);
        stage(&mut staging, &mut checker, *layer, index, document);
        problems.extend(checker.problems);
    }
    let library = cross_check(&staging, &files, &mut problems);
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    problems.dedup();
    (library, problems)
}

fn stage(staging: &mut Staging, c: &mut Checker, layer: usize, file: usize, document: Document) {
    let duplicate = |c: &mut Checker, key: &str, id: &str| {
        let position = c.locator.key_value(key, id, 0);
        c.report(
            position,
            t!("validate.duplicate_across_files", id = id),
            Some(t!("validate.duplicate_across_files_hint")),
        );
    };
    match document {
        Document::Framework(framework) => {
            check_framework(&framework, c);
            let id = framework.id.clone();
            let located = Located {
                file,
                doc: *framework,
            };
            if !staging.frameworks.upsert(layer, located, id.clone()) {
                duplicate(c, "id", &id);
            }
        }
        Document::Boks(boks) => {
            check_boks(&boks, c);
            match &staging.boks {
                Some((existing, _)) if *existing == layer => duplicate(c, "id", &boks.id),
                _ => staging.boks = Some((layer, Located { file, doc: *boks })),
            }
        }
        Document::Links(doc) => {
            check_links(&doc, c);
            for link in doc.links {
                let key = (link.framework.clone(), link.competency.clone());
                staging
                    .links
                    .upsert(layer, Located { file, doc: link }, key);
            }
        }
        Document::Methods(doc) => {
            check_methods(&doc, c);
            for category in doc.categories {
                let id = category.id.clone();
                let located = Located {
                    file,
                    doc: category,
                };
                if !staging.categories.upsert(layer, located, id.clone()) {
                    duplicate(c, "id", &id);
                }
            }
            for method in doc.methods {
                let id = method.id.clone();
                let located = Located { file, doc: method };
                if !staging.methods.upsert(layer, located, id.clone()) {
                    duplicate(c, "id", &id);
                }
            }
        }
        Document::Scales(doc) => {
            check_scales(&doc, c);
            for scale in doc.scales {
                let id = scale.id.clone();
                let located = Located { file, doc: scale };
                if !staging.scales.upsert(layer, located, id.clone()) {
                    duplicate(c, "id", &id);
                }
            }
        }
        Document::Targets(doc) => {
            check_targets(&doc, c);
            for role in doc.roles {
                merge_role(staging, c, layer, Located { file, doc: role });
            }
        }
    }
}

/// A role in a later layer adds to or replaces the targets of an earlier one per framework.
fn merge_role(staging: &mut Staging, c: &mut Checker, layer: usize, role: Located<Role>) {
    let Some((existing_layer, existing)) = staging.roles.get_mut(&role.doc.id) else {
        let id = role.doc.id.clone();
        staging.roles.upsert(layer, role, id);
        return;
    };
    if *existing_layer == layer {
        let position = c.locator.key_value("id", &role.doc.id, 0);
        c.report(
            position,
            t!("validate.duplicate_across_files", id = &role.doc.id),
            Some(t!("validate.duplicate_across_files_hint")),
        );
        return;
    }
    *existing_layer = layer;
    existing.file = role.file;
    existing.doc.name = role.doc.name;
    existing.doc.default = role.doc.default;
    existing.doc.origin = role.doc.origin;
    existing.doc.targets.extend(role.doc.targets);
}

/// Checks references between documents and builds the library.
fn cross_check(
    staging: &Staging,
    files: &[(usize, &SourceFile)],
    problems: &mut Vec<Problem>,
) -> Library {
    // One locator per file, made when the file has its first problem.
    let locators: Vec<OnceCell<Locator>> = files.iter().map(|_| OnceCell::new()).collect();
    let report = |problems: &mut Vec<Problem>,
                  file: usize,
                  key: &str,
                  value: &str,
                  message: String,
                  hint: Option<String>| {
        let source = files[file].1;
        let locator = locators[file].get_or_init(|| Locator::new(&source.text));
        let position = locator.key_value(key, value, 0);
        let mut problem = Problem::new(&source.name, position, message);
        problem.hint = hint;
        problems.push(problem);
    };
    let unknown = |what: &str, id: &str| {
        t!(
            "validate.unknown_reference",
            what = what_name(what),
            id = id
        )
    };
    let known = |ids: &[&str]| Some(known_ids_hint(ids.iter().copied()));

    let scale_ids: Vec<&str> = staging
        .scales
        .iter()
        .map(|(_, s)| s.doc.id.as_str())
        .collect();
    let frameworks: BTreeMap<&str, &Framework> = staging
        .frameworks
        .iter()
        .map(|(_, f)| (f.doc.id.as_str(), &f.doc))
        .collect();
    let framework_ids: Vec<&str> = frameworks.keys().copied().collect();
    let scales: BTreeMap<&str, &Scale> = staging
        .scales
        .iter()
        .map(|(_, s)| (s.doc.id.as_str(), &s.doc))
        .collect();

    let competencies: HashMap<&str, HashSet<&str>> = frameworks
        .iter()
        .map(|(id, f)| (*id, f.competencies.iter().map(|c| c.id.as_str()).collect()))
        .collect();

    for (_, framework) in staging.frameworks.iter() {
        for (key, id) in [
            ("self_scan", &framework.doc.scales.self_scan),
            ("interview", &framework.doc.scales.interview),
        ] {
            if !scales.contains_key(id.as_str()) {
                let message = unknown("scale", id);
                report(
                    problems,
                    framework.file,
                    key,
                    id,
                    message,
                    known(&scale_ids),
                );
            }
        }
    }

    let mut boks_rows: Vec<&str> = Vec::new();
    if let Some((_, boks)) = &staging.boks {
        match frameworks.get(boks.doc.framework.as_str()) {
            None => {
                let message = unknown("framework", &boks.doc.framework);
                let hint = known(&framework_ids);
                report(
                    problems,
                    boks.file,
                    "framework",
                    &boks.doc.framework,
                    message,
                    hint,
                );
            }
            Some(framework) => {
                let clusters: Vec<&str> =
                    framework.clusters.iter().map(|c| c.id.as_str()).collect();
                let cluster_set: HashSet<&str> = clusters.iter().copied().collect();
                for row in &boks.doc.rows {
                    if !cluster_set.contains(row.cluster.as_str()) {
                        let message = unknown("cluster", &row.cluster);
                        let hint = known(&clusters);
                        report(problems, boks.file, "cluster", &row.cluster, message, hint);
                    }
                }
            }
        }
        boks_rows = boks.doc.rows.iter().map(|r| r.cluster.as_str()).collect();
    }

    let category_ids: Vec<&str> = staging
        .categories
        .iter()
        .map(|(_, c)| c.doc.id.as_str())
        .collect();
    let category_set: HashSet<&str> = category_ids.iter().copied().collect();
    for (_, method) in staging.methods.iter() {
        if !category_set.contains(method.doc.category.as_str()) {
            let message = unknown("category", &method.doc.category);
            let hint = known(&category_ids);
            report(
                problems,
                method.file,
                "category",
                &method.doc.category,
                message,
                hint,
            );
        }
    }
    let method_ids: Vec<&str> = staging
        .methods
        .iter()
        .map(|(_, m)| m.doc.id.as_str())
        .collect();

    let method_set: HashSet<&str> = method_ids.iter().copied().collect();
    let boks_row_set: HashSet<&str> = boks_rows.iter().copied().collect();
    for (_, link) in staging.links.iter() {
        let Some(framework) = frameworks.get(link.doc.framework.as_str()) else {
            let message = unknown("framework", &link.doc.framework);
            let hint = known(&framework_ids);
            report(
                problems,
                link.file,
                "framework",
                &link.doc.framework,
                message,
                hint,
            );
            continue;
        };
        check_competency(
            framework,
            &competencies,
            &link.doc.competency,
            |message, hint| {
                report(
                    problems,
                    link.file,
                    "competency",
                    &link.doc.competency,
                    message,
                    hint,
                )
            },
        );
        for row in &link.doc.boks_rows {
            if !boks_row_set.contains(row.as_str()) {
                let hint = known(&boks_rows);
                report(
                    problems,
                    link.file,
                    "boks_rows",
                    row,
                    unknown("boks_row", row),
                    hint,
                );
            }
        }
        for method in &link.doc.methods {
            if !method_set.contains(method.as_str()) {
                let hint = known(&method_ids);
                report(
                    problems,
                    link.file,
                    "methods",
                    method,
                    unknown("method", method),
                    hint,
                );
            }
        }
    }

    for (_, role) in staging.roles.iter() {
        for (framework_id, targets) in &role.doc.targets {
            let Some(framework) = frameworks.get(framework_id.as_str()) else {
                let message = unknown("framework", framework_id);
                let hint = known(&framework_ids);
                report(problems, role.file, framework_id, "", message, hint);
                continue;
            };
            let scale = scales.get(framework.scales.self_scan.as_str());
            for (competency, target) in targets {
                check_competency(framework, &competencies, competency, |message, hint| {
                    report(problems, role.file, competency, "", message, hint)
                });
                let Some(scale) = scale else { continue };
                let (min, max) = (f64::from(scale.min()), f64::from(scale.max()));
                if !(min..=max).contains(target) {
                    let value = target.to_string();
                    let message = t!(
                        "validate.target_out_of_range",
                        competency = competency,
                        target = target,
                        min = min,
                        max = max
                    );
                    report(problems, role.file, competency, &value, message, None);
                }
            }
        }
    }
    if !staging.roles.is_empty() && staging.roles.iter().filter(|(_, r)| r.doc.default).count() != 1
    {
        let (_, role) = &staging.roles.entries[0];
        report(
            problems,
            role.file,
            "id",
            &role.doc.id,
            t!("validate.one_default_role"),
            None,
        );
    }

    Library {
        framework_files: staging
            .frameworks
            .iter()
            .map(|(_, f)| (f.doc.id.clone(), files[f.file].1.name.clone()))
            .collect(),
        frameworks: staging
            .frameworks
            .iter()
            .map(|(_, f)| f.doc.clone())
            .collect(),
        boks: staging.boks.as_ref().map(|(_, b)| b.doc.clone()),
        links: staging.links.iter().map(|(_, l)| l.doc.clone()).collect(),
        method_categories: staging
            .categories
            .iter()
            .map(|(_, c)| c.doc.clone())
            .collect(),
        methods: staging.methods.iter().map(|(_, m)| m.doc.clone()).collect(),
        scales: staging.scales.iter().map(|(_, s)| s.doc.clone()).collect(),
        roles: staging.roles.iter().map(|(_, r)| r.doc.clone()).collect(),
    }
}

fn check_competency(
    framework: &Framework,
    competencies: &HashMap<&str, HashSet<&str>>,
    competency: &str,
    mut report: impl FnMut(String, Option<String>),
) {
    if competencies
        .get(framework.id.as_str())
        .is_some_and(|ids| ids.contains(competency))
    {
        return;
    }
    let ids = framework.competencies.iter().map(|c| c.id.as_str());
    report(
        t!(
            "validate.unknown_competency",
            competency = competency,
            framework = &framework.id
        ),
        Some(known_ids_hint(ids)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locator_finds_the_nth_key_value_line() {
        let text = "id: a\nitems:\n  - id: b\n    text: x\n  - id: \"b\"\n";
        let locator = Locator::new(text);
        assert_eq!(locator.key_value("id", "b", 0), (3, 5));
        assert_eq!(locator.key_value("id", "b", 1), (5, 5));
        assert_eq!(locator.key_line("items"), (2, 1));
    }

    #[test]
    fn ids_are_lowercase_words() {
        assert!(valid_id("coachen.i1"));
        assert!(valid_id("op-de-vraag-af"));
        assert!(!valid_id("Coachen"));
        assert!(!valid_id("met spatie"));
        assert!(!valid_id(""));
    }
}
