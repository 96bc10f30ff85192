//! Every report as PDF, read back with independent tools: pdftotext finds the texts (Dutch
//! diacritics and curly quotes included), pdfinfo the page count and metadata, qpdf checks the
//! structure. A PDF is never written to a terminal.

mod common;

use std::path::Path;

use common::pty::Pty;
use common::{example, vakwijzer};

/// Renders `args` as PDF into `dir/name`; returns (text of the pages, page count, pdfinfo).
fn pdf(dir: &Path, name: &str, args: &[String]) -> (Vec<String>, usize, String) {
    let file = dir.join(name);
    vakwijzer(dir)
        .args(args)
        .args(["--format", "pdf", "-o", file.to_str().unwrap()])
        .assert()
        .success();
    let path = file.to_str().unwrap();
    assert!(
        common::tool("qpdf", &["--check", path]).contains("No syntax or stream encoding errors"),
        "{name}"
    );
    let info = common::tool("pdfinfo", &[path]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|p| p.trim().parse().ok())
        .unwrap_or_else(|| panic!("{name}: no page count in\n{info}"));
    let text = common::tool("pdftotext", &["-layout", path, "-"]);
    let pages_text: Vec<String> = text
        .split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages_text.len(), pages, "{name}: pages with text");
    for (index, page) in pages_text.iter().enumerate() {
        // pdftotext -layout may close up the spaces of "n / N".
        let compact: String = page.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            compact.contains(&format!("{}/{pages}", index + 1)),
            "{name}: page {} has no page number",
            index + 1
        );
    }
    let fonts = common::tool("pdffonts", &[path]);
    assert!(
        fonts.contains("LiberationSans") && !fonts.contains("Helvetica"),
        "{name}: fonts\n{fonts}"
    );
    (pages_text, pages, info)
}

#[test]
fn the_personal_report_pdf_holds_scores_development_points_and_progress() {
    let dir = tempfile::tempdir().unwrap();
    let args = vec![
        "report".into(),
        example("scans/sanne-2026-11.yaml"),
        example("scans/sanne-2026-05.yaml"),
    ];
    let (pages, count, info) = pdf(dir.path(), "personal.pdf", &args);
    let all = common::squash(&pages.join("\n"));
    for expected in [
        "Persoonlijk rapport — Sanne de Vries",
        "Aanpassingsvermogen",
        "Overtuigingskracht",
        "Sterke punten",
        "Ontwikkelpunten",
        "Voortgang sinds 2026-05-12",
        "In het MDO kreeg ik de school niet mee in mijn voorstel.",
        "Consulteren, adviseren en coachen van andere professionals",
    ] {
        assert!(all.contains(expected), "personal.pdf lacks {expected}");
    }
    assert!((2..=6).contains(&count), "{count} pages");
    assert!(
        info.contains("Title:") && info.contains("Sanne de Vries"),
        "{info}"
    );
    assert!(
        info.contains("CreationDate:") && info.contains("2026"),
        "{info}"
    );
}

#[test]
fn the_guide_pdf_is_a_form_with_one_page_block_per_competency() {
    let dir = tempfile::tempdir().unwrap();
    let (pages, count, _) = pdf(
        dir.path(),
        "guide.pdf",
        &["guide".into(), "eindhoven".into()],
    );
    let names = [
        "Aanpassingsvermogen",
        "Creativiteit",
        "Durf",
        "Coachen",
        "Netwerken",
        "Samenwerken",
        "Zelfontwikkeling",
        "Overtuigingskracht",
    ];
    // Every competency starts a page of its own, in order, after the opening page.
    let starts: Vec<usize> = names
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let heading = format!("{}. {name}", index + 1);
            pages
                .iter()
                .position(|p| p.trim_start().starts_with(&heading))
                .unwrap_or_else(|| panic!("no page starts with {heading}"))
        })
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    assert!(starts[0] >= 1 && count >= 9, "{count} pages");
    let all = common::squash(&pages.join("\n"));
    // Diacritics and curly quotes copy as text.
    for expected in [
        "interveniëren",
        "geïnitieerd",
        "collega’s",
        "Risico’s nemen",
        "‘er op af’",
        "Situatie",
        "uitstekend",
    ] {
        assert!(all.contains(expected), "guide.pdf lacks {expected}");
    }
    // Every question and indicator of the profile is in it.
    let json = vakwijzer(dir.path())
        .args(["show", "eindhoven", "--format", "json"])
        .output()
        .unwrap();
    let framework: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for competency in framework["competencies"].as_array().unwrap() {
        for item in competency["questions"]
            .as_array()
            .unwrap()
            .iter()
            .chain(competency["indicators"].as_array().unwrap())
        {
            let text = common::squash(item["text"].as_str().unwrap());
            assert!(all.contains(&text), "guide.pdf lacks {text}");
        }
    }
}

