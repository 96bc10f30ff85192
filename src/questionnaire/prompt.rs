//! Where answers come from: the terminal (keys), piped lines, or an answers file, behind one
//! trait, so that every flow runs the same engine and can be tested without a terminal.

use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, Read, Write};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::editor::{Editor, Inserted};
use super::engine::Flow;
use crate::framework::Scale;
use crate::result::{Answer, check_answer, expected_answers};
use crate::{Error, Result, t};

/// What the person did at a rating prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rating {
    Answer(Answer),
    Back,
    Quit,
}

/// What the person did at a text prompt (a note, a motivation, a name): the text to keep, if
/// it changed (empty: remove it), and where to go then. Leaving a text (back, stop) keeps
/// what was typed: nothing typed is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteInput {
    pub text: Option<String>,
    pub then: Flow,
}

impl NoteInput {
    /// Nothing given; on to the next step.
    pub fn skip() -> Self {
        NoteInput {
            text: None,
            then: Flow::Next,
        }
    }

    pub fn text(text: String) -> Self {
        NoteInput {
            text: Some(text),
            then: Flow::Next,
        }
    }

    pub fn quit() -> Self {
        NoteInput {
            text: None,
            then: Flow::Quit,
        }
    }
}

/// The statement to rate, with everything the prompt may show.
pub struct RatingPrompt<'a> {
    pub item_id: &'a str,
    pub text: &'a str,
    pub scale: &'a Scale,
    /// The answer given before, when going back or resuming.
    pub previous: Option<Answer>,
    /// "competentie 3/8, uitspraak 12/38".
    pub progress: String,
}

pub struct NotePrompt<'a> {
    pub competency_id: &'a str,
    pub question: String,
    pub previous: Option<&'a str>,
}

/// One option of a single choice: the key that picks it, its label, an optional longer
/// description (a behaviour anchor) and other words that pick it in piped input.
pub struct Choice {
    pub key: char,
    pub label: String,
    pub detail: Option<String>,
    pub aliases: Vec<String>,
}

pub struct ChoicePrompt<'a> {
    /// What is being asked, for messages (e.g. "coachen.rating").
    pub id: String,
    pub text: &'a str,
    pub choices: &'a [Choice],
    /// The choice selected at the start (the earlier answer, or a suggestion).
    pub previous: Option<usize>,
    pub progress: String,
    /// Shown before: the choices in one line, their details on `?`.
    pub compact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    Index(usize),
    Back,
    Quit,
}

/// Choose any number of options (questions asked, indicators observed).
pub struct PickPrompt<'a> {
    pub id: String,
    pub title: String,
    pub options: &'a [String],
    pub previous: &'a [usize],
    pub progress: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Indices(Vec<usize>),
    Back,
    Quit,
}

/// A free text (a note, a motivation: several lines; a name: one).
pub struct TextPrompt<'a> {
    pub id: String,
    pub title: String,
    pub previous: Option<&'a str>,
    pub multiline: bool,
}

/// Reads "1 3, 4" as 0-based positions among `count` options; "-" is none.
pub fn parse_picks(line: &str, count: usize) -> Option<Vec<usize>> {
    let line = line.trim();
    if line == "-" {
        return Some(Vec::new());
    }
    let mut picks = Vec::new();
    for part in line.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        if part.is_empty() {
            continue;
        }
        let number: usize = part.parse().ok()?;
        if number == 0 || number > count {
            return None;
        }
        if !picks.contains(&(number - 1)) {
            picks.push(number - 1);
        }
    }
    picks.sort_unstable();
    Some(picks)
}

/// The choice a typed word stands for: its key, or one of its aliases.
fn find_choice(choices: &[Choice], typed: &str) -> Option<usize> {
    let typed = typed.trim().to_lowercase();
    choices.iter().position(|choice| {
        typed.chars().eq(std::iter::once(choice.key))
            || choice.aliases.iter().any(|a| a.to_lowercase() == typed)
    })
}

