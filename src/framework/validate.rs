//! Validation of loaded content: unique ids, references that resolve, sensible scales and
//! targets, no empty texts. Every problem is placed at a line of the file that holds it.
//!
//! serde_yaml reports positions only for syntax and type errors, so problems found after
//! parsing are placed by the path of the offending key or value in the file
//! ([`super::positions`]). [`Locator`] is the older, simpler search that readers of result
//! files use.

use std::cell::{Cell, OnceCell};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::Hash;

use super::load::{Document, Library, Located, SourceFile, parse_document};
use super::model::*;
use super::positions::{Position, Positions, Step, Step::Index as I, Step::Key as K};
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

/// Collects the problems of one file, each placed at the key or value it is about.
struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    positions: OnceCell<Positions>,
    /// Whether the file is the organisation's (not bundled): only then are warnings given.
    own: bool,
    problems: Vec<Problem>,
    /// Problems that cause others (a duplicate id): reported first.
    roots: Vec<Problem>,
    warnings: Vec<Problem>,
    /// How many times each id was seen, to report a duplicate at its second occurrence.
    seen_ids: HashMap<String, usize>,
}

/// Whether a text holds control characters other than line breaks and tabs. Such texts are
/// refused: printed to a terminal they could move the cursor, retitle the window or hide text.
pub fn has_control_chars(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// The message for a reference to something that does not exist: "onbekend framework 'x'",
/// "onbekende methode 'x'" (Dutch inflects the adjective by the noun, so each is one text).
fn unknown(what: &str, id: &str) -> String {
    crate::i18n::format(&format!("unknown.{what}"), &[("id", id.to_string())])
}

/// The hint listing known ids, each once; a long list is cut short, since the user can look
/// them up. Only the ids shown are compared, so that many problems against a long list of ids
/// stay linear.
fn known_ids_hint<'s>(ids: impl ExactSizeIterator<Item = &'s str>) -> String {
    const SHOWN: usize = 12;
    let total = ids.len();
    let (mut list, mut consumed) = (Vec::new(), 0);
    for id in ids {
        if list.len() == SHOWN {
            break;
        }
        consumed += 1;
        if !list.contains(&id) {
            list.push(id);
        }
    }
    let more = total - consumed;
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
    fn new(file: &'a SourceFile, own: bool) -> Self {
        Checker {
            file: &file.name,
            text: &file.text,
            positions: OnceCell::new(),
            own,
            problems: Vec::new(),
            roots: Vec::new(),
            warnings: Vec::new(),
            seen_ids: HashMap::new(),
        }
    }

    /// The file's positions, read when its first problem is placed.
    fn positions(&self) -> &Positions {
        self.positions.get_or_init(|| Positions::new(self.text))
    }

    fn at(&self, path: &[Step]) -> Position {
        self.positions().value(path)
    }

    fn key_at(&self, path: &[Step]) -> Position {
        self.positions().key(path)
    }

    fn problem(&self, position: Position, message: String, hint: Option<String>) -> Problem {
        let mut problem = Problem::new(self.file, position, message);
        problem.hint = hint;
        problem
    }

    fn report(&mut self, position: Position, message: String, hint: Option<String>) {
        let problem = self.problem(position, message, hint);
        self.problems.push(problem);
    }

    fn warn(&mut self, position: Position, message: String, hint: Option<String>) {
        if self.own {
            let problem = self.problem(position, message, hint);
            self.warnings.push(problem);
        }
    }

    /// Checks an id's form and uniqueness within the file; `path` leads to the id's value.
    fn id(&mut self, id: &str, path: &[Step]) {
        let occurrence = self.seen_ids.entry(id.to_string()).or_insert(0);
        let duplicate = *occurrence > 0;
        *occurrence += 1;
        if duplicate {
            let problem = self.problem(
                self.at(path),
                t!("validate.duplicate_id", id = id),
                Some(t!("validate.duplicate_id_hint")),
            );
            self.roots.push(problem);
        }
        if !valid_id(id) {
            self.report(
                self.at(path),
                t!("validate.bad_id", id = id),
                Some(t!("validate.bad_id_hint")),
            );
        }
    }

    /// Reports an empty text or one with control characters; `near` is the id of the item it
    /// belongs to, `path` leads to the text.
    fn text(&mut self, text: &str, field: &str, near: &str, path: &[Step]) {
        if has_control_chars(text) {
            let message = t!("validate.control_chars", field = field, id = near);
            self.report(self.at(path), message, None);
        }
        if text.trim().is_empty() {
            let message = t!("validate.empty_text", field = field, id = near);
            self.report(self.at(path), message, None);
        }
    }

    fn reference(&mut self, value: &str, known: &BTreeSet<&str>, what: &str, path: &[Step]) {
        if known.contains(value) {
            return;
        }
        let hint = known_ids_hint(known.iter().copied());
        self.report(self.at(path), unknown(what, value), Some(hint));
    }
}

