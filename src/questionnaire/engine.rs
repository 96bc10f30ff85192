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
    /// Nothing to ask at this step (e.g. notes when no question was asked): keep going in
    /// the direction of travel.
    Skip,
    /// Go to step `n` (from a review, back to what is to be changed) and on from there.
    Jump(usize),
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
    let mut forward = true;
    while index < session.step_count() {
        match session.ask(index, prompter)? {
            Flow::Next => {
                forward = true;
                index += 1;
            }
            // Back at the first step asks it again.
            Flow::Back => {
                forward = false;
                index = index.saturating_sub(1);
            }
            // A step with nothing to ask is passed in the direction of travel; at the very
            // start there is nowhere further back, so the walk turns around.
            Flow::Skip if forward || index == 0 => {
                forward = true;
                index += 1;
            }
            Flow::Skip => index -= 1,
            Flow::Jump(to) => {
                forward = true;
                index = to;
            }
            Flow::Quit => return Ok(Outcome::Stopped),
        }
    }
    session.finish()?;
    Ok(Outcome::Complete)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::prompt::LinePrompter;

    /// A session of `count` steps whose answers are scripted; step 2 has nothing to ask.
    struct Scripted {
        count: usize,
        script: Vec<Flow>,
        visited: Vec<usize>,
        finished: bool,
    }

    impl Session for Scripted {
        fn step_count(&self) -> usize {
            self.count
        }
        fn first_step(&self) -> usize {
            0
        }
        fn ask(&mut self, index: usize, _: &mut dyn Prompter) -> Result<Flow> {
            self.visited.push(index);
            if index == 2 {
                return Ok(Flow::Skip);
            }
            Ok(if self.script.is_empty() {
                Flow::Next
            } else {
                self.script.remove(0)
            })
        }
        fn finish(&mut self) -> Result<()> {
            self.finished = true;
            Ok(())
        }
    }

    #[test]
    fn the_walk_goes_back_skips_in_the_direction_of_travel_and_stops() {
        let mut prompter = LinePrompter::new(&b""[..], "test");
        // 0 next, 1 next, 2 skip, 3 back, 2 skipped backwards, 1 back, 0 back (asked again),
        // then forward to the end.
        let mut session = Scripted {
            count: 4,
            script: vec![Flow::Next, Flow::Next, Flow::Back, Flow::Back, Flow::Back],
            visited: vec![],
            finished: false,
        };
        let outcome = run(&mut session, &mut prompter).unwrap();
        assert_eq!(outcome, Outcome::Complete);
        assert!(session.finished);
        assert_eq!(session.visited, [0, 1, 2, 3, 2, 1, 0, 0, 1, 2, 3]);

        let mut stopped = Scripted {
            count: 4,
            script: vec![Flow::Next, Flow::Quit],
            visited: vec![],
            finished: false,
        };
        assert_eq!(run(&mut stopped, &mut prompter).unwrap(), Outcome::Stopped);
        assert!(!stopped.finished);
    }
}
