//! What an import did and did not do, for the person who runs it: every column it could
//! not place, every value it could not read, every row it skipped, every id it had to
//! change and every heuristic it applied, each with its place. Markdown (stderr and
//! `import-rapport.md`) and JSON (`--format json`).

use crate::report::escape;
use crate::text::{Lang, Text};
use serde::Serialize;

/// Where something was found: file (and sheet), row, column (0 when not known).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Place {
    pub file: String,
    pub row: usize,
    pub column: usize,
}

impl Place {
    pub fn shown(&self) -> String {
        match (self.row, self.column) {
            (0, _) => self.file.clone(),
            (row, 0) => format!("{}:{row}", self.file),
            (row, column) => format!("{}:{row}:{column}", self.file),
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub place: Place,
    #[serde(skip)]
    pub text: Text,
    /// The text in the run's language, for JSON.
    pub message: String,
}

/// What an import wrote.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Written {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    /// Edited by a person since the last import: left as they are (see `--overskriv`).
    pub kept: Vec<String>,
    /// In an earlier import, not in this one: reported, never deleted.
    pub gone: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub source: String,
    pub files: Vec<String>,
    pub rows: usize,
    pub written: Written,
    pub unmapped_columns: Vec<Note>,
    pub unread_values: Vec<Note>,
    pub skipped_rows: Vec<Note>,
    pub id_changes: Vec<Note>,
    pub heuristics: Vec<Note>,
    pub other: Vec<Note>,
    /// Notes beyond `MAX_NOTES` in a list, by the list's name: counted, not listed.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub left_out: std::collections::BTreeMap<&'static str, usize>,
}

/// The most notes one list shows: a sheet with a hundred thousand bad rows gets a report a
/// person can read (and a bounded one), with the rest counted.
pub const MAX_NOTES: usize = 1_000;

/// Which list a note goes to.
#[derive(Debug, Clone, Copy)]
pub enum Section {
    UnmappedColumn,
    UnreadValue,
    SkippedRow,
    IdChange,
    Heuristic,
    Other,
}

impl ImportReport {
    pub fn note(&mut self, section: Section, place: Place, text: Text) {
        let note = Note {
            place,
            message: String::new(),
            text,
        };
        let (name, list) = match section {
            Section::UnmappedColumn => ("unmapped_columns", &mut self.unmapped_columns),
            Section::UnreadValue => ("unread_values", &mut self.unread_values),
            Section::SkippedRow => ("skipped_rows", &mut self.skipped_rows),
            Section::IdChange => ("id_changes", &mut self.id_changes),
            Section::Heuristic => ("heuristics", &mut self.heuristics),
            Section::Other => ("other", &mut self.other),
        };
        if list.len() < MAX_NOTES {
            list.push(note);
        } else {
            *self.left_out.entry(name).or_default() += 1;
        }
    }

