//! The interview session of one interviewer: per competency the questions asked, a note per
//! question, the indicators observed and a rating (suggested by the ticks, decided by the
//! interviewer); then the overall advice and its motivation. It shows only this interviewer's
//! own file: independent ratings, combined mechanically afterwards, predict better.

use super::engine::{Flow, Session};
use super::prompt::{Choice, ChoicePrompt, Chosen, PickPrompt, Picked, Prompter, TextPrompt};
use crate::framework::{Competency, Framework, Scale};
use crate::result::interview::{self, Advice, CompetencyRecord, InterviewResult, Rating};
use crate::result::{self, ResultFile};
use crate::score::suggested_rating;
use crate::{Result, t};

#[derive(Debug, Clone, Copy)]
enum Step {
    Questions(usize),
    Notes(usize),
    Observed(usize),
    Rate(usize),
    Advice,
    Motivation,
}

pub struct InterviewSession<'a> {
    competencies: Vec<&'a Competency>,
    scale: &'a Scale,
    steps: Vec<Step>,
    pub result: InterviewResult,
    /// The result file, held (locked) for as long as the session runs.
    pub file: ResultFile,
    /// The step asked last, to tell coming back to a step from arriving at it.
    last_asked: Option<usize>,
}

/// The competencies an interview asks, in framework order: the named ones, or all with questions.
pub fn selected_competencies<'a>(framework: &'a Framework, ids: &[String]) -> Vec<&'a Competency> {
    framework
        .competencies
        .iter()
        .filter(|c| !c.questions.is_empty())
        .filter(|c| ids.is_empty() || ids.contains(&c.id))
        .collect()
}

impl<'a> InterviewSession<'a> {
    pub fn new(
        framework: &'a Framework,
        scale: &'a Scale,
        result: InterviewResult,
        file: ResultFile,
    ) -> Self {
        let competencies = selected_competencies(framework, &result.competencies);
        let mut steps = Vec::new();
        for c in 0..competencies.len() {
            steps.extend([
                Step::Questions(c),
                Step::Notes(c),
                Step::Observed(c),
                Step::Rate(c),
            ]);
        }
        steps.extend([Step::Advice, Step::Motivation]);
        InterviewSession {
            competencies,
            scale,
            steps,
            result,
            file,
            last_asked: None,
        }
    }

    fn save(&mut self) -> Result<()> {
        result::save(&mut self.file, &mut self.result)
    }

    fn record(&mut self, c: usize) -> &mut CompetencyRecord {
        let id = self.competencies[c].id.clone();
        self.result.ratings.entry(id).or_default()
    }

    fn progress(&self, c: usize) -> String {
        t!(
            "interview.progress",
            competency = c + 1,
            competencies = self.competencies.len(),
            name = &self.competencies[c].name
        )
    }

    /// Name, definition, TMA drivers and remarks: what the interviewer reads first.
    fn heading(&self, c: usize) -> String {
        let competency = self.competencies[c];
        let mut text = format!("\n━━ {} ━━", competency.name);
        if let Some(definition) = &competency.definition {
            text.push_str(&format!("\n{definition}"));
        }
        if !competency.drivers.is_empty() {
            let drivers: Vec<String> = competency
                .drivers
                .iter()
                .map(|d| {
                    if d.inverse {
                        format!("{} ({})", d.name, t!("show.inverse"))
                    } else {
                        d.name.clone()
                    }
                })
                .collect();
            text.push_str(&format!("\n{}: {}", t!("show.drivers"), drivers.join(", ")));
        }
        for remark in &competency.remarks {
            text.push_str(&format!("\n! {remark}"));
        }
        text
    }

    fn ask_questions(&mut self, c: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        if prompter.interactive() {
            prompter.show(&self.heading(c))?;
        }
        let competency = self.competencies[c];
        let options: Vec<String> = competency
            .questions
            .iter()
            .map(|q| q.text.clone())
            .collect();
        let previous = indices(&competency.questions, &self.record(c).asked);
        let prompt = PickPrompt {
            id: format!("{}.questions", competency.id),
            title: t!("interview.pick_questions"),
            options: &options,
            previous: &previous,
            progress: self.progress(c),
        };
        match prompter.pick(&prompt)? {
            Picked::Indices(chosen) => {
                let asked: Vec<String> = chosen
                    .iter()
                    .map(|&i| competency.questions[i].id.clone())
                    .collect();
                let record = self.record(c);
                record.notes.retain(|id, _| asked.contains(id));
                record.asked = asked;
                self.save()?;
                Ok(Flow::Next)
            }
            Picked::Back => Ok(Flow::Back),
            Picked::Quit => Ok(Flow::Quit),
        }
    }

