//! Schooling suggestions for a competency: a short, ranked list of what to do, each with why
//! it is suggested and where the link comes from, and the whole BoKS rows the competency is
//! linked to (for an appendix).
//!
//! The rule, for a person's development points: first the methods, tools and e-learnings
//! linked to the competency (in the order the link gives them), then the activities of the
//! linked BoKS rows in the columns about a person's own development (persoonsgebonden, then
//! persoonlijke professional); at most [`MAX`] per competency, and nothing suggested twice in
//! one report. A team plan prefers learning together: the ways of learning with colleagues the
//! BoKS report recommends for the schooling offer (category `samen-leren`) come first.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::framework::{Library, Link, LinkStatus};

/// At most this many suggestions per development point or plan entry.
pub const MAX: usize = 3;

/// The category of the ways of learning together (joint case studies and case analysis, joint
/// home visits, interdisciplinary intervision) that the BoKS report concludes the schooling
/// offer should mainly consist of.
pub const LEARNING_TOGETHER: &str = "samen-leren";

/// Who a list of suggestions is for, which decides their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// One professional: methods first, then the BoKS activities of their own development.
    Person,
    /// A team: learning together first, then the methods, then the BoKS activities of the
    /// organisation and of a person's own development.
    Team,
}

impl Audience {
    /// The BoKS columns whose activities fit, in order.
    fn columns(self) -> &'static [&'static str] {
        match self {
            Audience::Person => &["persoonsgebonden", "persoonlijk"],
            Audience::Team => &["organisatiegebonden", "persoonsgebonden"],
        }
    }
}

/// Whether the sources make a link or it is proposed, and by whom.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct LinkOrigin {
    pub status: LinkStatus,
    /// Who proposes the link, for a proposal: vakwijzer or the organisation.
    pub proposed_by: Option<String>,
}

/// One thing to do, and why.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Suggestion {
    /// `method` (a method, tool, e-learning or way of learning together) or `boks_activity`.
    pub kind: SuggestionKind,
    /// The method's id; none for a BoKS activity.
    pub id: Option<String>,
    /// As the source writes it, without a trailing comma, colon or full stop.
    pub name: String,
    /// The method's category, or the BoKS column of the activity.
    pub category: String,
    /// Why: the competency the method is linked to, or the BoKS row the activity is in.
    pub because: Because,
    #[serde(flatten)]
    pub origin: LinkOrigin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionKind {
    Method,
    BoksActivity,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Because {
    /// The competency's link names the method.
    LinkedMethod { competency: String },
    /// The activity is in a BoKS row the competency is linked to.
    BoksRow { cluster: String, row: String },
}

impl Suggestion {
    /// What makes two suggestions the same: the method, or the activity's text (the same
    /// activity stands in several rows and columns).
    fn key(&self) -> String {
        match &self.id {
            Some(id) => format!("method:{id}"),
            None => format!("boks:{}", self.name.to_lowercase()),
        }
    }
}

/// A whole BoKS row a competency is linked to.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct BoksSuggestion {
    pub cluster: String,
    pub name: String,
    /// Column label and activity, in matrix order.
    pub activities: Vec<(String, String)>,
    #[serde(flatten)]
    pub origin: LinkOrigin,
}

/// A source text standing alone in a list: its trailing comma, colon or full stop (there in
/// the source because a list or sentence went on) left off.
pub fn alone(text: &str) -> String {
    text.trim()
        .trim_end_matches([',', ';', ':', '.'])
        .trim_end()
        .to_string()
}

fn origin(library: &Library, link: &Link) -> LinkOrigin {
    LinkOrigin {
        status: link.status,
        proposed_by: (link.status == LinkStatus::Proposal).then(|| library.link_author(link)),
    }
}

/// The whole BoKS rows linked to a competency, in the link's order.
pub fn linked_boks(library: &Library, framework: &str, competency: &str) -> Vec<BoksSuggestion> {
    let (Some(link), Some(matrix)) = (library.link(framework, competency), &library.boks) else {
        return Vec::new();
    };
    let clusters = library
        .framework(&matrix.framework)
        .map(|f| &f.clusters)
        .ok();
    link.boks_rows
        .iter()
        .filter_map(|cluster| matrix.rows.iter().find(|r| &r.cluster == cluster))
        .map(|row| {
            let name = clusters
                .and_then(|cs| cs.iter().find(|c| c.id == row.cluster))
                .map_or(row.cluster.clone(), |c| c.name.clone());
            let mut activities = Vec::new();
            for group in &matrix.column_groups {
                for column in &group.columns {
                    for activity in row.cells.get(&column.id).into_iter().flatten() {
                        activities.push((column.name.clone(), activity.clone()));
                    }
                }
            }
            BoksSuggestion {
                cluster: row.cluster.clone(),
                name,
                activities,
                origin: origin(library, link),
            }
        })
        .collect()
}

