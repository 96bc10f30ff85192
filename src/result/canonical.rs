//! A fast reader for the form vakwijzer writes a scan in (issue 30). A team report reads
//! thousands of scans, and libyaml spent four fifths of the report's time on them.
//!
//! It reads only a strict part of YAML: the lines serde_yaml writes for a scan, in that order,
//! with plain texts it knows the value of. Anything else gives `None`, and the file is read by
//! serde_yaml as before. That covers every broken file and every message about one, every
//! quoted or multi-line text, and every layout edited by hand. What it does read, it reads as
//! serde_yaml does; the tests hold it to that on generated files, hostile texts and mutations.

use std::collections::BTreeMap;

use super::{Answer, NOT_APPLICABLE, ResultKind, ScanResult};
use crate::framework::validate::valid_id;

/// The scan in `text`, when the text is in the form vakwijzer writes; `None` for any other text.
pub fn scan(text: &str) -> Option<ScanResult> {
    if !plain_characters(text) {
        return None;
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut lines = Lines(body.split('\n').peekable());
    while lines.peek()?.starts_with('#') {
        lines.next();
    }
    let schema = number(lines.field("schema")?, 9)?;
    if lines.field("kind")? != "scan" {
        return None;
    }
    let framework = lines.field("framework")?.to_string();
    let fingerprint = lines.field("fingerprint")?.to_string();
    let name = lines.field("name")?.to_string();
    let team = lines.optional("team")?;
    let role = lines.optional("role")?;
    let started = lines.field("started")?.to_string();
    let updated = lines.field("updated")?.to_string();
    let competencies = if lines.peek()? == &"competencies:" {
        lines.next();
        lines.list()?
    } else {
        Vec::new()
    };
    let complete = match lines.field("complete")? {
        "true" => true,
        "false" => false,
        _ => return None,
    };
    let answers = lines.map("answers", answer)?;
    let notes = lines.map("notes", |value| Some(value.to_string()))?;
    // Nothing may follow but empty lines.
    if lines.0.any(|line| !line.is_empty()) {
        return None;
    }
    Some(ScanResult {
        schema,
        kind: ResultKind::Scan,
        framework,
        fingerprint,
        name,
        team,
        role,
        started,
        updated,
        competencies,
        complete,
        answers,
        notes,
    })
}

/// Whether the text holds none of the characters that would make YAML read a line otherwise
/// than as it looks: a carriage return, a tab, the other line breaks libyaml knows (NEL, LS,
/// PS), a byte order mark, control characters and what YAML does not allow (U+FFFE, U+FFFF).
fn plain_characters(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(at, &b)| {
        let next = |n: usize| bytes.get(at + n).copied().unwrap_or(0);
        match b {
            b'\n' => true,
            0..0x20 | 0x7f => false,
            // U+0080 to U+009F, NEL among them.
            0xc2 => !(0x80..0xa0).contains(&next(1)),
            // LS and PS.
            0xe2 => !(next(1) == 0x80 && matches!(next(2), 0xa8 | 0xa9)),
            // The byte order mark, U+FFFE and U+FFFF.
            0xef => !matches!((next(1), next(2)), (0xbb, 0xbf) | (0xbf, 0xbe | 0xbf)),
            _ => true,
        }
    })
}

/// A text as YAML reads it plain on one line: one that begins with a letter or digit (so that
/// it cannot begin a quoted text, a list, an anchor, a tag or a block scalar), holds neither
/// `: ` nor a comment, and does not end in a space or a colon. Within such a text YAML reads
/// every other character as itself; a few more are left to serde_yaml all the same (`#`,
/// brackets and braces, `|`, `>`, backquotes and backslashes), and every white space but the
/// space.
fn plain(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    let first = value.chars().next()?;
    let fits = first.is_alphanumeric()
        && !matches!(bytes.last(), Some(b' ' | b':'))
        && bytes.iter().enumerate().all(|(at, &b)| match b {
            0..0x20 | 0x7f => false,
            b'#' | b'{' | b'}' | b'[' | b']' | b'|' | b'>' | b'`' | b'\\' => false,
            b':' => bytes.get(at + 1) != Some(&b' '),
            // The first byte of a character beyond ASCII.
            0xc0.. => value[at..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace()),
            _ => true,
        });
    fits.then_some(value)
}

/// A number as YAML writes a small one: decimal digits, no sign, no leading zero, at most
/// `digits` of them (so that it fits its type).
fn number<T: std::str::FromStr>(value: &str, digits: usize) -> Option<T> {
    let fits = !value.is_empty()
        && value.len() <= digits
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'));
    fits.then(|| value.parse().ok()).flatten()
}

/// An answer as vakwijzer writes one: a point on the scale, or the word for not applicable.
fn answer(value: &str) -> Option<Answer> {
    if value == NOT_APPLICABLE {
        return Some(Answer::NotApplicable);
    }
    number::<u8>(value, 3).map(Answer::Score)
}

/// An id as a key or an item of a list: what a framework's ids may be.
fn id(value: &str) -> Option<&str> {
    valid_id(value).then_some(value)
}

struct Lines<'a>(std::iter::Peekable<std::str::Split<'a, char>>);