pub trait Prompter {
    /// Shows a block of text (a competency's name and definition, a summary).
    fn show(&mut self, text: &str) -> Result<()>;
    fn rate(&mut self, prompt: &RatingPrompt) -> Result<Rating>;
    fn note(&mut self, prompt: &NotePrompt) -> Result<NoteInput>;
    /// Asks a yes/no question; only a terminal can answer it.
    fn confirm(&mut self, question: &str) -> Result<bool>;
    /// One of several choices.
    fn choose(&mut self, prompt: &ChoicePrompt) -> Result<Chosen>;
    /// Any number of options.
    fn pick(&mut self, prompt: &PickPrompt) -> Result<Picked>;
    /// A line of free text.
    fn text(&mut self, prompt: &TextPrompt) -> Result<NoteInput>;
    /// Whether a person is watching (progress and headings are shown).
    fn interactive(&self) -> bool;
}

/// The longest line read from piped input. A note is a few sentences; every line may become a
/// note, and a result file must stay under its size limit to be read again.
pub const MAX_LINE_BYTES: usize = 16 * 1024;

/// Answers from lines, e.g. piped standard input: one answer per line, `notitie: ...` or
/// `note: ...` for the note of the competency just answered, `#` comments and blank lines
/// skipped. A line that is not a valid answer is refused with its line number.
pub struct LinePrompter<R: BufRead> {
    input: R,
    source: String,
    line_number: usize,
    pending: VecDeque<(usize, String)>,
}

impl<R: BufRead> LinePrompter<R> {
    pub fn new(input: R, source: &str) -> Self {
        LinePrompter {
            input,
            source: source.to_string(),
            line_number: 0,
            pending: VecDeque::new(),
        }
    }

    /// The next meaningful line, without consuming it.
    fn peek(&mut self) -> Result<Option<&(usize, String)>> {
        while self.pending.is_empty() {
            let mut bytes = Vec::new();
            // Read no further than the longest line allowed: input without a line end (a
            // device, a binary file) must not fill the memory.
            let read = (&mut self.input)
                .take(MAX_LINE_BYTES as u64 + 1)
                .read_until(b'\n', &mut bytes)
                .map_err(|source| Error::Read {
                    path: self.source.clone().into(),
                    source,
                })?;
            if read == 0 {
                return Ok(None);
            }
            self.line_number += 1;
            let refuse = |column: usize, message: String| {
                Error::Problems(vec![crate::Problem::new(
                    &self.source,
                    (self.line_number, column),
                    message,
                )])
            };
            if bytes.len() > MAX_LINE_BYTES && bytes.last() != Some(&b'\n') {
                let message = t!("data.too_large", size = bytes.len(), max = MAX_LINE_BYTES);
                return Err(refuse(1, message));
            }
            let line = String::from_utf8(bytes).map_err(|error| {
                refuse(error.utf8_error().valid_up_to() + 1, t!("data.not_utf8"))
            })?;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            // Refused where it enters: a note would be saved with it, and every reader of the
            // result file would then refuse the file.
            if let Some((column, c)) = super::input::first_forbidden(trimmed, false) {
                let leading = line.chars().count() - line.trim_start().chars().count();
                let message = t!("input.forbidden_line", code = super::input::code(c));
                return Err(refuse(leading + column, message));
            }
            self.pending
                .push_back((self.line_number, trimmed.to_string()));
        }
        Ok(self.pending.front())
    }

    fn next_line(&mut self) -> Result<Option<(usize, String)>> {
        self.peek()?;
        Ok(self.pending.pop_front())
    }
}

fn note_text(line: &str) -> Option<&str> {
    ["notitie:", "note:"]
        .iter()
        .find_map(|prefix| line.strip_prefix(prefix))
        .map(str::trim)
}

impl<R: BufRead> Prompter for LinePrompter<R> {
    fn show(&mut self, _text: &str) -> Result<()> {
        Ok(())
    }

    fn rate(&mut self, prompt: &RatingPrompt) -> Result<Rating> {
        let Some((line_number, line)) = self.next_line()? else {
            return Ok(Rating::Quit);
        };
        let refuse = |message: String| {
            Error::Problems(vec![
                crate::Problem::new(&self.source, (line_number, 1), message)
                    .with_hint(t!("scan.line_hint")),
            ])
        };
        match line.to_lowercase().as_str() {
            "b" | "terug" | "back" => return Ok(Rating::Back),
            "q" | "stop" | "quit" => return Ok(Rating::Quit),
            _ => {}
        }
        // The scale's own word for "not applicable" ("kan ik niet beoordelen") is one too.
        let says_na = |label: &String| label.to_lowercase() == line.trim().to_lowercase();
        let label_na = prompt.scale.not_applicable.as_ref().is_some_and(says_na);
        let parsed = if label_na {
            Some(Answer::NotApplicable)
        } else {
            Answer::parse(&line)
        };
        let answer = parsed.ok_or_else(|| {
            refuse(t!(
                "scan.not_an_answer",
                answer = &line,
                item = prompt.item_id,
                expected = expected_answers(prompt.scale)
            ))
        })?;
        check_answer(answer, prompt.scale)
            .map_err(|message| refuse(format!("{} ({})", message, prompt.item_id)))?;
        Ok(Rating::Answer(answer))
    }

