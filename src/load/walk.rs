//! Finding a kommune folder's files and reading their bytes, within the limits: every file
//! is opened by handle without following links (see `crate::input`), and anything that is
//! not a regular file or a real folder where the format expects one is a diagnostic.

use super::LoadOptions;
use super::file::FileKind;
use crate::diagnostic::Diagnostic;
use crate::input::{self, Entry, Folder, Identity, Kind, Opened, Problem};
use crate::text::Text;
use std::path::{Path, PathBuf};

/// Folders inside `systemer/` or `prosjekter/` deeper than this are refused: no portfolio
/// needs them, and each level holds a handle open while it is walked.
const MAX_FOLDER_DEPTH: usize = 16;

/// One file's bytes, read.
pub(super) struct Job {
    pub(super) display: String,
    pub(super) kind: FileKind,
    pub(super) bytes: Vec<u8>,
}

/// What the walk found: the files read, in a fixed order (kommune.yaml, systems, projects,
/// avvik.yaml), and which files they were.
pub(super) struct Found {
    pub(super) jobs: Vec<Job>,
    pub(super) inputs: Vec<Identity>,
    /// kommune.yaml is there but could not be read (already reported).
    pub(super) kommune_reported: bool,
}

struct Walk<'a> {
    root: &'a Path,
    options: &'a LoadOptions,
    diags: &'a mut Vec<Diagnostic>,
    found: Found,
}

