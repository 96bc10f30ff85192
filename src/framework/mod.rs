//! Competency frameworks and the content around them: model, loading, validation.

pub mod load;
pub mod model;
pub mod positions;
pub mod validate;
pub mod yaml_error;

pub use load::{Library, SourceFile};
pub use model::*;
