//! The references between documents, checked once every layer is merged: the scales a framework
//! names, the BOKS matrix's framework and clusters, the methods' categories, the links'
//! frameworks, competencies, BOKS rows and methods, the roles' targets. One function per kind of
//! reference; what a file that did not parse would have defined is not reported as unknown.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::load::SourceFile;
use super::model::*;
use super::positions::{Position, Positions, Step, Step::Index as I, Step::Key as K};
use super::staging::{Broken, Staging};
use super::validate::{known_ids_hint, unknown};
use crate::error::Problem;
use crate::t;

/// Where a problem is: the file (by index), the path to the key or value, and whether the key
/// itself is meant.
type At<'p> = (usize, &'p [Step<'p>], bool);

/// Checks every reference between the merged documents; problems are added to `problems`.
pub(super) fn check(
    staging: &Staging,
    files: &[(usize, &SourceFile)],
    broken: &[Broken],
    problems: &mut Vec<Problem>,
) {
    let mut references = References::new(staging, files, broken, problems);
    references.framework_scales();
    let boks_rows = references.boks();
    references.method_categories();
    references.links(&boks_rows);
    references.role_targets();
}

/// What the checks look ids up in, and where they put problems.
struct References<'a, 'p> {
    staging: &'a Staging,
    files: &'a [(usize, &'a SourceFile)],
    broken: &'a [Broken<'a>],
    problems: &'p mut Vec<Problem>,
    /// One position tree per file, read when the file has its first problem.
    positions: Vec<OnceCell<Positions>>,
    frameworks: BTreeMap<&'a str, &'a Framework>,
    framework_ids: Vec<&'a str>,
    scales: BTreeMap<&'a str, &'a Scale>,
    competencies: HashMap<&'a str, HashSet<&'a str>>,
    /// Per framework, its first duplicate competency id, placed: an unknown competency is
    /// often a duplicate one whose id was not changed.
    duplicates: HashMap<&'a str, Problem>,
}

