//! Charts as inline SVG for the HTML reports, drawn from the same geometry as the PDF charts
//! (`pdf/chart.rs`): the radar, the bars and the heat map come out of the chart code as
//! primitives and are written here as SVG elements. Each chart is a `<figure>`: the SVG as an
//! image named by what it shows, that name as its caption, and its numbers in a table for
//! whoever cannot see the chart. The text is set in the subset of
//! Liberation Sans the chart uses, embedded in the SVG, so a browser measures every label as
//! the chart code did and wrapped labels stay inside the chart whatever their length. Every
//! text is XML-escaped.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use base64::Engine;

use crate::Error;
use crate::render::pdf::chart;
use crate::render::pdf::fonts::{Fonts, Weight, subset_tag};
use crate::render::pdf::layout::{Color, Drawing, Point, Primitive, Stroke, Typesetter};
use crate::render::pdf::{BarChart, HeatMap, RadarChart, TrendChart};

/// The width charts are drawn to, in points (the PDF's unit): narrower than the A4 page so
/// that, scaled to the width of a phone or a column, the labels stay readable.
const WIDTH: f32 = 340.0;
/// The heat map has a column per scale point, and room for them.
const HEAT_MAP_WIDTH: f32 = 380.0;

/// Escapes text for SVG/XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// The radar chart as a figure; `name` says what it shows (its caption and accessible name).
pub fn radar(chart: &RadarChart, name: &str) -> Result<String, Error> {
    let fonts = Fonts::load()?;
    let drawing = chart::radar(chart, Typesetter::new(&fonts), WIDTH);
    let image = svg(&drawing, &fonts, "radar", name, WIDTH)?;
    let series = [
        (&chart.value_legend, &chart.values),
        (&chart.target_legend, &chart.targets),
        (&chart.previous_legend, &chart.previous),
    ];
    Ok(figure(&image, name, &series_table(&chart.labels, &series)))
}

/// The bar chart as a figure; `name` says what it shows.
pub fn bars(chart: &BarChart, name: &str) -> Result<String, Error> {
    let fonts = Fonts::load()?;
    let drawing = chart::bars(chart, Typesetter::new(&fonts), WIDTH);
    let image = svg(&drawing, &fonts, "bars", name, WIDTH)?;
    let series = [
        (&chart.value_legend, &chart.values),
        (&chart.target_legend, &chart.targets),
    ];
    Ok(figure(&image, name, &series_table(&chart.labels, &series)))
}

/// The trend chart as a figure; `name` says what it shows. Its numbers: a column per round.
pub fn trend(chart: &TrendChart, name: &str) -> Result<String, Error> {
    let fonts = Fonts::load()?;
    let drawing = chart::trend(chart, Typesetter::new(&fonts), WIDTH);
    let image = svg(&drawing, &fonts, "trend", name, WIDTH)?;
    let rounds: Vec<Vec<Option<f64>>> = (0..chart.rounds.len())
        .map(|round| {
            chart
                .values
                .iter()
                .map(|row| row.get(round).copied().flatten())
                .collect()
        })
        .collect();
    let series: Vec<(&String, &Vec<Option<f64>>)> = chart.rounds.iter().zip(&rounds).collect();
    Ok(figure(&image, name, &series_table(&chart.labels, &series)))
}

/// The heat map as a figure; `name` says what it shows.
pub fn heat_map(chart: &HeatMap, name: &str) -> Result<String, Error> {
    let fonts = Fonts::load()?;
    let drawing = chart::heat_map(chart, Typesetter::new(&fonts), HEAT_MAP_WIDTH);
    let image = svg(&drawing, &fonts, "heat", name, HEAT_MAP_WIDTH)?;
    let rows = chart.rows.iter().enumerate().map(|(row, label)| {
        let withheld = chart.withheld.get(row).copied().unwrap_or(false);
        let cells = (0..chart.columns.len())
            .map(|column| {
                let count = chart.cells.get(row).and_then(|c| c.get(column)).copied();
                match (withheld, count) {
                    (true, _) => "–".to_string(),
                    (false, count) => count.unwrap_or(0).to_string(),
                }
            })
            .collect();
        (label.as_str(), cells)
    });
    Ok(figure(&image, name, &table(&chart.columns, rows)))
}

/// The chart, its caption and, folded away under "the numbers", its data.
fn figure(image: &str, name: &str, numbers: &str) -> String {
    format!(
        r#"<figure class="chart-figure">{image}<figcaption>{caption}</figcaption><details class="chart-numbers"><summary>{summary}</summary>{numbers}</details></figure>"#,
        caption = escape(name),
        summary = escape(&crate::t!("chart.numbers")),
    )
}

