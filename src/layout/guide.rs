//! The interview guide laid out as a form to take into the room: fields for who and when, the
//! STAR prompts and the rating scale, then per competency (a page each on paper) its facts,
//! the questions with lines to write on, the indicators to tick and the rating boxes.

use super::{Block, Cell, ColumnKind, Document, Table, day};
use crate::report::guide::{Guide, GuideCompetency};
use crate::t;

/// Lines to write on under each question.
const NOTE_LINES: usize = 3;

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
    for competency in &guide.competencies {
        blocks.extend(competency_blocks(competency, &values));
    }
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

fn competency_blocks(competency: &GuideCompetency, rating_values: &[String]) -> Vec<Block> {
    let heading = match competency.number {
        Some(n) => format!("{n}. {}", competency.name),
        None => competency.name.clone(),
    };
    let mut blocks = vec![Block::PageBreak, Block::heading(2, heading)];
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
    for (index, question) in competency.questions.iter().enumerate() {
        blocks.push(Block::WriteLines {
            label: format!("{}. {}", index + 1, question.text),
            lines: NOTE_LINES,
        });
    }
    blocks.push(Block::heading(3, t!("guide.listen_for")));
    blocks.push(Block::Checkboxes {
        items: competency
            .indicators
            .iter()
            .map(|i| match &i.reference {
                Some(reference) => format!("{} [{reference}]", i.text),
                None => i.text.clone(),
            })
            .collect(),
    });
    blocks.push(Block::RatingBoxes {
        label: t!("guide.rating"),
        values: rating_values.to_vec(),
    });
    blocks
}
