//! Opening what a run reads (the kommune folder and its files, and the files that flags
//! name) as untrusted: each is opened once, no symbolic link is followed, a pipe or device
//! is never read, and every check is made on the open handle, so nothing can be swapped in
//! between a look and a read. Reads stop at a size limit.
//!
//! On Unix the folder is walked by handle (`openat` relative to the folder's descriptor,
//! `O_NOFOLLOW`, `O_NONBLOCK`, `fstat`); elsewhere by path, with the same checks made on
//! the opened file.

use crate::diagnostic::Diagnostic;
use crate::text::Text;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What sits at a path, when it is not what was wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
    Link,
    Pipe,
    Socket,
    /// A character device (`/dev/null`, a terminal).
    Device,
    BlockDevice,
    Other,
}

impl Kind {
    /// «en mappe» / "a folder".
    fn described(self) -> (&'static str, &'static str) {
        match self {
            Kind::File => ("en fil", "a file"),
            Kind::Folder => ("en mappe", "a folder"),
            Kind::Link => ("en symbolsk lenke", "a symbolic link"),
            Kind::Pipe => ("et rør (FIFO)", "a pipe (FIFO)"),
            Kind::Socket => ("en sokkel", "a socket"),
            Kind::Device => ("en enhet", "a device"),
            Kind::BlockDevice => ("en blokkenhet (disk)", "a block device (disk)"),
            Kind::Other => ("en spesiell fil", "a special file"),
        }
    }
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum Problem {
    Missing,
    /// Something other than a regular file where a file was wanted (or than a folder).
    Not {
        wanted: Kind,
        found: Kind,
    },
    TooLarge {
        bytes: Option<u64>,
        limit: u64,
    },
    /// A folder on the way to a relative path is a symbolic link (named as walked).
    LinkOnTheWay(String),
    Io(std::io::Error),
}

impl Problem {
    /// The diagnostic at `shown` (the path as the user sees it).
    pub fn diagnostic(&self, shown: &str) -> Diagnostic {
        let error = |nb: String, en: String| Diagnostic::error(shown, 0, 0, Text::new(nb, en));
        match self {
            Problem::Missing => error(format!("Fant ikke {shown}"), format!("{shown} not found")),
            Problem::Not {
                found: Kind::Link, ..
            } => error(
                "Symbolsk lenke; prinsipp følger ikke lenker, så den er ikke lest".into(),
                "A symbolic link; prinsipp does not follow links, so it was not read".into(),
            )
            .with_hint(Text::new(
                "Legg fila eller mappa selv her, eller gi den virkelige stien",
                "Put the file or folder itself here, or give its real path",
            )),
            Problem::LinkOnTheWay(folder) => error(
                format!("Mappa {folder} på veien hit er en symbolsk lenke; prinsipp følger ikke lenker, så dette er ikke lest"),
                format!("The folder {folder} on the way here is a symbolic link; prinsipp does not follow links, so this was not read"),
            )
            .with_hint(Text::new(
                "Gi den virkelige stien, eller legg mappa selv der lenken er",
                "Give the real path, or put the folder itself where the link is",
            )),
            Problem::Not { wanted, found } => {
                let (w, f) = (wanted.described(), found.described());
                error(
                    format!("Ventet {}, fant {}; den er ikke lest", w.0, f.0),
                    format!("Expected {}, found {}; it was not read", w.1, f.1),
                )
            }
            Problem::TooLarge { bytes, limit } => {
                let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
                let limit = mib(*limit);
                let (nb, en) = match bytes {
                    Some(b) => (
                        format!(
                            "Fila er for stor ({:.1} MiB; grensen er {limit:.0} MiB)",
                            mib(*b)
                        ),
                        format!(
                            "The file is too large ({:.1} MiB; the limit is {limit:.0} MiB)",
                            mib(*b)
                        ),
                    ),
                    None => (
                        format!("Fila er større enn grensen på {limit:.0} MiB"),
                        format!("The file is larger than the limit of {limit:.0} MiB"),
                    ),
                };
                error(nb, en).with_hint(Text::new(
                    "Del den opp i flere filer, eller øk grensen med --max-file-size",
                    "Split it into several files, or raise the limit with --max-file-size",
                ))
            }
            Problem::Io(e) => error(
                format!("Kan ikke lese fila: {e}"),
                format!("Cannot read the file: {e}"),
            ),
        }
    }
}

/// A regular file, opened and checked, not yet read.
pub struct InputFile {
    file: std::fs::File,
    identity: Identity,
    size: u64,
}

impl InputFile {
    /// The whole content, if it is at most `limit` bytes (the size the file claims is not
    /// trusted: reading stops one byte past the limit).
    pub fn read(mut self, limit: u64) -> Result<(Vec<u8>, Identity), Problem> {
        if self.size > limit {
            return Err(Problem::TooLarge {
                bytes: Some(self.size),
                limit,
            });
        }
        let mut bytes = Vec::with_capacity(self.size as usize);
        (&mut self.file)
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(Problem::Io)?;
        if bytes.len() as u64 > limit {
            return Err(Problem::TooLarge { bytes: None, limit });
        }
        Ok((bytes, self.identity))
    }
}

/// What a path or a folder entry turned out to be, once opened.
pub enum Opened {
    File(InputFile),
    Folder(Folder),
}

/// Reads the regular file at `path` (a flag's file: `--config`, `--baseline`).
pub fn read_file(path: &Path, limit: u64) -> Result<(Vec<u8>, Identity), Problem> {
    match open(path)? {
        Opened::File(file) => file.read(limit),
        Opened::Folder(_) => Err(Problem::Not {
            wanted: Kind::File,
            found: Kind::Folder,
        }),
    }
}

/// An entry of a folder, as listed (before it is opened).
pub struct Entry {
    /// The name; not UTF-8 bytes shown as U+FFFD.
    pub name: String,
    pub kind: Kind,
    /// The name is UTF-8 and holds nothing hidden (control or direction characters): a
    /// name that is not would be shown differently from what it is, or not be found again.
    pub plain_name: bool,
}

fn plain_name(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|name| !name.chars().any(crate::text::is_hidden))
}

