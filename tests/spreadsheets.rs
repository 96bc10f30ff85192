//! The files offices open: the Dutch CSV as LibreOffice Calc opens it in a Dutch locale (every
//! field in its own column, every number a number, "Yılmaz" intact), read back by calamine; and
//! every column of every CSV documented in docs/formats.md.

mod common;

use std::path::Path;
use std::process::Command as Process;

use calamine::{Data, Reader, Xlsx, open_workbook};

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
                assert!(
                    point || competency || docs.contains(&format!("`{cell}`")),
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
