//! The reports as printable documents: each report model becomes a `pdf::Document` (blocks
//! of headings, tables, charts and form fields); `pdf::render` draws it. Adding a report adds
//! a function here and never touches the PDF primitives.

use crate::framework::Scale;
use crate::render::charts;
use crate::render::pdf::{Block, Document, Table};
use crate::render::team::TeamView;
use crate::render::{number, signed};
use crate::report::guide::Guide;
use crate::report::personal::PersonalReport;
use crate::report::scorecard::{Comparison, Scorecard};
use crate::t;

/// The language the document is written in: the catalogue's.
fn language() -> String {
    crate::i18n::current().code().to_string()
}

/// The date part of a timestamp, for the PDF metadata.
fn day(date: &str) -> String {
    date.get(..10).unwrap_or(date).to_string()
}

pub fn personal(report: &PersonalReport, scale: Option<&Scale>) -> Document {
    let title = format!("{} — {}", t!("report.personal_title"), report.name);
    let mut lines = vec![report.framework_name.clone(), report.date.clone()];
    if let Some(role) = &report.role {
        lines.push(format!("{}: {role}", t!("report.targets_of")));
    }
    if !report.complete {
        lines.push(t!("report.incomplete"));
    }
    let mut blocks = vec![Block::Title {
        title: title.clone(),
        lines,
    }];
    for warning in &report.warnings {
        blocks.push(Block::Paragraph(warning.clone()));
    }
    let (radar, bars) = charts::personal(report, scale);
    blocks.push(Block::RadarChart(radar));
    blocks.push(Block::Table(Table {
        header: vec![
            t!("report.competency"),
            t!("report.score"),
            t!("report.target"),
            t!("report.gap"),
            t!("report.answered"),
        ],
        rows: report
            .competencies
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    number(c.score),
                    number(c.target),
                    signed(c.gap),
                    format!("{}/{}", c.answered, c.statements),
                ]
            })
            .collect(),
        widths: vec![3.0, 1.0, 1.0, 1.0, 1.2],
        align_right: vec![false, true, true, true, true],
    }));
    blocks.push(Block::BarChart(bars));
    blocks.push(Block::Heading(2, t!("report.strengths")));
    if report.strengths.is_empty() {
        blocks.push(Block::Paragraph(t!("report.none_yet")));
    } else {
        let items = report
            .strengths
            .iter()
            .map(|s| match &s.note {
                Some(note) => format!(
                    "{} ({}) — {}: “{note}”",
                    s.name,
                    number(s.score),
                    t!("report.your_note")
                ),
                None => format!("{} ({})", s.name, number(s.score)),
            })
            .collect();
        blocks.push(Block::Bullets(items));
    }
    blocks.push(Block::Heading(2, t!("report.development_points")));
    for point in &report.development_points {
        blocks.push(Block::Heading(
            3,
            t!(
                "report.development_line",
                name = &point.name,
                score = number(point.score),
                target = number(point.target)
            ),
        ));
        if let Some(note) = &point.note {
            blocks.push(Block::Paragraph(format!(
                "{}: “{note}”",
                t!("report.your_note")
            )));
        }
        for row in &point.suggestions.boks {
            blocks.push(Block::Paragraph(format!("BoKS — {}:", row.name)));
            let items = row
                .activities
                .iter()
                .map(|(column, activity)| format!("{activity} ({column})"))
                .collect();
            blocks.push(Block::Bullets(items));
        }
        if !point.suggestions.methods.is_empty() {
            blocks.push(Block::Paragraph(format!("{}:", t!("report.methods"))));
            let items = point
                .suggestions
                .methods
                .iter()
                .map(|m| format!("{} ({})", m.name, m.category))
                .collect();
            blocks.push(Block::Bullets(items));
        }
        if point.suggestions.status == Some(crate::framework::LinkStatus::Proposal) {
            blocks.push(Block::Paragraph(format!(
                "({})",
                t!("report.link_proposal")
            )));
        }
    }
    if let Some(progress) = &report.progress {
        blocks.push(Block::Heading(
            2,
            t!("report.progress_since", date = &progress.previous_date),
        ));
        blocks.push(Block::Table(Table {
            header: vec![
                t!("report.competency"),
                progress.previous_date.clone(),
                report.date.clone(),
                t!("report.change"),
            ],
            rows: progress
                .rows
                .iter()
                .map(|r| {
                    vec![
                        r.name.clone(),
                        number(r.previous),
                        number(r.current),
                        signed(r.change),
                    ]
                })
                .collect(),
            widths: vec![3.0, 1.0, 1.0, 1.0],
            align_right: vec![false, true, true, true],
        }));
    }
    Document {
        title,
        author: report.name.clone(),
        subject: report.framework_name.clone(),
        date: day(&report.date),
        language: language(),
        footer: t!("pdf.confidential"),
        blocks,
    }
}

