//! A sheet as rows of cells, read from CSV or an Excel workbook, every cell with its row
//! and column so that every problem can be placed (`fil.xlsx:Ark1:12:3`).

use super::values;
use crate::diagnostic::Diagnostic;
use crate::model::Date;
use crate::text::Text;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A number in a workbook that counts dates from 1904: as a serial date, another day.
    Number1904(f64),
    /// A cell Excel holds as a date.
    Date(Date),
    Bool(bool),
}

impl Cell {
    /// The cell as text, as a person would read it in the sheet.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) | Cell::Number1904(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                format!("{}", *n as i64)
            }
            Cell::Number(n) | Cell::Number1904(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Bool(b) => if *b { "ja" } else { "nei" }.to_string(),
        }
    }

    /// The cell as a date, when it is one with certainty: a date cell, a number a workbook
    /// holds as a serial date between 1980 and 2100 (a year such as 2023 is not a date),
    /// or text in a form that cannot be misread (`values::date`).
    pub fn date(&self) -> Option<Date> {
        match self {
            Cell::Date(d) => Some(*d),
            Cell::Number(n) if (29_221.0..=73_051.0).contains(n) => values::excel_date(*n, false),
            Cell::Number1904(n) if (27_759.0..=71_589.0).contains(n) => {
                values::excel_date(*n, true)
            }
            Cell::Number(_) | Cell::Number1904(_) => None,
            cell => values::date(&cell.text()),
        }
    }

    /// The cell as a number: a number cell, or text as Norwegian sheets write numbers.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) | Cell::Number1904(n) => values::in_range(*n),
            cell => values::number(&cell.text()),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based, as the sheet or the file numbers it.
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn get(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// One sheet: its header row and the rows under it.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file as the user named it.
    pub file: String,
    /// The sheet of a workbook; `None` for CSV and JSON.
    pub sheet: Option<String>,
    pub header: Vec<String>,
    pub header_row: usize,
    pub rows: Vec<Row>,
    /// Cells Excel holds as an error (`#N/A`, `#REF!`): (row, column, the error), read as
    /// empty and reported.
    pub error_cells: Vec<(usize, usize, String)>,
}

impl Table {
    /// `fil.xlsx` or `fil.xlsx, ark «Systemer»`, for messages and provenance.
    pub fn source(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{}, ark «{sheet}»", self.file),
            None => self.file.clone(),
        }
    }

    /// The place of a cell for diagnostics: the file, and the sheet in the file name.
    pub fn place(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{}[{sheet}]", self.file),
            None => self.file.clone(),
        }
    }
}

/// How a CSV file's bytes are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    #[default]
    Utf8,
    /// Windows-1252, as older Norwegian Excel saves «CSV (semikolonseparert)».
    Windows1252,
}

fn error(file: &str, row: usize, column: usize, nb: String, en: String) -> Box<Diagnostic> {
    Box::new(Diagnostic::error(
        file,
        row as u32,
        column as u32,
        Text::new(nb, en),
    ))
}