    /// A note per asked question; going back from the first note goes to the question list.
    /// Coming back from the indicators starts at the last note, the one written just before.
    fn ask_notes(
        &mut self,
        c: usize,
        backwards: bool,
        prompter: &mut dyn Prompter,
    ) -> Result<Flow> {
        let competency = self.competencies[c];
        let asked = self.record(c).asked.clone();
        if asked.is_empty() {
            return Ok(Flow::Skip);
        }
        let mut index = if backwards { asked.len() - 1 } else { 0 };
        while index < asked.len() {
            let Some(question) = competency.questions.iter().find(|q| q.id == asked[index]) else {
                index += 1;
                continue;
            };
            let previous = self.record(c).notes.get(&question.id).cloned();
            let prompt = TextPrompt {
                id: format!("{}.notes.{}", competency.id, question.id),
                title: format!("{}\n  {}", question.text, t!("interview.star_hint")),
                previous: previous.as_deref(),
                multiline: true,
            };
            let input = prompter.text(&prompt)?;
            if let Some(text) = input.text {
                let record = self.record(c);
                if text.is_empty() {
                    record.notes.remove(&question.id);
                } else {
                    record.notes.insert(question.id.clone(), text);
                }
                self.save()?;
            }
            match input.then {
                Flow::Back if index == 0 => return Ok(Flow::Back),
                Flow::Back => index -= 1,
                Flow::Quit => return Ok(Flow::Quit),
                Flow::Next | Flow::Skip => index += 1,
            }
        }
        Ok(Flow::Next)
    }

    fn ask_observed(&mut self, c: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        let competency = self.competencies[c];
        let options: Vec<String> = competency
            .indicators
            .iter()
            .map(|i| i.text.clone())
            .collect();
        if options.is_empty() {
            return Ok(Flow::Skip);
        }
        let previous = indices(&competency.indicators, &self.record(c).observed);
        let prompt = PickPrompt {
            id: format!("{}.observed", competency.id),
            title: t!("interview.pick_observed"),
            options: &options,
            previous: &previous,
            progress: self.progress(c),
        };
        match prompter.pick(&prompt)? {
            Picked::Indices(chosen) => {
                let observed = chosen
                    .iter()
                    .map(|&i| competency.indicators[i].id.clone())
                    .collect();
                self.record(c).observed = observed;
                self.save()?;
                Ok(Flow::Next)
            }
            Picked::Back => Ok(Flow::Back),
            Picked::Quit => Ok(Flow::Quit),
        }
    }

