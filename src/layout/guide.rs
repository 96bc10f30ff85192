//! The interview guide laid out as a form to take into the room: fields for who, when and
//! which vacancy, the STAR prompts and the rating scale, then per competency (a page each on
//! paper, every further page headed by its name) its facts, the questions with lines to write
//! on, the indicators to tick and the rating boxes; last the advice with its motivation and
//! the signature, and the references. A short guide of chosen questions runs its competencies
//! on without page breaks.

use super::{Block, Cell, ColumnKind, Document, Table, day};
use crate::report::guide::{Guide, GuideCompetency};
use crate::t;

/// Lines to write on under each question.
const NOTE_LINES: usize = 3;
/// Lines to write the motivation of the advice on.
const MOTIVATION_LINES: usize = 6;

impl crate::render::Report for Guide {
    const NAME: &'static str = "guide";

    fn layout(&self) -> Document {
        layout(self)
    }
}

pub fn layout(guide: &Guide) -> Document {
    let mut scale = Table::new([
        (t!("guide.rating"), ColumnKind::Name),
        (String::new(), ColumnKind::Text),
    ]);
    scale.rows = guide
        .scale
        .iter()
        .map(|p| {
            vec![
                Cell::Text(format!("{} {}", p.value, p.label)),
                Cell::Text(p.anchor.clone().unwrap_or_default()),
            ]
        })
        .collect();
    let mut blocks = vec![
        Block::KeyValues {
            pairs: vec![
                (t!("guide.candidate"), String::new()),
                (t!("guide.interviewer"), String::new()),
                (t!("guide.date"), String::new()),
                (t!("guide.vacancy"), String::new()),
            ],
        },
        Block::heading(2, t!("guide.star")),
        Block::bullets(
            guide
                .star
                .iter()
                .map(|s| format!("{} — {}: {}", s.letter, s.label, s.prompt))
                .collect(),
        ),
        Block::heading(2, guide.scale_name.clone()),
        Block::Table(scale),
    ];
    let mut values: Vec<String> = guide.scale.iter().map(|p| p.value.to_string()).collect();
    values.push(t!("interview.not_rated"));
    // The labels of the values under each row of boxes, to rate by without turning back.
    let reminder = guide
        .scale
        .iter()
        .map(|p| format!("{} {}", p.value, p.label))
        .collect::<Vec<_>>()
        .join(" · ");
    for competency in &guide.competencies {
        // The whole guide gives each competency its own page; a short one runs on, so that two
        // questions take three pages with the advice.
        if !guide.chosen {
            blocks.push(Block::PageBreak);
        }
        blocks.extend(competency_blocks(competency, &values, &reminder));
    }
    blocks.push(Block::RunningHead {
        text: String::new(),
    });
    blocks.extend(advice_blocks(guide));
    if !guide.references.is_empty() {
        blocks.push(Block::heading(2, t!("show.references")));
        blocks.push(Block::bullets(
            guide
                .references
                .iter()
                .map(|(id, text)| format!("[{id}] {text}"))
                .collect(),
        ));
    }
    Document {
        title: format!("{}: {}", t!("guide.title"), guide.framework_name),
        meta: vec![format!("{}: {}", t!("show.source"), guide.source)],
        author: "vakwijzer".to_string(),
        subject: guide.framework_name.clone(),
        date: day(&guide.date),
        personal_data: false,
        blocks,
    }
}

/// The last page: the advice to tick, its motivation, and who signs for it. A short guide
/// puts it after the questions when it fits there whole.
fn advice_blocks(guide: &Guide) -> Vec<Block> {
    let advice = vec![
        Block::heading(2, t!("guide.advice")),
        Block::paragraph(t!("guide.advice_lead")),
        Block::Checkboxes {
            items: guide.advice.clone(),
        },
        Block::WriteLines {
            label: t!("guide.motivation"),
            lines: MOTIVATION_LINES,
        },
        Block::KeyValues {
            pairs: vec![
                (t!("guide.interviewer"), String::new()),
                (t!("guide.date"), String::new()),
                (t!("guide.signature"), String::new()),
            ],
        },
    ];
    let start = if guide.chosen {
        Block::KeepTogether {
            blocks: advice.len(),
        }
    } else {
        Block::PageBreak
    };
    std::iter::once(start).chain(advice).collect()
}

fn competency_blocks(
    competency: &GuideCompetency,
    rating_values: &[String],
    reminder: &str,
) -> Vec<Block> {
    let heading = match competency.number {
        Some(n) => format!("{n}. {}", competency.name),
        None => competency.name.clone(),
    };
    let mut blocks = vec![
        Block::RunningHead {
            text: t!("guide.continued", heading = &heading),
        },
        Block::heading(2, heading),
    ];
    let mut facts = Vec::new();
    if let Some(definition) = &competency.definition {
        facts.push((t!("show.definition"), definition.clone()));
    }
    if !competency.drivers.is_empty() {
        facts.push((t!("show.drivers"), competency.drivers.join(", ")));
    }
    if !facts.is_empty() {
        blocks.push(Block::KeyValues { pairs: facts });
    }
    blocks.extend(competency.remarks.iter().map(Block::notice));
    blocks.push(Block::heading(3, t!("guide.questions")));
    for question in &competency.questions {
        blocks.push(Block::WriteLines {
            label: format!("{}. {}", question.number, question.text),
            lines: NOTE_LINES,
        });
    }
    blocks.push(Block::heading(3, t!("guide.listen_for")));
    blocks.push(Block::Checkboxes {
        items: competency
            .indicators
            .iter()
            .map(|i| match &i.reference {
                Some(reference) => format!("{}. {} [{reference}]", i.number, i.text),
                None => format!("{}. {}", i.number, i.text),
            })
            .collect(),
    });
    blocks.push(Block::RatingBoxes {
        label: t!("guide.rating"),
        values: rating_values.to_vec(),
        legend: reminder.to_string(),
    });
    blocks
}
