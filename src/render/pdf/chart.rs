//! Charts as vector drawings: the radar (spider) chart, horizontal bars against targets, and a
//! heat map of counts. Each is drawn from its own top-left corner at (0, 0) downwards, to the
//! width it is given, and says how tall it came out.

use std::f32::consts::PI;

use super::document::{BarChart, HeatMap, RadarChart, TrendChart};
use super::fonts::Weight;
use super::layout::{
    Align, Color, Drawing, Point, Primitive, Stroke, Style, Typesetter, mm, point,
};

const LABEL: Style = Style::new(Weight::Regular, 8.5, Color::TEXT);
const SCALE: Style = Style::new(Weight::Regular, 7.0, Color::MUTED);
const LEGEND: Style = Style::new(Weight::Regular, 8.5, Color::TEXT);
const GRID: Stroke = Stroke {
    color: Color::RULE,
    width: 0.5,
    dashed: false,
};
/// The outline of an earlier scan on the radar: thin and grey, behind today's values.
const PREVIOUS: Stroke = Stroke {
    color: Color::MUTED,
    width: 1.2,
    dashed: false,
};

/// The points of a scale worth a grid line: every whole point on a short scale (1 to 5), five
/// steps on a long one.
fn scale_steps(min: f64, max: f64) -> Vec<f64> {
    let span = max - min;
    let step = if span <= 10.0 && span.fract() == 0.0 {
        1.0
    } else {
        span / 5.0
    };
    (0..)
        .map(|i| min + step * f64::from(i))
        .take_while(|v| *v <= max + step / 1000.0)
        .collect()
}

/// `min` and `max` made usable: ordered, and apart.
fn scale_bounds(min: f64, max: f64) -> (f64, f64) {
    if max > min {
        (min, max)
    } else {
        (min, min + 1.0)
    }
}

/// Where `value` falls between `min` and `max`, from 0 to 1.
fn share(value: f64, min: f64, max: f64) -> f32 {
    (((value - min) / (max - min)).clamp(0.0, 1.0)) as f32
}

/// A scale point as a label: "3" for whole numbers, else the number as the reports write it.
fn scale_label(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        crate::render::number(Some(value))
    }
}

fn nth<T: Copy>(items: &[Option<T>], index: usize) -> Option<T> {
    items.get(index).copied().flatten()
}

/// A legend line under a chart: for each entry with a label, its mark and the label; centred
/// on `centre` with its top at `top`. Returns nothing when every label is empty.
fn legend(
    typesetter: Typesetter,
    entries: &[(LegendMark, &str)],
    centre: f32,
    top: f32,
) -> Vec<Primitive> {
    const MARK: f32 = 14.0;
    const GAP: f32 = 5.0;
    const BETWEEN: f32 = 18.0;
    let entries: Vec<_> = entries
        .iter()
        .filter(|(_, label)| !label.is_empty())
        .collect();
    let total: f32 = entries
        .iter()
        .map(|(_, label)| MARK + GAP + typesetter.width(label, &LEGEND))
        .sum::<f32>()
        + BETWEEN * entries.len().saturating_sub(1) as f32;
    let middle = top - LEGEND.leading / 2.0;
    let baseline = top - LEGEND.baseline_offset();
    let mut x = centre - total / 2.0;
    let mut items = Vec::new();
    for (mark, label) in entries {
        items.push(mark.draw(x, MARK, middle));
        items.push(typesetter.run(label, &LEGEND, x + MARK + GAP, baseline, Align::Left));
        x += MARK + GAP + typesetter.width(label, &LEGEND) + BETWEEN;
    }
    items
}

/// The height a legend takes, gap above it included: none when it has no labels.
fn legend_height(labels: &[&str]) -> f32 {
    if labels.iter().all(|label| label.is_empty()) {
        0.0
    } else {
        LEGEND_GAP + LEGEND.leading
    }
}

const LEGEND_GAP: f32 = 6.0;

/// What a legend entry shows before its label: the same mark as in the chart.
enum LegendMark {
    /// The radar's filled values.
    Area,
    /// The radar's dashed targets.
    DashedLine,
    /// The radar's earlier values.
    PreviousLine,
    /// A bar.
    Bar,
    /// A target tick across a bar.
    Tick,
    /// A trend line with a dot.
    Line,
}

