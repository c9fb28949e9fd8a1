//! Writing files without losing anything: every file prinsipp writes (reports, schemas,
//! init's starter folder) goes through here.
//!
//! - A new file or a regular file is written to a temporary file created exclusively under
//!   an unpredictable name beside it (never through a planted link), then renamed into
//!   place: an interrupted run never leaves a half-written file under the real name.
//! - A pipe or a character device (`/dev/null`, a terminal) is written through, never
//!   replaced.
//! - Anything else (a folder, a link, a socket, a block device) is refused, and so is a
//!   file the run read as input.

use crate::input::{self, Identity, Kind};
use crate::text::Text;
use std::io::Write;
use std::path::{Component, Path};

/// Why a target is refused or a write failed; the message names the reason, not the path
/// (the caller's diagnostic is placed at the path).
#[derive(Debug)]
pub enum WriteError {
    /// One of the files this run read.
    IsInput,
    /// Something that must not be replaced or written through.
    Refused(Kind),
    /// A folder on the way (inside the working directory) is a symbolic link.
    LinkOnTheWay(String),
    /// A pipe nobody reads from.
    NoReader,
    Io(std::io::Error),
}

impl WriteError {
    pub fn message(&self) -> Text {
        match self {
            WriteError::IsInput => Text::new(
                "det er en av filene denne kjøringen leser; prinsipp overskriver ikke inndata",
                "it is one of the files this run reads; prinsipp does not overwrite its input",
            ),
            WriteError::Refused(Kind::Link) => Text::new(
                "det er en symbolsk lenke; prinsipp skriver ikke gjennom lenker",
                "it is a symbolic link; prinsipp does not write through links",
            ),
            WriteError::Refused(kind) => {
                let (nb, en) = match kind {
                    Kind::Folder => ("en mappe", "a folder"),
                    Kind::Socket => ("en sokkel", "a socket"),
                    Kind::BlockDevice => ("en blokkenhet (disk)", "a block device (disk)"),
                    _ => ("en spesiell fil", "a special file"),
                };
                Text::new(
                    format!("det er {nb}, ikke en fil"),
                    format!("it is {en}, not a file"),
                )
            }
            WriteError::LinkOnTheWay(folder) => Text::new(
                format!(
                    "mappa {folder} på veien dit er en symbolsk lenke; prinsipp skriver ikke gjennom lenker"
                ),
                format!(
                    "the folder {folder} on the way is a symbolic link; prinsipp does not write through links"
                ),
            ),
            WriteError::NoReader => Text::new(
                "det er et rør som ingen leser fra",
                "it is a pipe nobody reads from",
            ),
            WriteError::Io(e) => Text::new(e.to_string(), e.to_string()),
        }
    }
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// «Kan ikke skrive fila: …», at the file's path: a file the user asked for that could not
/// be written, and why.
pub fn cannot_write(path: &Path, e: &WriteError) -> crate::diagnostic::Diagnostic {
    let why = e.message();
    crate::diagnostic::Diagnostic::error(
        &path.display().to_string(),
        0,
        0,
        Text::new(
            format!("Kan ikke skrive fila: {}", why.nb),
            format!("Cannot write the file: {}", why.en),
        ),
    )
}

/// Checks, before anything is written, that `path` may be written: not one of `inputs`,
/// and nothing that would be replaced or written through wrongly.
pub fn check_target(path: &Path, inputs: &[Identity]) -> Result<(), WriteError> {
    link_on_the_way(path)?;
    match input::output_target(path) {
        None => Ok(()),
        Some(t) if inputs.contains(&t.identity) => Err(WriteError::IsInput),
        Some(t) => match t.kind {
            Kind::File | Kind::Pipe | Kind::Device => Ok(()),
            kind => Err(WriteError::Refused(kind)),
        },
    }
}

/// Inside the working directory (the repository in CI: a relative path, or an absolute one
/// that leads there), where a pull request could have put a link, no folder on the way may
/// be one. The rest of an absolute path is the caller's own choice.
fn link_on_the_way(path: &Path) -> Result<(), WriteError> {
    let below = input::below_working_directory(path);
    let path = below.as_deref().unwrap_or(path);
    if path.is_absolute() {
        return Ok(());
    }
    let parents = path.parent().unwrap_or(Path::new(""));
    match first_link(Path::new(""), parents) {
        Some(link) => Err(WriteError::LinkOnTheWay(
            link.to_string_lossy().into_owned(),
        )),
        None => Ok(()),
    }
}

/// The first folder on the way from `base` through `folders` that is a symbolic link
/// (`base` itself is not looked at): nothing is written through one.
pub fn first_link(base: &Path, folders: &Path) -> Option<std::path::PathBuf> {
    let mut on_the_way = base.to_path_buf();
    for component in folders.components() {
        on_the_way.push(component);
        if matches!(component, Component::CurDir | Component::ParentDir) {
            continue;
        }
        if input::output_target(&on_the_way).is_some_and(|t| t.kind == Kind::Link) {
            return Some(on_the_way);
        }
    }
    None
}

/// Writes `content` to `path` as described at the top of this module, after
/// [`check_target`].
pub fn write_output(
    path: &Path,
    content: impl AsRef<[u8]>,
    inputs: &[Identity],
) -> Result<(), WriteError> {
    check_target(path, inputs)?;
    let content = content.as_ref();
    match input::output_target(path).map(|t| t.kind) {
        Some(Kind::Pipe | Kind::Device) => write_through(path, content),
        Some(_) => replace(path, content, true),
        None => replace(path, content, false),
    }
}

/// Writes to a new, exclusively created temporary file beside `path` and renames it into
/// place; without `existing`, the rename refuses to replace anything that appeared since.
fn replace(path: &Path, content: &[u8], existing: bool) -> Result<(), WriteError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".prinsipp.tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As a plain create would: readable by others unless the umask says otherwise.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(parent)?;
    temp.write_all(content)?;
    temp.as_file().sync_data()?;
    // Dropping a temporary file that was not persisted removes it.
    if existing {
        temp.persist(path).map_err(|e| WriteError::Io(e.error))?;
    } else {
        temp.persist_noclobber(path)
            .map_err(|e| WriteError::Io(e.error))?;
    }
    Ok(())
}

