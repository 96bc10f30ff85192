//! The printed interview guide as a form, read back from the PDF with pdftotext and qpdf:
//! write-in fields, every page of a competency headed by its name, the advice with motivation
//! and signature, the references, a bookmark per competency, and the short guide of chosen
//! questions. The HTML and plain-text guides carry the same sections.

mod common;

use std::path::Path;

use common::vakwijzer;

/// The guide of `args` as PDF: its pages as text (whitespace squashed), after `qpdf --check`.
fn guide_pdf(dir: &Path, args: &[&str]) -> (Vec<String>, String) {
    let file = dir.join("guide.pdf");
    let path = file.to_str().unwrap();
    vakwijzer(dir)
        .arg("guide")
        .args(args)
        .args(["--format", "pdf", "-o", path])
        .assert()
        .success();
    assert!(
        common::tool("qpdf", &["--check", path]).contains("No syntax or stream encoding errors")
    );
    let pages = common::tool("pdftotext", &[path, "-"])
        .split('\u{c}')
        .map(|page| page.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|page| !page.is_empty())
        .collect();
    (pages, path.to_string())
}

/// The competencies of a framework as `show --format json` gives them.
fn competencies(dir: &Path, framework: &str) -> Vec<serde_json::Value> {
    let output = vakwijzer(dir)
        .args(["show", framework, "--format", "json"])
        .output()
        .unwrap();
    let framework: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    framework["competencies"].as_array().unwrap().clone()
}

fn heading(competency: &serde_json::Value) -> String {
    format!(
        "{}. {}",
        competency["number"],
        competency["name"].as_str().unwrap()
    )
}

