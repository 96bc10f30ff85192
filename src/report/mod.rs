//! Report models: plain structs built from a framework and results, rendered by `render`.

pub mod personal;
pub mod suggestions;
pub mod team;
