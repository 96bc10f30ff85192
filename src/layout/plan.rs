//! The development plan laid out, at the end of the personal report: per goal what was agreed
//! (and the change since, at a follow-up), the core quadrant, and room to agree on paper.

use super::Block;
use crate::render::number;
use crate::report::plan::{PlanGoal, PlanSection};
use crate::t;

pub fn blocks(plan: &PlanSection) -> Vec<Block> {
    let mut blocks = vec![
        Block::PageBreak,
        Block::heading(2, t!("plan.title")),
        Block::note(t!("plan.after_scan", date = &plan.scan_date)),
    ];
    if plan.scan_missing {
        blocks.push(Block::notice(t!("plan.scan_missing")));
    }
    if !plan.complete {
        blocks.push(Block::notice(t!("plan.incomplete")));
    }
    for goal in &plan.goals {
        blocks.extend(goal_blocks(plan, goal));
    }
    if !plan.quadrant.is_empty() {
        blocks.push(Block::heading(3, t!("plan.quadrant")));
        let pairs = plan
            .quadrant
            .iter()
            .map(|(field, text)| (crate::i18n::text(&format!("plan.{field}")), text.clone()))
            .collect();
        blocks.push(Block::KeyValues { pairs });
    }
    blocks.push(Block::heading(3, t!("plan.agreed")));
    // Lines to write on: a KeyValues field with no value is one in HTML, but not in the PDF.
    let fields = [
        ("plan.sign_professional", 1),
        ("plan.sign_coach", 1),
        ("plan.sign_date", 1),
        ("plan.sign_signature_professional", 1),
        ("plan.sign_signature_coach", 1),
    ];
    for (key, lines) in fields {
        blocks.push(Block::WriteLines {
            label: crate::i18n::text(key),
            lines,
        });
    }
    blocks
}

fn goal_blocks(plan: &PlanSection, goal: &PlanGoal) -> Vec<Block> {
    let mut blocks = vec![Block::heading(3, goal.name.clone())];
    if let Some(date) = &plan.follow_up_date {
        blocks.push(Block::paragraph(t!(
            "plan.change",
            competency = goal.name.trim_end_matches('.'),
            before = number(goal.before),
            after = number(goal.after),
            date = date
        )));
    }
    // A question left open (`-`) is kept as an empty text.
    let text = |value: &Option<String>| match value.as_deref() {
        Some(text) if !text.is_empty() => text.to_string(),
        _ => "—".to_string(),
    };
    let mut pairs = vec![(t!("plan.goal"), text(&goal.goal))];
    for (n, action) in goal.actions.iter().enumerate() {
        pairs.push((t!("plan.action", number = n + 1), action.clone()));
    }
    pairs.push((t!("plan.by"), text(&goal.by)));
    pairs.push((t!("plan.support"), text(&goal.support)));
    pairs.push((t!("plan.evidence"), text(&goal.evidence)));
    blocks.push(Block::KeyValues { pairs });
    blocks
}
