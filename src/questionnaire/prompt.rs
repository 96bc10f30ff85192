//! Where answers come from: the terminal (keys), piped lines, or an answers file, behind one
//! trait, so that every flow runs the same engine and can be tested without a terminal.

use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, Read, Write};

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

/// What the person did at a note prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteInput {
    Text(String),
    Skip,
    Back,
    Quit,
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

/// A free text (a note, a motivation).
pub struct TextPrompt<'a> {
    pub id: String,
    pub title: String,
    pub previous: Option<&'a str>,
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
        let answer = Answer::parse(&line).ok_or_else(|| {
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
            return Ok(NoteInput::Skip);
        }
        let (_, line) = self.next_line()?.unwrap_or_default();
        let text = note_text(&line).unwrap_or_default().to_string();
        Ok(if text.is_empty() {
            NoteInput::Skip
        } else {
            NoteInput::Text(text)
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
            return Ok(NoteInput::Quit);
        };
        Ok(if line == "-" {
            NoteInput::Skip
        } else {
            NoteInput::Text(line)
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
            Some(text) if !text.trim().is_empty() => NoteInput::Text(text.trim().to_string()),
            _ => NoteInput::Skip,
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
        Ok(NoteInput::Quit)
    }

    fn interactive(&self) -> bool {
        false
    }
}

/// The terminal: keys 1-9 and the arrows choose, Enter confirms, `b`/Backspace goes back,
/// `q`/Esc/Ctrl-C saves and stops. All input is read in raw mode through crossterm, also the
/// lines of notes, so that typed-ahead or pasted text lands where it was meant and control keys
/// never end up in a note.
pub struct TerminalPrompter<W: Write> {
    out: W,
    width: u16,
}

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

/// A typed line, or how the person left it.
enum Line {
    Text(String),
    Cancelled,
}

impl<W: Write> TerminalPrompter<W> {
    pub fn new(out: W, width: u16) -> Self {
        TerminalPrompter { out, width }
    }

    /// Writes a block of text wrapped to the terminal, indented by two.
    fn say(&mut self, text: &str) -> Result<()> {
        let wrapped = crate::render::table::wrap(&format!("  {text}"), self.width);
        writeln!(self.out, "{wrapped}")?;
        Ok(())
    }

    fn draw(&mut self, choices: &[Choice], selected: Option<usize>) -> Result<()> {
        // A line wider than the terminal wraps, and `\r` cannot redraw a wrapped line in place:
        // then only the selected choice keeps its label, the others show their key.
        let full: usize = choices
            .iter()
            .map(|c| textwrap::core::display_width(&c.label) + 3)
            .sum();
        let compact = 2 + full >= usize::from(self.width);
        let mut line = String::from("\r  ");
        for (index, choice) in choices.iter().enumerate() {
            if Some(index) == selected {
                line.push_str(&format!("\x1b[7m[{}]\x1b[0m ", choice.label));
            } else if compact {
                line.push_str(&format!(" {} ", choice.key));
            } else {
                line.push_str(&format!(" {}  ", choice.label));
            }
        }
        write!(self.out, "{line}\x1b[K")?;
        self.out.flush()?;
        Ok(())
    }

    /// The one key loop: digits (or a choice's key) and arrows select, Enter confirms.
    fn key_choice(&mut self, choices: &[Choice], mut selected: Option<usize>) -> Result<Chosen> {
        use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
        let raw = RawMode::enable()?;
        self.draw(choices, selected)?;
        let last = choices.len().saturating_sub(1);
        let outcome = loop {
            let Event::Key(key) = read()? else { continue };
            if key.kind == KeyEventKind::Release {
                continue;
            }
            let control = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Char('c') if control => break Chosen::Quit,
                // An Enter typed while the terminal was in line mode arrives as LF (Ctrl-J).
                KeyCode::Enter | KeyCode::Char('j') if key.code == KeyCode::Enter || control => {
                    if let Some(index) = selected {
                        break Chosen::Index(index);
                    }
                }
                KeyCode::Char('q') | KeyCode::Esc => break Chosen::Quit,
                KeyCode::Char('b') | KeyCode::Backspace => break Chosen::Back,
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
            self.draw(choices, selected)?;
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

    /// Reads a line in raw mode with a minimal editor (typing, Backspace, Enter); Esc and
    /// Ctrl-C cancel. Control keys are never part of the text.
    fn read_line(&mut self) -> Result<Line> {
        use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
        let raw = RawMode::enable()?;
        let mut line = String::new();
        let outcome = loop {
            let Event::Key(key) = read()? else { continue };
            if key.kind == KeyEventKind::Release {
                continue;
            }
            let control = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Enter => break Line::Text(line),
                KeyCode::Char('j' | 'm') if control => break Line::Text(line),
                KeyCode::Char('c' | 'd') if control => break Line::Cancelled,
                KeyCode::Esc => break Line::Cancelled,
                KeyCode::Backspace if line.pop().is_some() => {
                    write!(self.out, "\x08 \x08")?;
                }
                KeyCode::Char(c) if !control && !c.is_control() => {
                    line.push(c);
                    write!(self.out, "{c}")?;
                }
                _ => {}
            }
            self.out.flush()?;
        };
        drop(raw);
        write!(self.out, "\r\n")?;
        Ok(outcome)
    }
}

impl<W: Write> Prompter for TerminalPrompter<W> {
    fn show(&mut self, text: &str) -> Result<()> {
        let wrapped = crate::render::table::wrap_lines(text, self.width);
        writeln!(self.out, "{wrapped}")?;
        Ok(())
    }

    fn rate(&mut self, prompt: &RatingPrompt) -> Result<Rating> {
        let (answers, choices): (Vec<Answer>, Vec<Choice>) =
            scale_choices(prompt.scale).into_iter().unzip();
        writeln!(self.out, "\n{}", prompt.progress)?;
        self.say(prompt.text)?;
        self.say(&t!("scan.keys"))?;
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
        if let Some(previous) = prompt.previous {
            self.say(&format!("({}: {previous})", t!("scan.note_previous")))?;
        }
        write!(self.out, "  {} ", t!("scan.note_keys"))?;
        self.out.flush()?;
        let Line::Text(line) = self.read_line()? else {
            return Ok(NoteInput::Quit);
        };
        Ok(match line.trim() {
            "" => match prompt.previous {
                Some(previous) => NoteInput::Text(previous.to_string()),
                None => NoteInput::Skip,
            },
            "b" => NoteInput::Back,
            "q" => NoteInput::Quit,
            "-" => NoteInput::Text(String::new()),
            text => NoteInput::Text(text.to_string()),
        })
    }

    fn choose(&mut self, prompt: &ChoicePrompt) -> Result<Chosen> {
        writeln!(self.out, "\n{}", prompt.progress)?;
        self.say(prompt.text)?;
        for choice in prompt.choices {
            match &choice.detail {
                Some(detail) => self.say(&format!("  {} — {detail}", choice.label))?,
                None => self.say(&format!("  {}", choice.label))?,
            }
        }
        self.say(&t!("interview.keys"))?;
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
        loop {
            write!(self.out, "  {} ", t!("interview.pick_keys"))?;
            self.out.flush()?;
            let Line::Text(line) = self.read_line()? else {
                return Ok(Picked::Quit);
            };
            match line.trim() {
                "" => return Ok(Picked::Indices(prompt.previous.to_vec())),
                "b" => return Ok(Picked::Back),
                "q" => return Ok(Picked::Quit),
                typed => match parse_picks(typed, prompt.options.len()) {
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
        let note = NotePrompt {
            competency_id: &prompt.id,
            question: prompt.title.clone(),
            previous: prompt.previous,
        };
        self.note(&note)
    }

    fn confirm(&mut self, question: &str) -> Result<bool> {
        write!(self.out, "{question} [j/N] ")?;
        self.out.flush()?;
        let Line::Text(line) = self.read_line()? else {
            return Ok(false);
        };
        Ok(matches!(
            line.trim().to_lowercase().as_str(),
            "j" | "ja" | "y" | "yes"
        ))
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
        assert_eq!(lines.note(&note).unwrap(), NoteInput::Skip);
        assert_eq!(
            lines.rate(&prompt(&scale)).unwrap(),
            Rating::Answer(Answer::NotApplicable)
        );
        assert_eq!(
            lines.note(&note).unwrap(),
            NoteInput::Text("een voorbeeld".into())
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
