//! The report's earlier results: `--tidligere` files and `--historikk` months from git,
//! each read and (for a month) checked into a point of the trend.

use super::super::{kommune_settings, open_kommune};
use crate::cli::ReportArgs;
use crate::diagnostic::{Diagnostic, Level};
use crate::figures::trend;
use crate::input;
use crate::load::{self, LoadOptions};
use crate::model::Date;
use crate::text::Text;
use std::path::{Path, PathBuf};

/// `--historikk`: the kommune folder at `path` checked as it was at the end of each month
/// since `from`. A month that cannot be read is left out with a warning: an old mistake
/// does not stop today's report.
pub(super) fn months(
    args: &ReportArgs,
    path: &Path,
    from: Date,
    until: Date,
    number: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<crate::history::Earlier> {
    let limit = args.max_file_size.saturating_mul(1024 * 1024);
    let shown = path.display().to_string();
    let months = match crate::history::git::months(path, from, until, limit, args.max_files) {
        Ok(m) => m,
        Err(why) => {
            diags.push(
                Diagnostic::warning(&shown, 0, 0, Text::new(
                    format!("--historikk: {}; utviklingen har bare de andre resultatene", why.nb),
                    format!("--historikk: {}; the trend has only the other results", why.en),
                ))
                .with_hint(Text::new(
                    "--historikk leser mappa fra git: den må ligge i et git-repo med minst én commit",
                    "--historikk reads the folder from git: it must be in a git repository with at least one commit",
                )),
            );
            return Vec::new();
        }
    };
    // Files checked out from git into a temporary folder: shown from the working directory.
    let options = LoadOptions {
        max_file_bytes: limit,
        max_files: args.max_files,
        ..LoadOptions::default()
    };
    let mut out = Vec::new();
    let mut warned: Vec<String> = Vec::new();
    for month in months {
        let source = format!("git {} ({})", month.commit, month.date);
        let left_out = |why: Text, warned: &mut Vec<String>, diags: &mut Vec<Diagnostic>| {
            // Once per commit: the months it stands for all say the same.
            if !warned.contains(&month.commit) {
                warned.push(month.commit.clone());
                diags.push(Diagnostic::warning(
                    &source,
                    0,
                    0,
                    Text::new(
                        format!(
                            "{}; mappa slik den var da, er ikke med i utviklingen",
                            why.nb
                        ),
                        format!(
                            "{}; the folder as it was then is left out of the trend",
                            why.en
                        ),
                    ),
                ));
            }
        };
        let dir = match &month.files {
            Ok(dir) => dir.clone(),
            Err(why) => {
                left_out(why.clone(), &mut warned, diags);
                continue;
            }
        };
        let mut problems = Vec::new();
        let mut read = Vec::new();
        let (folder, config) = open_kommune(
            dir.path(),
            args.config.as_deref(),
            &options,
            &mut read,
            &mut problems,
        );
        let loaded = match &folder {
            Some(folder) => load::load_opened(folder, dir.path(), &options),
            None => load::Loaded::default(),
        };
        problems.extend(loaded.diagnostics);
        let settings = kommune_settings(
            config.as_ref(),
            args.strategi.as_deref(),
            loaded.portfolio.as_ref(),
            &mut problems,
        );
        let errors = problems.iter().filter(|d| d.level == Level::Error).count();
        let (Some(portfolio), Some(settings), 0) = (loaded.portfolio, settings, errors) else {
            let why = Text::new(
                format!("{errors} feil i inndata"),
                format!("{errors} error(s) in the input"),
            );
            left_out(why, &mut warned, diags);
            continue;
        };
        let findings = crate::rules::check(&portfolio, &settings, month.date);
        let key = crate::figures::key::compute(&portfolio, &findings, &settings, month.date);
        out.push(crate::history::Earlier {
            kommunenummer: number.to_string(),
            point: trend::point_now(&findings, &key, month.date, &source),
        });
    }
    out
}

/// Every earlier result named by `--tidligere` (a folder stands for its *.json files, by
/// name); each file read is added to `inputs`, each problem to `diags`.
pub(super) fn read(
    paths: &[PathBuf],
    base: &load::PathBase,
    limit: u64,
    known: &[&str],
    inputs: &mut Vec<input::Identity>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<crate::history::Earlier> {
    let mut files = Vec::new();
    for path in paths {
        match input::Folder::open(path) {
            Ok(folder) => {
                let mut names: Vec<String> = folder
                    .entries()
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|e| {
                        e.kind == input::Kind::File && e.plain_name && e.name.ends_with(".json")
                    })
                    .map(|e| e.name)
                    .collect();
                names.sort();
                files.extend(names.into_iter().map(|n| path.join(n)));
            }
            Err(_) => files.push(path.clone()),
        }
    }
    let mut out = Vec::new();
    for file in files {
        let shown = base.show(&file);
        match input::read_file(&file, limit) {
            Ok((bytes, identity)) => {
                inputs.push(identity);
                match crate::history::parse(&bytes, &shown, known) {
                    Ok(points) => out.extend(points),
                    Err(d) => diags.push(*d),
                }
            }
            Err(problem) => diags.push(problem.diagnostic(&shown)),
        }
    }
    out
}
