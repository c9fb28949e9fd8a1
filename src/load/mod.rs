//! Reading a kommune folder: find the files, parse each (in parallel), build the Portfolio,
//! and collect every problem in every file as a diagnostic with its place.

mod diag;
mod entities;
mod read;
pub mod shape;
mod yaml;

pub use diag::{Diagnostic, Level};

use crate::model::*;
use crate::text::Text;
use read::Reader;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use yaml::{Node, Value, YamlError, YamlErrorKind};

/// Files larger than this are refused before they are read.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Read systems from this file or folder instead of `systemer/` and `systemer.yaml`.
    pub systems: Option<PathBuf>,
    /// Read projects from this file or folder instead of `prosjekter/` and `prosjekter.yaml`.
    pub projects: Option<PathBuf>,
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            systems: None,
            projects: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// The outcome of loading: the portfolio when every file could be read, and every
/// diagnostic (errors and warnings) in file order.
#[derive(Debug)]
pub struct Loaded {
    pub portfolio: Option<Portfolio>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Kommune,
    Systems,
    Projects,
    Avvik,
}

struct Job {
    path: PathBuf,
    display: String,
    kind: Kind,
}

#[derive(Default)]
struct FileResult {
    diags: Vec<Diagnostic>,
    kommune: Option<Kommune>,
    systems: Vec<System>,
    projects: Vec<Project>,
    avvik: Vec<Avvik>,
}

pub fn load_folder(folder: &Path, options: &LoadOptions) -> Loaded {
    let mut diags = Vec::new();
    let fail = |diags: Vec<Diagnostic>| Loaded {
        portfolio: None,
        diagnostics: diags,
    };
    if !folder.is_dir() {
        let shown = folder.display().to_string();
        let message = if folder.exists() {
            Text::new(
                format!("{shown} er ikke en mappe"),
                format!("{shown} is not a folder"),
            )
        } else {
            Text::new(
                format!("Fant ikke mappa {shown}"),
                format!("Folder {shown} not found"),
            )
        };
        let hint = Text::new(
            "Gi mappa der kommune.yaml ligger: prinsipp check MAPPE",
            "Give the folder that holds kommune.yaml: prinsipp check FOLDER",
        );
        diags.push(Diagnostic::error(&shown, 0, 0, message).with_hint(hint));
        return fail(diags);
    }

    let jobs = find_files(folder, options, &mut diags);
    if !jobs.iter().any(|j| j.kind == Kind::Kommune) {
        let hint = Text::new(
            "Lag en med `prinsipp init`, eller se docs/datamodell.md",
            "Create one with `prinsipp init`, or see docs/datamodell.md",
        );
        diags.push(
            Diagnostic::error(
                &display_path(folder, &folder.join("kommune.yaml")),
                0,
                0,
                Text::new(
                    "Mappa mangler kommune.yaml",
                    "The folder has no kommune.yaml",
                ),
            )
            .with_hint(hint),
        );
    }

    let results = read_in_parallel(&jobs, options.max_file_bytes);
    let mut portfolio = Portfolio::default();
    for (index, (job, result)) in jobs.iter().zip(results).enumerate() {
        debug_assert_eq!(index, portfolio.files.len());
        portfolio.files.push(SourceFile {
            display: job.display.clone(),
        });
        diags.extend(result.diags);
        if let Some(k) = result.kommune {
            portfolio.kommune = k;
        }
        portfolio.systems.extend(result.systems);
        portfolio.projects.extend(result.projects);
        portfolio.avvik.extend(result.avvik);
    }
    check_unique_ids(&portfolio, &mut diags);

    let failed = diags.iter().any(|d| d.level == Level::Error);
    Loaded {
        portfolio: (!failed).then_some(portfolio),
        diagnostics: diags,
    }
}

