//! Text a user or a file gave us, made inert for the place it goes: a CSV cell a spreadsheet
//! opens, Markdown a renderer turns into HTML, a terminal that obeys escape codes. Every output
//! site of such text calls one of these; HTML is escaped by tera, SVG by `render::svg`.

use std::borrow::Cow;
use std::path::Path;

/// What a CSV cell may start with to be taken as a formula by Excel or LibreOffice (OWASP, "CSV
/// injection"); a tab or CR first may hide one behind white space.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell for CSV: one a spreadsheet would evaluate gets OWASP's leading apostrophe, which
/// spreadsheets show as text. A number (`-1.25`, `+3`, `0,5`) stays as it is: evaluated, it is
/// only the number. A line feed or space before a formula is looked through too, since some
/// importers trim.
pub fn csv_text(text: &str) -> Cow<'_, str> {
    let first = text.chars().next();
    let after_space = text.trim_start_matches([' ', '\n']).chars().next();
    let risky = |c: Option<char>| c.is_some_and(|c| FORMULA_START.contains(&c));
    if (risky(first) || risky(after_space)) && !is_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Every cell of a CSV record through [`csv_text`], ready for `csv::Writer::write_record`.
pub fn csv_record<S: AsRef<str>>(cells: impl IntoIterator<Item = S>) -> Vec<String> {
    cells
        .into_iter()
        .map(|cell| csv_text(cell.as_ref()).into_owned())
        .collect()
}

/// A CSV document (a header record, then the data) separated by `delimiter`, with every cell
/// through [`csv_text`]: the one way vakwijzer writes CSV (`records::csv` chooses the style).
pub fn csv_document<R, S>(
    records: impl IntoIterator<Item = R>,
    delimiter: u8,
) -> crate::Result<String>
where
    R: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    // Writing to memory fails only on records of unequal length, which is a bug of ours.
    let bug = |error: &dyn std::fmt::Display| crate::Error::Usage(format!("CSV: {error}"));
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    for record in records {
        writer
            .write_record(csv_record(record))
            .map_err(|e| bug(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| bug(&e))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A plain decimal number with an optional sign and exponent, as vakwijzer writes them.
fn is_number(text: &str) -> bool {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | ',' | 'e' | 'E'));
    plain
        && text
            .replace(',', ".")
            .parse::<f64>()
            .is_ok_and(f64::is_finite)
}

/// Characters that are Markdown (CommonMark and GitHub's tables, strikethrough and math) syntax
/// anywhere in a line; a backslash before any of them makes it a literal character. `!` and `(`
/// are harmless once `[` is escaped, `>` once `<` is (and escaped first on a line), `&` once
/// it cannot start an entity.
const MARKDOWN_SYNTAX: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '|', '~', '#', '$'];

/// Text from a user or a data file for Markdown, as one line: it can start no block (heading,
/// list, quote), open no emphasis, code, link, image, autolink or raw HTML, and splits no table
/// cell. Line breaks and other control characters become spaces, so it is also a table cell.
pub fn markdown_text(text: &str) -> String {
    let flat: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(flat.len() + 8);
    let mut chars = flat.chars().peekable();
    // A `-`, `+` or `=` first starts a list, thematic break or heading underline unless a digit
    // follows (a signed number, which we keep readable).
    if let Some(&first) = chars.peek()
        && matches!(first, '-' | '+' | '=' | '>')
    {
        chars.next();
        if first == '>' || !chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('\\');
        }
        out.push(first);
    }
    let mut leading_digits = out.is_empty();
    while let Some(c) = chars.next() {
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#');
        if MARKDOWN_SYNTAX.contains(&c) || entity {
            out.push('\\');
        }
        // `12.` or `3)` first, then a space or the end, starts an ordered list.
        if leading_digits && !c.is_ascii_digit() {
            leading_digits = false;
            let ends = chars.peek().is_none_or(|next| *next == ' ');
            if matches!(c, '.' | ')') && !out.is_empty() && ends {
                out.push('\\');
            }
        }
        out.push(c);
    }
    out
}

