//! PDF output: a document model that reports fill in, and `render`, which lays it out on A4
//! pages and writes it with embedded Liberation Sans.

pub(crate) mod chart;
mod convert;
mod document;
mod flow;
pub(crate) mod fonts;
pub(crate) mod layout;
mod writer;

pub use convert::from_layout;
pub use document::{BarChart, Block, Document, HeatMap, RadarChart, Table, TrendChart};
pub use writer::render;
