//! The development plan session (`vakwijzer plan`): choose from the scan's development points,
//! then per chosen competency the goal, one to three actions (picked from the suggestions or
//! typed), by when, with whom, how the person will notice; then, if wanted, a core quadrant.
//! Saved after every answer; `--resume` asks what is still open.

use super::engine::{Flow, Session};
use super::prompt::{
    Choice, ChoicePrompt, Chosen, NoteInput, PickPrompt, Picked, Prompter, TextPrompt,
};
use crate::result::ResultFile;
use crate::result::plan::{Goal, MAX_ACTIONS, PlanResult, QUADRANT_FIELDS};
use crate::{Error, Result, t};

/// A competency the plan may take up: its id, the label it is offered with, and the actions
/// suggested for it (the schooling methods its development point names).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub label: String,
    pub suggestions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Goal,
    Suggested,
    Typed,
    By,
    Support,
    Evidence,
}

const FIELDS: [Field; 6] = [
    Field::Goal,
    Field::Suggested,
    Field::Typed,
    Field::By,
    Field::Support,
    Field::Evidence,
];

#[derive(Debug, Clone, Copy)]
enum Step {
    Choose,
    Goal(usize, Field),
    QuadrantWanted,
    Quadrant(usize),
}

pub struct PlanSession {
    candidates: Vec<Candidate>,
    pub result: PlanResult,
    /// The plan file, held (locked) for as long as the session runs.
    pub file: ResultFile,
}

impl PlanSession {
    pub fn new(candidates: Vec<Candidate>, result: PlanResult, file: ResultFile) -> Self {
        PlanSession {
            candidates,
            result,
            file,
        }
    }

    fn save(&mut self) -> Result<()> {
        crate::result::save(&mut self.file, &mut self.result)
    }

    /// The steps as the plan stands: the goals follow from what was chosen.
    fn steps(&self) -> Vec<Step> {
        let mut steps = vec![Step::Choose];
        for g in 0..self.result.goals.len() {
            steps.extend(FIELDS.iter().map(|f| Step::Goal(g, *f)));
        }
        steps.push(Step::QuadrantWanted);
        steps.extend((0..QUADRANT_FIELDS.len()).map(Step::Quadrant));
        steps
    }

    fn answered(&self, step: Step) -> bool {
        match step {
            Step::Choose => self.result.chosen.is_some(),
            Step::Goal(g, field) => {
                let goal = &self.result.goals[g];
                match field {
                    Field::Goal => goal.goal.is_some(),
                    Field::Suggested => goal.actions.is_some(),
                    // Typed actions are done once the next question was answered.
                    Field::Typed => goal.by.is_some() || actions(goal).len() >= MAX_ACTIONS,
                    Field::By => goal.by.is_some(),
                    Field::Support => goal.support.is_some(),
                    Field::Evidence => goal.evidence.is_some(),
                }
            }
            Step::QuadrantWanted => self.result.quadrant_wanted.is_some(),
            Step::Quadrant(f) => {
                self.result.quadrant_wanted == Some(false)
                    || self.result.quadrant.field(QUADRANT_FIELDS[f]).is_some()
            }
        }
    }

    fn candidate(&self, id: &str) -> Option<&Candidate> {
        self.candidates.iter().find(|c| c.id == id)
    }

    fn choose(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        let options: Vec<String> = self.candidates.iter().map(|c| c.label.clone()).collect();
        let previous: Vec<usize> = self
            .result
            .chosen
            .iter()
            .flatten()
            .filter_map(|id| self.candidates.iter().position(|c| &c.id == id))
            .collect();
        loop {
            let prompt = PickPrompt {
                id: "kies".to_string(),
                title: t!("plan.ask_points"),
                options: &options,
                previous: &previous,
                progress: String::new(),
            };
            let picks = match prompter.pick(&prompt)? {
                Picked::Indices(picks) => picks,
                Picked::Back => return Ok(Flow::Back),
                Picked::Quit => return Ok(Flow::Quit),
            };
            if picks.is_empty() {
                if !prompter.interactive() {
                    return Err(Error::Usage(t!("plan.none_chosen")));
                }
                prompter.show(&t!("plan.none_chosen"))?;
                continue;
            }
            let chosen: Vec<String> = picks
                .iter()
                .map(|&i| self.candidates[i].id.clone())
                .collect();
            // What was written for a competency still chosen is kept.
            let mut goals = Vec::new();
            for id in &chosen {
                let kept = self.result.goals.iter().find(|g| &g.competency == id);
                goals.push(kept.cloned().unwrap_or_else(|| Goal {
                    competency: id.clone(),
                    ..Goal::default()
                }));
            }
            self.result.goals = goals;
            self.result.chosen = Some(chosen);
            self.save()?;
            return Ok(Flow::Next);
        }
    }

