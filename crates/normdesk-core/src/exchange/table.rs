//! Spreadsheet files as tables of text: CSV (`csv` crate) and XLSX (written with
//! `rust_xlsxwriter`, read with `calamine`). Reading checks the encoding and the shape and names
//! the file in every message; cells come back as text exactly as a person would type them.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::error::{CoreError, Result};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A file read as text cells: the header and the rows (with their spreadsheet row numbers;
/// wholly empty rows are left out).
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<(u32, Vec<String>)>,
    /// Rows that do not fit the header: (row, problem).
    pub bad_rows: Vec<(u32, String)>,
}

fn refuse(file: &str, message: impl std::fmt::Display) -> CoreError {
    CoreError::invalid("file", format!("{file}: {message}"))
}

/// CSV for Excel: UTF-8 with a BOM, CRLF, quotes only where needed (RFC 4180).
pub fn write_csv(header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut out = BOM.to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let fail = |e: csv::Error| CoreError::Corrupt(format!("cannot write CSV: {e}"));
        w.write_record(header).map_err(fail)?;
        for row in rows {
            w.write_record(row).map_err(fail)?;
        }
        w.flush()
            .map_err(|e| CoreError::Corrupt(format!("cannot write CSV: {e}")))?;
    }
    Ok(out)
}

/// One worksheet named after the kind, bold frozen header, every cell as text (so Excel does not
/// turn dates or references such as "1-2" into numbers).
pub fn write_xlsx(sheet: &str, header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail =
        |e: rust_xlsxwriter::XlsxError| CoreError::Corrupt(format!("cannot write XLSX: {e}"));
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(fail)?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (c, name) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &bold)
            .map_err(fail)?;
        ws.set_column_width(c as u16, if *name == "id" { 38 } else { 18 })
            .map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string_with_format(r as u32 + 1, c as u16, cell, &text)
                    .map_err(fail)?;
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(fail)?;
    book.save_to_buffer().map_err(fail)
}

/// Reads a CSV file's bytes.
pub fn read_csv(file: &str, bytes: &[u8]) -> Result<Sheet> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(refuse(
            file,
            "is UTF-16 text; save it as \"CSV UTF-8 (comma delimited)\" and import that",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(refuse(
            file,
            "is an XLSX (zip) file, not CSV; name it .xlsx or save it as CSV UTF-8",
        ));
    }
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(body) {
        let line = body[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        return Err(refuse(
            file,
            format!(
                "is not UTF-8 text (line {line} has bytes that are not UTF-8 — perhaps GBK/GB18030 from an older Excel); \
                 in Excel use Save As → \"CSV UTF-8 (comma delimited)\" and import that file"
            ),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut records = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| refuse(file, format!("row {}: {e}", i + 1)))?;
        records.push(record.iter().map(str::to_owned).collect::<Vec<_>>());
    }
    sheet(file, records)
}

/// Reads the first worksheet of an XLSX file's bytes.
pub fn read_xlsx(file: &str, bytes: &[u8]) -> Result<Sheet> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        refuse(
            file,
            format!("cannot be read as an XLSX workbook ({e}); save it from Excel as .xlsx"),
        )
    })?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(e)) => {
            return Err(refuse(
                file,
                format!("its first worksheet cannot be read ({e})"),
            ));
        }
        None => return Err(refuse(file, "has no worksheet")),
    };
    // Rows start where the used range starts; a sheet that begins lower is shifted by that much.
    let first = range.start().map(|(r, _)| r).unwrap_or(0);
    let mut records: Vec<Vec<String>> = vec![Vec::new(); first as usize];
    for row in range.rows() {
        records.push(row.iter().map(cell_text).collect());
    }
    sheet(file, records)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            // Excel turned a typed date into a date cell: give it back as YYYY-MM-DD.
            let (y, m, day, h, min, sec, _) = d.to_ymd_hms_milli();
            if (h, min, sec) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02}T{h:02}:{min:02}:{sec:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Splits records into header and numbered rows; checks the shape.
fn sheet(file: &str, mut records: Vec<Vec<String>>) -> Result<Sheet> {
    let blank = |r: &Vec<String>| r.iter().all(|c| c.trim().is_empty());
    let Some(header_at) = records.iter().position(|r| !blank(r)) else {
        return Err(refuse(
            file,
            "is empty; the first row must name the columns (export a register to see them)",
        ));
    };
    if header_at > 0 {
        return Err(refuse(
            file,
            format!(
                "row 1 is empty; the header must be the first row (it is row {})",
                header_at + 1
            ),
        ));
    }
    let mut header: Vec<String> = records
        .remove(0)
        .into_iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
        .collect();
    while header.last().is_some_and(|h| h.is_empty()) {
        header.pop();
    }
    let mut rows = Vec::with_capacity(records.len());
    let mut bad_rows = Vec::new();
    for (i, mut cells) in records.into_iter().enumerate() {
        if blank(&cells) {
            continue;
        }
        let row = i as u32 + 2;
        while cells.len() > header.len() && cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        if cells.len() > header.len() {
            bad_rows.push((
                row,
                format!(
                    "has {} cells but the header names {} columns",
                    cells.len(),
                    header.len()
                ),
            ));
            continue;
        }
        cells.resize(header.len(), String::new());
        rows.push((row, cells));
    }
    Ok(Sheet {
        header,
        rows,
        bad_rows,
    })
}
