//! The files offices open: the Dutch CSV as LibreOffice Calc opens it in a Dutch locale (every
//! field in its own column, every number a number, "Yılmaz" intact), read back by calamine; and
//! every column of every CSV documented in docs/formats.md.

mod common;

use std::path::Path;
use std::process::Command as Process;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::pty::Pty;

/// The CSV of every example report in `lang`.
fn example_csvs(lang: &str) -> Vec<(&'static str, String)> {
    common::example_reports()
        .into_iter()
        .map(|(name, args)| {
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            args.splice(0..0, ["--lang", lang]);
            args.extend(["--format", "csv"]);
            let csv = String::from_utf8(common::output_at_root(&args)).unwrap();
            (name, csv)
        })
        .collect()
}

#[test]
fn every_csv_column_is_documented() {
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/formats.md"))
            .unwrap();
    for lang in ["nl", "en"] {
        for (name, csv) in example_csvs(lang) {
            let read = common::Csv::read(&csv, lang);
            let header = csv.lines().next().unwrap().trim_start_matches('\u{FEFF}');
            let delimiter = if lang == "nl" { ';' } else { ',' };
            for (index, cell) in header.split(delimiter).enumerate() {
                assert!(
                    !cell.starts_with("column."),
                    "{name} ({lang}): no header for {cell}"
                );
                // A scale point's count and, in the comparison, a competency id are patterns.
                let point = cell
                    .strip_prefix("count_")
                    .or_else(|| cell.strip_prefix("aantal_"))
                    .is_some_and(|n| n.parse::<u8>().is_ok());
                let competency = name == "compare" && read.unnamed.contains(&cell.to_string());
                // The personal report's score per earlier scan, named by its day.
                let dated = cell
                    .strip_prefix("score_")
                    .is_some_and(|day| day.len() == 10 && day.as_bytes()[4] == b'-');
                assert!(
                    point || competency || dated || docs.contains(&format!("`{cell}`")),
                    "{name} ({lang}): column {index} `{cell}` is not in docs/formats.md"
                );
            }
        }
    }
}

/// LibreOffice's `soffice`, which scripts/test-setup installs.
fn soffice() -> &'static str {
    let found = Process::new("soffice").arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "LibreOffice is needed for this test: scripts/test installs it (libreoffice-calc-nogui)"
    );
    "soffice"
}

/// Converts every CSV in `dir` to XLSX the way a Dutch Calc opens it: `;` between fields, `"`
/// around them, UTF-8, from line 1, and the Dutch locale (1043) for numbers.
fn open_in_dutch_calc(dir: &Path, files: &[String]) {
    let profile = format!("file://{}", dir.join("profile").display());
    let output = Process::new(soffice())
        .arg("--headless")
        .arg("--norestore")
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--infilter=CSV:59,34,76,1,,1043",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(dir.join("calc"))
        .args(files.iter().map(|f| dir.join(f)))
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The first sheet of an XLSX, as calamine reads it.
fn first_sheet(path: &Path) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> =
        open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).unwrap();
    range.rows().map(|row| row.to_vec()).collect()
}

