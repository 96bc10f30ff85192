//! YAML from outside, hardened before serde sees it (control characters, flow nesting that
//! would keep libyaml busy for an hour), and serde_yaml's errors placed and worded for people.

use serde::de::DeserializeOwned;

use super::locator::text_position;
use crate::error::Problem;
use crate::t;

/// Position of a serde_yaml error in `text`, 1-based, or the start of the file. libyaml counts
/// NEL, LS and PS (and a lone CR) as line ends, where editors and our messages count only LF, so
/// the line is counted again from the byte offset libyaml gives.
pub fn error_position(error: &serde_yaml::Error, text: &str) -> (usize, usize) {
    let Some(location) = error.location() else {
        return (1, 1);
    };
    let mut at = location.index().min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// The problem for a serde_yaml error, in the catalogue's words with a hint: see
/// [`super::yaml_error`]. Every reader of files from outside calls this one.
pub fn yaml_problem(file: &str, text: &str, error: &serde_yaml::Error) -> Problem {
    super::yaml_error::problem(file, text, error)
}

/// Flow collections (`[`, `{`) nested deeper than this are refused before parsing. libyaml's
/// scanner spends time proportional to the flow nesting on every token, so 4 MB of `{a: ` would
/// keep it busy for an hour (serde_yaml_ng issue #16); serde_yaml refuses more than 128 levels
/// of nesting afterwards anyway. A plain count of every bracket backs the scanner model up, at
/// four times this depth: only a file with that many brackets left open in its texts (which no
/// person writes) is refused without being nested.
pub const MAX_FLOW_DEPTH: usize = 256;

/// Checks what serde_yaml would choke on before it is given the text: characters YAML does not
/// allow (NUL and other control characters), placed at their line, and flow collections nested
/// deeper than [`MAX_FLOW_DEPTH`].
pub fn check_yaml_text(file: &str, text: &str) -> std::result::Result<(), Problem> {
    if let Some((at, c)) = forbidden_char(text) {
        let code = format!("U+{:04X}", u32::from(c));
        let position = text_position(&text.as_bytes()[..at]);
        return Err(
            Problem::new(file, position, t!("yaml.control_char", code = code))
                .with_hint(t!("yaml.control_char_hint")),
        );
    }
    if let Some(at) = flow_too_deep(text.as_bytes(), MAX_FLOW_DEPTH) {
        let position = text_position(&text.as_bytes()[..at]);
        return Err(
            Problem::new(file, position, t!("yaml.too_deep", max = MAX_FLOW_DEPTH))
                .with_hint(t!("yaml.too_deep_hint")),
        );
    }
    Ok(())
}

/// The first character YAML does not allow, and where it is. Only control characters and
/// what is not ASCII are looked at one by one: a team report checks thousands of files, which
/// are nearly all ASCII.
fn forbidden_char(text: &str) -> Option<(usize, char)> {
    let forbidden = |c: char| {
        matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\x7f')
            || matches!(c, '\u{80}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(skip) = bytes[at..]
        .iter()
        .position(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b >= 0x7f)
    {
        at += skip;
        // `at` is at a character's first byte: ASCII, or where a multi-byte one begins.
        let c = text[at..].chars().next()?;
        if forbidden(c) {
            return Some((at, c));
        }
        at += c.len_utf8();
    }
    None
}

/// Parses YAML from outside, after [`check_yaml_text`]; every problem names `file`.
pub fn from_yaml<T: DeserializeOwned>(file: &str, text: &str) -> std::result::Result<T, Problem> {
    check_yaml_text(file, text)?;
    serde_yaml::from_str(text).map_err(|e| yaml_problem(file, text, &e))
}

/// Where flow collections first nest deeper than `max`, if they do, as libyaml's scanner reads
/// them (brackets in comments, quoted scalars, block scalars, tags and block-context plain
/// scalars do not nest); and, so that a misreading of that model cannot hide deep nesting
/// either, where all brackets counted as if nothing were quoted nest deeper than `4 * max`.
fn flow_too_deep(b: &[u8], max: usize) -> Option<usize> {
    // Neither count can pass `max` with no more brackets than that opened in all (as in nearly
    // every file): the scanner is not needed then.
    if b.iter().filter(|&&c| matches!(c, b'[' | b'{')).count() <= max {
        return None;
    }
    let mut naive = 0usize;
    for (at, &c) in b.iter().enumerate() {
        match c {
            b'[' | b'{' => {
                naive += 1;
                if naive > 4 * max {
                    return Some(at);
                }
            }
            b']' | b'}' => naive = naive.saturating_sub(1),
            _ => {}
        }
    }
    FlowScanner::new(b).run(max)
}

/// A small model of libyaml's scanner that tracks only the flow level. It is no full YAML
/// scanner: in block context (level 0) a quoted scalar is taken to end with its line, so that a
/// misreading there cannot hide the lines after it; in flow context it follows libyaml.
struct FlowScanner<'a> {
    b: &'a [u8],
    at: usize,
    depth: usize,
    /// The line the scanner was last asked about: its start, indentation and first column after
    /// `- `, `? ` and `: ` indicators.
    line: (usize, usize, usize),
    /// How far `line` is known to be the current line.
    line_known_to: usize,
}

fn is_blank(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_flow_indicator(c: u8) -> bool {
    matches!(c, b',' | b'[' | b']' | b'{' | b'}')
}

impl<'a> FlowScanner<'a> {
    fn new(b: &'a [u8]) -> Self {
        let mut scanner = FlowScanner {
            b,
            at: 0,
            depth: 0,
            line: (0, 0, 0),
            line_known_to: 0,
        };
        scanner.line = (0, scanner.indentation(0).0, scanner.indentation(0).1);
        scanner
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.b.get(self.at + ahead).copied()
    }

    fn blank_or_end(&self, ahead: usize) -> bool {
        self.peek(ahead).is_none_or(is_blank)
    }

    /// Indentation of the line starting at `start`, and its first column after indicators.
    fn indentation(&self, start: usize) -> (usize, usize) {
        let line = &self.b[start..];
        let indent = line.iter().take_while(|&&c| c == b' ').count();
        let mut column = indent;
        while line.len() > column + 1
            && matches!(line[column], b'-' | b'?' | b':')
            && is_blank(line[column + 1])
        {
            column += 2;
            column += line[column..].iter().take_while(|&&c| c == b' ').count();
        }
        (indent, column)
    }

    /// The current line's start, indentation and column after indicators (an upper bound of
    /// libyaml's block indentation there), in time linear in the text over all calls.
    fn current_line(&mut self) -> (usize, usize, usize) {
        let seen = &self.b[self.line_known_to..self.at];
        if let Some(newline) = seen.iter().rposition(|&c| c == b'\n') {
            let start = self.line_known_to + newline + 1;
            let (indent, column) = self.indentation(start);
            self.line = (start, indent, column);
        }
        self.line_known_to = self.at;
        self.line
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.peek(0) {
            if c == b'\n' {
                break;
            }
            self.at += 1;
        }
    }

    fn open(&mut self, max: usize) -> bool {
        self.depth += 1;
        self.depth > max
    }

    fn run(&mut self, max: usize) -> Option<usize> {
        while let Some(c) = self.peek(0) {
            match c {
                b' ' | b'\t' | b'\r' | b'\n' | b',' => self.at += 1,
                b'#' => self.skip_line(),
                b'[' | b'{' => {
                    if self.open(max) {
                        return Some(self.at);
                    }
                    self.at += 1;
                }
                b']' | b'}' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.at += 1;
                }
                b'\'' | b'"' => self.quoted(c),
                b'|' | b'>' if self.depth == 0 => self.block_scalar(),
                b'-' | b'?' | b':' if self.blank_or_end(1) => self.at += 1,
                b':' if self.depth > 0 && self.peek(1).is_some_and(is_flow_indicator) => {
                    self.at += 1
                }
                b'%' if self.depth == 0 => self.skip_line(),
                b'&' | b'*' => {
                    self.at += 1;
                    while self
                        .peek(0)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
                    {
                        self.at += 1;
                    }
                }
                b'!' => {
                    // A tag may hold brackets: an opening one counts, a closing one does not.
                    while let Some(c) = self.peek(0).filter(|&c| !is_blank(c)) {
                        if matches!(c, b'[' | b'{') && self.open(max) {
                            return Some(self.at);
                        }
                        self.at += 1;
                    }
                }
                _ => self.plain(),
            }
        }
        None
    }

    /// A quoted scalar; in block context it is taken to end with its line at the latest.
    fn quoted(&mut self, quote: u8) {
        let flow = self.depth > 0;
        self.at += 1;
        while let Some(c) = self.peek(0) {
            if c == b'\n' && !flow {
                return;
            }
            self.at += 1;
            if quote == b'"' && c == b'\\' {
                if self.peek(0).is_some_and(|c| c != b'\n' || flow) {
                    self.at += 1;
                }
            } else if c == quote {
                if quote == b'\'' && self.peek(0) == Some(b'\'') {
                    self.at += 1;
                } else {
                    return;
                }
            }
        }
    }

    /// A literal or folded block scalar after a key or list dash (`key: |`): its header line,
    /// then the lines indented at least as far as its first line, which must be indented
    /// further than the key. A `|` first on its line is read as text: it may be a line of a
    /// quoted scalar, and skipping lines after it could hide what follows.
    fn block_scalar(&mut self) {
        let (start, indent, parent) = self.current_line();
        if self.at <= start + indent {
            self.at += 1;
            return;
        }
        self.skip_line();
        let mut content = None;
        while self.peek(0) == Some(b'\n') {
            let start = self.at + 1;
            let rest = &self.b[start..];
            let spaces = rest.iter().take_while(|&&c| c == b' ').count();
            let blank = rest[spaces..]
                .first()
                .is_none_or(|&c| c == b'\n' || c == b'\r');
            if !blank {
                if spaces < content.unwrap_or(parent + 1) {
                    return;
                }
                content.get_or_insert(spaces);
            }
            self.at = start;
            self.skip_line();
        }
    }

    /// A plain scalar, ended as libyaml ends it: at `: `, at ` #`, at a flow indicator in flow
    /// context, and in block context at the end of a line unless the next one is indented
    /// further than the key or dash before it and does not start with an indicator (where
    /// libyaml may go on with the scalar, but reading tokens there can only count more).
    fn plain(&mut self) {
        let flow = self.depth > 0;
        let (_, _, parent) = self.current_line();
        loop {
            while let Some(c) = self.peek(0) {
                if is_blank(c)
                    || (c == b':' && self.blank_or_end(1))
                    || (flow && is_flow_indicator(c))
                {
                    break;
                }
                self.at += 1;
            }
            let mut newline = false;
            while let Some(c) = self.peek(0).filter(|&c| is_blank(c)) {
                newline |= c == b'\n';
                self.at += 1;
            }
            match self.peek(0) {
                None | Some(b'#') => return,
                Some(c) if c == b':' && self.blank_or_end(1) => return,
                Some(c) if flow && is_flow_indicator(c) => return,
                _ => {}
            }
            if newline {
                let (start, indent, _) = self.current_line();
                let marker =
                    self.b[start..].starts_with(b"---") || self.b[start..].starts_with(b"...");
                let indicator = self
                    .peek(0)
                    .is_some_and(|c| b"-?:,[]{}#&*!|>'\"%@`".contains(&c));
                if (!flow && (indent <= parent || indicator)) || (indent == 0 && marker) {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_found_where_they_are() {
        let cases = [
            ("naam: Jan\n", None),
            ("naam: Zoë\t\r\n", None),
            ("a\u{0}b", Some((1, '\0'))),
            ("é\u{7f}", Some((2, '\u{7f}'))),
            ("ë\u{85}ok\u{86}", Some((6, '\u{86}'))),
            ("\u{fffd}\u{ffff}", Some((3, '\u{ffff}'))),
            ("x\u{b}", Some((1, '\u{b}'))),
        ];
        for (text, expected) in cases {
            assert_eq!(forbidden_char(text), expected, "{text:?}");
        }
    }

    #[test]
    fn deep_nesting_is_found_with_many_brackets_only() {
        assert_eq!(flow_too_deep(b"notes: {}\na: [1, [2]]\n", 2), None);
        assert_eq!(flow_too_deep(b"a: [[[1]]]\n", 2), Some(5));
        assert_eq!(flow_too_deep(b"a: '[[[' \n", 2), None);
    }
}
