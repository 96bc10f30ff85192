//! Terminal tables: every table goes through `render`, which fits it to the width of the
//! output without breaking a word or a number, and lays it out one block per record when even
//! that does not fit.

use std::io::IsTerminal;

use comfy_table::{CellAlignment, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use textwrap::core::display_width;

/// Width used when standard output is not a terminal and `COLUMNS` is not set (files, pipes).
pub const DEFAULT_WIDTH: u16 = 100;

/// Narrower than this, nothing is laid out any narrower.
const MIN_WIDTH: u16 = 40;

/// The width to wrap to: the terminal's, else `$COLUMNS`, else [`DEFAULT_WIDTH`]. Output to a
/// file (`to_file`) does not take the width of the terminal it was written from.
pub fn output_width(to_file: bool) -> u16 {
    // A terminal that reports no size (a fresh pseudo-terminal) falls through to COLUMNS.
    if !to_file
        && std::io::stdout().is_terminal()
        && let Ok((columns, _)) = crossterm::terminal::size()
        && columns > 0
    {
        return columns.max(MIN_WIDTH);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .map_or(DEFAULT_WIDTH, |c| c.max(MIN_WIDTH))
}

/// How a cell may be laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Prose: wraps at spaces, never inside a word.
    Text,
    /// A name (a person, a competency): kept on one line.
    Name,
    /// A figure ("3,50", "+0,11", "4/5", "3,00–4,80"): kept on one line, right-aligned.
    Number,
}

/// One cell of a table: its text (lines separated by `\n`) and how it may be laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub kind: Kind,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            kind: Kind::Text,
        }
    }

    pub fn name(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            kind: Kind::Name,
        }
    }

    pub fn number(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            kind: Kind::Number,
        }
    }

    /// The narrowest this cell can be laid out in.
    fn min_width(&self) -> usize {
        match self.kind {
            Kind::Name | Kind::Number => longest_line(&self.text),
            Kind::Text => self
                .text
                .lines()
                .map(|line| {
                    let longest_word = line.split(' ').map(display_width).max().unwrap_or(0);
                    hanging_indent(line).len() + longest_word
                })
                .max()
                .unwrap_or(0),
        }
    }

    /// The cell's lines wrapped to `width`.
    fn wrapped(&self, width: usize) -> String {
        match self.kind {
            Kind::Name | Kind::Number => self.text.clone(),
            Kind::Text => wrap_words(&self.text, width),
        }
    }
}

/// Borders and padding of a table of `columns` columns: `│ a ┆ b │`.
fn frame_width(columns: usize) -> usize {
    3 * columns + 1
}

/// The table as lines no wider than `width`: as a grid when every column fits at its narrowest
/// (a word or a number whole), else one block per row, titled by its first cell. `headers` may
/// be empty (a table of label and value rows).
pub fn render(headers: &[String], rows: &[Vec<Cell>], width: u16) -> String {
    let width = usize::from(width.max(MIN_WIDTH));
    let columns = rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(headers.len());
    if columns == 0 {
        return String::new();
    }
    let header_cells: Vec<Cell> = headers.iter().map(|h| Cell::text(h.as_str())).collect();
    let mut narrowest = vec![0; columns];
    let mut widest = vec![0; columns];
    for row in rows.iter().chain(std::iter::once(&header_cells)) {
        for (index, cell) in row.iter().enumerate() {
            narrowest[index] = narrowest[index].max(cell.min_width());
            widest[index] = widest[index].max(longest_line(&cell.text));
        }
    }
    let room = width.saturating_sub(frame_width(columns));
    if narrowest.iter().sum::<usize>() > room {
        return records(headers, rows, width);
    }
    let widths = share_out(&narrowest, &widest, room);
    grid(&header_cells, rows, &widths)
}

/// Column widths between each column's narrowest and widest, filling `room` in proportion to
/// how much wider each column would like to be.
fn share_out(narrowest: &[usize], widest: &[usize], room: usize) -> Vec<usize> {
    let wanted: usize = widest.iter().sum();
    if wanted <= room {
        return widest.to_vec();
    }
    let base: usize = narrowest.iter().sum();
    let spare = room - base;
    let wishes: Vec<usize> = widest
        .iter()
        .zip(narrowest)
        .map(|(w, n)| w.saturating_sub(*n))
        .collect();
    let total_wish: usize = wishes.iter().sum();
    let mut widths: Vec<usize> = narrowest
        .iter()
        .zip(&wishes)
        .map(|(n, wish)| n + spare * wish / total_wish.max(1))
        .collect();
    // Rounding down leaves a few columns over; give each to the column furthest from its widest.
    let mut left = room - widths.iter().sum::<usize>();
    while left > 0 {
        let Some(index) = (0..widths.len())
            .filter(|&i| widths[i] < widest[i])
            .max_by_key(|&i| widest[i] - widths[i])
        else {
            break;
        };
        widths[index] += 1;
        left -= 1;
    }
    widths
}