pub use imp::{Folder, Identity, open, output_target};

impl Folder {
    /// Opens the folder at `path`; a link there is not followed.
    pub fn open(path: &Path) -> Result<Folder, Problem> {
        match open(path)? {
            Opened::Folder(folder) => Ok(folder),
            Opened::File(_) => Err(Problem::Not {
                wanted: Kind::Folder,
                found: Kind::File,
            }),
        }
    }
}

/// What sits at an output path now: `None` when nothing does.
pub struct Target {
    pub kind: Kind,
    pub identity: Identity,
}

/// The part of `path` below the working directory, when it lies there (an absolute path
/// into the repository, as CI writes `$GITHUB_WORKSPACE/…`): a pull request could have
/// put a link anywhere in that part, so it is treated as a relative path.
pub fn below_working_directory(path: &Path) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let rest = path.strip_prefix(&cwd).ok()?;
    Some(normalised(rest))
}

/// A path with trailing separators and `.` components dropped: `kommune/` must not make the
/// system follow a link named `kommune`.
fn normalised(path: &Path) -> PathBuf {
    let normal: PathBuf = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    if normal.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        normal
    }
}

#[cfg(unix)]
mod imp {
    use super::*;
    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    use rustix::io::Errno;
    use std::os::fd::OwnedFd;
    use std::path::Component;

