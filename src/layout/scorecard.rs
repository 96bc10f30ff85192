//! The candidate scorecard laid out: every interviewer's rating per competency with the
//! panel's mean, spread and "bespreken", the disputes, the vacancy's weighted total and
//! must-haves, the notes per question and each interviewer's advice.

use super::{BarChart, Block, Cell, ColumnKind, Document, Table, day};
use crate::render::{number, short_number};
use crate::report::scorecard::{MustHave, Scorecard};
use crate::t;

impl crate::render::Report for Scorecard {
    const NAME: &'static str = "scorecard";

    fn layout(&self) -> Document {
        layout(self)
    }

    fn records(&self) -> Option<crate::records::Records> {
        Some(crate::records::scorecard(self))
    }

    /// The ratings, and each interviewer's advice.
    fn sheets(&self) -> Vec<(String, crate::records::Records)> {
        vec![
            (t!("xlsx.sheet.scorecard"), crate::records::scorecard(self)),
            (t!("xlsx.sheet.advice"), crate::records::advice(self)),
        ]
    }
}

pub fn layout(card: &Scorecard) -> Document {
    let (min, max) = card.scale_range;
    let mut blocks = Vec::new();
    if !card.complete {
        blocks.push(Block::notice(t!("scorecard.incomplete")));
    }
    blocks.extend(card.warnings.iter().map(Block::notice));
    blocks.extend(card.panel_notes.iter().map(Block::notice));
    let bars = BarChart {
        labels: card.competencies.iter().map(|r| r.name.clone()).collect(),
        values: card.competencies.iter().map(|r| r.panel.mean).collect(),
        targets: vec![],
        min,
        max,
        value_legend: t!("scorecard.mean"),
        target_legend: String::new(),
    };
    blocks.push(Block::chart(bars, t!("chart.scorecard")));
    blocks.push(Block::Table(ratings(card)));
    let mut totals = vec![format!(
        "{}: {}",
        t!("scorecard.overall"),
        number(card.overall)
    )];
    if card.vacancy.is_some() {
        totals.push(format!(
            "{}: {}",
            t!("scorecard.weighted"),
            number(card.weighted)
        ));
    }
    totals.push(format!("{}: {}", t!("scorecard.flagged"), card.flagged));
    blocks.push(Block::paragraph(totals.join(" · ")));
    blocks.push(weighting_note(card.vacancy.as_deref()));
    if !card.must_haves.is_empty() {
        blocks.push(Block::heading(2, t!("scorecard.must_haves")));
        blocks.extend(must_have_blocks(&card.must_haves, None));
    }
    blocks.push(Block::heading(2, t!("scorecard.disputes")));
    if card.disputes.is_empty() {
        blocks.push(Block::paragraph(t!("scorecard.no_disputes")));
    } else {
        blocks.push(Block::bullets(
            card.disputes.iter().map(|d| d.text()).collect(),
        ));
    }
    blocks.push(Block::heading(2, t!("scorecard.notes")));
    let mut notes = Vec::new();
    for row in &card.competencies {
        for rating in &row.ratings {
            for (question, note) in rating.notes.iter().filter(|(_, n)| !n.is_empty()) {
                notes.push(format!(
                    "{}, {} — {} “{note}”",
                    row.name,
                    rating.interviewer,
                    super::lead_in(question)
                ));
            }
        }
    }
    if !notes.is_empty() {
        blocks.push(Block::bullets(notes));
    }
    blocks.extend(decision_blocks(card));
    blocks.push(Block::heading(2, t!("scorecard.advice")));
    let pairs = card
        .advice
        .iter()
        .map(|a| {
            let mut text = a.advice.clone().unwrap_or_else(|| "—".to_string());
            if let Some(motivation) = &a.motivation {
                text.push_str(&format!(" — “{motivation}”"));
            }
            (a.interviewer.clone(), text)
        })
        .collect();
    blocks.push(Block::KeyValues { pairs });
    let mut meta = vec![card.framework_name.clone()];
    if let Some(vacancy) = &card.vacancy {
        meta.push(t!("scorecard.vacancy", vacancy = vacancy));
    }
    meta.push(format!(
        "{}: {}",
        t!("scorecard.interviewers"),
        card.interviewers.join(", ")
    ));
    Document {
        title: format!("{} — {}", t!("scorecard.title"), card.candidate),
        meta,
        author: card.interviewers.join(", "),
        subject: card.framework_name.clone(),
        date: day(card.dates.iter().max().map_or("", String::as_str)),
        personal_data: true,
        blocks,
    }
}

