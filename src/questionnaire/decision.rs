//! The panel's decision session (`vakwijzer decide`): after the discussion, per competency the
//! agreed rating (the mechanical mean and each interviewer's rating shown, the mean rounded
//! preselected) and the reason; then the final advice, the decision, its motivation, who took
//! part and the day. Saved after every answer; `--resume` asks what is still open.

use super::engine::{Flow, Session};
use super::interview::{
    advice_choices, choose_one, chosen_rating, numbered_choices, rating_choices,
};
use super::prompt::{Choice, ChoicePrompt, Chosen, NoteInput, Prompter, TextPrompt};
use crate::framework::Scale;
use crate::render::number;
use crate::result::ResultFile;
use crate::result::decision::{Decision, DecisionResult};
use crate::result::interview::{Advice, Rating};
use crate::{Error, Result, t};

/// A competency to agree on, as the panel's interviews left it.
#[derive(Debug, Clone)]
pub struct Discussed {
    pub id: String,
    pub name: String,
    /// The mechanical mean of the interviewers' ratings.
    pub mean: Option<f64>,
    /// "Ans de Groot 2, Pieter Smit 4".
    pub ratings: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Rate(usize),
    Reason(usize),
    Advice,
    Decision,
    Motivation,
    Participants,
    Date,
}

pub struct DecisionSession<'a> {
    discussed: Vec<Discussed>,
    scale: &'a Scale,
    steps: Vec<Step>,
    pub result: DecisionResult,
    /// The decision file, held (locked) for as long as the session runs.
    pub file: ResultFile,
}

impl<'a> DecisionSession<'a> {
    pub fn new(
        discussed: Vec<Discussed>,
        scale: &'a Scale,
        result: DecisionResult,
        file: ResultFile,
    ) -> Self {
        let mut steps: Vec<Step> = (0..discussed.len())
            .flat_map(|c| [Step::Rate(c), Step::Reason(c)])
            .collect();
        steps.extend([
            Step::Advice,
            Step::Decision,
            Step::Motivation,
            Step::Participants,
            Step::Date,
        ]);
        DecisionSession {
            discussed,
            scale,
            steps,
            result,
            file,
        }
    }

    fn save(&mut self) -> Result<()> {
        crate::result::save(&mut self.file, &mut self.result)
    }

    fn agreed(&mut self, c: usize) -> &mut crate::result::decision::Agreed {
        let id = self.discussed[c].id.clone();
        self.result.agreed.entry(id).or_default()
    }

    fn ask_rating(&mut self, c: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        let discussed = self.discussed[c].clone();
        let choices = rating_choices(self.scale);
        let key_of = |value: u8| {
            choices
                .iter()
                .position(|ch| ch.key == char::from(b'0' + value))
        };
        let previous = match self.agreed(c).rating {
            Some(Rating::Score(value)) => key_of(value),
            Some(Rating::NotRated) => Some(choices.len() - 1),
            // The mean, rounded, is where the discussion starts.
            None => discussed.mean.and_then(|m| key_of(m.round() as u8)),
        };
        let text = t!(
            "decide.rate",
            competency = &discussed.name,
            mean = number(discussed.mean),
            ratings = &discussed.ratings
        );
        let prompt = ChoicePrompt {
            id: format!("{}.rating", discussed.id),
            text: &text,
            choices: &choices,
            previous,
            progress: t!(
                "decide.progress",
                competency = c + 1,
                competencies = self.discussed.len()
            ),
            compact: c > 0,
        };
        match prompter.choose(&prompt)? {
            Chosen::Index(index) => {
                self.agreed(c).rating = Some(chosen_rating(&choices[index]));
                self.save()?;
                Ok(Flow::Next)
            }
            Chosen::Back => Ok(Flow::Back),
            Chosen::Quit => Ok(Flow::Quit),
        }
    }

    /// A line of text; nothing typed keeps what was there (none: nothing), an emptied text is
    /// removed.
    fn ask_text(
        &mut self,
        id: String,
        title: String,
        previous: Option<String>,
        multiline: bool,
        prompter: &mut dyn Prompter,
        set: impl Fn(&mut DecisionResult, Option<String>),
    ) -> Result<Flow> {
        let prompt = TextPrompt {
            id,
            title,
            previous: previous.as_deref(),
            multiline,
        };
        let NoteInput { text, then } = prompter.text(&prompt)?;
        if let Some(text) = text {
            let text = text.trim().to_string();
            set(&mut self.result, (!text.is_empty()).then_some(text));
            self.save()?;
        }
        Ok(then)
    }

    fn ask_reason(&mut self, c: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        let id = self.discussed[c].id.clone();
        let previous = self.agreed(c).reason.clone();
        let title = t!("decide.reason", competency = &self.discussed[c].name);
        let key = id.clone();
        self.ask_text(
            format!("{id}.reason"),
            title,
            previous,
            false,
            prompter,
            move |r, text| r.agreed.entry(key.clone()).or_default().reason = text,
        )
    }