/// A pipe or a character device: opened without following a link and without blocking,
/// checked on the handle, and written to.
#[cfg(unix)]
fn write_through(path: &Path, content: &[u8]) -> Result<(), WriteError> {
    use rustix::fs::{FileType, Mode, OFlags};
    use rustix::io::Errno;
    let flags =
        OFlags::WRONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let fd = rustix::fs::open(path, flags, Mode::empty()).map_err(|errno| match errno {
        Errno::NXIO => WriteError::NoReader,
        Errno::LOOP => WriteError::Refused(Kind::Link),
        e => WriteError::Io(e.into()),
    })?;
    let stat = rustix::fs::fstat(&fd).map_err(|e| WriteError::Io(e.into()))?;
    match FileType::from_raw_mode(stat.st_mode) {
        FileType::Fifo | FileType::CharacterDevice => {}
        // Swapped since the check (a regular file is never written into in place).
        _ => return Err(WriteError::Refused(Kind::Other)),
    }
    // Blocking again: a slow reader is waited for, not an error.
    rustix::fs::fcntl_setfl(&fd, OFlags::empty()).map_err(|e| WriteError::Io(e.into()))?;
    let mut file = std::fs::File::from(fd);
    file.write_all(content)?;
    Ok(())
}

#[cfg(not(unix))]
fn write_through(_path: &Path, _content: &[u8]) -> Result<(), WriteError> {
    Err(WriteError::Refused(Kind::Other))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("prinsipp-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn a_named_file_is_replaced_whole() {
        let dir = scratch("replace");
        let target = dir.join("rapport.json");
        std::fs::write(&target, "gammelt innhold som er lengre enn det nye").unwrap();
        write_output(&target, "nytt", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "nytt");
        assert!(leftovers(&dir).is_empty());
    }

    #[test]
    fn a_folder_is_refused_and_no_temporary_file_is_left() {
        let dir = scratch("fail");
        let target = dir.join("rapport.json");
        std::fs::create_dir_all(target.join("innhold")).unwrap();
        assert!(matches!(
            write_output(&target, "nytt", &[]),
            Err(WriteError::Refused(Kind::Folder))
        ));
        assert!(
            target.join("innhold").is_dir(),
            "what was there is untouched"
        );
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    }

    #[test]
    fn a_failed_rename_leaves_no_temporary_file() {
        let dir = scratch("rename");
        // The folder appears after the check: the rename (no clobbering) fails.
        let target = dir.join("rapport.json");
        let result = replace(&target, b"nytt", false);
        assert!(result.is_ok());
        assert!(replace(&target, b"igjen", false).is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "nytt");
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    }

    /// Before: the temporary file had a predictable name and was opened following links,
    /// so a link planted there redirected the report into another file.
    #[cfg(unix)]
    #[test]
    fn a_link_at_a_predictable_temporary_name_is_not_followed() {
        let dir = scratch("predictable");
        let victim = dir.join("offer.txt");
        std::fs::write(&victim, "urørt").unwrap();
        let planted = dir.join(format!(".rapport.json.prinsipp-{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, planted).unwrap();
        let target = dir.join("rapport.json");
        write_output(&target, "nytt", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "urørt");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "nytt");
    }
}
