//! Asking questions: the engine that walks a questionnaire, the inputs it reads from, and the
//! sessions (scan) that say what is asked.

pub mod decision;
pub mod editor;
pub mod engine;
pub mod input;
pub mod interview;
pub mod keyed;
pub mod plan;
pub mod prompt;
pub mod scan;