/// A CSV file: UTF-8 (a BOM is dropped) or Windows-1252 when asked; `;`, `,` or a tab as
/// the delimiter, whichever the header line uses most; the first non-empty row is the
/// header. Rows shorter or longer than the header are kept as they are (the importer
/// reports cells it cannot place).
pub fn read_csv(bytes: &[u8], file: &str, encoding: Encoding) -> Result<Table, Box<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match (std::str::from_utf8(bytes), encoding) {
        (Ok(text), _) => std::borrow::Cow::Borrowed(text),
        (Err(_), Encoding::Windows1252) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
        (Err(e), Encoding::Utf8) => {
            let good = &bytes[..e.valid_up_to()];
            let row = good.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            let mut d = error(
                file,
                row,
                column,
                "Fila er ikke UTF-8".into(),
                "The file is not UTF-8".into(),
            );
            d.hint = Some(Text::new(
                "Lagre som «CSV UTF-8» i Excel, eller les den som Windows-1252 med --windows-1252",
                "Save it as «CSV UTF-8» in Excel, or read it as Windows-1252 with --windows-1252",
            ));
            return Err(d);
        }
    };
    let delimiter = sniff_delimiter(&text);
    if let Some((row, column, never_closed)) = bad_quote(&text, delimiter) {
        let mut d = if never_closed {
            error(
                file,
                row,
                column,
                "Cellen begynner med et anførselstegn som aldri lukkes; resten av fila ville blitt én celle".into(),
                "The cell opens a quote that is never closed; the rest of the file would become one cell".into(),
            )
        } else {
            error(
                file,
                row,
                column,
                "Cellen begynner med et anførselstegn, men det som lukker det følges av mer tekst; hvilket anførselstegn var ment?".into(),
                "The cell opens a quote, but the quote that closes it is followed by more text; which quote was meant?".into(),
            )
        };
        d.hint = Some(Text::new(
            "Lukk anførselstegnet, eller skriv et anførselstegn inne i en celle som to (\"\")",
            "Close the quote, or write a quote inside a cell as two (\"\")",
        ));
        return Err(d);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Lines counted so far, up to a byte offset: records come in order, so each count
    // starts where the last one ended.
    let mut counted = (0usize, 1usize);
    let mut held = 0usize;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let (row, column) = e.position().map_or((0, 0), |p| (p.line() as usize, 1));
            error(
                file,
                row,
                column,
                format!("Kan ikke lese CSV: {e}"),
                format!("Cannot read the CSV: {e}"),
            )
        })?;
        // The reader's own line count lags behind on CRLF files (it counts the `\n` of a
        // record's terminator with the next record): count from the record's first byte.
        let number = record.position().map_or(rows.len() + 1, |p| {
            let from = p.byte() as usize;
            let start = text.as_bytes()[from.min(text.len())..]
                .iter()
                .position(|b| *b != b'\r' && *b != b'\n')
                .map_or(text.len(), |skip| from + skip);
            let (offset, line) = counted;
            let start = start.max(offset);
            let more = text.as_bytes()[offset..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted = (start, line + more);
            line + more
        });
        held += record.len();
        if held > MAX_CELLS || record.len() > MAX_COLUMNS {
            return Err(too_large(file, number, record.len().min(MAX_COLUMNS + 1)));
        }
        let cells = record
            .iter()
            .map(|c| {
                if c.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(c.to_string())
                }
            })
            .collect();
        rows.push(Row { number, cells });
    }
    into_table(rows, file, None)
}

/// A quoted cell the CSV reader would misread, silently: one whose quote is never closed
/// (the rest of the file would become that cell), or one whose closing quote is followed
/// by more text (`"a"b`: which quote was meant?). Excel and SharePoint never write either.
/// Gives the row and column where the cell opens, and whether it is never closed.
fn bad_quote(text: &str, delimiter: u8) -> Option<(usize, usize, bool)> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let (mut line, mut line_start) = (1, 0);
    // The row, and where its line and the quote start (the column is counted at the end).
    let mut opened = (0, 0, 0);
    let at = |(row, from, at): (usize, usize, usize)| (row, text[from..at].chars().count() + 1);
    for (i, b) in text.bytes().enumerate() {
        let ends_field = b == delimiter || b == b'\n' || b == b'\r';
        state = match state {
            State::FieldStart if b == b'"' => {
                opened = (line, line_start, i);
                State::Quoted
            }
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if b == b'"' => State::Quoted,
            State::QuoteInQuoted if !ends_field => {
                let (row, column) = at(opened);
                return Some((row, column, false));
            }
            _ if ends_field => State::FieldStart,
            _ => State::Unquoted,
        };
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    (state == State::Quoted).then(|| {
        let (row, column) = at(opened);
        (row, column, true)
    })
}

/// `;` (Norwegian Excel), `,` or a tab: whichever occurs most in the first line outside
/// quotes; `;` on a tie.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if *d == b {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b';'))
        .map_or(b';', |(d, _)| *d)
}

/// The first non-empty row is the header; the rest are data (empty rows are dropped).
fn into_table(rows: Vec<Row>, file: &str, sheet: Option<String>) -> Result<Table, Box<Diagnostic>> {
    let mut rows = rows
        .into_iter()
        .filter(|r| r.cells.iter().any(|c| !c.is_empty()));
    let Some(header) = rows.next() else {
        let where_ = sheet
            .as_ref()
            .map(|s| (format!(" (ark «{s}»)"), format!(" (sheet «{s}»)")))
            .unwrap_or_default();
        return Err(error(
            file,
            0,
            0,
            format!("Fila er tom{}: ingen overskrifter og ingen rader", where_.0),
            format!("The file is empty{}: no headers and no rows", where_.1),
        ));
    };
    Ok(Table {
        file: file.to_string(),
        sheet,
        header: header.cells.iter().map(Cell::text).collect(),
        header_row: header.number,
        rows: rows.collect(),
        error_cells: Vec::new(),
    })
}