    fn ask_goal(&mut self, g: usize, field: Field, prompter: &mut dyn Prompter) -> Result<Flow> {
        let id = self.result.goals[g].competency.clone();
        let (name, suggestions) = match self.candidate(&id) {
            Some(c) => (c.name.clone(), c.suggestions.clone()),
            None => (id.clone(), Vec::new()),
        };
        if field == Field::Goal && prompter.interactive() {
            prompter.show(&format!(
                "\n━━ {} ({}/{}) ━━",
                name,
                g + 1,
                self.result.goals.len()
            ))?;
        }
        match field {
            Field::Suggested => self.pick_actions(g, &id, &suggestions, prompter),
            Field::Typed => self.type_actions(g, &id, prompter),
            _ => {
                let (key, question, required) = match field {
                    Field::Goal => ("doel", t!("plan.ask_goal", competency = &name), true),
                    Field::By => ("wanneer", t!("plan.ask_by"), false),
                    Field::Support => ("steun", t!("plan.ask_support"), false),
                    _ => ("merkbaar", t!("plan.ask_evidence"), false),
                };
                let previous = goal_slot(&mut self.result.goals[g], field).clone();
                let prompt_id = format!("{id}.{key}");
                self.text_step(
                    &prompt_id,
                    &question,
                    previous,
                    required,
                    prompter,
                    |r, text| *goal_slot(&mut r.goals[g], field) = Some(text),
                )
            }
        }
    }

    /// Asks one line of text into the plan. An optional question may be left empty (`-` in
    /// piped input): it is then answered with nothing, and not asked again on `--resume`.
    fn text_step(
        &mut self,
        id: &str,
        question: &str,
        previous: Option<String>,
        required: bool,
        prompter: &mut dyn Prompter,
        set: impl Fn(&mut PlanResult, String),
    ) -> Result<Flow> {
        loop {
            let prompt = TextPrompt {
                id: id.to_string(),
                title: question.to_string(),
                previous: previous.as_deref(),
                multiline: false,
            };
            let NoteInput { text, then } = prompter.text(&prompt)?;
            let text = text.map(|t| t.trim().to_string());
            match (text, then) {
                (Some(text), _) if !text.is_empty() => {
                    set(&mut self.result, text);
                    self.save()?;
                    return Ok(then);
                }
                (_, Flow::Next) if previous.is_some() => return Ok(Flow::Next),
                (_, Flow::Next) if required => {
                    if !prompter.interactive() {
                        return Err(Error::Usage(t!("plan.answer_needed", id = id)));
                    }
                    prompter.show(&t!("plan.answer_needed", id = id))?;
                }
                (_, Flow::Next) => {
                    set(&mut self.result, String::new());
                    self.save()?;
                    return Ok(Flow::Next);
                }
                (_, then) => return Ok(then),
            }
        }
    }

    fn pick_actions(
        &mut self,
        g: usize,
        id: &str,
        suggestions: &[String],
        prompter: &mut dyn Prompter,
    ) -> Result<Flow> {
        if suggestions.is_empty() {
            if self.result.goals[g].actions.is_none() {
                self.result.goals[g].actions = Some(Vec::new());
                self.save()?;
            }
            return Ok(Flow::Skip);
        }
        let current = actions(&self.result.goals[g]).to_vec();
        let previous: Vec<usize> = current
            .iter()
            .filter_map(|a| suggestions.iter().position(|s| s == a))
            .collect();
        loop {
            let prompt = PickPrompt {
                id: format!("{id}.acties"),
                title: t!("plan.ask_actions", max = MAX_ACTIONS),
                options: suggestions,
                previous: &previous,
                progress: String::new(),
            };
            let picks = match prompter.pick(&prompt)? {
                Picked::Indices(picks) => picks,
                Picked::Back => return Ok(Flow::Back),
                Picked::Quit => return Ok(Flow::Quit),
            };
            if picks.len() > MAX_ACTIONS {
                let message = t!("plan.too_many_actions", max = MAX_ACTIONS);
                if !prompter.interactive() {
                    return Err(Error::Usage(format!("{}: {message}", prompt.id)));
                }
                prompter.show(&message)?;
                continue;
            }
            // Typed actions stay; the picked ones are replaced by the new pick.
            let typed = current.iter().filter(|a| !suggestions.contains(a)).cloned();
            let mut chosen: Vec<String> = picks.iter().map(|&i| suggestions[i].clone()).collect();
            chosen.extend(typed);
            chosen.truncate(MAX_ACTIONS);
            self.result.goals[g].actions = Some(chosen);
            self.save()?;
            return Ok(Flow::Next);
        }
    }