/// The panel's decision: what it decided, with whom and when, and per competency the agreed
/// rating beside the mechanical mean with the reason; a point or more apart is a notice.
pub fn decision_blocks(card: &Scorecard) -> Vec<Block> {
    let Some(decision) = &card.decision else {
        return Vec::new();
    };
    let dash = || "—".to_string();
    let mut blocks = vec![Block::heading(2, t!("decision.heading"))];
    if !decision.complete {
        blocks.push(Block::notice(t!("decision.incomplete")));
    }
    blocks.push(Block::KeyValues {
        pairs: vec![
            (
                t!("decision.decision"),
                decision.decision.clone().unwrap_or_else(dash),
            ),
            (
                t!("decision.advice"),
                decision.advice.clone().unwrap_or_else(dash),
            ),
            (
                t!("decision.motivation"),
                decision.motivation.clone().unwrap_or_else(dash),
            ),
            (
                t!("decision.participants"),
                decision.participants.join(", "),
            ),
            (
                t!("decision.date"),
                decision.date.clone().unwrap_or_else(dash),
            ),
        ],
    });
    let line = |row: &crate::report::scorecard::ScorecardRow, agreed: u8| {
        t!(
            "decision.agreed_line",
            name = &row.name,
            agreed = agreed,
            mean = number(row.panel.mean)
        )
    };
    let mut lines = Vec::new();
    for row in &card.competencies {
        let Some(agreed) = row.agreed else {
            continue;
        };
        if row.agreed_differs {
            let text = format!("{} — {}", line(row, agreed), t!("decision.differs"));
            blocks.push(Block::notice(text));
        }
        let mut text = line(row, agreed);
        if let Some(reason) = &row.agreed_reason {
            text.push_str(&format!(": “{reason}”"));
        }
        lines.push(text);
    }
    blocks.push(Block::bullets(lines));
    blocks
}

/// How the total is weighed: by the vacancy, or every competency the same.
pub fn weighting_note(vacancy: Option<&str>) -> Block {
    match vacancy {
        Some(vacancy) => Block::note(t!("scorecard.weighted_by", vacancy = vacancy)),
        None => Block::note(t!("scorecard.equal_weights")),
    }
}

/// Each must-have as a line, "Coachen: gemiddeld 3,00, minimaal 3,5 — niet gehaald"; one not
/// met is a notice. In a comparison the line starts with the candidate.
pub fn must_have_blocks(must_haves: &[MustHave], candidate: Option<&str>) -> Vec<Block> {
    must_haves
        .iter()
        .map(|m| {
            let mean = match m.mean {
                Some(_) => number(m.mean),
                None => t!("interview.not_rated"),
            };
            let (key, block): (_, fn(String) -> Block) = if m.met {
                ("scorecard.must_have_met", Block::paragraph)
            } else {
                ("scorecard.must_have_failed", Block::notice)
            };
            let text = crate::i18n::format(
                key,
                &[
                    (
                        "name",
                        candidate.map_or_else(
                            || m.name.clone(),
                            |candidate| format!("{candidate} — {}", m.name),
                        ),
                    ),
                    ("mean", mean),
                    ("minimum", short_number(m.minimum)),
                ],
            );
            block(text)
        })
        .collect()
}

fn ratings(card: &Scorecard) -> Table {
    let mut columns = vec![(t!("report.competency"), ColumnKind::Name)];
    // A rating is a whole number, or "nb" when not rated.
    columns.extend(
        card.interviewers
            .iter()
            .map(|i| (i.clone(), ColumnKind::Number)),
    );
    columns.extend([
        (t!("scorecard.mean"), ColumnKind::Score),
        (t!("scorecard.spread"), ColumnKind::Number),
    ]);
    let weighed = card.vacancy.is_some();
    if weighed {
        columns.push((t!("scorecard.weight"), ColumnKind::Number));
    }
    let decided = card.decision.is_some();
    if decided {
        columns.push((t!("decision.agreed"), ColumnKind::Number));
    }
    columns.push((String::new(), ColumnKind::Text));
    let mut table = Table::new(columns);
    table.rows = card
        .competencies
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::from(row.name.as_str())];
            cells.extend(row.ratings.iter().map(|r| match r.rating {
                Some(rating) => Cell::Count(usize::from(rating)),
                None => Cell::Text(t!("interview.not_rated")),
            }));
            cells.push(Cell::Score(row.panel.mean));
            cells.push(
                row.panel
                    .spread
                    .map_or(Cell::from("—"), |s| Cell::Count(usize::from(s))),
            );
            if weighed {
                cells.push(Cell::Text(short_number(row.weight)));
            }
            if decided {
                cells.push(
                    row.agreed
                        .map_or(Cell::from("—"), |a| Cell::Count(usize::from(a))),
                );
            }
            let mut flags = Vec::new();
            if row.panel.discuss {
                flags.push(t!("scorecard.discuss"));
            }
            if row.agreed_differs {
                flags.push(t!("decision.differs_short"));
            }
            cells.push(Cell::Text(flags.join(", ")));
            cells
        })
        .collect();
    table
}
