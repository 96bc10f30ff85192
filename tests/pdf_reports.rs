//! Every report as PDF, read back with independent tools: pdftotext finds the texts (Dutch
//! diacritics and curly quotes included), pdfinfo the page count and metadata, qpdf checks the
//! structure. A PDF is never written to a terminal.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;

fn vakwijzer(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("vakwijzer").unwrap();
    command
        .current_dir(dir)
        .env_remove("VAKWIJZER_DATA")
        .env_remove("VAKWIJZER_LANG")
        .env_remove("VAKWIJZER_TEMPLATES")
        .env("VAKWIJZER_NOW", "2026-11-23T10:00:00Z");
    command
}

fn example(path: &str) -> String {
    let full: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/examples")
        .join(path);
    full.to_str().unwrap().to_string()
}

fn tool(name: &str, args: &[&str]) -> String {
    let output = Process::new(name).args(args).output().unwrap_or_else(|e| {
        panic!(
            "{name} is needed for this test ({e}): install poppler-utils and qpdf (.ci/run does)"
        )
    });
    assert!(
        output.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

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
        tool("qpdf", &["--check", path]).contains("No syntax or stream encoding errors"),
        "{name}"
    );
    let info = tool("pdfinfo", &[path]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|p| p.trim().parse().ok())
        .unwrap_or_else(|| panic!("{name}: no page count in\n{info}"));
    let text = tool("pdftotext", &["-layout", path, "-"]);
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
    let fonts = tool("pdffonts", &[path]);
    assert!(
        fonts.contains("LiberationSans") && !fonts.contains("Helvetica"),
        "{name}: fonts\n{fonts}"
    );
    (pages_text, pages, info)
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    let all = squash(&pages.join("\n"));
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
    let all = squash(&pages.join("\n"));
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
            let text = squash(item["text"].as_str().unwrap());
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
    let all = squash(&pages.join("\n"));
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
    let all = squash(&pages.join("\n"));
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
    let all = squash(&pages.join("\n"));
    for expected in [
        "Teamrapport",
        "Scholingsplan",
        "1 nooit",
        "5 (bijna) altijd",
        "Zelfontwikkeling",
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
    let mut session = rexpect::session::spawn_command(
        {
            let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_vakwijzer"));
            command.args([
                "report",
                &example("scans/mehmet-2026-10.yaml"),
                "--format",
                "pdf",
            ]);
            command.env_remove("VAKWIJZER_LANG");
            command
        },
        Some(10_000),
    )
    .unwrap();
    session
        .exp_string("pdf is binair en hoort niet in een terminal")
        .unwrap();
    session.exp_string("-o RAPPORT.pdf").unwrap();
    session.exp_eof().unwrap();
    let status = session.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 2)),
        "{status:?}"
    );
}
