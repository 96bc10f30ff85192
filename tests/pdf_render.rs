//! The PDF renderer end to end: a document with Dutch text, a table over three pages, a radar
//! chart and tick boxes, rendered and then read back with tools that share no code with the
//! writer: poppler's pdftotext, pdfinfo and pdffonts, and qpdf.

mod common;

use std::path::Path;

use vakwijzer::render::pdf::{Block, Document, RadarChart, Table, render};

use common::tool;

/// The text of one page in the order it was written (`-raw`: the layout mode drops the spaces
/// in a short run like "1 / 3").
fn text_of_page(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    let path = pdf.to_str().unwrap();
    tool("pdftotext", &["-raw", "-f", &page, "-l", &page, path, "-"])
}

const COMPETENCIES: [&str; 8] = [
    "Verbinden en samenwerken",
    "Coachen",
    "Signaleren en outreachend werken",
    "Methodisch werken",
    "Reflecteren",
    "Communiceren",
    "Kennis van de sociale kaart",
    "Ondernemerschap",
];

fn document() -> Document {
    let rows = (1..=85)
        .map(|i| {
            vec![
                format!("Rij {i}: {}", COMPETENCIES[i % 8]),
                format!("{},{}", 1 + i % 5, i % 10),
                "4,00".to_string(),
            ]
        })
        .collect();
    Document {
        title: "Persoonlijk rapport — Sanne de Vries".into(),
        author: "Sanne de Vries".into(),
        subject: "Zelfscan WIJeindhoven-generalist".into(),
        date: "2026-11-23".into(),
        language: "nl".into(),
        footer: String::new(),
        blocks: vec![
            Block::Title {
                title: "Persoonlijk rapport".into(),
                lines: vec![
                    "Sanne de Vries · generalist".into(),
                    "Zelfscan WIJeindhoven – 23 november 2026".into(),
                ],
            },
            Block::Heading(1, "Toelichting".into()),
            Block::Paragraph(
                "De coördinator bespreekt met de cliënt een naïeve vraag over de \
                 ‘eigen kracht’ van het gezin; zij noemt het gesprek “goed” — ook volgens \
                 collega’s. Financiële zorgen komen aan bod."
                    .into(),
            ),
            Block::Bullets(vec![
                "Een privé-situatie, besproken in de reünie van het wijkteam".into(),
                "Afspraken: één gesprek per maand".into(),
            ]),
            Block::Table(Table {
                header: vec!["Competentie".into(), "Score".into(), "Streefniveau".into()],
                rows,
                widths: vec![4.0, 1.0, 1.2],
                align_right: vec![false, true, true],
            }),
            Block::RadarChart(RadarChart {
                labels: COMPETENCIES.map(String::from).to_vec(),
                values: vec![
                    Some(3.4),
                    Some(4.1),
                    Some(2.8),
                    None,
                    Some(4.6),
                    Some(3.9),
                    Some(2.2),
                    Some(3.0),
                ],
                targets: vec![Some(4.0); 8],
                min: 1.0,
                max: 5.0,
                value_legend: "Jouw score".into(),
                target_legend: "Streefniveau".into(),
                previous: vec![],
                previous_legend: String::new(),
            }),
            Block::Checkboxes(vec![
                "Besproken met mijn leidinggevende".into(),
                "Opgenomen in mijn ontwikkelplan — met een datum".into(),
            ]),
        ],
    }
}

#[test]
fn a_rendered_document_reads_back_with_independent_tools() {
    let bytes = render(&document()).expect("renders");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("rapport.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let path = pdf.to_str().unwrap();

    let check = tool("qpdf", &["--check", path]);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );

    let info = tool("pdfinfo", &["-isodates", path]);
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(&format!("{name}:")))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo shows no {name}:\n{info}"))
            .to_string()
    };
    assert_eq!(field("Pages"), "3");
    assert_eq!(field("Title"), "Persoonlijk rapport — Sanne de Vries");
    assert_eq!(field("Author"), "Sanne de Vries");
    assert_eq!(field("Subject"), "Zelfscan WIJeindhoven-generalist");
    assert!(field("CreationDate").starts_with("2026-11-23"), "{info}");
    assert!(field("ModDate").starts_with("2026-11-23"), "{info}");
    assert!(field("Page size").contains("595.276 x 841.89"), "{info}");
    // Not PDF/X (printpdf writes an empty GTS_PDFXVersion, which readers take for PDF/X).
    assert!(!info.contains("PDF/X"), "{info}");

    // Only the two embedded subsets; no built-in font that would turn ë into ?.
    let fonts = tool("pdffonts", &[path]);
    let font_lines: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!font_lines.is_empty(), "{fonts}");
    for line in &font_lines {
        assert!(line.contains("LiberationSans"), "{fonts}");
        assert!(
            line.contains(" yes yes "),
            "not embedded as a subset:\n{fonts}"
        );
    }

    let first = text_of_page(&pdf, 1);
    for expected in [
        "Persoonlijk rapport",
        "Sanne de Vries · generalist",
        "Zelfscan WIJeindhoven – 23 november 2026",
        "coördinator",
        "cliënt",
        "naïeve",
        "‘eigen kracht’",
        "“goed” — ook",
        "collega’s",
        "Financiële",
        "• Een privé-situatie, besproken in de reünie",
        "• Afspraken: één gesprek",
        "Competentie",
        "Streefniveau",
        "Rij 1: Coachen",
        "1 / 3",
    ] {
        assert!(
            first.contains(expected),
            "page 1 lacks {expected:?}:\n{first}"
        );
    }

    // The header row comes back on every page the table reaches; the rows follow in order.
    let second = text_of_page(&pdf, 2);
    let third = text_of_page(&pdf, 3);
    for (number, page) in [(2, &second), (3, &third)] {
        assert!(
            page.contains("Competentie") && page.contains("Score"),
            "page {number} lacks the header row:\n{page}"
        );
        assert!(
            page.contains(&format!("{number} / 3")),
            "page {number}:\n{page}"
        );
    }
    assert!(!first.contains("Rij 85:") && third.contains("Rij 85: Communiceren"));

    for expected in [
        "Signaleren en outreachend",
        "Jouw score",
        "Streefniveau",
        "Besproken met mijn leidinggevende",
        "Opgenomen in mijn ontwikkelplan — met een datum",
    ] {
        assert!(
            third.contains(expected),
            "page 3 lacks {expected:?}:\n{third}"
        );
    }
}

#[test]
fn a_date_that_is_not_a_date_is_an_error() {
    let mut document = document();
    document.date = "vandaag".into();
    assert!(render(&document).is_err());
}
