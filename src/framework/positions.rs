//! Where each key and value of a YAML text is, to place problems found after parsing (an
//! unknown competency in a targets file, an empty text) at their own line and column.
//!
//! serde_yaml keeps no positions in what it parses, so this reads the text again as the
//! indentation tree that block-style YAML is: mappings, `- ` lists, and `[a, b]` lists on one
//! line. It is no YAML parser: it only reads files that serde_yaml has accepted, and a path it
//! cannot follow (anchors, flow mappings over several lines) gives the nearest position it has.

/// One step of a path into a document: a key of a mapping, or an element of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// A 1-based line and column.
pub type Position = (usize, usize);

#[derive(Debug, Default)]
struct Node {
    /// Where the value starts: its first character, or for a value on the lines below its key,
    /// where that block starts.
    at: Position,
    entries: Vec<Entry>,
    items: Vec<Node>,
}

#[derive(Debug)]
struct Entry {
    key: String,
    at: Position,
    value: Node,
}

/// The positions of a text's keys and values.
#[derive(Debug)]
pub struct Positions {
    root: Node,
}

/// A line without its indentation; `column` is 0-based and counts characters.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    number: usize,
    column: usize,
    text: &'a str,
}

impl Positions {
    pub fn new(text: &str) -> Self {
        let lines: Vec<Line> = text
            .split('\n')
            .enumerate()
            .map(|(index, line)| {
                let line = line.strip_suffix('\r').unwrap_or(line);
                let content = line.trim_start_matches(' ');
                Line {
                    number: index + 1,
                    column: line.len() - content.len(),
                    text: content,
                }
            })
            .filter(|line| {
                !line.text.is_empty()
                    && !line.text.starts_with('#')
                    && !(line.column == 0 && (line.text == "---" || line.text.starts_with("--- ")))
            })
            .collect();
        let mut parser = Parser { lines, next: 0 };
        let root = match parser.lines.first().copied() {
            Some(first) => parser.block(first.column),
            None => Node::default(),
        };
        Positions { root }
    }

    fn node(&self, path: &[Step]) -> (Option<&Node>, Option<Position>, Position) {
        let mut node = &self.root;
        let mut last = (1, 1);
        let mut key_at = None;
        for step in path {
            let next = match step {
                Step::Key(key) => node.entries.iter().find(|e| e.key == *key).map(|e| {
                    key_at = Some(e.at);
                    &e.value
                }),
                Step::Index(index) => node.items.get(*index).inspect(|_| key_at = None),
            };
            match next {
                Some(next) => {
                    node = next;
                    last = key_at.unwrap_or(node.at);
                }
                None => return (None, None, last),
            }
        }
        (Some(node), key_at, last)
    }

    /// Where the last key of `path` is written (for a list element: where it starts); when the
    /// path leads nowhere, the deepest position on the way.
    pub fn key(&self, path: &[Step]) -> Position {
        match self.node(path) {
            (Some(node), key_at, _) => key_at.unwrap_or(node.at),
            (None, _, nearest) => nearest,
        }
    }

    /// Where the value at `path` starts; its key when it has none (`name:` left empty).
    pub fn value(&self, path: &[Step]) -> Position {
        match self.node(path) {
            (Some(node), key_at, _) if node.at == (0, 0) => key_at.unwrap_or((1, 1)),
            (Some(node), _, _) => node.at,
            (None, _, nearest) => nearest,
        }
    }

    /// Whether `path` leads to something written in the text.
    pub fn has(&self, path: &[Step]) -> bool {
        self.node(path).0.is_some()
    }
}