impl LegendMark {
    fn draw(&self, x: f32, width: f32, middle: f32) -> Primitive {
        match self {
            LegendMark::Area => Primitive::Rect {
                x,
                y: middle - 4.0,
                width,
                height: 8.0,
                fill: Some(Color::ACCENT_LIGHT),
                stroke: Some(Stroke::solid(Color::ACCENT, 1.2)),
            },
            LegendMark::DashedLine => Primitive::line(
                point(x, middle),
                point(x + width, middle),
                Stroke::dashed(Color::TARGET, 1.2),
            ),
            LegendMark::PreviousLine => {
                Primitive::line(point(x, middle), point(x + width, middle), PREVIOUS)
            }
            LegendMark::Bar => Primitive::Rect {
                x,
                y: middle - 4.0,
                width,
                height: 8.0,
                fill: Some(Color::ACCENT),
                stroke: None,
            },
            LegendMark::Line => Primitive::Line {
                points: vec![point(x, middle), point(x + width, middle)],
                stroke: Stroke::solid(Color::ACCENT, 1.5),
            },
            LegendMark::Tick => Primitive::line(
                point(x + width / 2.0, middle - 6.0),
                point(x + width / 2.0, middle + 6.0),
                Stroke::solid(Color::TARGET, 2.0),
            ),
        }
    }
}

/// How a radar label sits against the end of its spoke.
struct SpokeLabel {
    lines: Vec<String>,
    width: f32,
    height: f32,
    /// Unit vector along the spoke, y up.
    direction: Point,
}

impl SpokeLabel {
    /// Spokes pointing mostly sideways carry their label beside them, the others above or
    /// below, centred.
    fn is_beside(&self) -> bool {
        self.direction.x.abs() > 0.3
    }
}

/// The height of a radar chart's plot, legend not included.
const RADAR_PLOT_HEIGHT: f32 = mm(95.0);
/// Space between the end of a spoke and its label.
const SPOKE_LABEL_GAP: f32 = 5.0;

/// The radar chart in `width` points: the plot and the legend under it.
pub fn radar(chart: &RadarChart, typesetter: Typesetter, width: f32) -> Drawing {
    let count = chart.labels.len();
    if count == 0 {
        return Drawing::default();
    }
    let (min, max) = scale_bounds(chart.min, chart.max);
    let labels = spoke_labels(&chart.labels, typesetter, width);
    let half_width = width / 2.0;
    let radius = fitting_radius(&labels, half_width, RADAR_PLOT_HEIGHT / 2.0);
    let centre = point(half_width, -RADAR_PLOT_HEIGHT / 2.0);
    let at = |index: usize, share: f32| {
        let direction = labels[index].direction;
        point(
            centre.x + direction.x * radius * share,
            centre.y + direction.y * radius * share,
        )
    };
    let value_points: Vec<Point> = (0..count)
        .map(|i| at(i, nth(&chart.values, i).map_or(0.0, |v| share(v, min, max))))
        .collect();

    // The filled values first, then the grid over them so it stays readable, then the
    // outlines, the scale and the labels on top.
    let mut items = vec![Primitive::Polygon {
        points: value_points.clone(),
        fill: Some(Color::ACCENT_LIGHT),
        stroke: None,
    }];
    let steps: Vec<f64> = scale_steps(min, max)
        .into_iter()
        .filter(|v| *v > min)
        .collect();
    for step in &steps {
        items.push(ring(centre, radius * share(*step, min, max), count));
    }
    for index in 0..count {
        items.push(Primitive::line(centre, at(index, 1.0), GRID));
    }
    let on_spoke = |i: usize, v: f64| at(i, share(v, min, max));
    items.extend(outline(&chart.previous, count, PREVIOUS, on_spoke));
    items.push(Primitive::Polygon {
        points: value_points.clone(),
        fill: None,
        stroke: Some(Stroke::solid(Color::ACCENT, 1.5)),
    });
    items.extend(outline(
        &chart.targets,
        count,
        Stroke::dashed(Color::TARGET, 1.2),
        on_spoke,
    ));
    for (index, corner) in value_points.iter().enumerate() {
        if nth(&chart.values, index).is_some() {
            items.push(dot(*corner));
        }
    }
    for step in &steps {
        let top = point(centre.x, centre.y + radius * share(*step, min, max));
        items.extend(ring_number(typesetter, *step, top));
    }
    for (index, label) in labels.iter().enumerate() {
        items.extend(spoke_label(typesetter, label, at(index, 1.0)));
    }
    // The radius is often bounded by the width (long labels beside the spokes): then the
    // plot does not need its full height, and the room above and below it goes.
    let plot_height = crop_vertically(&mut items, RADAR_PLOT_HEIGHT);

    let previous_legend = if chart.previous.iter().any(Option::is_some) {
        chart.previous_legend.as_str()
    } else {
        ""
    };
    let legends = [
        chart.value_legend.as_str(),
        chart.target_legend.as_str(),
        previous_legend,
    ];
    items.extend(legend(
        typesetter,
        &[
            (LegendMark::Area, legends[0]),
            (LegendMark::DashedLine, legends[1]),
            (LegendMark::PreviousLine, legends[2]),
        ],
        half_width,
        -plot_height - LEGEND_GAP,
    ));
    Drawing {
        height: plot_height + legend_height(&legends),
        items,
    }
}