/// Unicode's explicit bidi embeddings, overrides and isolates: they reorder what follows on
/// the line, so a file name can show as something else ("Trojan Source").
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text for the terminal, keeping its line breaks: every other control character (escape
/// codes, carriage return, backspace, C1 controls) and every bidi override shows as `�`, so
/// nothing from a file can move the cursor, recolour, retitle or hide text. A tab becomes a
/// space.
pub fn terminal_text(text: &str) -> Cow<'_, str> {
    let harmful = |c: char| (c.is_control() && c != '\n') || is_bidi_control(c);
    if !text.chars().any(harmful) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if harmful(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// As [`terminal_text`], on one line: a line break shows as `�` too, so a name or file name
/// cannot fake a line of output of its own.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    let harmful = |c: char| c.is_control() || is_bidi_control(c);
    if !text.chars().any(harmful) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if harmful(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// A path for a message on the terminal: lossy UTF-8, on one line, without control characters.
pub fn terminal_path(path: &Path) -> String {
    terminal_line(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_neutralises_formulas_and_keeps_numbers() {
        for (input, expected) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("@SUM(A1:A3)", "'@SUM(A1:A3)"),
            ("+31 6 1234", "'+31 6 1234"),
            ("-2+3", "'-2+3"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            (" =1+1", "' =1+1"),
            ("\n@x", "'\n@x"),
            ("-inf", "'-inf"),
            ("-", "'-"),
            ("Sanne de Vries", "Sanne de Vries"),
            ("a=b", "a=b"),
            ("-1.25", "-1.25"),
            ("+0,50", "+0,50"),
            ("3", "3"),
            ("1e3", "1e3"),
            ("", ""),
        ] {
            assert_eq!(csv_text(input), expected, "{input:?}");
        }
    }

    #[test]
    fn markdown_text_is_literal() {
        for (input, expected) in [
            ("Sanne de Vries", "Sanne de Vries"),
            ("a|b", "a\\|b"),
            ("<script>x</script>", "\\<script>x\\</script>"),
            ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
            ("![i](x.png)", "!\\[i\\](x.png)"),
            ("orde & structuur", "orde & structuur"),
            ("a -> b!", "a -> b!"),
            ("line\nbreak", "line break"),
            ("# kop", "\\# kop"),
            ("- item", "\\- item"),
            ("---", "\\---"),
            ("> quote", "\\> quote"),
            ("1. item", "1\\. item"),
            ("2) item", "2\\) item"),
            ("2026.", "2026\\."),
            ("3.5", "3.5"),
            ("-0,50", "-0,50"),
            ("+1,25", "+1,25"),
            ("*nadruk* _x_ `code`", "\\*nadruk\\* \\_x\\_ \\`code\\`"),
            ("&lt;", "\\&lt;"),
            ("a\\", "a\\\\"),
            ("  -x", "\\-x"),
        ] {
            assert_eq!(markdown_text(input), expected, "{input:?}");
        }
    }

    #[test]
    fn terminal_text_drops_control_and_bidi_characters() {
        assert_eq!(terminal_text("Sanne\n"), "Sanne\n");
        assert_eq!(terminal_text("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(terminal_text("a\tb\rc\u{7}"), "a b\u{FFFD}c\u{FFFD}");
        assert_eq!(terminal_text("x\u{9b}2J"), "x\u{FFFD}2J");
        assert_eq!(terminal_text("lmy.\u{202E}lmth"), "lmy.\u{FFFD}lmth");
        assert_eq!(terminal_line("a\nb\u{2066}c"), "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(terminal_line("Noor El Amrani"), "Noor El Amrani");
        assert!(matches!(terminal_line("plain"), Cow::Borrowed(_)));
    }
}