/// The (title, page from 1) of every bookmark, depth first.
fn bookmarks(path: &str) -> Vec<(String, u64)> {
    fn walk(entries: &serde_json::Value, out: &mut Vec<(String, u64)>) {
        for entry in entries.as_array().into_iter().flatten() {
            out.push((
                entry["title"].as_str().unwrap_or_default().to_string(),
                entry["destpageposfrom1"].as_u64().unwrap_or(0),
            ));
            walk(&entry["kids"], out);
        }
    }
    let json = common::tool("qpdf", &["--json", "--json-key=outlines", path]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut out = Vec::new();
    walk(&json["outlines"], &mut out);
    out
}

/// Every page that holds a question, an indicator or rating boxes names the competency they
/// belong to: its heading, or the running head "N. Naam (vervolg)" at its top. Returns how
/// many items it found.
fn assert_every_page_names_its_competency(
    pages: &[String],
    competencies: &[serde_json::Value],
) -> usize {
    // Each item by the first words of its text (a long one may end on the next page), with
    // the competency it belongs to; starts shared by two items say nothing and are left out.
    let mut starts: Vec<(String, String)> = Vec::new();
    for competency in competencies {
        let items = competency["questions"]
            .as_array()
            .unwrap()
            .iter()
            .chain(competency["indicators"].as_array().unwrap());
        for item in items {
            let text = common::squash(item["text"].as_str().unwrap());
            let start = text.split(' ').take(10).collect::<Vec<_>>().join(" ");
            starts.push((start, heading(competency)));
        }
    }
    let unique: Vec<&(String, String)> = starts
        .iter()
        .filter(|(start, _)| starts.iter().filter(|(s, _)| s == start).count() == 1)
        .collect();
    assert!(unique.len() > starts.len() * 9 / 10, "{unique:?}");
    let mut seen = 0;
    for (number, page) in pages.iter().enumerate() {
        for (start, heading) in &unique {
            if page.contains(start.as_str()) {
                seen += 1;
                assert!(
                    page.contains(heading.as_str()),
                    "page {} holds {start:?} but does not name {heading}:\n{page}",
                    number + 1
                );
            }
        }
        if page.contains("niet beoordeeld") && !page.contains("Gedragsgeankerde") {
            assert!(
                competencies.iter().any(|c| page.contains(&heading(c))),
                "page {} has rating boxes and no competency:\n{page}",
                number + 1
            );
        }
    }
    seen
}

#[test]
fn the_guide_pdf_is_a_form_to_fill_in_and_sign() {
    let dir = tempfile::tempdir().unwrap();
    let (pages, path) = guide_pdf(dir.path(), &["eindhoven"]);
    let competencies = competencies(dir.path(), "eindhoven");
    // Write-in fields for who, when and which vacancy on the first page.
    for label in ["Kandidaat", "Interviewer", "Datum", "Vacature"] {
        assert!(pages[0].contains(label), "page 1 lacks {label}");
    }
    let items: usize = competencies
        .iter()
        .map(|c| {
            c["questions"].as_array().unwrap().len() + c["indicators"].as_array().unwrap().len()
        })
        .sum();
    let seen = assert_every_page_names_its_competency(&pages, &competencies);
    assert!(seen * 10 >= items * 9, "{seen} of {items} items found");
    // A competency that runs onto a second page says so there, and only there.
    let coachen = pages
        .iter()
        .filter(|p| p.starts_with("4. Coachen (vervolg)"))
        .count();
    assert_eq!(coachen, 1, "Coachen continues on one page");
    assert!(
        !pages.iter().any(|p| p.starts_with("4. Coachen 4. Coachen")),
        "the first page of a competency carries no running head"
    );
    // Under each row of rating boxes what the values mean.
    let legend = "1 ruim onvoldoende · 2 onvoldoende · 3 voldoende · 4 goed · 5 uitstekend";
    assert_eq!(
        pages
            .iter()
            .map(|p| p.matches(legend).count())
            .sum::<usize>(),
        competencies.len()
    );
    // The last page: the five advice options, motivation, signature, and the references.
    let last = pages.last().unwrap();
    let advice_at = last.find("Advies").expect("an advice section");
    for expected in [
        "zeker niet",
        "niet",
        "wel",
        "zeker wel",
        "geen besluit",
        "Motivering van je advies",
        "Interviewer",
        "Datum",
        "Handtekening",
        "Bronvermeldingen",
        "[movisie-2013]",
    ] {
        assert!(
            last[advice_at..].contains(expected),
            "the last page lacks {expected}:\n{last}"
        );
    }
    assert!(!last.contains("(vervolg)"), "{last}");
    // A bookmark per competency, to the page its heading is on.
    let marks = bookmarks(&path);
    for competency in &competencies {
        let heading = heading(competency);
        let (_, page) = marks
            .iter()
            .find(|(title, _)| *title == heading)
            .unwrap_or_else(|| panic!("no bookmark {heading}: {marks:?}"));
        let page = &pages[usize::try_from(*page).unwrap() - 1];
        assert!(page.starts_with(&heading), "{heading} -> {page}");
    }
    assert!(marks.iter().any(|(title, _)| title == "Advies"));
}

#[test]
fn continuation_pages_say_so_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    vakwijzer(dir.path())
        .args(["--lang", "en", "guide", "eindhoven", "--format", "pdf"])
        .args(["-o", "guide.pdf"])
        .assert()
        .success();
    let text = common::squash(&common::tool(
        "pdftotext",
        &[dir.path().join("guide.pdf").to_str().unwrap(), "-"],
    ));
    for expected in [
        "4. Coachen (continued)",
        "Vacancy",
        "Advice",
        "definitely not",
        "Signature",
    ] {
        assert!(text.contains(expected), "lacks {expected}");
    }
    assert!(!text.contains("vervolg"));
}

