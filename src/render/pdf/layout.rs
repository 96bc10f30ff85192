//! The drawing primitives a page is made of (text runs, lines, rectangles, polygons), the page
//! geometry, the colours, and text measuring and wrapping. Everything is in points with the
//! origin at the bottom left of an A4 page, as in PDF itself. Blocks and charts are built from
//! these; only the PDF writer knows how they become PDF operations.

use super::fonts::{Fonts, Weight};

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

pub const fn mm(millimetres: f32) -> f32 {
    millimetres * PT_PER_MM
}

/// A4 portrait.
pub const PAGE_WIDTH: f32 = 210.0 * PT_PER_MM;
pub const PAGE_HEIGHT: f32 = 297.0 * PT_PER_MM;
pub const MARGIN: f32 = 18.0 * PT_PER_MM;
/// The area blocks are placed in; the footer lives in the bottom margin.
pub const CONTENT_LEFT: f32 = MARGIN;
pub const CONTENT_RIGHT: f32 = PAGE_WIDTH - MARGIN;
pub const CONTENT_TOP: f32 = PAGE_HEIGHT - MARGIN;
pub const CONTENT_BOTTOM: f32 = MARGIN;
pub const CONTENT_WIDTH: f32 = CONTENT_RIGHT - CONTENT_LEFT;
pub const CONTENT_HEIGHT: f32 = CONTENT_TOP - CONTENT_BOTTOM;
/// The baseline of the page number.
pub const FOOTER_BASELINE: f32 = 10.0 * PT_PER_MM;
/// The baseline of the footer note (a confidentiality line), above the page number.
pub const FOOTER_NOTE_BASELINE: f32 = 14.0 * PT_PER_MM;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    pub r: f32,
    pub g: f32,
    pub b: f32,
}

impl Color {
    pub const fn rgb(r: f32, g: f32, b: f32) -> Color {
        Color { r, g, b }
    }

    pub const TEXT: Color = Color::rgb(0.13, 0.13, 0.13);
    pub const MUTED: Color = Color::rgb(0.42, 0.42, 0.42);
    pub const WHITE: Color = Color::rgb(1.0, 1.0, 1.0);
    /// Hairlines: table rules, chart grids, lines to write on.
    pub const RULE: Color = Color::rgb(0.78, 0.78, 0.78);
    /// Backgrounds: table headers, withheld cells.
    pub const SHADE: Color = Color::rgb(0.93, 0.93, 0.93);
    /// The house colour (a dark teal): headings, values, bars.
    pub const ACCENT: Color = Color::rgb(0.0, 0.42, 0.48);
    pub const ACCENT_LIGHT: Color = Color::rgb(0.80, 0.90, 0.91);
    /// Targets, set off against the values.
    pub const TARGET: Color = Color::rgb(0.80, 0.33, 0.05);

    /// The colour `share` (0 to 1) of the way from `self` to `other`.
    pub fn mix(self, other: Color, share: f32) -> Color {
        let share = share.clamp(0.0, 1.0);
        let blend = |a: f32, b: f32| a + (b - a) * share;
        Color::rgb(
            blend(self.r, other.r),
            blend(self.g, other.g),
            blend(self.b, other.b),
        )
    }

    /// Perceived lightness, 0 (black) to 1 (white): decides between dark and white text.
    pub fn lightness(self) -> f32 {
        0.299 * self.r + 0.587 * self.g + 0.114 * self.b
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

pub fn point(x: f32, y: f32) -> Point {
    Point { x, y }
}

/// How a line or outline is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub color: Color,
    pub width: f32,
    pub dashed: bool,
}

impl Stroke {
    pub fn solid(color: Color, width: f32) -> Stroke {
        Stroke {
            color,
            width,
            dashed: false,
        }
    }

    pub fn dashed(color: Color, width: f32) -> Stroke {
        Stroke {
            color,
            width,
            dashed: true,
        }
    }
}

/// One line of text in one weight and size, starting at `x` on `baseline`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub weight: Weight,
    pub color: Color,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Primitive {
    Text(TextRun),
    /// An open polyline.
    Line {
        points: Vec<Point>,
        stroke: Stroke,
    },
    /// `x`, `y` is the bottom-left corner.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    },
    /// A closed shape.
    Polygon {
        points: Vec<Point>,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    },
}

impl Primitive {
    pub fn line(from: Point, to: Point, stroke: Stroke) -> Primitive {
        Primitive::Line {
            points: vec![from, to],
            stroke,
        }
    }