/// The files to read, in a fixed order: kommune.yaml, systems, projects, avvik.yaml.
fn find_files(folder: &Path, options: &LoadOptions, diags: &mut Vec<Diagnostic>) -> Vec<Job> {
    let mut jobs = Vec::new();
    let mut add = |path: PathBuf, kind| {
        let display = display_path(folder, &path);
        jobs.push(Job {
            path,
            display,
            kind,
        });
    };
    let kommune = folder.join("kommune.yaml");
    if kommune.is_file() {
        add(kommune, Kind::Kommune);
    }
    for (kind, name, custom) in [
        (Kind::Systems, "systemer", &options.systems),
        (Kind::Projects, "prosjekter", &options.projects),
    ] {
        let places = match custom {
            Some(path) => vec![path.clone()],
            None => vec![
                folder.join(format!("{name}.yaml")),
                folder.join(format!("{name}.yml")),
                folder.join(name),
            ],
        };
        for place in places {
            if custom.is_some() && !place.exists() {
                let shown = place.display().to_string();
                diags.push(Diagnostic::error(
                    &shown,
                    0,
                    0,
                    Text::new(format!("Fant ikke {shown}"), format!("{shown} not found")),
                ));
            } else if place.is_file() {
                add(place, kind);
            } else if place.is_dir() {
                for path in walk_yaml(folder, &place, diags) {
                    add(path, kind);
                }
            }
        }
    }
    let avvik = folder.join("avvik.yaml");
    if avvik.is_file() {
        add(avvik, Kind::Avvik);
    }
    jobs
}

/// Every .yaml/.yml file under `dir`, sorted, hidden ones skipped, symlinks not followed.
fn walk_yaml(folder: &Path, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name();
    let hidden =
        |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    for entry in walker.into_iter().filter_entry(|e| !hidden(e)) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let shown = err
                    .path()
                    .map(|p| display_path(folder, p))
                    .unwrap_or_default();
                diags.push(Diagnostic::error(
                    &shown,
                    0,
                    0,
                    Text::new(
                        format!("Kan ikke lese mappa: {err}"),
                        format!("Cannot read the folder: {err}"),
                    ),
                ));
                continue;
            }
        };
        let path = entry.path();
        let is_yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if entry.path_is_symlink() {
            if is_yaml || path.is_dir() {
                let shown = display_path(folder, path);
                diags.push(Diagnostic::warning(
                    &shown,
                    0,
                    0,
                    Text::new(
                        "Symbolsk lenke blir ikke fulgt; fila er ikke lest",
                        "Symbolic link not followed; the file was not read",
                    ),
                ));
            }
        } else if entry.file_type().is_file() && is_yaml {
            files.push(path.to_path_buf());
        }
    }
    files
}

/// The path users see: relative to the kommune folder when inside it, with `/` separators.
fn display_path(folder: &Path, path: &Path) -> String {
    let shown = path.strip_prefix(folder).unwrap_or(path);
    shown.to_string_lossy().replace('\\', "/")
}

