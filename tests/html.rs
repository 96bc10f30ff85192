//! The HTML reports: self-contained (no scripts, no network), user text escaped, and rendered
//! by a real browser (headless Chromium) without console errors, with the chart visible.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use common::vakwijzer;

fn examples(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/examples")
        .join(folder)
}

/// Every report kind as HTML: (file name, arguments).
fn reports() -> Vec<(&'static str, Vec<String>)> {
    let scans = examples("scans");
    let interviews = examples("interviews");
    let path = |p: PathBuf| p.to_str().unwrap().to_string();
    vec![
        (
            "personal.html",
            vec![
                "report".into(),
                path(scans.join("sanne-2026-11.yaml")),
                path(scans.join("sanne-2026-05.yaml")),
                // Three scans: the trend chart too.
                path(scans.join("sanne-2025-11.yaml")),
            ],
        ),
        ("guide.html", vec!["guide".into(), "eindhoven".into()]),
        (
            "scorecard.html",
            vec![
                "report".into(),
                path(interviews.join("noor-pieter.yaml")),
                path(interviews.join("noor-ans.yaml")),
            ],
        ),
        (
            "team.html",
            vec![
                "team".into(),
                path(examples("team")),
                "--by".into(),
                "team".into(),
            ],
        ),
        (
            "compare.html",
            std::iter::once("compare".to_string())
                .chain(
                    std::fs::read_dir(&interviews)
                        .unwrap()
                        .map(|e| path(e.unwrap().path())),
                )
                .collect(),
        ),
    ]
}

fn chromium() -> &'static str {
    for candidate in ["chromium", "chromium-browser"] {
        if Process::new(candidate)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return candidate;
        }
    }
    panic!(
        "headless Chromium is needed for this test: install it with `apt-get install chromium` (.ci/run does)"
    );
}

/// Runs headless Chromium on `page`; returns (stderr, dumped DOM).
fn browse(page: &Path, screenshot: &Path) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
    ];
    let url = format!("file://{}", page.display());
    let shot = Process::new(chromium())
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--window-size=1000,1400")
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(&url)
        .output()
        .unwrap();
    let dom = Process::new(chromium())
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let stderr = format!(
        "{}{}",
        String::from_utf8_lossy(&shot.stderr),
        String::from_utf8_lossy(&dom.stderr)
    );
    (stderr, String::from_utf8_lossy(&dom.stdout).into_owned())
}

#[test]
fn every_html_report_is_self_contained_and_renders_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in reports() {
        let file = dir.path().join(name);
        vakwijzer(dir.path())
            .args(&args)
            .args(["--format", "html", "-o", file.to_str().unwrap()])
            .assert()
            .success();
        let html = std::fs::read_to_string(&file).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
        for forbidden in ["<script", "http://", "https://", "<link", "@import", "src="] {
            let outside_svg_namespace = html.replace("http://www.w3.org/2000/svg", "");
            assert!(
                !outside_svg_namespace.contains(forbidden),
                "{name} contains {forbidden}"
            );
        }
        assert!(
            html.contains("@media print") && html.contains("size: A4"),
            "{name}: no print stylesheet"
        );
        assert!(
            html.contains("name=\"viewport\""),
            "{name}: not readable on a phone"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{name}: report files are owner-only");
        }

        let screenshot = dir.path().join(format!("{name}.png"));
        let (stderr, dom) = browse(&file, &screenshot);
        let console: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains("CONSOLE") || l.contains("Uncaught"))
            .collect();
        assert!(console.is_empty(), "{name}: console messages: {console:#?}");
        assert!(
            dom.contains("</html>") && dom.contains("<h1>"),
            "{name}: the browser did not render the page"
        );
        let png = std::fs::read(&screenshot).unwrap_or_default();
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 20_000,
            "{name}: no real screenshot ({} bytes)",
            png.len()
        );
        if name != "guide.html" {
            assert!(
                dom.contains("<svg") && (dom.contains("<polygon") || dom.contains("<rect")),
                "{name}: no chart in the DOM"
            );
        }
    }
}

#[test]
fn user_text_is_escaped_in_html() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "<script>alert(1)</script>";
    vakwijzer(dir.path())
        .args([
            "scan",
            "eindhoven",
            "--competency",
            "durf",
            "--name",
            evil,
            "--out",
            "scan.yaml",
        ])
        .write_stdin(format!(
            "2\n2\n3\n2\n1\nnotitie: \"><img src=x onerror=alert(2)> & {evil}\n"
        ))
        .assert()
        .success();
    vakwijzer(dir.path())
        .args(["report", "scan.yaml", "--format", "html", "-o", "r.html"])
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(!html.contains("<script>"), "the name was not escaped");
    assert!(!html.contains("<img"), "the note was not escaped");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    let (_, dom) = browse(&dir.path().join("r.html"), &dir.path().join("r.png"));
    assert!(
        !dom.contains("<script>") && !dom.contains("<img"),
        "the browser found markup in user text"
    );
    // The same for an interview: candidate, interviewer, notes and motivation.
    vakwijzer(dir.path())
        .args([
            "interview",
            "eindhoven",
            "--candidate",
            evil,
            "--interviewer",
            "<b>Ans</b>",
            "--competency",
            "durf",
            "--out",
            "i.yaml",
        ])
        .write_stdin(format!("1\n{evil}\n1\n3\nwel\n{evil}\n"))
        .assert()
        .success();
    vakwijzer(dir.path())
        .args(["report", "i.yaml", "--format", "html", "-o", "s.html"])
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.path().join("s.html")).unwrap();
    assert!(
        !html.contains("<script>") && !html.contains("<b>Ans"),
        "interview text was not escaped"
    );
}

