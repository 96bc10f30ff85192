//! The questionnaire engine: walks a list of steps, asks each through a `Prompter`, goes back
//! and forth, and has the session save after every confirmed step. Scans and interviews are
//! sessions; they differ in what a step asks, not in how the walk goes.

use super::prompt::Prompter;
use crate::Result;

/// What happened at a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// The step was answered (and saved); go on.
    Next,
    /// Go back to the previous step.
    Back,
    /// Stop here; everything confirmed so far is saved.
    Quit,
}

/// How a walk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Complete,
    Stopped,
}

/// A questionnaire being filled in.
pub trait Session {
    fn step_count(&self) -> usize;
    /// The step to begin with (the first unanswered one when resuming).
    fn first_step(&self) -> usize;
    /// Asks step `index` and records (and saves) the answer.
    fn ask(&mut self, index: usize, prompter: &mut dyn Prompter) -> Result<Flow>;
    /// Marks the session complete and saves it.
    fn finish(&mut self) -> Result<()>;
}

/// Walks `session` from its first step to the end, or until the person stops.
pub fn run(session: &mut dyn Session, prompter: &mut dyn Prompter) -> Result<Outcome> {
    let mut index = session.first_step();
    while index < session.step_count() {
        match session.ask(index, prompter)? {
            Flow::Next => index += 1,
            Flow::Back => index = index.saturating_sub(1),
            Flow::Quit => return Ok(Outcome::Stopped),
        }
    }
    session.finish()?;
    Ok(Outcome::Complete)
}
