//! A document as HTML: the report's template (`NAME.html`, which includes `document.html`)
//! receives the document with each chart drawn as inline SVG, and the report model.

use serde_json::Value;

use crate::Result;
use crate::layout::{Block, Chart, Document};
use crate::render::svg;

/// The document as templates see it: as serialized, with `svg` beside every chart.
pub fn document_value(document: &Document) -> Result<Value> {
    let mut value = serde_json::to_value(document).unwrap_or(Value::Null);
    let Some(blocks) = value.get_mut("blocks").and_then(Value::as_array_mut) else {
        return Ok(value);
    };
    for (block, source) in blocks.iter_mut().zip(&document.blocks) {
        if let (Block::Chart { chart, caption }, Some(object)) = (source, block.as_object_mut()) {
            object.insert("svg".to_string(), Value::String(chart_svg(chart, caption)?));
        }
    }
    Ok(value)
}

/// A chart of the document as inline SVG, named by its caption.
pub fn chart_svg(chart: &Chart, caption: &str) -> Result<String> {
    match chart {
        Chart::Radar(radar) => svg::radar(radar, caption),
        Chart::Bars(bars) => svg::bars(bars, caption),
        Chart::Heat(heat) => svg::heat_map(heat, caption),
        Chart::Trend(trend) => svg::trend(trend, caption),
    }
}