/// Moves `items`, drawn in a box `height` tall from y = 0 down, up to the top of the box and
/// returns the height they take, with a little room kept above and below.
fn crop_vertically(items: &mut [Primitive], height: f32) -> f32 {
    const PAD: f32 = 2.0;
    let (mut top, mut bottom) = (f32::MIN, f32::MAX);
    let mut extend = |low: f32, high: f32| {
        top = top.max(high);
        bottom = bottom.min(low);
    };
    for item in items.iter() {
        match item {
            Primitive::Text(run) => extend(
                run.baseline - run.size * 0.25,
                run.baseline + run.size * 0.8,
            ),
            Primitive::Line { points, .. } | Primitive::Polygon { points, .. } => {
                for p in points {
                    extend(p.y, p.y);
                }
            }
            Primitive::Rect { y, height, .. } => extend(*y, y + height),
        }
    }
    if top < bottom {
        return height;
    }
    let above = (-top - PAD).max(0.0);
    let below = (bottom + height - PAD).max(0.0);
    for item in items.iter_mut() {
        item.translate(0.0, above);
    }
    height - above - below
}

/// The labels of the spokes, clockwise from the top, wrapped to the room their side has.
fn spoke_labels(labels: &[String], typesetter: Typesetter, width: f32) -> Vec<SpokeLabel> {
    labels
        .iter()
        .enumerate()
        .map(|(index, label)| {
            let angle = PI / 2.0 - 2.0 * PI * index as f32 / labels.len() as f32;
            let direction = point(angle.cos(), angle.sin());
            let mut spoke = SpokeLabel {
                lines: Vec::new(),
                width: 0.0,
                height: 0.0,
                direction,
            };
            let wrap_width = if spoke.is_beside() {
                width * 0.27
            } else {
                width * 0.35
            };
            spoke.lines = typesetter.wrap(label, &LABEL, wrap_width);
            spoke.width = spoke
                .lines
                .iter()
                .map(|line| typesetter.width(line, &LABEL))
                .fold(0.0, f32::max);
            spoke.height = LABEL.height(spoke.lines.len());
            spoke
        })
        .collect()
}

/// The largest radius at which every label still fits in the plot area around the centre.
fn fitting_radius(labels: &[SpokeLabel], half_width: f32, half_height: f32) -> f32 {
    let mut radius = half_height.min(half_width);
    for label in labels {
        let (dx, dy) = (label.direction.x.abs(), label.direction.y.abs());
        let (across, up) = if label.is_beside() {
            (label.width, label.height / 2.0)
        } else {
            (label.width / 2.0, label.height)
        };
        if dx > 1e-3 {
            radius = radius.min((half_width - across) / dx - SPOKE_LABEL_GAP);
        }
        if dy > 1e-3 {
            radius = radius.min((half_height - up) / dy - SPOKE_LABEL_GAP);
        }
    }
    // Labels too long for any radius still get a readable chart; they wrap more instead.
    radius.max(40.0)
}

/// A grid ring: a polygon through the spokes, or a circle when there are fewer than three.
fn ring(centre: Point, radius: f32, spokes: usize) -> Primitive {
    let corners = if spokes >= 3 { spokes } else { 60 };
    let points = (0..corners)
        .map(|i| {
            let angle = PI / 2.0 - 2.0 * PI * i as f32 / corners as f32;
            point(
                centre.x + radius * angle.cos(),
                centre.y + radius * angle.sin(),
            )
        })
        .collect();
    Primitive::Polygon {
        points,
        fill: None,
        stroke: Some(GRID),
    }
}

/// A value's corner mark.
fn dot(at: Point) -> Primitive {
    Primitive::Rect {
        x: at.x - 1.75,
        y: at.y - 1.75,
        width: 3.5,
        height: 3.5,
        fill: Some(Color::ACCENT),
        stroke: None,
    }
}

