//! The interview session of one interviewer: per competency the questions asked, a note per
//! question, the indicators observed and a rating (suggested by the ticks, decided by the
//! interviewer); then the overall advice and its motivation; at a terminal, last, a review of
//! every competency from which the interviewer goes back to change one before finishing. The
//! rating scale with its anchors is shown in full the first time, then as a one-line reminder
//! (`?` shows it again). It shows only this interviewer's own file: independent ratings,
//! combined mechanically afterwards, predict better.

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
    Review,
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
    /// Whether the scale has been shown in full in this session.
    scale_shown: bool,
    /// Whether the interviewer came from the review to change a competency: its rating then
    /// leads back there.
    from_review: bool,
}

/// The advices to choose from, keyed 1 to 5; in piped input also by their id or label.
pub fn advice_choices() -> Vec<Choice> {
    numbered_choices(&Advice::ALL, Advice::id, Advice::label)
}

/// One choice for each of `all`, numbered from 1 and chosen by its number, its id or its label.
pub fn numbered_choices<T: Copy>(
    all: &[T],
    id: fn(T) -> &'static str,
    label: fn(T) -> String,
) -> Vec<Choice> {
    all.iter()
        .enumerate()
        .map(|(index, &item)| Choice {
            key: char::from(b'1' + index as u8),
            label: format!("{} {}", index + 1, label(item)),
            detail: None,
            aliases: vec![id(item).to_string(), label(item)],
        })
        .collect()
}

/// Asks for one of `all` (offered as `choices`, one each, `current` preselected): the one
/// chosen and on, or nothing and back or quit.
pub fn choose_one<T: Copy + PartialEq>(
    prompter: &mut dyn Prompter,
    id: &str,
    text: &str,
    progress: &str,
    choices: &[Choice],
    all: &[T],
    current: Option<T>,
) -> Result<(Option<T>, Flow)> {
    let prompt = ChoicePrompt {
        id: id.to_string(),
        text,
        choices,
        previous: current.and_then(|c| all.iter().position(|x| *x == c)),
        progress: progress.to_string(),
        compact: false,
    };
    Ok(match prompter.choose(&prompt)? {
        Chosen::Index(index) => (Some(all[index]), Flow::Next),
        Chosen::Back => (None, Flow::Back),
        Chosen::Quit => (None, Flow::Quit),
    })
}

/// The rating choices of `scale`: a key per point with its anchor, and `0` for "niet
/// beoordeeld".
pub fn rating_choices(scale: &Scale) -> Vec<Choice> {
    let mut choices: Vec<Choice> = scale
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
    choices
}

/// The rating a choice of [`rating_choices`] stands for.
pub fn chosen_rating(choice: &Choice) -> Rating {
    if choice.key == '0' {
        Rating::NotRated
    } else {
        Rating::Score(choice.key as u8 - b'0')
    }
}

impl<'a> InterviewSession<'a> {
    pub fn new(
        framework: &'a Framework,
        scale: &'a Scale,
        result: InterviewResult,
        file: ResultFile,
    ) -> Self {
        let competencies = framework.interview_competencies(&result.competencies);
        let mut steps = Vec::new();
        for c in 0..competencies.len() {
            steps.extend([
                Step::Questions(c),
                Step::Notes(c),
                Step::Observed(c),
                Step::Rate(c),
            ]);
        }
        steps.extend([Step::Advice, Step::Motivation, Step::Review]);
        InterviewSession {
            competencies,
            scale,
            steps,
            result,
            file,
            last_asked: None,
            scale_shown: false,
            from_review: false,
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
                Flow::Next | Flow::Skip | Flow::Jump(_) => index += 1,
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
        let choices = rating_choices(self.scale);
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
            compact: self.scale_shown,
        };
        self.scale_shown = true;
        match prompter.choose(&prompt)? {
            Chosen::Index(index) => {
                self.record(c).rating = Some(chosen_rating(&choices[index]));
                self.save()?;
                if std::mem::take(&mut self.from_review) {
                    return Ok(Flow::Jump(self.steps.len() - 1));
                }
                Ok(Flow::Next)
            }
            Chosen::Back => Ok(Flow::Back),
            Chosen::Quit => Ok(Flow::Quit),
        }
    }

