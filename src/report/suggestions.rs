//! Schooling suggestions for a competency: the BoKS activities and methods it is linked to.

use serde::Serialize;

use crate::framework::{Library, LinkStatus};

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Suggestions {
    /// Whether the sources make the link or vakwijzer proposes it.
    pub status: Option<LinkStatus>,
    /// Who proposes the link, for a proposal: vakwijzer or the organisation.
    pub proposed_by: Option<String>,
    pub boks: Vec<BoksSuggestion>,
    pub methods: Vec<MethodSuggestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct BoksSuggestion {
    pub cluster: String,
    pub name: String,
    /// Column label and activity, in matrix order.
    pub activities: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct MethodSuggestion {
    pub id: String,
    pub name: String,
    pub category: String,
}

pub fn suggestions(library: &Library, framework: &str, competency: &str) -> Suggestions {
    let Some(link) = library.link(framework, competency) else {
        return Suggestions {
            status: None,
            proposed_by: None,
            boks: Vec::new(),
            methods: Vec::new(),
        };
    };
    let mut boks = Vec::new();
    if let Some(matrix) = &library.boks {
        let clusters = library
            .framework(&matrix.framework)
            .map(|f| &f.clusters)
            .ok();
        for row in matrix
            .rows
            .iter()
            .filter(|r| link.boks_rows.contains(&r.cluster))
        {
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
            boks.push(BoksSuggestion {
                cluster: row.cluster.clone(),
                name,
                activities,
            });
        }
    }
    let methods = link
        .methods
        .iter()
        .filter_map(|id| library.method(id))
        .map(|method| MethodSuggestion {
            id: method.id.clone(),
            name: method.name.clone(),
            category: library
                .method_categories
                .iter()
                .find(|c| c.id == method.category)
                .map_or(method.category.clone(), |c| c.name.clone()),
        })
        .collect();
    Suggestions {
        status: Some(link.status),
        proposed_by: (link.status == LinkStatus::Proposal).then(|| library.link_author(link)),
        boks,
        methods,
    }
}