/// Everything that could be suggested for a competency, best first for `audience`.
pub fn candidates(
    library: &Library,
    framework: &str,
    competency: &str,
    audience: Audience,
) -> Vec<Suggestion> {
    let Some(link) = library.link(framework, competency) else {
        return Vec::new();
    };
    let competency_name = library
        .framework(framework)
        .ok()
        .and_then(|f| f.competencies.iter().find(|c| c.id == competency))
        .map_or(competency.to_string(), |c| alone(&c.name));
    let methods = link.methods.iter().filter_map(|id| library.method(id));
    let (together, other): (Vec<_>, Vec<_>) =
        methods.partition(|m| m.category == LEARNING_TOGETHER);
    let methods = match audience {
        Audience::Person => other.into_iter().chain(together),
        Audience::Team => together.into_iter().chain(other),
    };
    let mut list: Vec<Suggestion> = methods
        .map(|method| Suggestion {
            kind: SuggestionKind::Method,
            id: Some(method.id.clone()),
            name: alone(&method.name),
            category: library
                .method_categories
                .iter()
                .find(|c| c.id == method.category)
                .map_or(method.category.clone(), |c| c.name.clone()),
            because: Because::LinkedMethod {
                competency: competency_name.clone(),
            },
            origin: origin(library, link),
        })
        .collect();
    let Some(matrix) = &library.boks else {
        return list;
    };
    let rows = linked_boks(library, framework, competency);
    for column_id in audience.columns() {
        let Some(column) = matrix
            .column_groups
            .iter()
            .flat_map(|g| &g.columns)
            .find(|c| c.id == *column_id)
        else {
            continue;
        };
        for row in &rows {
            let activities = row.activities.iter().filter(|(c, _)| *c == column.name);
            for (_, activity) in activities {
                list.push(Suggestion {
                    kind: SuggestionKind::BoksActivity,
                    id: None,
                    name: alone(activity),
                    category: column.name.clone(),
                    because: Because::BoksRow {
                        cluster: row.cluster.clone(),
                        row: row.name.clone(),
                    },
                    origin: row.origin.clone(),
                });
            }
        }
    }
    list
}

/// Takes at most [`MAX`] suggestions from each list in turn, leaving out what an earlier list
/// (or an earlier place in the same list) already suggested: the first competency gets the
/// first choice.
pub fn pick(lists: Vec<Vec<Suggestion>>) -> Vec<Vec<Suggestion>> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    lists
        .into_iter()
        .map(|list| {
            let mut chosen = Vec::new();
            for suggestion in list {
                if chosen.len() == MAX {
                    break;
                }
                if taken.insert(suggestion.key()) {
                    chosen.push(suggestion);
                }
            }
            chosen
        })
        .collect()
}

/// The suggestions for competencies in order of need: each at most [`MAX`], none twice.
pub fn for_competencies<'a>(
    library: &Library,
    framework: &str,
    competencies: impl IntoIterator<Item = &'a str>,
    audience: Audience,
) -> Vec<Vec<Suggestion>> {
    pick(
        competencies
            .into_iter()
            .map(|c| candidates(library, framework, c, audience))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn method(id: &str) -> Suggestion {
        Suggestion {
            kind: SuggestionKind::Method,
            id: Some(id.into()),
            name: id.into(),
            category: "c".into(),
            because: Because::LinkedMethod {
                competency: "x".into(),
            },
            origin: LinkOrigin {
                status: LinkStatus::Proposal,
                proposed_by: Some("vakwijzer".into()),
            },
        }
    }

    fn activity(text: &str) -> Suggestion {
        Suggestion {
            kind: SuggestionKind::BoksActivity,
            id: None,
            name: text.into(),
            because: Because::BoksRow {
                cluster: "r".into(),
                row: "R".into(),
            },
            ..method("unused")
        }
    }

    fn names(lists: &[Vec<Suggestion>]) -> Vec<Vec<&str>> {
        lists
            .iter()
            .map(|l| l.iter().map(|s| s.name.as_str()).collect())
            .collect()
    }

    /// (candidates per competency, in order of need) -> what each gets.
    #[test]
    fn each_gets_at_most_three_and_nothing_twice() {
        let lists = vec![
            vec![method("a"), method("b"), method("c"), method("d")],
            // a and c went to the first; the same activity in two columns counts once.
            vec![
                method("a"),
                method("c"),
                activity("Signaleren"),
                activity("signaleren"),
                method("e"),
            ],
            // Everything already taken: nothing left.
            vec![method("b"), activity("Signaleren")],
        ];
        assert_eq!(
            names(&pick(lists)),
            vec![vec!["a", "b", "c"], vec!["Signaleren", "e"], vec![]]
        );
    }

    #[test]
    fn a_source_text_alone_loses_the_punctuation_that_ran_on() {
        let cases = [
            (
                "Plannen van de eigen competentie ontwikkeling:",
                "Plannen van de eigen competentie ontwikkeling",
            ),
            (
                "Coachen en begeleiden van vrijwilligers en netwerken.",
                "Coachen en begeleiden van vrijwilligers en netwerken",
            ),
            (
                "Veranderings- en competentiegerichte begeleiding,",
                "Veranderings- en competentiegerichte begeleiding",
            ),
            ("Preventie", "Preventie"),
        ];
        for (text, expected) in cases {
            assert_eq!(alone(text), expected);
        }
    }

    #[test]
    fn a_person_gets_methods_first_and_a_team_learning_together() {
        let library = crate::framework::Library::load(None).unwrap();
        let person = candidates(&library, "eindhoven", "durf", Audience::Person);
        let team = candidates(&library, "eindhoven", "durf", Audience::Team);
        assert_eq!(
            person[0].id.as_deref(),
            Some("professionele-besluitvorming")
        );
        assert_eq!(team[0].id.as_deref(), Some("casusanalyse"));
        // After the methods, the person's BoKS activities: person-bound columns first.
        let first_activity = person
            .iter()
            .find(|s| s.kind == SuggestionKind::BoksActivity)
            .unwrap();
        assert_eq!(first_activity.category, "Persoonsgebonden");
        assert!(person.iter().all(|s| !s.name.ends_with(['.', ':', ','])));
    }
}