/// Reads the files of the kommune folder `folder` (at `root`).
pub(super) fn read_files(
    folder: &Folder,
    root: &Path,
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Found {
    read_files_as(
        folder,
        root,
        ("kommune.yaml", FileKind::Kommune),
        options,
        diags,
    )
}

/// The walk: `head` (kommune.yaml, or samarbeid.yaml for an IKT-samarbeid's shared files),
/// systems, projects, avvik.yaml; files shown from the run's root (`options.base`).
pub(super) fn read_files_as(
    folder: &Folder,
    root: &Path,
    head: (&str, FileKind),
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Found {
    let mut w = Walk {
        root,
        options,
        diags,
        found: Found {
            jobs: Vec::new(),
            inputs: Vec::new(),
            kommune_reported: false,
        },
    };
    w.found.kommune_reported = w.top_file(folder, head.0, head.1);
    for (kind, name, custom) in [
        (FileKind::Systems, "systemer", &options.systems),
        (FileKind::Projects, "prosjekter", &options.projects),
    ] {
        match custom {
            Some(path) => w.flag_path(path, kind),
            None => {
                w.top_file(folder, &format!("{name}.yaml"), kind);
                w.top_file(folder, &format!("{name}.yml"), kind);
                w.top_entry(folder, name, kind);
            }
        }
    }
    w.top_file(folder, "avvik.yaml", FileKind::Avvik);
    w.found
}

impl Walk<'_> {
    fn report(&mut self, path: &Path, problem: &Problem) {
        let shown = self.options.base.show(path);
        self.diags.push(problem.diagnostic(&shown));
    }

    /// A file the format names at the top of the folder; `true` when it is there but could
    /// not be read (reported).
    fn top_file(&mut self, folder: &Folder, name: &str, kind: FileKind) -> bool {
        let path = self.root.join(name);
        match folder.open_entry(name) {
            Ok(None) => false,
            Ok(Some(Opened::File(file))) => !self.read(file, path, kind),
            Ok(Some(Opened::Folder(_))) => {
                let not_a_file = Problem::Not {
                    wanted: Kind::File,
                    found: Kind::Folder,
                };
                self.report(&path, &not_a_file);
                true
            }
            Err(problem) => {
                self.report(&path, &problem);
                true
            }
        }
    }

    /// `systemer` or `prosjekter`: a folder to walk (or a file).
    fn top_entry(&mut self, folder: &Folder, name: &str, kind: FileKind) {
        let path = self.root.join(name);
        match folder.open_entry(name) {
            Ok(None) => {}
            Ok(Some(Opened::File(file))) => {
                self.read(file, path, kind);
            }
            Ok(Some(Opened::Folder(sub))) => self.walk_folder(&sub, &path, kind),
            Err(problem) => self.report(&path, &problem),
        }
    }

    /// `--systemer PATH` or `--prosjekter PATH`: a file or a folder, nothing else.
    fn flag_path(&mut self, path: &Path, kind: FileKind) {
        match input::open(path) {
            Ok(Opened::File(file)) => {
                self.read(file, path.to_path_buf(), kind);
            }
            Ok(Opened::Folder(sub)) => self.walk_folder(&sub, path, kind),
            Err(problem) => self.report(path, &problem),
        }
    }

    /// Every .yaml/.yml file under a folder, sorted, hidden ones skipped; more than
    /// `--max-files` in one folder tree is refused whole.
    fn walk_folder(&mut self, folder: &Folder, path: &Path, kind: FileKind) {
        let first_job = self.found.jobs.len();
        let mut count = 0;
        if !self.walk(folder, path, kind, 0, &mut count) {
            self.found.jobs.truncate(first_job);
            let limit = self.options.max_files;
            let shown = self.options.base.show(path);
            self.diags.push(
                Diagnostic::error(
                    &shown,
                    0,
                    0,
                    Text::new(
                        format!("Mappa har flere enn {limit} YAML-filer; ingen av dem er lest"),
                        format!("The folder holds more than {limit} YAML files; none was read"),
                    ),
                )
                .with_hint(Text::new(
                    "Sjekk at du har gitt riktig mappe, eller øk grensen med --max-files",
                    "Check that the folder is the right one, or raise the limit with --max-files",
                )),
            );
        }
    }

    /// `false` when the folder tree holds more YAML files than the limit.
    fn walk(
        &mut self,
        folder: &Folder,
        path: &Path,
        kind: FileKind,
        depth: usize,
        count: &mut usize,
    ) -> bool {
        let entries = match folder.entries() {
            Ok(entries) => entries,
            Err(problem) => {
                let shown = self.options.base.show(path);
                let reason = match problem {
                    Problem::Io(e) => e.to_string(),
                    other => format!("{other:?}"),
                };
                self.diags.push(Diagnostic::error(
                    &shown,
                    0,
                    0,
                    Text::new(
                        format!("Kan ikke lese mappa: {reason}"),
                        format!("Cannot read the folder: {reason}"),
                    ),
                ));
                return true;
            }
        };
        for Entry {
            name,
            kind: found,
            plain_name,
        } in entries
        {
            if name.starts_with('.') {
                continue;
            }
            let child = path.join(&name);
            let is_yaml = is_yaml(&name);
            if !plain_name && (is_yaml || found == Kind::Folder) {
                self.odd_name(&child);
                continue;
            }
            match found {
                Kind::Folder => match folder.open_entry(&name) {
                    Ok(Some(Opened::Folder(sub))) if depth < MAX_FOLDER_DEPTH => {
                        if !self.walk(&sub, &child, kind, depth + 1, count) {
                            return false;
                        }
                    }
                    Ok(Some(Opened::Folder(_))) => self.too_deep(&child),
                    Ok(Some(Opened::File(file))) if is_yaml => {
                        *count += 1;
                        if *count > self.options.max_files {
                            return false;
                        }
                        self.read(file, child, kind);
                    }
                    Ok(_) => {}
                    Err(problem) => self.report(&child, &problem),
                },
                Kind::Link if is_yaml || folder.link_is_folder(&name) => {
                    let link = Problem::Not {
                        wanted: Kind::File,
                        found: Kind::Link,
                    };
                    self.report(&child, &link);
                }
                _ if !is_yaml => {}
                Kind::File => {
                    *count += 1;
                    if *count > self.options.max_files {
                        return false;
                    }
                    match folder.open_entry(&name) {
                        Ok(Some(Opened::File(file))) => {
                            self.read(file, child, kind);
                        }
                        Ok(Some(Opened::Folder(_))) => {
                            let not_a_file = Problem::Not {
                                wanted: Kind::File,
                                found: Kind::Folder,
                            };
                            self.report(&child, &not_a_file);
                        }
                        Ok(None) => {}
                        Err(problem) => self.report(&child, &problem),
                    }
                }
                // A pipe, socket or device named *.yaml: never opened.
                found => {
                    let special = Problem::Not {
                        wanted: Kind::File,
                        found,
                    };
                    self.report(&child, &special);
                }
            }
        }
        true
    }

    /// A file or folder whose name is not plain text: never read, never silently skipped.
    fn odd_name(&mut self, path: &Path) {
        let shown = self.options.base.show(path);
        self.diags.push(
            Diagnostic::error(
                &shown,
                0,
                0,
                Text::new(
                    "Navnet har tegn som ikke kan vises som de er (kontrolltegn, retningstegn eller ugyldig UTF-8); den er ikke lest",
                    "The name holds characters that cannot be shown as they are (control or direction characters, or invalid UTF-8); it was not read",
                ),
            )
            .with_hint(Text::new(
                "Gi fila eller mappa et navn med vanlige tegn",
                "Give the file or folder a name of ordinary characters",
            )),
        );
    }

    fn too_deep(&mut self, path: &Path) {
        let shown = self.options.base.show(path);
        self.diags.push(Diagnostic::error(
            &shown,
            0,
            0,
            Text::new(
                format!("Mappene er nestet dypere enn {MAX_FOLDER_DEPTH} nivåer; denne er ikke lest"),
                format!("The folders are nested deeper than {MAX_FOLDER_DEPTH} levels; this one was not read"),
            ),
        ));
    }

    /// Reads one file within the size limit; `false` when it could not be read (reported).
    fn read(&mut self, file: input::InputFile, path: PathBuf, kind: FileKind) -> bool {
        match file.read(self.options.max_file_bytes) {
            Ok((bytes, identity)) => {
                self.found.inputs.push(identity);
                let display = self.options.base.show(&path);
                self.found.jobs.push(Job {
                    display,
                    kind,
                    bytes,
                });
                true
            }
            Err(problem) => {
                self.report(&path, &problem);
                false
            }
        }
    }
}

fn is_yaml(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}
