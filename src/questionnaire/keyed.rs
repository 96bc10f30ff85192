//! Answers from an answers file keyed by question (`vakwijzer plan --answers FILE`): each key
//! is the id of a question, its value what would be typed there as one piped line (a list for a
//! question asked more than once, such as the typed actions). A question the file does not
//! answer ends the session, saved, as `MapPrompter` does for a scan.

use std::collections::{BTreeMap, VecDeque};
use std::io::Cursor;

use super::prompt::{
    ChoicePrompt, Chosen, LinePrompter, NoteInput, NotePrompt, PickPrompt, Picked, Prompter,
    Rating, RatingPrompt, TextPrompt,
};
use crate::input::Locator;
use crate::{Error, Problem, Result};

pub struct KeyedPrompter {
    /// The file, for messages.
    source: String,
    answers: BTreeMap<String, VecDeque<String>>,
    /// Where each key is in the file.
    lines: BTreeMap<String, (usize, usize)>,
}

impl KeyedPrompter {
    /// Reads `text`, a YAML map from question id to a line or a list of lines.
    pub fn parse(source: &str, text: &str) -> Result<Self> {
        let mapping: serde_yaml::Mapping =
            crate::input::from_yaml(source, text).map_err(|p| Error::Problems(vec![p]))?;
        let locator = Locator::new(text);
        let mut answers = BTreeMap::new();
        let mut lines = BTreeMap::new();
        let mut problems = Vec::new();
        let line = |value: &serde_yaml::Value| match value {
            serde_yaml::Value::String(s) => Some(s.clone()),
            serde_yaml::Value::Number(n) => Some(n.to_string()),
            serde_yaml::Value::Bool(b) => Some(if *b { "ja" } else { "nee" }.to_string()),
            _ => None,
        };
        for (key, value) in &mapping {
            let Some(key) = line(key) else { continue };
            let position = locator.key_line(&key);
            let values: Option<VecDeque<String>> = match value {
                serde_yaml::Value::Sequence(items) => items.iter().map(line).collect(),
                single => line(single).map(|l| VecDeque::from([l])),
            };
            match values {
                Some(values) => {
                    answers.insert(key.clone(), values);
                    lines.insert(key, position);
                }
                None => problems.push(Problem::new(
                    source,
                    position,
                    crate::t!("plan.answers_not_a_line", id = &key),
                )),
            }
        }
        if !problems.is_empty() {
            return Err(Error::Problems(problems));
        }
        Ok(KeyedPrompter {
            source: source.to_string(),
            answers,
            lines,
        })
    }

    /// Answers the question `id` as a piped line would, with a problem placed at its key.
    fn answer<T>(
        &mut self,
        id: &str,
        missing: T,
        ask: impl FnOnce(&mut LinePrompter<Cursor<String>>) -> Result<T>,
    ) -> Result<T> {
        let Some(line) = self.answers.get_mut(id).and_then(VecDeque::pop_front) else {
            return Ok(missing);
        };
        let mut lines = LinePrompter::new(Cursor::new(line), &self.source);
        let position = self.lines.get(id).copied().unwrap_or((1, 1));
        ask(&mut lines).map_err(|error| match error {
            Error::Problems(problems) => Error::Problems(
                problems
                    .into_iter()
                    .map(|p| Problem::new(&self.source, position, p.message))
                    .collect(),
            ),
            other => other,
        })
    }
}

impl Prompter for KeyedPrompter {
    fn show(&mut self, _text: &str) -> Result<()> {
        Ok(())
    }

    // Plans rate nothing and take no notes; a scan's answers file is read by `MapPrompter`.
    fn rate(&mut self, _prompt: &RatingPrompt) -> Result<Rating> {
        Ok(Rating::Quit)
    }

    fn note(&mut self, _prompt: &NotePrompt) -> Result<NoteInput> {
        Ok(NoteInput::skip())
    }

    fn confirm(&mut self, _question: &str) -> Result<bool> {
        Ok(false)
    }

    fn choose(&mut self, prompt: &ChoicePrompt) -> Result<Chosen> {
        self.answer(&prompt.id, Chosen::Quit, |l| l.choose(prompt))
    }

    fn pick(&mut self, prompt: &PickPrompt) -> Result<Picked> {
        self.answer(&prompt.id, Picked::Quit, |l| l.pick(prompt))
    }

    /// A text the file does not give: for a question asked more than once (the typed
    /// actions) the list has ended, which is an empty answer; otherwise the session stops.
    fn text(&mut self, prompt: &TextPrompt) -> Result<NoteInput> {
        let given = self.answers.contains_key(&prompt.id);
        let missing = if given {
            NoteInput::skip()
        } else {
            NoteInput::quit()
        };
        self.answer(&prompt.id, missing, |l| l.text(prompt))
    }

    fn interactive(&self) -> bool {
        false
    }
}