    fn ask_advice(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        let text = t!("interview.advice");
        let progress = t!("interview.closing");
        let (chosen, flow) = choose_one(
            prompter,
            "advice",
            &text,
            &progress,
            &advice_choices(),
            &Advice::ALL,
            self.result.advice,
        )?;
        if let Some(advice) = chosen {
            self.result.advice = Some(advice);
            self.save()?;
        }
        Ok(flow)
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

impl InterviewSession<'_> {
    /// What was recorded for competency `c`, in one line: rating, ticked indicators, notes.
    fn summary(&self, c: usize) -> String {
        let competency = self.competencies[c];
        let record = self.result.ratings.get(&competency.id);
        let rating = match record.and_then(|r| r.rating) {
            Some(Rating::Score(value)) => {
                let label = self.scale.points.iter().find(|p| p.value == value);
                label.map_or(value.to_string(), |p| format!("{} {}", p.value, p.label))
            }
            Some(Rating::NotRated) => t!("interview.not_rated"),
            None => "—".to_string(),
        };
        let observed = indices(
            &competency.indicators,
            record.map_or(&[][..], |r| &r.observed),
        );
        let numbers: Vec<String> = observed.iter().map(|i| (i + 1).to_string()).collect();
        let notes = record.map_or(0, |r| r.notes.values().filter(|n| !n.is_empty()).count());
        t!(
            "interview.review_line",
            rating = rating,
            indicators = if numbers.is_empty() {
                "—".to_string()
            } else {
                numbers.join(", ")
            },
            observed = observed.len(),
            total = competency.indicators.len(),
            notes = notes
        )
    }

    /// Every competency's rating, ticks and notes, and the advice; a competency's number goes
    /// back to it (and from its rating straight back here), `a` to the advice, Enter finishes.
    /// Piped input has no review: its format stays one line per step.
    fn ask_review(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        if !prompter.interactive() {
            return Ok(Flow::Skip);
        }
        const KEYS: &str = "123456789cdefghijlmnoprstuvwxyz";
        let mut choices: Vec<Choice> = self
            .competencies
            .iter()
            .enumerate()
            .zip(KEYS.chars())
            .map(|((c, competency), key)| Choice {
                key,
                label: format!("{key} {}", competency.name),
                detail: Some(self.summary(c)),
                aliases: Vec::new(),
            })
            .collect();
        let advice = match self.result.advice {
            Some(advice) => advice.label(),
            None => "—".to_string(),
        };
        let motivation = if self.result.motivation.is_some() {
            t!("word.yes")
        } else {
            t!("word.no")
        };
        choices.push(Choice {
            key: 'a',
            label: t!("interview.review_advice"),
            detail: Some(t!(
                "interview.review_advice_line",
                advice = advice,
                motivation = motivation
            )),
            aliases: Vec::new(),
        });
        choices.push(Choice {
            key: 'k',
            label: t!("interview.review_done"),
            detail: None,
            aliases: Vec::new(),
        });
        let text = t!("interview.review");
        let prompt = ChoicePrompt {
            id: "review".to_string(),
            text: &text,
            choices: &choices,
            previous: Some(choices.len() - 1),
            progress: t!("interview.closing"),
            compact: false,
        };
        match prompter.choose(&prompt)? {
            Chosen::Index(index) if index < self.competencies.len() => {
                self.from_review = true;
                let step = self
                    .steps
                    .iter()
                    .position(|s| matches!(s, Step::Questions(c) if *c == index));
                Ok(Flow::Jump(step.unwrap_or(0)))
            }
            Chosen::Index(index) if index == self.competencies.len() => {
                let step = self.steps.iter().position(|s| matches!(s, Step::Advice));
                Ok(Flow::Jump(step.unwrap_or(0)))
            }
            Chosen::Index(_) => Ok(Flow::Next),
            Chosen::Back => Ok(Flow::Back),
            Chosen::Quit => Ok(Flow::Quit),
        }
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
        // Everything rated and advised: on at the motivation, then the review.
        unrated.unwrap_or(self.steps.len().saturating_sub(2))
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
            Step::Review => self.ask_review(prompter),
        }
    }

    fn finish(&mut self) -> Result<()> {
        self.result.complete = true;
        self.save()
    }
}
