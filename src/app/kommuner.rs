//! Which kommuner a run reads, and reading them: a folder with kommune.yaml is one
//! kommune; a folder with samarbeid.yaml is an IKT-samarbeid, one kommune per owner with
//! the shared systems it uses; any other folder stands for its subfolders that are either.
//! Also which kommunenummer is taken twice.

use super::{ConfigSource, LoadedConfig, kommune_settings, open_kommune, read_config};
use crate::diagnostic::{Diagnostic, Level};
use crate::input::{self, Opened};
use crate::load::{self, LoadOptions};
use crate::model::Portfolio;
use crate::text::Text;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What a named folder turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Unit {
    Kommune(PathBuf),
    Samarbeid(PathBuf),
}

/// One kommune as read: its folder, what was loaded, its settings file, and its problems.
/// For an IKT-samarbeid whose shared files cannot be read, one such entry stands for the
/// samarbeid (nothing loaded, the problems of the shared files).
pub(super) struct ReadKommune {
    pub path: PathBuf,
    pub loaded: load::Loaded,
    pub config: Option<LoadedConfig>,
    pub diags: Vec<Diagnostic>,
    pub inputs: Vec<input::Identity>,
}

/// A kommune read with its settings built: what `check` and `report` go on from.
pub(super) struct Settled {
    pub path: PathBuf,
    pub diags: Vec<Diagnostic>,
    pub inputs: Vec<input::Identity>,
    /// The portfolio and its settings when everything could be read (no error above).
    pub ready: Option<(Portfolio, crate::settings::Settings)>,
}

impl ReadKommune {
    /// Builds the kommune's settings: `--strategi`, else prinsipp.toml's, else kommune.yaml's.
    pub(super) fn settle(self, strategy: Option<&str>) -> Settled {
        let ReadKommune {
            path,
            loaded,
            config,
            mut diags,
            inputs,
        } = self;
        diags.extend(loaded.diagnostics);
        let settings = kommune_settings(
            config.as_ref(),
            strategy,
            loaded.portfolio.as_ref(),
            &mut diags,
        );
        let readable = !diags.iter().any(|d| d.level == Level::Error);
        let ready = match (loaded.portfolio, settings) {
            (Some(portfolio), Some(settings)) if readable => Some((portfolio, settings)),
            _ => None,
        };
        Settled {
            path,
            diags,
            inputs,
            ready,
        }
    }
}

