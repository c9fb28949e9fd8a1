//! Import: the registers kommuner already keep (sheets, Kartoteket, Prosjektportalen 365)
//! turned into a kommune folder in prinsipp's format, one file per system or project, again
//! and again: ids stay the same (`import-idkart.csv`), files a person has edited are left
//! alone, and everything that could not be read with certainty is left out and reported.
//!
//! The flow: read each file into tables (`table`), turn rows into records (`sheet`, …),
//! give them ids (`record`), render them (`doc`) and write them (`folder`), with a report
//! of everything on the way (`report`).

pub mod benefits;
pub mod columns;
pub mod doc;
pub mod folder;
pub mod gevinster;
pub mod kartoteket;
pub mod mapfile;
pub mod pp365;
pub mod record;
pub mod report;
pub mod sheet;
pub mod table;
pub mod values;

use crate::diagnostic::Diagnostic;
use crate::input;
use crate::text::{Lang, Text};
use doc::{Doc, Value};
use folder::Planned;
use mapfile::ColumnMap;
use record::{IdMap, Record, RecordKind};
use report::{ImportReport, Place, Section};
use std::path::{Path, PathBuf};
use table::Encoding;

/// The id map an import keeps in the kommune folder.
pub const ID_MAP: &str = "import-idkart.csv";
/// The report an import writes beside it (`.json` with `--format json`).
pub const REPORT: &str = "import-rapport";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A generic inventory sheet, one row per system.
    Sheet,
    /// Kartoteket's API dumps and admin CSV export.
    Kartoteket,
    /// Prosjektportalen 365's project lists.
    Pp365Projects,
    /// Prosjektportalen 365's benefit lists, into the projects' files.
    Pp365Benefits,
}

impl Source {
    /// The fields a column map may name for this source.
    fn fields(self) -> &'static [columns::Field] {
        match self {
            Source::Sheet | Source::Kartoteket => columns::SYSTEM,
            Source::Pp365Projects | Source::Pp365Benefits => pp365::PROJECT,
        }
    }

    /// The name in file headers, the id map and messages.
    pub fn name(self) -> &'static str {
        match self {
            Source::Sheet => "regneark",
            Source::Kartoteket => "kartoteket",
            Source::Pp365Projects | Source::Pp365Benefits => "pp365",
        }
    }
}

/// One import, as the command line asks for it.
#[derive(Debug, Clone)]
pub struct Job {
    pub source: Source,
    pub files: Vec<PathBuf>,
    pub folder: PathBuf,
    pub columns: Option<PathBuf>,
    pub encoding: Encoding,
    pub overwrite: bool,
    /// Apply the opt-in heuristics (each use is reported).
    pub heuristics: bool,
    /// pp365-gevinster from a project's lists: that project's id.
    pub project: Option<String>,
    /// For a new folder: the kommune's name and number, for kommune.yaml.
    pub kommune: Option<(String, String)>,
    pub max_file_bytes: u64,
    pub json_report: bool,
    pub lang: Lang,
}

/// What an import did; errors mean nothing was written.
#[derive(Debug, Default)]
pub struct Outcome {
    pub report: ImportReport,
    pub errors: Vec<Diagnostic>,
}

/// What the files held: sheets, and JSON (Kartoteket's API).
enum Input {
    Table(table::Table),
    Json { bytes: Vec<u8>, shown: String },
}