    fn ask_rating(&mut self, c: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        let competency = self.competencies[c];
        let observed = self.record(c).observed.len();
        // Nothing asked and nothing seen: the competency did not come up, so there is nothing
        // to suggest, and "niet beoordeeld" is preselected rather than the lowest rating.
        let came_up = !self.record(c).asked.is_empty() || observed > 0;
        let suggestion = suggested_rating(
            observed,
            competency.indicators.len(),
            self.scale.min(),
            self.scale.max(),
        )
        .filter(|_| came_up);
        let mut choices: Vec<Choice> = self
            .scale
            .points
            .iter()
            .map(|p| Choice {
                key: char::from(b'0' + p.value),
                label: format!("{} {}", p.value, p.label),
                detail: p.anchor.clone(),
                aliases: Vec::new(),
            })
            .collect();
        choices.push(Choice {
            key: '0',
            label: format!("0 {}", t!("interview.not_rated")),
            detail: Some(t!("interview.not_rated_detail")),
            aliases: vec![interview::NOT_RATED.to_string(), t!("interview.not_rated")],
        });
        let previous = match self.record(c).rating {
            Some(Rating::Score(value)) => choices
                .iter()
                .position(|ch| ch.key == char::from(b'0' + value)),
            Some(Rating::NotRated) => Some(choices.len() - 1),
            None if !came_up => Some(choices.len() - 1),
            None => suggestion
                .and_then(|s| choices.iter().position(|ch| ch.key == char::from(b'0' + s))),
        };
        let text = match suggestion {
            Some(s) => t!(
                "interview.rate_with_suggestion",
                competency = &competency.name,
                observed = observed,
                total = competency.indicators.len(),
                suggestion = s
            ),
            None => t!("interview.rate", competency = &competency.name),
        };
        let prompt = ChoicePrompt {
            id: format!("{}.rating", competency.id),
            text: &text,
            choices: &choices,
            previous,
            progress: self.progress(c),
        };
        match prompter.choose(&prompt)? {
            Chosen::Index(index) => {
                let rating = if choices[index].key == '0' {
                    Rating::NotRated
                } else {
                    Rating::Score(choices[index].key as u8 - b'0')
                };
                self.record(c).rating = Some(rating);
                self.save()?;
                Ok(Flow::Next)
            }
            Chosen::Back => Ok(Flow::Back),
            Chosen::Quit => Ok(Flow::Quit),
        }
    }

    fn ask_advice(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        let choices: Vec<Choice> = Advice::ALL
            .iter()
            .enumerate()
            .map(|(index, advice)| Choice {
                key: char::from(b'1' + index as u8),
                label: format!("{} {}", index + 1, advice.label()),
                detail: None,
                aliases: vec![
                    serde_yaml::to_string(advice)
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                    advice.label(),
                ],
            })
            .collect();
        let previous = self
            .result
            .advice
            .and_then(|a| Advice::ALL.iter().position(|x| *x == a));
        let text = t!("interview.advice");
        let prompt = ChoicePrompt {
            id: "advice".to_string(),
            text: &text,
            choices: &choices,
            previous,
            progress: t!("interview.closing"),
        };
        match prompter.choose(&prompt)? {
            Chosen::Index(index) => {
                self.result.advice = Some(Advice::ALL[index]);
                self.save()?;
                Ok(Flow::Next)
            }
            Chosen::Back => Ok(Flow::Back),
            Chosen::Quit => Ok(Flow::Quit),
        }
    }

    fn ask_motivation(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        let previous = self.result.motivation.clone();
        let prompt = TextPrompt {
            id: "motivation".to_string(),
            title: t!("interview.motivation"),
            previous: previous.as_deref(),
            multiline: true,
        };
        let input = prompter.text(&prompt)?;
        if let Some(text) = input.text {
            self.result.motivation = (!text.is_empty()).then_some(text);
            self.save()?;
        }
        Ok(input.then)
    }
}

/// Positions of `ids` among `items`.
fn indices(items: &[crate::framework::Item], ids: &[String]) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| ids.contains(&item.id))
        .map(|(index, _)| index)
        .collect()
}

impl Session for InterviewSession<'_> {
    fn step_count(&self) -> usize {
        self.steps.len()
    }

    fn first_step(&self) -> usize {
        let unrated = self.steps.iter().position(|step| match step {
            Step::Questions(c) => self
                .result
                .ratings
                .get(&self.competencies[*c].id)
                .is_none_or(|r| r.rating.is_none()),
            Step::Advice => self.result.advice.is_none(),
            _ => false,
        });
        unrated.unwrap_or(self.steps.len().saturating_sub(1))
    }

    fn ask(&mut self, index: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        let backwards = self.last_asked.is_some_and(|last| last > index);
        self.last_asked = Some(index);
        match self.steps[index] {
            Step::Questions(c) => self.ask_questions(c, prompter),
            Step::Notes(c) => self.ask_notes(c, backwards, prompter),
            Step::Observed(c) => self.ask_observed(c, prompter),
            Step::Rate(c) => self.ask_rating(c, prompter),
            Step::Advice => self.ask_advice(prompter),
            Step::Motivation => self.ask_motivation(prompter),
        }
    }

    fn finish(&mut self) -> Result<()> {
        self.result.complete = true;
        self.save()
    }
}
