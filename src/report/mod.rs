//! Report models: plain structs built from a framework and results, rendered by `render`.

pub mod disclosure;
pub mod dossier;
pub mod feedback;
pub mod guide;
pub mod panel;
pub mod personal;
pub mod plan;
pub mod scorecard;
pub mod suggestions;
pub mod team;