/// More than any inventory or portfolio sheet holds: a sheet beyond them is refused, not
/// read into memory.
const MAX_CELLS: usize = 4_000_000;
const MAX_COLUMNS: usize = 1_000;

fn too_large(file: &str, row: usize, column: usize) -> Box<Diagnostic> {
    let mut d = error(
        file,
        row,
        column,
        format!(
            "Arket er for stort: prinsipp leser høyst {MAX_CELLS} celler og {MAX_COLUMNS} kolonner"
        ),
        format!(
            "The sheet is too large: prinsipp reads at most {MAX_CELLS} cells and {MAX_COLUMNS} columns"
        ),
    );
    d.hint = Some(Text::new(
        "Fjern tomme rader og kolonner (de kan ha et innhold som ikke synes), eller del arket",
        "Remove empty rows and columns (they may hold something that does not show), or split the sheet",
    ));
    d
}

/// The most an .xlsx may unpack to, as a multiple of its own size (at least
/// `MIN_UNPACKED`): a zip bomb is refused before anything is unpacked for real.
const UNPACK_FACTOR: u64 = 32;
const MIN_UNPACKED: u64 = 64 * 1024 * 1024;

/// The sheets of an Excel workbook (.xlsx): `sheet` by name, or every sheet. Dates are
/// read as dates, formulas as the value Excel last computed. Merged cells in a header row
/// are refused (which column would the value belong to?).
pub fn read_xlsx(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
) -> Result<Vec<Table>, Box<Diagnostic>> {
    use calamine::{Reader, Xlsx};
    let date1904 = check_archive(bytes, file)?;
    let corrupt = |e: &dyn std::fmt::Display| {
        let mut d = error(
            file,
            0,
            0,
            format!("Kan ikke lese arbeidsboka: {e}"),
            format!("Cannot read the workbook: {e}"),
        );
        d.hint = Some(Text::new(
            "Åpne fila i Excel og lagre den på nytt som .xlsx",
            "Open the file in Excel and save it again as .xlsx",
        ));
        d
    };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| corrupt(&e))?;
    let names = book.sheet_names();
    let wanted: Vec<String> = match sheet {
        Some(name) => match names.iter().find(|n| values::fold(n) == values::fold(name)) {
            Some(found) => vec![found.clone()],
            None => {
                return Err(error(
                    file,
                    0,
                    0,
                    format!(
                        "Arbeidsboka har ikke arket «{name}»; den har {}",
                        names.join(", ")
                    ),
                    format!(
                        "The workbook has no sheet «{name}»; it has {}",
                        names.join(", ")
                    ),
                ));
            }
        },
        None => names.clone(),
    };
    let _ = book.load_merged_regions();
    let mut tables = Vec::new();
    for name in wanted {
        // Cell by cell, so that a sheet too large is refused before it is held.
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| corrupt(&e))?;
        let mut by_row: std::collections::BTreeMap<usize, Vec<Cell>> = Default::default();
        let mut error_cells = Vec::new();
        let mut held = 0usize;
        while let Some(found) = reader.next_cell().map_err(|e| corrupt(&e))? {
            let (r, c) = found.get_position();
            let (row, column) = (r as usize + 1, c as usize + 1);
            let data = calamine::Data::from(found.get_value().clone());
            if let calamine::Data::Error(e) = &data {
                error_cells.push((row, column, e.to_string()));
            }
            let value = cell(&data, date1904);
            if value.is_empty() {
                continue;
            }
            let cells = by_row.entry(row).or_default();
            if cells.len() < column {
                held += column - cells.len();
                cells.resize(column, Cell::Empty);
            }
            if held > MAX_CELLS || column > MAX_COLUMNS {
                return Err(too_large(&format!("{file}[{name}]"), row, column));
            }
            cells[column - 1] = value;
        }
        drop(reader);
        let rows: Vec<Row> = by_row
            .into_iter()
            .map(|(number, cells)| Row { number, cells })
            .collect();
        let table = match into_table(rows, file, Some(name.clone())) {
            Ok(table) => Table {
                error_cells,
                ..table
            },
            // An empty sheet among others is skipped; asked for by name, it is an error.
            Err(e) if sheet.is_some() => return Err(e),
            Err(_) => continue,
        };
        let merged = book.merged_regions_by_sheet(&name);
        if let Some((_, _, region)) = merged.iter().find(|(_, _, r)| {
            // 0-based rows of the region around the 1-based header row.
            (r.start.0 as usize) < table.header_row
                && table.header_row <= r.end.0 as usize + 1
                && r.start.1 != r.end.1
        }) {
            return Err(error(
                &table.place(),
                table.header_row,
                region.start.1 as usize + 1,
                "Overskriftsraden har sammenslåtte celler; kolonnene under kan ikke skilles".into(),
                "The header row has merged cells; the columns under them cannot be told apart"
                    .into(),
            ));
        }
        tables.push(table);
    }
    if tables.is_empty() {
        return Err(error(
            file,
            0,
            0,
            "Alle arkene i arbeidsboka er tomme".into(),
            "Every sheet of the workbook is empty".into(),
        ));
    }
    Ok(tables)
}