/// The number of a ring, just right of the top spoke and under the ring, on a white ground so
/// no outline can hide it.
fn ring_number(typesetter: Typesetter, step: f64, ring_top: Point) -> [Primitive; 2] {
    let label = scale_label(step);
    let width = typesetter.width(&label, &SCALE);
    let baseline = ring_top.y - SCALE.size - 0.5;
    [
        Primitive::Rect {
            x: ring_top.x + 1.5,
            y: baseline - 1.5,
            width: width + 2.0,
            height: SCALE.size + 1.5,
            fill: Some(Color::WHITE),
            stroke: None,
        },
        typesetter.run(&label, &SCALE, ring_top.x + 2.5, baseline, Align::Left),
    ]
}

/// An outline through `values` (the targets, an earlier scan): closed when every value is
/// there, else the stretches between neighbouring values.
fn outline(
    values: &[Option<f64>],
    count: usize,
    stroke: Stroke,
    at: impl Fn(usize, f64) -> Point,
) -> Vec<Primitive> {
    let targets: Vec<Option<Point>> = (0..count)
        .map(|i| nth(values, i).map(|v| at(i, v)))
        .collect();
    if targets.iter().all(Option::is_none) {
        return Vec::new();
    }
    if targets.iter().all(Option::is_some) {
        return vec![Primitive::Polygon {
            points: targets.into_iter().flatten().collect(),
            fill: None,
            stroke: Some(stroke),
        }];
    }
    (0..count)
        .filter_map(|i| match (targets[i], targets[(i + 1) % count]) {
            (Some(from), Some(to)) if count > 1 => Some(Primitive::line(from, to, stroke)),
            _ => None,
        })
        .collect()
}

/// A radar label placed just beyond the end of its spoke, on the side the spoke points to.
fn spoke_label(typesetter: Typesetter, label: &SpokeLabel, end: Point) -> Vec<Primitive> {
    let anchor = point(
        end.x + label.direction.x * SPOKE_LABEL_GAP,
        end.y + label.direction.y * SPOKE_LABEL_GAP,
    );
    let (x, align, top) = if label.is_beside() {
        let align = if label.direction.x > 0.0 {
            Align::Left
        } else {
            Align::Right
        };
        // Beside the spoke: vertically centred on it, nudged away from the top and bottom.
        let top = anchor.y + label.height / 2.0 + label.direction.y * label.height / 2.0;
        (anchor.x, align, top)
    } else if label.direction.y > 0.0 {
        (anchor.x, Align::Center, anchor.y + label.height)
    } else {
        (anchor.x, Align::Center, anchor.y)
    };
    typesetter.lines(&label.lines, &LABEL, x, top, align)
}

/// Horizontal bars, one row per label: the label, a bar from `min` to the value with the
/// target as a tick across it, and the value in a column on the right.
pub fn bars(chart: &BarChart, typesetter: Typesetter, width: f32) -> Drawing {
    const BAR: f32 = 10.0;
    const ROW_GAP: f32 = 6.0;
    const VALUE_COLUMN: f32 = 40.0;
    if chart.labels.is_empty() {
        return Drawing::default();
    }
    let (min, max) = scale_bounds(chart.min, chart.max);
    let label_width = width * 0.36;
    let bar_left = label_width + 10.0;
    let bar_right = width - VALUE_COLUMN;
    let x_of = |v: f64| bar_left + (bar_right - bar_left) * share(v, min, max);

    let mut items = Vec::new();
    let axis_height = SCALE.leading + 2.0;
    let rows: Vec<Vec<String>> = chart
        .labels
        .iter()
        .map(|label| typesetter.wrap(label, &LABEL, label_width))
        .collect();
    let row_heights: Vec<f32> = rows
        .iter()
        .map(|lines| LABEL.height(lines.len()).max(BAR + 6.0))
        .collect();
    let height = axis_height + row_heights.iter().map(|h| h + ROW_GAP).sum::<f32>();

    for step in scale_steps(min, max) {
        let x = x_of(step);
        let label = scale_label(step);
        items.push(typesetter.run(&label, &SCALE, x, -SCALE.baseline_offset(), Align::Center));
        items.push(Primitive::line(
            point(x, -axis_height),
            point(x, -height + ROW_GAP),
            GRID,
        ));
    }

    let mut top = -axis_height - ROW_GAP / 2.0;
    for (index, (lines, row_height)) in rows.iter().zip(&row_heights).enumerate() {
        let middle = top - row_height / 2.0;
        let label_top = middle + LABEL.height(lines.len()) / 2.0;
        items.extend(typesetter.lines(lines, &LABEL, 0.0, label_top, Align::Left));
        let value = nth(&chart.values, index);
        if let Some(value) = value {
            items.push(Primitive::Rect {
                x: bar_left,
                y: middle - BAR / 2.0,
                width: x_of(value) - bar_left,
                height: BAR,
                fill: Some(Color::ACCENT),
                stroke: None,
            });
        }
        if let Some(target) = nth(&chart.targets, index) {
            let x = x_of(target);
            items.push(Primitive::line(
                point(x, middle - BAR / 2.0 - 3.0),
                point(x, middle + BAR / 2.0 + 3.0),
                Stroke::solid(Color::TARGET, 2.0),
            ));
        }
        let value_text = crate::render::number(value);
        let baseline = middle - LABEL.size * 0.35;
        items.push(typesetter.run(&value_text, &LABEL, width, baseline, Align::Right));
        top -= row_height + ROW_GAP;
    }
    let legends = [chart.value_legend.as_str(), chart.target_legend.as_str()];
    items.extend(legend(
        typesetter,
        &[
            (LegendMark::Bar, legends[0]),
            (LegendMark::Tick, legends[1]),
        ],
        (bar_left + bar_right) / 2.0,
        -height - LEGEND_GAP,
    ));
    Drawing {
        height: height + legend_height(&legends),
        items,
    }
}

