//! Printing for people and for programs: aligned plain-text tables (width-aware, so Chinese
//! titles line up), `field: value` blocks, and pretty JSON. Knows nothing of records or the
//! database; commands hand it strings and serialisable values.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The widest a table cell may be, in terminal columns, before it is cut with "…".
pub const MAX_CELL: usize = 40;

/// Writes `value` as pretty JSON followed by a newline.
pub fn json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// How a column is aligned.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A plain-text table: a header row and rows of cells, columns separated by two spaces.
pub struct Table {
    headers: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Table {
        let headers: Vec<String> = headers.into_iter().map(Into::into).collect();
        let align = vec![Align::Left; headers.len()];
        Table {
            headers,
            align,
            rows: Vec::new(),
        }
    }

    /// Aligns a column (numbers read best on the right).
    pub fn align(mut self, column: usize, align: Align) -> Table {
        self.align[column] = align;
        self
    }

    /// Adds a row; each cell is made single-line.
    pub fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.headers.len());
        self.rows.push(cells.iter().map(|c| flatten(c)).collect());
    }

    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        self.write_row(out, &self.headers, &widths)?;
        for row in &self.rows {
            self.write_row(out, row, &widths)?;
        }
        Ok(())
    }

    fn write_row(&self, out: &mut dyn Write, cells: &[String], widths: &[usize]) -> io::Result<()> {
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i] - cell.width();
            let last = i + 1 == cells.len();
            if i > 0 {
                line.push_str("  ");
            }
            match self.align[i] {
                Align::Right => {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                }
                Align::Left => {
                    line.push_str(cell);
                    if !last {
                        line.push_str(&" ".repeat(pad));
                    }
                }
            }
        }
        writeln!(out, "{}", line.trim_end())
    }
}

/// Writes `name: value` lines; a multi-line value continues on lines indented by two spaces.
pub fn fields<'a>(
    out: &mut dyn Write,
    pairs: impl IntoIterator<Item = (&'a str, String)>,
) -> io::Result<()> {
    for (name, value) in pairs {
        let mut lines = value.lines();
        match lines.next() {
            Some(first) => writeln!(out, "{name}: {first}")?,
            None => writeln!(out, "{name}:")?,
        }
        for more in lines {
            writeln!(out, "  {more}")?;
        }
    }
    Ok(())
}

/// Cuts text to at most `max` terminal columns, ending in "…" when something was cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Makes a table cell single-line.
fn flatten(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(table: &Table) -> String {
        let mut buf = Vec::new();
        table.write(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn chinese_cells_align_by_display_width() {
        let mut table = Table::new(["name", "code"]);
        table.row(vec!["无人驾驶".into(), "a".into()]);
        table.row(vec!["UAS".into(), "b".into()]);
        assert_eq!(render(&table), "name      code\n无人驾驶  a\nUAS       b\n");
    }

    #[test]
    fn right_aligned_numbers_and_no_trailing_spaces() {
        let mut table = Table::new(["kind", "count"]).align(1, Align::Right);
        table.row(vec!["project".into(), "12".into()]);
        table.row(vec!["person".into(), "3".into()]);
        assert_eq!(
            render(&table),
            "kind     count\nproject     12\nperson       3\n"
        );
    }

    #[test]
    fn clip_cuts_by_columns_not_chars() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("无人驾驶航空器系统", 9), "无人驾驶…");
        assert_eq!(clip("Unmanned aircraft", 9), "Unmanned…");
        assert!(clip("无人驾驶航空器系统", 9).width() <= 9);
    }

    #[test]
    fn field_lines_indent_continuations() {
        let mut buf = Vec::new();
        fields(
            &mut buf,
            [
                ("scope", "line one\nline two".to_owned()),
                ("note", String::new()),
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "scope: line one\n  line two\nnote:\n"
        );
    }
}