#[test]
fn a_report_never_overwrites_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let scan = examples("scans").join("mehmet-2026-10.yaml");
    std::fs::copy(&scan, dir.path().join("scan.yaml")).unwrap();
    let before = std::fs::read(dir.path().join("scan.yaml")).unwrap();
    vakwijzer(dir.path())
        .args(["report", "scan.yaml", "--format", "html", "-o", "scan.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invoerbestanden"));
    assert_eq!(std::fs::read(dir.path().join("scan.yaml")).unwrap(), before);
}

/// The full path of a program on PATH (puppeteer wants one).
fn on_path(program: &str) -> PathBuf {
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| panic!("{program} is not on PATH"))
}

/// What tests/browser/check.js found on one page.
struct PageCheck {
    file: String,
    /// Per chart: its class, its accessible name, its number of labels and those outside it.
    charts: Vec<serde_json::Value>,
    fonts: Vec<serde_json::Value>,
    violations: Vec<serde_json::Value>,
    /// How many of axe-core's rules applied to the page.
    axe_rules: u64,
    errors: Vec<serde_json::Value>,
}

/// Runs tests/browser/check.js (puppeteer-core and axe-core) on `pages` in headless Chromium.
fn check_in_browser(pages: &[PathBuf]) -> Vec<PageCheck> {
    let browser = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        browser.join("node_modules").is_dir(),
        "the browser checks need their npm packages: run scripts/test (it runs `npm ci` in tests/browser)"
    );
    let output = Process::new("node")
        .arg(browser.join("check.js"))
        .arg(on_path(chromium()))
        .args(pages)
        .output()
        .expect("node is needed for this test: scripts/test installs it");
    assert!(
        output.status.success(),
        "check.js failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let list = |key: &str| value[key].as_array().cloned().unwrap_or_default();
            PageCheck {
                file: value["file"].as_str().unwrap().to_string(),
                charts: list("charts"),
                fonts: list("fonts"),
                violations: list("violations"),
                axe_rules: value["axe_rules"].as_u64().unwrap_or(0),
                errors: list("errors"),
            }
        })
        .collect()
}

/// Every HTML report, in Dutch and in English, the personal report with the generic
/// framework's long competency names and the team report with an earlier round too.
fn every_html_report(dir: &Path) -> Vec<PathBuf> {
    let mut all = reports();
    let path = |p: PathBuf| p.to_str().unwrap().to_string();
    all.push((
        "personal-generiek.html",
        vec![
            "report".into(),
            path(examples("scans").join("mehmet-2026-10.yaml")),
        ],
    ));
    all.push((
        "team-since.html",
        vec![
            "team".into(),
            path(examples("team")),
            "--since".into(),
            path(examples("team-2026-voorjaar")),
        ],
    ));
    let mut files = Vec::new();
    for lang in ["nl", "en"] {
        for (name, args) in &all {
            let file = dir.join(format!("{lang}-{name}"));
            vakwijzer(dir)
                .args(["--lang", lang])
                .args(args)
                .args(["--format", "html", "-o", file.to_str().unwrap()])
                .assert()
                .success();
            files.push(file);
        }
    }
    files
}

#[test]
fn every_chart_label_lies_inside_its_chart_and_axe_finds_nothing_serious() {
    let dir = tempfile::tempdir().unwrap();
    let pages = every_html_report(dir.path());
    let checks = check_in_browser(&pages);
    assert_eq!(checks.len(), pages.len());
    let mut labels = 0;
    for page in &checks {
        assert!(page.errors.is_empty(), "{}: {:?}", page.file, page.errors);
        if !page.file.contains("guide") {
            assert!(!page.charts.is_empty(), "{}: no chart", page.file);
        }
        for chart in &page.charts {
            let outside = chart["outside"].as_array().unwrap();
            assert!(
                outside.is_empty(),
                "{}: labels outside the {} chart: {outside:#?}",
                page.file,
                chart["class"]
            );
            assert!(
                chart["name"].as_str().is_some_and(|n| n.len() > 20),
                "{}: the {} chart has no name saying what it shows",
                page.file,
                chart["class"]
            );
            labels += chart["labels"].as_u64().unwrap();
        }
        // The labels were wrapped to the embedded font: a fallback would measure otherwise.
        for font in &page.fonts {
            assert_eq!(font["status"], "loaded", "{}: {font}", page.file);
        }
        assert_eq!(
            page.fonts.is_empty(),
            page.charts.is_empty(),
            "{}: charts without their font",
            page.file
        );
    }
    assert!(labels > 200, "{labels} labels checked");
    // axe-core on every page: nothing serious or critical, and none of the rules the
    // reports once broke (charts without a name, no <main>, headings out of order, header
    // cells without scope or text).
    let once_broken = [
        "svg-img-alt",
        "landmark-one-main",
        "region",
        "heading-order",
        "th-has-data-cells",
        "scope-attr-valid",
        "empty-table-header",
        "scrollable-region-focusable",
    ];
    for page in &checks {
        assert!(
            page.axe_rules > 15,
            "{}: axe-core checked {} rules",
            page.file,
            page.axe_rules
        );
        let found: Vec<_> = page
            .violations
            .iter()
            .filter(|v| {
                ["serious", "critical"].contains(&v["impact"].as_str().unwrap_or(""))
                    || once_broken.contains(&v["id"].as_str().unwrap_or(""))
            })
            .collect();
        assert!(found.is_empty(), "{}: axe-core found {found:#?}", page.file);
    }
}