    fn ask_advice(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        let (text, choices) = (t!("decide.advice"), advice_choices());
        self.ask_one(prompter, "advice", &text, &choices, &Advice::ALL, |r| {
            &mut r.advice
        })
    }

    fn ask_decision(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        let text = t!("decide.decision");
        let choices = numbered_choices(&Decision::ALL, Decision::id, Decision::label);
        self.ask_one(prompter, "decision", &text, &choices, &Decision::ALL, |r| {
            &mut r.decision
        })
    }

    /// Asks for one of `all` (`choose_one`), the one in `field` preselected, and saves the one
    /// chosen there.
    fn ask_one<T: Copy + PartialEq>(
        &mut self,
        prompter: &mut dyn Prompter,
        id: &str,
        text: &str,
        choices: &[Choice],
        all: &[T],
        field: fn(&mut DecisionResult) -> &mut Option<T>,
    ) -> Result<Flow> {
        let current = *field(&mut self.result);
        let (chosen, flow) = choose_one(prompter, id, text, "", choices, all, current)?;
        if let Some(chosen) = chosen {
            *field(&mut self.result) = Some(chosen);
            self.save()?;
        }
        Ok(flow)
    }

    /// Who took part: names separated by commas; nothing typed is the interviewers.
    fn ask_participants(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        let previous = self
            .result
            .participants
            .clone()
            .unwrap_or_else(|| self.result.interviewers.clone());
        let prompt = TextPrompt {
            id: "participants".to_string(),
            title: t!("decide.participants", default = previous.join(", ")),
            previous: None,
            multiline: false,
        };
        let NoteInput { text, then } = prompter.text(&prompt)?;
        let names: Vec<String> = match text {
            Some(text) => text
                .split(',')
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect(),
            None if then == Flow::Next => previous.clone(),
            None => return Ok(then),
        };
        self.result.participants = Some(if names.is_empty() { previous } else { names });
        self.save()?;
        Ok(then)
    }

    /// The day of the discussion, `YYYY-MM-DD`; nothing typed is today.
    fn ask_date(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        let today = crate::layout::day(&crate::result::now());
        let previous = self.result.decided.clone().unwrap_or(today);
        loop {
            let prompt = TextPrompt {
                id: "date".to_string(),
                title: t!("decide.date", default = &previous),
                previous: None,
                multiline: false,
            };
            let NoteInput { text, then } = prompter.text(&prompt)?;
            let date = match text.map(|t| t.trim().to_string()) {
                Some(text) if !text.is_empty() => text,
                _ if then == Flow::Next => previous.clone(),
                _ => return Ok(then),
            };
            if is_date(&date) {
                self.result.decided = Some(date);
                self.save()?;
                return Ok(then);
            }
            let message = t!("decide.not_a_date", date = &date);
            if !prompter.interactive() {
                return Err(Error::Usage(format!("date: {message}")));
            }
            prompter.show(&message)?;
        }
    }

    fn answered(&self, step: Step) -> bool {
        match step {
            Step::Rate(c) => self
                .result
                .agreed
                .get(&self.discussed[c].id)
                .is_some_and(|a| a.rating.is_some()),
            Step::Advice => self.result.advice.is_some(),
            Step::Decision => self.result.decision.is_some(),
            Step::Participants => self.result.participants.is_some(),
            Step::Date => self.result.decided.is_some(),
            // Optional texts: gone on with past them.
            Step::Reason(_) | Step::Motivation => true,
        }
    }
}

/// `YYYY-MM-DD` with a month and day that can be.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(year, 4), number(month, 2), number(day, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

impl Session for DecisionSession<'_> {
    fn step_count(&self) -> usize {
        self.steps.len()
    }

    fn first_step(&self) -> usize {
        self.steps
            .iter()
            .position(|s| !self.answered(*s))
            .unwrap_or(self.steps.len().saturating_sub(1))
    }

    fn ask(&mut self, index: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        match self.steps[index] {
            Step::Rate(c) => self.ask_rating(c, prompter),
            Step::Reason(c) => self.ask_reason(c, prompter),
            Step::Advice => self.ask_advice(prompter),
            Step::Decision => self.ask_decision(prompter),
            Step::Motivation => {
                let previous = self.result.motivation.clone();
                self.ask_text(
                    "motivation".to_string(),
                    t!("decide.motivation"),
                    previous,
                    true,
                    prompter,
                    |r, text| r.motivation = text,
                )
            }
            Step::Participants => self.ask_participants(prompter),
            Step::Date => self.ask_date(prompter),
        }
    }

    fn finish(&mut self) -> Result<()> {
        self.result.complete = true;
        self.save()
    }
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn dates_are_days_of_the_calendar_format() {
        assert!(is_date("2026-10-08"));
        for bad in [
            "2026-13-01",
            "8-10-2026",
            "2026-10-8",
            "gisteren",
            "2026-10-08x",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