pub fn run(job: &Job) -> Outcome {
    let mut out = Outcome::default();
    out.report.source = job.source.name().to_string();
    if let Some(project) = job.project.as_deref().filter(|p| !is_file_id(p)) {
        out.errors.push(
            Diagnostic::error(
                "--prosjekt",
                0,
                0,
                Text::new(
                    format!("«{}» er ikke en prosjekt-id", crate::text::shorten(project)),
                    format!("«{}» is not a project id", crate::text::shorten(project)),
                ),
            )
            .with_hint(Text::new(
                "Gi id-en til et prosjekt i mappa: navnet på fila i prosjekter/ uten .yaml (bokstaver, sifre, - og _)",
                "Give the id of a project in the folder: the name of its file in prosjekter/ without .yaml (letters, digits, - and _)",
            )),
        );
        return out;
    }
    let map = match &job.columns {
        Some(path) => match read_text(path, job.max_file_bytes)
            .map_err(|d| vec![*d])
            .and_then(|text| {
                ColumnMap::parse(&text, &path.display().to_string(), job.source.fields())
            }) {
            Ok(map) => map,
            Err(errors) => {
                out.errors.extend(errors);
                return out;
            }
        },
        None => ColumnMap::default(),
    };
    // The id map keeps ids from one import to the next: one that is there but cannot be
    // read stops the import, or every id could change.
    let id_map = job.folder.join(ID_MAP);
    let mut ids = match read_text_if_there(&id_map, job.max_file_bytes) {
        Ok(None) => IdMap::default(),
        Ok(Some(text)) => IdMap::read(&text, &mut out.report),
        Err(d) => {
            out.errors.push(*d);
            return out;
        }
    };
    for (kind, id, file) in folder::ids_in_use(&job.folder, job.source.name(), job.max_file_bytes) {
        let kind = if kind == "systemer" {
            RecordKind::System
        } else {
            RecordKind::Project
        };
        if file != format!("{}/{id}.yaml", kind.folder()) {
            ids.reserve(kind, id, file);
        }
    }
    let inputs = read_inputs(job, &map, &mut out);
    if !out.errors.is_empty() {
        return out;
    }
    let planned = match job.source {
        Source::Pp365Benefits => {
            match gevinster::plan(job, &inputs_tables(&inputs), &ids, &mut out.report) {
                Ok(planned) => planned,
                Err(errors) => {
                    out.errors.extend(errors);
                    return out;
                }
            }
        }
        _ => {
            let records = match records(job, &map, inputs, &mut ids, &mut out) {
                Some(records) => records,
                None => return out,
            };
            let mut planned: Vec<Planned> = records.iter().map(|r| plan(r, job)).collect();
            planned.extend(kommune_file(job, &mut out.report));
            planned
        }
    };
    let report_name = format!("{REPORT}.{}", if job.json_report { "json" } else { "md" });
    for name in [ID_MAP, report_name.as_str()] {
        let path = job.folder.join(name);
        if let Err(e) = crate::files::check_target(&path, &[]) {
            out.errors.push(crate::files::cannot_write(&path, &e));
        }
    }
    if !out.errors.is_empty() {
        return out;
    }
    // Benefits add to project files; what other projects the folder has is not their
    // business, so nothing is reported gone.
    let gone = job.source != Source::Pp365Benefits;
    if let Err(errors) = folder::write(
        &job.folder,
        &planned,
        job.source.name(),
        job.overwrite,
        gone,
        job.max_file_bytes,
        &mut out.report.written,
    ) {
        out.errors.extend(errors);
        return out;
    }
    let report_text = if job.json_report {
        out.report.json(job.lang)
    } else {
        out.report.markdown(job.lang)
    };
    for (name, text) in [(ID_MAP, ids.csv()), (report_name.as_str(), report_text)] {
        let path = job.folder.join(name);
        if let Err(e) = crate::files::write_output(&path, &text, &[]) {
            out.errors.push(crate::files::cannot_write(&path, &e));
        }
    }
    out
}

fn inputs_tables(inputs: &[Input]) -> Vec<&table::Table> {
    inputs
        .iter()
        .filter_map(|i| match i {
            Input::Table(t) => Some(t),
            Input::Json { .. } => None,
        })
        .collect()
}

/// Every file read within the limits and parsed into sheets (or kept as JSON for
/// Kartoteket); each problem is an error in `out`.
fn read_inputs(job: &Job, map: &ColumnMap, out: &mut Outcome) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in &job.files {
        let shown = path.display().to_string();
        out.report.files.push(shown.clone());
        let bytes = match input::read_file(path, job.max_file_bytes) {
            Ok((bytes, _)) => bytes,
            Err(problem) => {
                out.errors.push(problem.diagnostic(&shown));
                continue;
            }
        };
        let kind = extension(path);
        if job.source == Source::Kartoteket && kind == "json" {
            inputs.push(Input::Json { bytes, shown });
            continue;
        }
        let tables = match kind.as_str() {
            "xlsx" | "xlsm" => table::read_xlsx(&bytes, &shown, map.sheet.as_deref()),
            "csv" | "txt" => table::read_csv(&bytes, &shown, job.encoding).map(|t| vec![t]),
            _ => Err(Box::new(not_a_sheet(&shown, job.source))),
        };
        match tables {
            Ok(tables) => {
                for table in &tables {
                    for (row, column, error) in &table.error_cells {
                        out.report.note(
                            Section::UnreadValue,
                            Place { file: table.place(), row: *row, column: *column },
                            Text::new(
                                format!("Cellen er en feil i regnearket ({error}); den er lest som tom"),
                                format!("The cell is an error in the workbook ({error}); it was read as empty"),
                            ),
                        );
                    }
                }
                inputs.extend(tables.into_iter().map(Input::Table));
            }
            Err(d) => out.errors.push(*d),
        }
    }
    inputs
}

