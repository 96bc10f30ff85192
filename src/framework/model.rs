//! The content model: competency frameworks, the BoKS matrix, links, methods, scales and
//! targets, exactly as they are written in the YAML files under `data/`.
//!
//! Every document starts with `kind:` so a file can live anywhere in a data folder; every
//! struct denies unknown fields so a typo in an organisation's file is reported, not ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Who wrote a text: the source document it is transcribed from, or vakwijzer itself
/// (statements, questions, scales, targets and links the project proposes, which an
/// organisation may want to replace).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Transcribed word for word from the framework's source document.
    #[default]
    Source,
    /// Written by the vakwijzer project.
    Vakwijzer,
    /// Written by the organisation whose data folder it is (`kind: organisation`).
    Organisation,
}

impl Origin {
    pub fn is_source(&self) -> bool {
        *self == Origin::Source
    }
}

/// The kinds of document a data folder may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    Framework,
    Boks,
    Links,
    Methods,
    Scales,
    Targets,
    Organisation,
    Raters,
}

/// Who a data folder is from, so that outputs name the organisation as the author of the
/// texts, targets and links it wrote (`origin: organisation`). Optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationDocument {
    pub kind: DocumentKind,
    /// The organisation's name as outputs print it: "geschreven door {name}".
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// A competency framework: the Eindhoven profile, the generic competencies, the Wmo
/// competencies, or an organisation's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub kind: DocumentKind,
    /// Stable id used on the command line and in result files.
    pub id: String,
    pub name: String,
    /// Where the content comes from (document, authors, year).
    pub source: String,
    /// Introductory notes of the source on the framework as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Publications that single items cite (e.g. the Movisie 2013 indicators).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// Groups of competencies (the five Wmo clusters); competencies refer to them by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Cluster>,
    /// The scales used to rate this framework (ids from a `scales` document).
    #[serde(default)]
    pub scales: ScaleChoice,
    pub competencies: Vec<Competency>,
}

impl Framework {
    /// The ids of every statement (behaviour indicator), to look answers up in constant time:
    /// a framework may have thousands, and a result as many answers. Hashed with FxHash:
    /// SipHash, which guards a map against keys chosen to collide, made hashing them most of
    /// the check of a scan, and a team report checks thousands (issue 30); the keys are the
    /// framework's own ids, and a result's are only looked up.
    pub fn statement_ids(&self) -> rustc_hash::FxHashSet<&str> {
        self.competencies
            .iter()
            .flat_map(|c| c.indicators.iter().map(|i| i.id.as_str()))
            .collect()
    }