fn check_framework(framework: &Framework, c: &mut Checker) {
    c.id(&framework.id, &[K("id")]);
    c.text(&framework.name, "name", &framework.id, &[K("name")]);
    c.text(&framework.source, "source", &framework.id, &[K("source")]);
    for (n, note) in framework.notes.iter().enumerate() {
        c.text(note, "notes", &framework.id, &[K("notes"), I(n)]);
    }
    if framework.competencies.is_empty() {
        c.report(
            c.key_at(&[K("competencies")]),
            t!("validate.no_competencies"),
            None,
        );
    }
    let mut references = BTreeSet::new();
    for (n, reference) in framework.references.iter().enumerate() {
        let path = [K("references"), I(n)];
        c.id(&reference.id, &[path[0], path[1], K("id")]);
        c.text(
            &reference.text,
            "text",
            &reference.id,
            &[path[0], path[1], K("text")],
        );
        references.insert(reference.id.as_str());
    }
    let mut clusters = BTreeSet::new();
    for (n, cluster) in framework.clusters.iter().enumerate() {
        c.id(&cluster.id, &[K("clusters"), I(n), K("id")]);
        c.text(
            &cluster.name,
            "name",
            &cluster.id,
            &[K("clusters"), I(n), K("name")],
        );
        clusters.insert(cluster.id.as_str());
    }
    for (n, competency) in framework.competencies.iter().enumerate() {
        let at = |key| [K("competencies"), I(n), K(key)];
        let id = competency.id.as_str();
        c.id(id, &at("id"));
        c.text(&competency.name, "name", id, &at("name"));
        if let Some(definition) = &competency.definition {
            c.text(definition, "definition", id, &at("definition"));
        }
        for (r, remark) in competency.remarks.iter().enumerate() {
            let path = [K("competencies"), I(n), K("remarks"), I(r)];
            c.text(remark, "remarks", id, &path);
        }
        for (d, driver) in competency.drivers.iter().enumerate() {
            let path = [K("competencies"), I(n), K("drivers"), I(d), K("name")];
            c.text(&driver.name, "drivers", id, &path);
        }
        if let Some(cluster) = &competency.cluster {
            c.reference(cluster, &clusters, "cluster", &at("cluster"));
        }
        for (list, items) in [
            ("indicators", &competency.indicators),
            ("questions", &competency.questions),
        ] {
            for (i, item) in items.iter().enumerate() {
                let at = |key| [K("competencies"), I(n), K(list), I(i), K(key)];
                c.id(&item.id, &at("id"));
                c.text(&item.text, "text", &item.id, &at("text"));
                if let Some(reference) = &item.reference {
                    c.reference(reference, &references, "reference", &at("reference"));
                }
            }
        }
    }
    warn_what_jobs_miss(framework, c);
}

/// Warnings for what a job will miss in an organisation's framework: a competency without a
/// definition (guide and report lack it), without indicators (not in a scan), without
/// questions (not in an interview). A framework with none at all is meant to be shown and
/// linked only (like `wmo`), and gets one warning instead of one per competency.
fn warn_what_jobs_miss(framework: &Framework, c: &mut Checker) {
    let id = framework.id.as_str();
    let competencies = &framework.competencies;
    let none_scanned = competencies.iter().all(|k| k.indicators.is_empty());
    let none_asked = competencies.iter().all(|k| k.questions.is_empty());
    if !competencies.is_empty() && none_scanned {
        let message = t!("warning.no_indicators_at_all", framework = id);
        c.warn(c.key_at(&[K("competencies")]), message, None);
    }
    if !competencies.is_empty() && none_asked {
        let message = t!("warning.no_questions_at_all", framework = id);
        c.warn(c.key_at(&[K("competencies")]), message, None);
    }
    for (n, competency) in competencies.iter().enumerate() {
        let at = c.at(&[K("competencies"), I(n), K("id")]);
        let name = competency.id.as_str();
        if competency.definition.is_none() {
            let hint = t!("warning.no_definition_hint");
            c.warn(at, t!("warning.no_definition", id = name), Some(hint));
        }
        if competency.indicators.is_empty() && !none_scanned {
            let hint = t!("warning.no_indicators_hint");
            c.warn(at, t!("warning.no_indicators", id = name), Some(hint));
        }
        if competency.questions.is_empty() && !none_asked {
            let hint = t!("warning.no_questions_hint");
            c.warn(at, t!("warning.no_questions", id = name), Some(hint));
        }
    }
}