    /// A rectangle given by its top-left corner, which is how the flow thinks (top down).
    pub fn rect_from_top(
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    ) -> Primitive {
        Primitive::Rect {
            x,
            y: top - height,
            width,
            height,
            fill,
            stroke,
        }
    }
}

impl Primitive {
    /// The same primitive moved by `dx`, `dy`.
    pub fn translate(&mut self, dx: f32, dy: f32) {
        let shift = |p: &mut Point| {
            p.x += dx;
            p.y += dy;
        };
        match self {
            Primitive::Text(run) => {
                run.x += dx;
                run.baseline += dy;
            }
            Primitive::Line { points, .. } | Primitive::Polygon { points, .. } => {
                points.iter_mut().for_each(shift);
            }
            Primitive::Rect { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
    }
}

/// Something drawn on its own (a chart) with its top-left corner at (0, 0), so it extends to
/// negative y; the flow moves it into place once it knows where it goes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawing {
    pub height: f32,
    pub items: Vec<Primitive>,
}

impl Drawing {
    /// The primitives with the drawing's top-left corner at (`x`, `top`).
    pub fn place(self, x: f32, top: f32) -> Vec<Primitive> {
        let mut items = self.items;
        for item in &mut items {
            item.translate(x, top);
        }
        items
    }
}

/// A laid-out page: what to draw, in drawing order, and the headings that start on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Primitive>,
    pub bookmarks: Vec<Bookmark>,
}

/// An entry of the document outline: a heading of `level` (the title is level 1, like the
/// largest heading) on the page that holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub level: u8,
    pub title: String,
}

impl Page {
    /// The text on the page, run by run, for tests and checks.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|item| match item {
            Primitive::Text(run) => Some(run),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A text style: weight, size in points, colour and the line height (baseline to baseline).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub weight: Weight,
    pub size: f32,
    pub leading: f32,
    pub color: Color,
}

impl Style {
    pub const fn new(weight: Weight, size: f32, color: Color) -> Style {
        Style {
            weight,
            size,
            leading: size * 1.3,
            color,
        }
    }

    /// Where the baseline of a line sits below the top of its line box: half the extra
    /// leading, then the ascent of capitals and accents (Liberation Sans: about 0.8 em).
    pub fn baseline_offset(&self) -> f32 {
        (self.leading - self.size) / 2.0 + self.size * 0.8
    }

    /// The height of `lines` lines in this style.
    pub fn height(&self, lines: usize) -> f32 {
        self.leading * lines as f32
    }
}

/// Room left on a line for rounding: sums of advances in a different order differ in the last
/// bits, and a line must never measure wider than its width.
const WRAP_TOLERANCE: f32 = 1e-3;

/// Measures and places text with one set of fonts.
#[derive(Clone, Copy)]
pub struct Typesetter<'a> {
    pub fonts: &'a Fonts,
}

impl<'a> Typesetter<'a> {
    pub fn new(fonts: &'a Fonts) -> Self {
        Typesetter { fonts }
    }

    pub fn width(&self, text: &str, style: &Style) -> f32 {
        self.fonts.width(text, style.weight, style.size)
    }

