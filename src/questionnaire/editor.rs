//! The text being typed at a terminal prompt, with its cursor: inserting (typed or pasted),
//! moving by whole characters as people see them (grapheme clusters: "é" typed as e and an
//! accent is one step), deleting at the cursor, and laying the text out in rows of the
//! terminal's width. Nothing here writes to a terminal; `prompt.rs` draws the layout.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;

use super::input;

pub struct Editor {
    text: String,
    /// Byte offset into `text`, always at a grapheme boundary.
    cursor: usize,
    multiline: bool,
    max_bytes: usize,
}

/// What became of an insertion: characters left out, and whether the text was full.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Inserted {
    pub removed: usize,
    pub cut: bool,
}

/// The text in rows of at most the width asked (in terminal columns), and where the cursor is
/// among them: (row, column).
#[derive(Debug, PartialEq, Eq)]
pub struct Layout {
    pub rows: Vec<String>,
    pub cursor: (usize, usize),
}

fn width_of(text: &str) -> usize {
    textwrap::core::display_width(text)
}

impl Editor {
    /// An editor holding `text` (cleaned as if it were typed), the cursor at its end.
    pub fn new(text: &str, multiline: bool, max_bytes: usize) -> Editor {
        let mut editor = Editor {
            text: String::new(),
            cursor: 0,
            multiline,
            max_bytes,
        };
        editor.insert(text);
        editor
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Inserts typed or pasted text at the cursor: cleaned (see [`input::clean`]) and cut
    /// where the text would grow beyond its longest.
    pub fn insert(&mut self, typed: &str) -> Inserted {
        let (clean, removed) = input::clean(typed, self.multiline);
        let room = self.max_bytes.saturating_sub(self.text.len());
        let mut end = clean.len().min(room);
        while !clean.is_char_boundary(end) {
            end -= 1;
        }
        self.text.insert_str(self.cursor, &clean[..end]);
        self.cursor += end;
        Inserted {
            removed,
            cut: end < clean.len(),
        }
    }

    fn previous_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(at, _)| at)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    pub fn left(&mut self) {
        if let Some(at) = self.previous_boundary() {
            self.cursor = at;
        }
    }

    pub fn right(&mut self) {
        if let Some(at) = self.next_boundary() {
            self.cursor = at;
        }
    }

    /// To the start of the line the cursor is on.
    pub fn home(&mut self) {
        self.cursor = self.text[..self.cursor].rfind('\n').map_or(0, |at| at + 1);
    }

    /// To the end of the line the cursor is on.
    pub fn end(&mut self) {
        self.cursor = self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |at| self.cursor + at);
    }

    /// To the end of the whole text.
    pub fn end_of_text(&mut self) {
        self.cursor = self.text.len();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if let Some(at) = self.previous_boundary() {
            self.text.replace_range(at..self.cursor, "");
            self.cursor = at;
        }
    }

    /// Deletes from the start of the cursor's line to the cursor.
    pub fn delete_to_line_start(&mut self) {
        let cursor = self.cursor;
        self.home();
        self.text.replace_range(self.cursor..cursor, "");
    }

    /// Deletes the character at the cursor.
    pub fn delete(&mut self) {
        if let Some(at) = self.next_boundary() {
            self.text.replace_range(self.cursor..at, "");
        }
    }

    /// Applies a key that types or edits: a character (not with Ctrl), Left, Right, Home,
    /// End (also Ctrl-A and Ctrl-E), Backspace, Delete, Ctrl-U (deletes to the start of the
    /// line, as in a shell). Other keys change nothing.
    pub fn key(&mut self, key: KeyEvent) -> Inserted {
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char(c) if !control => return self.insert(&c.to_string()),
            KeyCode::Char('u') => self.delete_to_line_start(),
            KeyCode::Char('a') | KeyCode::Home => self.home(),
            KeyCode::Char('e') | KeyCode::End => self.end(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            _ => {}
        }
        Inserted::default()
    }

    /// Whether the cursor is at the end of the text on an empty line: where Enter ends a
    /// multi-line text rather than start another line.
    pub fn at_empty_last_line(&self) -> bool {
        self.cursor == self.text.len() && (self.text.is_empty() || self.text.ends_with('\n'))
    }

    /// The text in rows of at most `width` columns, broken after a space where a row has one,
    /// else where the row is full. The cursor may stand one column past a full row.
    pub fn layout(&self, width: usize) -> Layout {
        let width = width.max(1);
        let mut rows = Vec::new();
        let mut cursor = (0, 0);
        let mut line_start = 0;
        for line in self.text.split('\n') {
            let mut row_start = 0;
            for row_end in row_ends(line, width) {
                let offset = line_start + row_start;
                let row = &line[row_start..row_end];
                // The cursor is on this row when it is inside it, or at its end and the row
                // is the last of its line.
                let last = row_end == line.len();
                let inside = (offset..line_start + row_end).contains(&self.cursor);
                if inside || (last && self.cursor == line_start + row_end) {
                    cursor = (rows.len(), width_of(&self.text[offset..self.cursor]));
                }
                rows.push(row.to_string());
                row_start = row_end;
            }
            line_start += line.len() + 1;
        }
        Layout { rows, cursor }
    }
}