    /// Actions in the person's own words, one per line, until an empty line or three in all.
    fn type_actions(&mut self, g: usize, id: &str, prompter: &mut dyn Prompter) -> Result<Flow> {
        loop {
            let count = actions(&self.result.goals[g]).len();
            if count >= MAX_ACTIONS {
                return Ok(Flow::Next);
            }
            let prompt = TextPrompt {
                id: format!("{id}.eigen"),
                title: t!("plan.ask_own_action", number = count + 1),
                previous: None,
                multiline: false,
            };
            let NoteInput { text, then } = prompter.text(&prompt)?;
            match text.map(|t| t.trim().to_string()) {
                Some(text) if !text.is_empty() => {
                    self.result.goals[g]
                        .actions
                        .get_or_insert_with(Vec::new)
                        .push(text);
                    self.save()?;
                    if then != Flow::Next {
                        return Ok(then);
                    }
                }
                _ if then != Flow::Next => return Ok(then),
                _ if count == 0 => {
                    let message = t!("plan.action_needed");
                    if !prompter.interactive() {
                        return Err(Error::Usage(format!("{}: {message}", prompt.id)));
                    }
                    prompter.show(&message)?;
                }
                _ => return Ok(Flow::Next),
            }
        }
    }

    fn quadrant_wanted(&mut self, prompter: &mut dyn Prompter) -> Result<Flow> {
        let choices = [
            Choice {
                key: 'j',
                label: t!("plan.yes"),
                detail: None,
                aliases: vec!["ja".into(), "yes".into(), "y".into()],
            },
            Choice {
                key: 'n',
                label: t!("plan.no"),
                detail: None,
                aliases: vec!["nee".into(), "no".into()],
            },
        ];
        let text = t!("plan.ask_quadrant");
        let prompt = ChoicePrompt {
            id: "kernkwadrant".to_string(),
            text: &text,
            choices: &choices,
            previous: self.result.quadrant_wanted.map(|w| usize::from(!w)),
            progress: String::new(),
            compact: false,
        };
        match prompter.choose(&prompt)? {
            Chosen::Index(index) => {
                self.result.quadrant_wanted = Some(index == 0);
                self.save()?;
                Ok(Flow::Next)
            }
            Chosen::Back => Ok(Flow::Back),
            Chosen::Quit => Ok(Flow::Quit),
        }
    }

    fn quadrant_field(&mut self, f: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        if self.result.quadrant_wanted != Some(true) {
            return Ok(Flow::Skip);
        }
        let field = QUADRANT_FIELDS[f];
        let question = crate::i18n::text(&format!("plan.ask_{field}"));
        let previous = self.result.quadrant.field(field).cloned();
        self.text_step(field, &question, previous, false, prompter, |r, text| {
            if let Some(slot) = r.quadrant.field_mut(field) {
                *slot = Some(text);
            }
        })
    }
}

/// Where the answer to a text question of a goal is kept.
fn goal_slot(goal: &mut Goal, field: Field) -> &mut Option<String> {
    match field {
        Field::Goal => &mut goal.goal,
        Field::By => &mut goal.by,
        Field::Support => &mut goal.support,
        _ => &mut goal.evidence,
    }
}

fn actions(goal: &Goal) -> &[String] {
    goal.actions.as_deref().unwrap_or_default()
}

impl Session for PlanSession {
    fn step_count(&self) -> usize {
        self.steps().len()
    }

    fn first_step(&self) -> usize {
        let steps = self.steps();
        steps
            .iter()
            .position(|s| !self.answered(*s))
            .unwrap_or(steps.len().saturating_sub(1))
    }

    fn ask(&mut self, index: usize, prompter: &mut dyn Prompter) -> Result<Flow> {
        match self.steps()[index] {
            Step::Choose => self.choose(prompter),
            Step::Goal(g, field) => self.ask_goal(g, field, prompter),
            Step::QuadrantWanted => self.quadrant_wanted(prompter),
            Step::Quadrant(f) => self.quadrant_field(f, prompter),
        }
    }

    fn finish(&mut self) -> Result<()> {
        self.result.complete = true;
        self.save()
    }
}
