//! Validation of loaded content: unique ids, references that resolve, sensible scales and
//! targets, no empty texts. Every problem is placed at a line of the file that holds it.
//!
//! serde_yaml reports positions only for syntax and type errors, so problems found after
//! parsing are placed by the path of the offending key or value in the file
//! ([`super::positions`]); `crate::input::Locator` is the older, simpler search that readers
//! of result files use.

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap, HashSet};

use super::load::{Document, SourceFile};
use super::model::*;
use super::positions::{Position, Positions, Step, Step::Index as I, Step::Key as K};
use crate::error::Problem;
use crate::t;

/// Collects the problems of one file, each placed at the key or value it is about.
pub(super) struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    positions: OnceCell<Positions>,
    /// Whether the file is the organisation's (not bundled): only then are warnings given.
    own: bool,
    pub(super) problems: Vec<Problem>,
    /// Problems that cause others (a duplicate id): reported first.
    pub(super) roots: Vec<Problem>,
    pub(super) warnings: Vec<Problem>,
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
pub(super) fn unknown(what: &str, id: &str) -> String {
    crate::i18n::format(&format!("unknown.{what}"), &[("id", id.to_string())])
}

/// The hint listing known ids, each once; a long list is cut short, since the user can look
/// them up. Only the ids shown are compared, so that many problems against a long list of ids
/// stay linear.
pub(super) fn known_ids_hint<'s>(ids: impl ExactSizeIterator<Item = &'s str>) -> String {
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

/// Whether an id has the form every id must have: lowercase letters and digits, and `-`, `_`
/// and `.` after the first. Byte by byte: a byte of a character beyond ASCII is none of these.
pub(crate) fn valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z' | b'0'..=b'9'))
        && bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.'))
}

impl<'a> Checker<'a> {
    pub(super) fn new(file: &'a SourceFile, own: bool) -> Self {
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

    pub(super) fn at(&self, path: &[Step]) -> Position {
        self.positions().value(path)
    }

    fn key_at(&self, path: &[Step]) -> Position {
        self.positions().key(path)
    }

    pub(super) fn problem(
        &self,
        position: Position,
        message: String,
        hint: Option<String>,
    ) -> Problem {
        let mut problem = Problem::new(self.file, position, message);
        problem.hint = hint;
        problem
    }

    pub(super) fn report(&mut self, position: Position, message: String, hint: Option<String>) {
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

/// Checks one parsed document on its own: ids, texts, scales, targets; what it refers to in
/// other documents is checked once all are merged (`super::references`).
pub(super) fn check_document(document: &Document, c: &mut Checker) {
    match document {
        Document::Framework(framework) => check_framework(framework, c),
        Document::Boks(boks) => check_boks(boks, c),
        Document::Links(doc) => check_links(doc, c),
        Document::Methods(doc) => check_methods(doc, c),
        Document::Scales(doc) => check_scales(doc, c),
        Document::Targets(doc) => check_targets(doc, c),
        Document::Organisation(doc) => c.text(&doc.name, "name", "organisation", &[K("name")]),
        Document::Raters(doc) => check_raters(doc, c),
    }
}

fn check_raters(doc: &RatersDocument, c: &mut Checker) {
    for (n, kind) in doc.raters.iter().enumerate() {
        c.id(&kind.id, &[K("raters"), I(n), K("id")]);
        c.text(
            &kind.name,
            "name",
            &kind.id,
            &[K("raters"), I(n), K("name")],
        );
        if kind.minimum < MIN_RATERS {
            c.report(
                c.at(&[K("raters"), I(n), K("minimum")]),
                t!(
                    "validate.raters_minimum",
                    id = &kind.id,
                    minimum = MIN_RATERS
                ),
                None,
            );
        }
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
    // Only the organisation's files are warned about; placing a warning reads the file's
    // positions, which the bundled files are spared (issue 30).
    if !c.own {
        return;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words() {
        assert!(valid_id("coachen.i1"));
        assert!(valid_id("op-de-vraag-af"));
        assert!(!valid_id("Coachen"));
        assert!(!valid_id("met spatie"));
        assert!(!valid_id(""));
    }
}