impl<'a, 'p> References<'a, 'p> {
    fn new(
        staging: &'a Staging,
        files: &'a [(usize, &'a SourceFile)],
        broken: &'a [Broken<'a>],
        problems: &'p mut Vec<Problem>,
    ) -> Self {
        let frameworks: BTreeMap<&str, &Framework> = staging
            .frameworks
            .iter()
            .map(|(_, f)| (f.doc.id.as_str(), &f.doc))
            .collect();
        let scales = staging
            .scales
            .iter()
            .map(|(_, s)| (s.doc.id.as_str(), &s.doc))
            .collect();
        let competencies = frameworks
            .iter()
            .map(|(id, f)| (*id, f.competencies.iter().map(|c| c.id.as_str()).collect()))
            .collect();
        let mut references = References {
            staging,
            files,
            broken,
            problems,
            positions: files.iter().map(|_| OnceCell::new()).collect(),
            framework_ids: frameworks.keys().copied().collect(),
            frameworks,
            scales,
            competencies,
            duplicates: HashMap::new(),
        };
        references.duplicates = references.duplicate_competencies();
        references
    }

    fn duplicate_competencies(&self) -> HashMap<&'a str, Problem> {
        self.staging
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
                    &self.files[f.file].1.name,
                    self.place((f.file, &path, false)),
                    id.clone(),
                );
                Some((f.doc.id.as_str(), problem))
            })
            .collect()
    }

    fn caused_by_broken(&self, what: &str, id: &str) -> bool {
        self.broken.iter().any(|b| b.may_define(what, id))
    }

    fn place(&self, (file, path, key): At) -> Position {
        let source = self.files[file].1;
        let tree = self.positions[file].get_or_init(|| Positions::new(&source.text));
        if key {
            tree.key(path)
        } else {
            tree.value(path)
        }
    }

    fn report(&mut self, at: At, message: String, hint: Option<String>) {
        let mut problem = Problem::new(&self.files[at.0].1.name, self.place(at), message);
        problem.hint = hint;
        self.problems.push(problem);
    }

    /// Reports `id`, a thing of kind `what`, as unknown, with the ids that are known.
    fn unknown(&mut self, at: At, what: &str, id: &str, known: &[&str]) {
        let hint = known_ids_hint(known.iter().copied());
        self.report(at, unknown(what, id), Some(hint));
    }

    /// A competency of `framework` named elsewhere.
    fn competency(&mut self, framework: &Framework, competency: &str, at: At) {
        let known_here = self.competencies.get(framework.id.as_str());
        if known_here.is_some_and(|ids| ids.contains(competency))
            || self.caused_by_broken("framework", &framework.id)
        {
            return;
        }
        let ids = framework.competencies.iter().map(|c| c.id.as_str());
        let mut hint = known_ids_hint(ids);
        if let Some(duplicate) = self.duplicates.get(framework.id.as_str()) {
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
        self.report(at, message, Some(hint));
    }

    /// The framework `id` named elsewhere, or its problem reported.
    fn framework(&mut self, id: &str, at: At) -> Option<&'a Framework> {
        if let Some(framework) = self.frameworks.get(id) {
            return Some(framework);
        }
        if !self.caused_by_broken("framework", id) {
            let known = self.framework_ids.clone();
            self.unknown(at, "framework", id, &known);
        }
        None
    }

    /// The self-scan and interview scales each framework names.
    fn framework_scales(&mut self) {
        let scale_ids: Vec<&str> = self.scales.keys().copied().collect();
        let staging = self.staging;
        for (_, framework) in staging.frameworks.iter() {
            for (key, id) in [
                ("self_scan", &framework.doc.scales.self_scan),
                ("interview", &framework.doc.scales.interview),
            ] {
                if self.scales.contains_key(id.as_str()) || self.caused_by_broken("scale", id) {
                    continue;
                }
                let path = [K("scales"), K(key)];
                let written = self.files[framework.file].1.text.contains("scales:");
                let path: &[Step] = if written { &path } else { &[K("id")] };
                self.unknown((framework.file, path, false), "scale", id, &scale_ids);
            }
        }
    }

    /// The BOKS matrix's framework and the clusters its rows name; returns its rows.
    fn boks(&mut self) -> Vec<&'a str> {
        let Some((_, boks)) = &self.staging.boks else {
            return Vec::new();
        };
        let framework = self.framework(&boks.doc.framework, (boks.file, &[K("framework")], false));
        if let Some(framework) = framework {
            let clusters: Vec<&str> = framework.clusters.iter().map(|c| c.id.as_str()).collect();
            let cluster_set: HashSet<&str> = clusters.iter().copied().collect();
            for (n, row) in boks.doc.rows.iter().enumerate() {
                if !cluster_set.contains(row.cluster.as_str()) {
                    let path = [K("rows"), I(n), K("cluster")];
                    self.unknown(
                        (boks.file, &path, false),
                        "cluster",
                        &row.cluster,
                        &clusters,
                    );
                }
            }
        }
        boks.doc.rows.iter().map(|r| r.cluster.as_str()).collect()
    }

    /// The category of every method.
    fn method_categories(&mut self) {
        let staging = self.staging;
        let category_ids: Vec<&str> = staging
            .categories
            .iter()
            .map(|(_, c)| c.doc.id.as_str())
            .collect();
        let category_set: HashSet<&str> = category_ids.iter().copied().collect();
        for (_, method) in staging.methods.iter() {
            let category = method.doc.category.as_str();
            if category_set.contains(category) || self.caused_by_broken("category", category) {
                continue;
            }
            let path = [K("methods"), I(method.index), K("category")];
            self.unknown(
                (method.file, &path, false),
                "category",
                category,
                &category_ids,
            );
        }
    }

    /// Each link's framework and competency, and the BOKS rows and methods it names.
    fn links(&mut self, boks_rows: &[&str]) {
        let staging = self.staging;
        let method_ids: Vec<&str> = staging
            .methods
            .iter()
            .map(|(_, m)| m.doc.id.as_str())
            .collect();
        let method_set: HashSet<&str> = method_ids.iter().copied().collect();
        let boks_row_set: HashSet<&str> = boks_rows.iter().copied().collect();
        for (_, link) in staging.links.iter() {
            let (file, n) = (link.file, link.index);
            let path = [K("links"), I(n), K("framework")];
            let Some(framework) = self.framework(&link.doc.framework, (file, &path, false)) else {
                continue;
            };
            let path = [K("links"), I(n), K("competency")];
            self.competency(framework, &link.doc.competency, (file, &path, false));
            for (r, row) in link.doc.boks_rows.iter().enumerate() {
                if !boks_row_set.contains(row.as_str()) && !self.caused_by_broken("boks_row", row) {
                    let path = [K("links"), I(n), K("boks_rows"), I(r)];
                    self.unknown((file, &path, false), "boks_row", row, boks_rows);
                }
            }
            for (m, method) in link.doc.methods.iter().enumerate() {
                if !method_set.contains(method.as_str()) && !self.caused_by_broken("method", method)
                {
                    let path = [K("links"), I(n), K("methods"), I(m)];
                    self.unknown((file, &path, false), "method", method, &method_ids);
                }
            }
        }
    }

    /// The targets of every role and of its levels: frameworks, competencies, and each target
    /// on the framework's self-scan scale.
    fn role_targets(&mut self) {
        let staging = self.staging;
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
                let Some(framework) = self.framework(framework_id, (file, &path, true)) else {
                    continue;
                };
                self.targets(framework, targets, file, &path);
            }
        }
    }

    /// One framework's targets in a role (or level) at `path`.
    fn targets(
        &mut self,
        framework: &Framework,
        targets: &'a BTreeMap<String, f64>,
        file: usize,
        path: &[Step<'a>],
    ) {
        let scale = self
            .scales
            .get(framework.scales.self_scan.as_str())
            .copied();
        for (competency, target) in targets {
            let mut path = path.to_vec();
            path.push(K(competency));
            self.competency(framework, competency, (file, &path, true));
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
                self.report((file, &path, false), message, Some(hint));
            }
        }
    }
}