/// Where the rows of one line end (byte offsets; an empty line is one empty row).
fn row_ends(line: &str, width: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let (mut row_start, mut row_width) = (0, 0);
    // The end of the last space in the current row: a row broken there keeps it.
    let mut after_space = None;
    for (at, grapheme) in line.grapheme_indices(true) {
        let grapheme_width = width_of(grapheme);
        if row_width + grapheme_width > width && at > row_start {
            let end = after_space.unwrap_or(at);
            ends.push(end);
            row_start = end;
            row_width = width_of(&line[row_start..at]);
            after_space = None;
        }
        row_width += grapheme_width;
        if grapheme == " " {
            after_space = Some(at + 1);
        }
    }
    ends.push(line.len());
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor(text: &str) -> Editor {
        Editor::new(text, true, 1000)
    }

    #[test]
    fn typing_after_going_left_lands_at_the_cursor() {
        let mut e = editor("gezin");
        for _ in 0..3 {
            e.left();
        }
        e.insert("X");
        assert_eq!(e.text(), "geXzin");
        e.home();
        e.insert("[");
        e.end();
        e.insert("]");
        assert_eq!(e.text(), "[geXzin]");
    }

    #[test]
    fn backspace_and_delete_work_at_the_cursor_by_whole_characters() {
        // "é" as e and a combining accent: one step, one deletion.
        let mut e = editor("cafe\u{301}s");
        e.left();
        e.left();
        e.backspace();
        assert_eq!(e.text(), "cae\u{301}s");
        e.delete();
        assert_eq!(e.text(), "cas");
        e.end();
        e.delete();
        assert_eq!(e.text(), "cas");
    }

    #[test]
    fn home_and_end_keep_to_the_line_of_the_cursor() {
        let mut e = editor("een\ntwee");
        e.home();
        e.insert(">");
        assert_eq!(e.text(), "een\n>twee");
        e.left();
        e.left();
        e.home();
        e.insert("<");
        e.end();
        e.insert("!");
        assert_eq!(e.text(), "<een!\n>twee");
        e.key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(e.text(), "\n>twee");
    }

    #[test]
    fn a_paste_keeps_its_lines_in_a_note_and_becomes_one_line_elsewhere() {
        let mut note = editor("");
        let inserted = note.insert("Gesprek met een gezin.\r\n2 gesprekken\x1b gevoerd");
        assert_eq!(note.text(), "Gesprek met een gezin.\n2 gesprekken gevoerd");
        assert_eq!(inserted.removed, 1);
        let mut name = Editor::new("", false, 1000);
        name.insert("Noor\nEl Amrani");
        assert_eq!(name.text(), "Noor El Amrani");
    }

    #[test]
    fn a_full_text_takes_no_more() {
        let mut e = Editor::new("abc", true, 5);
        assert!(e.insert("déf").cut);
        assert_eq!(e.text(), "abcd");
    }

    #[test]
    fn enter_ends_a_note_only_on_an_empty_last_line() {
        let mut e = editor("");
        assert!(e.at_empty_last_line());
        e.insert("een");
        assert!(!e.at_empty_last_line());
        e.insert("\n");
        assert!(e.at_empty_last_line());
        e.left();
        assert!(!e.at_empty_last_line());
    }

    #[test]
    fn rows_break_after_a_space_and_the_cursor_follows() {
        let e = editor("een twee drie\nvier");
        assert_eq!(
            e.layout(9),
            Layout {
                rows: vec!["een twee ".into(), "drie".into(), "vier".into()],
                cursor: (2, 4),
            }
        );
        let mut e = editor("abcdefghij");
        assert_eq!(e.layout(4).rows, ["abcd", "efgh", "ij"]);
        // At the end of a full row the cursor is at the start of the next.
        for _ in 0..6 {
            e.left();
        }
        assert_eq!(e.layout(4).cursor, (1, 0));
        let e = editor("abcd");
        assert_eq!(e.layout(4).cursor, (0, 4));
        // Wide characters count as two columns.
        assert_eq!(editor("你好你好").layout(5).rows, ["你好", "你好"]);
        assert_eq!(editor("").layout(5).rows, [""]);
        assert_eq!(editor("a\n").layout(5).cursor, (1, 0));
    }
}