fn cell(data: &calamine::Data, date1904: bool) -> Cell {
    use calamine::Data;
    match data {
        Data::Int(i) if date1904 => Cell::Number1904(*i as f64),
        Data::Float(f) if date1904 => Cell::Number1904(*f),
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            if s.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.clone())
            }
        }
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            Date::new(year.into(), month.into(), day.into())
                .map_or(Cell::Number(d.as_f64()), Cell::Date)
        }
        Data::DateTime(d) => Cell::Number(d.as_f64()),
    }
}

/// Whether the workbook counts its dates from 1904 (`<workbookPr date1904="1"/>`, as old
/// Mac Excel saved them): a serial number then means another day.
fn counts_from_1904(workbook_xml: &str) -> bool {
    workbook_xml.split("date1904=").skip(1).any(|rest| {
        let value = rest.trim_start_matches(['"', '\'']);
        value.starts_with('1') || value.starts_with("true")
    })
}

/// Every part of the zip must unpack to the size it declares, and all together to at most
/// `UNPACK_FACTOR` times the file: checked by unpacking into nothing, a part at a time
/// (the workbook part is kept, to see whether it counts dates from 1904).
fn check_archive(bytes: &[u8], file: &str) -> Result<bool, Box<Diagnostic>> {
    let mut date1904 = false;
    let not_a_workbook = |nb: String, en: String| {
        let mut d = error(
            file,
            0,
            0,
            format!("Fila er ikke en gyldig Excel-arbeidsbok (.xlsx): {nb}"),
            format!("The file is not a valid Excel workbook (.xlsx): {en}"),
        );
        d.hint = Some(Text::new(
            "Eksporter på nytt, eller åpne fila i Excel og lagre den som .xlsx",
            "Export it again, or open it in Excel and save it as .xlsx",
        ));
        d
    };
    let limit = MIN_UNPACKED.max((bytes.len() as u64).saturating_mul(UNPACK_FACTOR));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| not_a_workbook(e.to_string(), e.to_string()))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut part = archive
            .by_index(i)
            .map_err(|e| not_a_workbook(e.to_string(), e.to_string()))?;
        let declared = part.size();
        total = total.saturating_add(declared);
        if total > limit {
            return Err(error(
                file,
                0,
                0,
                format!(
                    "Arbeidsboka pakker seg ut til mer enn {} MiB; den er ikke lest",
                    limit / (1024 * 1024)
                ),
                format!(
                    "The workbook unpacks to more than {} MiB; it was not read",
                    limit / (1024 * 1024)
                ),
            ));
        }
        let is_workbook_part = part.name() == "xl/workbook.xml";
        let mut kept = Vec::new();
        let mut bounded = std::io::Read::take(&mut part, declared.saturating_add(1));
        let unpacked = if is_workbook_part {
            std::io::copy(&mut bounded, &mut kept)
        } else {
            std::io::copy(&mut bounded, &mut std::io::sink())
        }
        .map_err(|e| not_a_workbook(e.to_string(), e.to_string()))?;
        if is_workbook_part {
            date1904 = counts_from_1904(&String::from_utf8_lossy(&kept));
        }
        if unpacked != declared {
            return Err(not_a_workbook(
                "en del pakker seg ut til en annen størrelse enn den oppgir".into(),
                "a part unpacks to another size than it declares".into(),
            ));
        }
    }
    Ok(date1904)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_as_the_file_is() {
        let text = "\u{feff}\"a\",\"b\"\r\n\"1\",\"x\"\r\n\r\n\"2\",\"y\"\r\n";
        let table = read_csv(text.as_bytes(), "f.csv", Encoding::Utf8).unwrap();
        assert_eq!(table.header_row, 1);
        let rows: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(rows, [2, 4]);
    }
}