/// The table drawn by comfy-table from cells already wrapped to `widths`.
fn grid(headers: &[Cell], rows: &[Vec<Cell>], widths: &[usize]) -> String {
    let mut table = Table::new();
    // The content is wrapped here, so comfy-table only draws it and never breaks a word.
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    // A column of figures is right-aligned, its header too.
    let figures: Vec<bool> = (0..widths.len())
        .map(|index| {
            rows.iter()
                .filter_map(|row| row.get(index))
                .all(|cell| cell.kind == Kind::Number)
        })
        .collect();
    let draw = |cells: &[Cell], header: bool| -> Vec<comfy_table::Cell> {
        (0..widths.len())
            .map(|index| {
                let Some(cell) = cells.get(index) else {
                    return comfy_table::Cell::new("");
                };
                let drawn = comfy_table::Cell::new(cell.wrapped(widths[index]));
                let right = cell.kind == Kind::Number || (header && figures[index]);
                if right {
                    drawn.set_alignment(CellAlignment::Right)
                } else {
                    drawn
                }
            })
            .collect()
    };
    if !headers.is_empty() {
        table.set_header(draw(headers, true));
    }
    for row in rows {
        table.add_row(draw(row, false));
    }
    table.to_string()
}

/// One block per row: the first cell as title, then `header: value` fields: names and figures
/// side by side, each text on a line of its own (under its header when it is long). Empty cells are left
/// out; the blocks are separated by blank lines and begin and end with one.
fn records(headers: &[String], rows: &[Vec<Cell>], width: usize) -> String {
    let blocks: Vec<String> = rows.iter().map(|row| record(headers, row, width)).collect();
    // Blank lines around the blocks set them apart from the text before and after, as a
    // grid's border does.
    format!("\n{}\n", blocks.join("\n\n"))
}

fn record(headers: &[String], row: &[Cell], width: usize) -> String {
    let mut lines = Vec::new();
    if let Some(title) = row.first() {
        lines.push(wrap_words(&title.text, width));
    }
    let mut packed = String::new();
    for (index, cell) in row.iter().enumerate().skip(1) {
        if cell.text.trim().is_empty() {
            continue;
        }
        // A header wrapped in the grid reads as one line here.
        let label = headers
            .get(index)
            .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        let field = match label.as_str() {
            "" => cell.text.clone(),
            label => format!("{label}: {}", cell.text),
        };
        let field_width = display_width(&field);
        let one_line = !cell.text.contains('\n') && 2 + field_width <= width;
        if one_line && cell.kind != Kind::Text {
            if packed.is_empty() {
                packed = format!("  {field}");
            } else if display_width(&packed) + 3 + field_width <= width {
                packed = format!("{packed}   {field}");
            } else {
                lines.push(std::mem::replace(&mut packed, format!("  {field}")));
            }
            continue;
        }
        if !packed.is_empty() {
            lines.push(std::mem::take(&mut packed));
        }
        if one_line {
            lines.push(format!("  {field}"));
            continue;
        }
        let indent = if label.is_empty() {
            2
        } else {
            lines.push(format!("  {label}:"));
            4
        };
        lines.push(indented(&wrap_words(&cell.text, width - indent), indent));
    }
    if !packed.is_empty() {
        lines.push(packed);
    }
    lines.join("\n")
}

