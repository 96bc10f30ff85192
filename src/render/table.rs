//! Terminal tables: one style for every table, wrapped to the width of the output.

use std::io::IsTerminal;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

/// Width used when standard output is not a terminal and `COLUMNS` is not set.
const DEFAULT_WIDTH: u16 = 100;

/// The width to wrap to: the terminal's, else `$COLUMNS`, else 100 columns.
pub fn output_width() -> u16 {
    if std::io::stdout().is_terminal()
        && let Ok((columns, _)) = crossterm::terminal::size()
    {
        return columns.max(40);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .map_or(DEFAULT_WIDTH, |c| c.max(40))
}

/// A table in the house style, wrapping its cells to `width` columns.
pub fn new_table(width: u16) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table
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

/// Text wrapped to `width` columns, continuation lines indented like the first line.
pub fn wrap(text: &str, width: u16) -> String {
    let indent: String = text.chars().take_while(|c| *c == ' ').collect();
    let options = textwrap::Options::new(usize::from(width)).subsequent_indent(&indent);
    textwrap::fill(text, options)
}

/// Wraps every line of a block of text to `width` columns.
pub fn wrap_lines(block: &str, width: u16) -> String {
    block
        .lines()
        .map(|line| wrap(line, width))
        .collect::<Vec<_>>()
        .join("\n")
}
