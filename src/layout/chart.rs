//! Charts as data: what they show, not how they are drawn. The SVG of the HTML reports and the
//! PDF draw them (`render::svg`, `render::pdf`).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Chart {
    Radar(RadarChart),
    Bars(BarChart),
    Heat(HeatMap),
    Trend(TrendChart),
}

impl From<RadarChart> for Chart {
    fn from(chart: RadarChart) -> Chart {
        Chart::Radar(chart)
    }
}

impl From<BarChart> for Chart {
    fn from(chart: BarChart) -> Chart {
        Chart::Bars(chart)
    }
}

impl From<TrendChart> for Chart {
    fn from(chart: TrendChart) -> Chart {
        Chart::Trend(chart)
    }
}

impl From<HeatMap> for Chart {
    fn from(chart: HeatMap) -> Chart {
        Chart::Heat(chart)
    }
}

/// A spider chart: one spoke per label, the values as a filled area, the targets as a dashed
/// outline, the previous values (an earlier scan) as a thin outline, and a ring for every
/// point of the scale from `min` to `max`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RadarChart {
    pub labels: Vec<String>,
    /// One per label; `None` (no score) is drawn at the centre.
    pub values: Vec<Option<f64>>,
    /// One per label; `None` leaves a gap in the target outline.
    pub targets: Vec<Option<f64>>,
    /// One per label, or empty when there is nothing to compare with; `None` leaves a gap.
    pub previous: Vec<Option<f64>>,
    pub min: f64,
    pub max: f64,
    /// The legend entries for the values, the targets and the previous values; an empty one
    /// is left out.
    pub value_legend: String,
    pub target_legend: String,
    pub previous_legend: String,
}

/// Horizontal bars from `min` to each value, with a tick mark at each target and the value in
/// a column on the right.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BarChart {
    pub labels: Vec<String>,
    /// One per label; `None` draws no bar and "—" as the value.
    pub values: Vec<Option<f64>>,
    /// One per label; `None` draws no tick.
    pub targets: Vec<Option<f64>>,
    pub min: f64,
    pub max: f64,
    /// The legend entries for the bars and the ticks; an empty one is left out.
    pub value_legend: String,
    pub target_legend: String,
}

/// A small chart per label, a row each: its value in every round (scan) as a line from the
/// first round to the last, the target as a dashed line, and the last value on the right.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TrendChart {
    pub labels: Vec<String>,
    /// The name of each round (its date), the first first.
    pub rounds: Vec<String>,
    /// `values[label][round]`; `None` (no score that round) breaks the line.
    pub values: Vec<Vec<Option<f64>>>,
    /// One per label; `None` draws no target line.
    pub targets: Vec<Option<f64>>,
    pub min: f64,
    pub max: f64,
    /// The legend entries for the line and the target; an empty one is left out.
    pub value_legend: String,
    pub target_legend: String,
}

/// Counts in a grid, each cell shaded by its count (how many in a team gave which score).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HeatMap {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// `cells[row][column]`; missing cells count as 0.
    pub cells: Vec<Vec<u32>>,
    /// Rows whose counts are not shown (too few answers to keep them anonymous); they are drawn
    /// grey with a dash in every cell. Missing entries are false.
    pub withheld: Vec<bool>,
}