    /// `text` broken into lines no wider than `width`: at newlines, at spaces, and inside a
    /// word only when the word alone is wider than `width`. Runs of spaces and tabs count as
    /// one space; carriage returns go (the font has no glyph for either).
    pub fn wrap(&self, text: &str, style: &Style, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            self.wrap_paragraph(paragraph, style, width, &mut lines);
        }
        lines
    }

    fn wrap_paragraph(&self, paragraph: &str, style: &Style, width: f32, lines: &mut Vec<String>) {
        let space = self.width(" ", style);
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph
            .split([' ', '\t', '\r'])
            .filter(|word| !word.is_empty())
        {
            let word_width = self.width(word, style);
            if !line.is_empty() && line_width + space + word_width <= width - WRAP_TOLERANCE {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // A word wider than the line (a long URL, say): cut it where it has to be cut.
            let mut pieces = self.break_word(word, style, width);
            let last = pieces.pop().unwrap_or_default();
            lines.append(&mut pieces);
            line_width = self.width(&last, style);
            line = last;
        }
        lines.push(line);
    }

    /// A word cut into pieces no wider than `width` (but at least one character each, so a
    /// width narrower than a single letter still makes progress).
    fn break_word(&self, word: &str, style: &Style, width: f32) -> Vec<String> {
        let mut pieces = Vec::new();
        let mut piece = String::new();
        let mut piece_width = 0.0;
        for c in word.chars() {
            let mut buffer = [0u8; 4];
            let c_width = self.width(c.encode_utf8(&mut buffer), style);
            if !piece.is_empty() && piece_width + c_width > width - WRAP_TOLERANCE {
                pieces.push(std::mem::take(&mut piece));
                piece_width = 0.0;
            }
            piece.push(c);
            piece_width += c_width;
        }
        pieces.push(piece);
        pieces
    }

    /// One line of text aligned against `x` (its left end, centre or right end).
    pub fn run(&self, text: &str, style: &Style, x: f32, baseline: f32, align: Align) -> Primitive {
        let width = self.width(text, style);
        let x = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        Primitive::Text(TextRun {
            x,
            baseline,
            size: style.size,
            weight: style.weight,
            color: style.color,
            text: text.to_string(),
        })
    }

    /// Lines stacked downwards from `top`, each aligned against `x`.
    pub fn lines(
        &self,
        lines: &[String],
        style: &Style,
        x: f32,
        top: f32,
        align: Align,
    ) -> Vec<Primitive> {
        lines
            .iter()
            .enumerate()
            .map(|(index, line)| {
                let baseline = top - style.height(index) - style.baseline_offset();
                self.run(line, style, x, baseline, align)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "De generalist werkt outreachend en signaleert vroegtijdig; hij of zij \
        bespreekt ‘lastige’ situaties met “collega’s” uit het wijkteam – ook de coördinator — \
        en reflecteert op de eigen rol in de ketensamenwerking rond cliënten, naïeve vragen \
        en privacy. https://example.org/een-heel-lange-adresregel-zonder-spaties-erin";

    fn body() -> Style {
        Style::new(Weight::Regular, 10.0, Color::TEXT)
    }

    #[test]
    fn no_wrapped_line_is_wider_than_the_width() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        for style in [body(), Style::new(Weight::Bold, 13.0, Color::TEXT)] {
            for width in [30.0, 55.5, 80.0, 120.0, 200.0, 333.3, CONTENT_WIDTH] {
                let lines = typesetter.wrap(TEXT, &style, width);
                for line in &lines {
                    let measured = typesetter.width(line, &style);
                    assert!(measured <= width, "{measured} > {width}: {line:?}");
                }
                // Nothing is lost but the spaces at the breaks.
                let joined: String = lines.concat().split_whitespace().collect();
                let original: String = TEXT.split_whitespace().collect();
                assert_eq!(joined, original, "width {width}");
            }
        }
    }

    #[test]
    fn wrapping_fills_lines_greedily() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        let style = body();
        let width = 150.0;
        let lines = typesetter.wrap(TEXT, &style, width);
        assert!(lines.len() > 3);
        // Each line but the last could not have taken the next line's first word.
        for pair in lines.windows(2) {
            let next_word = pair[1].split(' ').next().unwrap();
            let longer = format!("{} {next_word}", pair[0]);
            assert!(typesetter.width(&longer, &style) > width, "{longer:?} fits");
        }
    }

    #[test]
    fn newlines_break_and_spaces_collapse() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        let lines = typesetter.wrap("een  twee\ndrie", &body(), CONTENT_WIDTH);
        assert_eq!(lines, ["een twee", "drie"]);
        let lines = typesetter.wrap("een\ttwee\r\ndrie", &body(), CONTENT_WIDTH);
        assert_eq!(lines, ["een twee", "drie"]);
        assert_eq!(typesetter.wrap("", &body(), 100.0), [""]);
    }

    #[test]
    fn a_width_below_one_letter_still_terminates() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        let lines = typesetter.wrap("abc", &body(), 1.0);
        assert_eq!(lines, ["a", "b", "c"]);
    }

    #[test]
    fn runs_align_against_their_anchor() {
        let fonts = Fonts::load().unwrap();
        let typesetter = Typesetter::new(&fonts);
        let style = body();
        let width = typesetter.width("3,50", &style);
        let Primitive::Text(right) = typesetter.run("3,50", &style, 100.0, 50.0, Align::Right)
        else {
            panic!("not text");
        };
        assert!((right.x + width - 100.0).abs() < 1e-3);
        let Primitive::Text(centre) = typesetter.run("3,50", &style, 100.0, 50.0, Align::Center)
        else {
            panic!("not text");
        };
        assert!((centre.x + width / 2.0 - 100.0).abs() < 1e-3);
    }
}
