//! Reading a kommune folder: find the files, parse each (in parallel), build the Portfolio,
//! and collect every problem in every file as a diagnostic with its place.

mod base;
mod entities;
mod file;
mod read;
pub use crate::format as shape;
mod walk;
mod yaml;

pub use crate::diagnostic::{Diagnostic, Level};
pub use file::FileKind;
pub use read::MAX_ID_CHARS;
pub use yaml::{Node, Value as YamlValue};

/// The tree of a YAML text with the same limits as every input (import re-reads the files
/// it wrote); `None` when it is not one clean document.
pub fn parse_yaml(text: &str) -> Option<Node> {
    let parsed = yaml::parse(text).ok()?;
    parsed.problems.is_empty().then_some(parsed.root).flatten()
}

use crate::input::{self, Folder, Identity, Problem};
use crate::model::*;
use crate::text::Text;
use file::FileResult;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use walk::Job;

pub use base::PathBase;

/// Files larger than this are refused before they are read.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Read systems from this file or folder instead of `systemer/` and `systemer.yaml`.
    pub systems: Option<PathBuf>,
    /// Read projects from this file or folder instead of `prosjekter/` and `prosjekter.yaml`.
    pub projects: Option<PathBuf>,
    pub max_file_bytes: u64,
    /// More YAML files than this is refused: a folder that large is a mistake (a wrong
    /// path, a generated tree), and reading it would take a long time.
    pub max_files: usize,
    /// Where the paths users see start (see `base`).
    pub base: PathBase,
}

/// The default for `LoadOptions::max_files`.
pub const DEFAULT_MAX_FILES: usize = 10_000;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            systems: None,
            projects: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_files: DEFAULT_MAX_FILES,
            base: PathBase::default(),
        }
    }
}

/// The outcome of loading: the portfolio when every file could be read, and every
/// diagnostic (errors and warnings) in file order.
#[derive(Debug, Default)]
pub struct Loaded {
    pub portfolio: Option<Portfolio>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every file that was read (also when the portfolio could not be built).
    pub files: Vec<SourceFile>,
    /// Which files were read, so that no output replaces one of them.
    pub inputs: Vec<Identity>,
}

/// Opens the kommune folder at `path` and loads it (see [`load_opened`]).
pub fn load_folder(path: &Path, options: &LoadOptions) -> Loaded {
    match open_folder(path, &options.base) {
        Ok(folder) => load_opened(&folder, path, options),
        Err(d) => Loaded {
            portfolio: None,
            diagnostics: vec![*d],
            files: Vec::new(),
            inputs: Vec::new(),
        },
    }
}

/// Opens the kommune folder the user named; a link there is not followed.
pub fn open_folder(path: &Path, base: &PathBase) -> Result<Folder, Box<Diagnostic>> {
    let shown = base.show(path);
    let message = match input::Folder::open(path) {
        Ok(folder) => return Ok(folder),
        Err(Problem::Missing) => Text::new(
            format!("Fant ikke mappa {shown}"),
            format!("Folder {shown} not found"),
        ),
        Err(Problem::Not {
            found: input::Kind::Link,
            ..
        }) => Text::new(
            format!("{shown} er en symbolsk lenke; prinsipp følger ikke lenker"),
            format!("{shown} is a symbolic link; prinsipp does not follow links"),
        ),
        Err(problem @ Problem::LinkOnTheWay(_)) => {
            return Err(Box::new(problem.diagnostic(&shown)));
        }
        Err(Problem::Io(e)) => Text::new(
            format!("Kan ikke åpne mappa {shown}: {e}"),
            format!("Cannot open the folder {shown}: {e}"),
        ),
        Err(_) => Text::new(
            format!("{shown} er ikke en mappe"),
            format!("{shown} is not a folder"),
        ),
    };
    let hint = Text::new(
        "Gi mappa der kommune.yaml ligger: prinsipp check MAPPE",
        "Give the folder that holds kommune.yaml: prinsipp check FOLDER",
    );
    Err(Box::new(
        Diagnostic::error(&shown, 0, 0, message).with_hint(hint),
    ))
}