    fn note(&mut self, _prompt: &NotePrompt) -> Result<NoteInput> {
        let is_note = matches!(self.peek()?, Some((_, line)) if note_text(line).is_some());
        if !is_note {
            return Ok(NoteInput::skip());
        }
        let (_, line) = self.next_line()?.unwrap_or_default();
        let text = note_text(&line).unwrap_or_default().to_string();
        Ok(if text.is_empty() {
            NoteInput::skip()
        } else {
            NoteInput::text(text)
        })
    }

    fn confirm(&mut self, _question: &str) -> Result<bool> {
        Ok(false)
    }

    fn choose(&mut self, prompt: &ChoicePrompt) -> Result<Chosen> {
        let Some((line_number, line)) = self.next_line()? else {
            return Ok(Chosen::Quit);
        };
        match line.to_lowercase().as_str() {
            "b" | "terug" | "back" => return Ok(Chosen::Back),
            "q" | "stop" | "quit" => return Ok(Chosen::Quit),
            _ => {}
        }
        find_choice(prompt.choices, &line)
            .map(Chosen::Index)
            .ok_or_else(|| {
                let expected: Vec<String> =
                    prompt.choices.iter().map(|c| c.label.clone()).collect();
                let message = t!(
                    "interview.not_a_choice",
                    answer = &line,
                    item = &prompt.id,
                    expected = expected.join(", ")
                );
                Error::Problems(vec![crate::Problem::new(
                    &self.source,
                    (line_number, 1),
                    message,
                )])
            })
    }

    fn pick(&mut self, prompt: &PickPrompt) -> Result<Picked> {
        let Some((line_number, line)) = self.next_line()? else {
            return Ok(Picked::Quit);
        };
        match line.to_lowercase().as_str() {
            "b" | "terug" | "back" => return Ok(Picked::Back),
            "q" | "stop" | "quit" => return Ok(Picked::Quit),
            _ => {}
        }
        parse_picks(&line, prompt.options.len())
            .map(Picked::Indices)
            .ok_or_else(|| {
                let message = t!(
                    "interview.not_picks",
                    answer = &line,
                    item = &prompt.id,
                    count = prompt.options.len()
                );
                Error::Problems(vec![crate::Problem::new(
                    &self.source,
                    (line_number, 1),
                    message,
                )])
            })
    }

    fn text(&mut self, _prompt: &TextPrompt) -> Result<NoteInput> {
        let Some((_, line)) = self.next_line()? else {
            return Ok(NoteInput::quit());
        };
        Ok(if line == "-" {
            NoteInput::skip()
        } else {
            NoteInput::text(line)
        })
    }

    fn interactive(&self) -> bool {
        false
    }
}

/// Answers from an answers file (item id -> score, and `notes:` competency id -> text),
/// checked as a whole before the scan starts. A missing item ends the scan, incomplete.
pub struct MapPrompter {
    answers: BTreeMap<String, Answer>,
    notes: BTreeMap<String, String>,
}

impl MapPrompter {
    pub fn new(answers: BTreeMap<String, Answer>, notes: BTreeMap<String, String>) -> Self {
        MapPrompter { answers, notes }
    }
}

impl Prompter for MapPrompter {
    fn show(&mut self, _text: &str) -> Result<()> {
        Ok(())
    }

    fn rate(&mut self, prompt: &RatingPrompt) -> Result<Rating> {
        Ok(match self.answers.get(prompt.item_id) {
            Some(answer) => Rating::Answer(*answer),
            None => Rating::Quit,
        })
    }

    fn note(&mut self, prompt: &NotePrompt) -> Result<NoteInput> {
        Ok(match self.notes.get(prompt.competency_id) {
            Some(text) if !text.trim().is_empty() => NoteInput::text(text.trim().to_string()),
            _ => NoteInput::skip(),
        })
    }