    /// The competency `id`; an id the framework lacks is an error listing the ones it has.
    pub fn find_competency(&self, id: &str) -> crate::Result<&Competency> {
        self.competencies
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| {
                let known: Vec<&str> = self.competencies.iter().map(|c| c.id.as_str()).collect();
                crate::Error::Usage(crate::t!(
                    "framework.unknown_competency",
                    id = id,
                    framework = &self.id,
                    known = known.join(", ")
                ))
            })
    }

    /// The competencies a scan asks, in framework order: the named ones, or all with
    /// statements.
    pub fn scan_competencies(&self, ids: &[String]) -> Vec<&Competency> {
        self.selected(ids, |c| !c.indicators.is_empty())
    }

    /// The competencies an interview asks, in framework order: the named ones, or all with
    /// questions.
    pub fn interview_competencies(&self, ids: &[String]) -> Vec<&Competency> {
        self.selected(ids, |c| !c.questions.is_empty())
    }

    fn selected(&self, ids: &[String], asks: impl Fn(&Competency) -> bool) -> Vec<&Competency> {
        self.competencies
            .iter()
            .filter(|c| asks(c))
            .filter(|c| ids.is_empty() || ids.contains(&c.id))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleChoice {
    #[serde(default = "default_self_scan_scale")]
    pub self_scan: String,
    #[serde(default = "default_interview_scale")]
    pub interview: String,
}

fn default_self_scan_scale() -> String {
    "frequentie".to_string()
}

fn default_interview_scale() -> String {
    "gedragsankers".to_string()
}

impl Default for ScaleChoice {
    fn default() -> Self {
        ScaleChoice {
            self_scan: default_self_scan_scale(),
            interview: default_interview_scale(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: String,
    /// Position in the source's own numbering, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    /// TMA drivers ("drijfveren"); `inverse: true` marks an inverse driver.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drivers: Vec<Driver>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remarks: Vec<String>,
    /// Behaviour indicators: the statements of a self-scan and the checklist of an interview.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Item>,
    /// Interview questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Item>,
    #[serde(default, skip_serializing_if = "Origin::is_source")]
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Driver {
    pub name: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inverse: bool,
}

impl Driver {
    /// The driver as people read it: "orde & structuur (inverse)".
    pub fn label(&self) -> String {
        if self.inverse {
            format!("{} ({})", self.name, crate::t!("show.inverse"))
        } else {
            self.name.clone()
        }
    }
}

/// One indicator or question, with an id that result files refer to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// Id of a framework reference this item is taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Origin::is_source")]
    pub origin: Origin,
}

/// The Body of Knowledge and Skills matrix: clusters of a framework (rows) against columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boks {
    pub kind: DocumentKind,
    pub id: String,
    pub name: String,
    pub source: String,
    /// The framework whose clusters are the rows.
    pub framework: String,
    pub column_groups: Vec<ColumnGroup>,
    pub work_fields: Vec<WorkField>,
    pub rows: Vec<BoksRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnGroup {
    pub id: String,
    pub name: String,
    /// The professionals or units the group is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<String>,
    /// Where the activities in these columns come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    pub columns: Vec<Column>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkField {
    pub number: u32,
    pub name: String,
    /// The column group this field of work belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_group: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoksRow {
    /// Id of a cluster of the matrix's framework.
    pub cluster: String,
    /// Activities per column id; a column without activities is left out.
    pub cells: BTreeMap<String, Vec<String>>,
}

/// Links from a competency to BoKS rows and methods, so a gap becomes schooling suggestions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinksDocument {
    pub kind: DocumentKind,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub framework: String,
    pub competency: String,
    /// Cluster ids of BoKS rows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boks_rows: Vec<String>,
    /// Method ids from a `methods` document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<String>,
    pub status: LinkStatus,
    /// Why the link is made (required for proposals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    /// Who proposes a link: vakwijzer (the default for a proposal) or the organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LinkStatus {
    /// The source documents make this link.
    Source,
    /// vakwijzer proposes this link; the sources do not make it.
    Proposal,
}

/// Schooling material: methods, tools, ways of working, e-learnings and databases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodsDocument {
    pub kind: DocumentKind,
    pub categories: Vec<MethodCategory>,
    pub methods: Vec<Method>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodCategory {
    pub id: String,
    pub name: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub id: String,
    pub name: String,
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Origin::is_source")]
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalesDocument {
    pub kind: DocumentKind,
    pub scales: Vec<Scale>,
}

/// The kinds of raters of 360-degree feedback (`kind: raters`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatersDocument {
    pub kind: DocumentKind,
    pub raters: Vec<RaterKind>,
}

/// A kind of rater (a colleague, a team lead): the id `scan --rater` names, the name a 360
/// report heads its figures with, and the fewest raters of the kind it shows figures of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RaterKind {
    pub id: String,
    /// As a report heads its column: plural ("collega's").
    pub name: String,
    pub minimum: usize,
    #[serde(default, skip_serializing_if = "Origin::is_source")]
    pub origin: Origin,
}

/// No kind of rater is shown from fewer than this many: with two, each sees the other's scores.
pub const MIN_RATERS: usize = 3;

/// A rating scale. Points are numbered 1..=n in order; a self-scan scale may allow "n.v.t.".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub name: String,
    pub points: Vec<ScalePoint>,
    /// Label of the "not applicable" answer; absent when the scale does not allow it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<String>,
    #[serde(default, skip_serializing_if = "Origin::is_source")]
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    pub value: u8,
    pub label: String,
    /// What this level looks like in behaviour (interview scales).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

impl Scale {
    pub fn min(&self) -> u8 {
        self.points.first().map_or(1, |p| p.value)
    }

    pub fn max(&self) -> u8 {
        self.points.last().map_or(1, |p| p.value)
    }

    pub fn point(&self, value: u8) -> Option<&ScalePoint> {
        self.points.iter().find(|p| p.value == value)
    }

    /// The lowest and highest point of a scale, the range a chart spans (1 to 5 without a
    /// scale).
    pub fn range_of(scale: Option<&Scale>) -> (f64, f64) {
        scale.map_or((1.0, 5.0), |s| (f64::from(s.min()), f64::from(s.max())))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetsDocument {
    pub kind: DocumentKind,
    pub roles: Vec<Role>,
}

/// A role with its target level per competency, per framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: String,
    /// The role used when none is named.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
    #[serde(default, skip_serializing_if = "Origin::is_source")]
    pub origin: Origin,
    /// framework id -> competency id -> target on the framework's self-scan scale.
    pub targets: BTreeMap<String, BTreeMap<String, f64>>,
    /// Ordered levels of mastery (startbekwaam, vakbekwaam, ...), each with its own targets;
    /// a report says per competency the highest level reached and what the next one asks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
}

/// One level of a role: the targets a professional at that level meets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: String,
    /// framework id -> competency id -> target, like a role's targets.
    pub targets: BTreeMap<String, BTreeMap<String, f64>>,
    #[serde(default, skip_serializing_if = "Origin::is_source")]
    pub origin: Origin,
    /// Why these levels (required when vakwijzer or the organisation proposes them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
}