fn check_boks(boks: &Boks, c: &mut Checker) {
    c.id(&boks.id, &[K("id")]);
    c.text(&boks.name, "name", &boks.id, &[K("name")]);
    let mut columns = BTreeSet::new();
    for (g, group) in boks.column_groups.iter().enumerate() {
        c.id(&group.id, &[K("column_groups"), I(g), K("id")]);
        c.text(
            &group.name,
            "name",
            &group.id,
            &[K("column_groups"), I(g), K("name")],
        );
        for (n, column) in group.columns.iter().enumerate() {
            let at = |key| [K("column_groups"), I(g), K("columns"), I(n), K(key)];
            // A group with one column may share its id with that column.
            if column.id != group.id {
                c.id(&column.id, &at("id"));
            }
            c.text(&column.name, "name", &column.id, &at("name"));
            columns.insert(column.id.as_str());
        }
    }
    let groups: BTreeSet<&str> = boks.column_groups.iter().map(|g| g.id.as_str()).collect();
    let mut numbers = BTreeSet::new();
    for (n, field) in boks.work_fields.iter().enumerate() {
        if let Some(group) = &field.column_group {
            let path = [K("work_fields"), I(n), K("column_group")];
            c.reference(group, &groups, "column", &path);
        }
        if !numbers.insert(field.number) {
            let position = c.at(&[K("work_fields"), I(n), K("number")]);
            let message = t!("validate.duplicate_number", number = field.number);
            c.report(position, message, None);
        }
    }
    let mut rows = BTreeSet::new();
    for (r, row) in boks.rows.iter().enumerate() {
        if !rows.insert(row.cluster.as_str()) {
            let position = c.at(&[K("rows"), I(r), K("cluster")]);
            c.report(
                position,
                t!("validate.duplicate_id", id = &row.cluster),
                None,
            );
        }
        for (column, activities) in &row.cells {
            let path = [K("rows"), I(r), K("cells"), K(column)];
            if !columns.contains(column.as_str()) {
                let hint = known_ids_hint(columns.iter().copied());
                c.report(c.key_at(&path), unknown("column", column), Some(hint));
            }
            for (a, activity) in activities.iter().enumerate() {
                let path = [path[0], path[1], path[2], path[3], I(a)];
                c.text(activity, "cells", &row.cluster, &path);
            }
        }
    }
}

fn check_methods(doc: &MethodsDocument, c: &mut Checker) {
    for (n, category) in doc.categories.iter().enumerate() {
        c.id(&category.id, &[K("categories"), I(n), K("id")]);
        let path = [K("categories"), I(n), K("name")];
        c.text(&category.name, "name", &category.id, &path);
    }
    // A method's category may be in another file: that is checked on the merged data.
    for (n, method) in doc.methods.iter().enumerate() {
        c.id(&method.id, &[K("methods"), I(n), K("id")]);
        c.text(
            &method.name,
            "name",
            &method.id,
            &[K("methods"), I(n), K("name")],
        );
    }
}

