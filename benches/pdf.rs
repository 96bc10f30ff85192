//! How long a realistic two-page personal report takes to render as PDF, and how big it is.
//! Targets: a median under 50 ms and a file under 150 KB.
//!
//! `cargo bench --bench pdf` runs it; `cargo bench --bench pdf -- --save report.pdf` also keeps
//! the PDF, to look at.

use std::time::{Duration, Instant};

use vakwijzer::render::pdf::{BarChart, Block, Document, RadarChart, Table, render};

const RUNS: usize = 50;

/// (competency, score, target, statements answered of)
const SCORES: [(&str, f64, f64, &str); 8] = [
    ("Verbinden en samenwerken in het netwerk", 3.75, 4.0, "6/6"),
    ("Coachen en versterken van eigen kracht", 4.20, 4.0, "5/5"),
    ("Signaleren en outreachend werken", 2.80, 3.5, "5/5"),
    ("Methodisch en resultaatgericht werken", 3.40, 4.0, "4/5"),
    ("Reflecteren op de eigen rol", 4.50, 4.0, "4/4"),
    ("Communiceren met inwoners en partners", 3.90, 4.0, "6/6"),
    (
        "Kennis van de sociale kaart en regelgeving",
        2.60,
        3.5,
        "5/5",
    ),
    ("Ondernemerschap en initiatief", 3.10, 3.0, "4/4"),
];

fn dutch(value: f64) -> String {
    format!("{value:.2}").replace('.', ",")
}

fn report() -> Document {
    let names: Vec<String> = SCORES.iter().map(|s| s.0.to_string()).collect();
    let rows = SCORES
        .iter()
        .map(|(name, score, target, answered)| {
            let gap = score - target;
            let sign = if gap > 0.0 { "+" } else { "" };
            vec![
                name.to_string(),
                dutch(*score),
                dutch(*target),
                format!("{sign}{}", dutch(gap)),
                answered.to_string(),
            ]
        })
        .collect();
    let values: Vec<Option<f64>> = SCORES.iter().map(|s| Some(s.1)).collect();
    let targets: Vec<Option<f64>> = SCORES.iter().map(|s| Some(s.2)).collect();
    Document {
        title: "Persoonlijk rapport — Sanne de Vries".into(),
        author: "Sanne de Vries".into(),
        subject: "Zelfscan WIJeindhoven-generalist".into(),
        date: "2026-11-23".into(),
        blocks: vec![
            Block::Title {
                title: "Persoonlijk rapport".into(),
                lines: vec![
                    "Sanne de Vries · generalist WIJeindhoven".into(),
                    "Zelfscan competentieprofiel – 23 november 2026".into(),
                ],
            },
            Block::KeyValues(vec![
                ("Naam".into(), "Sanne de Vries".into()),
                (
                    "Framework".into(),
                    "Competentieprofiel WIJeindhoven-generalist (8 competenties)".into(),
                ),
                (
                    "Streefniveaus".into(),
                    "generalist, na één jaar in dienst".into(),
                ),
                ("Vorige scan".into(), "12 mei 2026".into()),
            ]),
            Block::Heading(1, "Scores per competentie".into()),
            Block::Paragraph(
                "Je scores zijn het gemiddelde van je antwoorden per competentie, op een schaal \
                 van 1 (‘nog niet’) tot 5 (‘voorbeeld voor anderen’). Het streefniveau is wat je \
                 organisatie na één jaar verwacht; het verschil laat zien waar je staat."
                    .into(),
            ),
            Block::Table(Table {
                header: ["Competentie", "Score", "Streef", "Verschil", "Beantwoord"]
                    .map(String::from)
                    .to_vec(),
                rows,
                widths: vec![4.0, 1.0, 1.0, 1.1, 1.3],
                align_right: vec![false, true, true, true, true],
            }),
            Block::RadarChart(RadarChart {
                labels: names.clone(),
                values: values.clone(),
                targets: targets.clone(),
                min: 1.0,
                max: 5.0,
                value_legend: "Jouw score".into(),
                target_legend: "Streefniveau".into(),
            }),
            Block::Heading(1, "Sterke punten en ontwikkelpunten".into()),
            Block::BarChart(BarChart {
                labels: names,
                values,
                targets,
                min: 1.0,
                max: 5.0,
                value_legend: "Jouw score".into(),
                target_legend: "Streefniveau".into(),
            }),
            Block::Paragraph(
                "Je sterkste punten zijn reflecteren op de eigen rol en coachen: daar zit je \
                 boven het streefniveau. Je noteerde: “Ik vraag vaker feedback aan collega’s \
                 en neem de tijd om na een huisbezoek terug te kijken.”"
                    .into(),
            ),
            Block::Heading(2, "Ontwikkelpunten".into()),
            Block::Bullets(vec![
                "Signaleren en outreachend werken (2,80; streef 3,50) — BoKS: vroegsignalering, \
                 outreachend werken; methode: intervisie."
                    .into(),
                "Kennis van de sociale kaart en regelgeving (2,60; streef 3,50) — BoKS: Wmo, \
                 Jeugdwet en Participatiewet; methode: meelopen bij een collega."
                    .into(),
            ]),
            Block::Paragraph(
                "Bespreek dit rapport met je leidinggevende of in intervisie, en kies één \
                 ontwikkelpunt om de komende drie maanden aan te werken."
                    .into(),
            ),
        ],
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let save = args
        .iter()
        .position(|arg| arg == "--save")
        .and_then(|at| args.get(at + 1));

    let document = report();
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut bytes = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        bytes = render(&document).expect("the report renders");
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[RUNS / 2];
    println!(
        "pdf: {RUNS} renders of a 2-page report: median {:.2} ms (fastest {:.2} ms, slowest {:.2} ms); {} bytes ({:.1} KB)",
        median.as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[RUNS - 1].as_secs_f64() * 1000.0,
        bytes.len(),
        bytes.len() as f64 / 1024.0
    );
    if let Some(path) = save {
        std::fs::write(path, &bytes).expect("the PDF can be written");
        println!("pdf: written to {path}");
    }
}
