//! Writing an import into a kommune folder, again and again: each file says in its header
//! where it came from and the hash of what was written, so the next import knows whether
//! a person has edited it since (then it is left alone and reported, unless `--overskriv`).
//! Files are written to a temporary folder first and moved into place one by one; a file
//! the source no longer has is reported, never deleted.

use super::report::Written;
use crate::diagnostic::Diagnostic;
use crate::input::{self, Opened};
use crate::text::Text;
use std::path::{Path, PathBuf};

/// The line an import writes into every file's header, before the hash.
const MARK: &str = "# prinsipp-import: ";

/// One file an import would write.
#[derive(Debug, Clone)]
pub struct Planned {
    /// Inside the kommune folder, with `/` (`systemer/elements.yaml`).
    pub path: String,
    /// «regneark», «kartoteket», …: files of one source are only compared with their own.
    pub source: String,
    /// What the file holds, as YAML.
    pub body: String,
    /// Where it came from, for the first comment line.
    pub provenance: String,
}

fn hash(body: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(body.as_bytes())[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file as written: two comment lines, then the body.
pub fn render(planned: &Planned) -> String {
    format!(
        "# Importert av prinsipp fra {}.\n{MARK}kilde={} sha256={}\n{}",
        planned.provenance.replace(['\n', '\r'], " "),
        planned.source,
        hash(&planned.body),
        planned.body
    )
}

/// What an earlier import wrote into a file: its source, and whether its body is still
/// what was written.
struct Earlier {
    source: String,
    untouched: bool,
    body: String,
}

fn earlier(text: &str) -> Option<Earlier> {
    let mut lines = text.splitn(3, '\n');
    let _provenance = lines.next()?;
    let mark = lines.next()?.strip_prefix(MARK)?;
    let body = lines.next().unwrap_or("");
    let mut source = None;
    let mut recorded = None;
    for part in mark.split_whitespace() {
        if let Some(s) = part.strip_prefix("kilde=") {
            source = Some(s.to_string());
        } else if let Some(h) = part.strip_prefix("sha256=") {
            recorded = Some(h.to_string());
        }
    }
    Some(Earlier {
        source: source?,
        untouched: recorded.as_deref() == Some(hash(body).as_str()),
        body: body.to_string(),
    })
}

/// What is at a path of the folder now.
enum Existing {
    None,
    /// Written by an import and not edited since.
    Imported {
        source: String,
        body: String,
    },
    /// Written or edited by a person.
    Edited,
}

fn existing(path: &Path, limit: u64) -> Result<Existing, Box<Diagnostic>> {
    let shown = path.display().to_string();
    match input::read_file(path, limit) {
        Err(input::Problem::Missing) => Ok(Existing::None),
        Err(problem) => Err(Box::new(problem.diagnostic(&shown))),
        Ok((bytes, _)) => {
            let text = String::from_utf8_lossy(&bytes);
            Ok(match earlier(&text) {
                Some(e) if e.untouched => Existing::Imported {
                    source: e.source,
                    body: e.body,
                },
                _ => Existing::Edited,
            })
        }
    }
}

/// Writes `planned` into `folder`, reporting what happened to each file in `written`.
/// Also lists, as gone, the files of the same `source` an earlier import wrote that are
/// not planned now.
pub fn write(
    folder: &Path,
    planned: &[Planned],
    source: &str,
    overwrite: bool,
    report_gone: bool,
    limit: u64,
    written: &mut Written,
) -> Result<(), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut to_write: Vec<(&Planned, PathBuf)> = Vec::new();
    // A folder (`systemer/`) that is not there yet holds nothing to check: its files are
    // new, and the checks are made once for the folder, not once for each of its files.
    let mut missing: std::collections::HashMap<&str, bool> = Default::default();
    for p in planned {
        let target = folder.join(&p.path);
        let parent = p.path.rsplit_once('/').map_or("", |(parent, _)| parent);
        let fresh = !parent.is_empty()
            && *missing.entry(parent).or_insert_with(|| {
                link_below(folder, &p.path).is_none()
                    && std::fs::symlink_metadata(folder.join(parent))
                        .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
            });
        if fresh {
            written.created.push(p.path.clone());
            to_write.push((p, target));
            continue;
        }
        if let Some(link) = link_below(folder, &p.path) {
            errors.push(Diagnostic::error(
                &link.display().to_string(),
                0,
                0,
                Text::new(
                    "Mappa er en symbolsk lenke; prinsipp skriver ikke gjennom lenker i kommunemappa",
                    "The folder is a symbolic link; prinsipp does not write through links in the kommune folder",
                ),
            ));
            continue;
        }
        if let Err(e) = crate::files::check_target(&target, &[]) {
            errors.push(crate::files::cannot_write(&target, &e));
            continue;
        }
        match existing(&target, limit) {
            Err(d) => errors.push(*d),
            Ok(Existing::None) => {
                written.created.push(p.path.clone());
                to_write.push((p, target));
            }
            // Another source's file is kept as if a person had written it.
            Ok(Existing::Imported { source, .. }) if source != p.source && !overwrite => {
                written.kept.push(p.path.clone());
            }
            Ok(Existing::Imported { body, .. }) if body == p.body => {
                written.unchanged.push(p.path.clone());
            }
            Ok(Existing::Imported { .. }) => {
                written.updated.push(p.path.clone());
                to_write.push((p, target));
            }
            Ok(Existing::Edited) if overwrite => {
                written.updated.push(p.path.clone());
                to_write.push((p, target));
            }
            Ok(Existing::Edited) => written.kept.push(p.path.clone()),
        }
    }
    for (kind, dir) in [
        ("systemer", folder.join("systemer")),
        ("prosjekter", folder.join("prosjekter")),
    ]
    .into_iter()
    .filter(|_| report_gone)
    {
        gone(&dir, kind, source, planned, limit, written);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Every file whole in a temporary folder first, then moved into place one by one.
    let fail = |e: std::io::Error| {
        vec![Diagnostic::error(
            &folder.display().to_string(),
            0,
            0,
            Text::new(
                format!("Kan ikke skrive importen: {e}"),
                format!("Cannot write the import: {e}"),
            ),
        )]
    };
    std::fs::create_dir_all(folder).map_err(fail)?;
    let staging = tempfile::Builder::new()
        .prefix(".prinsipp-import-")
        .tempdir_in(folder)
        .map_err(fail)?;
    let mut staged = Vec::new();
    for (i, (p, target)) in to_write.iter().enumerate() {
        let temp = staging.path().join(format!("{i}.yaml"));
        std::fs::write(&temp, render(p)).map_err(fail)?;
        staged.push((temp, target));
    }
    let mut made: Option<&Path> = None;
    for (temp, target) in staged {
        if let Some(parent) = target.parent().filter(|p| made != Some(*p)) {
            std::fs::create_dir_all(parent).map_err(fail)?;
            made = Some(parent);
        }
        std::fs::rename(&temp, target).map_err(fail)?;
    }
    Ok(())
}

/// Deep enough for any kommune folder; guards the walk.
const MAX_DEPTH: usize = 8;

/// The ids other files of the folder hold — written by hand or by another source — in
/// `systemer/`, `prosjekter/` and `systemer.yaml`/`prosjekter.yaml`, as
/// (`systemer`|`prosjekter`, id, file): an import must not give one of them to a second
/// system. Files this source wrote are left out (their ids come from the id map), and so
/// are files that do not parse (the check reports them).
pub fn ids_in_use(folder: &Path, source: &str, limit: u64) -> Vec<(&'static str, String, String)> {
    let mut found = Vec::new();
    let Ok(Opened::Folder(root)) = input::open(folder) else {
        return found;
    };
    for kind in ["systemer", "prosjekter"] {
        for name in [
            format!("{kind}.yaml"),
            format!("{kind}.yml"),
            kind.to_string(),
        ] {
            match root.open_entry(&name) {
                Ok(Some(Opened::File(file))) => {
                    ids_of_file(file, kind, &name, source, limit, &mut found)
                }
                Ok(Some(Opened::Folder(sub))) => {
                    ids_of_folder(&sub, kind, &name, source, limit, 0, &mut found)
                }
                _ => {}
            }
        }
    }
    found
}

fn ids_of_folder(
    folder: &input::Folder,
    kind: &'static str,
    path: &str,
    source: &str,
    limit: u64,
    depth: usize,
    found: &mut Vec<(&'static str, String, String)>,
) {
    let Ok(entries) = folder.entries() else {
        return;
    };
    for entry in entries
        .iter()
        .filter(|e| e.plain_name && !e.name.starts_with('.'))
    {
        let child = format!("{path}/{}", entry.name);
        match folder.open_entry(&entry.name) {
            Ok(Some(Opened::File(file)))
                if entry.name.ends_with(".yaml") || entry.name.ends_with(".yml") =>
            {
                ids_of_file(file, kind, &child, source, limit, found)
            }
            Ok(Some(Opened::Folder(sub))) if depth < MAX_DEPTH => {
                ids_of_folder(&sub, kind, &child, source, limit, depth + 1, found)
            }
            _ => {}
        }
    }
}

fn ids_of_file(
    file: input::InputFile,
    kind: &'static str,
    path: &str,
    source: &str,
    limit: u64,
    found: &mut Vec<(&'static str, String, String)>,
) {
    let Ok((bytes, _)) = file.read(limit) else {
        return;
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return;
    };
    if earlier(&text).is_some_and(|e| e.source == source) {
        return;
    }
    let Some(root) = crate::load::parse_yaml(&text) else {
        return;
    };
    use crate::load::YamlValue as V;
    let id_of = |node: &crate::load::Node| match &node.value {
        V::Map(entries) => {
            entries
                .iter()
                .find(|e| e.key == "id")
                .and_then(|e| match &e.value.value {
                    V::Scalar { text, .. } => Some(text.clone()),
                    _ => None,
                })
        }
        _ => None,
    };
    let V::Map(entries) = &root.value else { return };
    let mut ids: Vec<String> = id_of(&root).into_iter().collect();
    for entry in entries {
        match (&entry.key[..], &entry.value.value) {
            ("prosjekt", _) => ids.extend(id_of(&entry.value)),
            ("systemer" | "prosjekter", V::Seq(items)) => {
                ids.extend(items.iter().filter_map(id_of))
            }
            _ => {}
        }
    }
    found.extend(ids.into_iter().map(|id| (kind, id, path.to_string())));
}

/// The first folder on the way from `folder` to `path` (inside it) that is a symbolic
/// link: whatever the way to the kommune folder, nothing inside it is written through one.
fn link_below(folder: &Path, path: &str) -> Option<PathBuf> {
    let parents = Path::new(path).parent().unwrap_or(Path::new(""));
    crate::files::first_link(folder, parents)
}

/// Files of `source` in `dir` that an earlier import wrote and this one does not plan.
fn gone(
    dir: &Path,
    kind: &str,
    source: &str,
    planned: &[Planned],
    limit: u64,
    written: &mut Written,
) {
    let Ok(Opened::Folder(folder)) = input::open(dir) else {
        return;
    };
    let Ok(entries) = folder.entries() else {
        return;
    };
    let planned: std::collections::HashSet<&str> =
        planned.iter().map(|p| p.path.as_str()).collect();
    for entry in entries {
        let path = format!("{kind}/{}", entry.name);
        if !entry.name.ends_with(".yaml") || planned.contains(path.as_str()) {
            continue;
        }
        let Ok(Some(Opened::File(file))) = folder.open_entry(&entry.name) else {
            continue;
        };
        let Ok((bytes, _)) = file.read(limit) else {
            continue;
        };
        if earlier(&String::from_utf8_lossy(&bytes)).is_some_and(|e| e.source == source) {
            written.gone.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_is_seen_in_the_hash() {
        let planned = Planned {
            path: "systemer/a.yaml".into(),
            source: "regneark".into(),
            body: "id: a\nnavn: \"A\"\n".into(),
            provenance: "s.xlsx, rad 2".into(),
        };
        let text = render(&planned);
        assert!(text.starts_with(
            "# Importert av prinsipp fra s.xlsx, rad 2.\n# prinsipp-import: kilde=regneark sha256="
        ));
        assert!(earlier(&text).unwrap().untouched);
        let edited = text.replace("\"A\"", "\"A2\"");
        assert!(!earlier(&edited).unwrap().untouched);
        assert!(earlier("id: a\n").is_none());
    }
}