/// Loads the kommune folder `folder`, opened from `path`: every file read by handle,
/// parsed in parallel, assembled into one portfolio with every problem in every file.
pub fn load_opened(folder: &Folder, path: &Path, options: &LoadOptions) -> Loaded {
    let mut diags = Vec::new();
    let found = walk::read_files(folder, path, options, &mut diags);
    if !found.kommune_reported && !found.jobs.iter().any(|j| j.kind == FileKind::Kommune) {
        let hint = Text::new(
            "Lag en med `prinsipp init`, eller se docs/datamodell.md",
            "Create one with `prinsipp init`, or see docs/datamodell.md",
        );
        diags.push(
            Diagnostic::error(
                &options.base.show(&path.join("kommune.yaml")),
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

    let mut jobs = found.jobs;
    let results = parse_in_parallel(&mut jobs, 0);
    let files = source_files(jobs);
    stray_used_by(&files, &results, &mut diags);
    let mut loaded = assemble(files, results, diags);
    if let Some(p) = loaded.portfolio.as_mut() {
        p.root = options.base.root();
    }
    loaded.inputs = found.inputs;
    loaded
}

fn source_files(jobs: Vec<Job>) -> Vec<SourceFile> {
    jobs.into_iter()
        .map(|j| SourceFile { display: j.display })
        .collect()
}

/// An IKT-samarbeid's shared part (samarbeid.yaml, systems, projects, the shared deviation
/// register), read and parsed once for all its owner kommuner.
pub struct Shared {
    pub samarbeid: Option<Samarbeid>,
    files: Vec<SourceFile>,
    /// Each shared file's entities, without their diagnostics (those are in `diagnostics`,
    /// said once for the samarbeid rather than once per owner).
    results: Vec<FileResult>,
    pub diagnostics: Vec<Diagnostic>,
    pub inputs: Vec<Identity>,
}

impl Shared {
    /// The shared files read.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }
}

/// Reads an IKT-samarbeid's shared part from its folder `folder` (at `path`).
pub fn load_shared(folder: &Folder, path: &Path, options: &LoadOptions) -> Shared {
    let mut diags = Vec::new();
    let head = ("samarbeid.yaml", FileKind::Samarbeid);
    let found = walk::read_files_as(folder, path, head, options, &mut diags);
    let mut jobs = found.jobs;
    let mut results = parse_in_parallel(&mut jobs, 0);
    let files = source_files(jobs);
    let mut samarbeid = None;
    for r in &mut results {
        diags.append(&mut r.diags);
        samarbeid = samarbeid.or(r.samarbeid.take());
    }
    if let Some(s) = &samarbeid {
        let members: Vec<&str> = s.members.iter().collect();
        for r in &results {
            let used_by = r
                .systems
                .iter()
                .map(|s| &s.used_by)
                .chain(r.projects.iter().map(|p| &p.used_by));
            for (name, at) in used_by.flat_map(|names| names.0.iter()) {
                if members.contains(&name.as_str()) {
                    continue;
                }
                let shown = files.get(at.file.0 as usize).map_or("", |f| &f.display);
                let hint = match crate::suggest::did_you_mean(name, members.iter().copied()) {
                    Some(near) => {
                        Text::new(format!("Mente du {near}?"), format!("Did you mean {near}?"))
                    }
                    None => Text::new(
                        format!("Eierkommunene i samarbeid.yaml er {}", members.join(", ")),
                        format!(
                            "The owner kommuner in samarbeid.yaml are {}",
                            members.join(", ")
                        ),
                    ),
                };
                diags.push(
                    Diagnostic::error(
                        shown,
                        at.line,
                        at.column,
                        Text::new(
                            format!(
                                "«{}» i brukes_av er ikke en av eierkommunene",
                                crate::text::shorten(name)
                            ),
                            format!(
                                "«{}» in brukes_av is not one of the owner kommuner",
                                crate::text::shorten(name)
                            ),
                        ),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    Shared {
        samarbeid,
        files,
        results,
        diagnostics: diags,
        inputs: found.inputs,
    }
}

/// One owner kommune of an IKT-samarbeid: its own folder (`folder` at `path`) with the shared systems and projects it uses
/// and the shared deviation register. The shared files come first, so a finding on a
/// shared system points at the same file in every owner's result. What kommune.yaml does
/// not say of strategy and fund, samarbeid.yaml may.
pub fn load_member(
    shared: &Shared,
    member: &str,
    folder: &Folder,
    path: &Path,
    options: &LoadOptions,
) -> Loaded {
    let mut diags = Vec::new();
    let head = ("kommune.yaml", FileKind::Kommune);
    let found = walk::read_files_as(folder, path, head, options, &mut diags);
    if !found.kommune_reported && !found.jobs.iter().any(|j| j.kind == FileKind::Kommune) {
        diags.push(
            Diagnostic::error(
                &options.base.show(&path.join("kommune.yaml")),
                0,
                0,
                Text::new(
                    format!("Eierkommunen {member} mangler kommune.yaml"),
                    format!("The owner kommune {member} has no kommune.yaml"),
                ),
            )
            .with_hint(Text::new(
                "Hver eierkommune har en mappe med kommune.yaml (navn og kommunenummer); se docs/datamodell.md",
                "Every owner kommune has a folder with kommune.yaml (navn and kommunenummer); see docs/datamodell.md",
            )),
        );
    }
    let offset = shared.files.len();
    let mut jobs = found.jobs;
    let own = parse_in_parallel(&mut jobs, offset);
    let own_files = source_files(jobs);
    stray_used_by(&own_files, &own, &mut diags);
    let uses = |names: &Names| names.is_empty() || names.contains(member);
    let mut results: Vec<FileResult> = shared
        .results
        .iter()
        .map(|r| FileResult {
            systems: r
                .systems
                .iter()
                .filter(|s| uses(&s.used_by))
                .cloned()
                .collect(),
            projects: r
                .projects
                .iter()
                .filter(|p| uses(&p.used_by))
                .cloned()
                .collect(),
            avvik: r.avvik.clone(),
            ..FileResult::default()
        })
        .collect();
    results.extend(own);
    let mut files = shared.files.clone();
    files.extend(own_files);
    let mut loaded = assemble(files, results, diags);
    if let Some(p) = loaded.portfolio.as_mut() {
        p.root = options.base.root();
    }
    if let (Some(p), Some(s)) = (&mut loaded.portfolio, &shared.samarbeid) {
        let k = &mut p.kommune;
        if k.strategy.is_none() && s.strategy.is_some() {
            k.strategy = s.strategy.clone();
            k.spans.add_key("strategi", s.spans.key("strategi"));
        }
        if k.fund.is_none() && s.fund.is_some() {
            k.fund = s.fund.clone();
            k.spans
                .add_key("digitaliseringsfond", s.spans.key("digitaliseringsfond"));
        }
        p.membership = Some(Membership {
            samarbeid: s.name.clone(),
            member: member.to_string(),
            members: s.members.iter().map(str::to_string).collect(),
            shared_files: offset,
        });
    }
    loaded.inputs = found.inputs;
    loaded
}

/// `brukes_av` outside a samarbeid's shared files says nothing: tell whoever wrote it.
fn stray_used_by(files: &[SourceFile], results: &[FileResult], diags: &mut Vec<Diagnostic>) {
    let entries = results.iter().flat_map(|r| {
        r.systems
            .iter()
            .map(|s| (&s.used_by, s.spans.key("brukes_av")))
            .chain(
                r.projects
                    .iter()
                    .map(|p| (&p.used_by, p.spans.key("brukes_av"))),
            )
    });
    for (_, at) in entries.filter(|(names, _)| !names.is_empty()) {
        let shown = files.get(at.file.0 as usize).map_or("", |f| &f.display);
        diags.push(
            Diagnostic::warning(
                shown,
                at.line,
                at.column,
                Text::new(
                    "brukes_av gjelder bare de felles systemene og prosjektene i et IKT-samarbeid; her har det ingen virkning",
                    "brukes_av applies only to the shared systems and projects of an IKT-samarbeid; here it has no effect",
                ),
            )
            .with_hint(Text::new(
                "Flytt systemet til samarbeidets felles systemer/, eller fjern brukes_av",
                "Move the system to the samarbeid's shared systemer/, or remove brukes_av",
            )),
        );
    }
}

/// A file given as bytes, for loading without a disk (the fuzzer, property tests).
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in diagnostics, as if relative to a kommune folder.
    pub display: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
}

/// Loads files given in memory exactly as `load_folder` loads them from disk (in the order
/// given; without a kommune.yaml among them, that is an error as in a folder).
pub fn load_sources(sources: &[Source]) -> Loaded {
    let mut diags = Vec::new();
    if !sources.iter().any(|s| s.kind == FileKind::Kommune) {
        diags.push(Diagnostic::error(
            "kommune.yaml",
            0,
            0,
            Text::new(
                "Mappa mangler kommune.yaml",
                "The folder has no kommune.yaml",
            ),
        ));
    }
    let results = sources
        .iter()
        .enumerate()
        .map(|(i, s)| file::parse_source(&s.bytes, s.kind, FileId(i as u32), &s.display))
        .collect();
    let files = sources
        .iter()
        .map(|s| SourceFile {
            display: s.display.clone(),
        })
        .collect();
    assemble(files, results, diags)
}

/// One portfolio from the files' results, in file order, with every diagnostic.
fn assemble(
    files: Vec<SourceFile>,
    results: Vec<FileResult>,
    mut diags: Vec<Diagnostic>,
) -> Loaded {
    let mut portfolio = Portfolio::default();
    for (file, result) in files.into_iter().zip(results) {
        portfolio.files.push(file);
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
    let files = portfolio.files.clone();
    Loaded {
        portfolio: (!failed).then_some(portfolio),
        diagnostics: diags,
        files,
        inputs: Vec::new(),
    }
}

/// Parses every job's bytes on rayon's pool; each file's bytes are dropped as soon as it
/// is parsed. Results keep the jobs' order.
/// `first` is the first job's file number (after a samarbeid's shared files).
fn parse_in_parallel(jobs: &mut [Job], first: usize) -> Vec<FileResult> {
    use rayon::prelude::*;
    jobs.par_iter_mut()
        .enumerate()
        .map(|(i, job)| {
            let bytes = std::mem::take(&mut job.bytes);
            let id = FileId((first + i) as u32);
            file::parse_source(&bytes, job.kind, id, &job.display)
        })
        .collect()
}

/// Ids are unique across the inventory and every inline new system; project ids among
/// projects. A duplicate names both places.
fn check_unique_ids(p: &Portfolio, diags: &mut Vec<Diagnostic>) {
    let systems = p
        .systems
        .iter()
        .chain(p.inline_systems())
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