#[test]
fn the_dutch_csv_opens_in_a_dutch_calc_with_every_number_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let dutch = example_csvs("nl");
    let english = example_csvs("en");
    let files: Vec<String> = dutch
        .iter()
        .map(|(name, _)| format!("{name}.csv"))
        .collect();
    for ((_, csv), file) in dutch.iter().zip(&files) {
        std::fs::write(dir.path().join(file), csv).unwrap();
    }
    open_in_dutch_calc(dir.path(), &files);
    let mut numbers = 0;
    for ((name, _), (_, en)) in dutch.iter().zip(&english) {
        let sheet = first_sheet(&dir.path().join(format!("calc/{name}.xlsx")));
        // The English CSV says what each cell is: a cell that is a number there must be that
        // number in Calc, any other the same text.
        let expected = common::Csv::read(en, "en");
        assert_eq!(sheet.len(), 1 + expected.rows.len(), "{name}: rows");
        assert_eq!(
            sheet[0].len(),
            expected.columns.len(),
            "{name}: one column per field"
        );
        for (row, cells) in expected.rows.iter().zip(&sheet[1..]) {
            for (column, (want, got)) in row.iter().zip(cells).enumerate() {
                let at = format!(
                    "{name}, row {:?}, column {}",
                    row[..2].join(" "),
                    expected.columns[column]
                );
                match (want.parse::<f64>(), got) {
                    (Ok(value), Data::Float(got)) => {
                        assert!((value - got).abs() < 1e-9, "{at}: {got} for {value}");
                        numbers += 1;
                    }
                    (Ok(value), Data::Int(got)) => {
                        assert_eq!(value, *got as f64, "{at}");
                        numbers += 1;
                    }
                    (Ok(value), got) => panic!("{at}: {got:?} is no number ({value})"),
                    // A date is a date to Calc; yes and no are 1 and 0 in Dutch.
                    (Err(_), Data::DateTime(_))
                        if want.len() == 10 && want.as_bytes()[4] == b'-' => {}
                    (Err(_), Data::Float(flag)) if want == "true" || want == "false" => {
                        assert_eq!(*flag, f64::from(u8::from(want == "true")), "{at}");
                    }
                    (Err(_), Data::Empty) if want.is_empty() => {}
                    (Err(_), got) => assert_eq!(got.to_string(), *want, "{at}"),
                }
            }
        }
    }
    assert!(numbers > 200, "only {numbers} numbers read");
    // The name with a dotless i, which Windows-1252 would have broken.
    let generiek = first_sheet(&dir.path().join("calc/personal-generiek.xlsx"));
    assert_eq!(generiek[1][0], Data::String("Mehmet Yılmaz".into()));
}

/// Every sheet of an XLSX, as calamine reads it: (name, rows).
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut workbook: Xlsx<_> =
        open_workbook(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    workbook
        .sheet_names()
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).unwrap();
            (name, range.rows().map(|row| row.to_vec()).collect())
        })
        .collect()
}

/// The example report `args` as XLSX in `lang`, written with -o into `dir`.
fn xlsx(dir: &Path, name: &str, args: &[String], lang: &str) -> std::path::PathBuf {
    let file = dir.join(format!("{name}.{lang}.xlsx"));
    let mut all: Vec<&str> = vec!["--lang", lang];
    all.extend(args.iter().map(String::as_str));
    all.extend(["--format", "xlsx", "-o", file.to_str().unwrap()]);
    common::output_at_root(&all);
    file
}

#[test]
fn every_report_as_xlsx_has_numbers_as_numbers_and_the_csv_in_its_first_sheet() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in common::example_reports() {
        for lang in ["nl", "en"] {
            let file = xlsx(dir.path(), name, &args, lang);
            let sheets = sheets(&file);
            let (sheet, rows) = &sheets[0];
            // The CSV of the same report says what every cell holds.
            let mut csv_args: Vec<&str> = vec!["--lang", lang];
            csv_args.extend(args.iter().map(String::as_str));
            csv_args.extend(["--format", "csv"]);
            let csv = String::from_utf8(common::output_at_root(&csv_args)).unwrap();
            let csv = common::Csv::read(&csv, lang);
            let at = |what: &str| format!("{name} ({lang}) {sheet}: {what}");
            let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
            let csv_header = String::from_utf8(common::output_at_root(&csv_args)).unwrap();
            let csv_header = csv_header
                .lines()
                .next()
                .unwrap()
                .trim_start_matches('\u{FEFF}');
            let delimiter = if lang == "nl" { ";" } else { "," };
            assert_eq!(header.join(delimiter), csv_header, "{}", at("headers"));
            assert_eq!(rows.len(), 1 + csv.rows.len(), "{}", at("rows"));
            let mut numbers = 0;
            for (want, got) in csv.rows.iter().zip(&rows[1..]) {
                for (column, (want, got)) in want.iter().zip(got).enumerate() {
                    let place = at(&format!("{} {:?}", csv.columns[column], want));
                    let number = if want.is_empty() {
                        None
                    } else if lang == "nl" && !want.contains('.') {
                        want.replace(',', ".").parse::<f64>().ok()
                    } else {
                        want.parse::<f64>().ok()
                    };
                    match (number, got) {
                        (Some(value), Data::Float(got)) => {
                            assert!((value - got).abs() < 1e-9, "{place}: {got}");
                            numbers += 1;
                        }
                        (Some(value), Data::Int(got)) => assert_eq!(value, *got as f64, "{place}"),
                        // A flag: 1/0 in the Dutch CSV, true/false in the English, a boolean here.
                        (_, Data::Bool(flag)) => assert!(
                            ["1", "true"].contains(&want.as_str()) == *flag
                                && ["0", "1", "true", "false"].contains(&want.as_str()),
                            "{place}: {flag}"
                        ),
                        (None, Data::Empty) => assert!(want.is_empty(), "{place}"),
                        (None, Data::String(text)) => assert_eq!(text, want, "{place}"),
                        (_, got) => panic!("{place}: {got:?}"),
                    }
                }
            }
            assert!(numbers > 0, "{}", at("no numbers"));
        }
    }
}

