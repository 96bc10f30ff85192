//! The dossier laid out: the comparison, then per candidate a heading of the first level (an
//! entry of the PDF's outline) with the scorecard, every interview in full and the decision
//! under it. The reports it holds are laid out by their own layouts and set a level deeper.

use super::{Block, Document, day};
use crate::report::dossier::{Dossier, InterviewInFull};
use crate::t;

impl crate::render::Report for Dossier {
    const NAME: &'static str = "dossier";

    fn layout(&self) -> Document {
        layout(self)
    }
}

pub fn layout(dossier: &Dossier) -> Document {
    let mut blocks = Vec::new();
    if let Some(only) = &dossier.only {
        blocks.push(Block::note(t!("dossier.only", candidate = only)));
    }
    if let Some(comparison) = &dossier.comparison {
        blocks.push(Block::heading(1, t!("dossier.comparison")));
        blocks.extend(nested(super::compare::layout(comparison)));
    }
    for (index, file) in dossier.candidates.iter().enumerate() {
        // Each candidate on a page of their own; the first right under the title when there
        // is no comparison before it.
        if index > 0 || dossier.comparison.is_some() {
            blocks.push(Block::PageBreak);
        }
        blocks.push(Block::heading(1, file.candidate.clone()));
        blocks.push(Block::RunningHead {
            text: t!("guide.continued", heading = &file.candidate),
        });
        if file.show_scorecard {
            blocks.push(Block::heading(2, t!("scorecard.title")));
            blocks.extend(nested(super::scorecard::layout(&file.scorecard)));
        }
        for interview in &file.interviews {
            blocks.extend(interview_blocks(interview));
        }
        if !file.show_scorecard {
            blocks.extend(super::scorecard::decision_blocks(&file.scorecard));
        }
        blocks.push(Block::RunningHead {
            text: String::new(),
        });
    }
    let mut meta = vec![dossier.framework_name.clone()];
    if let Some(vacancy) = &dossier.vacancy {
        meta.push(t!("scorecard.vacancy", vacancy = vacancy));
    }
    meta.push(t!(
        "panel.meta_candidates",
        count = dossier.candidates.len()
    ));
    Document {
        title: match &dossier.only {
            Some(candidate) => format!("{} — {candidate}", t!("dossier.title")),
            None => t!("dossier.title"),
        },
        meta,
        author: "vakwijzer".to_string(),
        subject: dossier.framework_name.clone(),
        date: day(&dossier.date),
        personal_data: true,
        blocks,
    }
}

/// A report's blocks inside the dossier: its meta line as a note, every heading a level
/// deeper, without its own page breaks and running heads (the dossier sets those).
fn nested(document: Document) -> Vec<Block> {
    let mut blocks = vec![Block::note(document.meta.join(" · "))];
    blocks.extend(document.blocks.into_iter().filter_map(|block| match block {
        Block::Heading { level, text } => Some(Block::heading((level + 1).min(4), text)),
        Block::PageBreak | Block::RunningHead { .. } => None,
        other => Some(other),
    }));
    blocks
}

/// One interview in full: per competency the rating, the indicators seen and every question
/// asked with the note; then the advice and its motivation.
fn interview_blocks(interview: &InterviewInFull) -> Vec<Block> {
    let mut blocks = vec![Block::heading(
        2,
        t!(
            "dossier.interview",
            interviewer = &interview.interviewer,
            date = &interview.date
        ),
    )];
    if !interview.complete {
        blocks.push(Block::notice(t!("dossier.interview_incomplete")));
    }
    for competency in &interview.competencies {
        blocks.push(Block::heading(3, competency.name.clone()));
        // Labels rather than headings of their own: the outline names the competencies only.
        let rating = competency.rating.clone().unwrap_or_else(|| "—".to_string());
        let observed = match competency.observed.is_empty() {
            true => "—".to_string(),
            false => competency.observed.join("; "),
        };
        blocks.push(Block::KeyValues {
            pairs: vec![
                (t!("dossier.rating"), rating),
                (t!("dossier.observed"), observed),
            ],
        });
        if !competency.asked.is_empty() {
            blocks.push(Block::paragraph(format!("{}:", t!("dossier.asked"))));
            let asked = competency
                .asked
                .iter()
                .map(|(question, note)| match note.is_empty() {
                    true => question.clone(),
                    false => format!("{question} — “{note}”"),
                })
                .collect();
            blocks.push(Block::bullets(asked));
        }
    }
    let mut advice = interview.advice.clone().unwrap_or_else(|| "—".to_string());
    if let Some(motivation) = &interview.motivation {
        advice.push_str(&format!(" — “{motivation}”"));
    }
    blocks.push(Block::KeyValues {
        pairs: vec![(t!("dossier.advice"), advice)],
    });
    blocks
}