#[test]
fn scorecard_comparison_and_team_pdfs_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let (pages, _, _) = pdf(
        dir.path(),
        "scorecard.pdf",
        &[
            "report".into(),
            example("interviews/sanne-pieter.yaml"),
            example("interviews/sanne-ans.yaml"),
        ],
    );
    let all = common::squash(&pages.join("\n"));
    for expected in [
        "Scorekaart — Sanne Bos",
        "Pieter Smit",
        "Ans de Groot",
        "bespreken",
        "Overtuigingskracht is een aandachtspunt.",
    ] {
        assert!(all.contains(expected), "scorecard.pdf lacks {expected}");
    }
    let mut compare = vec!["compare".to_string()];
    for entry in std::fs::read_dir(example("interviews")).unwrap() {
        compare.push(entry.unwrap().path().to_str().unwrap().to_string());
    }
    let (pages, _, _) = pdf(dir.path(), "compare.pdf", &compare);
    let all = common::squash(&pages.join("\n"));
    let (sanne, noor, jeroen) = (
        all.find("Sanne Bos").unwrap(),
        all.find("Noor El Amrani").unwrap(),
        all.find("Jeroen Visser").unwrap(),
    );
    assert!(sanne < noor && noor < jeroen, "ranking in compare.pdf");
    let (pages, _, _) = pdf(
        dir.path(),
        "team.pdf",
        &[
            "team".into(),
            example("team"),
            "--since".into(),
            example("team-2026-voorjaar"),
        ],
    );
    let all = common::squash(&pages.join("\n"));
    for expected in [
        "Teamrapport",
        "Scholingsplan",
        "1 nooit",
        "5 (bijna) altijd",
        "Zelfontwikkeling",
        "Groepen kleiner dan 5 worden niet getoond; gemiddelden en veranderingen afgerond",
    ] {
        assert!(all.contains(expected), "team.pdf lacks {expected}");
    }
    // No name from any scan of the team appears in its PDF.
    for entry in std::fs::read_dir(example("team")).unwrap() {
        let scan = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let name = scan
            .lines()
            .find_map(|l| l.strip_prefix("name: "))
            .unwrap()
            .trim_matches('"');
        assert!(!all.contains(name), "team.pdf shows {name}");
    }
}

#[test]
fn a_pdf_is_not_written_to_a_terminal() {
    let mut term = Pty::start(
        Path::new(common::ROOT),
        &[
            "report",
            &example("scans/mehmet-2026-10.yaml"),
            "--format",
            "pdf",
        ],
    );
    term.expect("pdf is binair en hoort niet in een terminal");
    term.expect("-o RAPPORT.pdf");
    term.end_with(2);
}

/// The words of a PDF with their page and position, as `pdftotext -bbox` reads them.
struct Word {
    page: usize,
    y: f32,
    text: String,
}

fn words(path: &Path) -> Vec<Word> {
    let xml = common::tool("pdftotext", &["-bbox", path.to_str().unwrap(), "-"]);
    let mut page = 0;
    let mut found = Vec::new();
    for line in xml.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        }
        let Some(rest) = line.strip_prefix("<word ") else {
            continue;
        };
        let y = rest
            .split("yMin=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .unwrap();
        let text = rest
            .split_once('>')
            .and_then(|(_, s)| s.strip_suffix("</word>"))
            .unwrap()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        found.push(Word { page, y, text });
    }
    found
}

/// The words of the header row of the first table whose header starts with `first_header`
/// and whose first row starts with `first_cell`: everything between the two on their page.
fn header_words(words: &[Word], first_header: &str, first_cell: &str) -> Vec<String> {
    let start = words
        .iter()
        .position(|w| w.text == first_header)
        .unwrap_or_else(|| panic!("no header {first_header:?}"));
    let top = &words[start];
    let row = words[start..]
        .iter()
        .find(|w| w.page == top.page && w.text == first_cell && w.y > top.y)
        .unwrap_or_else(|| panic!("no row {first_cell:?} under {first_header:?}"));
    words
        .iter()
        .filter(|w| w.page == top.page && w.y >= top.y - 0.5 && w.y < row.y - 0.5)
        .map(|w| w.text.clone())
        .collect()
}

