//! The session of statements: per competency its statements, rated on the self-scan scale,
//! then an optional note; saved after every answer (answers from a file: once, when applied).
//! A self-scan and a rating of someone else (360) are the same walk; they differ in how they
//! speak ([`Statements`]).

use std::collections::BTreeMap;

use super::engine::{Flow, Session};
use super::prompt::{NotePrompt, Prompter, Rating, RatingPrompt};
use crate::framework::{Competency, Framework, Scale};
use crate::result::rating::RatingResult;
use crate::result::{self, Answer, Record, ResultFile, ScanResult};
use crate::{Result, t};

/// A result a session of statements fills in, and how its questions are put.
pub trait Statements: Record {
    fn answers(&self) -> &BTreeMap<String, Answer>;
    fn answers_mut(&mut self) -> &mut BTreeMap<String, Answer>;
    fn notes(&self) -> &BTreeMap<String, String>;
    fn notes_mut(&mut self) -> &mut BTreeMap<String, String>;
    /// The question each statement answers, shown above it, when it is not about oneself.
    fn question(&self) -> Option<String>;
    /// The question of the note after a competency.
    fn note_question(&self, competency: &str) -> String;
}

impl Statements for ScanResult {
    fn answers(&self) -> &BTreeMap<String, Answer> {
        &self.answers
    }
    fn answers_mut(&mut self) -> &mut BTreeMap<String, Answer> {
        &mut self.answers
    }
    fn notes(&self) -> &BTreeMap<String, String> {
        &self.notes
    }
    fn notes_mut(&mut self) -> &mut BTreeMap<String, String> {
        &mut self.notes
    }
    fn question(&self) -> Option<String> {
        None
    }
    fn note_question(&self, competency: &str) -> String {
        t!("scan.note_question", competency = competency)
    }
}

impl Statements for RatingResult {
    fn answers(&self) -> &BTreeMap<String, Answer> {
        &self.answers
    }
    fn answers_mut(&mut self) -> &mut BTreeMap<String, Answer> {
        &mut self.answers
    }
    fn notes(&self) -> &BTreeMap<String, String> {
        &self.notes
    }
    fn notes_mut(&mut self) -> &mut BTreeMap<String, String> {
        &mut self.notes
    }
    fn question(&self) -> Option<String> {
        Some(t!("rating.question", name = &self.about))
    }
    fn note_question(&self, competency: &str) -> String {
        t!(
            "rating.note_question",
            name = &self.about,
            competency = competency
        )
    }
}

#[derive(Debug, Clone, Copy)]
enum Step {
    /// `number`: the statement's place among all the scan asks, from 1.
    Rate {
        competency: usize,
        indicator: usize,
        number: usize,
    },
    Note {
        competency: usize,
    },
}

pub struct ScanSession<'a, T = ScanResult> {
    competencies: Vec<&'a Competency>,
    scale: &'a Scale,
    steps: Vec<Step>,
    statement_count: usize,
    pub result: T,
    /// The result file, held (locked) for as long as the session runs.
    pub file: ResultFile,
    /// The competency whose heading was shown last, so that a resumed scan shows it too.
    heading_shown: Option<usize>,
    /// Whether each answer is saved as it is given (see `save_once`).
    save_each_answer: bool,
    /// Answers given and not saved yet.
    unsaved: bool,
}

impl<'a, T: Statements> ScanSession<'a, T> {
    /// A session over the competencies the result asks (all with statements, when it names none).
    pub fn new(framework: &'a Framework, scale: &'a Scale, result: T, file: ResultFile) -> Self {
        let competencies = framework.scan_competencies(result.competencies());
        let mut steps = Vec::new();
        let mut number = 0;
        for (c, competency) in competencies.iter().enumerate() {
            for i in 0..competency.indicators.len() {
                number += 1;
                steps.push(Step::Rate {
                    competency: c,
                    indicator: i,
                    number,
                });
            }
            steps.push(Step::Note { competency: c });
        }
        let statement_count = competencies.iter().map(|c| c.indicators.len()).sum();
        ScanSession {
            competencies,
            scale,
            steps,
            statement_count,
            result,
            file,
            heading_shown: None,
            save_each_answer: true,
            unsaved: false,
        }
    }