struct Parser<'a> {
    lines: Vec<Line<'a>>,
    next: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<Line<'a>> {
        self.lines.get(self.next).copied()
    }

    /// Skips the lines indented further than `column`: the rest of a text over several lines.
    fn skip_deeper(&mut self, column: usize) {
        while self.peek().is_some_and(|line| line.column > column) {
            self.next += 1;
        }
    }

    /// The block whose first line starts at `column`: a list, a mapping or a text.
    fn block(&mut self, column: usize) -> Node {
        let Some(first) = self.peek() else {
            return Node::default();
        };
        if is_dash(first.text) {
            self.list(column)
        } else if split_key(first.text).is_some() {
            self.mapping(column)
        } else {
            self.next += 1;
            self.skip_deeper(column);
            Node {
                at: (first.number, first.column + 1),
                ..Node::default()
            }
        }
    }

    fn list(&mut self, column: usize) -> Node {
        let mut node = Node::default();
        while let Some(line) = self.peek() {
            if line.column != column || !is_dash(line.text) {
                break;
            }
            let rest = line.text[1..].trim_start_matches(' ');
            let content_column = line.column + chars_before(line.text, rest);
            let item = if rest.is_empty() || rest.starts_with('#') {
                self.next += 1;
                match self.peek() {
                    Some(below) if below.column > column => self.block(below.column),
                    _ => Node {
                        at: (line.number, content_column + 1),
                        ..Node::default()
                    },
                }
            } else {
                // The item's content is read as a block starting after the dash.
                self.lines[self.next] = Line {
                    number: line.number,
                    column: content_column,
                    text: rest,
                };
                self.inline_or_block(content_column, line.number, rest)
            };
            if node.items.is_empty() {
                node.at = item.at;
            }
            node.items.push(item);
        }
        node
    }

    /// The content of a list item on its dash's line: a mapping or list going on below, or
    /// a single value.
    fn inline_or_block(&mut self, column: usize, number: usize, text: &'a str) -> Node {
        if is_dash(text) || split_key(text).is_some() {
            return self.block(column);
        }
        self.next += 1;
        self.value(column, number, column, text)
    }

    fn mapping(&mut self, column: usize) -> Node {
        let mut node = Node::default();
        while let Some(line) = self.peek() {
            if line.column != column || is_dash(line.text) {
                break;
            }
            let Some((key, rest_at)) = split_key(line.text) else {
                break;
            };
            self.next += 1;
            let rest = line.text[rest_at..].trim_start_matches(' ');
            let value_column = column + chars_before(line.text, rest);
            let value = if rest.is_empty() || rest.starts_with('#') || is_anchor_only(rest) {
                match self.peek() {
                    Some(below) if below.column > column => self.block(below.column),
                    // A list may sit at the indentation of its key.
                    Some(below) if below.column == column && is_dash(below.text) => {
                        self.list(column)
                    }
                    _ => Node::default(),
                }
            } else {
                self.value(column, line.number, value_column, rest)
            };
            let at = (line.number, column + 1);
            if node.entries.is_empty() {
                node.at = at;
            }
            node.entries.push(Entry {
                key: key.to_string(),
                at,
                value,
            });
        }
        node
    }

    /// A value written after its key (or dash) on line `number`: a `[a, b]` list, or a text,
    /// whose further lines (indented deeper than `parent`) are skipped.
    fn value(&mut self, parent: usize, number: usize, column: usize, text: &str) -> Node {
        let mut node = Node {
            at: (number, column + 1),
            ..Node::default()
        };
        if text.starts_with('[') {
            node.items = flow_items(text)
                .into_iter()
                .map(|offset| Node {
                    at: (number, column + offset + 1),
                    ..Node::default()
                })
                .collect();
        }
        self.skip_deeper(parent);
        node
    }
}

/// How many characters of `text` come before its tail `rest`.
fn chars_before(text: &str, rest: &str) -> usize {
    text[..text.len() - rest.len()].chars().count()
}