    fn confirm(&mut self, _question: &str) -> Result<bool> {
        Ok(false)
    }

    // An answers file holds a scan's answers only; anything else ends the session, saved.
    fn choose(&mut self, _prompt: &ChoicePrompt) -> Result<Chosen> {
        Ok(Chosen::Quit)
    }

    fn pick(&mut self, _prompt: &PickPrompt) -> Result<Picked> {
        Ok(Picked::Quit)
    }

    fn text(&mut self, _prompt: &TextPrompt) -> Result<NoteInput> {
        Ok(NoteInput::quit())
    }

    fn interactive(&self) -> bool {
        false
    }
}

/// The terminal. At a choice, keys 1-9 and the arrows choose, Enter confirms, `b`, Backspace
/// or Esc go back, `q` or Ctrl-C save and stop. Texts (notes, names, numbers) are typed in an
/// editor ([`Editor`]) where every letter is text: there only Esc (back) and Ctrl-C (stop)
/// navigate. All input is read in raw mode through crossterm with bracketed paste on, so a
/// paste arrives as one event: in a note it is text, line breaks and all; at a choice it
/// answers nothing, and the prompt line says so.
pub struct TerminalPrompter<W: Write> {
    out: W,
    width: u16,
    events: Events,
}

/// Where key events come from: the terminal, or a script (tests of the sessions).
enum Events {
    Terminal,
    Script(VecDeque<Event>),
}

/// The text prompts' longest text, as for piped lines: a result file must stay small enough to
/// be read again.
pub const MAX_TEXT_BYTES: usize = MAX_LINE_BYTES;

/// Restores the terminal when the prompt ends, however it ends.
struct RawMode;