#[test]
fn table_headers_in_pdfs_never_break_inside_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let interviews: Vec<String> = std::fs::read_dir(example("interviews"))
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    let scorecard = vec![
        "report".to_string(),
        example("interviews/noor-ans.yaml"),
        example("interviews/noor-pieter.yaml"),
    ];
    let team = vec![
        "team".to_string(),
        example("team"),
        "--since".into(),
        example("team-2026-voorjaar"),
    ];
    let personal = vec![
        "report".to_string(),
        example("scans/sanne-2026-11.yaml"),
        example("scans/sanne-2026-05.yaml"),
    ];
    let compare: Vec<String> = std::iter::once("compare".to_string())
        .chain(interviews)
        .collect();
    let mut checked = 0;
    for lang in ["nl", "en"] {
        let (competency, candidate) = if lang == "nl" {
            ("competentie", "kandidaat")
        } else {
            ("competency", "candidate")
        };
        for (name, args, first_header, first_cell) in [
            ("team", &team, competency, "Aanpassingsvermogen"),
            ("scorecard", &scorecard, competency, "Aanpassingsvermogen"),
            ("personal", &personal, competency, "Aanpassingsvermogen"),
            ("compare", &compare, "#", "Sanne"),
        ] {
            let file = dir.path().join(format!("{name}-{lang}.pdf"));
            vakwijzer(dir.path())
                .args(["--lang", lang])
                .args(args)
                .args(["--format", "pdf", "-o", file.to_str().unwrap()])
                .assert()
                .success();
            // Every header word must be a word the report also writes whole: the Markdown
            // table header (compare's PDF numbers its competencies C1, C2, … instead).
            let markdown = vakwijzer(dir.path())
                .args(["--lang", lang])
                .args(args)
                .args(["--format", "md"])
                .output()
                .unwrap();
            let markdown = String::from_utf8_lossy(&markdown.stdout)
                .replace("&lt;", "<")
                .replace('\\', "");
            let whole: Vec<&str> = markdown.split([' ', '|', '\n', '*']).collect();
            let header = header_words(&words(&file), first_header, first_cell);
            assert!(header.contains(&candidate.to_string()) || name != "compare");
            assert!(header.len() >= 4, "{name} {lang}: header {header:?}");
            for word in &header {
                let numbered = word
                    .strip_prefix('C')
                    .is_some_and(|n| n.parse::<u8>().is_ok());
                assert!(
                    whole.contains(&word.as_str()) || numbered,
                    "{name}.pdf ({lang}): header word {word:?} is not whole; header {header:?}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "{checked} header words");
}

#[test]
fn pdfs_declare_their_language_title_and_outline() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, args, outline, confidential) in [
        (
            "nl",
            vec!["guide".to_string(), "eindhoven".into()],
            vec![
                "Interviewleidraad",
                "Doorvragen met STAR",
                "1. Aanpassingsvermogen",
                "8. Overtuigingskracht",
            ],
            false,
        ),
        (
            "en",
            vec![
                "report".to_string(),
                example("scans/sanne-2026-11.yaml"),
                example("scans/sanne-2026-05.yaml"),
            ],
            vec![
                "Personal report",
                "Strengths",
                "Development points",
                "Progress since",
            ],
            true,
        ),
        (
            "nl",
            vec!["team".to_string(), example("team")],
            vec!["Teamrapport", "Scholingsplan", "1. Durf"],
            false,
        ),
    ] {
        let file = dir.path().join(format!("{}-{lang}.pdf", args[0]));
        vakwijzer(dir.path())
            .args(["--lang", lang])
            .args(&args)
            .args(["--format", "pdf", "-o", file.to_str().unwrap()])
            .assert()
            .success();
        let path = file.to_str().unwrap();
        let catalog = common::tool("qpdf", &["--show-object=trailer", path]);
        let root = catalog
            .split("/Root ")
            .nth(1)
            .and_then(|s| s.split(" 0 R").next())
            .unwrap()
            .trim()
            .to_string();
        let catalog = common::tool("qpdf", &[&format!("--show-object={root}"), path]);
        assert!(catalog.contains(&format!("/Lang ({lang})")), "{catalog}");
        assert!(catalog.contains("/DisplayDocTitle true"), "{catalog}");
        assert!(catalog.contains("/PageMode /UseOutlines"), "{catalog}");
        let json = common::tool("qpdf", &["--json", "--json-key=outlines", path]);
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut titles = Vec::new();
        let mut stack: Vec<&serde_json::Value> =
            json["outlines"].as_array().unwrap().iter().collect();
        while let Some(entry) = stack.pop() {
            titles.push(entry["title"].as_str().unwrap().to_string());
            assert!(entry["destpageposfrom1"].as_u64().unwrap() >= 1);
            stack.extend(entry["kids"].as_array().unwrap());
        }
        for expected in outline {
            assert!(
                titles.iter().any(|t| t.starts_with(expected)),
                "{path}: no bookmark {expected:?} in {titles:?}"
            );
        }
        // A report with names and ratings says on every page that it is confidential.
        let text = common::tool("pdftotext", &[path, "-"]);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        let notice = if lang == "nl" {
            "Vertrouwelijk:"
        } else {
            "Confidential:"
        };
        let marked = pages.iter().filter(|p| p.contains(notice)).count();
        assert_eq!(marked, if confidential { pages.len() } else { 0 }, "{path}");
    }
}