fn is_dash(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

fn is_anchor_only(text: &str) -> bool {
    (text.starts_with('&') || text.starts_with('!')) && !text.contains(' ')
}

/// The key of a `key: value` line and where the value part starts, for a plain or quoted key.
fn split_key(text: &str) -> Option<(&str, usize)> {
    if let Some(quote @ ('"' | '\'')) = text.chars().next() {
        let close = text[1..].find(quote)? + 1;
        let after = &text[close + 1..];
        let rest = after.trim_start_matches(' ').strip_prefix(':')?;
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        return Some((&text[1..close], text.len() - rest.len()));
    }
    if text.starts_with(['[', '{', '|', '>', '&', '*', '!', '%', '@', '`']) {
        return None;
    }
    let mut search = 0;
    while let Some(found) = text[search..].find(':') {
        let at = search + found;
        let after = &text[at + 1..];
        if after.is_empty() || after.starts_with(' ') {
            let key = text[..at].trim_end();
            // A ` #` before the colon makes it a comment, not a key.
            if key.contains(" #") {
                return None;
            }
            return Some((key, at + 1));
        }
        search = at + 1;
    }
    None
}

/// The columns (0-based, in characters) of the elements of a one-line `[a, b, "c"]` list.
fn flow_items(text: &str) -> Vec<usize> {
    let mut columns = Vec::new();
    let (mut depth, mut expecting, mut quote) = (0usize, true, None);
    for (column, c) in text.chars().enumerate() {
        if let Some(open) = quote {
            if c == open {
                quote = None;
            }
            continue;
        }
        match c {
            ' ' => continue,
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
                continue;
            }
            ',' if depth == 1 => {
                expecting = true;
                continue;
            }
            _ => {}
        }
        if depth == 1 && expecting {
            columns.push(column);
            expecting = false;
        }
        match c {
            '[' | '{' => depth += 1,
            '"' | '\'' => quote = Some(c),
            _ => {}
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::Step::{Index as I, Key as K};
    use super::*;

    const TEXT: &str = "\
kind: framework   # a comment
id: x
competencies:
  - id: a
    name: A
    definition: >
      een tekst
      over twee regels
    indicators:
    - id: a.i1
      text: \"doet: iets\"
    - id: a.i2
      text:
  - id: b
    name: B
links:
  - methods: [m1, \"m 2\", m3]
targets:
  eindhoven:
    coachen: 4
";

    #[test]
    fn keys_and_values_are_found_by_path() {
        let p = Positions::new(TEXT);
        assert_eq!(p.key(&[K("id")]), (2, 1));
        assert_eq!(p.value(&[K("id")]), (2, 5));
        assert_eq!(p.key(&[K("competencies"), I(1), K("id")]), (14, 5));
        assert_eq!(p.value(&[K("competencies"), I(1), K("name")]), (15, 11));
        let text = [K("competencies"), I(0), K("indicators"), I(0), K("text")];
        assert_eq!(p.value(&text), (11, 13));
        // An empty value is placed at its key.
        let empty = [K("competencies"), I(0), K("indicators"), I(1), K("text")];
        assert_eq!(p.value(&empty), (13, 7));
        assert_eq!(
            p.key(&[K("competencies"), I(0), K("indicators"), I(1)]),
            (12, 7)
        );
        assert_eq!(p.value(&[K("links"), I(0), K("methods"), I(2)]), (17, 26));
        assert_eq!(p.value(&[K("links"), I(0), K("methods"), I(1)]), (17, 19));
        assert_eq!(
            p.key(&[K("targets"), K("eindhoven"), K("coachen")]),
            (20, 5)
        );
        assert_eq!(
            p.value(&[K("targets"), K("eindhoven"), K("coachen")]),
            (20, 14)
        );
    }

    #[test]
    fn a_path_that_leads_nowhere_gives_the_nearest_position() {
        let p = Positions::new(TEXT);
        assert_eq!(p.key(&[K("targets"), K("eindhoven"), K("durf")]), (19, 3));
        assert!(!p.has(&[K("targets"), K("wmo")]));
        assert!(p.has(&[K("competencies"), I(1)]));
    }
}
