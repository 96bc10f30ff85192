//! The layer merge: the bundled data first, then the organisation's files, whose documents
//! extend the bundled ones and replace them by id; each document checked on its own as it is
//! staged, the references between them once all are in (`super::references`).

use std::collections::BTreeMap;
use std::path::Path;

use super::library::Library;
use super::load::{Document, Located, SourceFile, bundled_files_of, parse_document, read_files};
use super::model::*;
use super::positions::{Positions, Step, Step::Index as I, Step::Key as K};
use super::references;
use super::staging::{Broken, Staging};
use super::validate::{self, Checker};
use crate::error::{Error, Problem, Result};
use crate::t;

/// Whether a release build checks the bundled data as it loads it. It is the same in every run
/// of a binary, and checked whole by the tests (and by every run of a debug build, which the
/// tests use) and by `vakwijzer validate`: a release build spares every command that time
/// (issue 30). An organisation's files are always checked, and with them every reference.
const CHECK_BUNDLED: bool = cfg!(debug_assertions);

/// What a load checks (`load_layers_checking`).
#[derive(Debug, Clone, Copy)]
struct Checks {
    /// Each bundled document on its own.
    bundled: bool,
    /// The references between the documents.
    references: bool,
}

impl Library {
    /// The bundled data, extended and overridden by the folder or file at `data`.
    pub fn load(data: Option<&Path>) -> Result<Library> {
        Library::load_of(data, None)
    }

    /// As `load`, with only the bundled documents of `kinds` (every kind for none) when there
    /// is no `data`: a command that needs one kind does not parse the others. With `data`,
    /// everything is loaded and checked, so that every command says what is wrong with the
    /// organisation's files.
    pub fn load_of(data: Option<&Path>, kinds: Option<&[DocumentKind]>) -> Result<Library> {
        let kinds = if data.is_some() { None } else { kinds };
        let mut layers = vec![bundled_files_of(kinds)];
        if let Some(path) = data {
            layers.push(read_files(path)?);
        }
        let checks = Checks {
            bundled: CHECK_BUNDLED,
            // A part of the bundled data refers to parts left out.
            references: data.is_some() || (CHECK_BUNDLED && kinds.is_none()),
        };
        into_result(load_layers_checking(&layers, checks))
    }

    /// Loads layers of files, every document and reference checked; a later layer replaces
    /// documents of an earlier one by id.
    pub fn from_layers(layers: &[Vec<SourceFile>]) -> Result<Library> {
        into_result(load_layers(layers))
    }
}

fn into_result((library, problems): (Library, Vec<Problem>)) -> Result<Library> {
    if problems.is_empty() {
        Ok(library)
    } else {
        Err(Error::Problems(problems))
    }
}

/// Parses, checks and merges the layers of files; returns the library and all problems. The
/// first layer is the bundled data; the files of later layers are the organisation's.
///
/// The problems that cause others come first: files that do not parse and duplicate ids.
/// What a broken file would have defined is not reported as unknown elsewhere.
pub fn load_layers(layers: &[Vec<SourceFile>]) -> (Library, Vec<Problem>) {
    let checks = Checks {
        bundled: true,
        references: true,
    };
    load_layers_checking(layers, checks)
}

fn load_layers_checking(layers: &[Vec<SourceFile>], checks: Checks) -> (Library, Vec<Problem>) {
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
        let check = *layer > 0 || checks.bundled;
        stage(&mut staging, &mut checker, check, (*layer, index), document);
        roots.extend(checker.roots);
        problems.extend(checker.problems);
        warnings.extend(checker.warnings);
    }
    if checks.references {
        references::check(&staging, &files, &broken, &mut problems);
    }
    let mut library = library(staging, &files, &mut problems);
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

/// Stages a document of file `file` in layer `layer`, checked on its own when `check` says so.
fn stage(
    staging: &mut Staging,
    c: &mut Checker,
    check: bool,
    (layer, file): (usize, usize),
    document: Document,
) {
    let duplicate = |c: &mut Checker, path: &[Step], id: &str| {
        let problem = c.problem(
            c.at(path),
            t!("validate.duplicate_across_files", id = id),
            Some(t!("validate.duplicate_across_files_hint")),
        );
        c.roots.push(problem);
    };
    if check {
        validate::check_document(&document, c);
    }
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
    staging: Staging,
    files: &[(usize, &SourceFile)],
    problems: &mut Vec<Problem>,
) -> Library {
    let default_roles = default_roles(&staging, files, problems);
    let framework_files = staging
        .frameworks
        .iter()
        .map(|(_, f)| (f.doc.id.clone(), files[f.file].1.name.clone()))
        .collect();
    Library {
        framework_files,
        frameworks: staging.frameworks.into_docs(),
        boks: staging.boks.map(|(_, b)| b.doc),
        links: staging.links.into_docs(),
        method_categories: staging.categories.into_docs(),
        methods: staging.methods.into_docs(),
        scales: staging.scales.into_docs(),
        roles: staging.roles.into_docs(),
        raters: staging.raters.into_docs(),
        default_roles,
        organisation: staging.organisation.map(|o| o.doc),
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
    use crate::framework::load::bundled_files;

    /// What a release build does not check again at every start (`CHECK_BUNDLED`).
    #[test]
    fn the_bundled_data_passes_every_check() {
        let (library, problems) = load_layers(&[bundled_files()]);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems, Vec::<String>::new());
        assert!(library.warnings.is_empty(), "{:?}", library.warnings);
        assert_eq!(library.frameworks.len(), 3);
    }

    #[test]
    fn a_command_that_needs_frameworks_only_gets_the_same_frameworks() {
        let all = Library::load(None).unwrap();
        let some = Library::load_of(None, Some(&[DocumentKind::Framework])).unwrap();
        assert_eq!(
            format!("{:?}", some.frameworks),
            format!("{:?}", all.frameworks)
        );
        assert_eq!(some.framework_files, all.framework_files);
        assert!(some.boks.is_none() && some.links.is_empty() && some.roles.is_empty());
        assert!(!all.links.is_empty() && !all.roles.is_empty());
    }
}