    /// Each list with its headings and its name in JSON.
    fn sections(&self) -> [(&'static str, &'static str, &'static str, &Vec<Note>); 6] {
        [
            (
                "Rader som er hoppet over",
                "Rows skipped",
                "skipped_rows",
                &self.skipped_rows,
            ),
            (
                "Kolonner uten plass i formatet",
                "Columns with no place in the format",
                "unmapped_columns",
                &self.unmapped_columns,
            ),
            (
                "Verdier som ikke kunne leses (feltet er utelatt)",
                "Values that could not be read (the field is left out)",
                "unread_values",
                &self.unread_values,
            ),
            (
                "Id-er som er endret",
                "Ids changed",
                "id_changes",
                &self.id_changes,
            ),
            (
                "Heuristikker som er brukt",
                "Heuristics applied",
                "heuristics",
                &self.heuristics,
            ),
            ("Annet", "Other", "other", &self.other),
        ]
    }

    /// Every section in the order of the sheets: files as they first appear, then rows
    /// and columns (notes are made field by field, not column by column).
    fn in_order(&self) -> ImportReport {
        let mut report = self.clone();
        for list in report.lists() {
            let mut first_seen: Vec<&str> = Vec::new();
            for note in list.iter() {
                if !first_seen.contains(&note.place.file.as_str()) {
                    first_seen.push(&note.place.file);
                }
            }
            let rank: std::collections::HashMap<String, usize> = first_seen
                .iter()
                .enumerate()
                .map(|(i, f)| (f.to_string(), i))
                .collect();
            list.sort_by_key(|n| (rank[&n.place.file], n.place.row, n.place.column));
        }
        report
    }

    fn lists(&mut self) -> [&mut Vec<Note>; 6] {
        [
            &mut self.unmapped_columns,
            &mut self.unread_values,
            &mut self.skipped_rows,
            &mut self.id_changes,
            &mut self.heuristics,
            &mut self.other,
        ]
    }

    /// The report as markdown (`import-rapport.md`); user text escaped for markdown.
    pub fn markdown(&self, lang: Lang) -> String {
        self.in_order()
            .render(lang, escape::markdown_cell, escape::markdown_code)
    }

    /// The same for a terminal: no markdown escapes, nothing hidden, one line per note.
    pub fn text(&self, lang: Lang) -> String {
        escape::lines(
            &self
                .in_order()
                .render(lang, escape::line, |t| format!("`{}`", escape::line(t))),
        )
    }

    fn render(&self, lang: Lang, cell: fn(&str) -> String, code: fn(&str) -> String) -> String {
        let nb = lang == Lang::Nb;
        let mut out = format!(
            "# {} ({})\n\n",
            if nb { "Importrapport" } else { "Import report" },
            cell(&self.source)
        );
        let files: Vec<String> = self.files.iter().map(|f| code(f)).collect();
        let w = &self.written;
        out.push_str(&if nb {
            format!(
                "Leste {} rader fra {}. Skrev {} nye og {} endrede filer; {} uendret; {} redigert for hånd og latt være; {} finnes ikke lenger i kilden.\n",
                self.rows,
                files.join(", "),
                w.created.len(),
                w.updated.len(),
                w.unchanged.len(),
                w.kept.len(),
                w.gone.len()
            )
        } else {
            format!(
                "Read {} rows from {}. Wrote {} new and {} changed files; {} unchanged; {} edited by hand and left alone; {} no longer in the source.\n",
                self.rows,
                files.join(", "),
                w.created.len(),
                w.updated.len(),
                w.unchanged.len(),
                w.kept.len(),
                w.gone.len()
            )
        });
        for (head, list) in [
            (
                (
                    "Redigert for hånd, ikke overskrevet (bruk --overskriv)",
                    "Edited by hand, not overwritten (use --overskriv)",
                ),
                &w.kept,
            ),
            (
                (
                    "Ikke lenger i kilden (ikke slettet)",
                    "No longer in the source (not deleted)",
                ),
                &w.gone,
            ),
        ] {
            if !list.is_empty() {
                out.push_str(&format!("\n## {}\n\n", if nb { head.0 } else { head.1 }));
                for file in list {
                    out.push_str(&format!("- {}\n", code(file)));
                }
            }
        }
        for (head_nb, head_en, name, notes) in self.sections() {
            if notes.is_empty() {
                continue;
            }
            let more = self.left_out.get(name).copied().unwrap_or(0);
            out.push_str(&format!(
                "\n## {} ({})\n\n",
                if nb { head_nb } else { head_en },
                notes.len() + more
            ));
            for note in notes {
                out.push_str(&format!(
                    "- {}: {}\n",
                    code(&note.place.shown()),
                    cell(note.text.get(lang))
                ));
            }
            if more > 0 {
                out.push_str(&if nb {
                    format!("- … og {more} til av samme slag (de første {MAX_NOTES} er vist)\n")
                } else {
                    format!("- … and {more} more of the kind (the first {MAX_NOTES} are shown)\n")
                });
            }
        }
        out
    }

    /// The report as JSON, messages in `lang`.
    pub fn json(&self, lang: Lang) -> String {
        let mut report = self.in_order();
        for list in report.lists() {
            for note in list.iter_mut() {
                note.message = note.text.get(lang).to_string();
            }
        }
        let mut text = escape::json_inert(
            serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_string()),
        );
        text.push('\n');
        text
    }
}