    /// Saves the result once, when the session ends (`finish`, `save_pending`), rather than
    /// after every answer: for answers from a file, all there from the start, where saving
    /// after each would write the whole result once per statement, which grows with the
    /// square of the statements. Typed and piped answers are saved as they come.
    pub fn save_once(&mut self) {
        self.save_each_answer = false;
    }

    /// Saves what was answered and is not saved yet.
    pub fn save_pending(&mut self) -> Result<()> {
        if self.unsaved {
            self.write()?;
        }
        Ok(())
    }

    fn save(&mut self) -> Result<()> {
        if self.save_each_answer {
            return self.write();
        }
        self.unsaved = true;
        Ok(())
    }

    fn write(&mut self) -> Result<()> {
        self.unsaved = false;
        result::save(&mut self.file, &mut self.result)
    }

    fn heading(&self, c: usize) -> String {
        let competency = self.competencies[c];
        let mut text = format!("\n━━ {} ━━", competency.name);
        if let Some(definition) = &competency.definition {
            text.push_str(&format!("\n{definition}"));
        }
        text
    }
}

impl<T: Statements> Session for ScanSession<'_, T> {
    fn step_count(&self) -> usize {
        self.steps.len()
    }

    fn first_step(&self) -> usize {
        let unanswered = self.steps.iter().position(|step| match step {
            Step::Rate {
                competency,
                indicator,
                ..
            } => {
                let id = &self.competencies[*competency].indicators[*indicator].id;
                !self.result.answers().contains_key(id)
            }
            Step::Note { .. } => false,
        });
        match unanswered {
            // A note is saved only when given, so a scan stopped at a competency's note (nothing
            // of the next one answered yet) asks it again rather than pass it by; one skipped
            // before is asked again too, which takes an Enter.
            Some(index) if index > 0 => match self.steps[index - 1] {
                Step::Note { competency }
                    if !self
                        .result
                        .notes()
                        .contains_key(&self.competencies[competency].id) =>
                {
                    index - 1
                }
                _ => index,
            },
            Some(index) => index,
            // Every statement answered but not finished: only the last note can remain.
            None => self.steps.len().saturating_sub(1),
        }
    }

    fn ask(&mut self, index: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        match self.steps[index] {
            Step::Rate {
                competency,
                indicator,
                number,
            } => {
                if (indicator == 0 || self.heading_shown != Some(competency))
                    && prompter.interactive()
                {
                    prompter.show(&self.heading(competency))?;
                    self.heading_shown = Some(competency);
                }
                let item = &self.competencies[competency].indicators[indicator];
                let mut progress = t!(
                    "scan.progress",
                    competency = competency + 1,
                    competencies = self.competencies.len(),
                    statement = number,
                    statements = self.statement_count
                );
                if let Some(question) = self.result.question() {
                    progress = format!("{progress}\n{question}");
                }
                let prompt = RatingPrompt {
                    item_id: &item.id,
                    text: &item.text,
                    scale: self.scale,
                    previous: self.result.answers().get(&item.id).copied(),
                    progress,
                };
                match prompter.rate(&prompt)? {
                    Rating::Answer(answer) => {
                        self.result.answers_mut().insert(item.id.clone(), answer);
                        self.save()?;
                        Ok(Flow::Next)
                    }
                    Rating::Back => Ok(Flow::Back),
                    Rating::Quit => Ok(Flow::Quit),
                }
            }
            Step::Note { competency } => {
                let competency = self.competencies[competency];
                let prompt = NotePrompt {
                    competency_id: &competency.id,
                    question: self
                        .result
                        .note_question(competency.name.trim_end_matches('.')),
                    previous: self.result.notes().get(&competency.id).map(String::as_str),
                };
                let input = prompter.note(&prompt)?;
                if let Some(text) = input.text {
                    if text.is_empty() {
                        self.result.notes_mut().remove(&competency.id);
                    } else {
                        self.result.notes_mut().insert(competency.id.clone(), text);
                    }
                    self.save()?;
                }
                Ok(input.then)
            }
        }
    }

    fn finish(&mut self) -> Result<()> {
        self.result.set_complete();
        self.write()
    }
}
