//! An imported system or project: its document, where it came from, and the key that
//! keeps its id the same from one import to the next (`import-idkart.csv`).

use super::doc::{Doc, Value};
use super::report::{ImportReport, Place, Section};
use super::values::slug;
use crate::text::Text;
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    System,
    Project,
}

impl RecordKind {
    /// The folder its file goes in.
    pub fn folder(self) -> &'static str {
        match self {
            RecordKind::System => "systemer",
            RecordKind::Project => "prosjekter",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Record {
    pub kind: RecordKind,
    /// The source's own key for it (an id column, a Kartoteket pk, or the name folded).
    pub key: String,
    pub id: String,
    /// The fields, without `id` (set when written).
    pub doc: Doc,
    /// «systemer.xlsx, ark «Systemer», rad 12» for the file's header comment.
    pub provenance: String,
    pub place: Place,
}

/// Ids already given: by source and key in earlier imports (the id map), and in this one.
#[derive(Debug, Default)]
pub struct IdMap {
    /// (source, key) → id, as read from and written to `import-idkart.csv`.
    pub known: BTreeMap<(String, String), String>,
    taken: HashSet<(RecordKind, String)>,
    /// Ids other files of the folder hold (by hand or another source), with the file.
    reserved: BTreeMap<(RecordKind, String), String>,
    /// Keys met in this import: a key met again (two rows named alike) becomes `key#2`,
    /// so that each keeps its own id from one import to the next.
    keys: HashSet<(String, String)>,
    /// How many rows had each key so far.
    key_count: std::collections::HashMap<(String, String), usize>,
    /// The last suffix given to each wanted id (`x-7`), where the next search starts.
    next_suffix: std::collections::HashMap<(RecordKind, String), usize>,
}

impl IdMap {
    /// Reads `import-idkart.csv` (`kilde;nøkkel;id`); a line that does not parse is
    /// skipped and reported, never guessed.
    pub fn read(text: &str, report: &mut ImportReport) -> IdMap {
        let mut map = IdMap::default();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .flexible(true)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            let row = record
                .as_ref()
                .ok()
                .and_then(|r| r.position())
                .map_or(0, |p| p.line() as usize);
            match record
                .as_ref()
                .map(|r| (r.get(0), r.get(1), r.get(2), r.len()))
            {
                Ok((Some(source), Some(key), Some(id), 3)) if slug(id).as_deref() == Some(id) => {
                    map.known
                        .insert((source.to_string(), key.to_string()), id.to_string());
                }
                _ => report.note(
                    Section::Other,
                    Place {
                        file: super::ID_MAP.to_string(),
                        row,
                        column: 0,
                    },
                    Text::new(
                        "Linja i id-kartet kan ikke leses; den er hoppet over",
                        "The line of the id map cannot be read; it was skipped",
                    ),
                ),
            }
        }
        map
    }

    /// An id a file of the folder holds (`file`), not to be given to anything imported.
    pub fn reserve(&mut self, kind: RecordKind, id: String, file: String) {
        self.reserved.entry((kind, id)).or_insert(file);
    }

    /// The id for `key` from `source`: the one an earlier import gave it, else `wanted`
    /// (a slug), with `-2`, `-3`… when another record of this import has it already.
    pub fn assign(
        &mut self,
        kind: RecordKind,
        source: &str,
        key: &str,
        wanted: &str,
        place: &Place,
        report: &mut ImportReport,
    ) -> String {
        // The n-th row with this key is `key#n`, counted, not searched for.
        let seen = self
            .key_count
            .entry((source.to_string(), key.to_string()))
            .or_default();
        *seen += 1;
        let mut key = match *seen {
            1 => key.to_string(),
            n => format!("{key}#{n}"),
        };
        let mut n = *seen;
        while !self.keys.insert((source.to_string(), key.clone())) {
            n += 1;
            key = format!("{}#{n}", key.split('#').next().unwrap_or_default());
        }
        let known = self.known.get(&(source.to_string(), key.clone())).cloned();
        let base = known.clone().unwrap_or_else(|| wanted.to_string());
        let mut id = base.clone();
        // Suffixes already tried for this base start the search where it ended last time.
        let mut n = self
            .next_suffix
            .get(&(kind, base.clone()))
            .copied()
            .unwrap_or(1);
        if n > 1 {
            id = format!("{base}-{n}");
        }
        let used = |map: &Self, id: &String| {
            map.taken.contains(&(kind, id.clone()))
                || map.reserved.contains_key(&(kind, id.clone()))
        };
        while used(self, &id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        if id != base {
            let text = match self.reserved.get(&(kind, base.clone())) {
                Some(file) => Text::new(
                    format!("Id-en «{base}» er allerede brukt i {file}; denne fikk «{id}»"),
                    format!("The id «{base}» is already used in {file}; this one got «{id}»"),
                ),
                None => Text::new(
                    format!("Id-en «{base}» er allerede brukt i denne importen; denne fikk «{id}»"),
                    format!("The id «{base}» is already used in this import; this one got «{id}»"),
                ),
            };
            report.note(Section::IdChange, place.clone(), text);
        }
        self.next_suffix.insert((kind, base.clone()), n);
        self.taken.insert((kind, id.clone()));
        self.known.insert((source.to_string(), key), id.clone());
        id
    }

    /// The id map as CSV (`;`, as Norwegian Excel opens it), sorted.
    pub fn csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        let _ = writer.write_record(["kilde", "nøkkel", "id"]);
        for ((source, key), id) in &self.known {
            let _ = writer.write_record([source, key, id]);
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

impl Record {
    /// The whole document as written: the id first.
    pub fn full_doc(&self) -> Doc {
        let mut doc = Doc::default();
        doc.set("id", Value::Word(self.id.clone()));
        for (k, v) in &self.doc.entries {
            doc.set(k, v.clone());
        }
        doc
    }
}