fn read_in_parallel(jobs: &[Job], max_bytes: u64) -> Vec<FileResult> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(jobs.len())
        .max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, FileResult)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { break };
                        done.push((i, read_file(job, FileId(i as u32), max_bytes)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn read_file(job: &Job, file: FileId, max_bytes: u64) -> FileResult {
    let mut result = FileResult::default();
    let shown = job.display.as_str();
    let error = |line, column, message: Text, hint: Option<Text>| {
        let mut d = Diagnostic::error(shown, line, column, message);
        d.hint = hint;
        FileResult {
            diags: vec![d],
            ..FileResult::default()
        }
    };
    match std::fs::metadata(&job.path) {
        Ok(meta) if meta.len() > max_bytes => {
            let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
            return error(
                0,
                0,
                Text::new(
                    format!(
                        "Fila er for stor ({:.1} MiB; grensen er {:.0} MiB)",
                        mib(meta.len()),
                        mib(max_bytes)
                    ),
                    format!(
                        "The file is too large ({:.1} MiB; the limit is {:.0} MiB)",
                        mib(meta.len()),
                        mib(max_bytes)
                    ),
                ),
                Some(Text::new(
                    "Del den opp i flere filer",
                    "Split it into several files",
                )),
            );
        }
        _ => {}
    }
    let bytes = match std::fs::read(&job.path) {
        Ok(bytes) => bytes,
        Err(err) => {
            return error(
                0,
                0,
                Text::new(
                    format!("Kan ikke lese fila: {err}"),
                    format!("Cannot read the file: {err}"),
                ),
                None,
            );
        }
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() as u32 + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() as u32 + 1;
            let hint = Text::new(
                "Lagre fila som UTF-8 (ikke Latin-1/Windows-1252)",
                "Save the file as UTF-8 (not Latin-1/Windows-1252)",
            );
            return error(
                line,
                column,
                Text::new("Fila er ikke gyldig UTF-8", "The file is not valid UTF-8"),
                Some(hint),
            );
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = match yaml::parse(text) {
        Ok(parsed) => parsed,
        Err(err) => {
            let (line, column, message, hint) = yaml_error_text(&err, text);
            return error(line, column, message, hint);
        }
    };
    for problem in &parsed.problems {
        let (line, column, message, hint) = yaml_error_text(problem, text);
        let mut d = Diagnostic::error(shown, line, column, message);
        d.hint = hint;
        result.diags.push(d);
    }
    let root = match parsed.root {
        Some(root) => root,
        None => {
            if job.kind == Kind::Kommune {
                return error(
                    1,
                    1,
                    Text::new("kommune.yaml er tom", "kommune.yaml is empty"),
                    Some(Text::new(
                        "Skriv `kommune:` med navn og kommunenummer",
                        "Write `kommune:` with navn and kommunenummer",
                    )),
                );
            }
            result.diags.push(Diagnostic::warning(
                shown,
                0,
                0,
                Text::new(
                    "Fila er tom; ingenting er lest fra den",
                    "The file is empty; nothing was read from it",
                ),
            ));
            return result;
        }
    };
    let mut reader = Reader::new(file, shown);
    match job.kind {
        Kind::Kommune => result.kommune = entities::kommune(&mut reader, &root),
        Kind::Systems => {
            result.systems = read_list(
                &mut reader,
                &root,
                &shape::SYSTEM_FILE,
                "systemer",
                None,
                entities::system,
            )
        }
        Kind::Projects => {
            result.projects = read_list(
                &mut reader,
                &root,
                &shape::PROJECT_FILE,
                "prosjekter",
                Some("prosjekt"),
                entities::project,
            )
        }
        Kind::Avvik => {
            result.avvik = read_list(
                &mut reader,
                &root,
                &shape::AVVIK_FILE,
                "avvik",
                None,
                entities::avvik,
            )
        }
    }
    // Fields are read in model order; report them in the order they stand in the file.
    reader.diags.sort_by_key(|d| (d.line, d.column));
    result.diags.append(&mut reader.diags);
    result
}

/// A file holds `<list_key>:` with a list; for projects also `<single_key>:` with one entry;
/// for systems (no single key) a system may stand alone at the top level.
fn read_list<T>(
    r: &mut Reader,
    root: &Node,
    file_shape: &shape::Shape,
    list_key: &'static str,
    single_key: Option<&'static str>,
    read: fn(&mut Reader, &Node) -> Option<T>,
) -> Vec<T> {
    let Value::Map(entries) = &root.value else {
        let hint = Text::new(
            format!("Start fila med `{list_key}:` og en liste under"),
            format!("Start the file with `{list_key}:` and a list under it"),
        );
        r.error(
            root.line,
            root.column,
            Text::new(
                "Fila må være en mapping øverst",
                "The file must hold a mapping at the top",
            ),
            Some(hint),
        );
        return Vec::new();
    };
    let has = |k: &str| entries.iter().any(|e| e.key == k);
    let wrapped = has(list_key) || single_key.is_some_and(has);
    if !wrapped {
        // `system:` or `systemr:` at the top is a misspelt wrapper, not a system.
        let misspelt = match entries.as_slice() {
            [only] if matches!(only.value.value, Value::Seq(_) | Value::Map(_)) => {
                crate::text::did_you_mean(&only.key, std::iter::once(list_key).chain(single_key))
                    .map(|near| (only, near))
            }
            _ => None,
        };
        if let Some((entry, near)) = misspelt {
            r.error(
                entry.line,
                entry.column,
                Text::new(
                    format!("Ukjent felt `{}` øverst i fila", entry.key),
                    format!("Unknown key `{}` at the top of the file", entry.key),
                ),
                Some(Text::new(
                    format!("Mente du `{near}:`?"),
                    format!("Did you mean `{near}:`?"),
                )),
            );
            return Vec::new();
        }
        if single_key.is_none() {
            return read(r, root).into_iter().collect();
        }
        let single = single_key.unwrap_or(list_key);
        let hint = Text::new(
            format!("Start fila med `{single}:` (ett) eller `{list_key}:` (en liste)"),
            format!("Start the file with `{single}:` (one) or `{list_key}:` (a list)"),
        );
        r.error(
            root.line,
            root.column,
            Text::new(
                format!("Fila mangler `{single}:` eller `{list_key}:` øverst"),
                format!("The file lacks `{single}:` or `{list_key}:` at the top"),
            ),
            Some(hint),
        );
        return Vec::new();
    }
    let Some(fields) = r.map(root, list_key, file_shape) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(key) = single_key {
        match fields.get(key) {
            Some(node) if matches!(node.value, Value::Seq(_)) => r.error(
                node.line,
                node.column,
                Text::new(
                    format!("`{key}:` holder én oppføring, ikke en liste"),
                    format!("`{key}:` holds one entry, not a list"),
                ),
                Some(Text::new(
                    format!("Bruk `{list_key}:` for en liste"),
                    format!("Use `{list_key}:` for a list"),
                )),
            ),
            Some(node) => out.extend(read(r, node)),
            None => {}
        }
    }
    out.extend(r.list(&fields, list_key, read));
    out
}

/// The message and hint for a YAML problem, and where to show it.
fn yaml_error_text(err: &YamlError, text: &str) -> (u32, u32, Text, Option<Text>) {
    // A tab in the indentation confuses the parser, which then reports a later place:
    // point at the tab itself.
    if matches!(err.kind, YamlErrorKind::Syntax(_)) {
        if let Some((line, column)) = first_indenting_tab(text, err.line + 1) {
            let message = Text::new("Tabulator i innrykket", "A tab in the indentation");
            let hint = Text::new(
                "YAML tillater bare mellomrom til innrykk; bytt tabulatoren med mellomrom",
                "YAML allows only spaces for indentation; replace the tab with spaces",
            );
            return (line, column, message, Some(hint));
        }
    }
    let (message, hint) = match &err.kind {
        YamlErrorKind::Syntax(info) => {
            let hint = if info.contains("tab") {
                Text::new(
                    "Bruk mellomrom, ikke tabulator, til innrykk",
                    "Indent with spaces, not tabs",
                )
            } else {
                Text::new(
                    "Sjekk innrykk, kolon og anførselstegn på denne linja og linja før",
                    "Check indentation, colons and quotes on this line and the one before",
                )
            };
            (
                Text::new(
                    format!("Ugyldig YAML: {info}"),
                    format!("Invalid YAML: {info}"),
                ),
                Some(hint),
            )
        }
        YamlErrorKind::TooDeep => (
            Text::new(
                format!("For dyp nesting (mer enn {} nivåer)", yaml::MAX_DEPTH),
                format!("Nesting too deep (more than {} levels)", yaml::MAX_DEPTH),
            ),
            Some(Text::new(
                "Ingen del av formatet trenger så mange nivåer; sjekk at klammer og innrykk er lukket riktig",
                "No part of the format needs that many levels; check that brackets and indentation close properly",
            )),
        ),
        YamlErrorKind::AliasBudget => (
            Text::new(
                "For mange utvidelser av YAML-aliaser (*navn); fila avvises",
                "Too many expansions of YAML aliases (*name); the file is refused",
            ),
            Some(Text::new(
                "Skriv verdiene ut i stedet for å bruke ankre og aliaser",
                "Write the values out instead of using anchors and aliases",
            )),
        ),
        YamlErrorKind::UnknownAlias => (
            Text::new(
                "Alias til et anker som ikke finnes",
                "Alias to an anchor that does not exist",
            ),
            None,
        ),
        YamlErrorKind::ComplexKey => (
            Text::new("Nøkler må være enkel tekst", "Keys must be plain text"),
            None,
        ),
        YamlErrorKind::DuplicateKey { key, first_line } => (
            Text::new(
                format!(
                    "Nøkkelen `{key}` står to ganger i samme mapping (første gang på linje {first_line})"
                ),
                format!(
                    "The key `{key}` appears twice in one mapping (first on line {first_line})"
                ),
            ),
            Some(Text::new(
                "Fjern eller slå sammen den ene",
                "Remove or merge one of them",
            )),
        ),
        YamlErrorKind::SeveralDocuments => (
            Text::new(
                "Fila har flere YAML-dokumenter (---)",
                "The file holds several YAML documents (---)",
            ),
            Some(Text::new(
                "Legg hvert dokument i en egen fil",
                "Put each document in a file of its own",
            )),
        ),
    };
    (err.line, err.column, message, hint)
}

/// The first tab in the leading whitespace of a line up to `last_line` (the parser often
/// reports the line before the tab).
fn first_indenting_tab(text: &str, last_line: u32) -> Option<(u32, u32)> {
    text.lines()
        .take(last_line as usize)
        .enumerate()
        .find_map(|(i, line)| {
            let indent: String = line
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            indent.find('\t').map(|col| (i as u32 + 1, col as u32 + 1))
        })
}

/// Ids are unique across the inventory and every inline new system; project ids among
/// projects. A duplicate names both places.
fn check_unique_ids(p: &Portfolio, diags: &mut Vec<Diagnostic>) {
    let inline = p
        .projects
        .iter()
        .flat_map(|pr| pr.new_systems.iter())
        .filter_map(|n| match n {
            NewSystem::Inline(s) => Some(s.as_ref()),
            NewSystem::Reference { .. } => None,
        });
    let systems = p
        .systems
        .iter()
        .chain(inline)
        .map(|s| (s.id.as_str(), s.spans.key("id")));
    report_duplicates(p, systems, ("system", "system"), diags);
    let projects = p
        .projects
        .iter()
        .map(|pr| (pr.id.as_str(), pr.spans.key("id")));
    report_duplicates(p, projects, ("prosjekt", "project"), diags);
}

fn report_duplicates<'a>(
    p: &Portfolio,
    ids: impl Iterator<Item = (&'a str, Pos)>,
    what: (&str, &str),
    diags: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, Pos> = HashMap::new();
    for (id, at) in ids {
        if let Some(earlier) = first.get(id) {
            let there = format!(
                "{}:{}:{}",
                p.file_name(earlier.file),
                earlier.line,
                earlier.column
            );
            diags.push(
                Diagnostic::error(p.file_name(at.file), at.line, at.column, Text::new(format!("Id «{id}» er brukt av mer enn ett {}; først her: {there}", what.0), format!("Id «{id}» is used by more than one {}; first here: {there}", what.1)))
                    .with_hint(Text::new("Gi hvert system og prosjekt sin egen id. Et planlagt system i systemoversikten nevnes i prosjektet med `- system: id`", "Give every system and project its own id. A planned inventory system is named in a project with `- system: id`")),
            );
        } else {
            first.insert(id, at);
        }
    }
}