/// The systems or projects the inputs hold; `None` when an input is not what the source
/// should be (the errors are in `out`).
fn records(
    job: &Job,
    map: &ColumnMap,
    inputs: Vec<Input>,
    ids: &mut IdMap,
    out: &mut Outcome,
) -> Option<Vec<Record>> {
    let mut systems = Vec::new();
    let mut projects = Vec::new();
    let mut kartoteket = kartoteket::Kartoteket::default();
    for input in inputs {
        let read = match (input, job.source) {
            (Input::Json { bytes, shown }, _) => {
                kartoteket.read_json(&bytes, &shown, &mut out.report)
            }
            (Input::Table(t), Source::Sheet) => {
                sheet::systems(&t, map, ids, &mut out.report, &mut systems)
            }
            (Input::Table(t), Source::Kartoteket) => kartoteket.read_admin_csv(&t, &mut out.report),
            (Input::Table(t), _) => pp365::projects(&t, map, ids, &mut out.report, &mut projects),
        };
        if let Err(d) = read {
            out.errors.push(*d);
        }
    }
    if !out.errors.is_empty() {
        return None;
    }
    Some(match job.source {
        Source::Sheet => {
            sheet::resolve_targets(&mut systems, &mut out.report);
            systems.into_iter().map(|(r, _)| r).collect()
        }
        Source::Kartoteket => {
            let drift = |platform: &str| {
                map.value("drift", &values::fold(platform))
                    .map(str::to_string)
            };
            kartoteket.records(&drift, job.heuristics, ids, &mut out.report)
        }
        _ => projects,
    })
}

/// An id that is also a file name in the folder: letters, digits, `-` and `_`, no longer
/// than an id may be (so never a path, a dot or nothing).
fn is_file_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= crate::load::MAX_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// A record as the file it becomes: a system at the top level, a project under `prosjekt:`
/// (with the benefits a `pp365-gevinster` import gave it before).
fn plan(record: &Record, job: &Job) -> Planned {
    let (body, provenance) = match record.kind {
        RecordKind::System => (record.full_doc().render(0), record.provenance.clone()),
        RecordKind::Project => {
            let (project, provenance) = gevinster::with_earlier_benefits(
                job,
                &record.id,
                record.full_doc(),
                record.provenance.clone(),
            );
            let mut wrapper = Doc::default();
            wrapper.set("prosjekt", Value::Map(project));
            (wrapper.render(0), provenance)
        }
    };
    Planned {
        path: format!("{}/{}.yaml", record.kind.folder(), record.id),
        source: job.source.name().to_string(),
        body,
        provenance,
    }
}

/// kommune.yaml for a folder that has none, from `--kommune` and `--kommunenummer`; a
/// folder without it is reported (the check needs one).
fn kommune_file(job: &Job, report: &mut ImportReport) -> Option<Planned> {
    let exists = input::output_target(&job.folder.join("kommune.yaml")).is_some();
    if exists {
        return None;
    }
    let Some((name, number)) = &job.kommune else {
        report.note(
            Section::Other,
            Place {
                file: job.folder.join("kommune.yaml").display().to_string(),
                row: 0,
                column: 0,
            },
            Text::new(
                "Mappa har ingen kommune.yaml: gi --kommune og --kommunenummer, eller lag den med `prinsipp init`",
                "The folder has no kommune.yaml: give --kommune and --kommunenummer, or make it with `prinsipp init`",
            ),
        );
        return None;
    };
    let mut kommune = Doc::default();
    kommune.set("navn", Value::Text(name.clone()));
    kommune.set("kommunenummer", Value::Text(number.clone()));
    let mut doc = Doc::default();
    doc.set("kommune", Value::Map(kommune));
    Some(Planned {
        path: "kommune.yaml".to_string(),
        source: "kommune".to_string(),
        body: doc.render(0),
        provenance: "--kommune og --kommunenummer".to_string(),
    })
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn not_a_sheet(shown: &str, source: Source) -> Diagnostic {
    let (nb, en) = match source {
        Source::Kartoteket => (
            "Ukjent filtype: ventet .json (API-et) eller .csv (eksporten)",
            "Unknown kind of file: expected .json (the API) or .csv (the export)",
        ),
        Source::Sheet | Source::Pp365Projects | Source::Pp365Benefits => (
            "Ukjent filtype: ventet .csv eller .xlsx",
            "Unknown kind of file: expected .csv or .xlsx",
        ),
    };
    Diagnostic::error(shown, 0, 0, Text::new(nb, en)).with_hint(Text::new(
        "Et gammelt .xls-ark lagres som .xlsx i Excel først",
        "Save an old .xls sheet as .xlsx in Excel first",
    ))
}

/// A text file within the size limit (the column map); a missing one is an error.
fn read_text(path: &Path, limit: u64) -> Result<String, Box<Diagnostic>> {
    read_text_if_there(path, limit)?
        .ok_or_else(|| Box::new(input::Problem::Missing.diagnostic(&path.display().to_string())))
}

/// A text file within the size limit, or `None` when there is none (the id map).
fn read_text_if_there(path: &Path, limit: u64) -> Result<Option<String>, Box<Diagnostic>> {
    let shown = path.display().to_string();
    let bytes = match input::read_file(path, limit) {
        Err(input::Problem::Missing) => return Ok(None),
        Err(p) => return Err(Box::new(p.diagnostic(&shown))),
        Ok((bytes, _)) => bytes,
    };
    String::from_utf8(bytes).map(Some).map_err(|_| {
        Box::new(Diagnostic::error(
            &shown,
            0,
            0,
            Text::new("Fila er ikke UTF-8", "The file is not UTF-8"),
        ))
    })
}
