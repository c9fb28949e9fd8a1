//! Which kommune folders a run reads: a folder with kommune.yaml is one, a folder without
//! stands for its subfolders that have one; and which kommunenummer is taken twice.

use crate::diagnostic::Diagnostic;
use crate::input::{self, Opened};
use crate::model::Portfolio;
use crate::text::Text;
use std::path::PathBuf;

/// The kommune folders named: each folder that holds kommune.yaml, and for one that does
/// not, its subfolders that do (by name). A folder that cannot be opened, or has neither,
/// is kept as named, so that reading it reports why.
pub(super) fn kommune_folders(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        let Ok(folder) = input::Folder::open(path) else {
            out.push(path.clone());
            continue;
        };
        if matches!(folder.open_entry("kommune.yaml"), Ok(Some(_))) {
            out.push(path.clone());
            continue;
        }
        let entries = folder.entries().unwrap_or_default();
        // A link is not followed, and a name that is not plain is not shown as it is: either
        // could be a kommune, so say that it is not read.
        for e in entries.iter().filter(|e| {
            e.kind == input::Kind::Link || (e.kind == input::Kind::Folder && !e.plain_name)
        }) {
            let shown = path.join(&e.name).display().to_string();
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
        let found: Vec<PathBuf> = names
            .into_iter()
            .filter(|name| match folder.open_entry(name) {
                Ok(Some(Opened::Folder(sub))) => {
                    matches!(sub.open_entry("kommune.yaml"), Ok(Some(_)))
                }
                _ => false,
            })
            .map(|name| path.join(name))
            .collect();
        if found.is_empty() {
            out.push(path.clone());
        } else {
            out.extend(found);
        }
    }
    out
}

/// Two kommuner with one kommunenummer cannot be told apart (in a trend, a ranking, or a
/// baseline of several kommuner): each later one is an error, by its index in `portfolios`.
pub(super) fn duplicate_numbers<'p>(
    portfolios: impl Iterator<Item = &'p Portfolio>,
) -> Vec<(usize, Diagnostic)> {
    let mut first: std::collections::HashMap<&str, &Portfolio> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (index, portfolio) in portfolios.enumerate() {
        let number = portfolio.kommune.number.as_str();
        match first.get(number) {
            None => {
                first.insert(number, portfolio);
            }
            Some(earlier) => {
                let at = portfolio.kommune.spans.key("kommunenummer");
                let other = earlier.file_path(earlier.kommune.spans.at.file);
                out.push((
                    index,
                    Diagnostic::error(
                        portfolio.file_path(at.file),
                        at.line,
                        at.column,
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