/// A table of the series that have a name and a value: one row per label, one column each.
fn series_table(labels: &[String], series: &[(&String, &Vec<Option<f64>>)]) -> String {
    let shown: Vec<_> = series
        .iter()
        .filter(|(name, values)| !name.is_empty() && values.iter().any(Option::is_some))
        .collect();
    let headers: Vec<String> = shown.iter().map(|(name, _)| name.to_string()).collect();
    let rows = labels.iter().enumerate().map(|(index, label)| {
        let cells = shown
            .iter()
            .map(|(_, values)| crate::render::number(values.get(index).copied().flatten()))
            .collect();
        (label.as_str(), cells)
    });
    table(&headers, rows)
}

/// A table with a header row of `headers` and, per row, its label as the row header.
fn table<'a>(headers: &[String], rows: impl Iterator<Item = (&'a str, Vec<String>)>) -> String {
    let mut out = String::from("<table><thead><tr><td></td>");
    for header in headers {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, escape(header));
    }
    out.push_str("</tr></thead><tbody>");
    for (label, cells) in rows {
        let _ = write!(out, r#"<tr><th scope="row">{}</th>"#, escape(label));
        for cell in cells {
            let _ = write!(out, r#"<td class="num">{}</td>"#, escape(&cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// `drawing` as an `<svg>` element `width` wide. The drawing's y runs up from its top edge
/// (as in PDF); SVG's runs down, so every y is negated.
fn svg(
    drawing: &Drawing,
    fonts: &Fonts,
    class: &str,
    name: &str,
    width: f32,
) -> Result<String, Error> {
    let (family, faces) = font_faces(drawing, fonts)?;
    let height = drawing.height;
    let mut out = format!(
        r#"<svg class="chart {class}" viewBox="0 0 {width:.1} {height:.1}" role="img" aria-label="{name}" font-family="{family}" xmlns="http://www.w3.org/2000/svg"><title>{name}</title>"#,
        name = escape(name),
    );
    if !faces.is_empty() {
        let _ = write!(out, "<style>{faces}</style>");
    }
    for item in &drawing.items {
        element(&mut out, item);
    }
    out.push_str("</svg>");
    Ok(out)
}

/// The `@font-face` rules for the characters the drawing sets in each weight, under a family
/// name made from them: a page with several charts holds several subsets, and a rule never
/// replaces another chart's.
fn font_faces(drawing: &Drawing, fonts: &Fonts) -> Result<(String, String), Error> {
    let mut used: BTreeMap<Weight, BTreeSet<char>> = BTreeMap::new();
    for item in &drawing.items {
        if let Primitive::Text(run) = item {
            used.entry(run.weight).or_default().extend(run.text.chars());
        }
    }
    let all: BTreeSet<char> = used.values().flatten().copied().collect();
    let family = format!("vakwijzer-{}", subset_tag(Weight::Regular, &all));
    let mut faces = String::new();
    for (weight, chars) in &used {
        let program = fonts.web_subset(*weight, chars)?;
        let _ = write!(
            faces,
            "@font-face{{font-family:{family};font-weight:{};src:url(data:font/ttf;base64,{})}}",
            css_weight(*weight),
            base64::engine::general_purpose::STANDARD.encode(program)
        );
    }
    Ok((family, faces))
}

fn css_weight(weight: Weight) -> u16 {
    match weight {
        Weight::Regular => 400,
        Weight::Bold => 700,
    }
}

fn colour(color: Color) -> String {
    let channel = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        channel(color.r),
        channel(color.g),
        channel(color.b)
    )
}

fn paint(fill: Option<Color>, stroke: Option<Stroke>) -> String {
    let mut out = match fill {
        Some(fill) => format!(r#" fill="{}""#, colour(fill)),
        None => r#" fill="none""#.to_string(),
    };
    if let Some(stroke) = stroke {
        let _ = write!(
            out,
            r#" stroke="{}" stroke-width="{}""#,
            colour(stroke.color),
            stroke.width
        );
        if stroke.dashed {
            // The PDF writer's dash pattern.
            out.push_str(r#" stroke-dasharray="3 2""#);
        }
    }
    out
}

fn points(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{:.2},{:.2}", p.x, -p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

fn element(out: &mut String, item: &Primitive) {
    let _ = match item {
        Primitive::Text(run) => write!(
            out,
            r#"<text x="{:.2}" y="{:.2}" font-size="{}" font-weight="{}" fill="{}">{}</text>"#,
            run.x,
            -run.baseline,
            run.size,
            css_weight(run.weight),
            colour(run.color),
            escape(&run.text)
        ),
        Primitive::Line {
            points: line,
            stroke,
        } => write!(
            out,
            r#"<polyline points="{}"{}/>"#,
            points(line),
            paint(None, Some(*stroke))
        ),
        Primitive::Rect {
            x,
            y,
            width,
            height,
            fill,
            stroke,
        } => write!(
            out,
            r#"<rect x="{x:.2}" y="{:.2}" width="{width:.2}" height="{height:.2}"{}/>"#,
            -(y + height),
            paint(*fill, *stroke)
        ),
        Primitive::Polygon {
            points: corners,
            fill,
            stroke,
        } => write!(
            out,
            r#"<polygon points="{}"{}/>"#,
            points(corners),
            paint(*fill, *stroke)
        ),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn radar_chart(labels: &[&str]) -> RadarChart {
        RadarChart {
            labels: labels.iter().map(|l| l.to_string()).collect(),
            values: vec![Some(3.0); labels.len()],
            targets: vec![Some(4.0); labels.len()],
            previous: vec![Some(2.5); labels.len()],
            min: 1.0,
            max: 5.0,
            value_legend: "score".into(),
            target_legend: "doel".into(),
            previous_legend: "scan van 2026-05-12".into(),
        }
    }

    #[test]
    fn labels_and_names_are_escaped() {
        let chart = radar_chart(&["<script>x</script>", "b", "c"]);
        let svg = radar(&chart, "a & \"b\"").unwrap();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains(r#"aria-label="a &amp; &quot;b&quot;""#));
    }

    #[test]
    fn the_svg_holds_what_the_pdf_chart_draws() {
        let chart = radar_chart(&["Aanpassingsvermogen", "Durf", "Coachen", "Netwerken"]);
        let fonts = Fonts::load().unwrap();
        let drawing = chart::radar(&chart, Typesetter::new(&fonts), WIDTH);
        let svg = radar(&chart, "radar").unwrap();
        let texts = drawing
            .items
            .iter()
            .filter(|i| matches!(i, Primitive::Text(_)))
            .count();
        let shapes = drawing.items.len() - texts;
        assert_eq!(svg.matches("<text ").count(), texts);
        assert_eq!(
            svg.matches("<polygon ").count()
                + svg.matches("<polyline ").count()
                + svg.matches("<rect ").count(),
            shapes
        );
        assert!(
            svg.contains("scan van 2026-05-12"),
            "the previous scan's legend"
        );
        assert!(svg.starts_with("<figure") && svg.ends_with("</figure>"));
        // The font the chart was measured with comes along, in the weights it uses.
        assert_eq!(svg.matches("@font-face").count(), 1);
        assert!(svg.contains("src:url(data:font/ttf;base64,"));
    }

    #[test]
    fn the_numbers_of_a_chart_are_in_a_table_beside_it() {
        let mut chart = radar_chart(&["Durf", "Coachen", "Netwerken"]);
        chart.values[1] = None;
        let html = radar(&chart, "Radargrafiek").unwrap();
        assert!(html.contains("<figcaption>Radargrafiek</figcaption>"));
        let table = &html[html.find("<table>").unwrap()..];
        assert!(table.contains(r#"<th scope="col">score</th><th scope="col">doel</th><th scope="col">scan van 2026-05-12</th>"#), "{table}");
        assert!(
            table.contains(r#"<th scope="row">Coachen</th><td class="num">—</td>"#),
            "{table}"
        );
        assert_eq!(table.matches(r#"scope="row""#).count(), 3);
        // No earlier scan: no column for it.
        chart.previous.clear();
        assert!(!radar(&chart, "r").unwrap().contains("scan van"));
        let heat = heat_map(
            &HeatMap {
                rows: vec!["Durf".into(), "Coachen".into()],
                columns: vec!["1 nooit".into(), "2".into()],
                cells: vec![vec![3, 1]],
                withheld: vec![false, true],
            },
            "Heatmap",
        )
        .unwrap();
        assert!(
            heat.contains(
                r#"<th scope="row">Durf</th><td class="num">3</td><td class="num">1</td>"#
            )
        );
        assert!(heat.contains(
            r#"<th scope="row">Coachen</th><td class="num">–</td><td class="num">–</td>"#
        ));
    }

    #[test]
    fn charts_with_other_text_get_other_font_families() {
        let family = |svg: &str| {
            svg.split("font-family=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap()
                .to_string()
        };
        let one = radar(&radar_chart(&["a", "b", "c"]), "x").unwrap();
        let other = radar(&radar_chart(&["d", "e", "f"]), "x").unwrap();
        assert_ne!(family(&one), family(&other));
        assert_eq!(
            family(&one),
            family(&radar(&radar_chart(&["a", "b", "c"]), "y").unwrap())
        );
    }
}