/// One small chart per competency, a row each: the label, the scores of every scan as a line
/// from the first scan to the last (the dates over the columns), the target as a dashed line,
/// and the latest score in a column on the right.
pub fn trend(chart: &TrendChart, typesetter: Typesetter, width: f32) -> Drawing {
    const PLOT: f32 = 22.0;
    const ROW_GAP: f32 = 8.0;
    const VALUE_COLUMN: f32 = 40.0;
    const INSET: f32 = 8.0;
    if chart.labels.is_empty() || chart.rounds.is_empty() {
        return Drawing::default();
    }
    let (min, max) = scale_bounds(chart.min, chart.max);
    let label_width = width * 0.36;
    let plot_left = label_width + 10.0 + INSET;
    let plot_right = width - VALUE_COLUMN - INSET;
    let rounds = chart.rounds.len();
    let x_of = |round: usize| {
        if rounds == 1 {
            (plot_left + plot_right) / 2.0
        } else {
            plot_left + (plot_right - plot_left) * round as f32 / (rounds - 1) as f32
        }
    };
    let mut items = Vec::new();
    // The dates over their columns; when they do not all fit side by side, the first and the
    // last only.
    let header_height = SCALE.leading + 2.0;
    let widest = chart
        .rounds
        .iter()
        .map(|r| typesetter.width(r, &SCALE))
        .fold(0.0, f32::max);
    let room = if rounds > 1 {
        (plot_right - plot_left) / (rounds - 1) as f32
    } else {
        f32::MAX
    };
    let dated: Vec<usize> = if widest + 4.0 <= room {
        (0..rounds).collect()
    } else {
        vec![0, rounds - 1]
    };
    for round in dated {
        items.push(typesetter.run(
            &chart.rounds[round],
            &SCALE,
            x_of(round),
            -SCALE.baseline_offset(),
            Align::Center,
        ));
    }
    let rows: Vec<Vec<String>> = chart
        .labels
        .iter()
        .map(|label| typesetter.wrap(label, &LABEL, label_width))
        .collect();
    let mut top = -header_height - ROW_GAP / 2.0;
    for (index, lines) in rows.iter().enumerate() {
        let row_height = LABEL.height(lines.len()).max(PLOT);
        let middle = top - row_height / 2.0;
        let (bottom, plot_top) = (middle - PLOT / 2.0, middle + PLOT / 2.0);
        let y_of = |v: f64| bottom + PLOT * share(v, min, max);
        let label_top = middle + LABEL.height(lines.len()) / 2.0;
        items.extend(typesetter.lines(lines, &LABEL, 0.0, label_top, Align::Left));
        // The frame of the small chart: its lowest and highest scale point, and a column per
        // scan.
        for y in [bottom, plot_top] {
            items.push(Primitive::line(
                point(plot_left - INSET, y),
                point(plot_right + INSET, y),
                GRID,
            ));
        }
        for round in 0..rounds {
            items.push(Primitive::line(
                point(x_of(round), bottom),
                point(x_of(round), plot_top),
                GRID,
            ));
        }
        if let Some(target) = nth(&chart.targets, index) {
            items.push(Primitive::line(
                point(plot_left - INSET, y_of(target)),
                point(plot_right + INSET, y_of(target)),
                Stroke::dashed(Color::TARGET, 1.0),
            ));
        }
        let values = chart.values.get(index).map_or(&[][..], Vec::as_slice);
        let points: Vec<Option<Point>> = (0..rounds)
            .map(|round| nth(values, round).map(|v| point(x_of(round), y_of(v))))
            .collect();
        // A line through the scans that have a score; a scan without one breaks it.
        for run in points.split(Option::is_none) {
            let run: Vec<Point> = run.iter().flatten().copied().collect();
            if run.len() > 1 {
                items.push(Primitive::Line {
                    points: run,
                    stroke: Stroke::solid(Color::ACCENT, 1.5),
                });
            }
        }
        items.extend(points.iter().flatten().map(|p| dot(*p)));
        let latest = nth(values, rounds - 1);
        let baseline = middle - LABEL.size * 0.35;
        items.push(typesetter.run(
            &crate::render::number(latest),
            &LABEL,
            width,
            baseline,
            Align::Right,
        ));
        top -= row_height + ROW_GAP;
    }
    let height = -top - ROW_GAP / 2.0;
    let legends = [chart.value_legend.as_str(), chart.target_legend.as_str()];
    items.extend(legend(
        typesetter,
        &[
            (LegendMark::Line, legends[0]),
            (LegendMark::DashedLine, legends[1]),
        ],
        (plot_left + plot_right) / 2.0,
        -height - LEGEND_GAP,
    ));
    Drawing {
        height: height + legend_height(&legends),
        items,
    }
}

