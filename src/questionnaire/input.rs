//! What may enter a result file as text, checked where it enters: arguments (`--name`, ...),
//! piped lines, answers files and the terminal. What is refused here is what the readers of
//! result files refuse, or what would print as something else than was typed, so that
//! whatever a session saves, `report` and `--resume` read back.

use crate::{Error, Result, t};

/// Whether `c` may not be part of a stored text. Control characters (other than a line break
/// and a tab, which only multi-line texts keep) would move the cursor, retitle the window or
/// hide text when printed, and the readers refuse them; the bidi embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) make a text print in another order than it was
/// typed ("Trojan source").
pub fn is_forbidden(c: char, multiline: bool) -> bool {
    match c {
        '\n' | '\t' => !multiline,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// The first forbidden character of `text`: its 1-based position in characters, and itself.
pub fn first_forbidden(text: &str, multiline: bool) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| is_forbidden(c, multiline))
        .map(|(index, c)| (index + 1, c))
}

/// How a character is named in messages: "U+001B".
pub fn code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Refuses an argument (`--name`, `--team`, ...) holding a forbidden character; a name, team or
/// role is one line, so line breaks and tabs count too.
pub fn check_argument(flag: &str, value: &str) -> Result<()> {
    match first_forbidden(value, false) {
        None => Ok(()),
        Some((position, c)) => Err(Error::Usage(t!(
            "input.forbidden_argument",
            flag = flag,
            code = code(c),
            position = position
        ))),
    }
}

/// A text as the terminal may take it in: line breaks as `\n` (a multi-line text) or a space
/// (a one-line text), tabs as a space, forbidden characters left out. Gives the text and how
/// many characters were left out.
pub fn clean(text: &str, multiline: bool) -> (String, usize) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut removed = 0;
    let mut kept = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' if multiline => kept.push('\n'),
            '\n' | '\t' => kept.push(' '),
            c if is_forbidden(c, multiline) => removed += 1,
            c => kept.push(c),
        }
    }
    (kept, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_bidi_overrides_are_forbidden() {
        for c in [
            '\x1b', '\0', '\r', '\x7f', '\u{85}', '\u{202e}', '\u{2066}', '\u{2069}',
        ] {
            assert!(is_forbidden(c, true), "{}", code(c));
        }
        for c in [
            'a', 'é', ' ', '\u{200d}', '\u{2028}', '\u{202f}', '\u{2065}',
        ] {
            assert!(!is_forbidden(c, false), "{}", code(c));
        }
        assert!(!is_forbidden('\n', true) && is_forbidden('\n', false));
        assert_eq!(
            first_forbidden("Noor\u{202e}rooN", false),
            Some((5, '\u{202e}'))
        );
    }

    #[test]
    fn cleaning_keeps_line_breaks_only_where_a_text_has_lines() {
        let pasted = "Gesprek met een gezin.\r\n2 gesprekken\x1b[31m\tgevoerd\r";
        assert_eq!(
            clean(pasted, true),
            (
                "Gesprek met een gezin.\n2 gesprekken[31m gevoerd\n".to_string(),
                1
            )
        );
        assert_eq!(
            clean("Noor\nEl\u{202e} Amrani", false),
            ("Noor El Amrani".to_string(), 1)
        );
    }

    #[test]
    fn an_argument_with_an_escape_is_refused_naming_the_flag() {
        assert!(check_argument("--name", "Sanne de Vries").is_ok());
        let message = check_argument("--team", "Noord\x1b]0;x\x07").unwrap_err();
        assert!(message.to_string().contains("--team"), "{message}");
        assert!(message.to_string().contains("U+001B"), "{message}");
    }
}
