//! The layer merge: the bundled data first, then the organisation's files, whose documents
//! extend the bundled ones and replace them by id; each document checked on its own as it is
//! staged, the references between them once all are in (`super::references`).

use std::collections::BTreeMap;
use std::path::Path;

use super::library::Library;
use super::load::{Document, Located, SourceFile, bundled_files, parse_document, read_files};
use super::model::*;
use super::positions::{Positions, Step, Step::Index as I, Step::Key as K};
use super::references;
use super::staging::{Broken, Staging};
use super::validate::{self, Checker};
use crate::error::{Error, Problem, Result};
use crate::t;

impl Library {
    /// The bundled data, extended and overridden by the folder or file at `data`.
    pub fn load(data: Option<&Path>) -> Result<Library> {
        let mut layers = vec![bundled_files()];
        if let Some(path) = data {
            layers.push(read_files(path)?);
        }
        Library::from_layers(&layers)
    }

    /// Loads layers of files; a later layer replaces documents of an earlier one by id.
    pub fn from_layers(layers: &[Vec<SourceFile>]) -> Result<Library> {
        let (library, problems) = load_layers(layers);
        if problems.is_empty() {
            Ok(library)
        } else {
            Err(Error::Problems(problems))
        }
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
    references::check(&staging, &files, &broken, &mut problems);
    let mut library = library(&staging, &files, &mut problems);
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
    validate::check_document(&document, c);
    match document {
        Document::Framework(framework) => {
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
        Document::Boks(boks) => match &staging.boks {
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
        },
        Document::Links(doc) => {
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
        Document::Raters(doc) => {
            for (n, kind) in doc.raters.into_iter().enumerate() {
                let id = kind.id.clone();
                let item = Located {
                    file,
                    index: n,
                    doc: kind,
                };
                if !staging.raters.upsert(layer, item, id.clone()) {
                    duplicate(c, &[K("raters"), I(n), K("id")], &id);
                }
            }
        }
        Document::Organisation(doc) => match &staging.organisation {
            Some(existing) if existing.file != file => duplicate(c, &[K("name")], &doc.name),
            _ => {
                staging.organisation = Some(Located {
                    file,
                    index: 0,
                    doc,
                })
            }
        },
        Document::Targets(doc) => {
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

/// The library the merged documents make, its default roles settled.
fn library(
    staging: &Staging,
    files: &[(usize, &SourceFile)],
    problems: &mut Vec<Problem>,
) -> Library {
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
        raters: staging.raters.iter().map(|(_, r)| r.doc.clone()).collect(),
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
