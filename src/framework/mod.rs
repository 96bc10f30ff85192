//! Competency frameworks and the content around them: model, loading, merging, validation.

pub mod library;
pub mod load;
pub mod merge;
pub mod model;
pub mod positions;
mod references;
mod staging;
pub mod validate;

pub use library::Library;
pub use load::SourceFile;
pub use model::*;
