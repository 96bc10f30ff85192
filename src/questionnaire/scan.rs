//! The self-scan session: per competency its statements, rated on the self-scan scale, then an
//! optional note; saved after every answer.

use super::engine::{Flow, Session};
use super::prompt::{NotePrompt, Prompter, Rating, RatingPrompt};
use crate::framework::{Competency, Framework, Scale};
use crate::result::{self, ResultFile, ScanResult};
use crate::{Result, t};

#[derive(Debug, Clone, Copy)]
enum Step {
    Rate { competency: usize, indicator: usize },
    Note { competency: usize },
}

pub struct ScanSession<'a> {
    competencies: Vec<&'a Competency>,
    scale: &'a Scale,
    steps: Vec<Step>,
    statement_count: usize,
    pub result: ScanResult,
    /// The result file, held (locked) for as long as the session runs.
    pub file: ResultFile,
    /// The competency whose heading was shown last, so that a resumed scan shows it too.
    heading_shown: Option<usize>,
}

impl<'a> ScanSession<'a> {
    /// A session over the competencies the result asks (all with statements, when it names none).
    pub fn new(
        framework: &'a Framework,
        scale: &'a Scale,
        result: ScanResult,
        file: ResultFile,
    ) -> Self {
        let competencies = selected_competencies(framework, &result.competencies);
        let mut steps = Vec::new();
        for (c, competency) in competencies.iter().enumerate() {
            for i in 0..competency.indicators.len() {
                steps.push(Step::Rate {
                    competency: c,
                    indicator: i,
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
        }
    }

    fn save(&mut self) -> Result<()> {
        result::save(&mut self.file, &mut self.result)
    }

    fn statement_number(&self, index: usize) -> usize {
        self.steps[..=index]
            .iter()
            .filter(|s| matches!(s, Step::Rate { .. }))
            .count()
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

/// The competencies a scan asks, in framework order: the named ones, or all with statements.
pub fn selected_competencies<'a>(framework: &'a Framework, ids: &[String]) -> Vec<&'a Competency> {
    framework
        .competencies
        .iter()
        .filter(|c| !c.indicators.is_empty())
        .filter(|c| ids.is_empty() || ids.contains(&c.id))
        .collect()
}

impl Session for ScanSession<'_> {
    fn step_count(&self) -> usize {
        self.steps.len()
    }

    fn first_step(&self) -> usize {
        let unanswered = self.steps.iter().position(|step| match step {
            Step::Rate {
                competency,
                indicator,
            } => {
                let id = &self.competencies[*competency].indicators[*indicator].id;
                !self.result.answers.contains_key(id)
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
                        .notes
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
            } => {
                if (indicator == 0 || self.heading_shown != Some(competency))
                    && prompter.interactive()
                {
                    prompter.show(&self.heading(competency))?;
                    self.heading_shown = Some(competency);
                }
                let item = &self.competencies[competency].indicators[indicator];
                let progress = t!(
                    "scan.progress",
                    competency = competency + 1,
                    competencies = self.competencies.len(),
                    statement = self.statement_number(index),
                    statements = self.statement_count
                );
                let prompt = RatingPrompt {
                    item_id: &item.id,
                    text: &item.text,
                    scale: self.scale,
                    previous: self.result.answers.get(&item.id).copied(),
                    progress,
                };
                match prompter.rate(&prompt)? {
                    Rating::Answer(answer) => {
                        self.result.answers.insert(item.id.clone(), answer);
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
                    question: t!(
                        "scan.note_question",
                        competency = competency.name.trim_end_matches('.')
                    ),
                    previous: self.result.notes.get(&competency.id).map(String::as_str),
                };
                let input = prompter.note(&prompt)?;
                if let Some(text) = input.text {
                    if text.is_empty() {
                        self.result.notes.remove(&competency.id);
                    } else {
                        self.result.notes.insert(competency.id.clone(), text);
                    }
                    self.save()?;
                }
                Ok(input.then)
            }
        }
    }

    fn finish(&mut self) -> Result<()> {
        self.result.complete = true;
        self.save()
    }
}