/// A grid of counts: row labels on the left, column labels on top, each cell shaded from
/// light to the house colour by its count.
pub fn heat_map(chart: &HeatMap, typesetter: Typesetter, width: f32) -> Drawing {
    const HEADER: Style = Style::new(Weight::Bold, 8.0, Color::TEXT);
    const COUNT: Style = Style::new(Weight::Regular, 8.5, Color::TEXT);
    const CELL_GAP: f32 = 1.5;
    if chart.rows.is_empty() || chart.columns.is_empty() {
        return Drawing::default();
    }
    let label_width = width * 0.34;
    let column_width = (width - label_width) / chart.columns.len() as f32;
    let count_of = |row: usize, column: usize| {
        chart
            .cells
            .get(row)
            .and_then(|cells| cells.get(column))
            .copied()
            .unwrap_or(0)
    };
    let withheld = |row: usize| chart.withheld.get(row).copied().unwrap_or(false);
    let most = (0..chart.rows.len())
        .filter(|row| !withheld(*row))
        .flat_map(|row| (0..chart.columns.len()).map(move |column| (row, column)))
        .map(|(row, column)| count_of(row, column))
        .max()
        .unwrap_or(0)
        .max(1);

    let mut items = Vec::new();
    let headers: Vec<Vec<String>> = chart
        .columns
        .iter()
        .map(|column| typesetter.wrap(column, &HEADER, column_width - 4.0))
        .collect();
    let header_lines = headers.iter().map(Vec::len).max().unwrap_or(1);
    let header_height = HEADER.height(header_lines) + 3.0;
    for (index, lines) in headers.iter().enumerate() {
        let centre = label_width + column_width * (index as f32 + 0.5);
        // Bottom-aligned, so short labels sit just above their column.
        let top = -header_height + 3.0 + HEADER.height(lines.len());
        items.extend(typesetter.lines(lines, &HEADER, centre, top, Align::Center));
    }

    let mut top = -header_height;
    for (row, label) in chart.rows.iter().enumerate() {
        let lines = typesetter.wrap(label, &LABEL, label_width - 6.0);
        let row_height = (LABEL.height(lines.len()) + 6.0).max(18.0);
        let mut label_style = LABEL;
        if withheld(row) {
            label_style.color = Color::MUTED;
        }
        let label_top = top - (row_height - LABEL.height(lines.len())) / 2.0;
        items.extend(typesetter.lines(&lines, &label_style, 0.0, label_top, Align::Left));
        for column in 0..chart.columns.len() {
            let look = if withheld(row) {
                CellLook::withheld()
            } else {
                CellLook::of(count_of(row, column), most)
            };
            let x = label_width + column_width * column as f32;
            items.push(Primitive::Rect {
                x: x + CELL_GAP / 2.0,
                y: top - row_height + CELL_GAP / 2.0,
                width: column_width - CELL_GAP,
                height: row_height - CELL_GAP,
                fill: Some(look.fill),
                stroke: None,
            });
            if !look.text.is_empty() {
                let style = Style {
                    color: look.text_color,
                    ..COUNT
                };
                let baseline = top - row_height / 2.0 - COUNT.size * 0.35;
                items.push(typesetter.run(
                    &look.text,
                    &style,
                    x + column_width / 2.0,
                    baseline,
                    Align::Center,
                ));
            }
        }
        top -= row_height;
    }
    Drawing {
        height: -top,
        items,
    }
}