fn check_scales(doc: &ScalesDocument, c: &mut Checker) {
    for (n, scale) in doc.scales.iter().enumerate() {
        c.id(&scale.id, &[K("scales"), I(n), K("id")]);
        c.text(
            &scale.name,
            "name",
            &scale.id,
            &[K("scales"), I(n), K("name")],
        );
        let values: Vec<u8> = scale.points.iter().map(|p| p.value).collect();
        let expected: Vec<u8> = (1..=values.len() as u8).collect();
        if values.len() < 2 || values.len() > 9 || values != expected {
            // At the first point out of order, or at `points:` when there are too few or many.
            let wrong = values.iter().zip(&expected).position(|(a, b)| a != b);
            let position = match wrong {
                Some(p) if (2..=9).contains(&values.len()) => {
                    c.at(&[K("scales"), I(n), K("points"), I(p), K("value")])
                }
                _ => c.key_at(&[K("scales"), I(n), K("points")]),
            };
            c.report(
                position,
                t!("validate.bad_scale", id = &scale.id),
                Some(t!("validate.bad_scale_hint")),
            );
        }
        for (p, point) in scale.points.iter().enumerate() {
            let path = [K("scales"), I(n), K("points"), I(p), K("label")];
            c.text(&point.label, "label", &scale.id, &path);
        }
        if let Some(label) = &scale.not_applicable {
            let path = [K("scales"), I(n), K("not_applicable")];
            c.text(label, "not_applicable", &scale.id, &path);
        }
    }
}

fn check_targets(doc: &TargetsDocument, c: &mut Checker) {
    for (n, role) in doc.roles.iter().enumerate() {
        c.id(&role.id, &[K("roles"), I(n), K("id")]);
        c.text(&role.name, "name", &role.id, &[K("roles"), I(n), K("name")]);
        let mut levels = HashSet::new();
        for (l, level) in role.levels.iter().enumerate() {
            let at = |key| [K("roles"), I(n), K("levels"), I(l), K(key)];
            if !levels.insert(level.id.as_str()) {
                let message = t!("validate.duplicate_id", id = &level.id);
                c.report(c.at(&at("id")), message, None);
            }
            c.text(&level.name, "name", &level.id, &at("name"));
            let no_rationale = level
                .rationale
                .as_deref()
                .is_none_or(|r| r.trim().is_empty());
            if level.origin != Origin::Source && no_rationale {
                let message = t!("validate.level_without_rationale", id = &level.id);
                c.report(c.key_at(&at("id")), message, None);
            }
        }
    }
}

fn check_links(doc: &LinksDocument, c: &mut Checker) {
    let mut seen = BTreeSet::new();
    for (n, link) in doc.links.iter().enumerate() {
        if !seen.insert((&link.framework, &link.competency)) {
            c.report(
                c.at(&[K("links"), I(n), K("competency")]),
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
            let position = c.at(&[K("links"), I(n), K("status")]);
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
    organisation: Option<Located<OrganisationDocument>>,
    /// The role that is the default for each framework, with the layer that says so.
    defaults: HashMap<String, (usize, String)>,
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

    fn get(&self, key: &K) -> Option<&Located<T>> {
        self.index.get(key).map(|&at| &self.entries[at].1)
    }

    fn iter(&self) -> std::slice::Iter<'_, (usize, Located<T>)> {
        self.entries.iter()
    }
}

/// What can be read of a file that does not parse, to leave out the problems it causes
/// elsewhere: a targets file naming its framework is no news while the framework is broken.
struct Broken<'a> {
    kind: Option<&'a str>,
    /// The words of the file (runs of id characters), to look an id up in constant time.
    words: HashSet<&'a str>,
}

impl<'a> Broken<'a> {
    fn read(text: &'a str) -> Self {
        let kind = text.lines().find_map(|line| {
            let value = line.strip_prefix("kind")?.trim_start().strip_prefix(':')?;
            let value = value.split(" #").next().unwrap_or_default().trim();
            Some(value.trim_matches(|c| c == '"' || c == '\''))
        });
        let words = text
            .split(|c: char| !(c.is_alphanumeric() || "-_.".contains(c)))
            .filter(|w| !w.is_empty())
            .collect();
        Broken { kind, words }
    }

    /// Whether this file may be where `id`, a thing of kind `what`, is defined: a document of
    /// that kind (or of a kind it does not say) that mentions the id.
    fn may_define(&self, what: &str, id: &str) -> bool {
        let kind = match what {
            "framework" => "framework",
            "method" | "category" => "methods",
            "scale" => "scales",
            "boks_row" => "boks",
            _ => return false,
        };
        self.kind.is_none_or(|k| k == kind) && self.words.contains(id)
    }
}

/// Parses, checks and merges the layers of files; returns the library and all problems. The
/// first layer is the bundled data; the files of later layers are the organisation's.
///
/// The problems that cause others come first: files that do not parse and duplicate ids.
/// What a broken file would have defined is not reported as unknown elsewhere.
pub fn load_layers(layers: &[Vec<SourceFile>]) -> (Library, Vec<Problem>) {
    let files: Vec<(usize, &SourceFile)> = layers
        .iter()
        .enumerate()
        .flat_map(|(layer, files)| files.iter().map(move |f| (layer, f)))
        .collect();
    let mut roots = Vec::new();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut broken = Vec::new();
    let mut staging = Staging::default();
    for (index, (layer, file)) in files.iter().enumerate() {
        let document = match parse_document(file) {
            Ok(document) => document,
            Err(problem) => {
                roots.push(problem);
                broken.push(Broken::read(&file.text));
                continue;
            }
        };
        let mut checker = Checker::new(file, *layer > 0);
        stage(&mut staging, &mut checker, *layer, index, document);
        roots.extend(checker.roots);
        problems.extend(checker.problems);
        warnings.extend(checker.warnings);
    }
    let mut library = cross_check(&staging, &files, &broken, &mut problems);
    let by_place =
        |a: &Problem, b: &Problem| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column));
    roots.sort_by(by_place);
    problems.sort_by(by_place);
    warnings.sort_by(by_place);
    roots.extend(problems);
    roots.dedup();
    library.warnings = warnings;
    (library, roots)
}

