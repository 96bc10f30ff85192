//! Charts as inline SVG for the HTML reports: a radar chart of scores with the target as a
//! second outline, and horizontal bars with the target marked. Every text is XML-escaped.

use std::fmt::Write;

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

/// One series point: a label, the value (none when not scored) and the target (if any).
pub struct Point<'a> {
    pub label: &'a str,
    pub value: Option<f64>,
    pub target: Option<f64>,
}

const RADAR_SIZE: f64 = 420.0;

/// A radar chart: grid rings for every scale point, one spoke per label, the values as a filled
/// polygon and the targets as a dashed outline.
pub fn radar(
    points: &[Point],
    min: f64,
    max: f64,
    value_label: &str,
    target_label: &str,
) -> String {
    let n = points.len().max(3);
    let centre = RADAR_SIZE / 2.0;
    let radius = centre - 90.0;
    let at = |index: usize, value: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + index as f64 * std::f64::consts::TAU / n as f64;
        let share = ((value - min) / (max - min)).clamp(0.0, 1.0);
        let r = radius * (0.08 + 0.92 * share);
        (centre + r * angle.cos(), centre + r * angle.sin())
    };
    let mut svg = format!(
        r#"<svg class="chart radar" viewBox="0 30 {RADAR_SIZE} {h}" role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">"#,
        h = RADAR_SIZE - 30.0,
        label = escape(value_label)
    );
    let steps = (max - min).round().max(1.0) as usize;
    for step in 0..=steps {
        let value = min + step as f64;
        let ring: Vec<String> = (0..n)
            .map(|i| {
                let (x, y) = at(i, value);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            svg,
            r##"<polygon points="{}" fill="none" stroke="#d0d4da" stroke-width="1"/>"##,
            ring.join(" ")
        );
    }
    for (i, point) in points.iter().enumerate() {
        let (x, y) = at(i, max);
        let _ = write!(
            svg,
            r##"<line x1="{centre}" y1="{centre}" x2="{x:.1}" y2="{y:.1}" stroke="#d0d4da"/>"##
        );
        let (lx, ly) = at(i, max + (max - min) * 0.16);
        let anchor = if (lx - centre).abs() < 8.0 {
            "middle"
        } else if lx > centre {
            "start"
        } else {
            "end"
        };
        let _ = write!(
            svg,
            r##"<text x="{lx:.1}" y="{ly:.1}" font-size="12" text-anchor="{anchor}" dominant-baseline="middle" fill="#333">{}</text>"##,
            escape(point.label)
        );
    }
    let outline = |select: &dyn Fn(&Point) -> Option<f64>| -> String {
        points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (x, y) = at(i, select(p).unwrap_or(min));
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    if points.iter().any(|p| p.target.is_some()) {
        let _ = write!(
            svg,
            r##"<polygon class="target" points="{}" fill="none" stroke="#c2410c" stroke-width="2" stroke-dasharray="6 4"/>"##,
            outline(&|p| p.target)
        );
    }
    let _ = write!(
        svg,
        r##"<polygon class="value" points="{}" fill="#2563eb" fill-opacity="0.25" stroke="#2563eb" stroke-width="2.5"/>"##,
        outline(&|p| p.value)
    );
    let legend_y = RADAR_SIZE - 28.0;
    let _ = write!(
        svg,
        r##"<rect x="20" y="{y}" width="14" height="10" fill="#2563eb" fill-opacity="0.4" stroke="#2563eb"/><text x="40" y="{ty}" font-size="12" fill="#333">{}</text><line x1="180" y1="{ly}" x2="200" y2="{ly}" stroke="#c2410c" stroke-width="2" stroke-dasharray="6 4"/><text x="206" y="{ty}" font-size="12" fill="#333">{}</text></svg>"##,
        escape(value_label),
        escape(target_label),
        y = legend_y,
        ty = legend_y + 9.0,
        ly = legend_y + 5.0
    );
    svg
}

/// Horizontal bars, one per label, with the target as a dark tick.
pub fn bars(points: &[Point], min: f64, max: f64) -> String {
    let row = 26.0;
    let label_width = 190.0;
    let bar_width = 300.0;
    let width = label_width + bar_width + 60.0;
    let height = row * points.len() as f64 + 10.0;
    let x_of = |value: f64| label_width + bar_width * ((value - min) / (max - min)).clamp(0.0, 1.0);
    let mut svg = format!(
        r#"<svg class="chart bars" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg">"#
    );
    for (i, point) in points.iter().enumerate() {
        let y = 5.0 + row * i as f64;
        let _ = write!(
            svg,
            r##"<text x="{lx}" y="{ty}" font-size="12" text-anchor="end" fill="#333">{}</text><rect x="{label_width}" y="{y}" width="{bar_width}" height="16" fill="#eef1f5"/>"##,
            escape(point.label),
            lx = label_width - 8.0,
            ty = y + 12.0
        );
        if let Some(value) = point.value {
            let _ = write!(
                svg,
                r##"<rect class="value" x="{label_width}" y="{y}" width="{w:.1}" height="16" fill="#2563eb"/><text x="{tx:.1}" y="{ty}" font-size="11" fill="#333">{v}</text>"##,
                w = x_of(value) - label_width,
                tx = label_width + bar_width + 8.0,
                ty = y + 12.0,
                v = crate::render::number(Some(value))
            );
        }
        if let Some(target) = point.target {
            let _ = write!(
                svg,
                r##"<line class="target" x1="{x:.1}" y1="{y1}" x2="{x:.1}" y2="{y2}" stroke="#c2410c" stroke-width="3"/>"##,
                x = x_of(target),
                y1 = y - 3.0,
                y2 = y + 19.0
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// A heat map: one row per label, one column per scale level, each cell shaded by its count;
/// withheld rows are grey with a dash.
pub fn heat_map(
    rows: &[String],
    columns: &[String],
    cells: &[Vec<u32>],
    withheld: &[bool],
) -> String {
    let label_width = 190.0;
    let cell_width = 70.0;
    let row_height = 26.0;
    let width = label_width + cell_width * columns.len() as f64 + 10.0;
    let height = row_height * (rows.len() as f64 + 1.0) + 10.0;
    let most = cells.iter().flatten().copied().max().unwrap_or(0).max(1);
    let mut svg = format!(
        r#"<svg class="chart heat" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg">"#
    );
    for (c, column) in columns.iter().enumerate() {
        let x = label_width + cell_width * (c as f64 + 0.5);
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="16" font-size="11" text-anchor="middle" fill="#333">{}</text>"##,
            escape(column)
        );
    }
    for (r, label) in rows.iter().enumerate() {
        let y = row_height * (r as f64 + 1.0);
        let _ = write!(
            svg,
            r##"<text x="{lx}" y="{ty}" font-size="12" text-anchor="end" fill="#333">{}</text>"##,
            escape(label),
            lx = label_width - 8.0,
            ty = y + 16.0
        );
        let hidden = withheld.get(r).copied().unwrap_or(false);
        for c in 0..columns.len() {
            let x = label_width + cell_width * c as f64;
            let count = cells
                .get(r)
                .and_then(|row| row.get(c))
                .copied()
                .unwrap_or(0);
            let (fill, text) = if hidden {
                ("#e5e7eb".to_string(), "—".to_string())
            } else {
                let share = f64::from(count) / f64::from(most);
                let opacity = if count == 0 { 0.0 } else { 0.15 + 0.85 * share };
                (format!("rgba(37,99,235,{opacity:.2})"), count.to_string())
            };
            let ink = if !hidden && f64::from(count) / f64::from(most) > 0.55 {
                "#fff"
            } else {
                "#333"
            };
            let _ = write!(
                svg,
                r##"<rect class="cell" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}" stroke="#fff"/><text x="{tx:.1}" y="{ty:.1}" font-size="12" text-anchor="middle" fill="{ink}">{text}</text>"##,
                w = cell_width - 2.0,
                h = row_height - 2.0,
                tx = x + cell_width / 2.0,
                ty = y + 16.0
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped() {
        let points = [Point {
            label: "<script>x</script>",
            value: Some(3.0),
            target: Some(4.0),
        }];
        for svg in [
            radar(&points, 1.0, 5.0, "a&b", "t"),
            bars(&points, 1.0, 5.0),
        ] {
            assert!(!svg.contains("<script>"));
            assert!(svg.contains("&lt;script&gt;"));
        }
    }

    #[test]
    fn the_radar_draws_a_value_polygon_and_a_target_outline() {
        let points: Vec<Point> = ["a", "b", "c", "d"]
            .iter()
            .map(|l| Point {
                label: l,
                value: Some(3.0),
                target: Some(4.0),
            })
            .collect();
        let svg = radar(&points, 1.0, 5.0, "score", "doel");
        assert_eq!(svg.matches(r#"class="value""#).count(), 1);
        assert_eq!(svg.matches(r#"class="target""#).count(), 1);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }
}
