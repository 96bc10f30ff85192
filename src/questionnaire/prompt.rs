//! Where answers come from: the terminal (keys), piped lines, or an answers file, behind one
//! trait, so that every flow runs the same engine and can be tested without a terminal.

use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, Write};

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

pub trait Prompter {
    /// Shows a block of text (a competency's name and definition, a summary).
    fn show(&mut self, text: &str) -> Result<()>;
    fn rate(&mut self, prompt: &RatingPrompt) -> Result<Rating>;
    fn note(&mut self, prompt: &NotePrompt) -> Result<NoteInput>;
    /// Asks a yes/no question; only a terminal can answer it.
    fn confirm(&mut self, question: &str) -> Result<bool>;
    /// Whether a person is watching (progress and headings are shown).
    fn interactive(&self) -> bool;
}

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
            let mut line = String::new();
            let read = self
                .input
                .read_line(&mut line)
                .map_err(|source| Error::Read {
                    path: self.source.clone().into(),
                    source,
                })?;
            if read == 0 {
                return Ok(None);
            }
            self.line_number += 1;
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                self.pending.push_back((self.line_number, line.to_string()));
            }
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

    fn interactive(&self) -> bool {
        false
    }
}

/// The terminal: keys 1-9 and the arrows choose, Enter confirms, `b`/Backspace goes back,
/// `q`/Esc/Ctrl-C saves and stops. Raw mode is on only while a rating is asked.
pub struct TerminalPrompter<W: Write> {
    out: W,
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

impl<W: Write> TerminalPrompter<W> {
    pub fn new(out: W) -> Self {
        TerminalPrompter { out }
    }

    /// The choices of a scale in order; "not applicable" last.
    fn choices(scale: &Scale) -> Vec<(Answer, String)> {
        let mut choices: Vec<(Answer, String)> = scale
            .points
            .iter()
            .map(|p| (Answer::Score(p.value), format!("{} {}", p.value, p.label)))
            .collect();
        if let Some(label) = &scale.not_applicable {
            choices.push((Answer::NotApplicable, format!("0 {label}")));
        }
        choices
    }

    fn draw_choices(
        &mut self,
        choices: &[(Answer, String)],
        selected: Option<usize>,
    ) -> Result<()> {
        let mut line = String::from("\r  ");
        for (index, (_, label)) in choices.iter().enumerate() {
            if Some(index) == selected {
                line.push_str(&format!("\x1b[7m[{label}]\x1b[0m "));
            } else {
                line.push_str(&format!(" {label}  "));
            }
        }
        write!(self.out, "{line}\x1b[K")?;
        self.out.flush()?;
        Ok(())
    }
}

impl<W: Write> Prompter for TerminalPrompter<W> {
    fn show(&mut self, text: &str) -> Result<()> {
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    fn rate(&mut self, prompt: &RatingPrompt) -> Result<Rating> {
        use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
        let choices = Self::choices(prompt.scale);
        let mut selected = prompt
            .previous
            .and_then(|previous| choices.iter().position(|(a, _)| *a == previous));
        writeln!(self.out, "\n{}", prompt.progress)?;
        writeln!(self.out, "  {}", prompt.text)?;
        writeln!(self.out, "  {}", t!("scan.keys"))?;
        let _raw = RawMode::enable()?;
        self.draw_choices(&choices, selected)?;
        let outcome = loop {
            let Event::Key(key) = read()? else { continue };
            if key.kind == KeyEventKind::Release {
                continue;
            }
            let last = choices.len() - 1;
            match key.code {
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Rating::Quit;
                }
                KeyCode::Char('q') | KeyCode::Esc => break Rating::Quit,
                KeyCode::Char('b') | KeyCode::Backspace => break Rating::Back,
                KeyCode::Char(c) if c.is_ascii_digit() => {
                    let digit = c as u8 - b'0';
                    let wanted = if digit == 0 {
                        Answer::NotApplicable
                    } else {
                        Answer::Score(digit)
                    };
                    if let Some(index) = choices.iter().position(|(a, _)| *a == wanted) {
                        selected = Some(index);
                    }
                }
                KeyCode::Left | KeyCode::Up => {
                    selected = Some(selected.map_or(0, |s| s.saturating_sub(1)));
                }
                KeyCode::Right | KeyCode::Down => {
                    selected = Some(selected.map_or(0, |s| (s + 1).min(last)));
                }
                KeyCode::Enter => {
                    if let Some(index) = selected {
                        break Rating::Answer(choices[index].0);
                    }
                }
                _ => {}
            }
            self.draw_choices(&choices, selected)?;
        };
        drop(_raw);
        let confirmed = match &outcome {
            Rating::Answer(answer) => choices
                .iter()
                .find(|(a, _)| a == answer)
                .map(|(_, label)| format!("✓ {label}"))
                .unwrap_or_default(),
            Rating::Back => t!("scan.going_back"),
            Rating::Quit => t!("scan.stopping"),
        };
        writeln!(self.out, "\r  {confirmed}\x1b[K")?;
        Ok(outcome)
    }

    fn note(&mut self, prompt: &NotePrompt) -> Result<NoteInput> {
        writeln!(self.out, "\n{}", prompt.question)?;
        if let Some(previous) = prompt.previous {
            writeln!(self.out, "  ({}: {previous})", t!("scan.note_previous"))?;
        }
        write!(self.out, "{} ", t!("scan.note_keys"))?;
        self.out.flush()?;
        let mut line = String::new();
        let read = std::io::stdin().lock().read_line(&mut line)?;
        if read == 0 {
            return Ok(NoteInput::Quit);
        }
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

    fn confirm(&mut self, question: &str) -> Result<bool> {
        write!(self.out, "{question} [j/N] ")?;
        self.out.flush()?;
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
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