/// Every line of `text` indented by `by` spaces.
fn indented(text: &str, by: usize) -> String {
    let indent = " ".repeat(by);
    text.lines()
        .map(|line| format!("{indent}{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn longest_line(text: &str) -> usize {
    text.lines().map(display_width).max().unwrap_or(0)
}

/// The indent that continues a list item: as wide as its "• " or "12. " marker.
fn hanging_indent(line: &str) -> String {
    let marker = if line.starts_with("• ") {
        2
    } else {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && line[digits..].starts_with(". ") {
            digits + 2
        } else {
            0
        }
    };
    " ".repeat(marker)
}

/// Every line of `text` wrapped to `width` at spaces, list items with a hanging indent. A
/// word is never broken, so a word longer than `width` stands on a line of its own.
fn wrap_words(text: &str, width: usize) -> String {
    text.lines()
        .map(|line| {
            let indent = hanging_indent(line);
            let options = textwrap::Options::new(width.max(1))
                .subsequent_indent(&indent)
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            textwrap::fill(line, options)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A numbered list, one entry per line, for a table cell.
pub fn numbered(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| format!("{}. {item}", index + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A bulleted list, one entry per line, for a table cell.
pub fn bulleted(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .map(|item| format!("• {item}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest_line(text: &str) -> usize {
        text.lines().map(display_width).max().unwrap_or(0)
    }

    fn scores() -> (Vec<String>, Vec<Vec<Cell>>) {
        let headers = ["competentie", "score", "doel", "verschil", "beantwoord"]
            .map(String::from)
            .to_vec();
        let rows = [
            ("Aanpassingsvermogen", "3,75", "4,00", "-0,25", "4/4"),
            (
                "Zelfontwikkeling",
                "3,00",
                "4,00",
                "-1,00",
                "3/4 (1 n.v.t.)",
            ),
        ]
        .iter()
        .map(|(name, score, target, gap, answered)| {
            vec![
                Cell::name(*name),
                Cell::number(*score),
                Cell::number(*target),
                Cell::number(*gap),
                Cell::number(*answered),
            ]
        })
        .collect();
        (headers, rows)
    }

    #[test]
    fn a_table_that_fits_keeps_every_name_and_number_on_one_line() {
        let (headers, rows) = scores();
        let out = render(&headers, &rows, 80);
        assert!(widest_line(&out) <= 80, "{out}");
        for needle in [
            "Aanpassingsvermogen",
            "-0,25",
            "3/4 (1 n.v.t.)",
            "beantwoord",
        ] {
            assert!(out.lines().any(|l| l.contains(needle)), "{needle}:\n{out}");
        }
        assert!(out.starts_with('┌'), "a grid:\n{out}");
    }

    #[test]
    fn a_table_too_wide_becomes_one_block_per_row() {
        let (headers, rows) = scores();
        let out = render(&headers, &rows, 40);
        assert!(!out.contains('┌'), "no grid:\n{out}");
        assert!(widest_line(&out) <= 40, "{out}");
        let blocks: Vec<&str> = out.trim().split("\n\n").collect();
        assert_eq!(blocks.len(), 2, "{out}");
        assert!(blocks[1].starts_with("Zelfontwikkeling\n"), "{out}");
        assert!(blocks[1].contains("verschil: -1,00"), "{out}");
        assert!(blocks[1].contains("beantwoord: 3/4 (1 n.v.t.)"), "{out}");
    }

    #[test]
    fn text_wraps_between_words_with_list_items_hanging() {
        let rows = vec![vec![
            Cell::text("Definitie"),
            Cell::text("• een implementatietraject in de wijkprofessional praktijk\n• kort"),
        ]];
        for width in [40, 50, 60] {
            let out = render(&[], &rows, width);
            assert!(widest_line(&out) <= usize::from(width), "{out}");
            for word in ["implementatietraject", "wijkprofessional", "Definitie"] {
                assert!(out.contains(word), "{word} broken at {width}:\n{out}");
            }
        }
        let out = render(&[], &rows, 40);
        // The continuation of a bullet starts under its text, not under the bullet.
        assert!(out.contains("┆   "), "{out}");
    }

    #[test]
    fn the_widths_share_out_the_room_and_never_go_below_the_narrowest() {
        assert_eq!(share_out(&[5, 3], &[10, 4], 20), [10, 4]);
        let widths = share_out(&[5, 3], &[25, 13], 20);
        assert_eq!(widths.iter().sum::<usize>(), 20);
        assert!(widths[0] >= 5 && widths[1] >= 3, "{widths:?}");
        assert!(widths[0] > widths[1], "{widths:?}");
    }

    #[test]
    fn empty_cells_are_left_out_of_a_block() {
        let headers = ["competentie", "n", "gem."].map(String::from).to_vec();
        let rows = vec![vec![
            Cell::name("Durf"),
            Cell::number("te klein"),
            Cell::number(""),
        ]];
        let out = records(&headers, &rows, 40);
        assert_eq!(out, "\nDurf\n  n: te klein\n");
    }
}
