//! The library: everything vakwijzer knows, merged from the bundled data and `--data`
//! (`Library::load`, in `super::merge`), and the lookups the commands make in it.

use std::collections::BTreeMap;

use super::model::*;
use crate::error::{Error, Problem, Result};
use crate::t;

/// Everything vakwijzer knows: the merged content of the bundled data and `--data`.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub frameworks: Vec<Framework>,
    /// Where each framework was loaded from, by framework id.
    pub framework_files: Vec<(String, String)>,
    pub boks: Option<Boks>,
    pub links: Vec<Link>,
    pub method_categories: Vec<MethodCategory>,
    pub methods: Vec<Method>,
    pub scales: Vec<Scale>,
    pub roles: Vec<Role>,
    /// The kinds of raters of 360-degree feedback.
    pub raters: Vec<RaterKind>,
    /// Who the organisation's data folder is from, when it says so.
    pub organisation: Option<OrganisationDocument>,
    /// The default role of each framework that roles have targets for: framework id -> role id.
    pub default_roles: BTreeMap<String, String>,
    /// What jobs will miss in the organisation's files (a competency without indicators is
    /// not scanned); for `validate` and the commands to print, never a reason to stop.
    pub warnings: Vec<Problem>,
}

impl Library {
    pub fn framework(&self, id: &str) -> Result<&Framework> {
        self.frameworks.iter().find(|f| f.id == id).ok_or_else(|| {
            let known: Vec<&str> = self.frameworks.iter().map(|f| f.id.as_str()).collect();
            Error::Usage(t!("framework.unknown", id = id, known = known.join(", ")))
        })
    }

    pub fn framework_file(&self, id: &str) -> &str {
        self.framework_files
            .iter()
            .find(|(fid, _)| fid == id)
            .map_or("", |(_, file)| file.as_str())
    }

    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// The kind of rater `scan --rater` names; an unknown id is an error listing the kinds.
    pub fn rater_kind(&self, id: &str) -> Result<&RaterKind> {
        self.raters.iter().find(|k| k.id == id).ok_or_else(|| {
            let known: Vec<&str> = self.raters.iter().map(|k| k.id.as_str()).collect();
            Error::Usage(t!("rating.unknown_kind", id = id, known = known.join(", ")))
        })
    }

    pub fn method(&self, id: &str) -> Option<&Method> {
        self.methods.iter().find(|m| m.id == id)
    }

    /// The role whose targets a framework's reports use when none is named.
    pub fn default_role(&self, framework: &str) -> Option<&Role> {
        let id = self.default_roles.get(framework)?;
        self.roles.iter().find(|r| &r.id == id)
    }

    /// Who wrote a text, a target or a proposed link of this origin, as outputs print it.
    pub fn author(&self, origin: Origin) -> String {
        match origin {
            Origin::Source => t!("author.source"),
            Origin::Vakwijzer => "vakwijzer".to_string(),
            Origin::Organisation => self
                .organisation
                .as_ref()
                .map_or_else(|| t!("author.organisation"), |o| o.name.clone()),
        }
    }

    /// Who proposes a link: its `origin:`, else vakwijzer, which wrote the bundled proposals.
    pub fn link_author(&self, link: &Link) -> String {
        self.author(link.origin.unwrap_or(Origin::Vakwijzer))
    }

    /// The roles with targets for a framework: the ones `--role` may name for it.
    pub fn roles_of(&self, framework: &str) -> Vec<&Role> {
        self.roles
            .iter()
            .filter(|r| r.targets.contains_key(framework))
            .collect()
    }

    /// The role named on the command line for a framework; an id that is no role of that
    /// framework is an error listing the roles it has.
    pub fn role(&self, framework: &str, id: &str) -> Result<&Role> {
        let roles = self.roles_of(framework);
        if let Some(role) = roles.iter().find(|r| r.id == id) {
            return Ok(role);
        }
        let known: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
        let known = if known.is_empty() {
            t!("role.none")
        } else {
            known.join(", ")
        };
        Err(Error::Usage(t!(
            "role.unknown",
            id = id,
            framework = framework,
            known = known
        )))
    }

    /// The targets role of a result: `asked` (`--role`) when given, else the result's own
    /// `role:` when that is a role of the framework, else the default. A result whose `role:`
    /// is no targets role (free text, from before roles had targets) gets the default, and
    /// the note that says so.
    pub fn role_of_result(
        &self,
        framework: &str,
        asked: Option<&str>,
        recorded: Option<&str>,
    ) -> Result<(Option<&Role>, Option<String>)> {
        if let Some(id) = asked {
            return Ok((Some(self.role(framework, id)?), None));
        }
        let default = self.default_role(framework);
        let Some(recorded) = recorded.map(str::trim).filter(|r| !r.is_empty()) else {
            return Ok((default, None));
        };
        if let Ok(role) = self.role(framework, recorded) {
            return Ok((Some(role), None));
        }
        let note = t!(
            "role.recorded_unknown",
            id = recorded,
            framework = framework,
            default = default.map_or_else(|| t!("role.none"), |r| r.id.clone())
        );
        Ok((default, Some(note)))
    }

    pub fn link(&self, framework: &str, competency: &str) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| l.framework == framework && l.competency == competency)
    }
}
