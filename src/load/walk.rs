//! Finding a kommune folder's files on disk and reading their bytes, within the limits.

use super::LoadOptions;
use super::diag::Diagnostic;
use super::file::FileKind;
use crate::text::Text;
use std::path::{Path, PathBuf};

pub(super) struct Job {
    pub(super) path: PathBuf,
    pub(super) display: String,
    pub(super) kind: FileKind,
}

/// The files to read, in a fixed order: kommune.yaml, systems, projects, avvik.yaml.
pub(super) fn find_files(
    folder: &Path,
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Job> {
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
        add(kommune, FileKind::Kommune);
    }
    for (kind, name, custom) in [
        (FileKind::Systems, "systemer", &options.systems),
        (FileKind::Projects, "prosjekter", &options.projects),
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
                for path in walk_yaml(folder, &place, options.max_files, diags) {
                    add(path, kind);
                }
            }
        }
    }
    let avvik = folder.join("avvik.yaml");
    if avvik.is_file() {
        add(avvik, FileKind::Avvik);
    }
    jobs
}

/// Every .yaml/.yml file under `dir`, sorted, hidden ones skipped, symlinks not followed.
fn walk_yaml(folder: &Path, dir: &Path, limit: usize, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
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
        let is_yaml = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
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
            if files.len() == limit {
                let shown = display_path(folder, dir);
                diags.push(
                    Diagnostic::error(&shown, 0, 0, Text::new(format!("Mappa har flere enn {limit} YAML-filer; ingen av dem er lest"), format!("The folder holds more than {limit} YAML files; none was read")))
                        .with_hint(Text::new("Sjekk at du har gitt riktig mappe, eller øk grensen med --max-files", "Check that the folder is the right one, or raise the limit with --max-files")),
                );
                return Vec::new();
            }
            files.push(path.to_path_buf());
        } else if is_yaml && !entry.file_type().is_dir() {
            // A pipe, socket or device named *.yaml: reading it could block or fail.
            let shown = display_path(folder, path);
            diags.push(Diagnostic::error(
                &shown,
                0,
                0,
                Text::new(
                    "Ikke en vanlig fil (rør, sokkel eller enhet); den er ikke lest",
                    "Not a regular file (pipe, socket or device); it was not read",
                ),
            ));
        }
    }
    files
}

/// The path users see: relative to the kommune folder when inside it, with `/` separators.
pub(super) fn display_path(folder: &Path, path: &Path) -> String {
    let shown = path.strip_prefix(folder).unwrap_or(path);
    shown.to_string_lossy().replace('\\', "/")
}

/// The bytes of one file, or why it could not be read (too large, an I/O error).
pub(super) fn read_bytes(job: &Job, max_bytes: u64) -> Result<Vec<u8>, Box<Diagnostic>> {
    let shown = job.display.as_str();
    if let Ok(meta) = std::fs::metadata(&job.path) {
        if meta.len() > max_bytes {
            let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
            let (size, limit) = (mib(meta.len()), mib(max_bytes));
            let message = Text::new(
                format!("Fila er for stor ({size:.1} MiB; grensen er {limit:.0} MiB)"),
                format!("The file is too large ({size:.1} MiB; the limit is {limit:.0} MiB)"),
            );
            let hint = Text::new(
                "Del den opp i flere filer, eller øk grensen med --max-file-size",
                "Split it into several files, or raise the limit with --max-file-size",
            );
            return Err(Box::new(
                Diagnostic::error(shown, 0, 0, message).with_hint(hint),
            ));
        }
    }
    std::fs::read(&job.path).map_err(|err| {
        Box::new(Diagnostic::error(
            shown,
            0,
            0,
            Text::new(
                format!("Kan ikke lese fila: {err}"),
                format!("Cannot read the file: {err}"),
            ),
        ))
    })
}

/// A path as seen from the working directory, with `/` separators: `./` dropped, and an
/// absolute path inside the working directory made relative (CI tools want paths from the
/// repository root).
pub fn cwd_relative(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf));
    let path = relative.as_deref().unwrap_or(path);
    let text = path.to_string_lossy().replace('\\', "/");
    let mut text = text.as_str();
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    text.to_string()
}
