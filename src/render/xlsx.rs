//! A report's records as an Excel workbook: one sheet per table, the header row in bold and
//! frozen, numbers as numbers (the values the other formats round to, with a number format
//! that shows their decimals), yes/no as booleans, columns as wide as their content.

use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::escape;
use crate::records::{Field, Records};

/// Columns wider than this (in pixels) wrap rather than grow: a note or a list of statement
/// ids would make a column wider than a screen.
const MAX_COLUMN_WIDTH: u32 = 400;

/// The workbook of `sheets` (name, table), as the bytes of an .xlsx file.
pub fn render(sheets: &[(String, Records)]) -> Result<Vec<u8>> {
    workbook(sheets).map_err(|e| Error::Usage(format!("XLSX: {e}")))
}

fn workbook(sheets: &[(String, Records)]) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // No creation time of the machine's clock in the file, and no user name: the author is
    // the program.
    workbook.set_properties(
        &DocProperties::new()
            .set_author("vakwijzer")
            .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 1)?),
    );
    for (name, records) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(name))?;
        write_sheet(sheet, records)?;
    }
    workbook.save_to_buffer()
}

fn write_sheet(sheet: &mut Worksheet, records: &Records) -> std::result::Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (column, header) in records.headers().iter().enumerate() {
        sheet.write_string_with_format(0, col(column), header, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let decimals = |places: usize| match places {
        0 => Format::new().set_num_format("0"),
        1 => Format::new().set_num_format("0.0"),
        _ => Format::new().set_num_format("0.00"),
    };
    // A text is a string cell, which no spreadsheet evaluates; one that would be a formula if
    // typed again gets Excel's quote prefix too, so editing the cell keeps it text.
    let text = Format::new();
    let quoted = Format::new().set_quote_prefix();
    for (index, row) in records.rows.iter().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        for (column, field) in row.iter().enumerate() {
            let column = col(column);
            match field {
                Field::Text(value) => {
                    let format = if escape::csv_text(value) == value.as_str() {
                        &text
                    } else {
                        &quoted
                    };
                    sheet.write_string_with_format(line, column, value, format)?;
                }
                Field::Flag(flag) => {
                    sheet.write_boolean(line, column, *flag)?;
                }
                field => {
                    if let (Some(value), Some(places)) = (field.value(), field.decimals()) {
                        sheet.write_number_with_format(line, column, value, &decimals(places))?;
                    }
                }
            }
        }
    }
    sheet.set_autofit_max_width(MAX_COLUMN_WIDTH);
    sheet.autofit();
    Ok(())
}

fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// A name Excel accepts for a sheet: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with an apostrophe.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .take(31)
        .collect();
    clean.trim_matches('\'').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        assert_eq!(sheet_name("Scores"), "Scores");
        assert_eq!(sheet_name("Team: Zuid/Noord"), "Team  Zuid Noord");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
        assert_eq!(sheet_name("'quoted'"), "quoted");
    }
}