/// How a heat-map cell looks: its shade, and the count in a colour that reads on it.
struct CellLook {
    fill: Color,
    text: String,
    text_color: Color,
}

impl CellLook {
    /// Shaded by `count` against the largest count; an empty cell stays near white and blank.
    fn of(count: u32, most: u32) -> CellLook {
        if count == 0 {
            return CellLook {
                fill: Color::rgb(0.97, 0.97, 0.97),
                text: String::new(),
                text_color: Color::TEXT,
            };
        }
        let fill = Color::ACCENT_LIGHT.mix(Color::ACCENT, count as f32 / most.max(1) as f32);
        let text_color = if fill.lightness() < 0.55 {
            Color::WHITE
        } else {
            Color::TEXT
        };
        CellLook {
            fill,
            text: count.to_string(),
            text_color,
        }
    }

    fn withheld() -> CellLook {
        CellLook {
            fill: Color::SHADE,
            text: "–".to_string(),
            text_color: Color::MUTED,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::fonts::Fonts;
    use crate::render::pdf::layout::TextRun;

    fn texts(drawing: &Drawing) -> Vec<&TextRun> {
        drawing
            .items
            .iter()
            .filter_map(|item| match item {
                Primitive::Text(run) => Some(run),
                _ => None,
            })
            .collect()
    }

    /// Every text run of `drawing` lies inside its box (0..width, -height..0).
    fn assert_text_inside(drawing: &Drawing, typesetter: Typesetter, width: f32) {
        for run in texts(drawing) {
            let style = Style::new(run.weight, run.size, run.color);
            let right = run.x + typesetter.width(&run.text, &style);
            assert!(
                run.x >= -0.01 && right <= width + 0.01,
                "{:?} sticks out sideways",
                run.text
            );
            assert!(
                run.baseline + run.size * 0.8 <= 0.01
                    && run.baseline - run.size * 0.25 >= -drawing.height - 0.01,
                "{:?} sticks out at {} (height {})",
                run.text,
                run.baseline,
                drawing.height
            );
        }
    }

    fn competencies() -> Vec<String> {
        [
            "Verbinden en samenwerken in het netwerk rond de inwoner",
            "Coachen",
            "Signaleren en outreachend werken",
            "Methodisch en resultaatgericht werken",
            "Reflecteren op de eigen rol",
            "Communiceren",
            "Kennis van de sociale kaart en wet- en regelgeving",
            "Ondernemerschap",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn heat_map_cells_darken_with_their_count_and_keep_their_count_readable() {
        let light = CellLook::of(1, 8);
        let dark = CellLook::of(8, 8);
        assert!(dark.fill.lightness() < light.fill.lightness());
        assert_eq!(dark.text_color, Color::WHITE);
        assert_eq!(light.text_color, Color::TEXT);
        assert_eq!(CellLook::of(0, 8).text, "");
    }

    #[test]
    fn scale_steps_are_whole_points_on_short_scales() {
        assert_eq!(scale_steps(1.0, 5.0), [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(scale_steps(0.0, 100.0).len(), 6);
    }

    #[test]
    fn radar_labels_stay_inside_the_chart() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        // The PDF's width and the HTML's.
        for (count, width) in [3, 5, 8].into_iter().flat_map(|c| [(c, 490.0), (c, 340.0)]) {
            let chart = RadarChart {
                labels: competencies()[..count].to_vec(),
                values: vec![Some(3.5); count],
                targets: vec![Some(4.0); count],
                previous: vec![Some(3.0); count],
                min: 1.0,
                max: 5.0,
                value_legend: "Score".into(),
                target_legend: "Streefniveau".into(),
                previous_legend: "scan van 2026-05-12".into(),
            };
            let drawing = radar(&chart, typesetter, width);
            assert_text_inside(&drawing, typesetter, width);
        }
    }

    #[test]
    fn the_previous_scan_is_a_second_outline_with_its_own_legend() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        let mut chart = RadarChart {
            labels: competencies()[..5].to_vec(),
            values: vec![Some(3.5); 5],
            targets: vec![Some(4.0); 5],
            min: 1.0,
            max: 5.0,
            value_legend: "score".into(),
            target_legend: "doel".into(),
            previous_legend: "scan van 2026-05-12".into(),
            ..Default::default()
        };
        let previous_outlines = |drawing: &Drawing| {
            drawing
                .items
                .iter()
                .filter(|item| {
                    matches!(item, Primitive::Polygon { stroke: Some(s), .. } if *s == PREVIOUS)
                })
                .count()
        };
        let without = radar(&chart, typesetter, 490.0);
        assert_eq!(previous_outlines(&without), 0);
        assert!(
            !texts(&without)
                .iter()
                .any(|r| r.text.starts_with("scan van"))
        );
        chart.previous = vec![Some(2.0), Some(3.0), Some(2.5), Some(4.0), Some(1.0)];
        let with = radar(&chart, typesetter, 490.0);
        assert_eq!(previous_outlines(&with), 1);
        assert!(texts(&with).iter().any(|r| r.text == "scan van 2026-05-12"));
        assert_text_inside(&with, typesetter, 490.0);
    }

    #[test]
    fn a_radar_held_in_by_its_width_gives_back_the_height_it_does_not_need() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        let chart = RadarChart {
            labels: competencies(),
            values: vec![Some(3.5); 8],
            targets: vec![Some(4.0); 8],
            min: 1.0,
            max: 5.0,
            ..Default::default()
        };
        let narrow = radar(&chart, typesetter, 340.0);
        assert!(
            narrow.height < RADAR_PLOT_HEIGHT - 20.0,
            "{}",
            narrow.height
        );
        assert_text_inside(&narrow, typesetter, 340.0);
        // The grid's top ring touches the top, give or take the room kept.
        let highest = narrow
            .items
            .iter()
            .filter_map(|item| match item {
                Primitive::Polygon { points, .. } => points.iter().map(|p| p.y).reduce(f32::max),
                _ => None,
            })
            .fold(f32::MIN, f32::max);
        assert!(highest < 0.0 && highest > -40.0, "{highest}");
    }

    #[test]
    fn radar_with_gaps_in_targets_draws_only_the_stretches_between_them() {
        let fonts = Fonts::load().unwrap();
        let chart = RadarChart {
            labels: competencies()[..4].to_vec(),
            values: vec![Some(2.0), None, Some(4.0), Some(5.0)],
            targets: vec![Some(3.0), Some(3.0), None, Some(3.0)],
            min: 1.0,
            max: 5.0,
            ..Default::default()
        };
        let drawing = radar(&chart, Typesetter::new(&fonts), 490.0);
        let dashed = drawing
            .items
            .iter()
            .filter(|item| matches!(item, Primitive::Line { stroke, .. } if stroke.dashed))
            .count();
        // 0-1 and 3-0 are there, 1-2 and 2-3 are not.
        assert_eq!(dashed, 2);
    }

    #[test]
    fn bars_and_heat_map_stay_inside_their_box() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        let labels = competencies();
        let bars = bars(
            &BarChart {
                labels: labels.clone(),
                values: vec![Some(3.25), None, Some(5.0), Some(1.0)],
                targets: vec![Some(4.0); 8],
                min: 1.0,
                max: 5.0,
                value_legend: "Score".into(),
                target_legend: "Streefniveau".into(),
            },
            typesetter,
            490.0,
        );
        assert_text_inside(&bars, typesetter, 490.0);
        assert!(texts(&bars).iter().any(|run| run.text == "Streefniveau"));
        let map = heat_map(
            &HeatMap {
                rows: labels,
                columns: ["1 – nog niet", "2", "3", "4", "5 – voorbeeld voor anderen"]
                    .map(String::from)
                    .to_vec(),
                cells: vec![vec![0, 1, 4, 2, 1]; 8],
                withheld: vec![false, true],
            },
            typesetter,
            490.0,
        );
        assert_text_inside(&map, typesetter, 490.0);
        assert!(texts(&map).iter().any(|run| run.text == "–"));
    }

    #[test]
    fn empty_charts_draw_nothing() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        assert_eq!(radar(&RadarChart::default(), typesetter, 400.0).height, 0.0);
        assert_eq!(bars(&BarChart::default(), typesetter, 400.0).height, 0.0);
        assert_eq!(heat_map(&HeatMap::default(), typesetter, 400.0).height, 0.0);
    }

    #[test]
    fn a_chart_with_min_at_max_does_not_divide_by_zero() {
        assert_eq!(scale_bounds(3.0, 3.0), (3.0, 4.0));
        assert!(share(3.0, 3.0, 4.0).is_finite());
    }
}
