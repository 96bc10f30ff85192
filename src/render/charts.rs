//! The team report's chart as data, drawn alike as SVG for HTML (`svg.rs`) and in the PDF
//! (`pdf/chart.rs`). The other reports' charts are part of their layout (`layout/`).

use crate::render::pdf::HeatMap;
use crate::render::team::TeamView;

/// How many people gave which score, per competency; withheld rows stay grey.
pub fn team(view: &TeamView) -> HeatMap {
    HeatMap {
        rows: view.heat.rows.clone(),
        columns: view.heat.columns.clone(),
        cells: view.heat.cells.clone(),
        withheld: view.heat.withheld.clone(),
    }
}