/// The kommuner the folders named hold, read in parallel, in the order named (a parent's
/// subfolders and a samarbeid's owners in order).
pub(super) fn read_kommuner(
    paths: &[PathBuf],
    config: Option<&Path>,
    options: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ReadKommune> {
    let (units, _) = kommune_units(paths, &options.base, diags);
    let read: Vec<Vec<ReadKommune>> = units
        .par_iter()
        .map(|unit| read_unit(unit, config, options))
        .collect();
    read.into_iter().flatten().collect()
}

/// The kommuner of one unit: one kommune, or a samarbeid's owners.
pub(super) fn read_unit(
    unit: &Unit,
    config: Option<&Path>,
    options: &LoadOptions,
) -> Vec<ReadKommune> {
    match unit {
        Unit::Kommune(path) => vec![read_one(path, config, options)],
        Unit::Samarbeid(path) => read_samarbeid(path, config, options),
    }
}

/// What tells one kommune from another in a run: its kommunenummer, and where it is written.
pub(super) struct KommuneId {
    number: String,
    file: String,
    line: u32,
    column: u32,
}

impl KommuneId {
    pub(super) fn of(portfolio: &Portfolio) -> KommuneId {
        let at = portfolio.kommune.spans.key("kommunenummer");
        KommuneId {
            number: portfolio.kommune.number.clone(),
            file: portfolio.file_name(at.file).to_string(),
            line: at.line,
            column: at.column,
        }
    }
}

fn read_one(path: &Path, config: Option<&Path>, options: &LoadOptions) -> ReadKommune {
    let mut diags = Vec::new();
    let mut inputs = Vec::new();
    let (folder, config) = open_kommune(path, config, options, &mut inputs, &mut diags);
    let loaded = match &folder {
        Some(folder) => load::load_opened(folder, path, options),
        None => load::Loaded::default(),
    };
    inputs.extend(loaded.inputs.iter().cloned());
    ReadKommune {
        path: path.to_path_buf(),
        loaded,
        config,
        diags,
        inputs,
    }
}

/// An IKT-samarbeid: its shared part once, then each owner with what it uses of it. Each
/// owner's settings are `--config`, else its own prinsipp.toml, else the samarbeid's.
fn read_samarbeid(path: &Path, config: Option<&Path>, options: &LoadOptions) -> Vec<ReadKommune> {
    let failed = |diags: Vec<Diagnostic>, inputs, files| {
        vec![ReadKommune {
            path: path.to_path_buf(),
            loaded: load::Loaded {
                files,
                ..load::Loaded::default()
            },
            config: None,
            diags,
            inputs,
        }]
    };
    let folder = match load::open_folder(path, &options.base) {
        Ok(folder) => folder,
        Err(d) => return failed(vec![*d], Vec::new(), Vec::new()),
    };
    let mut shared = load::load_shared(&folder, path, options);
    if matches!(folder.open_entry("kommune.yaml"), Ok(Some(_))) {
        let shown = options.base.show(&path.join("kommune.yaml"));
        shared.diagnostics.push(
            Diagnostic::warning(
                &shown,
                0,
                0,
                Text::new(
                    "kommune.yaml ved siden av samarbeid.yaml leses ikke: mappa er et IKT-samarbeid",
                    "kommune.yaml beside samarbeid.yaml is not read: the folder is an IKT-samarbeid",
                ),
            )
            .with_hint(Text::new(
                "Hver eierkommune har sin kommune.yaml i sin egen mappe, oppført under kommuner i samarbeid.yaml",
                "Each owner kommune has its kommune.yaml in a folder of its own, listed under kommuner in samarbeid.yaml",
            )),
        );
    }
    let errors = shared.diagnostics.iter().any(|d| d.level == Level::Error);
    let Some(samarbeid) = shared.samarbeid.as_ref().filter(|_| !errors) else {
        return failed(
            shared.diagnostics.clone(),
            shared.inputs.clone(),
            shared.files().to_vec(),
        );
    };
    let mut shared_inputs = shared.inputs.clone();
    let mut shared_diags = shared.diagnostics.clone();
    let shared_config = match config {
        Some(_) => None,
        None => read_config(
            ConfigSource::InFolder(&folder, path),
            options.max_file_bytes,
            &options.base,
            &mut shared_inputs,
            &mut shared_diags,
        ),
    };
    let members: Vec<&str> = samarbeid.members.iter().collect();
    let mut read: Vec<ReadKommune> = members
        .par_iter()
        .map(|member| {
            let member_path = path.join(member);
            let mut diags = Vec::new();
            let mut inputs = Vec::new();
            let (sub, own_config) =
                open_kommune(&member_path, config, options, &mut inputs, &mut diags);
            let loaded = match &sub {
                Some(sub) => load::load_member(&shared, member, sub, &member_path, options),
                None => load::Loaded::default(),
            };
            inputs.extend(loaded.inputs.iter().cloned());
            ReadKommune {
                path: member_path,
                loaded,
                config: own_config.or_else(|| shared_config.clone()),
                diags,
                inputs,
            }
        })
        .collect();
    // The shared part's warnings and files belong to the first owner: said once.
    if let Some(first) = read.first_mut() {
        first.diags.splice(0..0, shared_diags);
        first.inputs.extend(shared_inputs);
    }
    read
}

/// What each folder named is: a kommune (holds kommune.yaml), a samarbeid (holds
/// samarbeid.yaml), or a parent of such folders (its subfolders that are, by name). A
/// folder that cannot be opened, or is none of these, is kept as named, so that reading it
/// reports why. With whether the run is of several kommuner (anything but one folder
/// named that is one kommune).
pub(super) fn kommune_units(
    paths: &[PathBuf],
    base: &load::PathBase,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Unit>, bool) {
    let units = units_of(paths, base, diags);
    let single = paths.len() == 1 && units == [Unit::Kommune(paths[0].clone())];
    (units, !single)
}

fn units_of(paths: &[PathBuf], base: &load::PathBase, diags: &mut Vec<Diagnostic>) -> Vec<Unit> {
    let kind = |folder: &input::Folder, path: &Path| {
        if matches!(folder.open_entry("samarbeid.yaml"), Ok(Some(_))) {
            Some(Unit::Samarbeid(path.to_path_buf()))
        } else if matches!(folder.open_entry("kommune.yaml"), Ok(Some(_))) {
            Some(Unit::Kommune(path.to_path_buf()))
        } else {
            None
        }
    };
    let mut out = Vec::new();
    for path in paths {
        let Ok(folder) = input::Folder::open(path) else {
            out.push(Unit::Kommune(path.clone()));
            continue;
        };
        if let Some(unit) = kind(&folder, path) {
            out.push(unit);
            continue;
        }
        let entries = folder.entries().unwrap_or_default();
        // A link is not followed, and a name that is not plain is not shown as it is: either
        // could be a kommune, so say that it is not read.
        for e in entries.iter().filter(|e| {
            e.kind == input::Kind::Link || (e.kind == input::Kind::Folder && !e.plain_name)
        }) {
            let shown = base.show(&path.join(&e.name));
            diags.push(Diagnostic::warning(
                &crate::report::escape::line(&shown),
                0,
                0,
                Text::new(
                    "Ikke lest som kommunemappe: prinsipp følger ikke symbolske lenker og leser ikke mapper med kontrolltegn i navnet",
                    "Not read as a kommune folder: prinsipp follows no symbolic links and reads no folder with control characters in its name",
                ),
            ));
        }
        let mut names: Vec<String> = entries
            .into_iter()
            .filter(|e| e.kind == input::Kind::Folder && e.plain_name)
            .map(|e| e.name)
            .collect();
        names.sort();
        let found: Vec<Unit> = names
            .into_iter()
            .filter_map(|name| match folder.open_entry(&name) {
                Ok(Some(Opened::Folder(sub))) => kind(&sub, &path.join(&name)),
                _ => None,
            })
            .collect();
        if found.is_empty() {
            out.push(Unit::Kommune(path.clone()));
        } else {
            out.extend(found);
        }
    }
    out
}

/// Two kommuner with one kommunenummer cannot be told apart (in a trend, a ranking, or a
/// baseline of several kommuner): each later one is an error, by its index in `ids`.
pub(super) fn duplicate_numbers<'k>(
    ids: impl Iterator<Item = &'k KommuneId>,
) -> Vec<(usize, Diagnostic)> {
    let mut first: std::collections::HashMap<&str, &KommuneId> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (index, id) in ids.enumerate() {
        match first.get(id.number.as_str()) {
            None => {
                first.insert(&id.number, id);
            }
            Some(earlier) => {
                let (number, other) = (&id.number, &earlier.file);
                out.push((
                    index,
                    Diagnostic::error(
                        &id.file,
                        id.line,
                        id.column,
                        Text::new(
                            format!("Kommunenummer {number} er også brukt i {other}"),
                            format!("Kommunenummer {number} is also used in {other}"),
                        ),
                    )
                    .with_hint(Text::new(
                        "Hver kommune i kjøringen trenger sitt eget kommunenummer; er samme mappe gitt to ganger?",
                        "Every kommune in the run needs its own kommunenummer; is one folder given twice?",
                    )),
                ));
            }
        }
    }
    out
}