impl RawMode {
    fn enable() -> Result<RawMode> {
        crossterm::terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// The choices of a self-scan scale: its points by digit, "not applicable" as 0.
fn scale_choices(scale: &Scale) -> Vec<(Answer, Choice)> {
    let mut choices: Vec<(Answer, Choice)> = scale
        .points
        .iter()
        .map(|p| {
            let choice = Choice {
                key: char::from(b'0' + p.value),
                label: format!("{} {}", p.value, p.label),
                detail: None,
                aliases: Vec::new(),
            };
            (Answer::Score(p.value), choice)
        })
        .collect();
    if let Some(label) = &scale.not_applicable {
        let choice = Choice {
            key: '0',
            label: format!("0 {label}"),
            detail: None,
            aliases: Vec::new(),
        };
        choices.push((Answer::NotApplicable, choice));
    }
    choices
}

/// How a text prompt was left: the text as it stands, and where to go.
struct Edited {
    text: String,
    then: Flow,
}

/// What a text prompt allows.
#[derive(Clone, Copy)]
struct TextKind {
    /// Enter starts a new line; Enter on an empty last line ends the text.
    multiline: bool,
    /// A paste is text (a note, a name); elsewhere (numbers, yes/no) it answers nothing.
    paste: bool,
}

const NOTE: TextKind = TextKind {
    multiline: true,
    paste: true,
};
const ONE_LINE: TextKind = TextKind {
    multiline: false,
    paste: true,
};
const TYPED_ANSWER: TextKind = TextKind {
    multiline: false,
    paste: false,
};

/// Enter, also as it arrives when typed while the terminal was still in line mode: LF, which
/// raw mode reads as Ctrl-J (Ctrl-M is CR).
fn is_enter(key: &KeyEvent) -> bool {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    key.code == KeyCode::Enter || (control && matches!(key.code, KeyCode::Char('j' | 'm')))
}

/// `text` cut to `width` columns, for a line that must not wrap.
fn fit(text: &str, width: usize) -> String {
    let mut fitted = String::new();
    for c in text.chars() {
        if textwrap::core::display_width(&fitted) + textwrap::core::display_width(&c.to_string())
            > width
        {
            break;
        }
        fitted.push(c);
    }
    fitted
}

impl<W: Write> TerminalPrompter<W> {
    /// Reads the terminal's keys; bracketed paste is on until the prompter is dropped, so that
    /// a paste between two prompts is still one paste.
    pub fn new(mut out: W, width: u16) -> Self {
        let _ = crossterm::execute!(out, crossterm::event::EnableBracketedPaste);
        TerminalPrompter {
            out,
            width,
            events: Events::Terminal,
        }
    }

    /// Reads `events` instead of the terminal; when they run out, it is as if Ctrl-C was
    /// pressed. For tests of what a session does with keys and pastes.
    pub fn scripted(out: W, width: u16, events: Vec<Event>) -> Self {
        TerminalPrompter {
            out,
            width,
            events: Events::Script(events.into()),
        }
    }

    fn raw_mode(&self) -> Result<Option<RawMode>> {
        match self.events {
            Events::Terminal => RawMode::enable().map(Some),
            Events::Script(_) => Ok(None),
        }
    }

    /// The next event that matters: key presses (not releases), pastes, and new sizes.
    fn next_event(&mut self) -> Result<Event> {
        loop {
            let event = match &mut self.events {
                Events::Terminal => crossterm::event::read()?,
                Events::Script(events) => events.pop_front().unwrap_or(Event::Key(KeyEvent::new(
                    KeyCode::Char('c'),
                    KeyModifiers::CONTROL,
                ))),
            };
            match event {
                Event::Key(key) if key.kind == KeyEventKind::Release => continue,
                Event::Resize(width, _) => {
                    self.width = width;
                    return Ok(event);
                }
                Event::Key(_) | Event::Paste(_) => return Ok(event),
                _ => continue,
            }
        }
    }

    /// Writes a block of text wrapped to the terminal, indented by two.
    fn say(&mut self, text: &str) -> Result<()> {
        let wrapped = crate::wrap::wrap(&format!("  {text}"), self.width);
        writeln!(self.out, "{wrapped}")?;
        Ok(())
    }

    /// The choice line, with `notice` after it when it fits.
    fn draw(&mut self, choices: &[Choice], selected: Option<usize>, notice: &str) -> Result<()> {
        // A line wider than the terminal wraps, and `\r` cannot redraw a wrapped line in place:
        // then only the selected choice keeps its label, the others show their key.
        let width = usize::from(self.width);
        let full: usize = choices
            .iter()
            .map(|c| textwrap::core::display_width(&c.label) + 3)
            .sum();
        // A notice makes room for itself the same way.
        let compact = 2 + full >= width || !notice.is_empty();
        let mut line = String::from("  ");
        let mut shown = 2;
        for (index, choice) in choices.iter().enumerate() {
            let part = if Some(index) == selected {
                shown += textwrap::core::display_width(&choice.label) + 3;
                line.push_str(&format!("\x1b[7m[{}]\x1b[0m ", choice.label));
                continue;
            } else if compact {
                format!(" {} ", choice.key)
            } else {
                format!(" {}  ", choice.label)
            };
            shown += textwrap::core::display_width(&part);
            line.push_str(&part);
        }
        if !notice.is_empty() {
            let room = width.saturating_sub(shown + 4);
            line.push_str(&format!("\x1b[1m{}\x1b[0m", fit(notice, room)));
        }
        write!(self.out, "\r{line}\x1b[K")?;
        self.out.flush()?;
        Ok(())
    }

    /// Every choice on a line of its own, with its detail (a behaviour anchor).
    fn list_choices(&mut self, choices: &[Choice]) -> Result<()> {
        for choice in choices {
            match &choice.detail {
                Some(detail) => self.say(&format!("  {} — {detail}", choice.label))?,
                None => self.say(&format!("  {}", choice.label))?,
            }
        }
        Ok(())
    }

    /// The one key loop of a choice: digits (or a choice's key) and arrows select, Enter
    /// confirms; `?` lists the choices with their details. A paste selects nothing: the line
    /// says so.
    fn key_choice(&mut self, choices: &[Choice], mut selected: Option<usize>) -> Result<Chosen> {
        let raw = self.raw_mode()?;
        self.draw(choices, selected, "")?;
        let last = choices.len().saturating_sub(1);
        let outcome = loop {
            let mut notice = String::new();
            match self.next_event()? {
                Event::Paste(_) => notice = t!("input.paste_ignored"),
                Event::Key(key) => {
                    let control = key.modifiers.contains(KeyModifiers::CONTROL);
                    match key.code {
                        KeyCode::Char('c') if control => break Chosen::Quit,
                        _ if is_enter(&key) => {
                            if let Some(index) = selected {
                                break Chosen::Index(index);
                            }
                        }
                        KeyCode::Char('q') => break Chosen::Quit,
                        KeyCode::Char('b') | KeyCode::Backspace | KeyCode::Esc => {
                            break Chosen::Back;
                        }
                        KeyCode::Char('?') if choices.iter().any(|c| c.detail.is_some()) => {
                            write!(self.out, "\r\x1b[K")?;
                            // Raw mode: a line feed does not return the carriage.
                            let wrapped = crate::wrap::wrap_lines(
                                &choices
                                    .iter()
                                    .map(|c| match &c.detail {
                                        Some(detail) => format!("    {} — {detail}", c.label),
                                        None => format!("    {}", c.label),
                                    })
                                    .collect::<Vec<_>>()
                                    .join("\n"),
                                self.width,
                            );
                            write!(self.out, "{}\r\n", wrapped.replace('\n', "\r\n"))?;
                        }
                        KeyCode::Char(c) => {
                            if let Some(index) = choices.iter().position(|choice| choice.key == c) {
                                selected = Some(index);
                            }
                        }
                        KeyCode::Left | KeyCode::Up => {
                            selected = Some(selected.map_or(0, |s| s.saturating_sub(1)));
                        }
                        KeyCode::Right | KeyCode::Down => {
                            selected = Some(selected.map_or(0, |s| (s + 1).min(last)));
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            self.draw(choices, selected, &notice)?;
        };
        drop(raw);
        let confirmed = match &outcome {
            Chosen::Index(index) => format!("✓ {}", choices[*index].label),
            Chosen::Back => t!("scan.going_back"),
            Chosen::Quit => t!("scan.stopping"),
        };
        writeln!(self.out, "\r  {confirmed}\x1b[K")?;
        Ok(outcome)
    }

    /// Draws the editor's text below the prompt: the first row after "> ", the others
    /// indented as far, wrapped to the terminal; then `notice`, if any, on a row of its own.
    /// `cursor_row` is the row the cursor was left on by the previous drawing.
    fn draw_text(&mut self, editor: &Editor, cursor_row: &mut usize, notice: &str) -> Result<()> {
        const MARGIN: usize = 4;
        // One column is kept free: a character in the last column leaves the cursor waiting
        // to wrap, and the next movement would be off by one.
        let width = usize::from(self.width).saturating_sub(MARGIN + 1).max(8);
        let layout = editor.layout(width);
        let mut screen = String::new();
        if *cursor_row > 0 {
            screen.push_str(&format!("\x1b[{}A", *cursor_row));
        }
        screen.push_str("\r\x1b[J");
        for (index, row) in layout.rows.iter().enumerate() {
            let lead = if index == 0 { "  > " } else { "\r\n    " };
            screen.push_str(lead);
            screen.push_str(row);
        }
        let mut below = layout.rows.len() - 1 - layout.cursor.0;
        if !notice.is_empty() {
            let notice = fit(notice, usize::from(self.width).saturating_sub(MARGIN + 1));
            screen.push_str(&format!("\r\n    \x1b[1m{notice}\x1b[0m"));
            below += 1;
        }
        if below > 0 {
            screen.push_str(&format!("\x1b[{below}A"));
        }
        screen.push_str(&format!("\r\x1b[{}C", layout.cursor.1 + MARGIN));
        *cursor_row = layout.cursor.0;
        write!(self.out, "{screen}")?;
        self.out.flush()?;
        Ok(())
    }

    /// Edits a text, starting from `initial`, until it is ended (Enter; in a note, Enter twice,
    /// or once on an empty last line) or left (Esc: back, Ctrl-C: stop). Keys that are not text
    /// never become text; a paste is text where `kind` allows it.
    fn edit(&mut self, initial: &str, kind: TextKind) -> Result<Edited> {
        let mut editor = Editor::new(initial, kind.multiline, MAX_TEXT_BYTES);
        let raw = self.raw_mode()?;
        let mut cursor_row = 0;
        self.draw_text(&editor, &mut cursor_row, "")?;
        // Enter starts a new line; a second Enter right after it takes that line break back
        // and ends the text, wherever the cursor is.
        let mut after_enter = false;
        let then = loop {
            let mut notice = String::new();
            let event = self.next_event()?;
            let enter = matches!(event, Event::Key(key) if is_enter(&key));
            if !enter && !matches!(event, Event::Resize(..)) {
                after_enter = false;
            }
            let inserted = match event {
                Event::Paste(pasted) if kind.paste => editor.insert(&pasted),
                Event::Paste(_) => {
                    notice = t!("input.paste_ignored");
                    Inserted::default()
                }
                Event::Key(key) => {
                    let control = key.modifiers.contains(KeyModifiers::CONTROL);
                    match key.code {
                        KeyCode::Char('c') if control => break Flow::Quit,
                        KeyCode::Esc => break Flow::Back,
                        _ if is_enter(&key) => {
                            if !kind.multiline || editor.at_empty_last_line() {
                                break Flow::Next;
                            }
                            if after_enter {
                                editor.backspace();
                                break Flow::Next;
                            }
                            after_enter = true;
                            editor.insert("\n")
                        }
                        _ => editor.key(key),
                    }
                }
                _ => Inserted::default(),
            };
            if inserted.cut {
                notice = t!("input.full", max = MAX_TEXT_BYTES);
            } else if inserted.removed > 0 {
                notice = t!("input.removed", count = inserted.removed);
            }
            self.draw_text(&editor, &mut cursor_row, &notice)?;
        };
        // Drawn once more without a notice, the cursor at the end, to go on below the text.
        editor.end_of_text();
        self.draw_text(&editor, &mut cursor_row, "")?;
        // Leaving is said as at a choice; the text was kept.
        match then {
            Flow::Back => write!(self.out, "\r\n  {}", t!("scan.going_back"))?,
            Flow::Quit => write!(self.out, "\r\n  {}", t!("scan.stopping"))?,
            Flow::Next | Flow::Skip | Flow::Jump(_) => {}
        }
        write!(self.out, "\r\n")?;
        self.out.flush()?;
        drop(raw);
        Ok(Edited {
            text: editor.text().trim().to_string(),
            then,
        })
    }

    /// A note or another text: the earlier text is there to edit. An empty text is no note
    /// (when there was one, it is removed).
    fn ask_text(&mut self, previous: Option<&str>, kind: TextKind) -> Result<NoteInput> {
        let Edited { text, then } = self.edit(previous.unwrap_or(""), kind)?;
        let changed = Some(text.as_str()) != previous && !(text.is_empty() && previous.is_none());
        Ok(NoteInput {
            text: changed.then_some(text),
            then,
        })
    }
}

impl<W: Write> Drop for TerminalPrompter<W> {
    fn drop(&mut self) {
        if let Events::Terminal = self.events {
            let _ = crossterm::execute!(self.out, crossterm::event::DisableBracketedPaste);
        }
    }
}

impl<W: Write> Prompter for TerminalPrompter<W> {
    fn show(&mut self, text: &str) -> Result<()> {
        let wrapped = crate::wrap::wrap_lines(text, self.width);
        writeln!(self.out, "{wrapped}")?;
        Ok(())
    }

    fn rate(&mut self, prompt: &RatingPrompt) -> Result<Rating> {
        let (answers, choices): (Vec<Answer>, Vec<Choice>) =
            scale_choices(prompt.scale).into_iter().unzip();
        writeln!(self.out, "\n{}", prompt.progress)?;
        self.say(prompt.text)?;
        let na = prompt.scale.not_applicable.as_deref().unwrap_or_default();
        self.say(&t!("scan.keys", na = na))?;
        let selected = prompt
            .previous
            .and_then(|previous| answers.iter().position(|a| *a == previous));
        Ok(match self.key_choice(&choices, selected)? {
            Chosen::Index(index) => Rating::Answer(answers[index]),
            Chosen::Back => Rating::Back,
            Chosen::Quit => Rating::Quit,
        })
    }

    fn note(&mut self, prompt: &NotePrompt) -> Result<NoteInput> {
        writeln!(self.out)?;
        self.say(&prompt.question)?;
        self.say(&t!("scan.note_keys"))?;
        self.ask_text(prompt.previous, NOTE)
    }

    fn choose(&mut self, prompt: &ChoicePrompt) -> Result<Chosen> {
        writeln!(self.out, "\n{}", prompt.progress)?;
        self.say(prompt.text)?;
        if prompt.compact {
            let labels: Vec<&str> = prompt.choices.iter().map(|c| c.label.as_str()).collect();
            self.say(&format!("  {}", labels.join(" · ")))?;
            self.say(&format!(
                "{} · {}",
                t!("interview.keys"),
                t!("interview.explain_key")
            ))?;
        } else {
            self.list_choices(prompt.choices)?;
            self.say(&t!("interview.keys"))?;
        }
        self.key_choice(prompt.choices, prompt.previous)
    }

    fn pick(&mut self, prompt: &PickPrompt) -> Result<Picked> {
        writeln!(self.out, "\n{}", prompt.progress)?;
        self.say(&prompt.title)?;
        for (index, option) in prompt.options.iter().enumerate() {
            let mark = if prompt.previous.contains(&index) {
                "x"
            } else {
                " "
            };
            self.say(&format!("[{mark}] {}. {option}", index + 1))?;
        }
        self.say(&t!("interview.pick_keys"))?;
        loop {
            let Edited { text, then } = self.edit("", TYPED_ANSWER)?;
            match (then, text.as_str()) {
                (Flow::Quit, _) | (_, "q") => return Ok(Picked::Quit),
                (Flow::Back, _) | (_, "b") => return Ok(Picked::Back),
                (_, "") => return Ok(Picked::Indices(prompt.previous.to_vec())),
                (_, typed) => match parse_picks(typed, prompt.options.len()) {
                    Some(picks) => return Ok(Picked::Indices(picks)),
                    None => {
                        let count = prompt.options.len();
                        let message = t!(
                            "interview.not_picks",
                            answer = typed,
                            item = &prompt.id,
                            count = count
                        );
                        self.say(&message)?;
                    }
                },
            }
        }
    }

    fn text(&mut self, prompt: &TextPrompt) -> Result<NoteInput> {
        writeln!(self.out)?;
        self.say(&prompt.title)?;
        let kind = if prompt.multiline { NOTE } else { ONE_LINE };
        let keys = if prompt.multiline {
            t!("scan.note_keys")
        } else {
            t!("input.line_keys")
        };
        self.say(&keys)?;
        self.ask_text(prompt.previous, kind)
    }

    fn confirm(&mut self, question: &str) -> Result<bool> {
        self.say(&format!("{question} [j/N]"))?;
        let Edited { text, then } = self.edit("", TYPED_ANSWER)?;
        Ok(then == Flow::Next && matches!(text.to_lowercase().as_str(), "j" | "ja" | "y" | "yes"))
    }

    fn interactive(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::ScalePoint;

    fn scale() -> Scale {
        Scale {
            id: "f".into(),
            name: "f".into(),
            points: (1..=5)
                .map(|value| ScalePoint {
                    value,
                    label: format!("p{value}"),
                    anchor: None,
                })
                .collect(),
            not_applicable: Some("n.v.t.".into()),
            origin: Default::default(),
        }
    }

    fn prompt(scale: &Scale) -> RatingPrompt<'_> {
        RatingPrompt {
            item_id: "a.i1",
            text: "doet iets",
            scale,
            previous: None,
            progress: String::new(),
        }
    }

    #[test]
    fn lines_give_answers_notes_and_skip_comments() {
        let input = "# my answers\n4\n\nnvt\nnotitie: een voorbeeld\n2\n";
        let mut lines = LinePrompter::new(input.as_bytes(), "stdin");
        let scale = scale();
        assert_eq!(
            lines.rate(&prompt(&scale)).unwrap(),
            Rating::Answer(Answer::Score(4))
        );
        let note = NotePrompt {
            competency_id: "a",
            question: String::new(),
            previous: None,
        };
        assert_eq!(lines.note(&note).unwrap(), NoteInput::skip());
        assert_eq!(
            lines.rate(&prompt(&scale)).unwrap(),
            Rating::Answer(Answer::NotApplicable)
        );
        assert_eq!(
            lines.note(&note).unwrap(),
            NoteInput::text("een voorbeeld".into())
        );
        assert_eq!(
            lines.rate(&prompt(&scale)).unwrap(),
            Rating::Answer(Answer::Score(2))
        );
        assert_eq!(lines.rate(&prompt(&scale)).unwrap(), Rating::Quit);
    }

    #[test]
    fn a_wrong_line_is_refused_with_its_number() {
        let scale = scale();
        for bad in ["7", "vaak"] {
            let input = format!("3\n{bad}\n");
            let mut lines = LinePrompter::new(input.as_bytes(), "stdin");
            lines.rate(&prompt(&scale)).unwrap();
            let error = lines.rate(&prompt(&scale)).unwrap_err().to_string();
            assert!(error.contains("stdin:2:1"), "{error}");
        }
    }
}