    /// Which file an input was (device and inode), so that no output replaces an input.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct Identity {
        device: u64,
        inode: u64,
    }

    /// Open for reading, never through a link, never blocking on a pipe, never as the
    /// controlling terminal.
    fn flags() -> OFlags {
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC
    }

    fn kind_of(file_type: FileType) -> Kind {
        match file_type {
            FileType::RegularFile => Kind::File,
            FileType::Directory => Kind::Folder,
            FileType::Symlink => Kind::Link,
            FileType::Fifo => Kind::Pipe,
            FileType::Socket => Kind::Socket,
            FileType::CharacterDevice => Kind::Device,
            FileType::BlockDevice => Kind::BlockDevice,
            FileType::Unknown => Kind::Other,
        }
    }

    fn problem(errno: Errno) -> Problem {
        match errno {
            Errno::NOENT => Problem::Missing,
            // O_NOFOLLOW on a link.
            Errno::LOOP => Problem::Not {
                wanted: Kind::File,
                found: Kind::Link,
            },
            _ => Problem::Io(errno.into()),
        }
    }

    /// An opened descriptor, classified by `fstat` on the descriptor itself.
    fn classify(fd: OwnedFd) -> Result<Opened, Problem> {
        let stat = rustix::fs::fstat(&fd).map_err(problem)?;
        let identity = Identity {
            device: stat.st_dev as u64,
            inode: stat.st_ino as u64,
        };
        match kind_of(FileType::from_raw_mode(stat.st_mode)) {
            Kind::File => Ok(Opened::File(InputFile {
                file: std::fs::File::from(fd),
                identity,
                size: stat.st_size as u64,
            })),
            Kind::Folder => Ok(Opened::Folder(Folder { fd })),
            found => Err(Problem::Not {
                wanted: Kind::File,
                found,
            }),
        }
    }

    /// When opening failed, what was there (a socket cannot be opened at all).
    fn explain_failure(
        errno: Errno,
        at: impl Fn() -> rustix::io::Result<rustix::fs::Stat>,
    ) -> Problem {
        match errno {
            Errno::NXIO | Errno::OPNOTSUPP => match at() {
                Ok(stat) => Problem::Not {
                    wanted: Kind::File,
                    found: kind_of(FileType::from_raw_mode(stat.st_mode)),
                },
                Err(_) => problem(errno),
            },
            _ => problem(errno),
        }
    }

    /// A folder, by handle.
    pub struct Folder {
        fd: OwnedFd,
    }

    impl Folder {
        /// Opens the entry `name`; `Ok(None)` when there is none.
        pub fn open_entry(&self, name: &str) -> Result<Option<Opened>, Problem> {
            match rustix::fs::openat(&self.fd, name, flags(), Mode::empty()) {
                Ok(fd) => classify(fd).map(Some),
                Err(Errno::NOENT) => Ok(None),
                Err(errno) => Err(explain_failure(errno, || {
                    rustix::fs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW)
                })),
            }
        }

        /// The entries, sorted by name (`.` and `..` left out). A name that is not UTF-8
        /// is shown with replacement characters.
        pub fn entries(&self) -> Result<Vec<Entry>, Problem> {
            let mut dir = rustix::fs::Dir::read_from(&self.fd).map_err(problem)?;
            let mut out = Vec::new();
            while let Some(entry) = dir.read() {
                let entry = entry.map_err(problem)?;
                let bytes = entry.file_name().to_bytes();
                let name = String::from_utf8_lossy(bytes).into_owned();
                if name == "." || name == ".." {
                    continue;
                }
                let plain_name = plain_name(bytes);
                let mut kind = kind_of(entry.file_type());
                if kind == Kind::Other {
                    // The file system does not say in the listing: ask without following.
                    kind =
                        rustix::fs::statat(&self.fd, entry.file_name(), AtFlags::SYMLINK_NOFOLLOW)
                            .map_or(Kind::Other, |s| kind_of(FileType::from_raw_mode(s.st_mode)));
                }
                out.push(Entry {
                    name,
                    kind,
                    plain_name,
                });
            }
            out.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(out)
        }

        /// Whether the link `name` points at a folder (only to say what it is; the link is
        /// never read through).
        pub fn link_is_folder(&self, name: &str) -> bool {
            rustix::fs::statat(&self.fd, name, AtFlags::empty())
                .is_ok_and(|s| FileType::from_raw_mode(s.st_mode) == FileType::Directory)
        }
    }

    /// Opens `path`, a file or a folder; a link at the last component is not followed.
    /// An absolute path is the caller's own choice and its folders are followed; inside the
    /// working directory (a relative path), where a pull request could have put a link,
    /// every folder on the way is opened by handle without following one.
    pub fn open(path: &Path) -> Result<Opened, Problem> {
        let path = normalised(path);
        let path = below_working_directory(&path).unwrap_or(path);
        if path.is_absolute() {
            return match rustix::fs::open(&path, flags(), Mode::empty()) {
                Ok(fd) => classify(fd),
                Err(errno) => Err(explain_failure(errno, || rustix::fs::lstat(&path))),
            };
        }
        let folder_flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let mut dir = rustix::fs::open(".", folder_flags, Mode::empty()).map_err(problem)?;
        let mut components: Vec<Component> = path.components().collect();
        let last = components.pop();
        let mut walked = PathBuf::new();
        for component in components {
            walked.push(component);
            let name = component.as_os_str();
            let opened =
                rustix::fs::openat(&dir, name, folder_flags | OFlags::NOFOLLOW, Mode::empty());
            dir = match opened {
                Ok(fd) => fd,
                Err(errno @ (Errno::LOOP | Errno::NOTDIR)) => {
                    let stat = rustix::fs::statat(&dir, name, AtFlags::SYMLINK_NOFOLLOW);
                    return Err(match stat.map(|s| FileType::from_raw_mode(s.st_mode)) {
                        Ok(FileType::Symlink) => {
                            Problem::LinkOnTheWay(walked.to_string_lossy().into_owned())
                        }
                        _ => problem(errno),
                    });
                }
                Err(errno) => return Err(problem(errno)),
            };
        }
        let Some(last) = last else {
            return classify(dir);
        };
        let name = last.as_os_str();
        match rustix::fs::openat(&dir, name, flags(), Mode::empty()) {
            Ok(fd) => classify(fd),
            Err(errno) => Err(explain_failure(errno, || {
                rustix::fs::statat(&dir, name, AtFlags::SYMLINK_NOFOLLOW)
            })),
        }
    }

    /// What is at an output path now, without following a link.
    pub fn output_target(path: &Path) -> Option<Target> {
        let stat = rustix::fs::lstat(normalised(path)).ok()?;
        Some(Target {
            kind: kind_of(FileType::from_raw_mode(stat.st_mode)),
            identity: Identity {
                device: stat.st_dev as u64,
                inode: stat.st_ino as u64,
            },
        })
    }
}