fn stage(staging: &mut Staging, c: &mut Checker, layer: usize, file: usize, document: Document) {
    let duplicate = |c: &mut Checker, path: &[Step], id: &str| {
        let problem = c.problem(
            c.at(path),
            t!("validate.duplicate_across_files", id = id),
            Some(t!("validate.duplicate_across_files_hint")),
        );
        c.roots.push(problem);
    };
    match document {
        Document::Framework(framework) => {
            check_framework(&framework, c);
            let id = framework.id.clone();
            if !staging.frameworks.upsert(
                layer,
                Located {
                    file,
                    index: 0,
                    doc: *framework,
                },
                id.clone(),
            ) {
                duplicate(c, &[K("id")], &id);
            }
        }
        Document::Boks(boks) => {
            check_boks(&boks, c);
            match &staging.boks {
                Some((existing, _)) if *existing == layer => duplicate(c, &[K("id")], &boks.id),
                _ => {
                    staging.boks = Some((
                        layer,
                        Located {
                            file,
                            index: 0,
                            doc: *boks,
                        },
                    ))
                }
            }
        }
        Document::Links(doc) => {
            check_links(&doc, c);
            for (n, link) in doc.links.into_iter().enumerate() {
                let key = (link.framework.clone(), link.competency.clone());
                staging.links.upsert(
                    layer,
                    Located {
                        file,
                        index: n,
                        doc: link,
                    },
                    key,
                );
            }
        }
        Document::Methods(doc) => {
            check_methods(&doc, c);
            for (n, category) in doc.categories.into_iter().enumerate() {
                let id = category.id.clone();
                if !staging.categories.upsert(
                    layer,
                    Located {
                        file,
                        index: n,
                        doc: category,
                    },
                    id.clone(),
                ) {
                    duplicate(c, &[K("categories"), I(n), K("id")], &id);
                }
            }
            for (n, method) in doc.methods.into_iter().enumerate() {
                let id = method.id.clone();
                if !staging.methods.upsert(
                    layer,
                    Located {
                        file,
                        index: n,
                        doc: method,
                    },
                    id.clone(),
                ) {
                    duplicate(c, &[K("methods"), I(n), K("id")], &id);
                }
            }
        }
        Document::Scales(doc) => {
            check_scales(&doc, c);
            for (n, scale) in doc.scales.into_iter().enumerate() {
                let id = scale.id.clone();
                if !staging.scales.upsert(
                    layer,
                    Located {
                        file,
                        index: n,
                        doc: scale,
                    },
                    id.clone(),
                ) {
                    duplicate(c, &[K("scales"), I(n), K("id")], &id);
                }
            }
        }
        Document::Organisation(doc) => {
            c.text(&doc.name, "name", "organisation", &[K("name")]);
            match &staging.organisation {
                Some(existing) if existing.file != file => duplicate(c, &[K("name")], &doc.name),
                _ => {
                    staging.organisation = Some(Located {
                        file,
                        index: 0,
                        doc,
                    })
                }
            }
        }
        Document::Targets(doc) => {
            check_targets(&doc, c);
            for (n, role) in doc.roles.into_iter().enumerate() {
                set_defaults(staging, c, layer, n, &role);
                merge_role(
                    staging,
                    c,
                    layer,
                    Located {
                        file,
                        index: n,
                        doc: role,
                    },
                );
            }
        }
    }
}

