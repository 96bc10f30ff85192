//! Text wrapped to a terminal's width, for the terminal renderer and the questionnaire's prompt
//! alike.

/// Text wrapped to `width` columns, continuation lines indented like the first line.
pub fn wrap(text: &str, width: u16) -> String {
    let indent: String = text.chars().take_while(|c| *c == ' ').collect();
    let options = textwrap::Options::new(usize::from(width)).subsequent_indent(&indent);
    textwrap::fill(text, options)
}

/// Wraps every line of a block of text to `width` columns. Blank lines in a row become one:
/// a table laid out in blocks brings its own, and the text around it may have one too.
///
/// Every terminal rendering ends here, so this is also where texts from files lose their
/// control characters.
pub fn wrap_lines(block: &str, width: u16) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in crate::escape::terminal_text(block).lines() {
        let blank = line.trim().is_empty();
        if blank && lines.last().is_some_and(|l| l.is_empty()) {
            continue;
        }
        lines.push(if blank {
            String::new()
        } else {
            wrap(line, width)
        });
    }
    lines.join("\n")
}
