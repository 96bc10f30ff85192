//! Input from outside, for every reader of it (data, results, answers files, templates):
//! files read within limits, YAML checked before it is parsed and its errors placed, and the
//! lines a message points at.

mod file;
mod locator;
mod yaml;
pub mod yaml_error;

pub use file::{
    collect_files, collect_yaml, is_special_file, is_yaml, read_limited, refuse_special_file,
};
pub use locator::Locator;
pub use yaml::{MAX_FLOW_DEPTH, check_yaml_text, error_position, from_yaml, yaml_problem};