#[cfg(not(unix))]
mod imp {
    use super::*;

    /// Which file an input was (its canonical path), so that no output replaces an input.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct Identity {
        path: PathBuf,
    }

    fn identity(path: &Path) -> Identity {
        Identity {
            path: std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        }
    }

    fn kind_of(meta: &std::fs::Metadata) -> Kind {
        let t = meta.file_type();
        if t.is_symlink() {
            Kind::Link
        } else if t.is_dir() {
            Kind::Folder
        } else if t.is_file() {
            Kind::File
        } else {
            Kind::Other
        }
    }

    fn io(e: std::io::Error) -> Problem {
        if e.kind() == std::io::ErrorKind::NotFound {
            Problem::Missing
        } else {
            Problem::Io(e)
        }
    }

    /// A folder, by path (this platform has no handle-relative opening in std).
    pub struct Folder {
        path: PathBuf,
    }

    impl Folder {
        pub fn open_entry(&self, name: &str) -> Result<Option<Opened>, Problem> {
            match open(&self.path.join(name)) {
                Err(Problem::Missing) => Ok(None),
                other => other.map(Some),
            }
        }

        pub fn entries(&self) -> Result<Vec<Entry>, Problem> {
            let mut out = Vec::new();
            for entry in std::fs::read_dir(&self.path).map_err(io)? {
                let entry = entry.map_err(io)?;
                let kind = entry
                    .path()
                    .symlink_metadata()
                    .map_or(Kind::Other, |m| kind_of(&m));
                let raw = entry.file_name();
                out.push(Entry {
                    name: raw.to_string_lossy().into_owned(),
                    kind,
                    plain_name: raw.to_str().is_some_and(|n| plain_name(n.as_bytes())),
                });
            }
            out.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(out)
        }

        pub fn link_is_folder(&self, name: &str) -> bool {
            self.path.join(name).is_dir()
        }
    }

    pub fn open(path: &Path) -> Result<Opened, Problem> {
        let path = normalised(path);
        let path = below_working_directory(&path).unwrap_or(path);
        // Inside the working directory no folder on the way may be a link (as on Unix).
        if path.is_relative() {
            let mut walked = PathBuf::new();
            for component in path.parent().into_iter().flat_map(Path::components) {
                walked.push(component);
                if walked
                    .symlink_metadata()
                    .is_ok_and(|m| m.file_type().is_symlink())
                {
                    return Err(Problem::LinkOnTheWay(walked.to_string_lossy().into_owned()));
                }
            }
        }
        let meta = path.symlink_metadata().map_err(io)?;
        match kind_of(&meta) {
            Kind::Folder => Ok(Opened::Folder(Folder { path })),
            Kind::File => {
                let file = std::fs::File::open(&path).map_err(io)?;
                let meta = file.metadata().map_err(io)?;
                if !meta.is_file() {
                    return Err(Problem::Not {
                        wanted: Kind::File,
                        found: kind_of(&meta),
                    });
                }
                Ok(Opened::File(InputFile {
                    file,
                    identity: identity(&path),
                    size: meta.len(),
                }))
            }
            found => Err(Problem::Not {
                wanted: Kind::File,
                found,
            }),
        }
    }

    pub fn output_target(path: &Path) -> Option<Target> {
        let path = normalised(path);
        let meta = path.symlink_metadata().ok()?;
        Some(Target {
            kind: kind_of(&meta),
            identity: identity(&path),
        })
    }
}