/// The raw XML of every sheet of an XLSX (it is a zip of XML files).
fn sheet_xml(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).unwrap();
        if entry.name().unwrap().starts_with("xl/worksheets/") {
            std::io::Read::read_to_string(&mut entry, &mut xml).unwrap();
        }
    }
    xml
}

#[test]
fn the_xlsx_shows_decimals_freezes_its_headers_fits_its_columns_and_names_its_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let reports = common::example_reports();
    let team = &reports.iter().find(|(n, _)| *n == "team").unwrap().1;
    let file = xlsx(dir.path(), "team", team, "nl");
    let names: Vec<String> = sheets(&file).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Team", "Scholingsplan"]);
    let file = xlsx(dir.path(), "team", team, "en");
    let names: Vec<String> = sheets(&file).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Team", "Schooling plan"]);
    let xml = sheet_xml(&file);
    assert!(
        xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "frozen header row"
    );
    assert!(
        xml.contains("<cols>") && xml.contains("customWidth=\"1\""),
        "fitted column widths"
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(
        styles.contains(r#"formatCode="0.0""#) && styles.contains(r#"formatCode="0.00""#),
        "{styles}"
    );
    let scorecard = &reports.iter().find(|(n, _)| *n == "scorecard").unwrap().1;
    let file = xlsx(dir.path(), "scorecard", scorecard, "nl");
    let sheets = sheets(&file);
    assert_eq!(sheets[1].0, "Advies");
    assert_eq!(
        sheets[1].1[0][..3],
        [
            Data::String("kandidaat".into()),
            Data::String("interviewer".into()),
            Data::String("advies".into())
        ]
    );
    assert_eq!(sheets[1].1.len(), 3, "a row per interviewer");
}

#[test]
fn a_formula_typed_as_a_name_stays_text_in_the_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let scan = std::fs::read_to_string(common::example("scans/sanne-2026-11.yaml")).unwrap();
    let hostile = scan.replace(
        "name: Sanne de Vries",
        "name: '=HYPERLINK(\"http://x\",\"y\")'",
    );
    assert_ne!(scan, hostile);
    std::fs::write(dir.path().join("scan.yaml"), hostile).unwrap();
    let file = dir.path().join("scan.xlsx");
    let output = common::vakwijzer(dir.path())
        .args(["report", "scan.yaml", "--format", "xlsx", "-o", "scan.xlsx"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let sheets = sheets(&file);
    assert_eq!(
        sheets[0].1[1][0],
        Data::String("=HYPERLINK(\"http://x\",\"y\")".into())
    );
    let xml = sheet_xml(&file);
    assert!(!xml.contains("<f>"), "no formula cell:\n{xml}");
    // Excel's quote prefix: typed again, the cell stays text.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
}

#[test]
fn xlsx_is_not_written_to_a_terminal() {
    let mut pty = Pty::start(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "report",
            "data/examples/scans/sanne-2026-11.yaml",
            "--format",
            "xlsx",
        ],
    );
    pty.expect("xlsx is binair en hoort niet in een terminal");
    pty.expect("-o RAPPORT.xlsx");
    pty.end_with(2);
}
