//! Finding lines in a YAML text for messages: where a key is set, where `key: value` is
//! written, where a value is mentioned at all; and the position just after some bytes.

use std::cell::{Cell, OnceCell};
use std::collections::HashMap;

/// Finds lines in a YAML text. The lines are split on first use (most files read have no
/// problem to place) and indexed by `key: value` then, so that placing many problems in a large
/// file stays linear.
pub struct Locator<'a> {
    text: &'a str,
    lines: OnceCell<Vec<&'a str>>,
    index: OnceCell<LineIndex<'a>>,
    /// Bytes [`Locator::mention`] may still search: a file with very many problems of values
    /// found on no `key: value` line gets positions at the start of the file after that.
    mention_budget: Cell<usize>,
}

#[derive(Default)]
struct LineIndex<'a> {
    /// The position of the first line that sets each key.
    keys: HashMap<&'a str, (usize, usize)>,
    /// The positions of the lines reading `key: value`, by key and unquoted value.
    pairs: HashMap<(&'a str, &'a str), Vec<(usize, usize)>>,
}

/// How many times its text [`Locator::mention`] may search in all, at least.
const MENTION_PASSES: usize = 64;

fn unquote(value: &str) -> &str {
    let value = value.trim();
    let quoted = value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')));
    if quoted {
        &value[1..value.len() - 1]
    } else {
        value
    }
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Locator {
            text,
            lines: OnceCell::new(),
            index: OnceCell::new(),
            mention_budget: Cell::new(text.len().max(1 << 20).saturating_mul(MENTION_PASSES)),
        }
    }

    fn lines(&self) -> &[&'a str] {
        self.lines.get_or_init(|| self.text.lines().collect())
    }

    /// The `key:` part of a line, with the list dash and indentation stripped.
    fn key_of(line: &str) -> Option<(&str, &str, usize)> {
        let trimmed = line.trim_start();
        let trimmed = trimmed.strip_prefix("- ").unwrap_or(trimmed).trim_start();
        let start = line.len() - trimmed.len();
        let (key, rest) = trimmed.split_once(':')?;
        Some((key.trim(), rest, start))
    }

    fn index(&self) -> &LineIndex<'a> {
        self.index.get_or_init(|| {
            let mut index = LineIndex::default();
            for (number, line) in self.lines().iter().enumerate() {
                let Some((key, rest, start)) = Self::key_of(line) else {
                    continue;
                };
                let indent = line.len() - line.trim_start().len();
                index.keys.entry(key).or_insert((number + 1, indent + 1));
                index
                    .pairs
                    .entry((key, unquote(rest)))
                    .or_default()
                    .push((number + 1, start + 1));
            }
            index
        })
    }

    /// Position of the first line that sets `key`.
    pub fn key_line(&self, key: &str) -> (usize, usize) {
        self.index().keys.get(key).copied().unwrap_or((1, 1))
    }

    /// Position of the `occurrence`-th (0-based) line that reads `key: value`.
    pub fn key_value(&self, key: &str, value: &str, occurrence: usize) -> (usize, usize) {
        self.index()
            .pairs
            .get(&(key, value))
            .and_then(|positions| positions.get(occurrence))
            .copied()
            .unwrap_or_else(|| self.mention(value))
    }

    /// Position of the first line that mentions `value` at all (a list entry, a map key).
    pub fn mention(&self, value: &str) -> (usize, usize) {
        if value.is_empty() {
            return (1, 1);
        }
        for (index, line) in self.lines().iter().enumerate() {
            let (left, cost) = (self.mention_budget.get(), line.len() + 1);
            if left < cost {
                self.mention_budget.set(0);
                break;
            }
            self.mention_budget.set(left - cost);
            if let Some(column) = line.find(value) {
                return (index + 1, column + 1);
            }
        }
        (1, 1)
    }
}

/// The 1-based line and column just after `bytes`, the column counted in bytes.
pub(crate) fn text_position(bytes: &[u8]) -> (usize, usize) {
    let line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (line, bytes.len() - line_start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locator_finds_the_nth_key_value_line() {
        let text = "id: a\nitems:\n  - id: b\n    text: x\n  - id: \"b\"\n";
        let locator = Locator::new(text);
        assert_eq!(locator.key_value("id", "b", 0), (3, 5));
        assert_eq!(locator.key_value("id", "b", 1), (5, 5));
        assert_eq!(locator.key_line("items"), (2, 1));
    }
}