/// The interview guide as a form to write on: ruled lines under each question, tick boxes for
/// the indicators, rating boxes; one competency per page.
pub fn guide(guide: &Guide, date: &str) -> Document {
    let title = format!("{}: {}", t!("guide.title"), guide.framework_name);
    let mut blocks = vec![
        Block::Title {
            title: title.clone(),
            lines: vec![format!("{}: {}", t!("show.source"), guide.source)],
        },
        Block::KeyValues(vec![
            (t!("guide.candidate"), String::new()),
            (t!("guide.interviewer"), String::new()),
            (t!("guide.date"), String::new()),
        ]),
        Block::Heading(2, t!("guide.star")),
        Block::Bullets(
            guide
                .star
                .iter()
                .map(|s| format!("{} — {}: {}", s.letter, s.label, s.prompt))
                .collect(),
        ),
        Block::Heading(2, guide.scale_name.clone()),
        Block::Table(Table {
            header: vec![t!("guide.rating"), String::new()],
            rows: guide
                .scale
                .iter()
                .map(|p| {
                    vec![
                        format!("{} {}", p.value, p.label),
                        p.anchor.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
            widths: vec![1.2, 4.0],
            align_right: vec![],
        }),
    ];
    let rating_values: Vec<String> = guide.scale.iter().map(|p| p.value.to_string()).collect();
    for competency in &guide.competencies {
        blocks.push(Block::PageBreak);
        let heading = match competency.number {
            Some(n) => format!("{n}. {}", competency.name),
            None => competency.name.clone(),
        };
        blocks.push(Block::Heading(1, heading));
        let mut facts = Vec::new();
        if let Some(definition) = &competency.definition {
            facts.push((t!("show.definition"), definition.clone()));
        }
        if !competency.drivers.is_empty() {
            facts.push((t!("show.drivers"), competency.drivers.join(", ")));
        }
        for remark in &competency.remarks {
            facts.push((t!("show.remarks"), remark.clone()));
        }
        if !facts.is_empty() {
            blocks.push(Block::KeyValues(facts));
        }
        blocks.push(Block::Heading(3, t!("guide.questions")));
        for (index, question) in competency.questions.iter().enumerate() {
            blocks.push(Block::WriteLines {
                label: format!("{}. {}", index + 1, question.text),
                lines: 3,
            });
        }
        blocks.push(Block::Heading(3, t!("guide.listen_for")));
        blocks.push(Block::Checkboxes(
            competency
                .indicators
                .iter()
                .map(|i| i.text.clone())
                .collect(),
        ));
        let mut values = rating_values.clone();
        values.push(t!("interview.not_rated"));
        blocks.push(Block::RatingBoxes {
            label: t!("guide.rating"),
            values,
        });
    }
    Document {
        title,
        author: "vakwijzer".to_string(),
        subject: guide.framework_name.clone(),
        date: day(date),
        language: language(),
        footer: String::new(),
        blocks,
    }
}

pub fn scorecard(card: &Scorecard, scale: Option<&Scale>) -> Document {
    let title = format!("{} — {}", t!("scorecard.title"), card.candidate);
    let mut lines = vec![
        card.framework_name.clone(),
        format!(
            "{}: {}",
            t!("scorecard.interviewers"),
            card.interviewers.join(", ")
        ),
    ];
    if !card.complete {
        lines.push(t!("scorecard.incomplete"));
    }
    let mut header = vec![t!("report.competency")];
    header.extend(card.interviewers.iter().cloned());
    header.extend([t!("scorecard.mean"), t!("scorecard.spread"), String::new()]);
    let columns = header.len();
    let mut widths = vec![3.0];
    widths.extend(std::iter::repeat_n(1.0, columns - 2));
    widths.push(1.4);
    let mut align_right = vec![false];
    align_right.extend(std::iter::repeat_n(true, columns - 2));
    align_right.push(false);
    let rows = card
        .competencies
        .iter()
        .map(|row| {
            let mut cells = vec![row.name.clone()];
            cells.extend(row.ratings.iter().map(|r| {
                r.rating
                    .map_or_else(|| t!("interview.not_rated"), |v| v.to_string())
            }));
            cells.push(number(row.panel.mean));
            cells.push(row.panel.spread.map_or("—".to_string(), |s| s.to_string()));
            cells.push(if row.panel.discuss {
                t!("scorecard.discuss")
            } else {
                String::new()
            });
            cells
        })
        .collect();
    let mut blocks = vec![
        Block::Title {
            title: title.clone(),
            lines,
        },
        Block::Table(Table {
            header,
            rows,
            widths,
            align_right,
        }),
        Block::Paragraph(format!(
            "{}: {} · {}: {}",
            t!("scorecard.overall"),
            number(card.overall),
            t!("scorecard.flagged"),
            card.flagged
        )),
        Block::BarChart(charts::scorecard(card, scale)),
        Block::Heading(2, t!("scorecard.notes")),
    ];
    let mut notes = Vec::new();
    for row in &card.competencies {
        for rating in &row.ratings {
            for (question, note) in rating.notes.iter().filter(|(_, n)| !n.is_empty()) {
                notes.push(format!(
                    "{}, {} — {question}: “{note}”",
                    row.name, rating.interviewer
                ));
            }
        }
    }
    if !notes.is_empty() {
        blocks.push(Block::Bullets(notes));
    }
    blocks.push(Block::Heading(2, t!("scorecard.advice")));
    blocks.push(Block::KeyValues(
        card.advice
            .iter()
            .map(|a| {
                let mut text = a.advice.clone().unwrap_or_else(|| "—".to_string());
                if let Some(motivation) = &a.motivation {
                    text.push_str(&format!(" — “{motivation}”"));
                }
                (a.interviewer.clone(), text)
            })
            .collect(),
    ));
    Document {
        title,
        author: card.interviewers.join(", "),
        subject: card.framework_name.clone(),
        date: day(card.dates.iter().max().map_or("", String::as_str)),
        language: language(),
        footer: t!("pdf.confidential"),
        blocks,
    }
}

pub fn comparison(comparison: &Comparison, date: &str) -> Document {
    let title = format!("{} — {}", t!("compare.title"), comparison.framework_name);
    let mut header = vec!["#".to_string(), t!("compare.candidate")];
    header.extend((1..=comparison.competencies.len()).map(|n| format!("C{n}")));
    header.extend([t!("scorecard.overall"), t!("compare.flagged_short")]);
    let columns = header.len();
    let mut widths = vec![0.5, 2.5];
    widths.extend(std::iter::repeat_n(0.8, columns - 2));
    let mut align_right = vec![true, false];
    align_right.extend(std::iter::repeat_n(true, columns - 2));
    let rows = comparison
        .candidates
        .iter()
        .map(|row| {
            let mut cells = vec![row.rank.to_string(), row.candidate.clone()];
            cells.extend(row.means.iter().map(|m| number(*m)));
            cells.push(number(row.overall));
            cells.push(row.flagged.to_string());
            cells
        })
        .collect();
    let legend: Vec<String> = comparison
        .competencies
        .iter()
        .enumerate()
        .map(|(index, (_, name))| format!("C{} {name}", index + 1))
        .collect();
    Document {
        title: title.clone(),
        author: "vakwijzer".to_string(),
        subject: comparison.framework_name.clone(),
        date: day(date),
        language: language(),
        footer: t!("pdf.confidential"),
        blocks: vec![
            Block::Title {
                title,
                lines: vec![],
            },
            Block::Table(Table {
                header,
                rows,
                widths,
                align_right,
            }),
            Block::Paragraph(legend.join(" · ")),
            Block::Paragraph(t!("compare.legend")),
            Block::BarChart(charts::comparison(comparison)),
        ],
    }
}

/// The team report: notices, the heat map, the table per section and the ranked plan.
pub fn team(view: &TeamView, date: &str) -> Document {
    let mut blocks = vec![Block::Title {
        title: view.title.clone(),
        lines: view.notices.clone(),
    }];
    if let Some(withheld) = &view.withheld {
        blocks.push(Block::Paragraph(withheld.clone()));
    } else {
        blocks.push(Block::HeatMap(charts::team(view)));
        let columns = view.header.len();
        // competency, n, mean, sd, distribution, target, below, change
        let mut widths = vec![2.6, 0.5, 0.7, 0.6, 1.8, 0.7, 0.8, 0.9];
        widths.truncate(columns);
        let mut align_right = vec![false];
        align_right.extend(std::iter::repeat_n(true, columns.saturating_sub(1)));
        for (index, section) in view.sections.iter().enumerate() {
            if let Some(title) = &section.title {
                blocks.push(Block::Heading(2, title.clone()));
            }
            blocks.push(Block::Table(Table {
                header: view.header.clone(),
                rows: section.rows.clone(),
                widths: widths.clone(),
                align_right: align_right.clone(),
            }));
            if index == 0 {
                blocks.push(Block::Paragraph(view.legend.clone()));
                blocks.push(Block::Heading(2, t!("team.plan_title")));
                if let Some(intro) = &view.plan_intro {
                    blocks.push(Block::Paragraph(intro.clone()));
                }
                for entry in &view.plan {
                    blocks.push(Block::Heading(3, entry.line.clone()));
                    blocks.push(Block::Bullets(entry.suggestions.clone()));
                }
            }
        }
    }
    blocks.push(Block::Paragraph(view.footer.clone()));
    Document {
        title: view.title.clone(),
        author: "vakwijzer".to_string(),
        subject: t!("team.title"),
        date: day(date),
        language: language(),
        // Anonymous: no names, and groups too small to tell people apart are withheld.
        footer: String::new(),
        blocks,
    }
}
