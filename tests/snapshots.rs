//! Every report in every text format on the example data, as snapshots (insta) in
//! `tests/snapshots/`: a change to any output shows as a diff to review like code. Run with
//! `INSTA_UPDATE=always` to rewrite them after a deliberate change, then read every diff.

mod common;

/// The report's output, run from the repository root on the example data, 100 columns wide.
fn output(args: &[&str]) -> String {
    String::from_utf8(common::output_at_root(args)).unwrap()
}

/// Every report: (name, arguments before `--format`).
fn reports() -> Vec<(&'static str, Vec<String>)> {
    common::example_reports()
}

fn snapshot(name: &str, args: &[String]) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    insta::assert_snapshot!(name.to_string(), output(&args));
}

#[test]
fn every_report_in_every_text_format() {
    for (report, args) in reports() {
        for format in ["table", "md", "html", "json", "csv"] {
            let mut args = args.clone();
            args.extend(["--format".to_string(), format.to_string()]);
            snapshot(&format!("{report}.{format}"), &args);
        }
    }
}

#[test]
fn the_guide_in_every_text_format() {
    for format in ["md", "txt", "html"] {
        let args = ["guide", "eindhoven", "--format", format].map(String::from);
        snapshot(&format!("guide.{format}"), &args);
    }
}

#[test]
fn reports_in_english() {
    for (report, args) in reports() {
        let mut args = args.clone();
        args.insert(0, "en".to_string());
        args.insert(0, "--lang".to_string());
        for format in ["md", "csv"] {
            let mut args = args.clone();
            args.extend(["--format".to_string(), format.to_string()]);
            snapshot(&format!("{report}.en.{format}"), &args);
        }
    }
    let args = ["--lang", "en", "guide", "eindhoven", "--competency", "durf"].map(String::from);
    snapshot("guide.en.txt", &args);
}