/// A role with `default: true` is the default for the frameworks its targets name; a later
/// layer's default for a framework replaces an earlier one's, so an organisation's default
/// for a bundled framework replaces the bundled default.
fn set_defaults(staging: &mut Staging, c: &mut Checker, layer: usize, index: usize, role: &Role) {
    if !role.default {
        return;
    }
    for framework in role.targets.keys() {
        match staging.defaults.get(framework) {
            Some((existing, other)) if *existing == layer && *other != role.id => {
                let message = t!(
                    "validate.two_defaults",
                    framework = framework,
                    a = other,
                    b = &role.id
                );
                let position = c.at(&[K("roles"), I(index), K("default")]);
                c.report(position, message, Some(t!("validate.two_defaults_hint")));
            }
            _ => {
                staging
                    .defaults
                    .insert(framework.clone(), (layer, role.id.clone()));
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
        let position = c.at(&[K("roles"), I(role.index), K("id")]);
        let problem = c.problem(
            position,
            t!("validate.duplicate_across_files", id = &role.doc.id),
            Some(t!("validate.duplicate_across_files_hint")),
        );
        c.roots.push(problem);
        return;
    }
    *existing_layer = layer;
    existing.file = role.file;
    existing.index = role.index;
    existing.doc.name = role.doc.name;
    existing.doc.default = existing.doc.default || role.doc.default;
    existing.doc.origin = role.doc.origin;
    existing.doc.targets.extend(role.doc.targets);
    if !role.doc.levels.is_empty() {
        existing.doc.levels = role.doc.levels;
    }
}

/// Checks references between documents and builds the library.
fn cross_check(
    staging: &Staging,
    files: &[(usize, &SourceFile)],
    broken: &[Broken],
    problems: &mut Vec<Problem>,
) -> Library {
    // One position tree per file, read when the file has its first problem.
    let positions: Vec<OnceCell<Positions>> = files.iter().map(|_| OnceCell::new()).collect();
    let caused_by_broken = |what: &str, id: &str| broken.iter().any(|b| b.may_define(what, id));
    let place = |file: usize, path: &[Step], key: bool| {
        let source = files[file].1;
        let tree = positions[file].get_or_init(|| Positions::new(&source.text));
        if key {
            tree.key(path)
        } else {
            tree.value(path)
        }
    };
    let report = |problems: &mut Vec<Problem>,
                  (file, path, key): (usize, &[Step], bool),
                  message: String,
                  hint: Option<String>| {
        let mut problem = Problem::new(&files[file].1.name, place(file, path, key), message);
        problem.hint = hint;
        problems.push(problem);
    };
    let known = |ids: &[&str]| Some(known_ids_hint(ids.iter().copied()));

    let frameworks: BTreeMap<&str, &Framework> = staging
        .frameworks
        .iter()
        .map(|(_, f)| (f.doc.id.as_str(), &f.doc))
        .collect();
    let framework_ids: Vec<&str> = frameworks.keys().copied().collect();
    let scale_ids: Vec<&str> = staging
        .scales
        .iter()
        .map(|(_, s)| s.doc.id.as_str())
        .collect();
    let scales: BTreeMap<&str, &Scale> = staging
        .scales
        .iter()
        .map(|(_, s)| (s.doc.id.as_str(), &s.doc))
        .collect();
    let competencies: HashMap<&str, HashSet<&str>> = frameworks
        .iter()
        .map(|(id, f)| (*id, f.competencies.iter().map(|c| c.id.as_str()).collect()))
        .collect();
    // An unknown competency is often a duplicate one whose id was not changed.
    let duplicates: HashMap<&str, Problem> = staging
        .frameworks
        .iter()
        .filter_map(|(_, f)| {
            let mut seen = HashSet::new();
            let n = f
                .doc
                .competencies
                .iter()
                .position(|c| !seen.insert(&c.id))?;
            let path = [K("competencies"), I(n), K("id")];
            let id = &f.doc.competencies[n].id;
            let problem = Problem::new(
                &files[f.file].1.name,
                place(f.file, &path, false),
                id.clone(),
            );
            Some((f.doc.id.as_str(), problem))
        })
        .collect();
    let check_competency = |problems: &mut Vec<Problem>,
                            framework: &Framework,
                            competency: &str,
                            at: (usize, &[Step], bool)| {
        let known_here = competencies.get(framework.id.as_str());
        if known_here.is_some_and(|ids| ids.contains(competency))
            || caused_by_broken("framework", &framework.id)
        {
            return;
        }
        let ids = framework.competencies.iter().map(|c| c.id.as_str());
        let mut hint = known_ids_hint(ids);
        if let Some(duplicate) = duplicates.get(framework.id.as_str()) {
            let place = format!("{}:{}:{}", duplicate.file, duplicate.line, duplicate.column);
            hint = t!(
                "validate.after_duplicate",
                id = &duplicate.message,
                place = place,
                known = hint
            );
        }
        let message = t!(
            "validate.unknown_competency",
            competency = competency,
            framework = &framework.id
        );
        report(problems, at, message, Some(hint));
    };

    for (_, framework) in staging.frameworks.iter() {
        for (key, id) in [
            ("self_scan", &framework.doc.scales.self_scan),
            ("interview", &framework.doc.scales.interview),
        ] {
            if scales.contains_key(id.as_str()) || caused_by_broken("scale", id) {
                continue;
            }
            let path = [K("scales"), K(key)];
            let written = files[framework.file].1.text.contains("scales:");
            let path: &[Step] = if written { &path } else { &[K("id")] };
            let message = unknown("scale", id);
            report(
                problems,
                (framework.file, path, false),
                message,
                known(&scale_ids),
            );
        }
    }

    let mut boks_rows: Vec<&str> = Vec::new();
    if let Some((_, boks)) = &staging.boks {
        match frameworks.get(boks.doc.framework.as_str()) {
            None if caused_by_broken("framework", &boks.doc.framework) => {}
            None => {
                let message = unknown("framework", &boks.doc.framework);
                let path = [K("framework")];
                report(
                    problems,
                    (boks.file, &path, false),
                    message,
                    known(&framework_ids),
                );
            }
            Some(framework) => {
                let clusters: Vec<&str> =
                    framework.clusters.iter().map(|c| c.id.as_str()).collect();
                let cluster_set: HashSet<&str> = clusters.iter().copied().collect();
                for (n, row) in boks.doc.rows.iter().enumerate() {
                    if !cluster_set.contains(row.cluster.as_str()) {
                        let path = [K("rows"), I(n), K("cluster")];
                        let message = unknown("cluster", &row.cluster);
                        report(
                            problems,
                            (boks.file, &path, false),
                            message,
                            known(&clusters),
                        );
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
        let category = method.doc.category.as_str();
        if category_set.contains(category) || caused_by_broken("category", category) {
            continue;
        }
        let path = [K("methods"), I(method.index), K("category")];
        let message = unknown("category", category);
        report(
            problems,
            (method.file, &path, false),
            message,
            known(&category_ids),
        );
    }
    let method_ids: Vec<&str> = staging
        .methods
        .iter()
        .map(|(_, m)| m.doc.id.as_str())
        .collect();

    let method_set: HashSet<&str> = method_ids.iter().copied().collect();
    let boks_row_set: HashSet<&str> = boks_rows.iter().copied().collect();
    for (_, link) in staging.links.iter() {
        let (file, n) = (link.file, link.index);
        let Some(framework) = frameworks.get(link.doc.framework.as_str()) else {
            if !caused_by_broken("framework", &link.doc.framework) {
                let path = [K("links"), I(n), K("framework")];
                let message = unknown("framework", &link.doc.framework);
                report(
                    problems,
                    (file, &path, false),
                    message,
                    known(&framework_ids),
                );
            }
            continue;
        };
        let path = [K("links"), I(n), K("competency")];
        check_competency(
            problems,
            framework,
            &link.doc.competency,
            (file, &path, false),
        );
        for (r, row) in link.doc.boks_rows.iter().enumerate() {
            if !boks_row_set.contains(row.as_str()) && !caused_by_broken("boks_row", row) {
                let path = [K("links"), I(n), K("boks_rows"), I(r)];
                let message = unknown("boks_row", row);
                report(problems, (file, &path, false), message, known(&boks_rows));
            }
        }
        for (m, method) in link.doc.methods.iter().enumerate() {
            if !method_set.contains(method.as_str()) && !caused_by_broken("method", method) {
                let path = [K("links"), I(n), K("methods"), I(m)];
                let message = unknown("method", method);
                report(problems, (file, &path, false), message, known(&method_ids));
            }
        }
    }

    for (_, role) in staging.roles.iter() {
        let (file, n) = (role.file, role.index);
        let levels = role.doc.levels.iter().enumerate().flat_map(|(l, level)| {
            level
                .targets
                .iter()
                .map(move |(framework, targets)| (Some(l), framework, targets))
        });
        let own = role.doc.targets.iter().map(|(f, t)| (None, f, t));
        for (level, framework_id, targets) in own.chain(levels) {
            let path = match level {
                None => [K("roles"), I(n), K("targets"), K(framework_id)].to_vec(),
                Some(l) => [
                    K("roles"),
                    I(n),
                    K("levels"),
                    I(l),
                    K("targets"),
                    K(framework_id),
                ]
                .to_vec(),
            };
            let Some(framework) = frameworks.get(framework_id.as_str()) else {
                if !caused_by_broken("framework", framework_id) {
                    let message = unknown("framework", framework_id);
                    report(
                        problems,
                        (file, &path, true),
                        message,
                        known(&framework_ids),
                    );
                }
                continue;
            };
            let scale = scales.get(framework.scales.self_scan.as_str());
            for (competency, target) in targets {
                let mut path = path.clone();
                path.push(K(competency));
                check_competency(problems, framework, competency, (file, &path, true));
                let Some(scale) = scale else { continue };
                let (min, max) = (f64::from(scale.min()), f64::from(scale.max()));
                if !(min..=max).contains(target) {
                    let message = t!(
                        "validate.target_out_of_range",
                        competency = competency,
                        target = target,
                        min = min,
                        max = max
                    );
                    let hint = t!(
                        "validate.target_out_of_range_hint",
                        scale = &scale.id,
                        min = min,
                        max = max
                    );
                    report(problems, (file, &path, false), message, Some(hint));
                }
            }
        }
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
        default_roles: default_roles(staging, files, problems),
        organisation: staging.organisation.as_ref().map(|o| o.doc.clone()),
        warnings: Vec::new(),
    }
}

/// The default role of each framework that roles name: the one marked `default: true`, or the
/// only role that names it. Several roles and none the default is a problem: which targets a
/// report uses must not depend on the order of files.
fn default_roles(
    staging: &Staging,
    files: &[(usize, &SourceFile)],
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, String> {
    let mut defaults: BTreeMap<String, String> = staging
        .defaults
        .iter()
        .map(|(framework, (_, role))| (framework.clone(), role.clone()))
        .collect();
    let mut naming: BTreeMap<&str, Vec<&Located<Role>>> = BTreeMap::new();
    for (_, role) in staging.roles.iter() {
        for framework in role.doc.targets.keys() {
            naming.entry(framework.as_str()).or_default().push(role);
        }
    }
    for (framework, roles) in naming {
        if defaults.contains_key(framework)
            || staging.frameworks.get(&framework.to_string()).is_none()
        {
            continue;
        }
        if let [only] = roles[..] {
            defaults.insert(framework.to_string(), only.doc.id.clone());
            continue;
        }
        let first = roles[0];
        let source = files[first.file].1;
        let path = [K("roles"), I(first.index), K("targets"), K(framework)];
        let ids: Vec<&str> = roles.iter().map(|r| r.doc.id.as_str()).collect();
        let message = t!(
            "validate.no_default_role",
            framework = framework,
            roles = ids.join(", ")
        );
        problems.push(
            Problem::new(
                &source.name,
                Positions::new(&source.text).key(&path),
                message,
            )
            .with_hint(t!("validate.no_default_role_hint", framework = framework)),
        );
    }
    defaults
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