impl<'a> Lines<'a> {
    fn next(&mut self) -> Option<&'a str> {
        self.0.next()
    }

    fn peek(&mut self) -> Option<&&'a str> {
        self.0.peek()
    }

    /// The plain value of the next line, which must be `key: value`.
    fn field(&mut self, key: &str) -> Option<&'a str> {
        let value = self.next()?.strip_prefix(key)?.strip_prefix(": ")?;
        plain(value)
    }

    /// The value of `key: value` when it is the next line; a value YAML would read as no
    /// value (`null`, `~`) is not taken.
    fn optional(&mut self, key: &str) -> Option<Option<String>> {
        let line = self.peek()?;
        if !line
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(": "))
        {
            return Some(None);
        }
        let value = self.field(key)?;
        if matches!(value, "null" | "Null" | "NULL") {
            return None;
        }
        Some(Some(value.to_string()))
    }

    /// The items of a list written `- id`, one or more, one per line.
    fn list(&mut self) -> Option<Vec<String>> {
        let mut items = Vec::new();
        while let Some(item) = self.peek().and_then(|line| line.strip_prefix("- ")) {
            items.push(id(item)?.to_string());
            self.next();
        }
        (!items.is_empty()).then_some(items)
    }

    /// The map under `key`: `key: {}` when empty, else `key:` and one `  id: value` per line,
    /// the ids in the order serde_yaml writes them in (sorted, so none twice).
    fn map<V>(
        &mut self,
        key: &str,
        value: impl Fn(&str) -> Option<V>,
    ) -> Option<BTreeMap<String, V>> {
        match self.next()?.strip_prefix(key)? {
            ": {}" => return Some(BTreeMap::new()),
            ":" => {}
            _ => return None,
        }
        let mut entries: Vec<(String, V)> = Vec::new();
        while let Some(entry) = self.peek().and_then(|line| line.strip_prefix("  ")) {
            // An id holds no colon: the first is the one after the key.
            let colon = entry.bytes().position(|b| b == b':')?;
            let (key, text) = (id(&entry[..colon])?, entry[colon + 1..].strip_prefix(' ')?);
            if entries.last().is_some_and(|(last, _)| last.as_str() >= key) {
                return None;
            }
            entries.push((key.to_string(), value(plain(text)?)?));
            self.next();
        }
        // Built from sorted entries in one pass, without a search for each.
        (!entries.is_empty()).then(|| entries.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde(text: &str) -> Option<ScanResult> {
        serde_yaml::from_str(text).ok()
    }

    const SCAN: &str = "# vakwijzer-resultaat: persoonsgegevens.\nschema: 1\nkind: scan\n\
        framework: eindhoven\nfingerprint: sha256:d656f8bf80e049ea\nname: José van Dijk\n\
        team: Zuid\nstarted: 2026-11-02T09:00:00Z\nupdated: 2026-11-02T09:10:00Z\n\
        competencies:\n- durf\n- coachen\ncomplete: true\nanswers:\n  coachen.i1: 4\n  \
        durf.i1: nvt\n  durf.i2: 0\nnotes:\n  durf: Bij een gezin in Woensel.\n";

    #[test]
    fn reads_a_scan_as_serde_yaml_does() {
        let fast = scan(SCAN).expect("the form vakwijzer writes");
        assert_eq!(Some(&fast), serde(SCAN).as_ref());
        assert_eq!(fast.answers["durf.i1"], Answer::NotApplicable);
        assert_eq!(fast.competencies, ["durf", "coachen"]);
        let empty = SCAN.replace("notes:\n  durf: Bij een gezin in Woensel.\n", "notes: {}\n");
        assert_eq!(scan(&empty), serde(&empty));
        assert!(scan(&empty).is_some());
    }

    /// Each of these is read by serde_yaml (or refused by it) differently from how the lines
    /// look, or is a layout the fast reader does not know: it leaves them to serde_yaml.
    #[test]
    fn leaves_everything_else_to_serde_yaml() {
        let changes = [
            ("name: José van Dijk", "name: 'José van Dijk'"),
            ("name: José van Dijk", "name: José van Dijk # comment"),
            ("name: José van Dijk", "name: José van Dijk "),
            ("name: José van Dijk", "name: José: van Dijk"),
            ("name: José van Dijk", "name: José\n  van Dijk"),
            ("name: José van Dijk", "name:  José"),
            ("name: José van Dijk", "name: José\u{85}van Dijk"),
            ("name: José van Dijk", "name: José\u{2028}van Dijk"),
            ("name: José van Dijk", "name: &a José"),
            ("name: José van Dijk", "name: -José"),
            ("team: Zuid", "team: null"),
            ("team: Zuid", "team: ~"),
            ("team: Zuid", "team:"),
            ("schema: 1", "schema: 01"),
            ("schema: 1", "schema: +1"),
            ("kind: scan", "kind: interview"),
            ("complete: true", "complete: True"),
            ("  coachen.i1: 4", "  coachen.i1: 04"),
            ("  coachen.i1: 4", "  coachen.i1: 256"),
            ("  coachen.i1: 4", "  coachen.i1: n.v.t."),
            ("  coachen.i1: 4", "  coachen.i1: 4\n  coachen.i1: 5"),
            ("  coachen.i1: 4", "   coachen.i1: 4"),
            ("  coachen.i1: 4", "  Coachen.i1: 4"),
            ("  coachen.i1: 4", "\tcoachen.i1: 4"),
            ("- durf", "-  durf"),
            (
                "durf: Bij een gezin in Woensel.",
                "durf: |-\n    Bij een gezin",
            ),
            (
                "durf: Bij een gezin in Woensel.",
                "durf: Bij een gezin\n    in Woensel.",
            ),
            ("Woensel.\n", "Woensel.\n---\n"),
            ("Woensel.\n", "Woensel.\nextra: 1\n"),
            ("schema: 1\n", "schema: 1\r\n"),
            ("# vakwijzer", "\u{feff}# vakwijzer"),
        ];
        for (from, to) in changes {
            let text = SCAN.replacen(from, to, 1);
            assert_ne!(text, SCAN, "{to:?} changes the scan");
            assert_eq!(scan(&text), None, "{to:?}");
        }
    }
}
