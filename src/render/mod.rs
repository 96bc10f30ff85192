//! Rendering report models and content to the output formats.

pub mod table;