#[test]
fn the_html_and_text_guides_carry_the_same_sections() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["txt", "html", "md"] {
        let output = vakwijzer(dir.path())
            .args(["guide", "eindhoven", "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success());
        let text = String::from_utf8_lossy(&output.stdout);
        for expected in [
            "Kandidaat",
            "Vacature",
            "Coachen",
            "Luister naar",
            "1 ruim onvoldoende · 2 onvoldoende",
            "Advies",
            "zeker wel",
            "geen besluit",
            "Motivering van je advies",
            "Handtekening",
            "Bronvermeldingen",
            "movisie-2013",
        ] {
            assert!(
                text.contains(expected),
                "guide as {format} lacks {expected}"
            );
        }
        // The running heads are for paper only.
        assert!(!text.contains("(vervolg)"), "{format}");
    }
}

/// The questions of a competency as (id, text).
fn questions(competency: &serde_json::Value) -> Vec<(String, String)> {
    competency["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["id"].as_str().unwrap().to_string(),
                common::squash(q["text"].as_str().unwrap()),
            )
        })
        .collect()
}

#[test]
fn a_short_guide_holds_only_the_chosen_questions_on_three_pages_at_most() {
    let dir = tempfile::tempdir().unwrap();
    let competencies = competencies(dir.path(), "eindhoven");
    // Every pair of competencies, each with its longest question: the most paper two take.
    let longest: Vec<(String, String)> = competencies
        .iter()
        .map(|c| {
            questions(c)
                .into_iter()
                .max_by_key(|(_, text)| text.len())
                .unwrap()
        })
        .collect();
    for first in 0..longest.len() {
        for second in first + 1..longest.len() {
            let (pages, _) = guide_pdf(
                dir.path(),
                &[
                    "eindhoven",
                    "--question",
                    &longest[first].0,
                    "--question",
                    &longest[second].0,
                ],
            );
            let chosen = [&competencies[first], &competencies[second]];
            assert!(
                pages.len() <= 3,
                "{} and {}: {} pages",
                longest[first].0,
                longest[second].0,
                pages.len()
            );
            assert!(assert_every_page_names_its_competency(&pages, &competencies) > 0);
            let all = pages.join(" ");
            for competency in &competencies {
                let shown = chosen.iter().any(|c| c["id"] == competency["id"]);
                assert_eq!(all.contains(&heading(competency)), shown);
                for (id, text) in questions(competency) {
                    let wanted = id == longest[first].0 || id == longest[second].0;
                    assert_eq!(all.contains(&text), wanted, "{id}");
                }
                for indicator in competency["indicators"].as_array().unwrap() {
                    let text = common::squash(indicator["text"].as_str().unwrap());
                    assert_eq!(all.contains(&text), shown, "{text}");
                }
            }
            assert_eq!(all.matches("niet beoordeeld").count(), 2, "rating boxes");
            assert!(pages.last().unwrap().contains("Handtekening"));
        }
    }
}

#[test]
fn chosen_questions_and_whole_competencies_combine() {
    let dir = tempfile::tempdir().unwrap();
    let output = vakwijzer(dir.path())
        .args(["guide", "eindhoven", "--competency", "durf"])
        .args(["--question", "coachen.q2", "--question", "coachen.q5"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = common::squash(&String::from_utf8_lossy(&output.stdout));
    let competencies = competencies(dir.path(), "eindhoven");
    let durf = competencies.iter().find(|c| c["id"] == "durf").unwrap();
    for (_, question) in questions(durf) {
        assert!(text.contains(&question), "{question}");
    }
    let coachen = competencies.iter().find(|c| c["id"] == "coachen").unwrap();
    for (index, (id, question)) in questions(coachen).into_iter().enumerate() {
        let chosen = id == "coachen.q2" || id == "coachen.q5";
        assert_eq!(text.contains(&question), chosen, "{id}");
        // A chosen question keeps its number, the one typed when entering the guide.
        if chosen {
            assert!(text.contains(&format!("{}. {question}", index + 1)));
        }
    }
    assert!(!text.contains("Creativiteit"));
    // A question the framework does not have: refused, with the ids there are.
    let output = vakwijzer(dir.path())
        .args(["guide", "eindhoven", "--question", "coachen.q9"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("geen vraag 'coachen.q9'") && stderr.contains("coachen.q7"),
        "{stderr}"
    );
}
